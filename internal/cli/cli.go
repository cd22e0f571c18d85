// Package cli is sovlint's command line: flags, configuration discovery,
// output files and the exit status. The work itself happens in engine.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	sovversion "github.com/sovlint/sovlint/internal/version"
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

// printError writes an error on one line; configuration errors (HCL
// diagnostics) get one line each: file:line:col: summary; detail.
func printError(w io.Writer, err error) {
	var diags hcl.Diagnostics
	if !errors.As(err, &diags) {
		fmt.Fprintf(w, "sovlint: %s\n", err)
		return
	}
	for _, d := range diags {
		where := ""
		if d.Subject != nil {
			where = d.Subject.Filename
			if d.Subject.Start.Line > 0 {
				where += fmt.Sprintf(":%d:%d", d.Subject.Start.Line, d.Subject.Start.Column)
			}
			where += ": "
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += "; " + strings.Join(strings.Fields(d.Detail), " ")
		}
		fmt.Fprintf(w, "sovlint: %s%s\n", where, msg)
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
	root.AddCommand(newScan(s), newExplain(s), newProviders(s), newInit(s))
	return root
}

// version is sovlint's version for --version and the reports: the
// release's (set by the release build), else the module version go install
// recorded, else "dev".
func version() string { return sovversion.String() }

func usageError(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}
