// Package rules holds sovlint's sovereignty rules: small values with an ID,
// a severity and documentation, each checking one requirement on resources
// the analyzer has already resolved.
package rules

import (
	"embed"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/providers"
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

// Rule is one sovereignty requirement.
type Rule struct {
	ID          string // stable, never reused: SOV001
	Name        string // kebab-case slug: not-secnumcloud
	Summary     string // one line, lowercase, no trailing period
	Severity    Severity
	Remediation string // one line: how to fix a finding
	// Check returns a Failure when the subject fails the rule, nil when it
	// passes. It reads only the resolved resource and its profile.
	Check func(s *Subject) *Failure
}

// Failure is why a subject fails a rule, and the catalog facts that say so.
type Failure struct {
	Message string // lowercase, no trailing period, no attribute values but location and classification
	Facts   []providers.Fact
}

func fail(msg string, facts ...providers.Fact) *Failure {
	return &Failure{Message: msg, Facts: facts}
}

// Subject is what a rule looks at: a resolved resource and what the catalog
// says about where it lands.
type Subject struct {
	Resource *analyzer.Resource
	Profile  *providers.Profile // nil for unknown and local providers
	// Now and Residency let rules profile other places the resource
	// reaches (SOV006 replicas) under the same policy.
	Now       time.Time
	Residency providers.ResidencyPolicy
}

// URL is where the rule's documentation lives.
func (r *Rule) URL() string {
	return "https://github.com/sovlint/sovlint/blob/main/rules/docs/" + r.ID + ".md"
}

//go:embed docs/*.md
var docs embed.FS

// Doc returns the rule's full documentation (Markdown).
func (r *Rule) Doc() string {
	b, err := docs.ReadFile("docs/" + r.ID + ".md")
	if err != nil {
		return ""
	}
	return string(b)
}

// Finding is one rule failing on one resource, or a problem sovlint reports
// about the scan itself (an unused or expired suppression).
type Finding struct {
	RuleID   string
	Severity Severity
	Address  string
	Message  string

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
