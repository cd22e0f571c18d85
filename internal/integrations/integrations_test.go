package integrations

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"maps"
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
			switch m[1] {
			case "inputs":
				v = a.Inputs[m[2]].Default
				if in, ok := r.inputs[m[2]]; ok {
					v = in
				}
			case "github":
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
	// The category input names the analysis in the SARIF itself too.
	code, out, _ = runActionStep(t, bin, &a, "Scan", map[string]string{"path": findingsPlan, "upload-sarif": "true", "sarif-file": sarif, "category": "prod"}, nil)
	if b, err := os.ReadFile(sarif); code != 0 || err != nil || !bytes.Contains(b, []byte(`"automationDetails": {
        "id": "prod/"`)) {
		t.Errorf("category prod: exit %d, %v, no automationDetails.id prod/\n%s", code, err, out)
	}

	// On a runner the summary links to the run's page.
	res := stepRun{path: []string{bin}, inputs: map[string]string{"path": findingsPlan}, env: []string{"GITHUB_RUN_ID=42", "GITHUB_REPOSITORY=o/r", "GITHUB_SERVER_URL=https://github.example"}}.run(t, &a, "Scan")
	if res.code != 0 || !strings.Contains(res.output, "exit-code=1\n") {
		t.Errorf("Scan on a runner: exit %d, GITHUB_OUTPUT %q\n%s", res.code, res.output, res.out)
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
	Stage string `yaml:"stage"`
	Image struct {
		Name       string   `yaml:"name"`
		Entrypoint []string `yaml:"entrypoint"`
	} `yaml:"image"`
	Variables map[string]string `yaml:"variables"`
	Script    []string          `yaml:"script"`
	Artifacts struct {
		When    string `yaml:"when"`
		Reports struct {
			CodeQuality string `yaml:"codequality"`
			JUnit       string `yaml:"junit"`
		} `yaml:"reports"`
	} `yaml:"artifacts"`
}

// gitlabInput is one of a component's spec:inputs.
type gitlabInput struct {
	Default     any      `yaml:"default"`
	Type        string   `yaml:"type"`
	Options     []string `yaml:"options"`
	Description string   `yaml:"description"`
}

var gitlabInterpolation = regexp.MustCompile(`\$\[\[ *inputs\.([a-z-]+) *\]\]`)

// gitlabComponent reads templates/sovlint.yml as GitLab does: the spec
// document, then the jobs with every $[[ inputs.NAME ]] in keys and values
// replaced by the given input or its default (a value that is a single
// interpolation keeps the input's type).
func gitlabComponent(t *testing.T, given map[string]any) (map[string]gitlabInput, map[string]gitlabJob) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "templates", "sovlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var header struct {
		Spec struct {
			Inputs map[string]gitlabInput `yaml:"inputs"`
		} `yaml:"spec"`
	}
	if err := dec.Decode(&header); err != nil {
		t.Fatalf("spec: %v", err)
	}
	var body yaml.Node
	if err := dec.Decode(&body); err != nil {
		t.Fatalf("jobs: %v", err)
	}
	inputs := header.Spec.Inputs
	for name := range given {
		if _, ok := inputs[name]; !ok {
			t.Fatalf("the component has no input %q", name)
		}
	}
	value := func(name string) any {
		in, ok := inputs[name]
		if !ok {
			t.Errorf("the component uses inputs.%s, which its spec does not declare", name)
			return ""
		}
		if v, ok := given[name]; ok {
			return v
		}
		return in.Default
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			if m := gitlabInterpolation.FindStringSubmatch(n.Value); len(m) == 2 && m[0] == n.Value {
				v := value(m[1])
				if err := n.Encode(v); err != nil {
					t.Fatal(err)
				}
				return
			}
			n.Value = gitlabInterpolation.ReplaceAllStringFunc(n.Value, func(s string) string {
				return fmt.Sprint(value(gitlabInterpolation.FindStringSubmatch(s)[1]))
			})
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&body)
	var jobs map[string]gitlabJob
	if err := body.Decode(&jobs); err != nil {
		t.Fatalf("jobs after interpolation: %v", err)
	}
	return inputs, jobs
}

