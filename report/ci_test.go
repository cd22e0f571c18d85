package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/report"
)

// manyFindings is a report with n findings of severity sev, on files
// named by file(i).
func manyFindings(n int, sev finding.Severity, file func(i int) string) *report.Report {
	rep := handmadeReport()
	rep.Findings = nil
	for i := range n {
		rep.Findings = append(rep.Findings, finding.Finding{
			RuleID: "SOV003", Severity: sev, Address: fmt.Sprintf("aws_s3_bucket.b%04d", i),
			Message:  `region "us-east-1" is in US, outside the EU`,
			Range:    hcl.Range{Filename: file(i), Start: hcl.Pos{Line: i + 1}, End: hcl.Pos{Line: i + 1}},
			Provider: "hashicorp/aws", Region: "us-east-1", Country: "US", Classification: "sensitive",
		})
	}
	return rep
}

func printReport(t *testing.T, format string, rep *report.Report, o report.Options) string {
	t.Helper()
	p, err := report.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p(&buf, rep, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGitLabPaths: Code Quality paths are relative to the repository root,
// never absolute (an absolute input path produced them) and never empty (a
// plan on stdin produced that, and GitLab rejects the report).
func TestGitLabPaths(t *testing.T) {
	files := []string{"/repo/infra/a.tf", "b.tf", "/tmp/plan.json", ""}
	rep := manyFindings(len(files), finding.SeverityError, func(i int) string { return files[i] })
	for _, tc := range []struct {
		opts report.Options
		want []string
	}{
		{report.Options{Root: "/repo", WorkDir: "/repo/infra"}, []string{"infra/a.tf", "infra/b.tf", "../tmp/plan.json", "(stdin)"}},
		{report.Options{}, []string{"a.tf", "b.tf", "plan.json", "(stdin)"}},
	} {
		var issues []struct {
			Fingerprint string `json:"fingerprint"`
			Location    struct {
				Path string `json:"path"`
			} `json:"location"`
		}
		if err := json.Unmarshal([]byte(printReport(t, "gitlab", rep, tc.opts)), &issues); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, is := range issues {
			got = append(got, is.Location.Path)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("root %q: paths %q, want %q", tc.opts.Root, got, tc.want)
		}
	}
	// The fingerprint follows the path GitLab sees, so that it is the same
	// on every runner whatever the checkout's absolute path.
	a := printReport(t, "gitlab", manyFindings(1, finding.SeverityError, func(int) string { return "/runner1/repo/main.tf" }), report.Options{Root: "/runner1/repo"})
	b := printReport(t, "gitlab", manyFindings(1, finding.SeverityError, func(int) string { return "/runner2/repo/main.tf" }), report.Options{Root: "/runner2/repo"})
	if a != b {
		t.Errorf("the report differs between two checkouts of the same repository:\n%s\n%s", a, b)
	}
}

// TestGitHubAnnotationOverflow: GitHub shows 10 annotations of each type
// per step; the log says how many more there are and where they are.
func TestGitHubAnnotationOverflow(t *testing.T) {
	rep := manyFindings(25, finding.SeverityError, func(int) string { return "/repo/infra/main.tf" })
	rep.Findings = append(rep.Findings, manyFindings(3, finding.SeverityWarning, func(int) string { return "main.tf" }).Findings...)
	out := printReport(t, "github", rep, report.Options{Root: "/repo", WorkDir: "/repo/infra"})
	if n := strings.Count(out, "::error file=infra/main.tf,"); n != 25 {
		t.Errorf("%d error annotations on infra/main.tf, want all 25 (GitHub keeps the first 10; the log keeps all)", n)
	}
	if !strings.Contains(out, "GitHub shows the first 10 error annotations of a step: 15 more errors are not annotated; all 25 are in the job summary, the SARIF report") {
		t.Errorf("no overflow line for errors:\n%s", out)
	}
	if strings.Contains(out, "warning annotations of a step") {
		t.Errorf("an overflow line for 3 warnings:\n%s", out)
	}
	if out := printReport(t, "github", manyFindings(10, finding.SeverityError, func(int) string { return "main.tf" }), report.Options{}); strings.Contains(out, "GitHub shows the first") {
		t.Errorf("an overflow line for exactly 10 errors:\n%s", out)
	}
}

// TestMarkdownSummaryFitsGitHub: GitHub refuses a job summary over 1 MiB,
// which a scan passed near 1,500 findings. Many findings are folded, the
// table stops before the limit, and it says how many it left out and
// links the full report.
func TestMarkdownSummaryFitsGitHub(t *testing.T) {
	long := func(i int) string {
		return fmt.Sprintf("infra/environments/production/eu-west-3/services/records-%04d/storage.tf", i)
	}
	for _, n := range []int{1500, 4000, 20000} {
		rep := manyFindings(n, finding.SeverityError, long)
		// Suppressed ones too: they have their own table.
		for i := range rep.Findings[:n/2] {
			rep.Findings[i].Suppression = &finding.Suppression{Kind: finding.SuppressedConfig, Reason: strings.Repeat("migration to a qualified offer ", 4), Range: hcl.Range{Filename: ".sovlint.hcl", Start: hcl.Pos{Line: 3}}}
		}
		out := printReport(t, "markdown", rep, report.Options{ReportURL: "https://github.com/o/r/actions/runs/1"})
		if len(out) >= 1<<20 {
			t.Errorf("%d findings: the summary is %d bytes, over GitHub's 1 MiB", n, len(out))
		}
		if !strings.Contains(out, fmt.Sprintf("<details><summary>%d findings</summary>", n-n/2)) {
			t.Errorf("%d findings: the findings table is not folded", n)
		}
		listed := strings.Count(out, "| error | [SOV003]")
		cut := fmt.Sprintf("%d more findings are not listed here, to keep this summary under GitHub's 1 MiB limit: see [the full report](https://github.com/o/r/actions/runs/1).", n-n/2-listed)
		if listed < n-n/2 && !strings.Contains(out, cut) {
			t.Errorf("%d findings, %d listed: no %q", n, listed, cut)
		}
		if n == 20000 && listed == n-n/2 {
			t.Errorf("%d findings: all listed in %d bytes", n, len(out))
		}
		if !strings.HasSuffix(strings.TrimSpace(out), "Run `sovlint explain RULE` for a rule's rationale and remediation.") {
			t.Errorf("%d findings: the summary's end was lost", n)
		}
	}
	// A small report is whole and unfolded.
	out := printReport(t, "markdown", manyFindings(20, finding.SeverityError, long), report.Options{})
	if strings.Contains(out, "<details><summary>20 findings") || strings.Count(out, "| error | [SOV003]") != 20 || strings.Contains(out, "more findings are not listed") {
		t.Errorf("20 findings are not listed whole:\n%s", out)
	}
}

// TestNothingCheckedSaysWhy: a first run on code without classification
// tags found resources and checked none; it said "No findings" and exited
// 0 as if all were well. The text and Markdown outputs say why and how to
// classify.
func TestNothingCheckedSaysWhy(t *testing.T) {
	rep := handmadeReport()
	rep.Findings = nil
	rows := make(report.Rows, rep.Resources.Len())
	for i := range rows {
		rows[i] = rep.Resources.At(i)
		rows[i].Checked = false
	}
	rep.Resources = rows
	for _, format := range []string{"text", "markdown"} {
		out := printReport(t, format, rep, report.Options{})
		for _, want := range []string{"Nothing was checked: no resource is classified as sensitive", "DataClassification", "classification_keys", "default_tags", "sovlint init"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", format, want, out)
			}
		}
	}
	if out := printReport(t, "text", handmadeReport(), report.Options{}); strings.Contains(out, "Nothing was checked") {
		t.Errorf("the hint on a scan that checked resources:\n%s", out)
	}
}

// TestQuiet: --quiet prints the findings and nothing else.
func TestQuiet(t *testing.T) {
	rep := handmadeReport()
	text := printReport(t, "text", rep, report.Options{Quiet: true})
	for _, unwanted := range []string{"How to fix", "warning:", "findings (", "scanned"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("quiet text output has %q:\n%s", unwanted, text)
		}
	}
	if !strings.Contains(text, "SOV001") {
		t.Errorf("quiet text output lacks the findings:\n%s", text)
	}
	gh := printReport(t, "github", rep, report.Options{Quiet: true})
	if strings.Contains(gh, "scanned") || !strings.Contains(gh, "::error") {
		t.Errorf("quiet github output:\n%s", gh)
	}
}
