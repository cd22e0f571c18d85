package tfconfig

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/par"
)

// RootSearch tunes FindRoots.
type RootSearch struct {
	// Skip says whether to leave out a directory below the top one, and
	// everything below it (--exclude); nil skips none.
	Skip func(dir string) bool
}

// FoundRoots is what FindRoots finds below a directory.
type FoundRoots struct {
	// Roots are the root modules, in lexical order. A directory that
	// cannot be read is one of them, unless another directory calls it
	// (that one then fails to load): loading it reports what is wrong.
	Roots []string
	// Terragrunt are the directories holding a terragrunt.hcl, in lexical
	// order: Terragrunt generates part of their configuration.
	Terragrunt []string
}

// RootModules is FindRoots without options, returning the roots only.
func (l *SourceLoader) RootModules(dir string) ([]string, error) {
	found, err := l.FindRoots(dir, RootSearch{})
	return found.Roots, err
}

// TerragruntFile is the configuration file of a Terragrunt unit.
const TerragruntFile = "terragrunt.hcl"

// rootSearch is what FindRoots found, kept for CheckRoots: which directory
// calls which, and how the loader knows.
type rootSearch struct {
	dirs []string // directories with configuration files, in walk order
	abs  []string // their absolute paths
	// calls are each directory's local module calls, as absolute paths;
	// tokens says they were read from tokens, not from a decoded module.
	calls  [][]string
	tokens []bool
	// done are the root modules handed out so far, by absolute path.
	done map[string]bool
	// watched are the directories whose calls were read from tokens, by
	// clean path: those CheckRoots may have to correct.
	watched map[string]bool
	// decoded are the watched modules read since, by clean path: whether
	// they decoded without error, and their local calls.
	decoded map[string]decodedCalls
}

type decodedCalls struct {
	ok    bool
	calls []string
}

// FindRoots finds the root modules below dir: the directories holding
// configuration files that no module below dir calls by a local path.
// Hidden directories (and so .terraform and .terragrunt-cache) are
// skipped. One directory that does not parse does not stop the search: it
// is a root that will fail to load.
//
// Each directory is listed once and each file read once, on every core;
// the text stays in memory (up to keptSourceBytes) until the file is
// parsed, when its root module is loaded: the syntax trees of a whole
// monorepo would not fit. Module calls are found in the files' tokens,
// which hclsyntax's lexer gives exactly as its parser sees them (comments,
// strings, heredocs, templates): a module block at the top level with one
// label and a source written as a plain quoted string. A directory the
// tokens cannot settle (JSON files, an override file with a module block,
// a source that is not a plain string) is decoded instead. A directory
// that does not parse calls nothing, as far as the search is concerned:
// the tokens of a file that does not parse may say otherwise, which
// CheckRoots settles once the roots are loaded.
func (l *SourceLoader) FindRoots(dir string, opt RootSearch) (FoundRoots, error) {
	var found FoundRoots
	var dirs []string
	fi, err := os.Lstat(dir)
	if err != nil {
		return FoundRoots{}, err
	}
	switch {
	case fi.IsDir():
		if err := l.walk(dir, opt, &dirs, &found); err != nil {
			return FoundRoots{}, err
		}
	case fi.Name() == TerragruntFile:
		found.Terragrunt = append(found.Terragrunt, filepath.Dir(dir))
	}
	rs := &rootSearch{
		dirs:    dirs,
		abs:     make([]string, len(dirs)),
		calls:   make([][]string, len(dirs)),
		tokens:  make([]bool, len(dirs)),
		done:    map[string]bool{},
		decoded: map[string]decodedCalls{},
	}
	var decoded atomic.Int64 // sources of the modules kept decoded
	var next atomic.Int64
	var wg par.Group
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(dirs) {
					return
				}
				d := dirs[i]
				rs.abs[i] = l.abs(d)
				if sources, ok := l.tokenCalls(d); ok {
					rs.calls[i], rs.tokens[i] = l.localCalls(d, sources), true
					continue
				}
				key := filepath.Clean(d)
				mod, ds := l.readModule(key)
				if mod == nil {
					continue
				}
				rs.calls[i] = l.localCalls(d, mod.callSources())
				if decoded.Add(int64(mod.sourceBytes())) <= keptModuleBytes {
					l.keep(key, mod, ds)
				}
			}
		})
	}
	wg.Wait()
	rs.watched = map[string]bool{}
	for i, d := range dirs {
		if li := l.list(d); li != nil {
			li.walk = nil
		}
		if rs.tokens[i] && len(rs.calls[i]) > 0 {
			rs.watched[filepath.Clean(d)] = true
		}
	}
	l.mu.Lock()
	l.search = rs
	l.mu.Unlock()
	found.Roots = l.settle(rs, rs.calls)
	return found, nil
}

