package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/config"
)

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "infra", "live", "prod")
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(deep, 0o750); err != nil {
		t.Fatal(err)
	}
	if got, err := config.Discover(deep); err != nil || got != "" {
		t.Fatalf("Discover with no config = %q, %v; want nothing", got, err)
	}
	cfg := filepath.Join(root, "infra", config.FileName)
	if err := os.WriteFile(cfg, []byte("policy {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{deep, filepath.Join(root, "infra"), filepath.Join(deep, "plan.json")} {
		if got, err := config.Discover(from); err != nil || got != cfg {
			t.Errorf("Discover(%s) = %q, %v; want %q", from, got, err, cfg)
		}
	}
}

// TestDiscoverStaysInTheRepository: a .sovlint.hcl above the repository
// root (a shared CI workspace, /tmp, $HOME) is never applied; outside any
// repository, neither is one above the input's directory (the test's
// working directory is not above it).
func TestDiscoverStaysInTheRepository(t *testing.T) {
	workspace := t.TempDir()
	above := filepath.Join(workspace, config.FileName)
	if err := os.WriteFile(above, []byte("rule \"SOV001\" {\n  enabled = false\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(workspace, "checkout")
	live := filepath.Join(repo, "live")
	for _, d := range []string{live, filepath.Join(workspace, "loose", "dir")} {
		if err := os.MkdirAll(d, 0o750); err != nil {
			t.Fatal(err)
		}
	}
	// A worktree or submodule has a .git file, not a directory.
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: elsewhere\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{live, repo, filepath.Join(live, "plan.json"), filepath.Join(workspace, "loose", "dir")} {
		if got, err := config.Discover(from); err != nil || got != "" {
			t.Errorf("Discover(%s) = %q, %v; want nothing (the only config is above the repository)", from, got, err)
		}
	}
	// In the input's own directory it applies, repository or not.
	plan := filepath.Join(workspace, "plan.json")
	if err := os.WriteFile(plan, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := config.Discover(plan); err != nil || got != above {
		t.Errorf("Discover beside the config = %q, %v; want %q", got, err, above)
	}
}

func TestParse(t *testing.T) {
	cfg, err := config.Parse([]byte(`
policy {
  residency = ["eea"]
  fail_on   = "error"
}
rule "SOV003" {
  severity = "warning"
}
exclude = ["examples/**"]
exception {
  addresses = ["module.legacy.*"]
  roots     = ["envs/*"]
  rules     = ["SOV001"]
  reason    = "migration"
  expires   = "2027-01-31"
}
provider "openstack" {}
`), "x.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"eea"}, cfg.Policy.Residency); diff != "" {
		t.Error(diff)
	}
	if cfg.Rules[0].ID != "SOV003" || cfg.Rules[0].Severity != "warning" || cfg.Exceptions[0].Expires != "2027-01-31" {
		t.Errorf("rule or exception not decoded: %+v %+v", cfg.Rules, cfg.Exceptions)
	}
	if cfg.Catalog == nil {
		t.Error("catalog blocks are not kept for the catalog")
	}
	if diff := cmp.Diff([]string{"examples/**"}, cfg.Exclude); diff != "" {
		t.Errorf("exclude: %s", diff)
	}
	if cfg.ExcludeRange.Start.Line != 9 {
		t.Errorf("exclude range %v, want line 9", cfg.ExcludeRange)
	}
	if diff := cmp.Diff([]string{"envs/*"}, cfg.Exceptions[0].Roots); diff != "" {
		t.Errorf("exception roots: %s", diff)
	}
	// Without exclude, nothing is excluded and no range is set.
	bare, err := config.Parse([]byte("policy {}\n"), "x.hcl")
	if err != nil || bare.Exclude != nil || bare.ExcludeRange.Filename != "" {
		t.Errorf("Parse without exclude = %+v, %v", bare, err)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	for src, want := range map[string]string{
		"policy {\n  residency = \n}\n":           "x.hcl:2",
		"exception {\n  addresses = [\"a\"]\n}\n": "x.hcl:1", // reason is mandatory
		"rule {\n}\n":     "x.hcl:1",
		"\nexclude = 3\n": "x.hcl:2",
	} {
		_, err := config.Parse([]byte(src), "x.hcl")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error at %s", src, err, want)
		}
	}
}
