// Command sovlint checks that sensitive Terraform/OpenTofu resources land on
// sovereign infrastructure. See `sovlint --help`.
package main

import (
	"os"

	"golang.org/x/term"

	"github.com/sovlint/sovlint/internal/cli"
)

func main() {
	// The GC tuning is for one scan that exits; the run task server is a
	// long-lived process whose memory is paced by Go's default, or by
	// GOMEMLIMIT from its container's limit.
	if len(os.Args) < 2 || os.Args[1] != "serve" {
		tuneGC(os.Getenv)
	}
	os.Exit(cli.Main(os.Args[1:], cli.Streams{
		In:         os.Stdin,
		Out:        os.Stdout,
		Err:        os.Stderr,
		IsTerminal: isTerminal(os.Stdout),
		Getenv:     os.Getenv,
	}))
}

// isTerminal asks the terminal driver, as a character-device test would
// also say yes for /dev/null.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}
