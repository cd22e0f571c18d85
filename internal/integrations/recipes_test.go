package integrations

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The recipes in docs/recipes are run here as far as they can be without
// the systems they are for: their shell commands, with sh, in the layout
// those systems give them (a plan file where they keep it, the variables
// they set), with stand-ins for terraform and for the HCP Terraform API.
// Each recipe's page says what was and was not run.

const recipes = "docs/recipes"

// recipeShell runs script with sh -c in dir, with env and the built
// sovlint on PATH, and returns the exit status and output.
func recipeShell(t *testing.T, dir, script string, env ...string) (int, string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("sh is not installed")
	}
	cmd := exec.Command(sh, "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := exitCode(err)
	if code < 0 {
		t.Fatal(err)
	}
	return code, string(out)
}

// project is a copy of the sources a plan with findings was made from,
// with the plan at plan.json: what a CI system's workspace holds.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, filepath.Join(root, filepath.Dir(findingsPlan)), dir)
	return dir
}

// fakeTerraform puts a terraform on PATH that prints plan for
// `terraform show -json FILE` when FILE exists, as terraform does with a
// saved plan.
func fakeTerraform(t *testing.T, plan string) string {
	t.Helper()
	dir := t.TempDir()
	script := `#!/bin/sh
if [ "$1 $2" = "show -json" ] && [ -f "$3" ]; then exec cat "` + plan + `"; fi
echo "fake terraform: unexpected $*" >&2
exit 1
`
	if err := os.WriteFile(filepath.Join(dir, "terraform"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

func absRoot(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecipeAtlantis(t *testing.T) {
	var cfg struct {
		Workflows map[string]struct {
			Plan struct {
				Steps []any `yaml:"steps"`
			} `yaml:"plan"`
		} `yaml:"workflows"`
	}
	readYAML(t, recipes+"/atlantis/repos.yaml", &cfg)
	steps := cfg.Workflows["sovlint"].Plan.Steps
	var names []string
	var command string
	for _, s := range steps {
		switch s := s.(type) {
		case string:
			names = append(names, s)
		case map[string]any:
			run, _ := s["run"].(map[string]any)
			command, _ = run["command"].(string)
			names = append(names, "run")
		}
	}
	if strings.Join(names, " ") != "init plan show run" {
		t.Fatalf("workflow steps %v: the run step needs show before it ($SHOWFILE)", names)
	}
	bin := sovlintOnPath(t)
	path := "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")

	dir := project(t)
	code, out := recipeShell(t, dir, command, path, "SHOWFILE="+filepath.Join(dir, "plan.json"))
	if code != 1 || !strings.Contains(out, "aws_rds_cluster.main") || !strings.Contains(out, "main.tf:") {
		t.Errorf("Atlantis run step on a plan with findings: exit %d, want 1 with findings on main.tf lines\n%s", code, out)
	}
	empty := t.TempDir()
	if code, out = recipeShell(t, empty, command, path, "SHOWFILE="+absRoot(t, cleanPlan)); code != 0 {
		t.Errorf("Atlantis run step on a clean plan: exit %d\n%s", code, out)
	}
	df, err := os.ReadFile(filepath.Join(root, recipes, "atlantis", "Dockerfile"))
	if err != nil || !strings.Contains(string(df), "COPY --from=sovlint /usr/local/bin/sovlint /usr/local/bin/sovlint") {
		t.Errorf("atlantis/Dockerfile does not copy the binary from where the release image has it (%v)", err)
	}
}

func TestRecipeHCPTerraform(t *testing.T) {
	const token = "test-token-not-a-secret"
	plan, err := os.ReadFile(filepath.Join(root, findingsPlan))
	if err != nil {
		t.Fatal(err)
	}
	var leaked []string
	mux := http.NewServeMux()
	mux.HandleFunc("/archivist/v1/object/", func(w http.ResponseWriter, r *http.Request) {
		if a := r.Header.Get("Authorization"); a != "" {
			leaked = append(leaked, a)
		}
		_, _ = w.Write(plan)
	})
	// The redirect's target is another host, as on HCP Terraform.
	archivist := httptest.NewServer(mux)
	t.Cleanup(archivist.Close)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/archivist/") {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+token {
			http.Error(w, `{"errors":[{"status":"401","title":"unauthorized"}]}`, http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, archivist.URL+"/archivist/v1/object/dmF1bHQ6djE6", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(api.Close)

	bin := sovlintOnPath(t)
	path := "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")
	script := absRoot(t, recipes+"/hcp-terraform/sovlint-hcp.sh")
	code, out := recipeShell(t, t.TempDir(), `"`+script+`" run-abc123 --format github`, path, "TFE_ADDRESS="+api.URL, "TFE_TOKEN="+token)
	if code != 1 || !strings.Contains(out, "title=SOV001 not-secnumcloud::aws_rds_cluster.main") {
		t.Errorf("sovlint-hcp.sh: exit %d, want 1 with the plan's findings\n%s", code, out)
	}
	if len(leaked) != 0 {
		t.Errorf("the token was sent to the redirect's host: %v", leaked)
	}
	if strings.Contains(out, token) {
		t.Error("the token was printed")
	}
	code, out = recipeShell(t, t.TempDir(), `"`+script+`" run-abc123`, path, "TFE_ADDRESS="+api.URL, "TFE_TOKEN=wrong")
	if code == 0 || code == 1 {
		t.Errorf("sovlint-hcp.sh with a wrong token: exit %d, want an error status (not a pass, not findings)\n%s", code, out)
	}
}

func TestRecipeSpacelift(t *testing.T) {
	var cfg struct {
		StackDefaults struct {
			AfterPlan []string `yaml:"after_plan"`
		} `yaml:"stack_defaults"`
	}
	readYAML(t, recipes+"/spacelift/config.yml", &cfg)
	bin := sovlintOnPath(t)
	workspace := t.TempDir()
	hooks := strings.Join(cfg.StackDefaults.AfterPlan, "\n")
	// The hooks name the binary where before_init installs it.
	hooks = strings.ReplaceAll(hooks, "/mnt/workspace/.bin/sovlint", filepath.Join(bin, "sovlint"))
	for _, tc := range []struct {
		plan     string
		code     int
		findings int
	}{{findingsPlan, 1, 7}, {cleanPlan, 0, 0}} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "spacelift.plan"), "binary plan")
		code, out := recipeShell(t, dir, hooks, "PATH="+fakeTerraform(t, absRoot(t, tc.plan))+string(os.PathListSeparator)+os.Getenv("PATH"), "TMPDIR="+workspace)
		if code != tc.code {
			t.Errorf("Spacelift hooks on %s: exit %d, want %d\n%s", tc.plan, code, tc.code, out)
		}
		var report struct {
			Findings []json.RawMessage `json:"findings"`
		}
		b, err := os.ReadFile(filepath.Join(dir, "sovlint.custom.spacelift.json"))
		if err != nil || json.Unmarshal(b, &report) != nil || len(report.Findings) != tc.findings {
			t.Errorf("Spacelift hooks on %s: custom input %v, %d findings, want %d", tc.plan, err, len(report.Findings), tc.findings)
		}
	}
}

