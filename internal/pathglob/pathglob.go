// Package pathglob matches directories against doublestar globs written
// relative to a base directory: --exclude against the directory scanned,
// .sovlint.hcl's exclude and exception roots against the file's own
// directory.
package pathglob

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Globs are doublestar patterns ("envs/prod", "examples/**", "**/test")
// relative to a base directory, slash-separated whatever the system.
type Globs struct {
	base     string // absolute
	patterns []string
}

// Compile checks the patterns and fixes their base directory.
func Compile(base string, patterns []string) (Globs, error) {
	abs, err := filepath.Abs(base)
	if err != nil {
		return Globs{}, err
	}
	g := Globs{base: abs}
	for _, p := range patterns {
		clean := strings.TrimPrefix(strings.TrimSuffix(filepath.ToSlash(p), "/"), "./")
		if clean == "" || !doublestar.ValidatePattern(clean) {
			return Globs{}, fmt.Errorf("%q is not a valid glob", p)
		}
		g.patterns = append(g.patterns, clean)
	}
	return g, nil
}

// Empty reports whether there is no pattern.
func (g Globs) Empty() bool { return len(g.patterns) == 0 }

// Match reports whether a path (relative to the working directory, or
// absolute) lies below the base and matches a pattern. The base itself is
// ".".
func (g Globs) Match(path string) bool {
	if len(g.patterns) == 0 || path == "" {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(g.base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range g.patterns {
		if doublestar.MatchUnvalidated(p, rel) {
			return true
		}
	}
	return false
}
