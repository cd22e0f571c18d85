package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// Markdown prints a summary for pull-request comments and
// $GITHUB_STEP_SUMMARY: counts by rule and by provider and region, a
// Mermaid diagram of where the checked resources land, the findings, and
// the suppressed findings folded away.
func Markdown(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	cw := &countingWriter{w: w}
	bw := bufio.NewWriter(cw)
	// written is what has gone out so far, buffered or not.
	written := func() int { return cw.n + bw.Buffered() }
	s := r.Summarize()
	refused := ""
	if s.RefusedRoots > 0 {
		refused = fmt.Sprintf(", %d %s not scanned", s.RefusedRoots, plural(s.RefusedRoots, "root module", "root modules"))
	}
	if s.Findings == 0 {
		fmt.Fprintf(bw, "## sovlint: no findings%s\n\n", refused)
	} else {
		fmt.Fprintf(bw, "## sovlint: %d %s%s\n\n", s.Findings, plural(s.Findings, "finding", "findings"), refused)
	}
	fmt.Fprintf(bw, "%s\n\n", mdScanned(r, s))
	if hint := nothingChecked(r); hint != "" {
		fmt.Fprintf(bw, "> %s\n\n", strings.ReplaceAll(hint, "\n", " "))
	}

	if len(r.Errors) > 0 {
		fmt.Fprintf(bw, "### Not scanned\n\n")
		for i := range r.Errors {
			fmt.Fprintf(bw, "- %s\n", mdCell(errorLine(&r.Errors[i])))
		}
		fmt.Fprint(bw, "\n")
	}

	if s.Findings > 0 {
		severities := mdRuleSeverities(r)
		fmt.Fprintf(bw, "| Rule | Name | Severity | Findings |\n|---|---|---|--:|\n")
		for _, rule := range r.Rules {
			if n := s.ByRule[rule.ID]; n > 0 {
				fmt.Fprintf(bw, "| %s | %s | %s | %d |\n", rule.ID, rule.Name, strings.Join(severities[rule.ID], ", "), n)
			}
		}
		fmt.Fprint(bw, "\n")
	}

	places := landing(r)
	if len(places) > 0 {
		fmt.Fprintf(bw, "### Where checked resources land\n\n")
		fmt.Fprintf(bw, "| Provider | Region | Country | Resources | Compliant | Waived | Non-compliant | Findings |\n|---|---|---|--:|--:|--:|--:|--:|\n")
		for _, p := range places {
			fmt.Fprintf(bw, "| %s | %s | %s | %d | %d | %d | %d | %d |\n", mdCell(p.provider), mdCell(p.regionLabel()), mdCell(p.country),
				p.total(), p.verdicts[verdictCompliant], p.verdicts[verdictWaived], p.verdicts[verdictNonCompliant], p.findings)
		}
		fmt.Fprint(bw, "\n")
		writeMermaid(bw, places)
	}

	if active := s.Findings; active > 0 {
		fold := active > mdFoldFindings
		if fold {
			fmt.Fprintf(bw, "<details><summary>%d findings</summary>\n\n", active)
		} else {
			fmt.Fprintf(bw, "### Findings\n\n")
		}
		fmt.Fprintf(bw, "| Severity | Rule | Resource | File | Lands on | Message |\n|---|---|---|---|---|---|\n")
		shown := 0
		for f := range r.Active() {
			if written() > mdBudget {
				break
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", f.Severity, r.mdRule(f.RuleID), mdCode(finding.Qualified(f.Root, f.Address)),
				mdCell(position(f.Range.Filename, f.Range.Start.Line)), mdCell(mdPlace(f)), mdCell(f.Message))
			shown++
		}
		fmt.Fprint(bw, "\n")
		mdCut(bw, active-shown, "findings", o.ReportURL)
		if fold {
			fmt.Fprint(bw, "</details>\n\n")
		}
	}

	if s.Suppressed > 0 {
		fmt.Fprintf(bw, "<details><summary>%d suppressed %s</summary>\n\n", s.Suppressed, plural(s.Suppressed, "finding", "findings"))
		fmt.Fprintf(bw, "| Rule | Resource | Suppressed by | Reason | Expires | Owner |\n|---|---|---|---|---|---|\n")
		shown := 0
		for i := range r.Findings {
			f := &r.Findings[i]
			if sup := f.Suppression; sup != nil && written() <= mdBudget {
				by := sup.Kind
				if pos := position(sup.Range.Filename, sup.Range.Start.Line); pos != "" {
					by += " (" + pos + ")"
				}
				fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", r.mdRule(f.RuleID), mdCode(finding.Qualified(f.Root, f.Address)), mdCell(by), mdCell(sup.Reason), mdCell(sup.Expires), mdCell(sup.Owner))
				shown++
			}
		}
		if shown < s.Suppressed {
			fmt.Fprint(bw, "\n")
			mdCut(bw, s.Suppressed-shown, "suppressed findings", o.ReportURL)
		}
		fmt.Fprint(bw, "\n</details>\n\n")
	}

	if len(r.Warnings) > 0 {
		fmt.Fprintf(bw, "### Warnings\n\n")
		for _, wn := range r.Warnings {
			loc := ""
			if pos := position(wn.File, wn.Line); pos != "" {
				loc = mdCell(pos) + ": "
			}
			fmt.Fprintf(bw, "- %s%s\n", loc, mdCell(wn.Message))
		}
		fmt.Fprint(bw, "\n")
	}
	if s.Findings > 0 {
		fmt.Fprintf(bw, "Run `sovlint explain RULE` for a rule's rationale and remediation.\n")
	}
	return bw.Flush()
}

