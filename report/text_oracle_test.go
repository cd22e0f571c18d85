package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/report"
)

// The text printer encodes a large report's groups on every core; the
// printer it replaced is the specification byte for byte, in color or
// not, quiet or not.
func TestTextMatchesReference(t *testing.T) {
	opts := []report.Options{{}, {Color: true}, {Quiet: true}}
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			for _, o := range opts {
				compareText(t, tr.build(t), o)
			}
		})
	}
	t.Run("control characters", func(t *testing.T) {
		for _, o := range opts {
			compareText(t, sarifReport("module.a[\"x\"].b", "tab\there \x1b[31m \u2028 \r\n", "f.tf", 3), o)
		}
	})
	// Groups are encoded in chunks on several goroutines: a resource's
	// findings need not be next to each other, and two roots may declare
	// the same address.
	t.Run("thousands of resources", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i%700), strings.Repeat("é", i%4), fmt.Sprintf("m%d.tf", i%3), i)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		for _, o := range opts {
			compareText(t, rep, o)
		}
	})
}

func compareText(t *testing.T, rep *report.Report, o report.Options) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceText(w, rep, o) },
		func(w io.Writer) error { return report.Text(w, rep, o) }, false)
}
