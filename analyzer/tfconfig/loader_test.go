package tfconfig

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

// A recursive scan keeps a decoded module until the last root module that
// uses it is released, and no longer: memory must not grow with the size
// of the monorepo. Finding the roots decodes nothing: each module is
// parsed once, when the first root that uses it is loaded.
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
	if got := cached(); got != nil {
		t.Errorf("decoded before any root is loaded: %v", got)
	}
	for i, want := range [][]string{{"shared"}, nil, nil} {
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
	// Four directories listed once, four files read once and parsed once.
	if got := [3]int64{l.counts.lists.Load(), l.counts.reads.Load(), l.counts.parses.Load()}; got != [3]int64{5, 4, 4} {
		t.Errorf("listings, reads, parses = %v, want [5 4 4] (the top directory and four below)", got)
	}
}

// A --var-file is read once per scan, whatever the number of root
// modules: it may be a pipe (--var-file <(…)), which a second read finds
// empty, and the roots, evaluated in parallel, would then disagree on
// which got the values. The file is changed after the first root: the
// second still sees what the first did.
func TestVarFileReadOncePerScan(t *testing.T) {
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
	root := "variable \"region\" {\n  default = \"us-east-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  region = var.region\n}\n"
	write("a/main.tf", root)
	write("b/main.tf", root)
	write("values.tfvars", "region = \"eu-west-3\"\n")
	l := NewSourceLoader([]string{"region"}, []string{"region"})
	opts := VarOptions{Inputs: []VarInput{{File: filepath.Join(dir, "values.tfvars")}}}
	for i, name := range []string{"a", "b"} {
		cfg, err := l.LoadConfig(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		instances, err := cfg.Evaluate(opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(instances) != 1 {
			t.Fatalf("%s: %d instances, want 1", name, len(instances))
		}
		if got := instances[0].Attrs["region"].Value; !got.RawEquals(cty.StringVal("eu-west-3")) {
			t.Errorf("%s: region = %#v, want the --var-file's eu-west-3", name, got)
		}
		l.Release(cfg)
		if i == 0 {
			write("values.tfvars", "")
		}
	}
}
