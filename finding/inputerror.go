package finding

import (
	"fmt"
	"strings"
)

// InputError is the one error type for a problem with the user's input: a
// file, a position when one is known, and what is wrong. Messages never
// quote input values.
type InputError struct {
	File      string
	Line, Col int // 0 when unknown
	Offset    int64
	Msg       string
}

func (e *InputError) Error() string {
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
