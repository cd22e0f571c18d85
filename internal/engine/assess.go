package engine

import (
	"cmp"
	"slices"
	"sync"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/par"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// Evaluate assesses every resource (profiles it, and the places it
// replicates to, against the catalog, once) and checks the rules its
// classification requires. Findings come back sorted. Resources are
// evaluated on every core; the findings of each chunk are put back in
// resource order before the (stable) sort, so the result does not depend on
// the split.
func Evaluate(resources []analyzer.Resource, pol rules.Policy) ([]rules.Subject, []finding.Finding) {
	out := make([]rules.Subject, len(resources))
	as := &assessor{pol: pol, certs: pol.CertificationUnion()}
	ck := rules.NewChecker(pol)
	type chunk struct {
		lo       int
		findings []finding.Finding
	}
	var (
		mu     sync.Mutex
		chunks []chunk
	)
	par.Chunks(len(resources), func(lo, hi int) {
		// About one finding per two resources on the corpus plans; the
		// elements are large, so growing from nothing costs.
		findings := make([]finding.Finding, 0, (hi-lo)*2/3)
		for i := lo; i < hi; i++ {
			out[i] = as.assess(&resources[i])
			findings = ck.Check(&out[i], findings)
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
	findings := make([]finding.Finding, 0, n)
	for _, c := range chunks {
		findings = append(findings, c.findings...)
	}
	finding.Sort(findings)
	return out, findings
}

// assessor profiles resources against the catalog. Resources of one type
// in one region share a profile: a large plan has thousands of resources
// and a few dozen distinct profiles.
type assessor struct {
	pol rules.Policy
	// certs are the certifications any level requires: every profile
	// answers for all of them, so that profiles stay shared across levels.
	certs    []providers.Requirement
	profiles sync.Map // profileKey → *providers.Profile
}

type profileKey struct {
	p        *providers.Provider
	variant  *providers.Variant
	region   *providers.Region
	typ      string
	resolved bool
}

func (as *assessor) assess(r *analyzer.Resource) rules.Subject {
	s := rules.Subject{
		Resource:       r,
		Required:       as.pol.Require[r.Classification.Level],
		Certifications: as.pol.Certifications[r.Classification.Level],
	}
	if r.Catalog == nil || r.Catalog.Local {
		return s
	}
	s.Profile = as.profile(r.Catalog, r.Variant, r.Region, r.Type, r.Location.Resolved())
	if len(s.Required) == 0 || len(r.Replicas) == 0 {
		return s
	}
	s.Replicas = make([]*providers.Profile, len(r.Replicas))
	for i, rep := range r.Replicas {
		if rep.Unresolved == "" && rep.Known != nil {
			s.Replicas[i] = as.profile(r.Catalog, rep.Variant, rep.Known, r.Type, true)
		}
	}
	return s
}

func (as *assessor) profile(p *providers.Provider, v *providers.Variant, region *providers.Region, typ string, resolved bool) *providers.Profile {
	k := profileKey{p, v, region, typ, resolved}
	if pr, ok := as.profiles.Load(k); ok {
		return pr.(*providers.Profile) //nolint:errcheck,forcetypeassert // only *Profiles are stored
	}
	pr := p.Profile(providers.ProfileQuery{
		ResourceType:   typ,
		Variant:        v,
		Region:         region,
		Resolved:       resolved,
		Now:            as.pol.Now,
		Residency:      as.pol.Residency,
		Certifications: as.certs,
	})
	stored, _ := as.profiles.LoadOrStore(k, &pr)
	return stored.(*providers.Profile) //nolint:errcheck,forcetypeassert // only *Profiles are stored
}
