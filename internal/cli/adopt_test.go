package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Everyday use: the flags teams expect from linters (issue 14).

func TestExitZero(t *testing.T) {
	code, stdout, _ := run(t, "scan", "--exit-zero", "--format", "compact", findingsPlan)
	if code != ExitClean || strings.Count(stdout, "\n") != 7 {
		t.Errorf("--exit-zero with 7 findings: exit %d, want 0 with the findings printed\n%s", code, stdout)
	}
	if code, _, _ = run(t, "scan", "--exit-zero", "missing.json"); code != ExitError {
		t.Errorf("--exit-zero on bad input: exit %d, want 2", code)
	}
}

// rulesIn returns the rule IDs of the compact output's lines.
func rulesIn(out string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)\[(SOV\d+) [a-z-]+\]$`).FindAllStringSubmatch(strings.TrimSpace(out), -1) {
		if !slices.Contains(ids, m[1]) {
			ids = append(ids, m[1])
		}
	}
	slices.Sort(ids)
	return ids
}

func TestRuleFlags(t *testing.T) {
	compact := func(args ...string) (int, []string, string) {
		t.Helper()
		var out []string
		code, stdout, stderr := run(t, append([]string{"scan", "--format", "compact"}, args...)...)
		for line := range strings.SplitSeq(strings.TrimSpace(stdout), "\n") {
			out = append(out, line)
		}
		return code, rulesIn(strings.Join(out, "\n")), stderr
	}
	if _, ids, _ := compact(findingsPlan); !slices.Equal(ids, []string{"SOV001", "SOV002", "SOV003"}) {
		t.Fatalf("baseline: rules %v", ids)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--only", "SOV003"}, []string{"SOV003"}},
		{[]string{"--only", "outside-eu,SOV001"}, []string{"SOV001", "SOV003"}},
		{[]string{"--disable-rule", "SOV001", "--disable-rule", "SOV002"}, []string{"SOV003"}},
		{[]string{"--only", "SOV001,SOV003", "--disable-rule", "SOV001"}, []string{"SOV003"}},
	} {
		if _, ids, stderr := compact(append(tc.args, findingsPlan)...); !slices.Equal(ids, tc.want) {
			t.Errorf("%v: rules %v, want %v\n%s", tc.args, ids, tc.want, stderr)
		}
	}
	// --enable-rule wins over a configuration that disables the rule.
	cfg := writeFile(t, t.TempDir(), ".sovlint.hcl", "rule \"SOV003\" {\n  enabled = false\n}\n")
	if _, ids, _ := compact("--config", cfg, findingsPlan); slices.Contains(ids, "SOV003") {
		t.Errorf("the config's enabled = false did not disable SOV003: %v", ids)
	}
	if _, ids, _ := compact("--config", cfg, "--enable-rule", "SOV003", findingsPlan); !slices.Contains(ids, "SOV003") {
		t.Errorf("--enable-rule SOV003 over the config: rules %v", ids)
	}
	code, _, stderr := compact("--only", "SOV042", findingsPlan)
	if code != ExitError || stderr != "sovlint: --only: unknown rule \"SOV042\" (see sovlint explain)\n" {
		t.Errorf("unknown rule: exit %d, stderr %q", code, stderr)
	}
}

func TestTwoOutputsOneFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	for _, args := range [][]string{
		{"--format", "json:" + out, "--format", "sarif:" + out},
		{"--format", "json:" + out, "--format", "sarif:" + filepath.Join(dir, ".", "report.json")},
		{"--format", "json", "--format", "sarif", "--output", out},
	} {
		code, _, stderr := run(t, append(append([]string{"scan"}, args...), findingsPlan)...)
		if code != ExitError || !strings.Contains(stderr, "json and sarif would both write") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: a report was written", args)
		}
	}
}

func TestSourceFileArgument(t *testing.T) {
	dir := t.TempDir()
	tf := writeFile(t, dir, "main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n")
	vars := writeFile(t, dir, "prod.tfvars", "region = \"eu-west-3\"\n")
	code, _, stderr := run(t, "scan", tf)
	if code != ExitError || stderr != "sovlint: "+tf+" is a Terraform/OpenTofu source file: sovlint reads whole configurations, give the directory that holds it (sovlint scan "+dir+")\n" {
		t.Errorf("scan main.tf: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "scan", vars)
	if code != ExitError || !strings.Contains(stderr, "a variables file: give the directory of the configuration, and this file with --var-file") {
		t.Errorf("scan prod.tfvars: exit %d, stderr %q", code, stderr)
	}
	// --plan reads it as a plan, as asked: then it is not JSON.
	if code, _, stderr = run(t, "scan", "--plan", tf); code != ExitError || strings.Contains(stderr, "give the directory") {
		t.Errorf("scan --plan main.tf: exit %d, stderr %q", code, stderr)
	}
}

func TestQuietFlag(t *testing.T) {
	code, stdout, _ := run(t, "scan", "--quiet", findingsPlan)
	if code != ExitFindings || strings.Contains(stdout, "How to fix") || strings.Contains(stdout, "scanned") || !strings.Contains(stdout, "aws_rds_cluster.main") {
		t.Errorf("--quiet: exit %d\n%s", code, stdout)
	}
}

// TestNothingCheckedFirstRun: sources without classification tags.
func TestNothingCheckedFirstRun(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "main.tf", "provider \"aws\" {\n  region = \"us-east-1\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {}\n")
	code, stdout, _ := run(t, "scan", dir)
	if code != ExitClean || !strings.Contains(stdout, "Nothing was checked: no resource is classified as sensitive") {
		t.Errorf("scan of untagged sources: exit %d\n%s", code, stdout)
	}
	if _, stdout, _ = run(t, "scan", "--quiet", dir); stdout != "" {
		t.Errorf("--quiet printed %q", stdout)
	}
}

func TestFailOnHelpOneDefault(t *testing.T) {
	_, stdout, _ := run(t, "scan", "--help")
	for line := range strings.SplitSeq(stdout, "\n") {
		if strings.Contains(line, "--fail-on") {
			if n := strings.Count(line, "default"); n != 1 {
				t.Errorf("--fail-on help gives %d defaults: %q", n, line)
			}
			return
		}
	}
	t.Error("no --fail-on in scan --help")
}

func TestCompletion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "scan", "--format", ""}, []string{"compact\n", "sarif\n", "gitlab\n"}},
		{[]string{"__complete", "scan", "--fail-on", ""}, []string{"notice\n", "warning\n", "error\n"}},
		{[]string{"__complete", "scan", "--only", ""}, []string{"SOV001\tsensitive resource", "SOV006\t"}},
		{[]string{"__complete", "scan", "--disable-rule", ""}, []string{"SOV003\t"}},
		{[]string{"__complete", "explain", ""}, []string{"SOV000\t", "SOV004\t"}},
		{[]string{"__complete", "providers", ""}, []string{"aws\tAmazon Web Services", "outscale\t", "scaleway\t"}},
		{[]string{"completion", "bash"}, []string{"bash completion"}},
	} {
		code, stdout, stderr := run(t, tc.args...)
		if code != ExitClean {
			t.Errorf("%v: exit %d\n%s", tc.args, code, stderr)
		}
		for _, want := range tc.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("%v: no %q in\n%s", tc.args, want, stdout)
			}
		}
	}
}

// sarifURIs returns the artifact URIs of a SARIF log's results.
func sarifURIs(t *testing.T, path string) []string {
	t.Helper()
	var doc struct {
		Runs []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(readFile(t, path)), &doc); err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, r := range doc.Runs[0].Results {
		for _, l := range r.Locations {
			uris = append(uris, l.PhysicalLocation.ArtifactLocation.URI)
		}
	}
	return append(uris, "id="+doc.Runs[0].AutomationDetails.ID)
}

// TestBaseDir: SARIF, GitHub and GitLab paths are relative to the
// repository root (found by its .git, without running git), wherever the
// scan runs and however the input is named.
func TestBaseDir(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o750); err != nil {
		t.Fatal(err)
	}
	infra := filepath.Join(repo, "infra")
	if err := os.Mkdir(infra, 0o750); err != nil {
		t.Fatal(err)
	}
	plan, err := filepath.Abs(findingsPlan)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, infra, "plan.json", readFile(t, plan))
	out := filepath.Join(t.TempDir(), "out.sarif")
	t.Chdir(infra)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"plan.json"}, "infra/plan.json"},
		{[]string{filepath.Join(infra, "plan.json")}, "infra/plan.json"},
		{[]string{"--base-dir", infra, "plan.json"}, "plan.json"},
		{[]string{"--base-dir", "..", "--sarif-category", "prod", "plan.json"}, "infra/plan.json"},
	} {
		code, _, stderr := run(t, append([]string{"scan", "--format", "sarif:" + out}, tc.args...)...)
		if code != ExitFindings {
			t.Fatalf("%v: exit %d\n%s", tc.args, code, stderr)
		}
		uris := sarifURIs(t, out)
		wantID := "id=sovlint/"
		if slices.Contains(tc.args, "prod") {
			wantID = "id=prod/"
		}
		if uris[len(uris)-1] != wantID {
			t.Errorf("%v: automationDetails %s, want %s", tc.args, uris[len(uris)-1], wantID)
		}
		for _, u := range uris[:len(uris)-1] {
			if u != tc.want {
				t.Errorf("%v: uri %q, want %q", tc.args, u, tc.want)
			}
		}
		_, stdout, _ := run(t, append([]string{"scan", "--format", "gitlab"}, tc.args...)...)
		if !strings.Contains(stdout, `"path": "`+tc.want+`"`) {
			t.Errorf("%v: gitlab paths are not %s:\n%s", tc.args, tc.want, stdout)
		}
	}
}