// walk lists dir and the directories below it, as filepath.WalkDir would
// visit them (lexically, a directory before what is in it; symbolic links
// to directories are not followed), collecting the directories with
// configuration files and those with a terragrunt.hcl.
func (l *SourceLoader) walk(dir string, opt RootSearch, dirs *[]string, found *FoundRoots) error {
	li := l.list(dir)
	if li.err != nil {
		return li.err
	}
	if len(li.primary)+len(li.overrides) > 0 {
		*dirs = append(*dirs, dir)
	}
	for _, e := range li.walk {
		p := filepath.Join(dir, e.name)
		if !e.dir {
			found.Terragrunt = append(found.Terragrunt, dir)
			continue
		}
		if strings.HasPrefix(e.name, ".") || (opt.Skip != nil && opt.Skip(p)) {
			continue
		}
		if err := l.walk(p, opt, dirs, found); err != nil {
			return err
		}
	}
	return nil
}

// settle works out the roots from each directory's calls, and counts the
// roots that reach each directory, for Release. Roots already handed out
// are left out.
func (l *SourceLoader) settle(rs *rootSearch, calls [][]string) []string {
	called := map[string]bool{}
	index := make(map[string]int, len(rs.dirs)) // absolute path → dirs index
	for i := range rs.dirs {
		index[rs.abs[i]] = i
		for _, c := range calls[i] {
			called[c] = true
		}
	}
	var roots []int
	for i := range rs.dirs {
		if !called[rs.abs[i]] && !rs.done[rs.abs[i]] {
			roots = append(roots, i)
			rs.done[rs.abs[i]] = true
		}
	}
	users := map[string]int{}
	for _, root := range roots {
		seen := map[int]bool{}
		var visit func(i int)
		visit = func(i int) {
			if seen[i] {
				return
			}
			seen[i] = true
			users[filepath.Clean(rs.dirs[i])]++
			for _, c := range calls[i] {
				if j, ok := index[c]; ok {
					visit(j)
				}
			}
		}
		visit(root)
	}
	l.mu.Lock()
	for d, n := range users {
		l.users[d] += n
	}
	l.mu.Unlock()
	out := make([]string, len(roots))
	for k, i := range roots {
		out[k] = rs.dirs[i]
	}
	return out
}