func TestRecipeEnv0(t *testing.T) {
	var flow struct {
		Deploy struct {
			Steps map[string]struct {
				After []struct {
					Name string `yaml:"name"`
					Run  string `yaml:"run"`
				} `yaml:"after"`
			} `yaml:"steps"`
		} `yaml:"deploy"`
	}
	readYAML(t, recipes+"/env0/env0.yml", &flow)
	after := flow.Deploy.Steps["terraformPlan"].After
	if len(after) != 1 {
		t.Fatalf("terraformPlan.after has %d steps, want the sovlint one", len(after))
	}
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".local", "bin"), 0o750); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(sovlintOnPath(t), "sovlint"), filepath.Join(home, ".local", "bin", "sovlint"))
	for _, tc := range []struct {
		name, plan string
		dir        func() string
		code       int
	}{
		{"plan with findings", findingsPlan, func() string { return project(t) }, 1},
		{"clean plan", cleanPlan, t.TempDir, 0},
	} {
		dir := tc.dir()
		writeFile(t, filepath.Join(dir, ".tf-plan"), "binary plan")
		code, out := recipeShell(t, dir, after[0].Run, "HOME="+home, "PATH="+fakeTerraform(t, absRoot(t, tc.plan))+string(os.PathListSeparator)+os.Getenv("PATH"))
		if code != tc.code {
			t.Errorf("env0 step on a %s: exit %d, want %d\n%s", tc.name, code, tc.code, out)
		}
	}
}

