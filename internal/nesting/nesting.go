// Package nesting refuses HCL and JSON nested too deeply to parse and
// evaluate safely, before any parser sees them. The HCL parsers, the
// syntax-tree walks and the evaluator recurse once per level: some 100,000
// levels (a 200 KB file) overflow Go's stack, which no recover can catch.
// Real configurations nest a few dozen levels deep.
package nesting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Limit is the deepest nesting accepted: brackets, braces, blocks,
// templates and template directives, plus, within one level, the chain of
// operators and indexes of one expression (each makes the syntax tree a
// level deeper: a + b + c is (a + b) + c).
const Limit = 1000

// tooDeep is the diagnostic for input past the limit at rng.
func tooDeep(rng hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Nested too deeply",
		Detail:   fmt.Sprintf("This goes more than %d levels of brackets, blocks, templates or operators deep, which sovlint does not read.", Limit),
		Subject:  rng.Ptr(),
	}
}

// Config checks a file in HCL's native syntax (.tf, .tofu, .tfvars,
// .sovlint.hcl).
func Config(src []byte, filename string) *hcl.Diagnostic {
	if !utf8.Valid(src) {
		if _, rng, deep := lexedDepth(src, Limit); deep {
			rng.Filename = filename
			return tooDeep(rng)
		}
		return nil
	}
	return measure(src, filename, hcl.InitialPos, 0, false)
}

// Expression checks a native-syntax expression (a --var value).
func Expression(src []byte, filename string) *hcl.Diagnostic {
	return Config(src, filename)
}

// level is one open bracket, template or directive (or the top level),
// and the operators and indexes chained in it since its last item
// separator.
type level struct {
	newlines bool // a newline ends an item here: blocks, objects, the top level
	control  bool // the body of a %{if} or %{for} directive
	chain    int
}

// context is what HCL's lexer tracks to tell code from template text: a
// template (quoted or heredoc), a ${ or %{ sequence in one, or a brace.
type context struct {
	kind    byte   // 't' template, '$' sequence, '{' brace
	quoted  bool   // a quoted template, rather than a heredoc
	heredoc string // a heredoc's closing marker
}

// scanner measures nesting in one pass over the bytes, following HCL's
// lexical rules: comments, quoted and heredoc templates with their ${…}
// and %{…} sequences and escapes. Each open level counts one, plus the
// operators and indexes chained in it. It does the work of hclsyntax's
// lexer some fifty times faster, which matters since every source file
// goes through it; a test holds it to the lexer's tokens.
type scanner struct {
	src   []byte
	stack []level
	ctx   []context
	depth int
	max   int
	limit int
}

func (s *scanner) top() *level { return &s.stack[len(s.stack)-1] }

func (s *scanner) push(l level) {
	s.stack = append(s.stack, l)
	s.depth++
	s.max = max(s.max, s.depth)
}

