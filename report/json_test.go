package report_test

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
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
			all, _ := rep.Resources.(report.Rows)
			more, _ := one.Resources.(report.Rows)
			all = append(all, more...)
			rep.Resources = all
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareJSON(t, rep)
	})
	// Findings of one fact share a Sources slice, which a chunk writes once
	// with the rule's remediation: shared across rules, and slices equal in
	// content but not in identity, they must come out as each finding's own.
	t.Run("findings sharing citations", func(t *testing.T) {
		rep := fullReport("a.b", "x", "f.tf", 1)
		shared := [][]finding.Citation{
			{{Key: "anssi", Ref: "https://example.org/a", AsOf: "2026-09-26", Verified: "secondary"}},
			{{Key: "k\u00e9\"", Ref: "é\u2028", AsOf: "x", Verified: "y"}, {Key: "b"}},
			{{Key: "anssi", Ref: "https://example.org/a", AsOf: "2026-09-26", Verified: "secondary"}},
		}
		ruleIDs := []string{"SOV001", "SOV002", "SOV003", "SOV999"}
		for i := range 3000 {
			f := rep.Findings[0]
			f.RuleID = ruleIDs[i%len(ruleIDs)]
			f.Address = fmt.Sprintf("aws_s3_bucket.b[%d]", i)
			f.Sources = shared[(i/len(ruleIDs))%len(shared)]
			if i%5 == 0 {
				f.Sources = slices.Clone(f.Sources)
			}
			rep.Findings = append(rep.Findings, f)
		}
		compareJSON(t, rep)
	})
}

func compareJSON(t *testing.T, rep *report.Report) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceJSON(w, rep) },
		func(w io.Writer) error { return report.JSON(w, rep, report.Options{}) }, true)
}

// fullReport sets every field the JSON format can print, with the strings
// given in the places that take free text.
func fullReport(address, text, file string, line int) *report.Report {
	var profile providers.Profile
	res := finding.Resource{
		Address: address, Root: text, Type: "aws_dynamodb_table", Provider: "hashicorp/aws", ProviderConfig: "aws.x",
		File: file, Line: line,
		Unexpanded: text,
		Region:     "eu-west-3", Zone: "eu-west-3a", Country: "FR",
		LocationSource: "resource", LocationAttribute: "availability_zone", LocationVia: []string{"var.zone", text},
		Classification: text,
		Replicas:       []finding.Replica{{Via: "DynamoDB global table replica", Region: "us-east-1", Country: "US"}, {Via: text, Unresolved: text}},
		Variant:        "eusc",
		Checked:        true,
		Verdicts: &finding.Verdicts{
			SecNumCloud: profile.SecNumCloud.Outcome.String(), EULegalControl: profile.LegalControl.Outcome.String(), EUResidency: profile.Residency.Outcome.String(),
			Certifications: []finding.RequiredCertification{{Requirement: "bsi-c5:type2", Outcome: "fail"}, {Requirement: text, Outcome: text}},
		},
		Certifications: []finding.Certification{
			{ID: "iaas-cloudgouv", Scheme: "secnumcloud", Status: "qualified", CertificateID: "2118", ValidFrom: "2023-11-30", ValidUntil: "2026-11-30", Outcome: "pass", Sources: []string{"anssi_2118", text}},
			{ID: text, Scheme: text, Level: text, Status: text, SchemeVersion: text, Outcome: text},
		},
	}
	unresolved := finding.Resource{Address: text, Unresolved: text}
	resRange := hcl.Range{Filename: file, Start: hcl.Pos{Line: line, Column: 2}}
	return &report.Report{
		Tool: "sovlint", Version: text, Inputs: []string{file, text}, CatalogAsOf: "2026-11-01",
		Resources: report.Rows{res, unresolved},
		Rules:     rules.Docs(),
		Findings: []finding.Finding{{
			RuleID: "SOV006", Severity: finding.SeverityWarning, Address: address, Root: text, Message: text,
			Range: resRange, LocationRange: hcl.Range{Filename: text, Start: hcl.Pos{Line: line + 1}},
			Provider: text, ProviderConfig: text, Region: text, Country: text, Classification: text,
			Sources:     []finding.Citation{{Key: text, Ref: text, AsOf: text, Verified: text}, {}},
			Suppression: &finding.Suppression{Kind: finding.SuppressedConfig, Reason: text, Expires: text, Owner: text, Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: line}}},
		}, {RuleID: "SOV999", Address: text}},
		Warnings: []report.Warning{{Message: text}, {Message: text, File: file, Line: line}},
		Roots:    []finding.Root{{Name: text, Path: file}, {Name: "envs/prod", Path: text, Refused: true}},
		Errors:   []finding.InputError{{Root: text, File: file, Line: line, Col: 3, Msg: text}, {Root: "envs/prod", Msg: text}},
	}
}

func FuzzJSONMatchesReflection(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add("a\xffb", "\u2028<>&\"\\\x00", "", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareJSON(t, fullReport(address, text, file, line))
	})
}
