package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/report"
)

// Plans from the corpus, relative to this package.
const (
	findingsPlan = "../../testdata/plans/var-default-region/plan.json" // 7 errors
	tagsPlan     = "../../testdata/plans/default-tags/plan.json"       // 3 errors on one resource
	foreachPlan  = "../../testdata/plans/count-foreach/plan.json"      // 6 errors
	cleanPlan    = "../../testdata/public/plan/generic/terraform-json__testdata_basic_plan.json"
)

// run calls Main as the binary would and returns the exit status and the
// two output streams.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

// writeFile writes a file under dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitStatusEveryFormat(t *testing.T) {
	dir := t.TempDir()
	// Every finding of tagsPlan becomes a warning; fail_on says only
	// errors fail.
	warnings := writeFile(t, dir, "warnings.hcl", `
policy {
  fail_on = "error"
}
rule "SOV001" {
  severity = "warning"
}
rule "SOV002" {
  severity = "warning"
}
rule "SOV003" {
  severity = "warning"
}
`)
	badConfig := writeFile(t, dir, "bad.hcl", "\n\nrule \"SOV003\" {\n  severity = \"fatal\"\n}\n")
	badFailOn := writeFile(t, dir, "badfailon.hcl", "policy {\n  fail_on = \"sometimes\"\n}\n")
	notPlan := writeFile(t, dir, "notplan.json", `{"hello": "world"}`)

	cases := []struct {
		name string
		args []string
		want int
	}{
		{"findings", []string{findingsPlan}, ExitFindings},
		{"clean plan", []string{cleanPlan}, ExitClean},
		{"fail-on error with errors", []string{"--fail-on", "error", findingsPlan}, ExitFindings},
		{"config fail_on error, findings are warnings", []string{"--config", warnings, tagsPlan}, ExitClean},
		{"--fail-on wins over the config", []string{"--config", warnings, "--fail-on", "warning", tagsPlan}, ExitFindings},
		{"missing plan", []string{filepath.Join(dir, "missing.json")}, ExitError},
		{"not a plan", []string{notPlan}, ExitError},
		{"bad --fail-on", []string{"--fail-on", "fatal", findingsPlan}, ExitError},
		{"bad config", []string{"--config", badConfig, findingsPlan}, ExitError},
		{"bad fail_on in config", []string{"--config", badFailOn, findingsPlan}, ExitError},
		{"missing baseline", []string{"--baseline", filepath.Join(dir, "none.json"), findingsPlan}, ExitError},
	}
	for _, format := range report.Formats() {
		for _, tc := range cases {
			t.Run(format+"/"+tc.name, func(t *testing.T) {
				code, stdout, stderr := run(t, append([]string{"scan", "--format", format}, tc.args...)...)
				if code != tc.want {
					t.Fatalf("exit status %d, want %d\nstderr: %s", code, tc.want, stderr)
				}
				if code == ExitError {
					if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "sovlint: ") {
						t.Errorf("want one error line on stderr, got %q", stderr)
					}
					return
				}
				// compact prints findings and nothing else.
				if stdout == "" && (format != "compact" || code != ExitClean) {
					t.Error("no output")
				}
				if stderr != "" {
					t.Errorf("unexpected stderr: %q", stderr)
				}
			})
		}
	}
}

func TestConfigErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".sovlint.hcl", "policy {\n  fail_on = \"error\"\n}\n\nexception {\n  addresses = [\"module.x[\"]\n  reason    = \"typo\"\n}\n")
	code, _, stderr := run(t, "scan", "--config", cfg, findingsPlan)
	if code != ExitError {
		t.Fatalf("exit status %d, want %d", code, ExitError)
	}
	if want := cfg + ":5:1: Invalid exception"; !strings.Contains(stderr, want) {
		t.Errorf("stderr = %q, want it to name %q", stderr, want)
	}
}

