package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape makes text that comes from the input (a region, a tag value, a
// for_each key in an address, a file name) safe to show a person: what a
// terminal or a CI log would interpret rather than print — C0 and C1
// control characters (ESC starts terminal commands, BEL rings, NUL cuts
// logs, CR rewrites the line), DEL, bidirectional formatting characters
// (which reorder what is displayed), line and paragraph separators and
// the byte order mark — and invalid UTF-8 are written as Go escapes: \x1b,
// \u202e, \xff. Line feeds and tabs stay: a message may have several
// lines, which each format writes its own way (GitHub's %0A, Markdown's
// <br>). Clean text is returned as it is, so outputs without such
// characters are unchanged byte for byte.
//
// Every human-facing printer (text, github, markdown, gitlab descriptions,
// junit messages) passes input text through Escape; the JSON printers
// leave it to JSON's own escaping.
func Escape(s string) string {
	i := firstEscape(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !needsEscape(r, size):
			b.WriteString(s[i : i+size])
		case r == utf8.RuneError:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// firstEscape returns the index of the first character Escape rewrites, or
// -1.
func firstEscape(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r, size) {
			return i
		}
		i += size
	}
	return -1
}

// needsEscape reports whether a rune (of size bytes in the input) is one
// Escape rewrites.
func needsEscape(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return true
	case r == '\n', r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional formatting
	case r == 0x2028, r == 0x2029, r == 0xfeff:
		return true
	}
	return false
}

// excerptBreaks are the line breaks and tabs an excerpt writes as escapes.
var excerptBreaks = strings.NewReplacer("\n", `\n`, "\t", `\t`)

// Excerpt is Escape for one line (line feeds and tabs escaped too), cut to
// at most n runes (an ellipsis marks the cut): what an error may quote of
// an input value, and what an error line may be.
func Excerpt(s string, n int) string {
	s = excerptBreaks.Replace(Escape(s))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	return s[:cut] + "…"
}
