package cli_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/internal/cli"
)

// terraformMirror returns the root of a filesystem mirror holding the AWS
// provider, or "" (SOVLINT_TF_MIRROR overrides the default location).
func terraformMirror() string {
	for _, dir := range []string{os.Getenv("SOVLINT_TF_MIRROR"), "/opt/tf-plugins"} {
		if dir == "" {
			continue
		}
		if m, _ := filepath.Glob(filepath.Join(dir, "registry.terraform.io", "hashicorp", "aws", "5.*")); len(m) > 0 {
			return dir
		}
	}
	return ""
}

// TestFreshTerraformPlan makes a new plan with real Terraform from the
// sources of each corpus case and checks that sovlint resolves it exactly
// as it resolves the committed plan. It needs terraform on PATH and a
// filesystem mirror of the AWS provider, and skips without them: it never
// reaches the network.
func TestFreshTerraformPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	mirror := terraformMirror()
	if mirror == "" {
		t.Skip("no filesystem mirror of the AWS provider (set SOVLINT_TF_MIRROR)")
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	conf := `provider_installation {
  filesystem_mirror {
    path    = "` + mirror + `"
    include = ["registry.terraform.io/*/*"]
  }
  direct { exclude = ["registry.terraform.io/*/*"] }
}
`
	if err := os.WriteFile(rc, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"default-tags", "var-default-region", "count-foreach"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			work := t.TempDir()
			if err := os.CopyFS(work, os.DirFS(repo("testdata", "plans", name))); err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(filepath.Join(work, "plan.json")); err != nil {
				t.Fatal(err)
			}
			terraform := func(args ...string) []byte {
				cmd := exec.Command(tf, args...)
				cmd.Dir = work
				cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
				out, err := cmd.Output()
				if err != nil {
					stderr := ""
					if ee, ok := errors.AsType[*exec.ExitError](err); ok {
						stderr = string(ee.Stderr)
					}
					t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, stderr)
				}
				return out
			}
			terraform("init", "-input=false", "-no-color")
			terraform("plan", "-refresh=false", "-input=false", "-no-color", "-out", "tfplan")
			fresh := filepath.Join(work, "plan.json")
			if err := os.WriteFile(fresh, terraform("show", "-json", "tfplan"), 0o600); err != nil {
				t.Fatal(err)
			}
			got := scanSummary(t, fresh)
			want := scanSummary(t, repo("testdata", "plans", name, "plan.json"))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fresh plan resolves differently from the committed one (-committed +fresh):\n%s", diff)
			}
		})
	}
}

// scanSummary is what must not depend on which run of Terraform made the
// plan: each resource's region and classification, and the findings.
func scanSummary(t *testing.T, plan string) map[string]string {
	t.Helper()
	r := run(t, "", "scan", "--as-of", today, "--format", "json", plan)
	if r.code == cli.ExitError {
		t.Fatalf("scan %s: %s", plan, r.stderr)
	}
	var out struct {
		Resources []struct{ Address, Region, Classification string }
		Findings  []struct{ Rule, Address string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, res := range out.Resources {
		m[res.Address] = res.Region + " " + res.Classification
	}
	for _, f := range out.Findings {
		m[f.Address] += " " + f.Rule
	}
	return m
}
