package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/report"
)

// The SARIF printer is written by hand for speed; encoding/json over the
// SARIF types is the specification, byte for byte, whatever the options.
func TestSARIFMatchesReflection(t *testing.T) {
	opts := []report.Options{
		{},
		{SARIFCategory: "infra/prod", Root: "/repo", WorkDir: "/repo/sub"},
	}
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			for _, o := range opts {
				compareSARIF(t, tr.build(t), o)
			}
		})
	}
	t.Run("every optional field", func(t *testing.T) {
		for _, o := range opts {
			compareSARIF(t, sarifReport("module.a[\"é\\\"\"].x.y", "tab\there <b>&amp;</b> \u2028\u2029 \x01\b\f \x7f \xff", "f.tf", 3), o)
		}
	})
	// Large arrays are encoded in chunks on several goroutines.
	t.Run("thousands of findings", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i), strings.Repeat("é", i%7), "f.tf", i)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareSARIF(t, rep, opts[1])
	})
}

func compareSARIF(t *testing.T, rep *report.Report, o report.Options) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceSARIF(w, rep, o) },
		func(w io.Writer) error { return report.SARIF(w, rep, o) }, false)
}

// sarifReport sets every field SARIF can print, with text where the input
// gives it: fullReport's, and findings with and without files, lines,
// location ranges and roots, suppressed inline and by configuration.
func sarifReport(address, text, file string, line int) *report.Report {
	rep := fullReport(address, text, file, line)
	rep.Config = text
	rep.Version = "v1.2.3"
	at := func(f string, l, end int) hcl.Range {
		return hcl.Range{Filename: f, Start: hcl.Pos{Line: l}, End: hcl.Pos{Line: end}}
	}
	rep.Findings = append(rep.Findings,
		finding.Finding{RuleID: "SOV001", Severity: finding.SeverityError, Address: address, Root: ".", Message: text, Range: at(file, line, line+2)},
		finding.Finding{
			RuleID: "SOV003", Severity: finding.SeverityNotice, Address: address, Root: "envs/" + text, Message: text,
			Range: at("/repo/sub/"+file, 0, 0), LocationRange: at("/elsewhere/"+text, line, line),
			Suppression: &finding.Suppression{Kind: finding.SuppressedInline, Reason: text, Range: at(file, line, line)},
		},
		finding.Finding{RuleID: finding.SuppressionRuleID, Severity: finding.SeverityWarning, Address: text, Message: text},
		finding.Finding{
			RuleID: "SOV002", Severity: finding.SeverityWarning, Address: address,
			Suppression: &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: text, Expires: "2027-01-01"},
		},
	)
	rep.Warnings = append(rep.Warnings, report.Warning{Message: text, File: "/repo/" + file})
	return rep
}

func FuzzSARIFMatchesReflection(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add("a\xffb", "\u2028<>&\"\\\x00", "", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareSARIF(t, sarifReport(address, text, file, line), report.Options{SARIFCategory: text, Root: "/repo", WorkDir: "/repo"})
	})
}
