// Package report prints a scan's results: one printer per output format,
// all reading the same Report and all deterministic.
package report

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// Report is everything a printer may show.
type Report struct {
	Tool        string   // "sovlint"
	Version     string   // sovlint's version
	Inputs      []string // the plans and directories scanned, as given
	CatalogAsOf string
	// Config is the configuration file the scan applied (.sovlint.hcl or
	// --config); "" when none. Every format says which, since a
	// configuration can disable rules.
	Config string
	// Resources are every scanned resource, in scan order.
	Resources []finding.Resource
	Findings  []finding.Finding // sorted, including suppressed ones
	// Rules document every rule findings may name, sorted by ID.
	Rules    []finding.RuleDoc
	Warnings []Warning
}

// Warning is a problem with the scan that is not a finding: a remote module
// that was not scanned, a catalog that is getting old.
type Warning struct {
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitzero"`
}

// Options tune printers that have a human audience.
type Options struct {
	Color bool
}

// Printer writes a report in one format.
type Printer func(w io.Writer, r *Report, o Options) error

var printers = map[string]Printer{
	"text":     Text,
	"json":     JSON,
	"sarif":    SARIF,
	"junit":    JUnit,
	"github":   GitHub,
	"gitlab":   GitLab,
	"markdown": Markdown,
}

// Lookup returns the printer for a format name.
func Lookup(format string) (Printer, error) {
	if p, ok := printers[format]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// Formats lists the format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(printers))
	for n := range printers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Active returns the findings that count (not suppressed).
func (r *Report) Active() []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Active() {
			out = append(out, f)
		}
	}
	return out
}

// Summary counts what a report holds.
type Summary struct {
	Resources  int            `json:"resources"`
	Sensitive  int            `json:"sensitive"`
	Findings   int            `json:"findings"`
	Suppressed int            `json:"suppressed"`
	ByRule     map[string]int `json:"by_rule"`
	BySeverity map[string]int `json:"by_severity"`
}

// Summarize counts resources, resources the policy checks, and active and
// suppressed findings.
func (r *Report) Summarize() Summary {
	s := Summary{Resources: len(r.Resources), ByRule: map[string]int{}, BySeverity: map[string]int{}}
	for i := range r.Resources {
		if r.Resources[i].Checked {
			s.Sensitive++
		}
	}
	for _, f := range r.Findings {
		if !f.Active() {
			s.Suppressed++
			continue
		}
		s.Findings++
		s.ByRule[f.RuleID]++
		s.BySeverity[f.Severity.String()]++
	}
	return s
}

// rule returns the documentation of the rule with the given ID, or nil.
func (r *Report) rule(id string) *finding.RuleDoc {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return &r.Rules[i]
		}
	}
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
