package providers

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// SchemeSecNumCloud is ANSSI's qualification. Its facts are the offers'
// SecNumCloud statuses (and rule SOV001 checks it); every other scheme's
// facts are certification blocks.
const SchemeSecNumCloud = "secnumcloud"

// Scheme is a certification or attestation scheme: who runs it, what it
// grades, and its levels, lowest first.
type Scheme struct {
	ID      string // secnumcloud, bsi-c5, acn, ens, eu-csf, eucs
	Name    string
	Country string // ISO code of the issuing state; "EU" for a Union scheme
	// Grades says what the scheme assesses: "security" (C5, ENS, EUCS),
	// "sovereignty" (EU CSF) or both ("security, sovereignty" for
	// SecNumCloud). No certification ever decides the EU legal control
	// verdict, whatever it grades: that rests on the operator alone.
	Grades      string
	Issuer      string
	RegisterURL string
	// Ladders are the scheme's ordered levels: a higher level on a ladder
	// satisfies a lower minimum. ACN has two (services QC1–QC4,
	// infrastructure QI1–QI4) that do not compare with each other.
	Ladders  []Ladder
	Versions []string // C5:2020, C5:2026…; empty: any
	// RequiresValidity means a certificate of this scheme has an end date
	// (ACN 36 months, ENS two years): a certified fact without valid_until
	// cannot pass.
	RequiresValidity bool
	Note             string
	Fact
}

// Ladder is one ordered list of a scheme's levels, lowest first.
type Ladder struct {
	Name   string
	Levels []string
}

// Level returns a level's canonical spelling ("QC3" for "qc3"), the index of
// its ladder and its rank on that ladder, or ok false.
func (s *Scheme) Level(level string) (canonical string, ladder, rank int, ok bool) {
	for i, l := range s.Ladders {
		for j, lv := range l.Levels {
			if strings.EqualFold(lv, strings.TrimSpace(level)) {
				return lv, i, j, true
			}
		}
	}
	return "", 0, 0, false
}

// Levels lists every level of the scheme, ladder by ladder.
func (s *Scheme) Levels() []string {
	var out []string
	for _, l := range s.Ladders {
		out = append(out, l.Levels...)
	}
	return out
}

// satisfies reports whether a held level meets a minimum: sameLadder is
// false when the two are on different ladders (an infrastructure level
// against a service minimum), which do not compare.
func (s *Scheme) satisfies(held, minimum string) (ok, sameLadder bool) {
	_, hl, hr, hok := s.Level(held)
	_, ml, mr, mok := s.Level(minimum)
	if !hok || !mok || hl != ml {
		return false, false
	}
	return hr >= mr, true
}

// Scheme returns the scheme with the given ID, or nil.
func (c *Catalog) Scheme(id string) *Scheme {
	return c.schemes[strings.ToLower(strings.TrimSpace(id))]
}

