package tfconfig

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A recursive scan keeps a decoded module until the last root module that
// uses it is released, and no longer: memory must not grow with the size
// of the monorepo.
func TestLoaderReleasesModules(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, src string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("shared/main.tf", `resource "aws_s3_bucket" "b" {}`)
	write("a/main.tf", `module "s" { source = "../shared" }`)
	write("b/main.tf", "module \"s\" { source = \"../shared\" }\nmodule \"t\" { source = \"../shared\" }")
	write("c/main.tf", `resource "aws_sqs_queue" "q" {}`)
	l := NewSourceLoader([]string{"region"}, []string{"region"})
	roots, err := l.RootModules(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		slices.Sort(out)
		return out
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, base(roots)); diff != "" {
		t.Fatalf("roots (-want +got):\n%s", diff)
	}
	cached := func() []string {
		var out []string
		for k := range l.modules {
			out = append(out, k)
		}
		return base(out)
	}
	for i, want := range [][]string{{"b", "c", "shared"}, {"c"}, nil} {
		cfg, err := l.LoadConfig(roots[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cfg.Evaluate(VarOptions{}); err != nil {
			t.Fatal(err)
		}
		l.Release(cfg)
		if diff := cmp.Diff(want, cached()); diff != "" {
			t.Errorf("after releasing %s, cached modules (-want +got):\n%s", base(roots[i : i+1])[0], diff)
		}
	}
}
