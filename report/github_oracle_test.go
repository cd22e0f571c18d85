package report_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/report"
)

// The GitHub printer encodes on every core; the printer it replaced, one
// fmt call and two Replacers per command, is the specification byte for
// byte, whatever the options.
func TestGitHubMatchesReference(t *testing.T) {
	opts := []report.Options{{}, {Quiet: true}, {Root: "/repo", WorkDir: "/repo/sub"}}
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			for _, o := range opts {
				compareGitHub(t, tr.build(t), o)
			}
		})
	}
	t.Run("every escape", func(t *testing.T) {
		for _, o := range opts {
			compareGitHub(t, sarifReport("module.a[\"x:y,z\"].b", "50% done\r\nfix: a,b:c\x1b[31m \u2028", "dir:1/f,2.tf", 3), o)
		}
	})
	// Large reports are encoded in chunks on several goroutines: findings
	// active and suppressed, of several roots and files, cut anywhere.
	t.Run("thousands of findings", func(t *testing.T) {
		rep := sarifReport("a.b", "x", "f.tf", 1)
		for i := range 1500 {
			one := sarifReport(fmt.Sprintf("aws_s3_bucket.b[%d]", i), strings.Repeat("%é\n", i%4), fmt.Sprintf("/repo/m%d.tf", i%3), i)
			rep.Findings = append(rep.Findings, one.Findings...)
		}
		for _, o := range opts {
			compareGitHub(t, rep, o)
		}
	})
}

func compareGitHub(t *testing.T, rep *report.Report, o report.Options) {
	t.Helper()
	matchesReference(t, func(w io.Writer) error { return report.ReferenceGitHub(w, rep, o) },
		func(w io.Writer) error { return report.GitHub(w, rep, o) }, false)
}

func FuzzGitHubMatchesReference(f *testing.F) {
	f.Add("aws_s3_bucket.b", "plain", "main.tf", 1)
	f.Add("a\xffb:,", "%\r\n:,\x00", "a:b,c", 0)
	f.Fuzz(func(t *testing.T, address, text, file string, line int) {
		compareGitHub(t, sarifReport(address, text, file, line), report.Options{Root: "/repo", WorkDir: "/repo"})
	})
}
