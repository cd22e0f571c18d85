//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// savedPlanTree is a scanned tree as a hostile pull request makes it: a
// saved plan, and a "provider" under .terraform/providers that leaves a
// marker when anything starts it, as Terraform would in that directory.
func savedPlanTree(t *testing.T) (planDir, marker string) {
	t.Helper()
	root := t.TempDir()
	planDir = filepath.Join(root, "repo")
	marker = filepath.Join(root, "PWNED")
	provider := filepath.Join(planDir, ".terraform", "providers", "registry.terraform.io", "hashicorp", "aws", "5.0.0", "linux_amd64", "terraform-provider-aws_v5.0.0")
	writeExec(t, provider, "#!/bin/sh\ntouch "+marker+"\n")
	zip := "PK\x03\x04\x14\x00\x00\x00tfplan"
	for _, name := range []string{"tfplan", "plan.json"} {
		if err := os.WriteFile(filepath.Join(planDir, name), []byte(zip), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return planDir, marker
}

// fakeTerraform is a terraform that records where and how it runs, starts
// every provider of its working directory as the real one does, and prints
// a plan.
func fakeTerraform(t *testing.T, dir, extra string) (bin, log string) {
	t.Helper()
	bin = filepath.Join(dir, "terraform")
	log = filepath.Join(dir, "terraform.log")
	writeExec(t, bin, `#!/bin/sh
echo "cwd=$(pwd) checkpoint=$CHECKPOINT_DISABLE args=$*" >> `+log+`
find .terraform/providers -type f 2>/dev/null | while read p; do "$p"; done
`+extra+`
echo '{"format_version":"1.2","planned_values":{},"resource_changes":[]}'
`)
	return bin, log
}

func writeExec(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o700); err != nil {
		t.Fatal(err)
	}
}

func absent(t *testing.T, path, what string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		t.Errorf("%s exists: %s", what, path)
	}
}

// TestSavedPlanNeverRunsTheTreesCode: a saved plan is converted only when
// asked, with the terraform the user names, in the directory the user
// chose; never in the plan's directory, whose providers the scanned
// repository supplies, and never for a zip that calls itself JSON.
func TestSavedPlanNeverRunsTheTreesCode(t *testing.T) {
	planDir, marker := savedPlanTree(t)
	tools := t.TempDir()
	bin, log := fakeTerraform(t, tools, "")
	// A terraform on PATH is not a request to run it.
	t.Setenv("PATH", tools+string(os.PathListSeparator)+os.Getenv("PATH"))

	scan := func(path string, conv Conversion) error {
		_, err := Scan([]Input{{Path: filepath.Join(planDir, path)}}, Options{Conversion: conv})
		return err
	}
	if err := scan("tfplan", Conversion{}); err == nil || !strings.Contains(err.Error(), "saved plan") || !strings.Contains(err.Error(), "--convert-binary-plan") {
		t.Errorf("saved plan without conversion: %v", err)
	}
	absent(t, log, "the terraform log (terraform ran without being asked)")
	if err := scan("plan.json", Conversion{TerraformBin: bin}); err == nil || !strings.Contains(err.Error(), "zip archive") {
		t.Errorf("zip named .json: %v", err)
	}
	absent(t, log, "the terraform log (terraform ran on a zip named .json)")

	trusted := t.TempDir()
	if err := scan("tfplan", Conversion{TerraformBin: bin, Dir: trusted}); err != nil {
		t.Fatalf("conversion asked for: %v", err)
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if want := "cwd=" + trusted + " checkpoint=1 args=show -json -no-color " + filepath.Join(planDir, "tfplan") + "\n"; string(got) != want {
		t.Errorf("terraform ran as\n%s\nwant\n%s", got, want)
	}
	absent(t, marker, "the marker (a provider from the scanned tree ran)")
}

// TestConversionBounded: the child is stopped at its time limit with the
// processes it started, and its output is cut at the size limit.
func TestConversionBounded(t *testing.T) {
	planDir, _ := savedPlanTree(t)
	tools := t.TempDir()
	pidFile := filepath.Join(tools, "grandchild.pid")
	bin, _ := fakeTerraform(t, tools, "sleep 300 & echo $! > "+pidFile+"\nsleep 300")
	start := time.Now()
	_, err := Scan([]Input{{Path: filepath.Join(planDir, "tfplan")}}, Options{Conversion: Conversion{TerraformBin: bin, Dir: tools, Timeout: time.Second}})
	if err == nil || !strings.Contains(err.Error(), "took longer than 1s") {
		t.Errorf("hanging terraform: %v", err)
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the scan returned after %s", d)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	for i := 0; syscall.Kill(pid, 0) == nil; i++ {
		if i == 100 {
			t.Fatalf("the process terraform started (%d) outlived it", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}

	loud, _ := fakeTerraform(t, t.TempDir(), "printf '{\"format_version\":\"1.2\",\"x\":['; yes '0,'")
	_, err = Scan([]Input{{Path: filepath.Join(planDir, "tfplan")}}, Options{Conversion: Conversion{TerraformBin: loud, Dir: tools, MaxOutput: 1 << 20}})
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Errorf("endless output: %v", err)
	}
}
