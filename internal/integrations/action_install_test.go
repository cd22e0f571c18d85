package integrations

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// monorepo writes two root modules, each with a sensitive bucket outside
// the EU, and returns their parent directory.
func monorepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o750); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name, "main.tf"), `provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "`+name+`" {
  tags = { DataClassification = "sensitive" }
}
`)
	}
	return dir
}

// TestActionInstall runs the action's install steps as a runner would,
// against a local server laid out like GitHub's releases: the release
// binary is downloaded for a release ref or a version, and a ref that is
// not a release builds the action's checkout.
func TestActionInstall(t *testing.T) {
	var a action
	readYAML(t, "action.yml", &a)
	url, requests := fakeRelease(t)
	env := []string{"SOVLINT_RELEASES_URL=" + url}

	for _, tc := range []struct {
		name    string
		inputs  map[string]string
		ref     string
		release string // the release directory downloaded from
	}{
		{"the action's ref is a release", nil, testVersion, "/download/" + testVersion + "/"},
		{"a version pin wins over the ref", map[string]string{"version": testVersion}, "main", "/download/" + testVersion + "/"},
		{"latest", map[string]string{"version": "latest"}, "", "/latest/download/"},
	} {
		*requests = nil
		r := stepRun{inputs: tc.inputs, github: map[string]string{"action_ref": tc.ref}, env: env}
		res := r.run(t, &a, "Install sovlint")
		if res.code != 0 || !strings.Contains(res.output, "build=false\n") {
			t.Fatalf("%s: Install step exit %d, GITHUB_OUTPUT %q\n%s", tc.name, res.code, res.output, res.out)
		}
		bindir := strings.TrimSpace(res.path)
		if filepath.Dir(bindir) == "." || !strings.HasSuffix(bindir, "sovlint-bin") {
			t.Fatalf("%s: GITHUB_PATH = %q, want the directory sovlint was installed in", tc.name, res.path)
		}
		runs(t, filepath.Join(bindir, "sovlint"))
		if len(*requests) != 2 || !strings.HasPrefix((*requests)[1], tc.release) {
			t.Errorf("%s: downloaded %v, want from %s", tc.name, *requests, tc.release)
		}
	}

	// A branch (or a commit, or a local action) has no release: the next
	// steps build the checkout.
	temp := t.TempDir()
	for _, ref := range []string{"main", ""} {
		res := stepRun{github: map[string]string{"action_ref": ref}, env: env, temp: temp}.run(t, &a, "Install sovlint")
		if res.code != 0 || !strings.Contains(res.output, "build=true\n") || res.path != "" {
			t.Fatalf("ref %q: Install step exit %d, GITHUB_OUTPUT %q, GITHUB_PATH %q, want build=true and nothing on PATH\n%s", ref, res.code, res.output, res.path, res.out)
		}
	}
	if testing.Short() {
		t.Skip("builds sovlint")
	}
	res := stepRun{temp: temp}.run(t, &a, "Build sovlint")
	if res.code != 0 {
		t.Fatalf("Build step: exit %d\n%s", res.code, res.out)
	}
	bindir := strings.TrimSpace(res.path)
	if bindir != filepath.Join(temp, "sovlint-bin") {
		t.Fatalf("Build step put %q on PATH, want %s", bindir, filepath.Join(temp, "sovlint-bin"))
	}
	runs(t, filepath.Join(bindir, "sovlint"))

	// The built sovlint scans a monorepo with recursive: "true".
	mono := monorepo(t)
	res = stepRun{path: []string{bindir}, inputs: map[string]string{"path": mono, "recursive": "true"}}.run(t, &a, "Scan")
	if res.code != 0 || !strings.Contains(res.output, "exit-code=1\n") {
		t.Fatalf("Scan with recursive: exit %d, GITHUB_OUTPUT %q\n%s", res.code, res.output, res.out)
	}
	for _, want := range []string{"a: aws_s3_bucket.a", "b: aws_s3_bucket.b"} { // root: address
		if !strings.Contains(res.out, "title=SOV003 outside-eu::"+want) {
			t.Errorf("Scan with recursive: no finding on %s\n%s", want, res.out)
		}
	}
	if res = (stepRun{path: []string{bindir}, inputs: map[string]string{"path": mono}}).run(t, &a, "Scan"); !strings.Contains(res.output, "exit-code=2\n") {
		t.Errorf("Scan of a monorepo without recursive: GITHUB_OUTPUT %q, want exit-code=2 (no configuration at the top)", res.output)
	}
}

// TestActionInstallRefusesUnverified: a release whose archive does not
// match checksums.txt fails the job; it is not replaced by a build.
func TestActionInstallRefusesUnverified(t *testing.T) {
	var a action
	readYAML(t, "action.yml", &a)
	bin := filepath.Join(sovlintOnPath(t), "sovlint")
	good := archive(t, bin)
	sum := sha256.Sum256(good)
	url, _ := serve(t, releaseTree(t, map[string][]byte{
		assetName():     good[:len(good)/2],
		"checksums.txt": []byte(hex.EncodeToString(sum[:]) + "  " + assetName() + "\n"),
	}))
	for _, r := range []stepRun{
		{inputs: map[string]string{"version": testVersion}},
		{github: map[string]string{"action_ref": testVersion}},
	} {
		r.env = []string{"SOVLINT_RELEASES_URL=" + url}
		res := r.run(t, &a, "Install sovlint")
		if res.code != 1 || !strings.Contains(res.out, "::error title=sovlint::could not install sovlint "+testVersion) || strings.Contains(res.output, "build=") || res.path != "" {
			t.Errorf("tampered release: Install step exit %d, GITHUB_OUTPUT %q, GITHUB_PATH %q\n%s", res.code, res.output, res.path, res.out)
		}
	}
}
