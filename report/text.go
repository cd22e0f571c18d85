package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// Text prints findings grouped by resource, then how to fix each rule that
// fired and a one-line summary. Color only when Options.Color says so. A
// large plan's groups (megabytes) are encoded on every core.
func Text(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	c := palette(o.Color)
	// Findings group by resource: its root and address (two roots may
	// declare the same address). Groups hold indexes into r.Findings.
	type key struct{ root, address string }
	group := map[key]int{}
	var groups [][]int
	fired := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		fired[f.RuleID] = true
		k := key{f.Root, f.Address}
		g, ok := group[k]
		if !ok {
			g = len(groups)
			group[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	var cw chunkWriter
	err := cw.write(bw, len(groups), func(b []byte, lo, hi int) ([]byte, error) {
		for _, g := range groups[lo:hi] {
			b = appendTextGroup(b, c, r.Findings, g)
		}
		return b, nil
	})
	if err != nil {
		return err
	}
	writeTextFooter(bw, r, o, c, fired)
	return bw.Flush()
}

// writeTextFooter writes what follows the findings, unless quiet: how to
// fix each rule that fired, refused roots, warnings, the summary line and,
// when nothing was checked, why.
func writeTextFooter(bw *bufio.Writer, r *Report, o Options, c colors, fired map[string]bool) {
	if o.Quiet {
		return
	}
	if len(fired) > 0 {
		fmt.Fprintf(bw, "%s\n", c.bold("How to fix"))
		for _, rule := range r.Rules {
			if fired[rule.ID] {
				fmt.Fprintf(bw, "  %s %s: %s\n", rule.ID, rule.Name, rule.Remediation)
			}
		}
		fmt.Fprintf(bw, "  %s\n\n", c.dim("sovlint explain RULE prints a rule's rationale"))
	}
	for i := range r.Errors {
		fmt.Fprintf(bw, "%s %s\n", c.wrap("31", "error:"), errorLine(&r.Errors[i]))
	}
	for _, wn := range r.Warnings {
		loc := ""
		if wn.File != "" {
			loc = wn.File
			if wn.Line > 0 {
				loc += fmt.Sprintf(":%d", wn.Line)
			}
			loc += ": "
		}
		fmt.Fprintf(bw, "%s %s%s\n", c.warn("warning:"), loc, wn.Message)
	}
	fmt.Fprintln(bw, summaryLine(r))
	if hint := nothingChecked(r); hint != "" {
		fmt.Fprintf(bw, "\n%s\n", hint)
	}
}

// appendTextGroup appends a resource's findings (indexes into findings):
// its address, the context of the first, then a line each, with sources.
func appendTextGroup(b []byte, c colors, findings []finding.Finding, group []int) []byte {
	first := &findings[group[0]]
	b = fmt.Appendf(b, "%s\n", c.bold(finding.Qualified(first.Root, first.Address)))
	b = fmt.Appendf(b, "  %s\n", c.dim(strings.Join(context(*first), " · ")))
	for _, i := range group {
		f := &findings[i]
		b = fmt.Appendf(b, "  %s %s  %s\n", c.severity(f.Severity), f.RuleID, f.Message)
		if src := sourceLine(*f); src != "" {
			b = fmt.Appendf(b, "          %s\n", c.dim(src))
		}
	}
	return append(b, '\n')
}

// nothingChecked explains a scan that found resources but checked none of
// them, which a first run on untagged code does: it is not a pass, and
// the user needs to know how to classify. "" when something was checked.
func nothingChecked(r *Report) string {
	if s := r.Summarize(); s.Resources == 0 || s.Sensitive > 0 {
		return ""
	}
	return "Nothing was checked: no resource is classified as sensitive. sovlint checks a resource when one of its\n" +
		"tags has a classification key (DataClassification, classification, DataSensitivity, sensitivity,\n" +
		"confidentiality, or those policy.classification_keys sets) with a sensitive value (sensitive,\n" +
		"secret, restricted, diffusion-restreinte... or a policy level's values). Tag the resources that hold\n" +
		"sensitive data, or classify everything a provider creates through its default_tags (AWS) or\n" +
		"default_labels (Google). `sovlint init` writes a .sovlint.hcl that shows these settings."
}

// context is the resource's position and resolved location, for the line
// under its address.
func context(f finding.Finding) []string {
	var parts []string
	switch {
	case f.Range.Filename != "" && f.Range.Start.Line > 0:
		parts = append(parts, fmt.Sprintf("%s:%d", f.Range.Filename, f.Range.Start.Line))
	case f.Range.Filename != "":
		parts = append(parts, f.Range.Filename)
	}
	prov := f.Provider
	if f.ProviderConfig != "" {
		prov += " (" + f.ProviderConfig + ")"
	}
	parts = append(parts, prov)
	switch {
	case f.Region != "" && f.Country != "":
		parts = append(parts, fmt.Sprintf("%s, %s", f.Region, f.Country))
	case f.Region != "":
		parts = append(parts, f.Region)
	default:
		parts = append(parts, "location unresolved")
	}
	if f.LocationRange.Filename != "" {
		parts = append(parts, fmt.Sprintf("location set at %s:%d", f.LocationRange.Filename, f.LocationRange.Start.Line))
	}
	if f.Classification != "" {
		parts = append(parts, f.Classification)
	}
	return parts
}

func sourceLine(f finding.Finding) string {
	if len(f.Sources) == 0 {
		return ""
	}
	keys := make([]string, len(f.Sources))
	for i, s := range f.Sources {
		keys[i] = s.Key
	}
	// Keys keep the line short; `sovlint providers --format json` maps them
	// to titles and URLs.
	s := f.Sources[0]
	return fmt.Sprintf("source: %s (as of %s, %s)", strings.Join(keys, ", "), s.AsOf, s.Verified)
}

func summaryLine(r *Report) string {
	s := r.Summarize()
	inputs := strings.Join(r.Inputs, ", ")
	if r.Config != "" {
		inputs += "; configuration " + r.Config
	}
	scanned := fmt.Sprintf("%d %s scanned%s, %d checked against the policy", s.Resources, plural(s.Resources, "resource", "resources"), s.rootsPhrase(" in %d root modules", " in %d of %d root modules (%d refused)"), s.Sensitive)
	suppressed := ""
	if s.Suppressed > 0 {
		suppressed = fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if s.Findings == 0 {
		return fmt.Sprintf("No findings: %s%s (%s)", scanned, suppressed, inputs)
	}
	var sev []string
	for _, k := range []string{"error", "warning", "notice"} {
		if n := s.BySeverity[k]; n > 0 {
			sev = append(sev, fmt.Sprintf("%d %s", n, plural(n, k, k+"s")))
		}
	}
	return fmt.Sprintf("%d %s (%s)%s: %s (%s)", s.Findings, plural(s.Findings, "finding", "findings"), strings.Join(sev, ", "), suppressed, scanned, inputs)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type colors bool

func palette(on bool) colors { return colors(on) }

func (c colors) wrap(code, s string) string {
	if !c {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (c colors) bold(s string) string { return c.wrap("1", s) }
func (c colors) dim(s string) string  { return c.wrap("2", s) }
func (c colors) warn(s string) string { return c.wrap("33", s) }

func (c colors) severity(s finding.Severity) string {
	label := fmt.Sprintf("%-7s", s.String())
	switch s {
	case finding.SeverityError:
		return c.wrap("31", label)
	case finding.SeverityWarning:
		return c.wrap("33", label)
	case finding.SeverityNotice, finding.SeverityInvalid:
	}
	return c.wrap("36", label)
}
