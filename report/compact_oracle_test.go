package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/report"
)

// Compact encodes a large report's lines on every core; the printer it
// replaced (fmt, strings.Fields) is the specification byte for byte.
func TestCompactMatchesReference(t *testing.T) {
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			compareCompact(t, tr.build(t))
		})
	}
	t.Run("whitespace and control characters", func(t *testing.T) {
		compareCompact(t, sarifReport(" a.b\t", "  two\n\nlines \u00a0\u2028 \x1b[31m\r\n", "", 0))
	})
	t.Run("thousands of findings", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i), strings.Repeat(" é\n", i%4), fmt.Sprintf("m%d.tf", i%3), i%5)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		compareCompact(t, rep)
	})
}

func compareCompact(t *testing.T, rep *report.Report) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceCompact(w, rep) },
		func(w io.Writer) error { return report.Compact(w, rep, report.Options{}) }, false)
}

func FuzzCompactMatchesReference(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add(" a\xffb ", "\u0085 \u3000x\x00", "", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareCompact(t, sarifReport(address, text, file, line))
	})
}
