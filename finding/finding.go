// Package finding is the vocabulary every stage of a scan speaks: findings,
// their severities and citations, the flat resource rows printers show, the
// rules' documentation, and input errors. It imports nothing of the
// pipeline, so every stage may import it.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Severity is how serious a finding is. The zero value is invalid so that a
// rule without one fails the registry test.
type Severity int

// Severities, from least to most serious.
const (
	SeverityInvalid Severity = iota
	SeverityNotice
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityNotice:
		return "notice"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	case SeverityInvalid:
	}
	return "invalid"
}

// ParseSeverity reads "notice", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "notice", "note", "info":
		return SeverityNotice, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityInvalid, fmt.Errorf("unknown severity %q (want notice, warning or error)", s)
}

// SuppressionRuleID is the rule sovlint reports its own suppression
// problems under: its findings are about a waiver, not a resource.
const SuppressionRuleID = "SOV000"

// Finding is one rule failing on one resource, or a problem sovlint reports
// about the scan itself (an unused or expired suppression).
type Finding struct {
	RuleID   string
	Severity Severity
	Address  string
	// Root is the root module or plan the resource belongs to (Root.Name);
	// "" for a finding about the configuration file.
	Root    string
	Message string

	// Where the resource is declared; Filename only (no line) for a plan
	// finding without sources.
	Range hcl.Range
	// Where its location was set, when that is a different line.
	LocationRange hcl.Range

	// Evidence: the resolved facts the finding rests on. These are the only
	// attribute values any output prints.
	Provider       string
	ProviderConfig string
	Region         string
	Country        string
	Classification string
	Sources        []Citation

	Suppression *Suppression
}

// Citation is a catalog source behind a finding.
type Citation struct {
	Key      string `json:"key"`
	Ref      string `json:"ref"` // URL, repo@commit:path, or title
	AsOf     string `json:"as_of"`
	Verified string `json:"verified"`
}

// Suppression records why a finding does not count.
type Suppression struct {
	Kind    string // inline | config | baseline
	Reason  string
	Expires string
	Owner   string
	Range   hcl.Range // where the suppression is written
}

// Suppression kinds.
const (
	SuppressedInline   = "inline"
	SuppressedConfig   = "config"
	SuppressedBaseline = "baseline"
)

// Active reports whether the finding counts towards the exit status.
func (f *Finding) Active() bool { return f.Suppression == nil }

// IsResource reports whether a finding is about a resource (its Address is
// a Terraform address) rather than about a suppression (SOV000, whose
// Address describes the waiver).
func (f *Finding) IsResource() bool { return f.RuleID != SuppressionRuleID }

// Sort orders findings by root, file, line, address and rule, so every
// output is deterministic. The top root and no root sort together, so a
// single-root scan keeps the order of file and line.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(sortRoot(a.Root), sortRoot(b.Root)),
			strings.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			strings.Compare(a.Address, b.Address),
			strings.Compare(a.RuleID, b.RuleID),
			strings.Compare(a.Message, b.Message),
		)
	})
}

func sortRoot(root string) string {
	if IsTop(root) {
		return ""
	}
	return root
}
