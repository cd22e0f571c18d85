package finding

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// InputError is the one error type for a problem with the user's input: a
// file, a position when one is known, and what is wrong. Messages never
// quote input values.
type InputError struct {
	// Root names the root module or plan the problem stopped (as Finding.Root
	// does), when the error is an entry of a report's error list.
	Root      string
	File      string
	Line, Col int // 0 when unknown
	Offset    int64
	Msg       string
}

func (e *InputError) Error() string {
	if e.File == "" {
		return e.Msg
	}
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	case e.Offset > 0:
		fmt.Fprintf(&b, ": byte %d", e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// LocateOffset fills in Line and Col from Offset using the file's content.
func (e *InputError) LocateOffset(content []byte) {
	if e.Line > 0 || e.Offset <= 0 {
		return
	}
	off := min(int(e.Offset), len(content))
	line, col := 1, 1
	for _, c := range content[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	e.Line, e.Col = line, col
}

// InputErrors splits an error into the one-line problems it holds: one per
// HCL diagnostic (file:line:col: summary; detail), the errors of a join
// each in turn, an InputError as it is, and anything else as a message
// without a file. Printed with Error, each is the line the command line
// shows for it.
func InputErrors(err error) []InputError {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []InputError
		for _, e := range j.Unwrap() {
			out = append(out, InputErrors(e)...)
		}
		return out
	}
	if diags, ok := errors.AsType[hcl.Diagnostics](err); ok {
		out := make([]InputError, 0, len(diags))
		for _, d := range diags {
			ie := InputError{Msg: d.Summary}
			if d.Detail != "" {
				ie.Msg += "; " + strings.Join(strings.Fields(d.Detail), " ")
			}
			if d.Subject != nil {
				ie.File = d.Subject.Filename
				if d.Subject.Start.Line > 0 {
					ie.Line, ie.Col = d.Subject.Start.Line, d.Subject.Start.Column
				}
			}
			out = append(out, ie)
		}
		return out
	}
	if ie, ok := err.(*InputError); ok { //nolint:errorlint // a wrapped one keeps its wrapper's words below
		return []InputError{*ie}
	}
	return []InputError{{Msg: err.Error()}}
}