// CheckRoots returns the root modules the last FindRoots missed, once
// the roots it found are loaded and released: the directories called only
// by modules that turned out not to parse, which call nothing. Such a
// module's calls were read from its tokens; the directories whose calls
// were read so and that no root loaded are decoded here. The roots
// returned are to be loaded in turn, and CheckRoots called again, until it
// returns none. A tree that decodes returns none, having decoded nothing
// again.
func (l *SourceLoader) CheckRoots() []string {
	l.mu.Lock()
	rs := l.search
	l.mu.Unlock()
	if rs == nil {
		return nil
	}
	var unchecked []string
	for i, d := range rs.dirs {
		if !rs.tokens[i] || len(rs.calls[i]) == 0 {
			continue
		}
		l.mu.Lock()
		_, ok := rs.decoded[filepath.Clean(d)]
		l.mu.Unlock()
		if !ok {
			unchecked = append(unchecked, d)
		}
	}
	// The roots found so far are released: what the cache holds for them
	// is of no more use. What is decoded now is kept for the roots to come.
	l.mu.Lock()
	clear(l.users)
	clear(l.modules)
	l.mu.Unlock()
	par.Each(len(unchecked), func(i int) {
		key := filepath.Clean(unchecked[i])
		if mod, ds := l.readModule(key); mod != nil {
			l.keep(key, mod, ds)
		}
	})
	calls := make([][]string, len(rs.dirs))
	changed := false
	for i, d := range rs.dirs {
		calls[i] = rs.calls[i]
		if !rs.tokens[i] || len(rs.calls[i]) == 0 {
			continue
		}
		l.mu.Lock()
		dc := rs.decoded[filepath.Clean(d)]
		l.mu.Unlock()
		if !dc.ok {
			calls[i] = nil
		} else {
			calls[i] = dc.calls
		}
		changed = changed || !slices.Equal(calls[i], rs.calls[i])
	}
	var roots []string
	if changed {
		rs.calls = calls
		roots = l.settle(rs, calls)
	}
	l.mu.Lock()
	for key := range l.modules {
		if l.users[key] == 0 {
			delete(l.modules, key)
		}
	}
	l.mu.Unlock()
	return roots
}

// checked records, for CheckRoots, how a directory of the last search
// decoded.
func (l *SourceLoader) checked(dir string, mod *module) {
	l.mu.Lock()
	rs := l.search
	l.mu.Unlock()
	// Only the directories CheckRoots reads are recorded: recording every
	// module kept the calls of a whole monorepo to the end of its scan.
	if rs == nil || !rs.watched[filepath.Clean(dir)] {
		return
	}
	// A module that parses calls what it calls, even if Terraform would
	// reject it for other reasons.
	dc := decodedCalls{ok: mod != nil}
	if dc.ok {
		dc.calls = l.localCalls(dir, mod.callSources())
	}
	l.mu.Lock()
	rs.decoded[filepath.Clean(dir)] = dc
	l.mu.Unlock()
}

// localCalls are the absolute paths of the local module sources a module
// in dir calls, in order.
func (l *SourceLoader) localCalls(dir string, sources []string) []string {
	var out []string
	for _, src := range sources {
		if isLocalSource(src) {
			out = append(out, l.abs(filepath.Join(dir, filepath.FromSlash(src))))
		}
	}
	return out
}

// callSources are the sources of a module's calls, ordered by name.
func (m *module) callSources() []string {
	names := make([]string, 0, len(m.calls))
	for name := range m.calls {
		names = append(names, name)
	}
	slices.Sort(names)
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = m.calls[name].source
	}
	return out
}

// keep caches a module read outside module().
func (l *SourceLoader) keep(key string, mod *module, diags hcl.Diagnostics) {
	ml := &moduleLoad{mod: mod, diags: diags}
	ml.once.Do(func() {})
	l.mu.Lock()
	if _, ok := l.modules[key]; !ok {
		l.modules[key] = ml
	}
	l.mu.Unlock()
}

// tokenCalls reads a directory's files ahead, keeping their text for the
// parse to come, and returns the sources of its module calls, ordered by
// module name, from the files' tokens. ok is false when the tokens cannot
// settle them: the directory must then be decoded.
func (l *SourceLoader) tokenCalls(dir string) (sources []string, ok bool) {
	li := l.list(dir)
	byName := map[string]string{}
	for _, p := range slices.Concat(li.primary, li.overrides) {
		if strings.HasSuffix(p, ".json") {
			return nil, false
		}
		src, err := inputfile.ReadFile(p, inputfile.SourceLimit, inputfile.Tree)
		l.counts.reads.Add(1)
		if err != nil {
			return nil, false // the parse reports it
		}
		l.mu.Lock()
		if l.sourceBytes+len(src) <= keptSourceBytes {
			l.sources[p] = src
			l.sourceBytes += len(src)
		}
		l.mu.Unlock()
		calls, ok := moduleCalls(src, p)
		if !ok || (len(calls) > 0 && isOverride(filepath.Base(p))) {
			return nil, false
		}
		for _, c := range calls {
			if _, dup := byName[c.name]; dup {
				return nil, false // a duplicate: decoding says what is wrong
			}
			byName[c.name] = c.source
		}
	}
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		sources = append(sources, byName[name])
	}
	return sources, true
}

