package plan

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
)

// jsonStream validates a JSON document read in chunks, or held in memory,
// and hands out the raw bytes of the values the plan loader keeps, skipping
// the rest without holding it. It accepts what jsontext accepts with
// AllowInvalidUTF8 and AllowDuplicateNames (the options the loader used
// before it). skipRaw finds where a value ends without validating it, so
// that one goroutine can cut a plan into pieces that others validate.
type jsonStream struct {
	r     io.Reader
	buf   []byte
	pos   int   // next byte to scan
	keep  int   // start of the bytes a refill must keep; -1 when none
	off   int64 // input offset of buf[0]
	err   error // the reader's error, io.EOF at the end
	depth int
}

// maxJSONDepth is jsontext's nesting limit: deeper input is rejected
// rather than recursed into.
const maxJSONDepth = 10000

func newJSONStream(r io.Reader) *jsonStream {
	return &jsonStream{r: r, buf: make([]byte, 0, 256<<10), keep: -1}
}

// memStream reads one value held in memory that starts at input offset off
// and nesting depth depth of the document.
func memStream(b []byte, off int64, depth int) *jsonStream {
	return &jsonStream{buf: b, keep: -1, off: off, depth: depth, err: io.EOF}
}

// syntaxError is a JSON syntax problem at an input offset.
type syntaxError struct {
	Offset int64
	Msg    string
}

func (e *syntaxError) Error() string { return e.Msg }

// errTruncated is the syntax error for input that ends inside a value.
var errTruncated = errors.New("unexpected end of JSON input")

func (s *jsonStream) offset() int64 { return s.off + int64(s.pos) }

func (s *jsonStream) errorf(format string, args ...any) error {
	return &syntaxError{Offset: s.offset(), Msg: fmt.Sprintf(format, args...)}
}

// eof is the error for running out of input: the reader's own error when it
// failed, else truncation.
func (s *jsonStream) eof() error {
	if s.err != nil && !errors.Is(s.err, io.EOF) {
		return s.err
	}
	return &syntaxError{Offset: s.offset(), Msg: errTruncated.Error()}
}

