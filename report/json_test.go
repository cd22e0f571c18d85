package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// The JSON printer is written by hand for speed; reflection over the
// struct types is the specification, byte for byte.
func TestJSONMatchesReflection(t *testing.T) {
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			compareJSON(t, tr.build(t))
		})
	}
	t.Run("every optional field", func(t *testing.T) {
		compareJSON(t, fullReport("module.a[\"é\\\"\"].x.y", "tab\there <b>&amp;</b> \u2028 \x01 \x7f", "f.tf", 3))
	})
	// Large arrays are encoded in chunks on several goroutines.
	t.Run("thousands of resources and findings", func(t *testing.T) {
		rep := fullReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := fullReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i), strings.Repeat("é", i%7), "f.tf", i)
			rep.Assessments = append(rep.Assessments, one.Assessments...)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareJSON(t, rep)
	})
}

func compareJSON(t *testing.T, rep *report.Report) {
	t.Helper()
	var want, got bytes.Buffer
	werr := report.ReferenceJSON(&want, rep)
	gerr := report.JSON(&got, rep, report.Options{})
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("reflection error %v, printer error %v", werr, gerr)
	}
	if werr != nil {
		return
	}
	if want.String() != got.String() {
		t.Errorf("the printer differs from reflection:\n%s", lineDiff(want.String(), got.String()))
	}
}

// fullReport sets every field the JSON format can print, with the strings
// given in the places that take free text.
func fullReport(address, text, file string, line int) *report.Report {
	res := &analyzer.Resource{
		Address: address, Type: "aws_dynamodb_table", Provider: "hashicorp/aws", ProviderConfig: "aws.x",
		Range:          hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 2}},
		Unexpanded:     text,
		Location:       analyzer.Location{Region: "eu-west-3", Zone: "eu-west-3a", Country: "FR", Source: analyzer.LocationSource{Kind: analyzer.FromResource, Attribute: "availability_zone", Via: []string{"var.zone", text}}},
		Classification: analyzer.Classification{Level: text, Matched: true},
		Replicas:       []analyzer.Replica{{Via: "DynamoDB global table replica", Region: "us-east-1", Country: "US"}, {Via: text, Unresolved: text}},
		Variant:        &providers.Variant{ID: "eusc"},
	}
	unresolved := &analyzer.Resource{Address: text, Location: analyzer.Location{Region: "x", Unresolved: text}}
	profile := &providers.Profile{}
	return &report.Report{
		Tool: "sovlint", Version: text, Inputs: []string{file, text}, CatalogAsOf: "2026-11-01",
		Assessments: []rules.Assessment{{Resource: res, Profile: profile, Required: []string{"SOV001"}}, {Resource: unresolved}},
		Findings: []rules.Finding{{
			RuleID: "SOV006", Severity: rules.SeverityWarning, Address: address, Message: text,
			Range: res.Range, LocationRange: hcl.Range{Filename: text, Start: hcl.Pos{Line: line + 1}},
			Provider: text, ProviderConfig: text, Region: text, Country: text, Classification: text,
			Sources:     []rules.Citation{{Key: text, Ref: text, AsOf: text, Verified: text}, {}},
			Suppression: &rules.Suppression{Kind: rules.SuppressedConfig, Reason: text, Expires: text, Owner: text, Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: line}}},
		}, {RuleID: "SOV999", Address: text}},
		Warnings: []report.Warning{{Message: text}, {Message: text, File: file, Line: line}},
	}
}

func FuzzJSONMatchesReflection(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add("a\xffb", "\u2028<>&\"\\\x00", "", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareJSON(t, fullReport(address, text, file, line))
	})
}
