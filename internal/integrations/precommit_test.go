package integrations

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the hook in .pre-commit-hooks.yaml with the real
// pre-commit (Debian's package: apt-get install pre-commit), offline:
//
//   - the hook repository is a scratch git repository holding this working
//     tree's files (tracked and untracked-but-not-ignored), committed, so
//     the test sees uncommitted edits as try-repo would;
//   - pre-commit installs the hook with `go install ./...` (language
//     golang, the system Go) in a GOPATH of its own, so GOMODCACHE points
//     at the module cache this test was built from, GOPROXY=off and
//     GOTOOLCHAIN=local keep Go from reaching the network, and
//     PRE_COMMIT_HOME keeps pre-commit's clones out of the user's cache;
//   - a scratch "user" repository has a .tf file, two plans and a
//     .pre-commit-config.yaml using the hook twice: on a clean plan
//     (passes) and on a plan with findings (fails with them).
//
// It skips when pre-commit or git is not installed, and in -short mode.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sovlint through pre-commit")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	modCache := goEnv(t, "GOMODCACHE")
	tmp := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local", "GOMODCACHE="+modCache,
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=sovlint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=sovlint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	)

	hookRepo := filepath.Join(tmp, "sovlint")
	copyWorkingTree(t, hookRepo)
	rev := commitAll(t, env, hookRepo)

	work := filepath.Join(tmp, "infra")
	if err := os.MkdirAll(work, 0o750); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(root, findingsPlan), filepath.Join(work, "plan.json"))
	copyFile(t, filepath.Join(root, cleanPlan), filepath.Join(work, "clean.json"))
	writeFile(t, filepath.Join(work, "main.tf"), "resource \"aws_s3_bucket\" \"b\" {}\n")
	writeFile(t, filepath.Join(work, ".pre-commit-config.yaml"), `repos:
  - repo: `+hookRepo+`
    rev: `+rev+`
    hooks:
      - id: sovlint
        name: sovlint clean plan
        args: [--plan, clean.json]
      - id: sovlint
        name: sovlint plan with findings
        args: [--format, github, plan.json]
`)
	commitAll(t, env, work)

	cmd := exec.Command(preCommit, "run", "--all-files", "--color", "never")
	cmd.Dir = work
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if exitCode(err) != 1 {
		t.Fatalf("pre-commit run: %v, want exit status 1 (one hook fails)\n%s", err, out)
	}
	t.Logf("pre-commit run --all-files:\n%s", out)
	for _, want := range []string{
		"sovlint clean plan",
		"Passed",
		"sovlint plan with findings",
		"Failed",
		"- exit code: 1",
		"::error file=plan.json,title=SOV001 not-secnumcloud::aws_rds_cluster.main",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("pre-commit output lacks %q:\n%s", want, out)
		}
	}
	if clean := lineWith(string(out), "sovlint clean plan"); !strings.HasSuffix(clean, "Passed") {
		t.Errorf("the clean plan's hook did not pass: %q", clean)
	}
	if dirty := lineWith(string(out), "sovlint plan with findings"); !strings.HasSuffix(dirty, "Failed") {
		t.Errorf("the findings plan's hook did not fail: %q", dirty)
	}
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// copyWorkingTree copies the repository's files as they are on disk (git
// ls-files: tracked, and untracked but not ignored) into dir.
func copyWorkingTree(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("the source tree is not a git checkout: %v", err)
	}
	for name := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		if _, err := os.Stat(src); os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		copyFile(t, src, filepath.Join(dir, name))
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dst, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// commitAll makes dir a git repository with everything in it committed and
// returns the commit.
func commitAll(t *testing.T, env []string, dir string) string {
	t.Helper()
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "test"}, {"rev-parse", "HEAD"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
		}
		if args[0] == "rev-parse" {
			return strings.TrimSpace(string(out))
		}
	}
	return ""
}

func lineWith(out, s string) string {
	for line := range strings.SplitSeq(out, "\n") {
		if strings.Contains(line, s) {
			return strings.TrimSpace(line)
		}
	}
	return ""
}