// fill reads more input, keeping the unscanned bytes and those from keep
// on. It reports false when the input is exhausted.
func (s *jsonStream) fill() bool {
	if s.err != nil || s.r == nil {
		return false
	}
	start := s.pos
	if s.keep >= 0 {
		start = s.keep
		s.keep = 0
	}
	if start > 0 {
		n := copy(s.buf, s.buf[start:])
		s.buf = s.buf[:n]
		s.pos -= start
		s.off += int64(start)
	}
	if len(s.buf) == cap(s.buf) {
		grown := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(grown, s.buf)
		s.buf = grown
	}
	for {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		if err != nil {
			s.err = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// ensure makes n bytes available from pos if the input has them.
func (s *jsonStream) ensure(n int) bool {
	for len(s.buf)-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// peek skips whitespace and returns the next byte; ok is false at the end
// of the input.
func (s *jsonStream) peek() (c byte, ok bool) {
	for {
		for s.pos < len(s.buf) {
			c := s.buf[s.pos]
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				return c, true
			}
			s.pos++
		}
		if !s.fill() {
			return 0, false
		}
	}
}

// next is peek for a byte that must be there.
func (s *jsonStream) next() (byte, error) {
	if s.pos < len(s.buf) && s.buf[s.pos] > ' ' { // plans are written without spaces
		return s.buf[s.pos], nil
	}
	c, ok := s.peek()
	if !ok {
		return 0, s.eof()
	}
	return c, nil
}

// quoteChar names the character an error is about, when it says nothing
// about a value: a malformed string in a plan may be a password, so only
// JSON's own punctuation and the starts of literals are quoted.
func quoteChar(c byte) string {
	if strings.IndexByte(`{}[],:"-+.0123456789tfnue`, c) >= 0 {
		return "character " + strconv.QuoteRune(rune(c))
	}
	return "character"
}

// skip validates one value and moves past it.
func (s *jsonStream) skip() error {
	c, err := s.next()
	if err != nil {
		return err
	}
	if s.r == nil { // all of it in memory
		end, msg := scanValue(s.buf, s.pos, s.depth)
		if msg != "" {
			s.pos = end
			return s.errorf("%s", msg)
		}
		s.pos = end
		return nil
	}
	switch c {
	case '{':
		return s.members(false, func([]byte) error { return s.skip() })
	case '[':
		return s.array(s.skip)
	case '"':
		return s.skipString()
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	if c == '-' || c >= '0' && c <= '9' {
		return s.number()
	}
	return s.errorf("invalid %s at start of value", quoteChar(c))
}

// hold keeps the bytes from the current position through refills until
// release, which returns them. Holds nest: an inner one lives inside the
// outer one's bytes. Positions are kept as input offsets because a refill
// moves the buffer.
func (s *jsonStream) hold() (start, outer int64) {
	outer = -1
	if s.keep >= 0 {
		outer = s.off + int64(s.keep)
	} else {
		s.keep = s.pos
	}
	return s.offset(), outer
}

func (s *jsonStream) release(start, outer int64) []byte {
	b := s.buf[int(start-s.off):s.pos]
	if outer < 0 {
		s.keep = -1
	} else {
		s.keep = int(outer - s.off)
	}
	return b
}

// capture validates one value and returns its raw bytes, valid until the
// stream is read again.
func (s *jsonStream) capture() ([]byte, error) {
	if _, err := s.next(); err != nil {
		return nil, err
	}
	start, outer := s.hold()
	err := s.skip()
	b := s.release(start, outer)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// members validates an object, calling member with the stream positioned
// at each member's value. With names, member gets the member's name (see
// name); without, nil.
func (s *jsonStream) members(names bool, member func(name []byte) error) error {
	if err := s.enter(); err != nil {
		return err
	}
	c, err := s.next()
	if err != nil {
		return err
	}
	if c == '}' {
		s.pos++
		s.depth--
		return nil
	}
	for {
		if c != '"' {
			return s.errorf("invalid %s at start of object name (expecting '\"')", quoteChar(c))
		}
		var name []byte
		if names {
			name, err = s.name()
		} else {
			err = s.skipString()
		}
		if err != nil {
			return err
		}
		if c, err = s.next(); err != nil {
			return err
		}
		if c != ':' {
			return s.errorf("invalid %s after object name (expecting ':')", quoteChar(c))
		}
		s.pos++
		if err := member(name); err != nil {
			return err
		}
		if c, err = s.next(); err != nil {
			return err
		}
		switch c {
		case ',':
			s.pos++
			if c, err = s.next(); err != nil {
				return err
			}
		case '}':
			s.pos++
			s.depth--
			return nil
		default:
			return s.errorf("invalid %s after object value (expecting ',' or '}')", quoteChar(c))
		}
	}
}

// array validates an array, calling elem with the stream positioned at each
// element.
func (s *jsonStream) array(elem func() error) error {
	if err := s.enter(); err != nil {
		return err
	}
	c, err := s.next()
	if err != nil {
		return err
	}
	if c == ']' {
		s.pos++
		s.depth--
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		if c, err = s.next(); err != nil {
			return err
		}
		switch c {
		case ',':
			s.pos++
		case ']':
			s.pos++
			s.depth--
			return nil
		default:
			return s.errorf("invalid %s after array element (expecting ',' or ']')", quoteChar(c))
		}
	}
}

// enter consumes '{' or '['.
func (s *jsonStream) enter() error {
	if s.depth >= maxJSONDepth {
		return s.errorf("exceeded max depth of %d", maxJSONDepth)
	}
	s.depth++
	s.pos++
	return nil
}

// name reads an object member name: its raw bytes when they hold no escape
// (Terraform's names never do), else its unquoted value. Either is valid
// until the stream is read again.
func (s *jsonStream) name() ([]byte, error) {
	start, outer := s.hold()
	err := s.skipString()
	raw := s.release(start, outer)
	if err != nil {
		return nil, err
	}
	return unquote(raw), nil
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// stringStop returns the index of the first byte from i that ends a run of
// plain string content: '"', '\\' or, with controls, a byte below 0x20.
// It tests eight bytes at a time: strings are most of a plan's bytes.
func stringStop(b []byte, i int, controls bool) int {
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q := x ^ (lsb * '"')
		e := x ^ (lsb * '\\')
		m := (q - lsb) &^ q
		m |= (e - lsb) &^ e
		if controls {
			m |= (x - lsb*0x20) &^ x
		}
		// The lowest flagged byte is exact; borrows only flag bytes above it.
		if m &= msb; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || controls && c < 0x20 {
			return i
		}
	}
	return i
}

// skipString validates a string starting at its opening quote.
func (s *jsonStream) skipString() error {
	s.pos++
	for {
		i := stringStop(s.buf, s.pos, true)
		s.pos = i
		if i == len(s.buf) {
			if !s.fill() {
				return s.eof()
			}
			continue
		}
		switch c := s.buf[i]; c {
		case '"':
			s.pos++
			return nil
		case '\\':
			if err := s.escape(); err != nil {
				return err
			}
		default:
			return s.errorf("invalid %s in string (control characters must be escaped)", quoteChar(c))
		}
	}
}

// skipRaw moves past the object or array at pos without validating it: it
// follows only strings and nesting, so it is right about where a valid
// value ends, and whatever it makes of an invalid one, the validator that
// gets the bytes finds the first error. emit, when not nil, gets every byte
// of the value, in pieces, before the buffer lets them go. It reads 64
// bytes at a time (rawState.block), and the bytes left at the end of the
// buffer one by one.
func (s *jsonStream) skipRaw(emit func([]byte)) error {
	var st rawState
	start := s.pos
	for {
		b := s.buf
		i := s.pos
		for i+64 <= len(b) {
			if end := st.block(b[i : i+64]); end >= 0 {
				s.pos = i + end
				if emit != nil {
					emit(b[start:s.pos])
				}
				return nil
			}
			i += 64
		}
		if end := st.bytes(b, i); end >= 0 {
			s.pos = end
			if emit != nil {
				emit(b[start:end])
			}
			return nil
		}
		s.pos = len(b)
		if emit != nil {
			emit(b[start:s.pos])
		}
		if !s.fill() {
			return s.eof()
		}
		start = s.pos
	}
}

// bytes is block for the bytes of b from i, one at a time: it returns
// the index past the bracket that brings the depth back to zero, or -1
// when the value goes on past b.
func (st *rawState) bytes(b []byte, i int) int {
	inString, escaped := st.inString != 0, st.escaped != 0
	defer func() {
		st.inString, st.escaped = 0, 0
		if inString {
			st.inString = ^uint64(0)
		}
		if escaped {
			st.escaped = 1
		}
	}()
	for i < len(b) {
		c := b[i]
		i++
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			st.depth++
		case c == '}' || c == ']':
			st.depth--
			if st.depth == 0 {
				return i
			}
		}
	}
	return -1
}

func (s *jsonStream) escape() error {
	if !s.ensure(2) {
		return s.eof()
	}
	switch s.buf[s.pos+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.pos += 2
		return nil
	case 'u':
		if !s.ensure(6) {
			s.pos = len(s.buf)
			return s.eof()
		}
		for _, h := range s.buf[s.pos+2 : s.pos+6] {
			if !isHex(h) {
				return s.errorf("invalid escape sequence in string")
			}
		}
		s.pos += 6
		return nil
	}
	return s.errorf("invalid escape sequence in string")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (s *jsonStream) literal(lit string) error {
	for i := range len(lit) {
		if s.pos >= len(s.buf) && !s.fill() {
			return s.eof()
		}
		if c := s.buf[s.pos]; c != lit[i] {
			return s.errorf("invalid %s in literal %s (expecting %q)", quoteChar(c), lit, lit[i])
		}
		s.pos++
	}
	return s.delimited()
}

// delimited checks that a number or literal ends where a value may end;
// jsontext rejects "truex" and "12a" at the offending byte.
func (s *jsonStream) delimited() error {
	if s.pos >= len(s.buf) && !s.fill() {
		return nil
	}
	switch c := s.buf[s.pos]; c {
	case ' ', '\t', '\n', '\r', ',', ']', '}', ':':
		return nil
	default:
		if c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return s.errorf("invalid %s after value", quoteChar(c))
		}
		return nil
	}
}

// byteAt returns the byte at pos, reading more input when needed; ok is
// false at the end of the input.
func (s *jsonStream) byteAt() (byte, bool) {
	if s.pos >= len(s.buf) && !s.fill() {
		return 0, false
	}
	return s.buf[s.pos], true
}

// number validates -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (s *jsonStream) number() error {
	c, _ := s.byteAt()
	if c == '-' {
		s.pos++
	}
	c, ok := s.byteAt()
	switch {
	case !ok:
		return s.eof()
	case c == '0':
		s.pos++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		return s.errorf("invalid %s in number", quoteChar(c))
	}
	if c, ok = s.byteAt(); ok && c == '.' {
		s.pos++
		if err := s.someDigits(); err != nil {
			return err
		}
	}
	if c, ok = s.byteAt(); ok && (c == 'e' || c == 'E') {
		s.pos++
		if c, ok = s.byteAt(); ok && (c == '+' || c == '-') {
			s.pos++
		}
		if err := s.someDigits(); err != nil {
			return err
		}
	}
	return s.delimited()
}

func (s *jsonStream) digits() {
	for {
		c, ok := s.byteAt()
		if !ok || c < '0' || c > '9' {
			return
		}
		s.pos++
	}
}

func (s *jsonStream) someDigits() error {
	c, ok := s.byteAt()
	if !ok {
		return s.eof()
	}
	if c < '0' || c > '9' {
		return s.errorf("invalid %s in number", quoteChar(c))
	}
	s.digits()
	return nil
}

// end checks that nothing but whitespace follows the plan object.
func (s *jsonStream) end() error {
	if _, ok := s.peek(); ok {
		return s.errorf("unexpected data after the plan object")
	}
	if s.err != nil && !errors.Is(s.err, io.EOF) {
		return s.err
	}
	return nil
}

// scanValue validates the value at b[i] when the whole of it is in memory
// (a resource_changes element on a worker), returning the index past it;
// on error, the offending byte's index and what is wrong. It is skip
// without the recursion and the refills: a loop over three states, which
// the workers run over most of a plan.
func scanValue(b []byte, i, depth int) (int, string) {
	const (
		value = iota // a value is expected
		name         // an object member's name is expected
		after        // a value ended: ',' or a closer is expected
	)
	var stack []byte // '{' or '[' per open container
	state := value
	for {
		if state == after && len(stack) == 0 {
			return i, ""
		}
		i = rawSpace(b, i)
		if i >= len(b) {
			return i, errTruncated.Error()
		}
		c := b[i]
		switch state {
		case value:
			switch {
			case c == '{' || c == '[':
				if depth+len(stack) >= maxJSONDepth {
					return i, fmt.Sprintf("exceeded max depth of %d", maxJSONDepth)
				}
				stack = append(stack, c)
				i = rawSpace(b, i+1)
				switch {
				case i >= len(b):
					return i, errTruncated.Error()
				case c == '{' && b[i] == '}', c == '[' && b[i] == ']':
					stack = stack[:len(stack)-1]
					i, state = i+1, after
				case c == '{':
					state = name
				}
				continue
			case c == '"':
				var msg string
				if i, msg = scanString(b, i); msg != "" {
					return i, msg
				}
			case c == 't' || c == 'f' || c == 'n':
				lit := "null"
				switch c {
				case 't':
					lit = "true"
				case 'f':
					lit = "false"
				}
				for k := range len(lit) {
					if i+k >= len(b) {
						return len(b), errTruncated.Error()
					}
					if b[i+k] != lit[k] {
						return i + k, fmt.Sprintf("invalid %s in literal %s (expecting %q)", quoteChar(b[i+k]), lit, lit[k])
					}
				}
				i += len(lit)
				if msg := scanDelimited(b, i); msg != "" {
					return i, msg
				}
			case c == '-' || c >= '0' && c <= '9':
				var msg string
				if i, msg = scanNumber(b, i); msg != "" {
					return i, msg
				}
			default:
				return i, fmt.Sprintf("invalid %s at start of value", quoteChar(c))
			}
			state = after
		case name:
			if c != '"' {
				return i, fmt.Sprintf("invalid %s at start of object name (expecting '\"')", quoteChar(c))
			}
			var msg string
			if i, msg = scanString(b, i); msg != "" {
				return i, msg
			}
			i = rawSpace(b, i)
			if i >= len(b) {
				return i, errTruncated.Error()
			}
			if b[i] != ':' {
				return i, fmt.Sprintf("invalid %s after object name (expecting ':')", quoteChar(b[i]))
			}
			i, state = i+1, value
		case after:
			top := stack[len(stack)-1]
			switch {
			case c == ',':
				i++
				if top == '{' {
					state = name
				} else {
					state = value
				}
			case top == '{' && c == '}', top == '[' && c == ']':
				stack = stack[:len(stack)-1]
				i++
			case top == '{':
				return i, fmt.Sprintf("invalid %s after object value (expecting ',' or '}')", quoteChar(c))
			default:
				return i, fmt.Sprintf("invalid %s after array element (expecting ',' or ']')", quoteChar(c))
			}
		}
	}
}

// scanString validates the string whose opening quote is at b[i].
func scanString(b []byte, i int) (int, string) {
	i++
	for {
		// stringStop, inlined: once per string of every element.
		for ; i+8 <= len(b); i += 8 {
			x := binary.LittleEndian.Uint64(b[i:])
			q := x ^ (lsb * '"')
			e := x ^ (lsb * '\\')
			if m := ((q-lsb)&^q | (e-lsb)&^e | (x-lsb*0x20)&^x) & msb; m != 0 {
				i += bits.TrailingZeros64(m) / 8
				goto stop
			}
		}
		for i < len(b) && b[i] >= 0x20 && b[i] != '"' && b[i] != '\\' {
			i++
		}
	stop:
		if i >= len(b) {
			return i, errTruncated.Error()
		}
		switch c := b[i]; c {
		case '"':
			return i + 1, ""
		case '\\':
			if i+1 >= len(b) {
				return len(b), errTruncated.Error()
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) {
					return len(b), errTruncated.Error()
				}
				for _, h := range b[i+2 : i+6] {
					if !isHex(h) {
						return i, "invalid escape sequence in string"
					}
				}
				i += 6
			default:
				return i, "invalid escape sequence in string"
			}
		default:
			return i, fmt.Sprintf("invalid %s in string (control characters must be escaped)", quoteChar(c))
		}
	}
}

// scanNumber validates -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at b[i].
func scanNumber(b []byte, i int) (int, string) {
	digits := func(i int) int {
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i
	}
	some := func(i int) (int, string) {
		switch {
		case i >= len(b):
			return i, errTruncated.Error()
		case b[i] < '0' || b[i] > '9':
			return i, fmt.Sprintf("invalid %s in number", quoteChar(b[i]))
		}
		return digits(i), ""
	}
	if b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return i, errTruncated.Error()
	case b[i] == '0':
		i++
	case b[i] >= '1' && b[i] <= '9':
		i = digits(i)
	default:
		return i, fmt.Sprintf("invalid %s in number", quoteChar(b[i]))
	}
	var msg string
	if i < len(b) && b[i] == '.' {
		if i, msg = some(i + 1); msg != "" {
			return i, msg
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i, msg = some(i); msg != "" {
			return i, msg
		}
	}
	return i, scanDelimited(b, i)
}

// scanDelimited is delimited for a value held in memory.
func scanDelimited(b []byte, i int) string {
	if i >= len(b) {
		return ""
	}
	if c := b[i]; c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		return fmt.Sprintf("invalid %s after value", quoteChar(c))
	}
	return ""
}
