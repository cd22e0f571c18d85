package integrations

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docFiles are the Markdown files users read.
func docFiles(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md", "CHANGELOG.md", "SECURITY.md"}
	err := filepath.WalkDir(filepath.Join(root, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// released are the versions CHANGELOG.md has a section for.
func released(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+[^\]]*)\]`).FindAllStringSubmatch(string(b), -1) {
		out["v"+m[1]] = true
	}
	return out
}

// TestDocsPinOnlyReleases: the docs told users to pin @v1 and rev: v1.0.0,
// which did not exist. A version the docs pin (an action ref, a hook rev,
// an image tag, a raw file URL, an install argument) must be a release in
// CHANGELOG.md, or the placeholder vX.Y.Z.
func TestDocsPinOnlyReleases(t *testing.T) {
	rel := released(t)
	pin := regexp.MustCompile(`(?:sovlint/sovlint@|rev: |sovlint/sovlint:|sovlint/sovlint/|cmd/sovlint@|install\.sh[^\n]* )(v\d[\w.-]*)`)
	files := append(docFiles(t), "action.yml", ".pre-commit-hooks.yaml", "templates/sovlint.yml", "docs/recipes/atlantis/Dockerfile",
		"docs/recipes/spacelift/config.yml", "docs/recipes/env0/env0.yml", "docs/recipes/jenkins/Jenkinsfile")
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range pin.FindAllStringSubmatch(string(b), -1) {
			if !rel[m[1]] {
				t.Errorf("%s pins %s (%q), which CHANGELOG.md does not list as released: use vX.Y.Z", name, m[1], m[0])
			}
		}
	}
}

// TestDocsLinks: every relative link in the docs names a file that exists.
func TestDocsLinks(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^)#\s]+)(?:#[^)]*)?\)`)
	for _, name := range docFiles(t) {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			if _, err := os.Stat(filepath.Join(root, filepath.Dir(name), target)); err != nil {
				t.Errorf("%s links to %s, which does not exist", name, target)
			}
		}
	}
}
