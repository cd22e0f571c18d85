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

// printError writes an error on one line, escaped and bounded. An input
// with many errors (a file that is not HCL at all gives hundreds) gets its
// first and their count; verbose prints each on its own line:
// file:line:col: summary; detail.
func printError(w io.Writer, err error, verbose bool) {
	var diags hcl.Diagnostics
	if !errors.As(err, &diags) {
		fmt.Fprintf(w, "sovlint: %s\n", report.Excerpt(err.Error(), maxErrorRunes))
		return
	}
	diags = errorDiags(diags)
	if !verbose && len(diags) > 1 {
		fmt.Fprintf(w, "sovlint: %s (and %d more; --verbose for all)\n", report.Excerpt(diagLine(diags[0]), maxErrorRunes), len(diags)-1)
		return
	}
	for _, d := range diags {
		fmt.Fprintf(w, "sovlint: %s\n", report.Excerpt(diagLine(d), maxErrorRunes))
	}
}

// errorDiags keeps the errors of diags (all of them if none is one).
func errorDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return diags
	}
	return out
}

// diagLine is one diagnostic as file:line:col: summary; detail.
func diagLine(d *hcl.Diagnostic) string {
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
	return where + msg
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

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func usageError(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}
