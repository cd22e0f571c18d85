package integrations

import (
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
//   - the hook repository is tagged testVersion and pinned by that tag, as
//     users pin a release; the sovlint-release hook downloads that release
//     from a local server laid out like GitHub's releases
//     (SOVLINT_RELEASES_URL) into a cache of the test's (XDG_CACHE_HOME);
//   - a scratch "user" repository has a .tf file, two plans, a monorepo of
//     two root modules, and a .pre-commit-config.yaml using the hooks on a
//     clean plan (passes), a plan with findings and the monorepo (fail with
//     them): `args: [infra/]` names a path and keeps the --recursive that
//     the hook's entry holds.
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
	releases, requests := fakeRelease(t)
	tmp := t.TempDir()
	env := append(os.Environ(),
		"GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local", "GOMODCACHE="+modCache,
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"SOVLINT_RELEASES_URL="+releases, "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=sovlint test", "GIT_AUTHOR_EMAIL=test@example.invalid",
		"GIT_COMMITTER_NAME=sovlint test", "GIT_COMMITTER_EMAIL=test@example.invalid",
	)

	hookRepo := filepath.Join(tmp, "sovlint")
	copyWorkingTree(t, hookRepo)
	commitAll(t, env, hookRepo)
	git(t, env, hookRepo, "tag", testVersion)

	work := filepath.Join(tmp, "work")
	if err := os.MkdirAll(work, 0o750); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(root, findingsPlan), filepath.Join(work, "plan.json"))
	copyFile(t, filepath.Join(root, cleanPlan), filepath.Join(work, "clean.json"))
	writeFile(t, filepath.Join(work, "main.tf"), "resource \"aws_s3_bucket\" \"b\" {}\n")
	copyTree(t, monorepo(t), filepath.Join(work, "infra"))
	writeFile(t, filepath.Join(work, ".pre-commit-config.yaml"), `repos:
  - repo: `+hookRepo+`
    rev: `+testVersion+`
    hooks:
      - id: sovlint
        name: sovlint clean plan
        args: [--plan, clean.json]
      - id: sovlint
        name: sovlint plan with findings
        args: [--format, github, plan.json]
      - id: sovlint
        name: sovlint monorepo
        args: [--format, github, infra/]
      - id: sovlint-release
        name: release binary clean plan
        args: [--plan, clean.json]
      - id: sovlint-release
        name: release binary monorepo
        args: [--format, github, infra/]
`)
	commitAll(t, env, work)

	cmd := exec.Command(preCommit, "run", "--all-files", "--color", "never")
	cmd.Dir = work
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if exitCode(err) != 1 {
		t.Fatalf("pre-commit run: %v, want exit status 1 (hooks fail)\n%s", err, out)
	}
	t.Logf("pre-commit run --all-files:\n%s", out)
	for _, tc := range []struct {
		hook, status string
		want         []string
	}{
		{"sovlint clean plan", "Passed", nil},
		{"sovlint plan with findings", "Failed", []string{"- exit code: 1", "::error file=plan.json,title=SOV001 not-secnumcloud::aws_rds_cluster.main"}},
		{"sovlint monorepo", "Failed", []string{"- exit code: 1", "file=infra/a/main.tf,line=5,title=SOV003 outside-eu::a: aws_s3_bucket.a", "file=infra/b/main.tf,line=5,title=SOV003 outside-eu::b: aws_s3_bucket.b"}},
		{"release binary clean plan", "Passed", nil},
		{"release binary monorepo", "Failed", []string{"- exit code: 1", "file=infra/a/main.tf,line=5,title=SOV003 outside-eu::a: aws_s3_bucket.a", "file=infra/b/main.tf,line=5,title=SOV003 outside-eu::b: aws_s3_bucket.b"}},
	} {
		if line := lineWith(string(out), tc.hook); !strings.HasSuffix(line, tc.status) {
			t.Errorf("hook %q: %q, want %s", tc.hook, line, tc.status)
		}
		section := hookSection(string(out), tc.hook)
		for _, want := range tc.want {
			if !strings.Contains(section, want) {
				t.Errorf("hook %q's output lacks %q:\n%s", tc.hook, want, section)
			}
		}
	}
	// The release was downloaded once, for both sovlint-release hooks.
	if got := strings.Join(*requests, " "); got != "/download/"+testVersion+"/checksums.txt /download/"+testVersion+"/"+assetName() {
		t.Errorf("sovlint-release downloaded %s, want the pinned release once", got)
	}
}

// hookSection is pre-commit's output for one hook: from its status line to
// the next one.
func hookSection(out, hook string) string {
	_, rest, ok := strings.Cut(out, hook)
	if !ok {
		return ""
	}
	var b strings.Builder
	for i, line := range strings.Split(rest, "\n") {
		if i > 0 && strings.Contains(line, "....") {
			break
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func git(t *testing.T, env []string, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		copyFile(t, path, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
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

// copyFile copies src to dst, keeping its executable bits (the hooks run
// scripts).
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600|info.Mode().Perm()&0o100); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// commitAll makes dir a git repository with everything in it committed.
func commitAll(t *testing.T, env []string, dir string) {
	t.Helper()
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "test"}} {
		git(t, env, dir, args...)
	}
}

func lineWith(out, s string) string {
	for line := range strings.SplitSeq(out, "\n") {
		if strings.Contains(line, s) {
			return strings.TrimSpace(line)
		}
	}
	return ""
}
