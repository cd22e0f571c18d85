package tfconfig

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/sovlint/sovlint/internal/synth"
)

// Module calls come from tokens only where the tokens say exactly what a
// decode would: anything else is left to the decode (ok false).
func TestModuleCalls(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []tokenCall
		ok        bool
	}{
		{"none", `resource "aws_s3_bucket" "b" {}`, nil, true},
		{"one", "module \"a\" {\n  source = \"./a\"\n}\n", []tokenCall{{"a", "./a"}}, true},
		{"one line", `module "a" { source = "../a" }`, []tokenCall{{"a", "../a"}}, true},
		{"ident label", "module a {\n  source = \"./a\"\n}", []tokenCall{{"a", "./a"}}, true},
		{"registry", "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n}", []tokenCall{{"vpc", "terraform-aws-modules/vpc/aws"}}, true},
		{"inputs after", "module \"a\" {\n  source = \"./a\" # here\n  x = { source = \"./not\" }\n  y = \"${var.z}\"\n}", []tokenCall{{"a", "./a"}}, true},
		{"block comment before", "/* first */ module \"a\" {\n  source = \"./a\"\n}", []tokenCall{{"a", "./a"}}, true},
		{"in a comment", "# module \"a\" {\n// module \"b\" { source = \"./b\" }\n/* module \"c\" {\n source = \"./c\"\n} */\n", nil, true},
		{"in a heredoc", "locals {\n  doc = <<EOT\nmodule \"a\" {\n  source = \"./a\"\n}\nEOT\n}\n", nil, true},
		{"in a string", "locals {\n  doc = \"module \\\"a\\\" { source = \\\"./a\\\" }\"\n}\n", nil, true},
		{"nested block", "resource \"x\" \"y\" {\n  module \"a\" {\n    source = \"./a\"\n  }\n}\n", nil, true},
		{"after a template", "locals {\n  a = \"${ {b = 1} }\"\n}\nmodule \"a\" {\n  source = \"./a\"\n}\n", []tokenCall{{"a", "./a"}}, true},
		{"escape", `module "a" { source = "./a\\b" }`, nil, false},
		{"template", `module "a" { source = "./${var.a}" }`, nil, false},
		{"variable", `module "a" { source = var.a }`, nil, false},
		{"no source", `module "a" {}`, nil, false},
		{"two sources", "module \"a\" {\n  source = \"./a\"\n  source = \"./b\"\n}", nil, false},
		{"two labels", `module "a" "b" { source = "./a" }`, nil, false},
		{"more on the line", `module "a" { source = "./a" version = "1" }`, nil, false},
		{"concatenation", "module \"a\" {\n  source = \"./a\" + \"b\"\n}", nil, false},
		{"source block", "module \"a\" {\n  source {\n  }\n}", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := moduleCalls([]byte(tc.src), "main.tf")
			if ok != tc.ok || !cmp.Equal(got, tc.want, cmp.AllowUnexported(tokenCall{})) {
				t.Errorf("moduleCalls = %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
			checkQuickCalls(t, []byte(tc.src))
		})
	}
}

// Wherever tokens settle a directory's module calls, they are the calls a
// decode finds, on every configuration the tests have: the repository's
// testdata and the engine's and command line's archives.
func TestTokenCallsMatchDecoding(t *testing.T) {
	dirs := testConfigDirs(t)
	settled, calls := 0, 0
	for _, d := range dirs {
		l := NewSourceLoader(nil, nil)
		sources, ok := l.tokenCalls(d)
		if !ok {
			continue
		}
		mod, _ := l.readModule(d)
		if mod == nil {
			continue // does not parse: CheckRoots' business
		}
		settled++
		calls += len(sources)
		if diff := cmp.Diff(mod.callSources(), sources, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: module sources from tokens (-decoded +tokens):\n%s", d, diff)
		}
	}
	if settled < 100 || calls < 30 {
		t.Errorf("only %d directories and %d calls settled by tokens: the test checks little", settled, calls)
	}
}

// testConfigDirs are the directories with configuration files of the
// repository's testdata and of the engine's and command line's archives.
func testConfigDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	add := func(top string) {
		_ = filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && HasConfigFiles(p) {
				dirs = append(dirs, p)
			}
			return nil
		})
	}
	add("../../testdata")
	for _, glob := range []string{"../../internal/engine/testdata/sources/*.txtar", "../../internal/cli/testdata/script/*.txtar"} {
		archives, _ := filepath.Glob(glob)
		for _, a := range archives {
			ar, err := txtar.ParseFile(a)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(a), ".txtar"))
			for _, f := range ar.Files {
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			add(dir)
		}
	}
	return dirs
}

