// Package cli is sovlint's command line: flags, configuration discovery,
// output files and the exit status. The work itself happens in engine.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/finding"
	sovversion "github.com/sovlint/sovlint/internal/version"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
)

// Exit statuses (contract).
const (
	ExitClean    = 0 // no finding at or above the fail threshold
	ExitFindings = 1 // findings
	ExitError    = 2 // usage or input error
)

// Streams are the process's standard streams, injected for tests.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// IsTerminal reports whether Out is a terminal, for color.
	IsTerminal bool
	// Getenv reads the environment (NO_COLOR, TF_VAR_*).
	Getenv func(string) string
}

// exitError carries an exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// Main runs sovlint with args (without the program name) and returns the
// exit status.
func Main(args []string, s Streams) (code int) {
	if s.Getenv == nil {
		s.Getenv = func(string) string { return "" }
	}
	// A bug must not reach users as a stack trace: it is an error like any
	// other (SOVLINT_DEBUG=1 prints the stack for a report).
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.Err, "sovlint: internal error: %s (please report it with the command you ran)\n", report.Excerpt(fmt.Sprint(p), 200))
			if s.Getenv("SOVLINT_DEBUG") != "" {
				fmt.Fprintf(s.Err, "%s", debug.Stack())
			}
			code = ExitError
		}
	}()
	var verbose bool
	root := newRoot(&s)
	root.PersistentFlags().BoolVar(&verbose, "verbose", false, "print every error of an input, not the first one and how many more")
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	err := root.Execute()
	if err == nil {
		return ExitClean
	}
	if ee, ok := errors.AsType[*exitError](err); ok {
		if ee.err != nil {
			printError(s.Err, ee.err, verbose)
		}
		return ee.code
	}
	printError(s.Err, err, verbose)
	return ExitError
}

// maxErrorRunes bounds an error line: messages quote input (a file name, a
// module source, an identifier) and must not carry a whole file with them.
const maxErrorRunes = 500

// printError writes an error on one line per input that could not be read
// (each root module of a monorepo), escaped and bounded. An input with
// many errors (a file that is not HCL at all gives hundreds) gets its
// first and their count; verbose prints each on its own line:
// file:line:col: summary; detail.
func printError(w io.Writer, err error, verbose bool) {
	inputs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok { // the roots of a joined error, each on its line
		inputs = j.Unwrap()
	}
	for _, in := range inputs {
		errs := finding.InputErrors(in)
		if !verbose && len(errs) > 1 {
			fmt.Fprintf(w, "sovlint: %s (and %d more; --verbose for all)\n", report.Excerpt(errs[0].Error(), maxErrorRunes), len(errs)-1)
			continue
		}
		for _, ie := range errs {
			fmt.Fprintf(w, "sovlint: %s\n", report.Excerpt(ie.Error(), maxErrorRunes))
		}
	}
}

func newRoot(s *Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "sovlint",
		Short: "Check that sensitive Terraform/OpenTofu resources land on sovereign infrastructure",
		Long: `sovlint reads Terraform/OpenTofu plans (terraform show -json) and sources,
works out which provider and region every resource lands on, and flags
sensitive resources on infrastructure that is not SecNumCloud-qualified,
not under EU legal control, or outside the EU.

Exit status: 0 no findings, 1 findings, 2 usage or input error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: ExitError, err: err}
	})
	root.SetVersionTemplate(versionText())
	root.AddCommand(newScan(s), newExplain(s), newProviders(s), newInit(s), newCatalog(s), newServe(s))
	return root
}

// versionText is what --version prints: sovlint's version and the
// embedded catalog's, with the date its data is current at.
func versionText() string {
	cat := providers.Default()
	return fmt.Sprintf("sovlint %s\ncatalog %s (facts as of %s)\n", version(), cat.Version, cat.AsOf)
}

// version is sovlint's version for --version and the reports: the
// release's (set by the release build), else the module version go install
// recorded, else "dev".
func version() string { return sovversion.String() }

func usageError(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}
