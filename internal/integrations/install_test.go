package integrations

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// testVersion is the release the fake release server has.
const testVersion = "v9.9.9"

// assetName is the release archive scripts/install.sh downloads for this
// machine, named as .goreleaser.yaml names it.
func assetName() string {
	if runtime.GOOS == "windows" {
		return "sovlint_windows_" + runtime.GOARCH + ".zip"
	}
	return "sovlint_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
}

// releaseTree lays out release testVersion as GitHub serves it: its
// assets under download/TAG/, and under latest/download/ as the latest
// release. assets maps a file name to its content; checksums.txt is made
// from them unless assets has one.
func releaseTree(t *testing.T, assets map[string][]byte) string {
	t.Helper()
	tag := testVersion
	dir := t.TempDir()
	if _, ok := assets["checksums.txt"]; !ok {
		var sums strings.Builder
		for name, b := range assets {
			sum := sha256.Sum256(b)
			fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
		}
		assets["checksums.txt"] = []byte(sums.String())
	}
	for _, sub := range []string{filepath.Join("download", tag), filepath.Join("latest", "download")} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o750); err != nil {
			t.Fatal(err)
		}
		for name, b := range assets {
			if err := os.WriteFile(filepath.Join(dir, sub, name), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// archive packs the sovlint binary at bin as the release archives do:
// sovlint (sovlint.exe) with LICENSE and README.md beside it.
func archive(t *testing.T, bin string) []byte {
	t.Helper()
	exe, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	files := []struct {
		name string
		mode int64
		body []byte
	}{{"LICENSE", 0o644, []byte("Apache License\n")}, {"README.md", 0o644, []byte("# sovlint\n")}, {"sovlint", 0o755, exe}}
	var buf bytes.Buffer
	if runtime.GOOS == "windows" {
		zw := zip.NewWriter(&buf)
		for _, f := range files {
			name := f.name
			if name == "sovlint" {
				name = "sovlint.exe"
			}
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(f.body); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(f.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// serve serves dir on a loopback port for the test's duration and returns
// its URL; requests lists the paths asked for.
func serve(t *testing.T, dir string) (url string, requests *[]string) {
	t.Helper()
	var asked []string
	fs := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.URL.Path)
		fs.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &asked
}

// installScript runs scripts/install.sh with args and returns its exit
// status, stdout and stderr.
func installScript(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("sh is not installed")
	}
	script, err := filepath.Abs(filepath.Join(root, "scripts", "install.sh"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, append([]string{script}, args...)...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := exitCode(cmd.Run())
	if code < 0 {
		t.Fatalf("install.sh did not run: %v", cmd.Err)
	}
	return code, stdout.String(), stderr.String()
}

// fakeRelease serves a release testVersion holding this checkout's sovlint.
func fakeRelease(t *testing.T) (url string, requests *[]string) {
	t.Helper()
	bin := filepath.Join(sovlintOnPath(t), "sovlint")
	return serve(t, releaseTree(t, map[string][]byte{assetName(): archive(t, bin)}))
}

// runs checks that the binary at path is a working sovlint.
func runs(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command(path, "explain", "SOV001").CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("SOV001")) {
		t.Errorf("installed %s does not run: %v\n%s", path, err, out)
	}
}

// TestInstallScript runs scripts/install.sh (what the Action, the
// sovlint-release hook and users run) against a local server laid out like
// GitHub's releases: the archive for this machine and checksums.txt.
func TestInstallScript(t *testing.T) {
	url, requests := fakeRelease(t)
	env := []string{"SOVLINT_RELEASES_URL=" + url}

	for _, version := range []string{testVersion, "latest"} {
		bindir := t.TempDir()
		*requests = nil
		code, stdout, stderr := installScript(t, env, "-b", bindir, version)
		if code != 0 {
			t.Fatalf("install.sh %s: exit %d\n%s", version, code, stderr)
		}
		want := filepath.Join(bindir, "sovlint")
		if strings.TrimSpace(stdout) != want {
			t.Errorf("install.sh %s printed %q, want the binary's path %q", version, stdout, want)
		}
		runs(t, want)
		dir := "/download/" + version + "/"
		if version == "latest" {
			dir = "/latest/download/"
		}
		if got := strings.Join(*requests, " "); got != dir+"checksums.txt "+dir+assetName() {
			t.Errorf("install.sh %s asked for %s", version, got)
		}
	}

	// A release tag given as the action's ref is that release.
	bindir := t.TempDir()
	if code, _, stderr := installScript(t, env, "-b", bindir, "-r", testVersion); code != 0 {
		t.Fatalf("install.sh -r %s: exit %d\n%s", testVersion, code, stderr)
	}
	runs(t, filepath.Join(bindir, "sovlint"))

	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"a branch has no release", []string{"-r", "main"}, 3, "main is not a release tag"},
		{"a major tag has no release of its own", []string{"-r", "v1"}, 3, "v1 is not a release tag"},
		{"a local action has no ref", []string{"-r", ""}, 3, "a local checkout is not a release tag"},
		{"a missing release named by the ref: build the same code", []string{"-r", "v9.9.8"}, 3, "could not download"},
		{"a missing release asked for by version: error", []string{"v9.9.8"}, 1, "could not download"},
		{"a version that is not a release tag", []string{"v1"}, 1, "v1 is not a release tag"},
	} {
		bindir := t.TempDir()
		code, _, stderr := installScript(t, env, append([]string{"-b", bindir}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%s: install.sh %v: exit %d, want %d with %q\n%s", tc.name, tc.args, code, tc.code, tc.msg, stderr)
		}
		if entries, _ := os.ReadDir(bindir); len(entries) != 0 {
			t.Errorf("%s: install.sh left %d files in the bin directory", tc.name, len(entries))
		}
	}
}

// TestInstallScriptRefusesUnverified: a download that does not match
// checksums.txt, or that checksums.txt does not list, is never installed,
// and never skipped for a build (exit 1, not 3), whether the
// version was asked for or came from the ref.
func TestInstallScriptRefusesUnverified(t *testing.T) {
	bin := filepath.Join(sovlintOnPath(t), "sovlint")
	good := archive(t, bin)
	sum := sha256.Sum256(good)
	tampered := append(bytes.Clone(good[:len(good)-1]), good[len(good)-1]^1)
	for _, tc := range []struct {
		name      string
		checksums string
		asset     []byte
		msg       string
	}{
		{"tampered archive", hex.EncodeToString(sum[:]) + "  " + assetName() + "\n", tampered, "SHA-256 of " + assetName()},
		{"archive not listed", hex.EncodeToString(sum[:]) + "  sovlint_other.tar.gz\n", good, "does not list " + assetName()},
		{"archive listed twice", strings.Repeat(hex.EncodeToString(sum[:])+"  "+assetName()+"\n", 2), good, "more than once"},
		{"empty checksums", "", good, "does not list"},
	} {
		url, _ := serve(t, releaseTree(t, map[string][]byte{
			assetName():     tc.asset,
			"checksums.txt": []byte(tc.checksums),
		}))
		for _, args := range [][]string{{testVersion}, {"-r", testVersion}} {
			bindir := t.TempDir()
			code, _, stderr := installScript(t, []string{"SOVLINT_RELEASES_URL=" + url}, append([]string{"-b", bindir}, args...)...)
			if code != 1 || !strings.Contains(stderr, tc.msg) {
				t.Errorf("%s: install.sh %v: exit %d, want 1 with %q\n%s", tc.name, args, code, tc.msg, stderr)
			}
			if entries, _ := os.ReadDir(bindir); len(entries) != 0 {
				t.Errorf("%s: an unverified binary was installed", tc.name)
			}
		}
	}
}

// fakeGo puts a `go` on PATH that reports version v, to check what an old
// Go gets.
func fakeGo(t *testing.T, v string) string {
	t.Helper()
	dir := t.TempDir()
	script := "#!/bin/sh\nif [ \"$1 $2\" = \"env GOVERSION\" ]; then echo " + v + "; exit 0; fi\necho \"fake go: $*\" >&2\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestInstallScriptBuild builds the checkout (what the Action does for a
// ref that is not a release), and checks that an old Go is told what it
// needs instead of trying.
func TestInstallScriptBuild(t *testing.T) {
	src, err := filepath.Abs(root)
	if err != nil {
		t.Fatal(err)
	}
	oldGo := []string{"PATH=" + fakeGo(t, "go1.22.5") + string(os.PathListSeparator) + os.Getenv("PATH")}
	code, _, stderr := installScript(t, oldGo, "-b", t.TempDir(), "-s", src)
	if code != 1 || !strings.Contains(stderr, "sovlint needs Go ≥ 1.26") || !strings.Contains(stderr, "go1.22.5") {
		t.Errorf("build with Go 1.22: exit %d, want 1 saying sovlint needs Go ≥ 1.26\n%s", code, stderr)
	}
	if testing.Short() {
		t.Skip("builds sovlint")
	}
	bindir := t.TempDir()
	code, stdout, stderr := installScript(t, nil, "-b", bindir, "-s", src)
	if code != 0 {
		t.Fatalf("install.sh -s: exit %d\n%s", code, stderr)
	}
	runs(t, strings.TrimSpace(stdout))
}