// tokenCall is a module block found in tokens.
type tokenCall struct{ name, source string }

var moduleKeyword = []byte("module")

// moduleCalls finds the module blocks of a native syntax file in its
// tokens: at the top level, the identifier module, one label and a
// block whose source attribute is a plain quoted string (no escape, no
// template), alone on its line. ok is false when a module block is
// written otherwise, or the file does not lex: decoding it is then the
// only way to know what it calls.
func moduleCalls(src []byte, path string) (calls []tokenCall, ok bool) {
	if !bytes.Contains(src, moduleKeyword) {
		return nil, true
	}
	if calls, ok := quickModuleCalls(src); ok {
		return calls, true
	}
	return lexModuleCalls(src, path)
}

// lexModuleCalls is moduleCalls from hclsyntax's tokens.
func lexModuleCalls(src []byte, path string) (calls []tokenCall, ok bool) {
	toks, diags := hclsyntax.LexConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, false
	}
	depth := 0
	lineStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if inlineComment(t) {
			continue // the parser skips it: a block may follow on its line
		}
		if depth == 0 && lineStart && t.Type == hclsyntax.TokenIdent && string(t.Bytes) == "module" {
			c, end, ok := moduleBlock(toks, i+1)
			if !ok {
				return nil, false
			}
			calls = append(calls, c)
			i = end // the closing brace
			lineStart = false
			continue
		}
		depth += tokenNesting(t.Type)
		lineStart = endsLine(t)
	}
	return calls, true
}

// moduleBlock reads a module block from its label at toks[i] to its
// closing brace, whose index it returns.
func moduleBlock(toks hclsyntax.Tokens, i int) (c tokenCall, end int, ok bool) {
	at := func(k int) hclsyntax.TokenType {
		if k < len(toks) {
			return toks[k].Type
		}
		return hclsyntax.TokenEOF
	}
	switch {
	case at(i) == hclsyntax.TokenIdent:
		c.name = string(toks[i].Bytes)
		i++
	case at(i) == hclsyntax.TokenOQuote && at(i+1) == hclsyntax.TokenQuotedLit && at(i+2) == hclsyntax.TokenCQuote && plainLit(toks[i+1].Bytes):
		c.name = string(toks[i+1].Bytes)
		i += 3
	default:
		return c, 0, false
	}
	if at(i) != hclsyntax.TokenOBrace {
		return c, 0, false
	}
	i++
	depth := 1
	lineStart := true // an attribute may follow the brace on its line
	hasSource := false
	for ; i < len(toks); i++ {
		t := toks[i]
		if inlineComment(t) {
			continue
		}
		if depth == 1 && lineStart && t.Type == hclsyntax.TokenIdent && string(t.Bytes) == "source" {
			// source = "…" then the end of the line or of the block.
			if hasSource || at(i+1) != hclsyntax.TokenEqual || at(i+2) != hclsyntax.TokenOQuote ||
				at(i+3) != hclsyntax.TokenQuotedLit || at(i+4) != hclsyntax.TokenCQuote || !plainLit(toks[i+3].Bytes) {
				return c, 0, false
			}
			switch after := toks[min(i+5, len(toks)-1)]; {
			case after.Type == hclsyntax.TokenCBrace, endsLine(after):
			default:
				return c, 0, false
			}
			c.source, hasSource = string(toks[i+3].Bytes), true
			i += 4
			lineStart = false
			continue
		}
		depth += tokenNesting(t.Type)
		if depth == 0 {
			if !hasSource {
				return c, 0, false // a missing source is an error to decode
			}
			return c, i, true
		}
		lineStart = endsLine(t)
	}
	return c, 0, false
}

