package report

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/addrs"
)

// JUnit XML in the shape GitLab's and Jenkins' parsers read: testsuites >
// testsuite (one per file) > testcase (one per resource the policy checks),
// with one <failure> per failing resource listing every finding on it.
// GitLab keeps only a single failure element's text, so findings share one.

type junitTestSuites struct {
	XMLName  xml.Name         `xml:"testsuites"`
	Name     string           `xml:"name,attr"`
	Tests    int              `xml:"tests,attr"`
	Failures int              `xml:"failures,attr"`
	Errors   int              `xml:"errors,attr"`
	Suites   []junitTestSuite `xml:"testsuite"`
}

type junitTestSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Properties *junitProperties `xml:"properties"`
	Cases      []junitTestCase  `xml:"testcase"`
}

// junitProperties says which configuration the scan applied.
type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitFailure `xml:"failure"`
	Error     *junitFailure `xml:"error"`
	SystemOut *junitCDATA   `xml:"system-out"`

	line     int                // for ordering only
	findings []*finding.Finding // the case's findings, for junitFill
}

// failing reports whether the case fails: some finding on it is active.
func (c *junitTestCase) failing() bool {
	return slices.ContainsFunc(c.findings, (*finding.Finding).Active)
}

// junitCDATA is element text written as CDATA, so that multi-line
// findings stay readable in the raw file.
type junitCDATA struct {
	Text string `xml:",cdata"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// JUnit prints the report as JUnit XML. A large plan's test cases
// (megabytes) are filled and encoded on every core.
func JUnit(w io.Writer, r *Report, _ Options) error {
	r = r.forHumans()
	out := r.junitSuites()
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	var b []byte
	b = appendXMLStart(b, 0, "testsuites", "name", out.Name, "tests", strconv.Itoa(out.Tests), "failures", strconv.Itoa(out.Failures), "errors", strconv.Itoa(out.Errors))
	bw.Write(b)
	// The suites' start and end tags and their test cases, in order, are
	// the elements the chunks encode.
	type item struct {
		suite *junitTestSuite
		c     *junitTestCase // nil for the suite's start tag and properties
		end   bool
	}
	var items []item
	for i := range out.Suites {
		s := &out.Suites[i]
		items = append(items, item{suite: s})
		for j := range s.Cases {
			items = append(items, item{suite: s, c: &s.Cases[j]})
		}
		items = append(items, item{suite: s, end: true})
	}
	var cw chunkWriter
	err := cw.write(bw, len(items), func(b []byte, lo, hi int) ([]byte, error) {
		var scratch bytes.Buffer
		for _, it := range items[lo:hi] {
			s := it.suite
			switch {
			case it.end:
				b = append(b, "\n  </testsuite>"...)
			case it.c == nil:
				b = appendXMLStart(b, 1, "testsuite", "name", s.Name, "tests", strconv.Itoa(s.Tests), "failures", strconv.Itoa(s.Failures), "errors", strconv.Itoa(s.Errors))
				if s.Properties != nil {
					b = append(b, "\n    <properties>"...)
					for _, p := range s.Properties.Property {
						b = appendXMLStart(b, 3, "property", "name", p.Name, "value", p.Value)
						b = append(b, "</property>"...)
					}
					b = append(b, "\n    </properties>"...)
				}
			default:
				r.junitFill(it.c, &scratch)
				b = appendJUnitCase(b, it.c)
				// Its texts are written: let them go.
				it.c.Failure, it.c.SystemOut, it.c.findings = nil, nil, nil
			}
		}
		return b, nil
	})
	if err != nil {
		return err
	}
	if len(items) > 0 {
		bw.WriteByte('\n')
	}
	bw.WriteString("</testsuites>\n")
	return bw.Flush()
}

// junitSuites groups the report's test cases by file, in order: one per
// resource the policy checks or a finding is about, one per refused root.
// The counts are set; the cases' failures and system-out are filled in as
// they are encoded (junitFill).
func (r *Report) junitSuites() junitTestSuites {
	// A test case is a resource: its root and address (two roots may
	// declare the same address). The root goes in the classname, which
	// CI tools show beside the name.
	type key struct{ root, address string }
	cases := map[key]*junitTestCase{}
	var order []key
	add := func(root, address, classname, file string, line int) *junitTestCase {
		k := key{root, address}
		c, ok := cases[k]
		if !ok {
			if !finding.IsTop(root) {
				classname = root + ":" + classname
			}
			c = &junitTestCase{Name: address, Classname: classname, File: file, line: line}
			cases[k] = c
			order = append(order, k)
		}
		return c
	}
	for res := range r.CheckedRows() {
		add(res.Root, res.Address, res.Type, res.File, res.Line)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		classname := "suppression"
		if f.IsResource() {
			classname = resourceType(f.Address)
		}
		c := add(f.Root, f.Address, classname, f.Range.Filename, f.Range.Start.Line)
		c.findings = append(c.findings, f)
	}

	bySuite := map[string][]*junitTestCase{}
	for _, k := range order {
		c := cases[k]
		suite := c.File
		if suite == "" {
			suite = r.Tool
		}
		bySuite[suite] = append(bySuite[suite], c)
	}
	for _, c := range junitErrors(r.Errors) {
		suite := c.File
		if suite == "" {
			suite = r.Tool
		}
		bySuite[suite] = append(bySuite[suite], c)
	}
	out := junitTestSuites{Name: r.Tool, Suites: []junitTestSuite{}}
	for _, name := range slices.Sorted(maps.Keys(bySuite)) {
		cs := bySuite[name]
		slices.SortFunc(cs, func(a, b *junitTestCase) int {
			return cmp.Or(cmp.Compare(a.line, b.line), strings.Compare(a.Name, b.Name))
		})
		s := junitTestSuite{Name: name}
		if r.Config != "" {
			s.Properties = &junitProperties{Property: []junitProperty{{Name: "sovlint.config", Value: r.Config}}}
		}
		for _, c := range cs {
			s.Tests++
			if c.failing() {
				s.Failures++
			}
			if c.Error != nil {
				s.Errors++
			}
			s.Cases = append(s.Cases, *c)
		}
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, s)
	}
	return out
}

// appendXMLStart appends a start tag on a new line at an indentation depth
// (the document's first at depth 0 on the line after the header), its
// attributes escaped as encoding/xml escapes them.
func appendXMLStart(b []byte, depth int, name string, attrs ...string) []byte {
	if depth > 0 {
		b = append(b, '\n')
	}
	for range depth {
		b = append(b, ' ', ' ')
	}
	b = append(b, '<')
	b = append(b, name...)
	for i := 0; i+1 < len(attrs); i += 2 {
		b = append(b, ' ')
		b = append(b, attrs[i]...)
		b = append(b, '=', '"')
		b = appendXMLEscaped(b, attrs[i+1])
		b = append(b, '"')
	}
	return append(b, '>')
}

// appendJUnitCase appends a test case at depth 2 as encoding/xml writes
// the junitTestCase type: attributes in field order, file omitted when
// empty, its failure, error and system-out on lines of their own, each
// text in CDATA.
func appendJUnitCase(b []byte, c *junitTestCase) []byte {
	attrs := []string{"name", c.Name, "classname", c.Classname, "file", c.File}
	if c.File == "" { // omitempty
		attrs = attrs[:4]
	}
	b = appendXMLStart(b, 2, "testcase", attrs...)
	children := false
	for _, f := range []struct {
		name string
		f    *junitFailure
	}{{"failure", c.Failure}, {"error", c.Error}} {
		if f.f == nil {
			continue
		}
		b = appendXMLStart(b, 3, f.name, "message", f.f.Message, "type", f.f.Type)
		b = appendCDATA(b, f.f.Text)
		b = append(b, "</"...)
		b = append(b, f.name...)
		b = append(b, '>')
		children = true
	}
	if c.SystemOut != nil {
		b = appendXMLStart(b, 3, "system-out")
		b = appendCDATA(b, c.SystemOut.Text)
		b = append(b, "</system-out>"...)
		children = true
	}
	if children {
		b = append(b, "\n    "...)
	}
	return append(b, "</testcase>"...)
}

// appendXMLEscaped appends s escaped as encoding/xml escapes attribute
// values and text: the five markup characters, tab, newline and carriage
// return as character references, what XML cannot hold as U+FFFD.
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		b = append(b, s[last:i-width]...)
		b = append(b, esc...)
		last = i
	}
	return append(b, s[last:]...)
}

// appendCDATA appends s as CDATA, a "]]>" in it split across two
// sections; nothing when s is empty (encoding/xml's emitCDATA).
func appendCDATA(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, "<![CDATA["...)
	for {
		before, after, ok := strings.Cut(s, "]]>")
		if !ok {
			break
		}
		b = append(b, before...)
		b = append(b, "]]]]><![CDATA[>"...)
		s = after
	}
	b = append(b, s...)
	return append(b, "]]>"...)
}

// xmlChar reports whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// junitErrors turns refused roots into test cases in error, one per root
// with every problem it has, named after the root in the classname
// "sovlint.root".
func junitErrors(errs []finding.InputError) []*junitTestCase {
	byRoot := map[string]*junitTestCase{}
	count := map[*junitTestCase]int{}
	var out []*junitTestCase
	for i := range errs {
		e := &errs[i]
		c, ok := byRoot[e.Root]
		if !ok {
			name := e.Root
			if finding.IsTop(name) {
				name = e.File
			}
			c = &junitTestCase{Name: name, Classname: "sovlint.root", File: e.File, line: e.Line, Error: &junitFailure{Type: "input"}}
			byRoot[e.Root] = c
			out = append(out, c)
		}
		if c.Error.Text != "" {
			c.Error.Text += "\n"
		}
		c.Error.Text += xmlText(e.Error())
		count[c]++
	}
	for _, c := range out {
		n := count[c]
		c.Error.Message = fmt.Sprintf("not scanned: %d %s", n, plural(n, "error", "errors"))
	}
	return out
}

// junitFill turns a resource's findings into its failure (active ones) and
// its system-out (suppressed ones).
// scratch holds the texts as they are written: a chunk's encoder passes
// the same one for each of its cases, so that only the texts themselves
// are allocated.
func (r *Report) junitFill(c *junitTestCase, scratch *bytes.Buffer) {
	failed := scratch
	failed.Reset()
	var suppressed strings.Builder
	var ids []string
	worst := finding.SeverityInvalid
	for _, f := range c.findings {
		if !f.Active() {
			if suppressed.Len() > 0 {
				suppressed.WriteByte('\n')
			}
			suppressed.WriteString("suppressed ")
			suppressed.WriteString(f.RuleID)
			suppressed.WriteString(": ")
			suppressed.WriteString(f.Message)
			suppressed.WriteString("\n  ")
			suppressed.WriteString(justification(f.Suppression))
			continue
		}
		worst = max(worst, f.Severity)
		if len(ids) > 0 {
			failed.WriteByte('\n')
		}
		ids = append(ids, f.RuleID)
		r.writeFindingDetail(failed, f)
	}
	if len(ids) > 0 {
		c.Failure = &junitFailure{
			Message: strconv.Itoa(len(ids)) + " " + plural(len(ids), "finding", "findings") + ": " + strings.Join(ids, ", "),
			Type:    levelOf(worst).junit,
			Text:    xmlText(failed.String()),
		}
	}
	if suppressed.Len() > 0 {
		c.SystemOut = &junitCDATA{Text: xmlText(suppressed.String())}
	}
}

// writeFindingDetail writes a finding in a few plain-text lines: what,
// where, why, how to fix.
func (r *Report) writeFindingDetail(b *bytes.Buffer, f *finding.Finding) {
	rule := r.rule(f.RuleID)
	b.WriteString(f.Severity.String())
	b.WriteByte(' ')
	b.WriteString(f.RuleID)
	if rule != nil {
		b.WriteByte(' ')
		b.WriteString(rule.Name)
	}
	b.WriteString(": ")
	b.WriteString(f.Message)
	b.WriteByte('\n')
	if f.IsResource() {
		b.WriteString("  ")
		for i, part := range context(*f) {
			if i > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(part)
		}
		b.WriteByte('\n')
	} else if pos := position(f.Range.Filename, f.Range.Start.Line); pos != "" {
		b.WriteString("  ")
		b.WriteString(pos)
		b.WriteByte('\n')
	}
	if rule != nil {
		b.WriteString("  fix: ")
		b.WriteString(rule.Remediation)
		b.WriteByte('\n')
	}
	if src := sourceLine(*f); src != "" {
		b.WriteString("  ")
		b.WriteString(src)
		b.WriteByte('\n')
	}
}

// resourceType is the type in a resource address:
// module.a["x"].aws_s3_bucket.b[0] → aws_s3_bucket.
func resourceType(address string) string {
	// Without instance keys the address splits cleanly on dots; skip the
	// module.NAME pairs and what is left is [data.]TYPE.NAME.
	parts := strings.Split(addrs.StripInstanceKeys(address), ".")
	i := 0
	for i+1 < len(parts) && parts[i] == "module" {
		i += 2
	}
	if i < len(parts) && parts[i] == "data" {
		i++
	}
	if i < len(parts) {
		return parts[i]
	}
	return address
}

// xmlText replaces the characters XML 1.0 cannot hold, which encoding/xml
// writes unchanged inside CDATA, with U+FFFD.
func xmlText(s string) string {
	ascii := true // and nothing to replace: the common case, checked fast
	for i := 0; i < len(s) && ascii; i++ {
		c := s[i]
		ascii = c >= 0x20 && c < 0x80 || c == '\t' || c == '\n' || c == '\r'
	}
	if ascii {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return '\uFFFD'
	}, s)
}
