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
	failed   bool               // some finding is active: a failure
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
	out := r.junitSuites(false)
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
		buf := bytes.NewBuffer(b)
		var enc *xml.Encoder
		for _, it := range items[lo:hi] {
			s := it.suite
			switch {
			case it.end:
				buf.WriteString("\n  </testsuite>")
			case it.c == nil:
				buf.Write(appendXMLStart(nil, 1, "testsuite", "name", s.Name, "tests", strconv.Itoa(s.Tests), "failures", strconv.Itoa(s.Failures), "errors", strconv.Itoa(s.Errors)))
				if s.Properties != nil {
					buf.WriteString("\n    <properties>")
					for _, p := range s.Properties.Property {
						buf.Write(appendXMLStart(nil, 3, "property", "name", p.Name, "value", p.Value))
						buf.WriteString("</property>")
					}
					buf.WriteString("\n    </properties>")
				}
			default:
				r.junitFill(it.c)
				if enc == nil {
					// A fresh encoder starts its first element without
					// the newline it puts before the others.
					enc = xml.NewEncoder(buf)
					enc.Indent("    ", "  ")
					buf.WriteByte('\n')
				}
				if err := enc.EncodeElement(it.c, xml.StartElement{Name: xml.Name{Local: "testcase"}}); err != nil {
					return nil, fmt.Errorf("encoding JUnit XML: %w", err)
				}
				// Its texts are written: let them go.
				it.c.Failure, it.c.SystemOut, it.c.findings = nil, nil, nil
			}
		}
		return buf.Bytes(), nil
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
// With fill, each case's failure and system-out are filled in; without,
// the counts are set and JUnit fills the cases as it encodes them.
func (r *Report) junitSuites(fill bool) junitTestSuites {
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
		c.failed = c.failed || f.Active()
	}

	bySuite := map[string][]*junitTestCase{}
	for _, k := range order {
		c := cases[k]
		if fill {
			r.junitFill(c)
		}
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
			if c.failed {
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
		var esc bytes.Buffer
		_ = xml.EscapeText(&esc, []byte(attrs[i+1])) // a bytes.Buffer does not fail
		b = append(b, esc.Bytes()...)
		b = append(b, '"')
	}
	return append(b, '>')
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
func (r *Report) junitFill(c *junitTestCase) {
	fs := c.findings
	var failed, suppressed []string
	var ids []string
	worst := finding.SeverityInvalid
	for _, f := range fs {
		if !f.Active() {
			suppressed = append(suppressed, fmt.Sprintf("suppressed %s: %s\n  %s", f.RuleID, f.Message, justification(f.Suppression)))
			continue
		}
		worst = max(worst, f.Severity)
		ids = append(ids, f.RuleID)
		failed = append(failed, r.findingDetail(f))
	}
	if len(failed) > 0 {
		c.Failure = &junitFailure{
			Message: fmt.Sprintf("%d %s: %s", len(failed), plural(len(failed), "finding", "findings"), strings.Join(ids, ", ")),
			Type:    levelOf(worst).junit,
			Text:    xmlText(strings.Join(failed, "\n")),
		}
	}
	if len(suppressed) > 0 {
		c.SystemOut = &junitCDATA{Text: xmlText(strings.Join(suppressed, "\n"))}
	}
}

// findingDetail is a finding in a few plain-text lines: what, where, why,
// how to fix.
func (r *Report) findingDetail(f *finding.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", f.Severity, f.RuleID)
	if rule := r.rule(f.RuleID); rule != nil {
		fmt.Fprintf(&b, " %s", rule.Name)
	}
	fmt.Fprintf(&b, ": %s\n", f.Message)
	if f.IsResource() {
		fmt.Fprintf(&b, "  %s\n", strings.Join(context(*f), " · "))
	} else if pos := position(f.Range.Filename, f.Range.Start.Line); pos != "" {
		fmt.Fprintf(&b, "  %s\n", pos)
	}
	if rule := r.rule(f.RuleID); rule != nil {
		fmt.Fprintf(&b, "  fix: %s\n", rule.Remediation)
	}
	if src := sourceLine(*f); src != "" {
		fmt.Fprintf(&b, "  %s\n", src)
	}
	return b.String()
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
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF,
			r >= 0xE000 && r <= 0xFFFD,
			r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
