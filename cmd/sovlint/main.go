// Command sovlint checks that sensitive Terraform/OpenTofu resources land on
// sovereign infrastructure. See `sovlint --help`.
package main

import (
	"os"

	"golang.org/x/term"

	"github.com/sovlint/sovlint/internal/cli"
)

func main() {
	tuneGC(os.Getenv)
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
	return term.IsTerminal(int(f.Fd())) //nolint:gosec // file descriptors fit an int
}