func mdScanned(r *Report, s Summary) string {
	inputs := make([]string, len(r.Inputs))
	for i, in := range r.Inputs {
		inputs[i] = mdCode(in)
	}
	line := fmt.Sprintf("%d %s scanned in %s%s, %d checked against the policy", s.Resources, plural(s.Resources, "resource", "resources"), strings.Join(inputs, ", "), s.rootsPhrase(" (%d root modules)", " (%d of %d root modules, %d not scanned)"), s.Sensitive)
	if s.Findings > 0 {
		var sev []string
		for _, k := range []string{"error", "warning", "notice"} {
			if n := s.BySeverity[k]; n > 0 {
				sev = append(sev, fmt.Sprintf("%d %s", n, plural(n, k, k+"s")))
			}
		}
		line += "; " + strings.Join(sev, ", ")
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf("; %d suppressed", s.Suppressed)
	}
	if r.CatalogAsOf != "" {
		line += fmt.Sprintf(". Catalog as of %s.", mdCell(r.CatalogAsOf))
	} else {
		line += "."
	}
	if r.Config != "" {
		line += " Configuration " + mdCode(r.Config) + "."
	}
	return line
}

// mdRuleSeverities lists, by rule, the severities its active findings have
// (several when a config overrides some), in the order they come.
func mdRuleSeverities(r *Report) map[string][]string {
	out := map[string][]string{}
	for f := range r.Active() {
		if sev := f.Severity.String(); !slices.Contains(out[f.RuleID], sev) {
			out[f.RuleID] = append(out[f.RuleID], sev)
		}
	}
	return out
}

func (r *Report) mdRule(id string) string {
	if rule := r.rule(id); rule != nil {
		return fmt.Sprintf("[%s](%s)", rule.ID, rule.URL)
	}
	return mdCell(id)
}

// mdPlace is a finding's provider, region and country.
func mdPlace(f *finding.Finding) string {
	if !f.IsResource() {
		return ""
	}
	parts := []string{f.Provider}
	switch {
	case f.Region != "" && f.Country != "":
		parts = append(parts, f.Region+" ("+f.Country+")")
	case f.Region != "":
		parts = append(parts, f.Region)
	default:
		parts = append(parts, "location unresolved")
	}
	return strings.Join(parts, " · ")
}

// mdCell escapes text for a Markdown table cell or list item: the pipe that
// ends a cell, the characters that start emphasis, links, code or HTML, and
// line breaks.
func mdCell(s string) string {
	return mdCellEscapes.Replace(s)
}

// mdCellEscapes is built once: building a Replacer took longer than using
// it, and a summary escapes thousands of cells.
var mdCellEscapes = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"~", `\~`, "#", `\#`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// mdCode puts text in a code span; only the pipe needs escaping there
// (GitHub splits table cells before it parses code spans).
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "`\r\n") {
		return mdCell(s)
	}
	return "`" + strings.ReplaceAll(s, "|", `\|`) + "`"
}

// GitHub refuses a job summary over 1 MiB (it showed nothing for a scan
// with about 1,500 findings): the tables stop at mdBudget bytes, which
// leaves room for what follows them, and say what they left out.
const mdBudget = 768 << 10

// mdFoldFindings is how many findings are shown unfolded; more go in a
// <details> block, so that the summary's counts stay at the top.
const mdFoldFindings = 50

// mdCut says how many rows a table left out and where they are.
func mdCut(w io.Writer, n int, what, url string) {
	if n <= 0 {
		return
	}
	where := "the SARIF, JSON or text report (sovlint scan --format)"
	if url != "" {
		where = "[the full report](" + url + ")"
	}
	fmt.Fprintf(w, "%d more %s are not listed here, to keep this summary under GitHub's 1 MiB limit: see %s.\n\n", n, what, where)
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}