func (s *scanner) pop() {
	if len(s.stack) > 1 {
		s.depth -= 1 + s.top().chain
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// popTemplate closes a template: its open directives, then itself.
func (s *scanner) popTemplate() {
	for len(s.stack) > 1 && s.top().control {
		s.pop()
	}
	s.pop()
}

func (s *scanner) chain() {
	s.top().chain++
	s.depth++
	s.max = max(s.max, s.depth)
}

func (s *scanner) reset() {
	s.depth -= s.top().chain
	s.top().chain = 0
}

// inText reports whether the lexer is reading template text.
func (s *scanner) inText() bool { return len(s.ctx) > 0 && s.ctx[len(s.ctx)-1].kind == 't' }

// measure scans src, which starts at start in its file and at nesting
// depth base, as configuration or (template) as template text.
func measure(src []byte, filename string, start hcl.Pos, base int, template bool) *hcl.Diagnostic {
	s := &scanner{src: src, stack: make([]level, 1, 16), depth: base + 1, limit: Limit}
	s.stack[0].newlines = true
	if template {
		s.ctx = append(s.ctx, context{kind: 't', quoted: true})
		s.push(level{})
	}
	if at := s.scan(); at >= 0 {
		return tooDeep(rangeAt(src, filename, start, at))
	}
	return nil
}

// rangeAt is the position of offset i of src, which starts at start.
func rangeAt(src []byte, filename string, start hcl.Pos, i int) hcl.Range {
	i = min(i, len(src))
	head := src[:i]
	nl := bytes.Count(head, []byte{'\n'})
	col := i - (bytes.LastIndexByte(head, '\n') + 1) + 1
	if nl == 0 {
		col += start.Column - 1
	}
	p := hcl.Pos{Line: start.Line + nl, Column: col, Byte: start.Byte + i}
	return hcl.Range{Filename: filename, Start: p, End: p}
}

// scan returns the offset at which nesting passes the limit, or -1.
func (s *scanner) scan() int {
	src := s.src
	afterTerm := false // the last token ends a term: [ or ( is an index or a call
	for i := 0; i < len(src); {
		if s.inText() {
			i = s.text(i)
			afterTerm = true
			if s.depth > s.limit {
				return i
			}
			continue
		}
		c := src[i]
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		term := false
		switch {
		case c == '\n':
			if s.top().newlines {
				s.reset()
			}
			i++
		case c == '#', c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				s.chain() // no comment after all: / and * are operators
				i++
				break
			}
			i += 2 + end + 2
		case c == '{':
			s.ctx = append(s.ctx, context{kind: '{'})
			s.push(level{newlines: true})
			i++
		case c == '}':
			if n := len(s.ctx); n > 0 {
				s.ctx = s.ctx[:n-1] // back to code, or to the template of a ${ or %{
			}
			s.pop()
			term = true
			i++
		case c == '[', c == '(':
			if afterTerm {
				s.chain()
			}
			s.push(level{})
			i++
		case c == ']', c == ')':
			s.pop()
			term = true
			i++
		case c == ',':
			s.reset()
			i++
		case c == '"':
			s.ctx = append(s.ctx, context{kind: 't', quoted: true})
			s.push(level{})
			i++
		case c == '<' && i+1 < len(src) && src[i+1] == '<':
			j := i + 2
			if j < len(src) && src[j] == '-' {
				j++
			}
			if k := identEnd(src, j); k > j && startsIdent(src, j) && (bytes.HasPrefix(src[k:], []byte("\n")) || bytes.HasPrefix(src[k:], []byte("\r\n"))) {
				s.ctx = append(s.ctx, context{kind: 't', heredoc: string(src[j:k])})
				s.push(level{})
				i = bytes.IndexByte(src[k:], '\n') + k + 1
				continue
			}
			s.chain() // two < operators, the second seen next
			i++
		case isIdentStart(c):
			i = identEnd(src, i)
			term = true
		case c >= 0x80:
			// Whatever the lexer makes of it, taking it for the end of a
			// term can only make the measure deeper.
			term = true
			if r, size := utf8.DecodeRune(src[i:]); unicode.IsLetter(r) {
				i = identEnd(src, i)
			} else {
				i += size
			}
		case c >= '0' && c <= '9':
			i = numberEnd(src, i)
			term = true
		case c == '.' && i+2 < len(src) && src[i+1] == '.' && src[i+2] == '.':
			s.chain()
			i += 3
		case strings.IndexByte("+-*/%<>!?&|=^", c) >= 0:
			// An operator; a two-character one counts once, and = alone
			// is an assignment.
			n := 1
			if i+1 < len(src) {
				switch string(src[i : i+2]) {
				case "==", "!=", "<=", ">=", "&&", "||":
					n = 2
				}
			}
			if c != '=' || n == 2 {
				s.chain()
			}
			i += n
		default:
			term = true // as above
			i++
		}
		afterTerm = term
		if s.depth > s.limit {
			return i - 1
		}
	}
	return -1
}

// text scans template text from i up to the next ${ or %{ sequence or the
// template's end, and returns where it stopped.
func (s *scanner) text(i int) int {
	src := s.src
	t := s.ctx[len(s.ctx)-1]
	lineStart := i == 0 || src[i-1] == '\n'
	for i < len(src) {
		if !t.quoted && lineStart {
			if end, ok := heredocEnd(src, i, t.heredoc); ok {
				s.ctx = s.ctx[:len(s.ctx)-1]
				s.popTemplate()
				return end
			}
		}
		c := src[i]
		lineStart = c == '\n'
		switch {
		case c == '\\' && t.quoted:
			i += 2
		case c == '"' && t.quoted:
			s.ctx = s.ctx[:len(s.ctx)-1]
			s.popTemplate()
			return i + 1
		case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
			i += 3 // $${ and %%{ are literal
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			s.ctx = append(s.ctx, context{kind: '$'})
			s.push(level{})
			return i + 2
		case c == '%' && i+1 < len(src) && src[i+1] == '{':
			j := i + 2
			for j < len(src) && (src[j] == ' ' || src[j] == '~' || src[j] == '\t') {
				j++
			}
			k := j
			for k < len(src) && isIdent(src[k]) {
				k++
			}
			switch string(src[j:k]) {
			case "if", "for":
				s.push(level{control: true})
			case "endif", "endfor":
				if s.top().control {
					s.pop()
				}
			}
			s.ctx = append(s.ctx, context{kind: '$'})
			s.push(level{})
			return i + 2
		default:
			i++
		}
	}
	return i
}

// heredocEnd reports whether the line at i is a heredoc's closing marker,
// and returns the offset after it.
func heredocEnd(src []byte, i int, marker string) (int, bool) {
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if !bytes.HasPrefix(src[j:], []byte(marker)) {
		return 0, false
	}
	k := j + len(marker)
	if k < len(src) && src[k] != '\n' && src[k] != '\r' {
		return 0, false
	}
	return k, true
}

// numberEnd returns where the number literal at i ends, by the lexer's
// rule: a digit, then digits, dots and exponents (e5, e+5), not ending in
// a dot (1.2.3 is one token to it).
func numberEnd(src []byte, i int) int {
	isDigit := func(j int) bool { return j < len(src) && src[j] >= '0' && src[j] <= '9' }
	j := i + 1
	for j < len(src) {
		switch c := src[j]; {
		case isDigit(j), c == '.':
			j++
		case (c == 'e' || c == 'E') && isDigit(j+1):
			j += 2
		case (c == 'e' || c == 'E') && j+1 < len(src) && (src[j+1] == '+' || src[j+1] == '-') && isDigit(j+2):
			j += 3
		default:
			return trimDots(src, i, j)
		}
	}
	return trimDots(src, i, j)
}

func trimDots(src []byte, i, j int) int {
	for j > i+1 && src[j-1] == '.' {
		j--
	}
	return j
}

// startsIdent reports whether an identifier starts at i.
func startsIdent(src []byte, i int) bool {
	if i >= len(src) {
		return false
	}
	if src[i] < 0x80 {
		return isIdentStart(src[i])
	}
	r, _ := utf8.DecodeRune(src[i:])
	return unicode.IsLetter(r)
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdent(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '-'
}

// identEnd returns where the identifier at i ends. A dash after a
// non-ASCII character ends it: taken for an operator, it can only make the
// measure deeper than HCL's lexer, whose Unicode tables may differ.
func identEnd(src []byte, i int) int {
	ascii := true
	for i < len(src) {
		c := src[i]
		switch {
		case c < 0x80 && c == '-':
			if !ascii {
				return i
			}
			i++
		case c < 0x80 && isIdent(c):
			i++
		case c >= 0x80:
			r, size := utf8.DecodeRune(src[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
				return i
			}
			ascii = false
			i += size
		default:
			return i
		}
	}
	return i
}

// JSON checks a JSON file (.tf.json, .tfvars.json): its own nesting, and
// that of the templates its strings hold, which HCL parses when it
// evaluates them.
func JSON(src []byte, filename string) *hcl.Diagnostic {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '[', '{':
			depth++
			if depth > Limit {
				return tooDeep(rangeAt(src, filename, hcl.InitialPos, i))
			}
		case ']', '}':
			depth--
		case '"':
			start := i
			escaped := false
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
					escaped = true
				}
			}
			if i >= len(src) {
				return nil // unterminated: the parser says so
			}
			raw := src[start : i+1]
			text := raw[1 : len(raw)-1]
			if escaped {
				var s string
				if json.Unmarshal(raw, &s) != nil {
					continue
				}
				text = []byte(s)
			}
			if !bytes.Contains(text, []byte("${")) && !bytes.Contains(text, []byte("%{")) {
				continue
			}
			at := rangeAt(src, filename, hcl.InitialPos, start+1).Start
			if d := measure(text, filename, at, depth, true); d != nil {
				return d
			}
		}
	}
	return nil
}

