package integrations

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/sovlint/sovlint/report"
)

// root is the repository root, relative to this package.
const root = "../.."

// Corpus plans, relative to the repository root.
const (
	findingsPlan = "testdata/plans/var-default-region/plan.json"
	cleanPlan    = "testdata/public/plan/generic/terraform-json__testdata_basic_plan.json"
)

// sovlintOnPath builds sovlint and returns the directory holding it, to
// put first on PATH.
func sovlintOnPath(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "sovlint"), "./cmd/sovlint")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building sovlint: %v\n%s", err, out)
	}
	return dir
}

// exitCode is a finished command's exit status, or -1 when it did not run.
func exitCode(err error) int {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	return -1
}

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// formatsIn returns the formats a command line asks for with --format.
func formatsIn(script string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`--format "?([a-z]+)`).FindAllStringSubmatch(script, -1) {
		out = append(out, m[1])
	}
	return out
}

// action is the part of action.yml these tests read.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

func TestActionDefinition(t *testing.T) {
	var a action
	readYAML(t, "action.yml", &a)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	raw, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(string(raw), -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	var uploads int
	for _, st := range a.Runs.Steps {
		if st.Run != "" && st.Shell == "" {
			t.Errorf("step %q runs a script without a shell (composite actions require one)", st.Name)
		}
		if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") {
			uploads++
			// Two jobs uploading with one category replace each other's
			// results: the category is the user's.
			if st.With["category"] != "${{ inputs.category }}" {
				t.Errorf("upload-sarif category = %q, want the category input", st.With["category"])
			}
		}
		for _, f := range formatsIn(st.Run) {
			if !slices.Contains(report.Formats(), f) {
				t.Errorf("step %q asks for format %q, which sovlint does not have", st.Name, f)
			}
		}
	}
	if uploads != 1 {
		t.Errorf("action.yml has %d upload-sarif steps, want 1", uploads)
	}
}

// runActionStep runs one of the action's run steps with bash as the runner
// would: its env with the inputs' values, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, the sovlint in bin first on PATH. It returns the exit status,
// the output, and what the step wrote to GITHUB_OUTPUT.
func runActionStep(t *testing.T, bin string, a *action, name string, inputs, outputs map[string]string) (int, string, string) {
	t.Helper()
	r := stepRun{inputs: inputs, outputs: outputs}
	if bin != "" {
		r.path = []string{bin}
	}
	res := r.run(t, a, name)
	return res.code, res.out, res.output
}

// stepRun is what a run step of the action sees on a runner.
type stepRun struct {
	inputs  map[string]string // inputs.NAME; the action's default otherwise
	outputs map[string]string // steps.<id>.outputs.NAME
	github  map[string]string // github.NAME (action_ref...)
	env     []string          // more environment (SOVLINT_RELEASES_URL...)
	path    []string          // directories put first on PATH
	temp    string            // RUNNER_TEMP; a new directory when empty
}

type stepResult struct {
	code   int
	out    string // stdout and stderr
	output string // what the step wrote to GITHUB_OUTPUT
	path   string // what it wrote to GITHUB_PATH
}

func (r stepRun) run(t *testing.T, a *action, name string) stepResult {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	i := slices.IndexFunc(a.Runs.Steps, func(s actionStep) bool { return s.Name == name })
	if i < 0 {
		t.Fatalf("action.yml has no step %q", name)
	}
	step := a.Runs.Steps[i]
	tmp := t.TempDir()
	if r.temp == "" {
		r.temp = t.TempDir()
	}
	actionPath, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	ghOutput, ghPath := filepath.Join(tmp, "output"), filepath.Join(tmp, "path")
	env := append(os.Environ(),
		"PATH="+strings.Join(append(r.path, os.Getenv("PATH")), string(os.PathListSeparator)),
		"GITHUB_OUTPUT="+ghOutput,
		"GITHUB_PATH="+ghPath,
		"GITHUB_STEP_SUMMARY="+filepath.Join(tmp, "summary.md"),
		"GITHUB_ACTION_PATH="+actionPath,
		"RUNNER_TEMP="+r.temp,
	)
	env = append(env, r.env...)
	expr := regexp.MustCompile(`^\$\{\{ *(inputs|steps\.[a-z]+\.outputs|github)\.([a-z_-]+) *\}\}$`)
	for k, v := range step.Env {
		if m := expr.FindStringSubmatch(v); m != nil {
			switch {
			case m[1] == "inputs":
				v = a.Inputs[m[2]].Default
				if in, ok := r.inputs[m[2]]; ok {
					v = in
				}
			case m[1] == "github":
				v = r.github[m[2]]
			default:
				v = r.outputs[m[2]]
			}
		} else if strings.Contains(v, "${{") {
			t.Fatalf("step %q: env %s = %q is an expression this test cannot evaluate", name, k, v)
		}
		env = append(env, k+"="+v)
	}
	cmd := exec.Command(bash, "-e", "-c", step.Run)
	cmd.Dir = root
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	code := exitCode(err)
	if code < 0 {
		t.Fatal(err)
	}
	written, _ := os.ReadFile(ghOutput)
	path, _ := os.ReadFile(ghPath)
	return stepResult{code: code, out: string(out), output: string(written), path: string(path)}
}