// TestConfigDiscovered: the .sovlint.hcl beside the plan applies without
// --config.
func TestConfigDiscovered(t *testing.T) {
	dir := t.TempDir()
	plan, err := os.ReadFile(tagsPlan)
	if err != nil {
		t.Fatal(err)
	}
	planPath := writeFile(t, dir, "plan.json", string(plan))
	writeFile(t, dir, ".sovlint.hcl", `
exception {
  addresses = ["aws_s3_bucket.*"]
  reason    = "test bucket, deleted after the pilot"
  expires   = "2999-12-31"
}

exception {
  addresses = ["module.gone.*"]
  reason    = "stale"
}
`)
	code, stdout, stderr := run(t, "scan", "--format", "text", "--fail-on", "error", planPath)
	if code != ExitClean {
		t.Fatalf("exit status %d, want 0 (findings waived)\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "3 suppressed") {
		t.Errorf("summary does not count the suppressed findings:\n%s", stdout)
	}

	// Run from the directory: the discovered config's path in findings is
	// relative, as CI annotations need.
	t.Chdir(dir)
	_, stdout, _ = run(t, "scan", "--format", "github", "plan.json")
	if !strings.Contains(stdout, "::warning file=.sovlint.hcl,line=8,title=SOV000 suppression::") {
		t.Errorf("want the stale exception annotated on .sovlint.hcl:8:\n%s", stdout)
	}
}

func TestBaselineFlags(t *testing.T) {
	dir := t.TempDir()
	baseline := filepath.Join(dir, "baseline.json")

	code, _, stderr := run(t, "scan", "--format", "json", "--baseline-write", baseline, findingsPlan)
	if code != ExitClean {
		t.Fatalf("--baseline-write: exit status %d, want 0\n%s", code, stderr)
	}
	if stderr != "sovlint: wrote 7 findings to the baseline "+baseline+"\n" {
		t.Errorf("stderr = %q", stderr)
	}
	first, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}

	// With the baseline, the same plan passes; its findings are reported
	// as suppressed, and nothing is reported as unused.
	code, stdout, _ := run(t, "scan", "--format", "text", "--baseline", baseline, findingsPlan)
	if code != ExitClean || !strings.Contains(stdout, "No findings") || !strings.Contains(stdout, "7 suppressed") || strings.Contains(stdout, "SOV000") {
		t.Errorf("with the baseline: exit %d\n%s", code, stdout)
	}
	// Another plan's findings are new: they fail.
	if code, _, _ := run(t, "scan", "--baseline", baseline, foreachPlan); code != ExitFindings {
		t.Errorf("new findings with a baseline: exit %d, want 1", code)
	}
	// Rewriting the baseline from a baselined run gives the same file.
	if code, _, stderr := run(t, "scan", "--baseline", baseline, "--baseline-write", baseline, findingsPlan); code != ExitClean {
		t.Fatalf("rewriting the baseline: exit %d\n%s", code, stderr)
	}
	again, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(first), string(again)); diff != "" {
		t.Errorf("baseline changed when rewritten (-first +again):\n%s", diff)
	}
}

// TestDeterministic runs the same scan twice in every format and compares
// the bytes.
func TestDeterministic(t *testing.T) {
	for _, format := range report.Formats() {
		for _, plan := range []string{findingsPlan, foreachPlan} {
			_, first, _ := run(t, "scan", "--format", format, plan)
			_, second, _ := run(t, "scan", "--format", format, plan)
			if first == "" || first != second {
				t.Errorf("%s on %s: two runs differ or are empty:\n%s", format, plan, cmp.Diff(first, second))
			}
		}
	}
}

// TestNoSecretInAnyFormat scans plans that hold canary credentials and
// passwords and checks that no format prints them.
func TestNoSecretInAnyFormat(t *testing.T) {
	canaries := []string{"AKIACORPUSCANARY02", "corpus-canary-secret-9f2k", "corpus-db-password-77", "corpus-tenant-pw-hospital-a", "corpus-"}
	plans := map[string][]string{
		findingsPlan: {"AKIACORPUSCANARY02", "corpus-canary-secret-9f2k", "corpus-db-password-77"},
		foreachPlan:  {"corpus-canary-secret-9f2k", "corpus-tenant-pw-hospital-a"},
	}
	for plan, present := range plans {
		b, err := os.ReadFile(plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range present {
			if !bytes.Contains(b, []byte(c)) {
				t.Fatalf("%s no longer holds the canary %q: the test would prove nothing", plan, c)
			}
		}
		for _, format := range report.Formats() {
			_, stdout, stderr := run(t, "scan", "--format", format, plan)
			for _, c := range canaries {
				if strings.Contains(stdout, c) || strings.Contains(stderr, c) {
					t.Errorf("%s output of %s contains the secret %q", format, plan, c)
				}
			}
		}
	}
}

// TestSeveralFormats: one run writes a format to stdout and others to
// files, and they agree with single-format runs.
func TestSeveralFormats(t *testing.T) {
	dir := t.TempDir()
	sarif, md := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "summary.md")
	code, stdout, stderr := run(t, "scan", "--format", "github", "--format", "sarif:"+sarif, "--format", "markdown:"+md, findingsPlan)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for format, got := range map[string]string{"github": stdout, "sarif": readFile(t, sarif), "markdown": readFile(t, md)} {
		_, want, _ := run(t, "scan", "--format", format, findingsPlan)
		if got != want {
			t.Errorf("%s differs when written with other formats:\n%s", format, cmp.Diff(want, got))
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
