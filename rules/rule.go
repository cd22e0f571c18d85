// Package rules holds sovlint's sovereignty rules: small values with an ID,
// a severity and documentation, each checking one requirement on resources
// the analyzer has already resolved.
package rules

import (
	"embed"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/version"
	"github.com/sovlint/sovlint/providers"
)

// Rule is one sovereignty requirement.
type Rule struct {
	ID          string // stable, never reused: SOV001
	Name        string // kebab-case slug: not-secnumcloud
	Summary     string // one line, lowercase, no trailing period
	Severity    finding.Severity
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

// Subject is what a rule looks at: a resolved resource, what the catalog
// says about where it lands, and the rules its classification requires.
// The engine's assess stage builds it, once per resource.
type Subject struct {
	Resource *analyzer.Resource
	Profile  *providers.Profile // nil for unknown and local providers
	// Replicas are the profiles of the places Resource.Replicas copy its
	// data to, index for index; nil where a destination is unresolved or
	// not in the catalog.
	Replicas []*providers.Profile
	Required []string // rule IDs
	// Certifications are the certifications the resource's
	// classification requires.
	Certifications []providers.Requirement
	// Undecided says why the verdicts cannot be given when the resource is
	// in one of several regions and they disagree (SOV004).
	Undecided string
}

// URL is where the rule's documentation lives: at the release's tag for a
// release, so that a report links to the text of the rule that produced
// it; on main for a development build.
func (r *Rule) URL() string {
	return docURL(version.Tag(), r.ID)
}

func docURL(tag, id string) string {
	if tag == "" {
		tag = "main"
	}
	return "https://github.com/sovlint/sovlint/blob/" + tag + "/rules/docs/" + id + ".md"
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

// Docs returns every rule's documentation as printers see it, sorted by ID.
func Docs() []finding.RuleDoc {
	out := make([]finding.RuleDoc, 0, len(All))
	for _, r := range All {
		out = append(out, finding.RuleDoc{
			ID: r.ID, Name: r.Name, Summary: r.Summary, Severity: r.Severity,
			Remediation: r.Remediation, URL: r.URL(), Doc: r.Doc(),
		})
	}
	return out
}
