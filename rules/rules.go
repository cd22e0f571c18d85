package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// All is every rule, sorted by ID. Registration is this list, never init().
var All = []*Rule{
	SuppressionRule,
	NotSecNumCloud,
	ExtraterritorialLaw,
	OutsideEU,
	UnresolvedLocation,
	UnknownProvider,
	ReplicationEgress,
	MissingCertification,
}

// ByID returns the rule with the given ID or name, or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if strings.EqualFold(r.ID, id) || r.Name == id {
			return r
		}
	}
	return nil
}

// Policy says which rules each classification level requires, and the
// facts rules are evaluated against.
type Policy struct {
	Catalog *providers.Catalog
	// Require maps a classification level ("sensitive", "unknown") to the
	// IDs of the rules that resources of that level must pass.
	Require   map[string][]string
	Residency providers.ResidencyPolicy
	// Now is the date qualifications are checked against.
	Now time.Time
	// Severity overrides rules' default severities by rule ID.
	Severity map[string]finding.Severity
	// Certifications maps a classification level to the certifications
	// its resources must hold (SecNumCloud through SOV001, the other
	// schemes through SOV007).
	Certifications map[string][]providers.Requirement
}

// CertificationUnion returns every certification some level requires, in
// a stable order: resources are profiled against all of them once.
func (p *Policy) CertificationUnion() []providers.Requirement {
	var out []providers.Requirement
	for _, level := range slices.Sorted(maps.Keys(p.Certifications)) {
		for _, req := range p.Certifications[level] {
			if !slices.Contains(out, req) {
				out = append(out, req)
			}
		}
	}
	return out
}

// ChecksCertifications reports whether some level requires SOV007: only
// then do reports list each resource's certifications.
func (p *Policy) ChecksCertifications() bool {
	for _, ids := range p.Require {
		if slices.Contains(ids, MissingCertification.ID) {
			return true
		}
	}
	return false
}

// DefaultPolicy requires every rule of sensitive resources, and of resources
// whose classification cannot be determined (fail closed).
func DefaultPolicy(cat *providers.Catalog, now time.Time) Policy {
	var ids []string
	for _, r := range All {
		// SOV007 is required where a policy names certifications, and the
		// default names none (SecNumCloud is SOV001's).
		if r.Check != nil && r != MissingCertification {
			ids = append(ids, r.ID)
		}
	}
	return Policy{
		Catalog:   cat,
		Require:   map[string][]string{"sensitive": ids, "unknown": ids},
		Residency: cat.EUResidency(),
		Now:       now,
	}
}

// Checker runs the rules a subject's classification requires. One checker
// serves a whole scan, on every core: it caches the citations of the
// catalog facts findings rest on, which thousands of findings share.
type Checker struct {
	pol   Policy
	cites citationCache
}

// NewChecker returns a checker for a policy.
func NewChecker(pol Policy) *Checker { return &Checker{pol: pol} }

// Required returns the IDs of the rules a classification level requires.
func (c *Checker) Required(level string) []string { return c.pol.Require[level] }

// Check appends to findings those of the rules s.Required names that s
// fails, in rule order.
func (c *Checker) Check(s *Subject, findings []finding.Finding) []finding.Finding {
	c.Failures(s, func(rule *Rule, failure *Failure) {
		findings = append(findings, c.Finding(rule, s, failure))
	})
	return findings
}

// Failures calls fail for each of the rules s.Required names that s
// fails, in rule order: Check without making the findings, for a caller
// that makes them later, once it knows how many there are.
func (c *Checker) Failures(s *Subject, fail func(*Rule, *Failure)) {
	if len(s.Required) == 0 {
		return
	}
	for _, rule := range All {
		if rule.Check == nil || !slices.Contains(s.Required, rule.ID) {
			continue
		}
		if failure := rule.Check(s); failure != nil {
			fail(rule, failure)
		}
	}
}

// Finding is the finding of a rule s fails.
func (c *Checker) Finding(rule *Rule, s *Subject, failure *Failure) finding.Finding {
	return newFinding(rule, s, failure, c.pol, &c.cites)
}