// tokenNesting is how a token changes the nesting of brackets, strings and
// template sequences.
func tokenNesting(t hclsyntax.TokenType) int {
	switch t {
	case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen,
		hclsyntax.TokenOQuote, hclsyntax.TokenOHeredoc,
		hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
		return 1
	case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen,
		hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
		return -1
	default:
		return 0
	}
}

// endsLine reports whether a token ends a line as the parser sees it: a
// newline, or a line comment, which takes its newline in.
func endsLine(t hclsyntax.Token) bool {
	return t.Type == hclsyntax.TokenNewline || t.Type == hclsyntax.TokenEOF ||
		(t.Type == hclsyntax.TokenComment && bytes.HasSuffix(t.Bytes, []byte("\n")))
}

// inlineComment reports whether a token is a comment that does not end
// its line (/* … */).
func inlineComment(t hclsyntax.Token) bool {
	return t.Type == hclsyntax.TokenComment && !bytes.HasSuffix(t.Bytes, []byte("\n"))
}

// plainLit reports whether a quoted literal means what it says: no
// escape sequence, and no $${ or %%{ for a literal ${ or %{.
func plainLit(b []byte) bool {
	return bytes.IndexByte(b, '\\') < 0 && !bytes.Contains(b, []byte("$${")) && !bytes.Contains(b, []byte("%%{"))
}

// quickModuleCalls is moduleCalls without hclsyntax's lexer, whose tokens
// were a fifth of what a monorepo's scan allocates: it follows code,
// comments, quoted strings and their templates byte by byte, and finds
// module blocks written in moduleBlock's plain form. ok is false as soon as
// the text holds anything else (a heredoc, a character the lexer would not
// take as it is, a module block written otherwise, invalid UTF-8): the
// lexer decides then. TestQuickModuleCalls holds it to the lexer.
func quickModuleCalls(src []byte) (calls []tokenCall, ok bool) {
	if !utf8.Valid(src) {
		return nil, false
	}
	type frame struct {
		str   bool // a quoted string; else code (the file's, or a template's)
		depth int  // brackets open in this code
	}
	stack := []frame{{}}
	lineStart := true
	// The module block being read, at the file's depth 1.
	var (
		inModule, hasSource bool
		call                tokenCall
	)
	for i := 0; i < len(src); {
		top := &stack[len(stack)-1]
		c := src[i]
		if top.str {
			switch {
			case c == '"':
				stack = stack[:len(stack)-1]
				i++
			case c == '\\':
				if i+1 >= len(src) || src[i+1] == '\n' || src[i+1] == '\r' {
					return nil, false
				}
				i += 2
			case c == '\n' || c == '\r':
				return nil, false
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				stack = append(stack, frame{})
				i += 2
			case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
				i += 3 // $${ and %%{ are literal
			default:
				i++
			}
			continue
		}
		next := byte(0)
		if i+1 < len(src) {
			next = src[i+1]
		}
		fileLevel := len(stack) == 1
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '\n':
			lineStart = true
			i++
		case c == '\r' && next == '\n':
			lineStart = true
			i += 2
		case c == '#' || c == '/' && next == '/':
			nl := bytes.IndexByte(src[i:], '\n')
			if nl < 0 {
				i = len(src)
			} else {
				i += nl + 1
			}
			lineStart = true
		case c == '/' && next == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return nil, false
			}
			i += 2 + end + 2 // a comment within a line: the parser skips it
		case c == '"':
			stack = append(stack, frame{str: true})
			lineStart = false
			i++
		case c == '{' || c == '[' || c == '(':
			top.depth++
			lineStart = false
			i++
		case c == '}' || c == ']' || c == ')':
			switch {
			case top.depth > 0:
				top.depth--
			case fileLevel || c != '}':
				return nil, false // closes nothing: the lexer decides
			default:
				stack = stack[:len(stack)-1] // the end of a template sequence
			}
			i++
			lineStart = false
			if fileLevel && inModule && top.depth == 0 {
				if !hasSource {
					return nil, false
				}
				calls = append(calls, call)
				inModule = false
			}
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			word := string(src[i:j])
			switch {
			case fileLevel && top.depth == 0 && lineStart && word == "module":
				label, end, ok := quickModuleHeader(src, j)
				if !ok {
					return nil, false
				}
				call, hasSource, inModule = tokenCall{name: label}, false, true
				top.depth = 1
				i, lineStart = end, true // an attribute may follow the brace on its line
				continue
			case fileLevel && inModule && top.depth == 1 && lineStart && word == "source":
				source, end, ok := quickSource(src, j)
				if !ok || hasSource {
					return nil, false
				}
				call.source, hasSource = source, true
				i = end
			default:
				i = j
			}
			lineStart = false
		case c == '<' && next == '<', c == '*' && next == '*':
			return nil, false // a heredoc; an operator HCL does not have
		case c == '&' || c == '|':
			if next != c {
				return nil, false
			}
			lineStart = false
			i += 2
		case c >= '0' && c <= '9', strings.IndexByte("=!<>+-*/%?:.,", c) >= 0:
			lineStart = false
			i++
		default:
			return nil, false
		}
	}
	if len(stack) != 1 || stack[0].depth != 0 || inModule {
		return nil, false
	}
	return calls, true
}