func TestRecipeJenkins(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, recipes, "jenkins", "Jenkinsfile"))
	if err != nil {
		t.Fatal(err)
	}
	// The scan step is the sh ''' ... ''' block.
	m := regexp.MustCompile(`(?s)sh '''\n(.*?)'''`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no sh ''' block in the Jenkinsfile")
	}
	// Groovy's ''' strings keep a backslash-newline as is: sh joins the lines.
	script := string(m[1])
	for _, want := range []string{"junit testResults: 'sovlint-junit.xml'", "sarif(pattern: 'sovlint.sarif'"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the Jenkinsfile does not publish %s", want)
		}
	}
	workspace := project(t)
	copyFile(t, filepath.Join(sovlintOnPath(t), "sovlint"), filepath.Join(workspace, ".bin", "sovlint"))
	code, out := recipeShell(t, workspace, script, "WORKSPACE="+workspace)
	if code != 1 {
		t.Fatalf("Jenkins scan step: exit %d, want 1 on findings\n%s", code, out)
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
	}
	if b, err = os.ReadFile(filepath.Join(workspace, "sovlint-junit.xml")); err != nil || xml.Unmarshal(b, &suites) != nil || suites.Failures != 3 {
		t.Errorf("JUnit report: %v, %+v, want 3 failures", err, suites)
	}
	var sarif struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if b, err = os.ReadFile(filepath.Join(workspace, "sovlint.sarif")); err != nil || json.Unmarshal(b, &sarif) != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 7 {
		t.Errorf("SARIF report: %v, want one run with 7 results", err)
	}
}

// TestRecipeRego runs the example policy with OPA when it is installed:
// its unit tests, then on sovlint's real JSON reports.
func TestRecipeRego(t *testing.T) {
	opa, err := exec.LookPath("opa")
	if err != nil {
		if p := filepath.Join(goEnv(t, "GOPATH"), "bin", "opa"); fileExists(p) {
			opa = p
		} else {
			t.Skip("opa is not installed (go install github.com/open-policy-agent/opa@v1.22.3)")
		}
	}
	dir := absRoot(t, recipes+"/rego")
	if out, err := exec.Command(opa, "test", dir).CombinedOutput(); err != nil {
		t.Fatalf("opa test: %v\n%s", err, out)
	}
	bin := filepath.Join(sovlintOnPath(t), "sovlint")
	for _, tc := range []struct {
		plan string
		deny int
	}{{findingsPlan, 7}, {cleanPlan, 1}} {
		report := filepath.Join(t.TempDir(), "sovlint.json")
		cmd := exec.Command(bin, "scan", "--format", "json:"+report, absRoot(t, tc.plan))
		if code := exitCode(cmd.Run()); code != 0 && code != 1 {
			t.Fatalf("sovlint scan %s: exit %d", tc.plan, code)
		}
		out, err := exec.Command(opa, "eval", "--format", "json", "-d", filepath.Join(dir, "sovlint.rego"), "-i", report, "data.sovlint.deny").Output()
		if err != nil {
			t.Fatalf("opa eval: %v", err)
		}
		var res struct {
			Result []struct {
				Expressions []struct {
					Value []string `json:"value"`
				} `json:"expressions"`
			} `json:"result"`
		}
		if err := json.Unmarshal(out, &res); err != nil || len(res.Result) != 1 || len(res.Result[0].Expressions) != 1 {
			t.Fatalf("opa eval output: %v\n%s", err, out)
		}
		if got := res.Result[0].Expressions[0].Value; len(got) != tc.deny {
			t.Errorf("policy on %s: %d denials, want %d: %v", tc.plan, len(got), tc.deny, got)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
