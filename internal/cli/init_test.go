package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/config"
)

func TestInit(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "init", dir)
	if code != ExitClean {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	path := filepath.Join(dir, config.FileName)
	if !strings.Contains(stdout, path) {
		t.Errorf("stdout = %q, want it to name %s", stdout, path)
	}
	written := readFile(t, path)
	cfg, err := config.Parse([]byte(written), path)
	if err != nil {
		t.Fatalf("the starter config does not parse: %v", err)
	}
	if cfg.Policy == nil || cfg.Policy.FailOn != "notice" {
		t.Errorf("starter policy = %+v, want fail_on = notice", cfg.Policy)
	}

	// It refuses to overwrite, unless --force.
	if err := os.WriteFile(path, []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "init", dir)
	if code != ExitError || !strings.Contains(stderr, "already exists") || readFile(t, path) != "# mine\n" {
		t.Errorf("init over an existing file: exit %d, stderr %q, file %q", code, stderr, readFile(t, path))
	}
	if code, _, stderr = run(t, "init", "--force", dir); code != ExitClean || readFile(t, path) != written {
		t.Errorf("init --force: exit %d, stderr %q", code, stderr)
	}
}

// TestInitExamplesWork uncomments every example in the starter config and
// scans with it: the examples are valid and do what their comments say.
func TestInitExamplesWork(t *testing.T) {
	uncomment := regexp.MustCompile(`(?m)^( *)# ( *[a-z_]+ *(=|"|\{)|\})`)
	src := uncomment.ReplaceAllString(string(starterConfig), "$1$2")
	for _, want := range []string{"\nrule \"SOV003\" {", "\nexception {", "\n  residency = [\"eu\"]", "\n  expires   = \"2027-03-31\""} {
		if !strings.Contains(src, want) {
			t.Fatalf("uncommenting the starter config did not give %q:\n%s", want, src)
		}
	}
	cfg := writeFile(t, t.TempDir(), config.FileName, src)
	if _, err := config.Parse([]byte(src), cfg); err != nil {
		t.Fatalf("the uncommented examples do not parse: %v\n%s", err, src)
	}
	// The example exception matches nothing in this plan: it is reported
	// as stale (SOV000), which shows it was applied.
	code, stdout, stderr := run(t, "scan", "--config", cfg, "--as-of", "2026-11-01", "--format", "text", findingsPlan)
	if code != ExitFindings || !strings.Contains(stdout, "SOV000") || !strings.Contains(stdout, "matches no finding") {
		t.Errorf("scan with the uncommented starter config: exit %d\n%s%s", code, stdout, stderr)
	}
}