// lexedDepth is the nesting the scanner measures, computed from
// hclsyntax's own tokens: exact, and slow. It measures what is not UTF-8,
// whose bytes the lexer groups in its own way, and the scanner is held to
// it by a test. It returns the deepest nesting and, if it passes limit,
// where.
func lexedDepth(src []byte, limit int) (int, hcl.Range, bool) {
	toks, _ := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	type lvl struct {
		newlines, control bool
		chain             int
	}
	stack := []lvl{{newlines: true}}
	depth, peak := 1, 1
	push := func(l lvl) { stack = append(stack, l); depth++ }
	pop := func() {
		if len(stack) > 1 {
			depth -= 1 + stack[len(stack)-1].chain
			stack = stack[:len(stack)-1]
		}
	}
	chain := func() { stack[len(stack)-1].chain++; depth++ }
	reset := func() { depth -= stack[len(stack)-1].chain; stack[len(stack)-1].chain = 0 }
	afterTerm := false
	for i, t := range toks {
		term := false
		switch t.Type {
		case hclsyntax.TokenOBrace:
			push(lvl{newlines: true})
		case hclsyntax.TokenOBrack, hclsyntax.TokenOParen:
			if afterTerm {
				chain()
			}
			push(lvl{})
		case hclsyntax.TokenTemplateInterp, hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc:
			push(lvl{})
		case hclsyntax.TokenTemplateControl:
			if i+1 < len(toks) && toks[i+1].Type == hclsyntax.TokenIdent {
				switch string(toks[i+1].Bytes) {
				case "if", "for":
					push(lvl{control: true})
				case "endif", "endfor":
					if stack[len(stack)-1].control {
						pop()
					}
				}
			}
			push(lvl{})
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd:
			pop()
			term = true
		case hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
			for stack[len(stack)-1].control {
				pop()
			}
			pop()
			term = true
		case hclsyntax.TokenComma:
			reset()
		case hclsyntax.TokenNewline:
			if stack[len(stack)-1].newlines {
				reset()
			}
		case hclsyntax.TokenComment:
			if stack[len(stack)-1].newlines && strings.HasSuffix(string(t.Bytes), "\n") {
				reset()
			}
		case hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
			hclsyntax.TokenPercent, hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual,
			hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan,
			hclsyntax.TokenGreaterThanEq, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenBang, hclsyntax.TokenQuestion, hclsyntax.TokenEllipsis:
			chain()
		case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit, hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit:
			term = true
		default:
			// Neither nests nor chains: = . :: => : and the tokens HCL
			// rejects.
		}
		afterTerm = term
		peak = max(peak, depth)
		if depth > limit {
			return peak, t.Range, true
		}
	}
	return peak, hcl.Range{}, false
}
