package main

import (
	"go/build"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestOldGoIsTold: a Go older than 1.26 (pre-commit's `go install ./...`
// with an old system Go) compiles needs_go1.26.go, whose only content is an
// undefined name that says what is wrong; Go 1.26 leaves it out.
func TestOldGoIsTold(t *testing.T) {
	old := build.Default
	old.ReleaseTags = nil
	for _, tag := range build.Default.ReleaseTags {
		if tag == "go1.26" {
			break
		}
		old.ReleaseTags = append(old.ReleaseTags, tag)
	}
	pkg, err := old.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(pkg.GoFiles, "needs_go1.26.go") {
		t.Fatalf("Go 1.25 would not compile needs_go1.26.go: %v", pkg.GoFiles)
	}
	b, err := os.ReadFile("needs_go1.26.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "var _ = sovlint_needs_Go_1_26_or_later") {
		t.Error("needs_go1.26.go does not refer to the name that carries the message")
	}
	cur, err := build.Default.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(cur.GoFiles, "needs_go1.26.go") {
		t.Error("Go 1.26 compiles needs_go1.26.go")
	}
}
