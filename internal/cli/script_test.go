package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes the test binary the sovlint command for the scripts. The
// exit status is echoed on stderr so that scripts can check it exactly
// (testscript itself only tells zero from non-zero).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sovlint": func() {
			code := Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv})
			fmt.Fprintf(os.Stderr, "[exit %d]\n", code)
			os.Exit(code)
		},
		// sovlint-bare is sovlint as users run it: the hostile-input suite
		// checks its stderr byte for byte.
		"sovlint-bare": func() {
			os.Exit(Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv}))
		},
	})
}

// TestScripts runs the command-line scenarios of testdata/script: each
// archive holds the commands, their inputs and what they must print. The
// corpus cases of testdata/plans are copied beside each script's files
// (under plans/), unless the archive brings its own version of a file.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			return copyMissing("../../testdata/plans", filepath.Join(env.WorkDir, "plans"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"dropconfig": dropConfig,
		},
	})
}

// dropConfig removes the "config" member from a JSON report: scripts that
// compare a scan with a configuration to one without compare what the
// configuration changed, not that it is named (every report names it).
func dropConfig(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: dropconfig FILE")
	}
	var kept []string
	for line := range strings.SplitSeq(ts.ReadFile(args[0]), "\n") {
		if !strings.HasPrefix(line, `  "config": `) {
			kept = append(kept, line)
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Join(kept, "\n")), 0o600))
}

// copyMissing copies a tree, keeping the files already at the destination.
func copyMissing(from, to string) error {
	src := os.DirFS(from)
	if err := os.MkdirAll(to, 0o750); err != nil {
		return err
	}
	dst, err := os.OpenRoot(to)
	if err != nil {
		return err
	}
	defer dst.Close()
	return fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return dst.MkdirAll(p, 0o750)
		}
		if _, err := dst.Stat(p); err == nil {
			return nil
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return dst.WriteFile(p, b, 0o600)
	})
}
