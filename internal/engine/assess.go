package engine

import (
	"fmt"
	"slices"
	"strings"
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
// evaluated on every core, each run of subjects noting its failures; the
// findings are then made in place, in resource order before the (stable)
// sort, so the result does not depend on the split, and a large plan's
// findings are allocated once rather than per chunk and copied.
func Evaluate(resources []analyzer.Resource, pol rules.Policy) ([]rules.Subject, []finding.Finding) {
	subjects, findings := newEvaluator(pol).evaluate(resources)
	return subjects.flat(), findings
}

// evaluator assesses and checks the resources of every root a scan reads:
// one assessor and one checker, so that roots share profiles, citations
// and messages (a monorepo's thousands of roots each made their own
// profile of every resource, a quarter of what such a scan kept).
type evaluator struct {
	as *assessor
	ck *rules.Checker
}

func newEvaluator(pol rules.Policy) *evaluator {
	return &evaluator{as: &assessor{pol: pol, certs: pol.CertificationUnion()}, ck: rules.NewChecker(pol)}
}

// evaluate is Evaluate, keeping the subjects in runs.
func (ev *evaluator) evaluate(resources []analyzer.Resource) (subjectList, []finding.Finding) {
	out := newSubjects(len(resources))
	as, ck := ev.as, ev.ck
	type failed struct {
		subject int
		rule    *rules.Rule
		failure *rules.Failure
	}
	// Each run of subjects notes its failures: small lists, which fit in
	// the memory a large plan's reading left behind.
	failures := make([][]failed, len(out.runs))
	par.Each(len(out.runs), func(k int) {
		lo := out.starts[k]
		for i := range out.runs[k] {
			s := &out.runs[k][i]
			*s = as.assess(&resources[lo+i])
			ck.Failures(s, func(rule *rules.Rule, f *rules.Failure) {
				failures[k] = append(failures[k], failed{lo + i, rule, f})
			})
		}
	})
	at := make([]int, len(failures)+1) // at[k] is the first finding of run k
	for k, list := range failures {
		at[k+1] = at[k] + len(list)
	}
	findings := make([]finding.Finding, at[len(failures)])
	par.Each(len(failures), func(k int) {
		for j, f := range failures[k] {
			findings[at[k]+j] = ck.Finding(f.rule, out.at(f.subject), f.failure)
		}
		failures[k] = nil
	})
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
	certs      []providers.Requirement
	profiles   sync.Map // profileKey → *providers.Profile
	candidates sync.Map // candidateKey → candidateVerdicts
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
	if r.Catalog == nil || r.Catalog.Local || r.OperatorUnknown {
		return s
	}
	if cands := r.Location.Candidates; len(cands) > 0 {
		c := as.candidateProfile(r.Catalog, cands, r.Type)
		s.Profile, s.Undecided = c.profile, c.undecided
	} else {
		s.Profile = as.profile(r.Catalog, r.Variant, r.Region, r.Type, r.Location.Resolved())
	}
	if len(s.Required) == 0 || len(r.Replicas) == 0 {
		return s
	}
	s.Replicas = make([]*providers.Profile, len(r.Replicas))
	for i, rep := range r.Replicas {
		if rep.Unresolved == "" && rep.Known != nil {
			p := r.Catalog
			if rep.Catalog != nil {
				p = rep.Catalog
			}
			s.Replicas[i] = as.profile(p, rep.Variant, rep.Known, r.Type, true)
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

type candidateKey struct {
	p   *providers.Provider
	key string // the candidates' regions and variants
	typ string
}

type candidateVerdicts struct {
	profile   *providers.Profile
	undecided string
}

// candidateProfile evaluates each verdict over every region a resource may
// be in: it passes when it passes in all of them, fails when it fails in
// all, and is not evaluated when they disagree, which undecided explains
// (SOV004).
func (as *assessor) candidateProfile(p *providers.Provider, cands []analyzer.Candidate, typ string) candidateVerdicts {
	var kb strings.Builder
	for _, c := range cands {
		kb.WriteString(c.Region)
		if c.Variant != nil {
			kb.WriteString("@" + c.Variant.ID)
		}
		kb.WriteByte('|')
	}
	k := candidateKey{p, kb.String(), typ}
	if v, ok := as.candidates.Load(k); ok {
		return v.(candidateVerdicts) //nolint:errcheck,forcetypeassert // only candidateVerdicts are stored
	}
	profiles := make([]*providers.Profile, len(cands))
	for i, c := range cands {
		profiles[i] = as.profile(p, c.Variant, c.Known, typ, true)
	}
	first := *profiles[0]
	combined := &providers.Profile{Provider: p, Variant: first.Variant, Operator: first.Operator, Global: first.Global}
	var disagree []string
	for _, v := range []struct {
		what string
		get  func(*providers.Profile) providers.Verdict
		set  func(providers.Verdict)
	}{
		{"residency in the " + as.pol.Residency.Name, func(pr *providers.Profile) providers.Verdict { return pr.Residency }, func(v providers.Verdict) { combined.Residency = v }},
		{"EU legal control", func(pr *providers.Profile) providers.Verdict { return pr.LegalControl }, func(v providers.Verdict) { combined.LegalControl = v }},
		{"SecNumCloud qualification", func(pr *providers.Profile) providers.Verdict { return pr.SecNumCloud }, func(v providers.Verdict) { combined.SecNumCloud = v }},
	} {
		byOutcome := map[providers.Outcome][]string{}
		var order []providers.Outcome
		for i, pr := range profiles {
			o := v.get(pr).Outcome
			if _, seen := byOutcome[o]; !seen {
				order = append(order, o)
			}
			byOutcome[o] = append(byOutcome[o], cands[i].Region)
		}
		if len(order) == 1 {
			verdict := v.get(profiles[0])
			if len(cands) > 1 && verdict.Reason != "" {
				verdict.Reason += fmt.Sprintf(" (as in every region it may be in: %s)", listRegions(byOutcome[order[0]]))
			}
			v.set(verdict)
			continue
		}
		v.set(providers.Verdict{Outcome: providers.NotEvaluated})
		var parts []string
		for _, o := range order {
			parts = append(parts, fmt.Sprintf("%s in %s", outcomeWord(o), listRegions(byOutcome[o])))
		}
		disagree = append(disagree, v.what+" "+strings.Join(parts, " but "))
	}
	// Each required certification, likewise; the certifications held are
	// those of the candidates when they all hold the same.
	for i, cv := range first.Certifications {
		byOutcome := map[providers.Outcome][]string{}
		var order []providers.Outcome
		for j, pr := range profiles {
			o := providers.NotEvaluated
			if i < len(pr.Certifications) {
				o = pr.Certifications[i].Outcome
			}
			if _, seen := byOutcome[o]; !seen {
				order = append(order, o)
			}
			byOutcome[o] = append(byOutcome[o], cands[j].Region)
		}
		if len(order) > 1 {
			cv.Verdict = providers.Verdict{Outcome: providers.NotEvaluated}
			var parts []string
			for _, o := range order {
				parts = append(parts, fmt.Sprintf("%s in %s", outcomeWord(o), listRegions(byOutcome[o])))
			}
			disagree = append(disagree, cv.Requirement.String()+" "+strings.Join(parts, " but "))
		}
		combined.Certifications = append(combined.Certifications, cv)
	}
	combined.Held = first.Held
	for _, pr := range profiles[1:] {
		if !slices.Equal(pr.Held, first.Held) {
			combined.Held = nil
			break
		}
	}
	out := candidateVerdicts{profile: combined}
	if len(disagree) > 0 {
		out.undecided = fmt.Sprintf("the resource may be in any of %d regions and the verdicts differ between them: %s", len(cands), strings.Join(disagree, "; "))
	}
	stored, _ := as.candidates.LoadOrStore(k, out)
	return stored.(candidateVerdicts) //nolint:errcheck,forcetypeassert // only candidateVerdicts are stored
}

func outcomeWord(o providers.Outcome) string {
	switch o {
	case providers.Pass:
		return "holds"
	case providers.Fail:
		return "fails"
	case providers.Unknown:
		return "is not established"
	case providers.NotEvaluated:
	}
	return "cannot be evaluated (the catalog does not know the region)"
}

// listRegions names regions, at most six.
func listRegions(codes []string) string {
	const most = 6
	if len(codes) <= most {
		return strings.Join(codes, ", ")
	}
	return strings.Join(codes[:most], ", ") + fmt.Sprintf(" and %d more", len(codes)-most)
}
