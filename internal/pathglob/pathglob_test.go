package pathglob

import (
	"path/filepath"
	"testing"
)

func TestMatch(t *testing.T) {
	base := t.TempDir()
	g, err := Compile(base, []string{"examples/**", "**/test", "envs/prod", "./legacy/"})
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		".":                  false,
		"examples":           true, // ** matches no segment too
		"examples/complete":  true,
		"modules/test":       true,
		"test":               true,
		"envs/prod":          true,
		"envs/prod/eu":       false,
		"envs/production":    false,
		"envs/dev":           false,
		"legacy":             true,
		"../outside/test":    false, // not below the base
		"modules/testing/ok": false,
	} {
		if got := g.Match(filepath.Join(base, filepath.FromSlash(rel))); got != want {
			t.Errorf("Match(%s) = %v, want %v", rel, got, want)
		}
	}
	for _, bad := range []string{"[", "", "a/{b"} {
		if _, err := Compile(base, []string{bad}); err == nil {
			t.Errorf("Compile(%q) accepted an invalid glob", bad)
		}
	}
}
