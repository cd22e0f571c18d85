package cli_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/internal/cli"
	"github.com/sovlint/sovlint/report"
)

// updating reports whether -update was given; package cli's own tests
// define the flag, and both test packages share one binary.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// today pins qualification dates so that golden outputs do not change with
// the calendar.
const today = "2026-11-23"

func repo(parts ...string) string {
	return filepath.Join(append([]string{"..", ".."}, parts...)...)
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(args, cli.Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return result{code, out.String(), errb.String()}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	full, err := os.ReadFile(repo("testdata", "plans", "default-tags", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string // regexp the single stderr line must match
	}{
		{"missing file", filepath.Join(dir, "nope.json"), `nope\.json: no such file or directory$`},
		{"empty file", write("empty.json", ""), `empty\.json:1:1: unexpected end of JSON input`},
		{"not JSON", write("text.json", "this is not json\n"), `text\.json:1:\d+: invalid JSON: `},
		{"truncated plan", write("trunc.json", string(full[:len(full)/2])), `trunc\.json:\d+:\d+: .*unexpected end of JSON input \(is the file truncated\?\)`},
		{"garbage in the middle", write("mid.json", "{\n  \"format_version\": \"1.2\",\n  \"x\": [1, 2,, 3]\n}\n"), `mid\.json:3:\d+: invalid JSON: `},
		{"a JSON array", write("array.json", "[1, 2]"), `array\.json:1:1: not a Terraform plan: expected a JSON object`},
		{"JSON that is not a plan", write("obj.json", `{"hello": "world"}`), `obj\.json: not a Terraform plan: it has no format_version`},
		{"a state file", write("state.json", `{"format_version": "1.0", "terraform_version": "1.9.0", "values": {}}`), `state\.json: this is a Terraform state, not a plan`},
		{"unsupported format_version", write("v2.json", `{"format_version": "2.0", "resource_changes": []}`), `v2\.json:1:20: unsupported plan format_version "2\.0": sovlint reads >= 0\.1, < 2\.0`},
		{"invalid format_version", write("vx.json", `{"format_version": "latest"}`), `vx\.json:1:20: invalid plan format_version "latest"`},
		{"trailing data", write("trail.json", `{"format_version": "1.2", "resource_changes": []} {}`), `trail\.json:1:\d+: .*unexpected data after the plan object`},
		{"a directory forced as a plan", dir, `is a directory, not a plan file`},
		{"a zip that is not a saved plan", write("tfplan", "PK\x03\x04 not really a plan"), `tfplan: this is a saved plan file, not its JSON: .*(show -json|neither terraform nor tofu)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"scan", "--as-of", today, tt.path}
			if tt.name == "a directory forced as a plan" {
				args = []string{"scan", "--plan", tt.path}
			}
			r := run(t, "", args...)
			if r.code != cli.ExitError {
				t.Errorf("exit status %d, want %d", r.code, cli.ExitError)
			}
			if r.stdout != "" {
				t.Errorf("stdout should be empty, got %q", r.stdout)
			}
			lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
			if len(lines) != 1 {
				t.Fatalf("want one line on stderr, got %d:\n%s", len(lines), r.stderr)
			}
			if !strings.HasPrefix(lines[0], "sovlint: ") || !regexp.MustCompile(tt.want).MatchString(lines[0]) {
				t.Errorf("stderr %q does not match %q", lines[0], tt.want)
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("stack trace on stderr:\n%s", r.stderr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	plan := repo("testdata", "plans", "default-tags", "plan.json")
	for _, args := range [][]string{
		{"scan"},
		{"scan", "--format", "yaml", plan},
		{"scan", "--fail-on", "fatal", plan},
		{"scan", "--severity", "fatal", plan},
		{"scan", "--as-of", "tomorrow", plan},
		{"scan", "--color", "sometimes", plan},
		{"scan", "--format", "json", "--format", "text", plan},
		{"scan", "--no-such-flag", plan},
		{"explain", "SOV999"},
		{"providers", "nowhere-cloud"},
	} {
		r := run(t, "", args...)
		if r.code != cli.ExitError || !strings.HasPrefix(r.stderr, "sovlint: ") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", args, r.code, r.stderr)
		}
	}
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		// Sensitive AWS resources: findings.
		{[]string{"scan", "--as-of", today, repo("testdata", "plans", "default-tags", "plan.json")}, cli.ExitFindings},
		// Nothing classified in these plans: clean.
		{[]string{"scan", "--as-of", today, repo("testdata", "public", "plan", "sovereign", "pepin__examples_outscale_terraform_plan.json")}, cli.ExitClean},
		// SOV001-SOV005 are errors: --fail-on error still fails.
		{[]string{"scan", "--as-of", today, "--fail-on", "error", repo("testdata", "plans", "default-tags", "plan.json")}, cli.ExitFindings},
		{[]string{"explain", "SOV004"}, cli.ExitClean},
		{[]string{"providers"}, cli.ExitClean},
	}
	for _, tt := range tests {
		if r := run(t, "", tt.args...); r.code != tt.want {
			t.Errorf("%v: exit %d, want %d\nstderr: %s", tt.args, r.code, tt.want, r.stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	b, err := os.ReadFile(repo("testdata", "plans", "var-default-region", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	fromFile := run(t, "", "scan", "--as-of", today, "--format", "json", repo("testdata", "plans", "var-default-region", "plan.json"))
	fromStdin := run(t, string(b), "scan", "--as-of", today, "--format", "json", "-")
	if fromStdin.code != cli.ExitFindings {
		t.Fatalf("exit %d: %s", fromStdin.code, fromStdin.stderr)
	}
	// Same findings; only the input's name differs, and stdin has no file.
	path := repo("testdata", "plans", "var-default-region", "plan.json")
	norm := strings.NewReplacer(`"file": "`+path+`"`, `"file": ""`, `"`+path+`"`, `"-"`).Replace
	if diff := cmp.Diff(norm(fromFile.stdout), fromStdin.stdout); diff != "" {
		t.Errorf("stdin and file scans differ (-file +stdin):\n%s", diff)
	}
}

// TestGolden runs every format on every plan made by real Terraform and
// compares with testdata/golden; `go test ./internal/cli -update` rewrites.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob(repo("testdata", "plans", "*", "plan.json"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, plan := range cases {
		name := filepath.Base(filepath.Dir(plan))
		for _, format := range []string{"text", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				rel, err := filepath.Rel(repo(), plan)
				if err != nil {
					t.Fatal(err)
				}
				t.Chdir(repo())
				r := run(t, "", "scan", "--as-of", today, "--format", format, rel)
				if r.code == cli.ExitError {
					t.Fatalf("exit 2: %s", r.stderr)
				}
				golden := filepath.Join("testdata", "golden", name+"."+format)
				if updating() {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(r.stdout), 0o600); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), r.stdout); diff != "" {
					t.Errorf("%s output differs from %s (-want +got):\n%s", format, golden, diff)
				}
			})
		}
	}
}

// canaries are the fake credentials and passwords in the corpus plans and
// sources. No output format may ever contain them.
var canaries = []string{"AKIACORPUSCANARY02", "corpus-canary-secret-9f2k", "corpus-db-password-77", "corpus-tenant-pw", "changeme-", "AKIAFAKE"}

func TestNoSecretsInAnyFormat(t *testing.T) {
	plans, _ := filepath.Glob(repo("testdata", "plans", "*", "plan.json"))
	for _, plan := range plans {
		b, _ := os.ReadFile(plan)
		found := false
		for _, c := range canaries {
			found = found || bytes.Contains(b, []byte(c))
		}
		if !found {
			continue
		}
		for _, format := range report.Formats() {
			out := filepath.Join(t.TempDir(), "out")
			r := run(t, "", "scan", "--as-of", today, "--format", format+":"+out, "--format", "text", plan)
			if r.code == cli.ExitError {
				t.Fatalf("%s %s: %s", plan, format, r.stderr)
			}
			written, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range canaries {
				for where, s := range map[string]string{"file": string(written), "stdout": r.stdout, "stderr": r.stderr} {
					if strings.Contains(s, c) {
						t.Errorf("%s, format %s: %s contains the secret %q", plan, format, where, c)
					}
				}
			}
		}
	}
}

// TestCanaryPlan feeds a plan whose provider block, variables, resource
// attributes and tags all carry canary secrets next to the location and
// classification values a finding needs.
func TestCanaryPlan(t *testing.T) {
	const secret = "CANARY-7f3a9-SECRET"
	plan := `{
  "format_version": "1.2",
  "variables": {"db_password": {"value": "` + secret + `-var"}, "region": {"value": "us-east-1"}},
  "resource_changes": [{
    "address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
    "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["create"], "before": null,
      "after": {"password": "` + secret + `-attr", "username": "` + secret + `-user",
                "tags": {"classification": "secret", "token": "` + secret + `-tag"},
                "tags_all": {"classification": "secret", "token": "` + secret + `-tag"}},
      "after_unknown": {}, "after_sensitive": {"password": true}}
  }],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
      "expressions": {"region": {"references": ["var.region"]}, "access_key": {"constant_value": "` + secret + `-ak"},
                      "secret_key": {"constant_value": "` + secret + `-sk"}}}},
    "root_module": {"resources": [{"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
      "provider_config_key": "aws", "expressions": {"password": {"references": ["var.db_password"]}}}]}
  }
}`
	path := filepath.Join(t.TempDir(), "canary.json")
	if err := os.WriteFile(path, []byte(plan), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range report.Formats() {
		r := run(t, "", "scan", "--as-of", today, "--format", format, path)
		if r.code != cli.ExitFindings {
			t.Fatalf("%s: exit %d, want findings; stderr %s", format, r.code, r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, "CANARY") {
			t.Errorf("format %s printed a secret:\n%s", format, r.stdout)
		}
		if !strings.Contains(r.stdout, "us-east-1") || !strings.Contains(r.stdout, "SOV003") {
			t.Errorf("format %s lost the location or the finding:\n%s", format, r.stdout)
		}
	}
}

// TestReadmeExample runs the scan command the README gives a newcomer.
func TestReadmeExample(t *testing.T) {
	b, err := os.ReadFile(repo("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?m)^go run ./cmd/sovlint (scan [^\n`]+)$").FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md has no `go run ./cmd/sovlint scan …` line")
	}
	args := strings.Fields(string(m[1]))
	if !strings.Contains(string(b), "go test ./...") {
		t.Error("README.md does not give the test command `go test ./...`")
	}
	t.Chdir(repo())
	r := run(t, "", args...)
	if r.code != cli.ExitFindings {
		t.Fatalf("README example %v: exit %d, want %d (findings)\nstderr: %s", args, r.code, cli.ExitFindings, r.stderr)
	}
	for _, want := range []string{"SOV001", "SOV003", "module.regional.aws_sns_topic.t", "sa-east-1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("README example output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestSeverityFilter: --severity hides findings below it from every output
// and from the exit status; --fail-on only moves the exit threshold.
func TestSeverityFilter(t *testing.T) {
	dir := t.TempDir()
	plan, err := os.ReadFile(repo("testdata", "plans", "default-tags", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	// An exception that matches nothing is a SOV000 warning.
	cfg := "exception {\n  addresses = [\"aws_s3_bucket.gone\"]\n  reason    = \"removed in INFRA-1\"\n}\n"
	for name, content := range map[string]string{"plan.json": string(plan), ".sovlint.hcl": cfg} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rulesIn := func(out string) []string {
		var rep struct{ Findings []struct{ Rule string } }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, f := range rep.Findings {
			ids = append(ids, f.Rule)
		}
		return ids
	}
	all := run(t, "", "scan", "--as-of", today, "--format", "json", filepath.Join(dir, "plan.json"))
	errorsOnly := run(t, "", "scan", "--as-of", today, "--format", "json", "--severity", "error", filepath.Join(dir, "plan.json"))
	if diff := cmp.Diff([]string{"SOV000", "SOV001", "SOV002", "SOV003"}, rulesIn(all.stdout)); diff != "" {
		t.Errorf("default severity (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"SOV001", "SOV002", "SOV003"}, rulesIn(errorsOnly.stdout)); diff != "" {
		t.Errorf("--severity error (-want +got):\n%s", diff)
	}
}

// TestPanicIsAnError: a bug in a command must reach the user as one line
// naming the input, and exit status 2, never a stack trace.
func TestPanicIsAnError(t *testing.T) {
	var out, errb bytes.Buffer
	code := cli.Main([]string{"scan", "-"}, cli.Streams{In: panicReader{}, Out: &out, Err: &errb})
	if code != cli.ExitError || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "sovlint: internal error in <stdin>: boom") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }

// TestNoSecretsFromSources: what sources, tfvars and --var carry never
// reaches an output or an error, even when it cannot be read.
func TestNoSecretsFromSources(t *testing.T) {
	const secret = "HUNTER2-SECRET-9x"
	cases := map[string]struct {
		files map[string]string
		args  []string
	}{
		"a tfvars.json value that is not JSON": {
			files: map[string]string{"main.tf": "variable \"pw\" {}\n", "terraform.tfvars.json": `{"pw": ` + secret + `}`},
		},
		"a tfvars value that does not parse": {
			files: map[string]string{"main.tf": "variable \"pw\" {}\n", "terraform.tfvars": "pw = \"" + secret + "\n"},
		},
		"credentials in a module source": {
			files: map[string]string{"main.tf": "module \"m\" {\n  source = \"git::https://oauth2:" + secret + "@gitlab.example.com/x.git?sshkey=" + secret + "\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"},
		},
		"a --var without a name": {
			files: map[string]string{"main.tf": "variable \"pw\" {}\nresource \"aws_s3_bucket\" \"b\" {}\n"},
			args:  []string{"--var", secret},
		},
		"a --var with an empty name": {
			files: map[string]string{"main.tf": "variable \"pw\" {}\nresource \"aws_s3_bucket\" \"b\" {}\n"},
			args:  []string{"--var", "=" + secret},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for f, content := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			for _, format := range []string{"text", "json"} {
				r := run(t, "", append(append([]string{"scan", "--format", format}, tc.args...), dir)...)
				if strings.Contains(r.stdout+r.stderr, secret) {
					t.Errorf("%s: the secret reached the output (exit %d):\n%s%s", format, r.code, r.stdout, r.stderr)
				}
			}
		})
	}
}

// TestMalformedPlanErrorsQuoteNoValue: an error about a broken string in a
// plan names its position, never its bytes (it may be a password).
func TestMalformedPlanErrorsQuoteNoValue(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"escape.json":  `{"format_version": "1.2", "password": "\uS3cr3tPW"}`,
		"literal.json": `{"format_version": "1.2", "password": S3cr3tPW}`,
		"control.json": "{\"format_version\": \"1.2\", \"password\": \"S3cr3t\x01PW\"}",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		r := run(t, "", "scan", p)
		if r.code != cli.ExitError || strings.Contains(r.stderr, "S3cr") || strings.Contains(r.stderr, "'S'") {
			t.Errorf("%s: exit %d, stderr %q: want exit 2 and no byte of the value", name, r.code, r.stderr)
		}
	}
}
