package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/report"
)

// The GitLab printer is written by hand for speed; encoding/json over the
// Code Quality issue types is the specification, byte for byte, whatever
// the options.
func TestGitLabMatchesReflection(t *testing.T) {
	opts := []report.Options{
		{},
		{Root: "/repo", WorkDir: "/repo/sub"},
	}
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			for _, o := range opts {
				compareGitLab(t, tr.build(t), o)
			}
		})
	}
	t.Run("every field, text to escape", func(t *testing.T) {
		for _, o := range opts {
			compareGitLab(t, sarifReport("module.a[\"é\\\"\"].x.y", "tab\there <b>&amp;</b> \u2028\u2029 \x01\b\f \x7f \xff", "f.tf", 3), o)
		}
	})
	t.Run("no issue", func(t *testing.T) {
		compareGitLab(t, &report.Report{Tool: "sovlint"}, opts[0])
	})
	// Large arrays are encoded in chunks on several goroutines, the
	// suppressed findings left out of them.
	t.Run("thousands of findings", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i), strings.Repeat("é", i%7), "f.tf", i)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareGitLab(t, rep, opts[1])
	})
}

func compareGitLab(t *testing.T, rep *report.Report, o report.Options) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceGitLab(w, rep, o) },
		func(w io.Writer) error { return report.GitLab(w, rep, o) }, false)
}