// quickModuleHeader reads a module block's label and opening brace after
// the keyword at src[i:], as moduleBlock takes them: one label, quoted
// plainly or an identifier, then the brace.
func quickModuleHeader(src []byte, i int) (label string, end int, ok bool) {
	i = skipBlanks(src, i)
	switch {
	case i < len(src) && src[i] == '"':
		j := i + 1
		for j < len(src) && src[j] != '"' {
			if strings.IndexByte("\\\n\r$%", src[j]) >= 0 {
				return "", 0, false // escapes and templates: the lexer decides
			}
			j++
		}
		if j >= len(src) || j == i+1 {
			return "", 0, false
		}
		label, i = string(src[i+1:j]), j+1
	case i < len(src) && isIdentStart(src[i]):
		j := i + 1
		for j < len(src) && isIdentByte(src[j]) {
			j++
		}
		label, i = string(src[i:j]), j
	default:
		return "", 0, false
	}
	i = skipBlanks(src, i)
	if i >= len(src) || src[i] != '{' {
		return "", 0, false
	}
	return label, i + 1, true
}

// quickSource reads `= "…"` after a module block's source at src[i:], as
// moduleBlock takes it: a plain quoted string, then the end of the line or
// of the block. end is the index just past the closing quote.
func quickSource(src []byte, i int) (source string, end int, ok bool) {
	i = skipBlanks(src, i)
	if i >= len(src) || src[i] != '=' {
		return "", 0, false
	}
	i = skipBlanks(src, i+1)
	if i >= len(src) || src[i] != '"' {
		return "", 0, false
	}
	j := i + 1
	for j < len(src) && src[j] != '"' {
		if strings.IndexByte("\\\n\r$%", src[j]) >= 0 {
			return "", 0, false
		}
		j++
	}
	if j >= len(src) || j == i+1 {
		return "", 0, false
	}
	source, end = string(src[i+1:j]), j+1
	k := skipBlanks(src, end)
	switch {
	case k >= len(src), src[k] == '\n', src[k] == '#', src[k] == '}':
	case src[k] == '\r' && k+1 < len(src) && src[k+1] == '\n':
	case src[k] == '/' && k+1 < len(src) && src[k+1] == '/':
	default:
		return "", 0, false
	}
	return source, end, true
}

func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentByte(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '-'
}