// A directory that does not parse calls nothing: what its tokens seemed
// to call is a root after all, found once the roots are loaded, and what
// that one calls is not. A tree that parses is settled at once, decoding
// nothing twice.
func TestCheckRoots(t *testing.T) {
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
	write("live/broken/main.tf", "resource \"a\" \"b\" {\n  x = \n}\nmodule \"app\" {\n  source = \"../../modules/app\"\n}\n")
	write("live/ok/main.tf", "module \"q\" {\n  source = \"../../modules/queue\"\n}\n")
	write("modules/app/main.tf", "module \"q\" {\n  source = \"../queue\"\n}\n")
	write("modules/queue/main.tf", `resource "aws_sqs_queue" "q" {}`)
	rel := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	l := NewSourceLoader(nil, nil)
	roots, err := l.RootModules(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"live/broken", "live/ok"}, rel(roots)); diff != "" {
		t.Fatalf("roots (-want +got):\n%s", diff)
	}
	load := func(roots []string) {
		for _, r := range roots {
			if cfg, err := l.LoadConfig(r); err == nil {
				l.Release(cfg)
			}
		}
	}
	load(roots)
	more := l.CheckRoots()
	if diff := cmp.Diff([]string{"modules/app"}, rel(more)); diff != "" {
		t.Fatalf("roots found after loading (-want +got):\n%s", diff)
	}
	load(more)
	if more := l.CheckRoots(); more != nil {
		t.Errorf("still more roots: %v", rel(more))
	}
	// modules/queue again, for the root found late: its first user was
	// released before.
	if n := l.counts.parses.Load(); n != 5 {
		t.Errorf("%d files parsed, want 5: each of the 4 once, and modules/queue again", n)
	}

	write("live/broken/main.tf", "module \"app\" {\n  source = \"../../modules/app\"\n}\n")
	l = NewSourceLoader(nil, nil)
	if roots, err = l.RootModules(dir); err != nil {
		t.Fatal(err)
	}
	load(roots)
	if more := l.CheckRoots(); more != nil || !slices.Equal(rel(roots), []string{"live/broken", "live/ok"}) {
		t.Errorf("roots %v, then %v; want live/broken and live/ok, then none", rel(roots), rel(more))
	}
	if n := l.counts.parses.Load(); n != 4 {
		t.Errorf("%d files parsed, want each of the 4 once", n)
	}
}

// The byte scanner answers as the lexer does whenever it answers.
func checkQuickCalls(t *testing.T, src []byte) {
	t.Helper()
	quick, ok := quickModuleCalls(src)
	if !ok {
		return
	}
	lexed, lok := lexModuleCalls(src, "main.tf")
	if !lok || !cmp.Equal(quick, lexed, cmp.AllowUnexported(tokenCall{}), cmpopts.EquateEmpty()) {
		t.Errorf("%q: quick scan %v, lexer %v (ok %v)", src, quick, lexed, lok)
	}
}

// On every configuration the tests have, the byte scanner settles most
// files, and agrees with the lexer on each.
func TestQuickModuleCalls(t *testing.T) {
	files, settled := 0, 0
	for _, d := range testConfigDirs(t) {
		p, o, _ := configFiles(d)
		for _, f := range append(p, o...) {
			src, err := os.ReadFile(f)
			if err != nil || strings.HasSuffix(f, ".json") {
				continue
			}
			files++
			if _, ok := quickModuleCalls(src); ok {
				settled++
			}
			checkQuickCalls(t, src)
		}
	}
	if files < 200 || settled*10 < files*8 {
		t.Errorf("the quick scan settled %d of %d files", settled, files)
	}
}

func FuzzQuickModuleCalls(f *testing.F) {
	for _, s := range []string{
		"module \"a\" {\n  source = \"./a\"\n}\n",
		"module a { source = \"../b\" }",
		"locals {\n  x = \"${var.a}-${ {b = \"}\"} }\"\n}\n# module \"c\" { source = \"./c\" }\nmodule \"d\" {\n  /* x */ source = \"./d\" // y\n}",
		"resource \"a\" \"b\" {\n  x = <<EOT\nmodule \"a\" {\nEOT\n}\nmodule \"e\" {\r\n source=\"./e\"\r\n}",
		"module \"f\" {\n  source = \"./f\"\n  x = [for k, v in var.m : \"%{if v}${k}%{endif}\"]\n}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkQuickCalls(t, []byte(src))
	})
}

// A monorepo of thousands of root modules, scanned as sovlint scan
// --recursive does: each directory is listed once, and each file read and
// parsed once, however many there are (the bounds on what FindRoots keeps
// are far above such a tree's sources: 8 MB for the benchmark's 10,000
// files, 4,000 roots, which pass too but take seconds). 1,000 roots make
// 2,500 files; -short takes 400.
func TestMonorepoReadsEachFileOnce(t *testing.T) {
	roots := 1000
	if testing.Short() {
		roots = 400
	}
	dir := t.TempDir()
	files, err := synth.Tree(dir, filepath.Join("..", ".."), roots)
	if err != nil {
		t.Fatal(err)
	}
	dirs := 0
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs++
		}
		return err
	})
	l := NewSourceLoader([]string{"region"}, []string{"region"})
	found, err := l.RootModules(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != roots {
		t.Fatalf("%d roots found, want %d", len(found), roots)
	}
	for _, r := range found {
		cfg, err := l.LoadConfig(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cfg.Evaluate(VarOptions{}); err != nil {
			t.Fatal(err)
		}
		l.Release(cfg)
	}
	if more := l.CheckRoots(); more != nil {
		t.Errorf("roots found after loading: %v", more)
	}
	got := [3]int64{l.counts.lists.Load(), l.counts.reads.Load(), l.counts.parses.Load()}
	if want := [3]int64{int64(dirs), int64(files), int64(files)}; got != want {
		t.Errorf("listings, reads, parses = %v, want %v (%d directories, %d files)", got, want, dirs, files)
	}
}
