// Package report prints a scan's results: one printer per output format,
// all reading the same Report and all deterministic.
package report

import (
	"fmt"
	"io"
	"iter"
	"maps"
	"path/filepath"
	"slices"
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
	// Date is the day the scan checked qualifications against (YYYY-MM-DD):
	// today, or --as-of.
	Date string
	// Policy maps each classification level to the rule IDs it requires.
	Policy map[string][]string
	// Resources are every scanned resource, in scan order; nil when none.
	Resources ResourceList
	Findings  []finding.Finding // sorted, including suppressed ones
	// Rules document every rule findings may name, sorted by ID.
	Rules    []finding.RuleDoc
	Warnings []Warning
	// Roots are the root modules and plans the scan read, in scan order,
	// refused ones included.
	Roots []finding.Root
	// Errors are the problems that stopped a root module or plan from being
	// scanned, each naming its root: the other roots are still reported.
	Errors []finding.InputError
}

// ResourceList is the scanned resources as rows, made as they are read:
// the engine keeps its assessed resources until the report is printed, and
// a second copy of 300,000 rows beside them would cost a tenth of a
// scan's memory.
type ResourceList interface {
	Len() int
	At(i int) finding.Resource
}

// checkedList is a ResourceList that tells whether a row is checked (the
// policy requires rules of its classification) without making it: the
// summary counts them, and the landing table and JUnit read only those.
type checkedList interface {
	Checked(i int) bool
}

// Rows is a ResourceList held in memory.
type Rows []finding.Resource

// Checked reports whether row i is checked.
func (r Rows) Checked(i int) bool { return r[i].Checked }

// Len returns the number of rows.
func (r Rows) Len() int { return len(r) }

// At returns row i.
func (r Rows) At(i int) finding.Resource { return r[i] }

// ResourceCount is the number of scanned resources.
func (r *Report) ResourceCount() int {
	if r.Resources == nil {
		return 0
	}
	return r.Resources.Len()
}

// CheckedRows yields the rows of the resources the policy checks, in scan
// order.
func (r *Report) CheckedRows() iter.Seq[finding.Resource] {
	return func(yield func(finding.Resource) bool) {
		cl, _ := r.Resources.(checkedList)
		for i := range r.ResourceCount() {
			if cl != nil && !cl.Checked(i) {
				continue
			}
			if res := r.Resources.At(i); res.Checked && !yield(res) {
				return
			}
		}
	}
}

// checkedCount is the number of checked resources.
func (r *Report) checkedCount() int {
	cl, ok := r.Resources.(checkedList)
	if !ok {
		n := 0
		for range r.CheckedRows() {
			n++
		}
		return n
	}
	n := 0
	for i := range r.ResourceCount() {
		if cl.Checked(i) {
			n++
		}
	}
	return n
}

// ResourceRows yields every scanned resource's row, in scan order.
func (r *Report) ResourceRows() iter.Seq[finding.Resource] {
	return func(yield func(finding.Resource) bool) {
		for i := range r.ResourceCount() {
			if !yield(r.Resources.At(i)) {
				return
			}
		}
	}
}

// Warning is a problem with the scan that is not a finding: a remote module
// that was not scanned, a catalog that is getting old.
type Warning struct {
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitzero"`
}

// Options tune printers.
type Options struct {
	// Color turns on ANSI colors in the text output.
	Color bool
	// Quiet prints findings only: no summary, hints, remediation or
	// warnings in the text output, no summary line after annotations.
	Quiet bool
	// Root is the repository root, absolute. SARIF, GitHub annotations and
	// GitLab Code Quality give file paths relative to it, which is how
	// those systems find the files in the repository. "" keeps paths as
	// the report has them.
	Root string
	// WorkDir is the directory the report's relative paths are relative
	// to (the current directory), used with Root.
	WorkDir string
	// SARIFCategory names the analysis in SARIF's automationDetails.id, so
	// that code scanning keeps the results of two sovlint jobs on one
	// commit apart; "" is "sovlint".
	SARIFCategory string
	// ReportURL is where the complete report can be read, linked from a
	// Markdown summary that had to be cut.
	ReportURL string
}

// repoPath is name relative to o.Root, slash-separated, and whether it lies
// inside the root. Without a root, or for a file outside it, it is name as
// given, inside when relative.
func (o Options) repoPath(name string) (string, bool) {
	if name == "" || o.Root == "" {
		return name, name != "" && !filepath.IsAbs(name)
	}
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(o.WorkDir, name)
	}
	rel, err := filepath.Rel(o.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return abs, false
	}
	return filepath.ToSlash(rel), true
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
	"html":     HTML,
	"compact":  Compact,
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
	return slices.Sorted(maps.Keys(printers))
}

// Active yields the findings that count (not suppressed), in order, in
// place: printers walk them, and a copy of a large plan's findings was a
// copy of tens of megabytes, made several times by some printers.
func (r *Report) Active() iter.Seq[*finding.Finding] {
	return func(yield func(*finding.Finding) bool) {
		for i := range r.Findings {
			if f := &r.Findings[i]; f.Active() && !yield(f) {
				return
			}
		}
	}
}

// Summary counts what a report holds.
type Summary struct {
	Resources  int `json:"resources"`
	Sensitive  int `json:"sensitive"`
	Findings   int `json:"findings"`
	Suppressed int `json:"suppressed"`
	// Roots counts the root modules and plans read, RefusedRoots those of
	// them that could not be scanned.
	Roots        int            `json:"roots"`
	RefusedRoots int            `json:"refused_roots"`
	ByRule       map[string]int `json:"by_rule"`
	BySeverity   map[string]int `json:"by_severity"`
}

// Summarize counts resources, resources the policy checks, and active and
// suppressed findings.
func (r *Report) Summarize() Summary {
	s := Summary{Resources: r.ResourceCount(), Roots: len(r.Roots), ByRule: map[string]int{}, BySeverity: map[string]int{}}
	for _, root := range r.Roots {
		if root.Refused {
			s.RefusedRoots++
		}
	}
	s.Sensitive = r.checkedCount()
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

// multiRoot reports whether the report names roots: several of them, or a
// refused one. A single-root report prints as it did before roots existed.
func (s Summary) multiRoot() bool { return s.Roots > 1 || s.RefusedRoots > 0 }

// rootsPhrase says how many root modules were scanned and refused, for
// multi-root reports; "" otherwise. all is the phrase's format when every
// root was scanned (the count), some when some were refused (scanned,
// all, refused).
func (s Summary) rootsPhrase(all, some string) string {
	if !s.multiRoot() {
		return ""
	}
	scanned := s.Roots - s.RefusedRoots
	if s.RefusedRoots == 0 {
		return fmt.Sprintf(all, scanned)
	}
	return fmt.Sprintf(some, scanned, s.Roots, s.RefusedRoots)
}

// errorLine is an input error on one line: the root it stopped, then
// file:line:col: what is wrong.
func errorLine(e *finding.InputError) string {
	if finding.IsTop(e.Root) {
		return "not scanned: " + e.Error()
	}
	return e.Root + " not scanned: " + e.Error()
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
