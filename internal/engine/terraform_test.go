package engine

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/internal/settings"
)

// terraformMirror is where the corpus README says the AWS provider mirror
// lives; SOVLINT_TF_MIRROR overrides it.
const terraformMirror = "/opt/tf-plugins"

// TestParityFreshPlan has the real terraform plan a corpus case afresh,
// from a filesystem mirror of the provider (never the network), and checks
// that the new plan, the committed plan and the sources all agree. It skips
// when terraform or the mirror is absent, and in -short mode.
func TestParityFreshPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("runs terraform: skipped in -short mode")
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH")
	}
	mirror := terraformMirror
	if m := os.Getenv("SOVLINT_TF_MIRROR"); m != "" {
		mirror = m
	}
	if _, err := os.Stat(filepath.Join(mirror, "registry.terraform.io", "hashicorp", "aws")); err != nil {
		t.Skipf("no AWS provider mirror at %s", mirror)
	}
	rc := filepath.Join(t.TempDir(), "terraformrc")
	cliConfig := "provider_installation {\n  filesystem_mirror {\n    path = \"" + mirror + "\"\n  }\n}\n"
	if err := os.WriteFile(rc, []byte(cliConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"default-tags", "var-default-region", "count-foreach"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := copySources(filepath.Join("..", "..", "testdata", "plans", name), dir); err != nil {
				t.Fatal(err)
			}
			run := func(args ...string) []byte {
				t.Helper()
				cmd := exec.CommandContext(context.Background(), tf, args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					t.Skipf("terraform %s failed here (%v): %s", args[0], err, firstLine(stderr.String()))
				}
				return out
			}
			run("init", "-input=false", "-no-color")
			run("plan", "-refresh=false", "-input=false", "-no-color", "-out", "tfplan")
			planJSON := run("show", "-json", "tfplan")
			planFile := filepath.Join(dir, "fresh-plan.json")
			if err := os.WriteFile(planFile, planJSON, 0o600); err != nil {
				t.Fatal(err)
			}
			fromSources := scanFor(t, Input{Path: dir}, SourceOptions{})
			fromPlan := scanFor(t, Input{Path: planFile}, SourceOptions{PlanDir: dir})
			if len(fromSources.Assessments) == 0 {
				t.Fatal("the sources gave no resources")
			}
			if diff := cmp.Diff(rows(fromPlan), rows(fromSources)); diff != "" {
				t.Errorf("resources differ (-plan +sources):\n%s", diff)
			}
			if diff := cmp.Diff(fromPlan.Findings, fromSources.Findings); diff != "" {
				t.Errorf("findings differ (-plan +sources):\n%s", diff)
			}
			// The saved plan itself scans the same when sovlint is asked
			// to run `terraform show -json` on it, in the directory
			// Terraform initialized.
			fromBinary, err := runScan(t, []Input{{Path: filepath.Join(dir, "tfplan")}}, Options{
				Settings:   settings.Default(parityDay),
				Sources:    SourceOptions{PlanDir: dir},
				Conversion: Conversion{TerraformBin: tf, Dir: dir},
			})
			if err != nil {
				t.Fatalf("scan the saved plan: %v", err)
			}
			if diff := cmp.Diff(rows(fromPlan), rows(fromBinary)); diff != "" {
				t.Errorf("resources differ (-json +saved plan):\n%s", diff)
			}
			// The plan in the repository was made by another run of
			// Terraform: a fresh one must resolve the same.
			committed := scanFor(t, Input{Path: filepath.Join("..", "..", "testdata", "plans", name, "plan.json")}, SourceOptions{PlanDir: dir})
			if diff := cmp.Diff(rows(committed), rows(fromPlan)); diff != "" {
				t.Errorf("resources differ (-committed +fresh):\n%s", diff)
			}
			if diff := cmp.Diff(committed.Findings, fromPlan.Findings); diff != "" {
				t.Errorf("findings differ (-committed +fresh):\n%s", diff)
			}
		})
	}
}

// copySources copies a case's .tf files, leaving its plan behind.
func copySources(from, to string) error {
	src := os.DirFS(from)
	dst, err := os.OpenRoot(to)
	if err != nil {
		return err
	}
	defer dst.Close()
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return dst.MkdirAll(p, 0o750)
		case !strings.HasSuffix(p, ".tf"):
			return nil
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return dst.WriteFile(p, b, 0o600)
	})
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
