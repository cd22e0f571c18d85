package report

import (
	"bufio"
	"bytes"
	stdjson "encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/sovlint/sovlint/finding"
)

// ReferenceJSON is the JSON format as reflection writes it from the struct
// types: the specification the hand-written printer must match byte for
// byte. It is the printer JSON replaced.
func ReferenceJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := jsontext.NewEncoder(bw, jsontext.WithIndent("  "), jsontext.EscapeForHTML(false))
	opts := json.Deterministic(true)
	field := func(name string, v any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		return json.MarshalEncode(enc, v, opts)
	}
	array := func(name string, n int, elem func(i int) any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		if err := enc.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for i := range n {
			if err := json.MarshalEncode(enc, elem(i), opts); err != nil {
				return err
			}
		}
		return enc.WriteToken(jsontext.EndArray)
	}
	steps := []func() error{
		func() error { return enc.WriteToken(jsontext.BeginObject) },
		func() error { return field("tool", r.Tool) },
		func() error { return field("version", r.Version) },
		func() error { return field("inputs", nonNil(r.Inputs)) },
		func() error { return field("catalog_as_of", r.CatalogAsOf) },
		func() error { return field("summary", r.Summarize()) },
		func() error {
			return array("resources", r.ResourceCount(), func(i int) any { res := r.Resources.At(i); return resourceJSON(&res) })
		},
		func() error {
			return array("findings", len(r.Findings), func(i int) any { return r.findingJSON(r.Findings[i]) })
		},
		func() error { return field("warnings", nonNil(r.Warnings)) },
		func() error { return field("errors", errorsJSON(r.Errors)) },
		func() error { return enc.WriteToken(jsontext.EndObject) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReferenceSARIF is the SARIF format as encoding/json writes it from the
// SARIF types: the specification the hand-written printer must match byte
// for byte. It is the printer SARIF replaced.
func ReferenceSARIF(w io.Writer, r *Report, o Options) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLogOf(r, o))
}

// ReferenceGitHub is the GitHub format as the printer wrote it before it
// encoded on every core (fmt and strings.Replacer, one command at a time):
// the specification GitHub must match byte for byte.
func ReferenceGitHub(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	for i := range r.Errors {
		e := &r.Errors[i]
		shown["error"]++
		refGitHubCommand(bw, "error", o.githubPath(e.File), e.Line, 0, "sovlint: not scanned", errorLine(e))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		title := r.checkName(f.RuleID)
		msg := f.Message
		if f.IsResource() {
			msg = finding.Qualified(f.Root, f.Address) + ": " + msg
			if rule := r.rule(f.RuleID); rule != nil {
				msg += "\nfix: " + rule.Remediation
			}
		}
		level := levelOf(f.Severity).github
		shown[level]++
		refGitHubCommand(bw, level, o.githubPath(f.Range.Filename), f.Range.Start.Line, f.Range.End.Line, title, msg)
	}
	for _, wn := range r.Warnings {
		shown["warning"]++
		refGitHubCommand(bw, "warning", o.githubPath(wn.File), wn.Line, 0, "sovlint", wn.Message)
	}
	githubOverflow(bw, shown)
	if !o.Quiet {
		fmt.Fprintln(bw, summaryLine(r))
	}
	return bw.Flush()
}

func refGitHubCommand(w io.Writer, command, file string, line, endLine int, title, msg string) {
	var props []string
	if file != "" {
		props = append(props, "file="+refGitHubProperty.Replace(file))
		if line > 0 {
			props = append(props, fmt.Sprintf("line=%d", line))
			if endLine > line {
				props = append(props, fmt.Sprintf("endLine=%d", endLine))
			}
		}
	}
	props = append(props, "title="+refGitHubProperty.Replace(title))
	fmt.Fprintf(w, "::%s %s::%s\n", command, strings.Join(props, ","), refGitHubData.Replace(msg))
}

var (
	refGitHubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	refGitHubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ReferenceText is the text format as the printer wrote it before it
// encoded on every core: the specification Text's findings must match byte
// for byte (the footer after them is one function for both).
func ReferenceText(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	c := palette(o.Color)
	// Findings group by resource: its root and address (two roots may
	// declare the same address).
	type key struct{ root, address string }
	byAddr := map[key][]finding.Finding{}
	var order []key
	for f := range r.Active() {
		k := key{f.Root, f.Address}
		if _, ok := byAddr[k]; !ok {
			order = append(order, k)
		}
		byAddr[k] = append(byAddr[k], *f)
	}
	fired := map[string]bool{}
	for _, k := range order {
		fs := byAddr[k]
		first := fs[0]
		fmt.Fprintf(bw, "%s\n", c.bold(finding.Qualified(k.root, k.address)))
		fmt.Fprintf(bw, "  %s\n", c.dim(strings.Join(context(first), " · ")))
		for _, f := range fs {
			fired[f.RuleID] = true
			fmt.Fprintf(bw, "  %s %s  %s\n", c.severity(f.Severity), f.RuleID, f.Message)
			if src := sourceLine(f); src != "" {
				fmt.Fprintf(bw, "          %s\n", c.dim(src))
			}
		}
		bw.WriteByte('\n')
	}
	writeTextFooter(bw, r, o, c, fired)
	return bw.Flush()
}

// ReferenceJUnit is the JUnit format as the printer wrote it before it
// encoded on every core (encoding/xml over the whole document): the
// specification JUnit must match byte for byte.
func ReferenceJUnit(w io.Writer, r *Report) error {
	r = r.forHumans()
	out := r.junitSuites()
	var scratch bytes.Buffer
	for i := range out.Suites {
		for j := range out.Suites[i].Cases {
			r.junitFill(&out.Suites[i].Cases[j], &scratch)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encoding JUnit XML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReferenceGitLab is the GitLab Code Quality format as encoding/json writes
// it from the issue types: the specification the hand-written printer must
// match byte for byte. It is the printer GitLab replaced.
func ReferenceGitLab(w io.Writer, r *Report, o Options) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(gitlabIssuesOf(r, o))
}

// ReferenceCompact is the compact format as the printer wrote it before it
// encoded on every core: the specification Compact must match byte for
// byte.
func ReferenceCompact(w io.Writer, r *Report) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		pos := f.Range.Filename
		if pos == "" {
			pos = stdinPath
		}
		if f.Range.Start.Line > 0 {
			pos += fmt.Sprintf(":%d", f.Range.Start.Line)
		}
		msg := f.Message
		if f.IsResource() {
			msg = f.Address + ": " + msg
		}
		msg = strings.Join(strings.Fields(msg), " ")
		fmt.Fprintf(bw, "%s: %s: %s [%s]\n", pos, f.Severity, msg, r.checkName(f.RuleID))
	}
	return bw.Flush()
}
