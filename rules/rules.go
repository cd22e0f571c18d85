package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sovlint/sovlint/analyzer"
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
	Severity map[string]Severity
}

// DefaultPolicy requires every rule of sensitive resources, and of resources
// whose classification cannot be determined (fail closed).
func DefaultPolicy(cat *providers.Catalog, now time.Time) Policy {
	var ids []string
	for _, r := range All {
		if r.Check != nil {
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

// Assessment is a resource with its catalog profile and the rules its
// classification requires.
type Assessment struct {
	Resource *analyzer.Resource
	Profile  *providers.Profile
	Required []string
}

// Evaluate profiles every resource and runs the rules its classification
// requires. Findings come back sorted. Resources are evaluated on every
// core; the findings of each chunk are put back in resource order before
// the (stable) sort, so the result does not depend on the split.
func Evaluate(resources []analyzer.Resource, pol Policy) ([]Assessment, []Finding) {
	out := make([]Assessment, len(resources))
	// Resources of one type in one region share a profile: a large plan has
	// thousands of resources and a few dozen distinct profiles.
	var profiles sync.Map // profileKey → *providers.Profile
	var cites citationCache
	type chunk struct {
		lo       int
		findings []Finding
	}
	var (
		mu     sync.Mutex
		chunks []chunk
	)
	analyzer.ParallelChunks(len(resources), func(lo, hi int) {
		// About one finding per two resources on the corpus plans; the
		// elements are large, so growing from nothing costs.
		findings := make([]Finding, 0, (hi-lo)*2/3)
		for i := lo; i < hi; i++ {
			out[i], findings = evaluate(&resources[i], pol, &profiles, &cites, findings)
		}
		mu.Lock()
		chunks = append(chunks, chunk{lo, findings})
		mu.Unlock()
	})
	slices.SortFunc(chunks, func(a, b chunk) int { return cmp.Compare(a.lo, b.lo) })
	n := 0
	for _, c := range chunks {
		n += len(c.findings)
	}
	findings := make([]Finding, 0, n)
	for _, c := range chunks {
		findings = append(findings, c.findings...)
	}
	SortFindings(findings)
	return out, findings
}

type profileKey struct {
	p        *providers.Provider
	variant  *providers.Variant
	region   *providers.Region
	typ      string
	resolved bool
}

// evaluate assesses one resource and appends its findings.
func evaluate(r *analyzer.Resource, pol Policy, profiles *sync.Map, cites *citationCache, findings []Finding) (Assessment, []Finding) {
	a := Assessment{Resource: r, Required: pol.Require[r.Classification.Level]}
	if r.Catalog != nil && !r.Catalog.Local {
		k := profileKey{r.Catalog, r.Variant, r.Region, r.Type, r.Location.Resolved()}
		pr, ok := profiles.Load(k)
		if !ok {
			p := r.Catalog.Profile(providers.ProfileQuery{
				ResourceType: r.Type,
				Variant:      r.Variant,
				Region:       r.Region,
				Resolved:     r.Location.Resolved(),
				Now:          pol.Now,
				Residency:    pol.Residency,
			})
			pr, _ = profiles.LoadOrStore(k, &p)
		}
		a.Profile = pr.(*providers.Profile) //nolint:errcheck,forcetypeassert // only *Profiles are stored
	}
	if len(a.Required) == 0 {
		return a, findings
	}
	s := &Subject{Resource: r, Profile: a.Profile, Now: pol.Now, Residency: pol.Residency}
	for _, rule := range All {
		if rule.Check == nil || !slices.Contains(a.Required, rule.ID) {
			continue
		}
		if failure := rule.Check(s); failure != nil {
			findings = append(findings, newFinding(rule, s, failure, pol, cites))
		}
	}
	return a, findings
}

func newFinding(rule *Rule, s *Subject, failure *Failure, pol Policy, cites *citationCache) Finding {
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
	f := Finding{
		RuleID:         rule.ID,
		Severity:       sev,
		Address:        r.Address,
		Message:        msg,
		Range:          r.Range,
		Provider:       r.Provider,
		ProviderConfig: r.ProviderConfig,
		Region:         r.Location.Region,
		Country:        r.Location.Country,
		Classification: r.Classification.Level,
	}
	if lr := r.Location.Source.Range; lr.Filename != "" && lr.Start.Line != r.Range.Start.Line {
		f.LocationRange = lr
	}
	for _, fact := range failure.Facts {
		f.Sources = append(f.Sources, cites.of(pol.Catalog, fact)...)
	}
	return f
}

// citationCache holds the citations of the catalog facts findings rest
// on: thousands of findings cite the same few facts.
type citationCache struct {
	m sync.Map // citationKey → []Citation
}

// citationKey names a fact's citations. Facts from the catalog share their
// Sources slice, so its first element's address stands for the list.
type citationKey struct {
	first          *string
	n              int
	asOf, verified string
}

// of returns a fact's citations; callers copy them.
func (c *citationCache) of(cat *providers.Catalog, f providers.Fact) []Citation {
	if len(f.Sources) == 0 {
		return nil
	}
	k := citationKey{&f.Sources[0], len(f.Sources), f.AsOf, f.Verified}
	if v, ok := c.m.Load(k); ok {
		return v.([]Citation) //nolint:errcheck,forcetypeassert // only []Citation is stored
	}
	v := citations(cat, f)
	c.m.Store(k, v)
	return v
}

func citations(cat *providers.Catalog, f providers.Fact) []Citation {
	out := make([]Citation, 0, len(f.Sources))
	for _, k := range f.Sources {
		if slices.ContainsFunc(out, func(c Citation) bool { return c.Key == k }) {
			continue
		}
		c := Citation{Key: k, AsOf: f.AsOf, Verified: f.Verified}
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
	case r.Location.Region == "":
		return ""
	case r.Location.Country != "":
		return fmt.Sprintf(" (region %s, %s)", r.Location.Region, r.Location.Country)
	}
	return fmt.Sprintf(" (region %s)", r.Location.Region)
}

// SortFindings orders findings by file, line, address and rule, so every
// output is deterministic.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(a.Range.Filename, b.Range.Filename),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			strings.Compare(a.Address, b.Address),
			strings.Compare(a.RuleID, b.RuleID),
			strings.Compare(a.Message, b.Message),
		)
	})
}
