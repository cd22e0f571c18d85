package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/report"
)

// JUnit fills and encodes a large report's test cases on every core; the
// printer it replaced, encoding/xml over the whole document, is the
// specification byte for byte.
func TestJUnitMatchesReference(t *testing.T) {
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			compareJUnit(t, tr.build(t))
		})
	}
	t.Run("escapes and invalid characters", func(t *testing.T) {
		compareJUnit(t, sarifReport("module.a[\"<x>&'\"].b", "]]> \"quoted\" <tag> & \t\r\n \x01 \xff \u2028", "dir/<f>.tf", 3))
	})
	t.Run("empty", func(t *testing.T) {
		compareJUnit(t, &report.Report{Tool: "sovlint"})
	})
	t.Run("refused roots only", func(t *testing.T) {
		compareJUnit(t, &report.Report{Tool: "sovlint", Errors: []finding.InputError{{Root: "envs/a", File: "envs/a/main.tf", Line: 3, Msg: "x"}, {Root: ".", Msg: "y"}}})
	})
	// Suites' tags and test cases are encoded in chunks on several
	// goroutines: cases of several files, suites cut anywhere.
	t.Run("thousands of resources", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i%900), strings.Repeat("é<", i%4), fmt.Sprintf("m%d.tf", i%5), i)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareJUnit(t, rep)
		rep.Config = ""
		compareJUnit(t, rep)
	})
}

func compareJUnit(t *testing.T, rep *report.Report) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceJUnit(w, rep) },
		func(w io.Writer) error { return report.JUnit(w, rep, report.Options{}) }, false)
}

func FuzzJUnitMatchesReference(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add("a\xffb]]>", "<&'\"\x00\t", "a<b", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareJUnit(t, sarifReport(address, text, file, line))
	})
}