func newFinding(rule *Rule, s *Subject, failure *Failure, pol Policy, cites *citationCache) finding.Finding {
	msg := failure.Message
	r := s.Resource
	sev := rule.Severity
	if o, ok := pol.Severity[rule.ID]; ok {
		sev = o
	}
	if r.Classification.Level == "unknown" {
		why := r.Classification.Unknown
		if why == "" { // a tag written "unknown", not a value sovlint could not read
			why = fmt.Sprintf("tag %q says so", r.Classification.Key)
		}
		msg += fmt.Sprintf("; classification unknown (%s), treated as sensitive", why)
	}
	f := finding.Finding{
		RuleID:         rule.ID,
		Severity:       sev,
		Address:        r.Address,
		Message:        msg,
		Range:          r.Range.HCL(),
		Provider:       r.Provider,
		ProviderConfig: r.ProviderConfig,
		Region:         r.Location.Region,
		Country:        r.Location.Country,
		Classification: r.Classification.Level,
	}
	if lr := r.Location.Source.Range; lr.Filename != "" && lr.Start.Line != r.Range.Start.Line {
		f.LocationRange = lr.HCL()
	}
	switch len(failure.Facts) {
	case 0:
	case 1:
		// Findings share their citations: a plan's thousands of findings
		// cite the same few facts.
		f.Sources = cites.of(pol.Catalog, failure.Facts[0])
	default:
		for _, fact := range failure.Facts {
			f.Sources = append(f.Sources, cites.of(pol.Catalog, fact)...)
		}
	}
	f.Message = cites.message(f.Message)
	return f
}

// citationCache holds the citations of the catalog facts findings rest
// on: thousands of findings cite the same few facts.
type citationCache struct {
	m sync.Map // citationKey → []finding.Citation
	// messages interns findings' messages, which are made anew for each
	// finding and are a few dozen distinct texts over a whole plan.
	messages sync.Map // string → string
	interned atomic.Int64
}

// maxMessages bounds the messages a scan interns.
const maxMessages = 1 << 16

// message returns the interned copy of a message.
func (c *citationCache) message(msg string) string {
	if v, ok := c.messages.Load(msg); ok {
		return v.(string) //nolint:errcheck,forcetypeassert // only strings are stored
	}
	if c.interned.Add(1) <= maxMessages {
		c.messages.Store(msg, msg)
	}
	return msg
}

// citationKey names a fact's citations. Facts from the catalog share their
// Sources slice, so its first element's address stands for the list.
type citationKey struct {
	first          *string
	n              int
	asOf, verified string
}

// of returns a fact's citations, which findings share: callers must not
// change them.
func (c *citationCache) of(cat *providers.Catalog, f providers.Fact) []finding.Citation {
	if len(f.Sources) == 0 {
		return nil
	}
	k := citationKey{&f.Sources[0], len(f.Sources), f.AsOf, f.Verified}
	if v, ok := c.m.Load(k); ok {
		return v.([]finding.Citation) //nolint:errcheck,forcetypeassert // only []finding.Citation is stored
	}
	v := citations(cat, f)
	v = slices.Clip(v) // an append copies them
	c.m.Store(k, v)
	return v
}

func citations(cat *providers.Catalog, f providers.Fact) []finding.Citation {
	out := make([]finding.Citation, 0, len(f.Sources))
	for _, k := range f.Sources {
		if slices.ContainsFunc(out, func(c finding.Citation) bool { return c.Key == k }) {
			continue
		}
		c := finding.Citation{Key: k, AsOf: f.AsOf, Verified: f.Verified}
		if cat != nil {
			c.Ref = cat.Sources[k].Citation()
		}
		out = append(out, c)
	}
	return out
}

// where describes a resource's location for messages.
func where(s *Subject) string {
	r := s.Resource
	switch {
	case r.Location.Global:
		return ""
	case len(r.Location.Candidates) > 0 && r.Location.Country != "":
		return fmt.Sprintf(" (one of regions %s, %s)", strings.ReplaceAll(r.Location.Key(), "|", ", "), r.Location.Country)
	case len(r.Location.Candidates) > 0:
		return fmt.Sprintf(" (one of regions %s)", strings.ReplaceAll(r.Location.Key(), "|", ", "))
	case r.Location.Region == "":
		return ""
	case r.Location.Country != "":
		return fmt.Sprintf(" (region %s, %s)", r.Location.Region, r.Location.Country)
	}
	return fmt.Sprintf(" (region %s)", r.Location.Region)
}