// TestActionScanStep runs the action's Scan and Fail steps on a plan with
// findings and on a clean one.
func TestActionScanStep(t *testing.T) {
	var a action
	readYAML(t, "action.yml", &a)
	bin := sovlintOnPath(t)
	sarif := filepath.Join(t.TempDir(), "out.sarif")

	code, out, written := runActionStep(t, bin, &a, "Scan", map[string]string{"path": findingsPlan, "upload-sarif": "true", "sarif-file": sarif}, nil)
	if code != 0 {
		t.Fatalf("the Scan step failed (exit %d): it must record sovlint's status and let the upload run\n%s", code, out)
	}
	if !strings.Contains(written, "exit-code=1\n") || !strings.Contains(written, "sarif-file="+sarif+"\n") {
		t.Errorf("GITHUB_OUTPUT = %q, want exit-code=1 and the SARIF file", written)
	}
	if !strings.Contains(out, "::error file="+findingsPlan+",title=SOV001 not-secnumcloud::") {
		t.Errorf("no annotation in the step's output:\n%s", out)
	}
	if b, err := os.ReadFile(sarif); err != nil || !bytes.Contains(b, []byte(`"version": "2.1.0"`)) {
		t.Errorf("no SARIF written: %v", err)
	}

	code, out, _ = runActionStep(t, bin, &a, "Fail on findings", nil, map[string]string{"exit-code": "1"})
	if code != 1 || !strings.Contains(out, "::error title=sovlint::") {
		t.Errorf("Fail step on findings: exit %d\n%s", code, out)
	}
	if code, _, _ = runActionStep(t, bin, &a, "Fail on findings", map[string]string{"fail-on-findings": "false"}, map[string]string{"exit-code": "1"}); code != 0 {
		t.Errorf("Fail step with fail-on-findings false: exit %d", code)
	}
	if code, _, _ = runActionStep(t, bin, &a, "Fail on findings", map[string]string{"fail-on-findings": "false"}, map[string]string{"exit-code": "2"}); code != 1 {
		t.Errorf("Fail step after a scan error: exit %d, want 1 whatever fail-on-findings says", code)
	}

	code, _, written = runActionStep(t, bin, &a, "Scan", map[string]string{"path": cleanPlan, "args": "--fail-on error"}, nil)
	if code != 0 || !strings.Contains(written, "exit-code=0\n") || strings.Contains(written, "sarif-file") {
		t.Errorf("clean scan: exit %d, GITHUB_OUTPUT %q", code, written)
	}
	if code, _, _ = runActionStep(t, bin, &a, "Fail on findings", nil, map[string]string{"exit-code": "0"}); code != 0 {
		t.Errorf("Fail step on a clean scan: exit %d", code)
	}
}

type gitlabJob struct {
	Extends   string   `yaml:"extends"`
	Script    []string `yaml:"script"`
	Artifacts struct {
		When    string `yaml:"when"`
		Reports struct {
			CodeQuality string `yaml:"codequality"`
			JUnit       string `yaml:"junit"`
		} `yaml:"reports"`
	} `yaml:"artifacts"`
}

// TestGitLabTemplate runs the template's scan line as the runner's shell
// would, then reads back the reports it declares.
func TestGitLabTemplate(t *testing.T) {
	var tmpl map[string]yaml.Node
	readYAML(t, "ci/gitlab/sovlint.gitlab-ci.yml", &tmpl)
	var job gitlabJob
	if n, ok := tmpl[".sovlint"]; !ok {
		t.Fatal("no .sovlint job")
	} else if err := n.Decode(&job); err != nil {
		t.Fatal(err)
	}
	var concrete gitlabJob
	if n, ok := tmpl["sovlint"]; !ok {
		t.Fatal("no sovlint job")
	} else if err := n.Decode(&concrete); err != nil || concrete.Extends != ".sovlint" {
		t.Fatalf("sovlint job: %v, extends %q", err, concrete.Extends)
	}
	if job.Artifacts.When != "always" || job.Artifacts.Reports.CodeQuality == "" || job.Artifacts.Reports.JUnit == "" {
		t.Fatalf("artifacts: %+v (reports are needed when the job fails too)", job.Artifacts)
	}
	var scan string
	for _, line := range job.Script {
		if strings.HasPrefix(line, "sovlint scan") {
			scan = line
		}
	}
	for _, want := range []string{"gitlab:" + job.Artifacts.Reports.CodeQuality, "junit:" + job.Artifacts.Reports.JUnit} {
		if !strings.Contains(scan, want) {
			t.Errorf("scan line %q does not write %s", scan, want)
		}
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("sh is not installed")
	}
	dir := t.TempDir()
	abs, err := filepath.Abs(filepath.Join(root, findingsPlan))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, "-c", scan)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+sovlintOnPath(t)+string(os.PathListSeparator)+os.Getenv("PATH"), "SOVLINT_PATH="+abs, "SOVLINT_ARGS=--fail-on error")
	out, err := cmd.CombinedOutput()
	if exitCode(err) != 1 {
		t.Fatalf("scan line: %v, want exit 1 on findings\n%s", err, out)
	}
	var issues []map[string]any
	b, err := os.ReadFile(filepath.Join(dir, job.Artifacts.Reports.CodeQuality))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &issues); err != nil || len(issues) != 7 {
		t.Errorf("code quality report: %v, %d issues, want 7", err, len(issues))
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
	}
	if b, err = os.ReadFile(filepath.Join(dir, job.Artifacts.Reports.JUnit)); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &suites); err != nil || suites.Tests != 3 || suites.Failures != 3 {
		t.Errorf("JUnit report: %v, %+v, want 3 tests and 3 failures", err, suites)
	}
}
