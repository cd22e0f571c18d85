package report

import (
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// htmlOut appends HTML to a buffer it flushes as it fills: a 30,000
// resource report is megabytes, written by hand rather than by
// html/template, whose reflection would cost more than the JSON printer.
// Every piece of text that comes from the scan goes through text or attr,
// which escape it.
type htmlOut struct {
	w   io.Writer
	b   []byte
	err error
}

// raw appends markup the printer wrote itself.
func (o *htmlOut) raw(s string) {
	o.b = append(o.b, s...)
	if len(o.b) >= 64<<10 {
		o.flushSome()
	}
}

// text appends escaped text, good in an element and in a quoted attribute.
func (o *htmlOut) text(s string) { o.b = appendHTMLEscaped(o.b, s) }

// address appends a Terraform address, escaped, with a line-break
// opportunity after each dot: a long address then wraps between its parts
// rather than mid-name.
func (o *htmlOut) address(s string) {
	if len(s) <= 32 {
		o.text(s)
		return
	}
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			o.text(s)
			return
		}
		o.text(s[:i+1])
		o.b = append(o.b, "<wbr>"...)
		s = s[i+1:]
	}
}

func (o *htmlOut) int(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

// count appends a number with thousands separators: 30,000.
func (o *htmlOut) count(n int) { o.b = appendThousands(o.b, n) }

func (o *htmlOut) flushSome() {
	if o.err != nil || o.w == nil {
		return
	}
	if _, err := o.w.Write(o.b); err != nil {
		o.err = err
	}
	o.b = o.b[:0]
}

func (o *htmlOut) flush() error {
	o.flushSome()
	return o.err
}

// appendHTMLEscaped escapes &, <, >, " and ' (so the result is safe in an
// element and in either kind of quoted attribute), replaces invalid UTF-8
// with U+FFFD and control characters but tab and newline with a space: the
// page must stay valid HTML whatever a resource address holds.
func appendHTMLEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if htmlPlain[c] {
			i++
			continue
		}
		var rep string
		size := 1
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"':
			rep = "&#34;"
		case c == '\'':
			rep = "&#39;"
		case c == '\t' || c == '\n':
			i++
			continue
		case c < 0x80: // other C0 controls and DEL
			rep = " "
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			switch {
			case r == utf8.RuneError && n == 1:
				rep = "\uFFFD"
			case r >= 0x80 && r < 0xa0: // C1 controls: not allowed in HTML text
				rep = " "
			default:
				i += n
				continue
			}
		}
		b = append(b, s[start:i]...)
		b = append(b, rep...)
		i += size
		start = i
	}
	return append(b, s[start:]...)
}

// htmlPlain marks the bytes appendHTMLEscaped copies as they are.
var htmlPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	for _, c := range "&<>\"'" {
		t[c] = false
	}
	return t
}()

func appendThousands(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	s := strconv.Itoa(n)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return b
}

// safeURL returns ref when it is an absolute http or https URL, the only
// references the page makes links of; "" otherwise (a catalog reference
// may be a title or repo@commit:path, and a user's catalog extension
// could hold a javascript: URL).
func safeURL(ref string) string {
	u, err := url.Parse(ref)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return u.String()
}