// TestGitLabComponent reads the CI/CD component as GitLab would, then runs
// its script as the runner's shell would and reads back the reports it
// declares.
func TestGitLabComponent(t *testing.T) {
	inputs, jobs := gitlabComponent(t, nil)
	for name, in := range inputs {
		if in.Description == "" || in.Default == nil {
			t.Errorf("input %s: a description and a default are needed (%+v)", name, in)
		}
	}
	job, ok := jobs["sovlint"]
	if !ok || len(jobs) != 1 {
		t.Fatalf("jobs %v, want one named sovlint by default", slices.Collect(maps.Keys(jobs)))
	}
	if job.Image.Name != "ghcr.io/sovlint/sovlint:latest-debug" || !slices.Equal(job.Image.Entrypoint, []string{""}) {
		t.Errorf("image %+v: want the release image's -debug variant (a shell for the script), entrypoint cleared", job.Image)
	}
	if job.Artifacts.When != "always" || job.Artifacts.Reports.CodeQuality == "" || job.Artifacts.Reports.JUnit == "" {
		t.Fatalf("artifacts: %+v (reports are needed when the job fails too)", job.Artifacts)
	}
	if _, jobs = gitlabComponent(t, map[string]any{"job-name": "sovlint-prod", "version": "v1.2.3"}); jobs["sovlint-prod"].Image.Name != "ghcr.io/sovlint/sovlint:v1.2.3-debug" {
		t.Errorf("job-name and version inputs: %+v", jobs)
	}

	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("sh is not installed")
	}
	bin := sovlintOnPath(t)
	abs, err := filepath.Abs(filepath.Join(root, findingsPlan))
	if err != nil {
		t.Fatal(err)
	}
	clean, err := filepath.Abs(filepath.Join(root, cleanPlan))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		inputs map[string]any
		dir    func() string
		code   int
		issues int
		tests  int
	}{
		{"plan with findings", map[string]any{"path": abs, "fail-on": "error"}, t.TempDir, 1, 7, 3},
		{"clean plan", map[string]any{"path": clean, "args": "--severity warning"}, t.TempDir, 0, 0, 0},
		{"monorepo, recursive", map[string]any{"recursive": true}, func() string { return monorepo(t) }, 1, 6, 2},
		{"monorepo, not recursive", map[string]any{}, func() string { return monorepo(t) }, 2, -1, -1},
	} {
		_, jobs := gitlabComponent(t, tc.inputs)
		job := jobs["sovlint"]
		dir := tc.dir()
		cmd := exec.Command(sh, "-e", "-c", strings.Join(job.Script, "\n"))
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		for k, v := range job.Variables {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		if exitCode(err) != tc.code {
			t.Errorf("%s: script exit %v, want %d\n%s", tc.name, err, tc.code, out)
			continue
		}
		if tc.issues < 0 {
			continue
		}
		var issues []map[string]any
		b, err := os.ReadFile(filepath.Join(dir, job.Artifacts.Reports.CodeQuality))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &issues); err != nil || len(issues) != tc.issues {
			t.Errorf("%s: code quality report: %v, %d issues, want %d", tc.name, err, len(issues), tc.issues)
		}
		var suites struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
		}
		if b, err = os.ReadFile(filepath.Join(dir, job.Artifacts.Reports.JUnit)); err != nil {
			t.Fatal(err)
		}
		if err := xml.Unmarshal(b, &suites); err != nil || suites.Tests != tc.tests || suites.Failures != tc.tests {
			t.Errorf("%s: JUnit report: %v, %+v, want %d tests and failures", tc.name, err, suites, tc.tests)
		}
	}
}