// Schemes returns every scheme of the catalog, sorted by ID.
func (c *Catalog) Schemes() []*Scheme {
	out := make([]*Scheme, 0, len(c.schemes))
	for _, s := range c.schemes {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Scheme) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Requirement is a certification a policy asks of a resource: a scheme,
// and the minimum level when the scheme has levels ("" accepts any).
type Requirement struct {
	Scheme *Scheme
	Level  string
}

// String is the requirement as a policy writes it: "bsi-c5:type2".
func (r Requirement) String() string {
	if r.Level == "" {
		return r.Scheme.ID
	}
	return r.Scheme.ID + ":" + r.Level
}

// Label names the requirement in messages: "BSI C5 type2".
func (r Requirement) Label() string {
	if r.Level == "" {
		return r.Scheme.Name
	}
	return r.Scheme.Name + " " + r.Level
}

// ParseRequirement reads "scheme" or "scheme:minimum-level".
func (c *Catalog) ParseRequirement(s string) (Requirement, error) {
	id, level, hasLevel := strings.Cut(strings.TrimSpace(s), ":")
	sch := c.Scheme(id)
	if sch == nil {
		ids := make([]string, 0, len(c.schemes))
		for _, x := range c.Schemes() {
			ids = append(ids, x.ID)
		}
		return Requirement{}, fmt.Errorf("%q names no certification scheme (known: %s)", s, strings.Join(ids, ", "))
	}
	if !hasLevel {
		return Requirement{Scheme: sch}, nil
	}
	canon, _, _, ok := sch.Level(level)
	if !ok {
		if len(sch.Ladders) == 0 {
			return Requirement{}, fmt.Errorf("%q: %s has no levels (write %q)", s, sch.Name, sch.ID)
		}
		return Requirement{}, fmt.Errorf("%q: %q is not a level of %s (levels: %s)", s, level, sch.Name, strings.Join(sch.Levels(), ", "))
	}
	return Requirement{Scheme: sch, Level: canon}, nil
}

// Certification statuses.
const (
	CertCertified    = "certified"
	CertInProgress   = "in_progress"
	CertNotCertified = "not_certified"
	CertUnknown      = "unknown"
)

// Certification is what one scheme says of an offering or an offer: held
// (certified) at a level, over a validity period, for a scope of regions and
// resource types. It generalises an offer's SecNumCloud status to the other
// schemes.
type Certification struct {
	ID            string
	Scheme        string // scheme ID
	Level         string // canonical level; "" when not established
	Status        string // certified | in_progress | not_certified | unknown
	SchemeVersion string // C5:2020, 3.2…
	Issuer        string // the body or auditor that issued it
	RegisterURL   string // the public register entry, when there is one
	CertificateID string // certificate, report or decision number
	ValidFrom     string // YYYY-MM-DD
	ValidUntil    string // YYYY-MM-DD; past it, the certification has lapsed
	// ObservationFrom and ObservationUntil are the period a C5 Type 2
	// report covers (observation_period "2025-01-01/2025-12-31").
	ObservationFrom  string
	ObservationUntil string
	Regions          []string // empty: every region of the offering (or the offer)
	ResourceTypes    []string // globs; empty: every resource type
	// ListedOnly marks a certification no resource can be recognized as
	// covered by: listed for reference, it never decides a verdict.
	ListedOnly bool
	Note       string
	Fact

	owner string // "aws", "ovh/ovh-us", or "aws offer x"
	offer *Offer // the offer it is declared in, whose scope it narrows
}

// Owner names where the certification is declared: a provider ("aws"), a
// variant ("ovh/ovh-us") or an offer ("outscale offer iaas").
func (c *Certification) Owner() string { return c.owner }

// Offer returns the offer the certification is declared in, or nil.
func (c *Certification) Offer() *Offer { return c.offer }

// label names the certification in messages: `the BSI C5 type2
// certification "c5" of Amazon Web Services`. holder names the offering.
func (c *Certification) label(s *Scheme, holder string) string {
	name := c.Scheme
	if s != nil {
		name = s.Name
	}
	lvl := ""
	if c.Level != "" {
		lvl = " " + c.Level
	}
	if c.offer != nil {
		holder = fmt.Sprintf("%q", c.offer.Name)
	}
	return fmt.Sprintf("%s%s certification %q of %s", name, lvl, c.ID, holder)
}

// inScope reports whether the certification (and its offer) cover a
// resource type and region. undecided is true when the answer depends on
// a region the analyzer could not resolve.
// global is true for a global service, which no region-bound scope covers.
func (c *Certification) inScope(resourceType string, region *Region, global bool) (in, undecided bool) {
	if c.ListedOnly || (c.offer != nil && c.offer.ListedOnly) {
		return false, false
	}
	for _, sc := range []struct {
		types, regions []string
	}{{c.ResourceTypes, c.Regions}, {c.offerTypes(), c.offerRegions()}} {
		if len(sc.types) > 0 && resourceType != "" && !matchAny(sc.types, resourceType) {
			return false, false
		}
		if len(sc.regions) > 0 {
			if global {
				return false, false
			}
			if region == nil {
				undecided = true
				continue
			}
			if !slices.Contains(sc.regions, region.Code) {
				return false, false
			}
		}
	}
	return !undecided, undecided
}

func (c *Certification) offerTypes() []string {
	if c.offer == nil {
		return nil
	}
	return c.offer.ResourceTypes
}

func (c *Certification) offerRegions() []string {
	if c.offer == nil {
		return nil
	}
	return c.offer.Regions
}

// Standing is a certification's own outcome at now, whatever a policy
// asks: Pass when certified, checked, and within its validity.
// holder names the offering it belongs to.
func (c *Certification) Standing(s *Scheme, holder string, now time.Time) Verdict {
	v := Verdict{Fact: c.Fact}
	name := c.label(s, holder)
	switch c.Status {
	case CertCertified:
	case CertInProgress:
		v.Outcome, v.Reason = Fail, fmt.Sprintf("the %s is only in progress", name)
		return v
	case CertNotCertified:
		v.Outcome, v.Reason = Fail, fmt.Sprintf("the catalog records that the %s is not held", name)
		return v
	default:
		v.Outcome, v.Reason = Unknown, fmt.Sprintf("whether the %s is held is not established", name)
		return v
	}
	if s != nil && s.RequiresValidity && c.ValidUntil == "" {
		// A certificate that lasts a limited time cannot pass without
		// the date it ends: it may already have lapsed.
		v.Outcome, v.Reason = Unknown, fmt.Sprintf("the validity of the %s is not recorded, and %s certificates last a limited time", name, s.Name)
		return v
	}
	if !now.IsZero() {
		if c.ValidFrom != "" {
			from, err := time.Parse(time.DateOnly, c.ValidFrom)
			if err != nil || now.Before(from) {
				v.Outcome, v.Reason = Fail, fmt.Sprintf("the %s is valid only from %s", name, c.ValidFrom)
				return v
			}
		}
		if c.ValidUntil != "" {
			// A date that does not parse counts as past, as for offers.
			until, err := time.Parse(time.DateOnly, c.ValidUntil)
			if err != nil || now.After(until.Add(24*time.Hour-time.Nanosecond)) {
				v.Outcome, v.Reason = Fail, fmt.Sprintf("the %s lapsed on %s and the catalog records no renewal: declare the renewal in %s with its source", name, c.ValidUntil, ConfigFileName)
				return v
			}
		}
	}
	if c.Verified == VerifiedUnverified {
		// No pass rests on an unverified fact.
		v.Outcome, v.Reason = Unknown, fmt.Sprintf("the %s is unverified", name)
		return v
	}
	v.Outcome, v.Reason = Pass, fmt.Sprintf("the %s is held", name)
	return v
}

// CertificationVerdict is a requirement's outcome for one resource, and
// the certification fact it rests on (nil when the catalog has none).
type CertificationVerdict struct {
	Requirement   Requirement
	Certification *Certification
	Verdict
}

// AllCertifications returns the certifications of an offering, those
// declared in its offers included, in declaration order.
func (o *Offering) AllCertifications() []*Certification {
	out := slices.Clone(o.Certifications)
	for _, off := range o.Offers {
		out = append(out, off.Certifications...)
	}
	return out
}

// certificationVerdict decides one requirement for a profiled resource.
// Certifications are only ever the offering's own: a variant (the AWS
// European Sovereign Cloud) does not inherit the base offering's
// attestations, and no certification is implied by an operator.
func (p *Provider) certificationVerdict(pr *Profile, off *Offering, q ProfileQuery, req Requirement) CertificationVerdict {
	cv := CertificationVerdict{Requirement: req}
	if req.Scheme.ID == SchemeSecNumCloud {
		// The offers' SecNumCloud statuses are that scheme's facts.
		cv.Verdict = pr.SecNumCloud
		return cv
	}
	owner := p.Name
	if q.Variant != nil {
		owner = q.Variant.Name
	}
	var (
		ofScheme  []*Certification
		candidate []*Certification
		undecided bool
	)
	for _, c := range off.AllCertifications() {
		if c.Scheme != req.Scheme.ID {
			continue
		}
		ofScheme = append(ofScheme, c)
		in, und := c.inScope(q.ResourceType, q.Region, pr.Global != nil)
		undecided = undecided || und
		if in {
			candidate = append(candidate, c)
		}
	}
	if len(ofScheme) == 0 {
		cv.Outcome = Unknown
		cv.Reason = fmt.Sprintf("the catalog records no %s certification for %s: if it holds one, declare it in %s with its scope, validity and source", req.Scheme.Name, owner, ConfigFileName)
		return cv
	}
	if len(candidate) == 0 {
		if undecided {
			// The scope depends on a region the analyzer could not resolve:
			// SOV004/SOV005 report the location.
			return cv
		}
		c := ofScheme[0]
		cv.Certification, cv.Fact = c, c.Fact
		cv.Outcome, cv.Reason = Fail, fmt.Sprintf("out of scope: the %s covers %s, not %s", c.label(req.Scheme, owner), c.scopeText(), scopeOf(q))
		return cv
	}
	best, bestRank := CertificationVerdict{}, -1
	for _, c := range candidate {
		v, rank := judge(c, req, owner, q.Now)
		if v.Outcome == Pass {
			v.Requirement = req
			if unlistedRegion(q) {
				// No fact can vouch for a region the catalog lacks.
				return CertificationVerdict{Requirement: req}
			}
			return v
		}
		if rank > bestRank {
			best, bestRank = v, rank
		}
	}
	best.Requirement = req
	return best
}

// judge evaluates one in-scope certification against a requirement. rank
// orders failures by how close they come to passing, so that the message
// names the most useful one.
func judge(c *Certification, req Requirement, holder string, now time.Time) (CertificationVerdict, int) {
	cv := CertificationVerdict{Certification: c, Verdict: c.Standing(req.Scheme, holder, now)}
	switch c.Status {
	case CertCertified:
	case CertInProgress:
		return cv, 1
	default:
		return cv, 0
	}
	name := c.label(req.Scheme, holder)
	if req.Level != "" {
		if c.Level == "" {
			cv.Outcome = Unknown
			cv.Reason = fmt.Sprintf("the level of the %s is not established (%s or higher is required)", name, req.Level)
			return cv, 3
		}
		ok, sameLadder := req.Scheme.satisfies(c.Level, req.Level)
		switch {
		case !sameLadder:
			cv.Outcome = Fail
			cv.Reason = fmt.Sprintf("the %s is on another ladder than the required %s: the two do not compare", name, req.Level)
			return cv, 2
		case !ok:
			cv.Outcome = Fail
			cv.Reason = fmt.Sprintf("the %s is below the required %s", name, req.Level)
			return cv, 2
		}
	}
	switch cv.Outcome {
	case Pass:
		return cv, 6
	case Unknown:
		return cv, 5 // would pass, but unverified or undated
	case Fail, NotEvaluated:
	}
	return cv, 4 // lapsed or not yet valid, at a sufficient level
}

// scopeText says which regions and types a certification covers.
func (c *Certification) scopeText() string {
	var parts []string
	regions := slices.Concat(c.Regions, c.offerRegions())
	types := slices.Concat(c.ResourceTypes, c.offerTypes())
	if len(regions) > 0 {
		parts = append(parts, "regions "+strings.Join(slices.Compact(slices.Sorted(slices.Values(regions))), ", "))
	}
	if len(types) > 0 {
		parts = append(parts, "resource types "+strings.Join(types, ", "))
	}
	if c.ListedOnly || (c.offer != nil && c.offer.ListedOnly) {
		parts = append(parts, "no resource sovlint can recognize (listed only)")
	}
	if len(parts) == 0 {
		return "the whole offering"
	}
	return strings.Join(parts, " and ")
}

func scopeOf(q ProfileQuery) string {
	var parts []string
	if q.ResourceType != "" {
		parts = append(parts, q.ResourceType)
	}
	if q.Region != nil {
		parts = append(parts, "in "+q.Region.Code)
	}
	if len(parts) == 0 {
		return "this resource"
	}
	return strings.Join(parts, " ")
}

// HeldCertifications returns the certifications that apply to a resource of
// this type in this region, in declaration order: the offering's (and its
// offers') whose scope covers it.
func (p *Provider) HeldCertifications(v *Variant, resourceType string, region *Region, global bool) []*Certification {
	var out []*Certification
	for _, c := range p.offering(v).AllCertifications() {
		if in, _ := c.inScope(resourceType, region, global); in {
			out = append(out, c)
		}
	}
	return out
}
