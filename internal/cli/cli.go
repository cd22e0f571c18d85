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
			fmt.Fprintf(s.Err, "sovlint: internal error: %v (please report it with the command you ran)\n", p)
			if s.Getenv("SOVLINT_DEBUG") != "" {
				fmt.Fprintf(s.Err, "%s", debug.Stack())
			}
			code = ExitError
		}
	}()
	root := newRoot(&s)
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
			printError(s.Err, ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(s.Err, "sovlint: %s\n", err)
	return ExitError
}

// printError writes an error on one line, or one line per problem it holds:
// configuration errors (HCL diagnostics) as file:line:col: summary; detail,
// and each root module that could not be read.
func printError(w io.Writer, err error) {
	for _, ie := range finding.InputErrors(err) {
		fmt.Fprintf(w, "sovlint: %s\n", ie.Error())
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
