package providers

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Outcome is the result of one sovereignty requirement for one resource.
type Outcome int

// Outcomes. NotEvaluated means the requirement depends on a location the
// analyzer could not resolve, so another rule (SOV004, SOV005) reports it;
// Unknown means the catalog itself does not know, which fails closed.
const (
	NotEvaluated Outcome = iota
	Pass
	Fail
	Unknown
)

func (o Outcome) String() string {
	switch o {
	case Pass:
		return "pass"
	case Fail:
		return "fail"
	case Unknown:
		return "unknown"
	case NotEvaluated:
		return "not_evaluated"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Verdict is one requirement's outcome, why, and on which catalog fact it
// rests.
type Verdict struct {
	Outcome Outcome
	Reason  string // one sentence, no trailing period
	Fact    Fact
}

// Profile is everything the catalog says about where one resource lands.
type Profile struct {
	Provider *Provider
	Variant  *Variant // nil for the base offering
	Region   *Region  // nil when unresolved or unknown to the catalog
	Global   *GlobalService
	Operator *Operator
	Offer    *Offer // the offer that covers the resource type and region, if any

	Residency    Verdict
	LegalControl Verdict
	SecNumCloud  Verdict
	// Certifications has one verdict per requirement of the query, in
	// its order; Held lists the certifications whose scope covers the
	// resource. Both are empty when the query requires no certification.
	// No certification ever changes LegalControl: a security attestation
	// (C5, ENS, EUCS) says nothing about who can compel the operator.
	Certifications []CertificationVerdict
	Held           []*Certification
}

// Offering returns the offering in effect: the variant's, else the base.
func (p *Provider) offering(v *Variant) *Offering {
	if v != nil {
		return &v.Offering
	}
	return &p.Offering
}

// VariantFor selects the variant a provider configuration designates by its
// attributes (universe_domain, endpoint…). attrs holds the configuration's
// statically known string attributes. It returns the attribute that could
// not be evaluated when a variant depends on an unknown value.
func (p *Provider) VariantFor(attrs map[string]string, unknown func(attr string) bool) (v *Variant, undecided string) {
	for _, v := range p.Variants {
		m := v.When
		if m.Attribute == "" {
			continue
		}
		if unknown != nil && unknown(m.Attribute) {
			return nil, m.Attribute
		}
		val := strings.ToLower(strings.TrimSpace(attrs[m.Attribute]))
		if val == "" {
			continue // unset or empty: the provider's default applies
		}
		switch {
		case slices.Contains(m.Equals, val):
			return v, ""
		case len(m.NotIn) > 0 && !slices.Contains(m.NotIn, val):
			return v, ""
		case m.attrRe != nil && m.attrRe.MatchString(val):
			return v, ""
		}
	}
	return nil, ""
}

// LookupRegion finds a location code (region, zone or alias) in the variant
// chosen by configuration, else in a variant whose region pattern matches,
// else in the base offering. It returns the variant that owns the region.
func (p *Provider) LookupRegion(code string, chosen *Variant) (*Variant, *Region) {
	if p.cache == nil {
		return p.lookupRegion(code, chosen)
	}
	k := regionKey{chosen, code}
	if f, ok := p.cache.regions.Load(k); ok {
		l := f.(regionLookup) //nolint:errcheck,forcetypeassert // only regionLookups are stored
		return l.variant, l.region
	}
	v, r := p.lookupRegion(code, chosen)
	p.cache.regions.Store(k, regionLookup{v, r})
	return v, r
}

func (p *Provider) lookupRegion(code string, chosen *Variant) (*Variant, *Region) {
	if chosen != nil {
		r := chosen.Region(code)
		if r == nil && chosen.InheritRegions {
			r = p.Region(code)
		}
		return chosen, r
	}
	norm := NormaliseRegion(code)
	// A zone names its variant through its region: the availability domain
	// "uocm:eu-madrid-2-ad-1" is in the EU Sovereign Cloud's eu-madrid-2.
	candidates := []string{norm}
	for _, re := range p.zoneRes {
		if m := re.FindStringSubmatch(norm); m != nil {
			candidates = append(candidates, m[1])
		}
	}
	for _, c := range candidates {
		for _, v := range p.Variants {
			if v.When.regionRe != nil && v.When.regionRe.MatchString(c) {
				r := v.Region(norm)
				return v, r
			}
		}
	}
	return nil, p.Region(norm)
}

// ResidencyPolicy says which countries count as acceptable for data
// residency: the EU member states by default, optionally more.
type ResidencyPolicy struct {
	Name      string          // "EU", "EEA", "EEA+CH"…: used in messages
	Countries map[string]bool // accepted ISO codes; "EU" pseudo-code is implied by any EU member
}

// EUResidency returns the default policy: EU member states only.
func (c *Catalog) EUResidency() ResidencyPolicy {
	return ResidencyPolicy{Name: "EU", Countries: setOf(c.CountryGroup("eu"))}
}

// Residency builds a policy from country group names ("eu", "eea") and
// extra country codes.
func (c *Catalog) Residency(groups, extra []string) ResidencyPolicy {
	p := ResidencyPolicy{Countries: map[string]bool{}}
	var names []string
	for _, g := range groups {
		for _, cc := range c.CountryGroup(g) {
			p.Countries[cc] = true
		}
		names = append(names, strings.ToUpper(g))
	}
	for _, cc := range extra {
		p.Countries[strings.ToUpper(cc)] = true
		names = append(names, strings.ToUpper(cc))
	}
	p.Name = strings.Join(names, "+")
	return p
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// ProfileQuery is what the analyzer knows about a resource.
type ProfileQuery struct {
	ResourceType string
	Variant      *Variant // chosen by configuration or by region
	Region       *Region  // nil when unresolved or not in the catalog
	Resolved     bool     // the location code is known (even if the catalog lacks it)
	Now          time.Time
	Residency    ResidencyPolicy
	// Certifications are the certifications the policy may require of
	// the resource (across every classification level).
	Certifications []Requirement
}

// Profile evaluates the three sovereignty requirements for one resource.
func (p *Provider) Profile(q ProfileQuery) Profile {
	off := p.offering(q.Variant)
	pr := Profile{Provider: p, Variant: q.Variant, Region: q.Region, Operator: off.Operator}
	if pr.Operator == nil {
		pr.Operator = p.Operator
	}
	if g, ok := p.IsGlobal(q.ResourceType); ok && q.Variant == nil {
		pr.Global = &g
	}
	pr.LegalControl = legalControl(pr.Operator)
	pr.Residency = residency(pr, q)
	pr.SecNumCloud = p.secNumCloud(&pr, off, q)
	if pr.SecNumCloud.Outcome == Pass && pr.Global == nil && unlistedRegion(q) {
		pr.SecNumCloud = Verdict{Outcome: NotEvaluated}
		pr.Offer = nil
	}
	if len(q.Certifications) > 0 {
		pr.Certifications = make([]CertificationVerdict, len(q.Certifications))
		for i, req := range q.Certifications {
			pr.Certifications[i] = p.certificationVerdict(&pr, off, q, req)
		}
		pr.Held = p.HeldCertifications(q.Variant, q.ResourceType, q.Region, pr.Global != nil)
	}
	return pr
}

// Certification returns the verdict of a requirement the query named, or
// ok false.
func (pr *Profile) Certification(req Requirement) (CertificationVerdict, bool) {
	for _, cv := range pr.Certifications {
		if cv.Requirement == req {
			return cv, true
		}
	}
	return CertificationVerdict{}, false
}

func legalControl(op *Operator) Verdict {
	if op == nil {
		return Verdict{Outcome: Unknown, Reason: "the catalog names no operator"}
	}
	switch op.EULegalControl {
	case ControlYes:
		if op.Verified == VerifiedUnverified {
			// A pass must rest on a checked fact, as a qualification must:
			// an unverified "yes" is no more than "not established".
			return Verdict{Outcome: Unknown, Reason: fmt.Sprintf("that %s is under EU legal control is unverified", op.Who()), Fact: op.Fact}
		}
		return Verdict{Outcome: Pass, Reason: fmt.Sprintf("operated by %s, under EU legal control", op.Who()), Fact: op.Fact}
	case ControlNo:
		who := op.Who()
		if op.Parent != "" && op.ParentCountry != op.Country {
			who += fmt.Sprintf(", controlled by %s", entity(op.Parent, op.ParentCountry))
		}
		reason := "operated by " + who
		if len(op.Laws) > 0 {
			reason += ", subject to " + strings.Join(op.Laws, " and ")
		}
		return Verdict{Outcome: Fail, Reason: reason, Fact: op.Fact}
	}
	return Verdict{Outcome: Unknown, Reason: fmt.Sprintf("whether %s is under EU legal control is not established", op.Name), Fact: op.Fact}
}

// Who names the operator with its country when known: "S3NS SAS (FR)".
func (op *Operator) Who() string { return entity(op.Name, op.Country) }

func entity(name, country string) string {
	if country == "" {
		return name
	}
	return fmt.Sprintf("%s (%s)", name, country)
}

func residency(pr Profile, q ProfileQuery) Verdict {
	switch {
	case pr.Global != nil:
		return Verdict{Outcome: Fail, Reason: fmt.Sprintf("%s is a global service: its data is not confined to one region", pr.Global.Name), Fact: pr.Global.Fact}
	case q.Region == nil:
		return Verdict{Outcome: NotEvaluated}
	case q.Region.Global:
		return Verdict{Outcome: Fail, Reason: fmt.Sprintf("location %q is global: data is not confined to one country", q.Region.Code), Fact: q.Region.Fact}
	}
	for _, cc := range q.Region.Countries {
		if !q.Residency.accepts(cc) {
			return Verdict{
				Outcome: Fail,
				Reason:  fmt.Sprintf("region %q is in %s, outside the %s", q.Region.Code, q.Region.Country(), q.Residency.Name),
				Fact:    q.Region.Fact,
			}
		}
	}
	if q.Region.Verified == VerifiedUnverified {
		// The region is in an accepted country only if the catalog's
		// country for it was checked.
		return Verdict{Outcome: Unknown, Reason: fmt.Sprintf("that region %q is in %s is unverified", q.Region.Code, q.Region.Country()), Fact: q.Region.Fact}
	}
	return Verdict{Outcome: Pass, Reason: fmt.Sprintf("region %q is in %s", q.Region.Code, q.Region.Country()), Fact: q.Region.Fact}
}

func (rp ResidencyPolicy) accepts(country string) bool {
	if country == "EU" {
		return rp.Countries["FR"] && rp.Countries["DE"] // the policy covers the EU member states
	}
	return rp.Countries[country]
}

func (p *Provider) secNumCloud(pr *Profile, off *Offering, q ProfileQuery) Verdict {
	regionCode := ""
	if q.Region != nil {
		regionCode = q.Region.Code
	}
	regionDependent := false
	for _, o := range off.Offers {
		if o.ListedOnly {
			continue
		}
		if len(o.ResourceTypes) > 0 && !matchAny(o.ResourceTypes, q.ResourceType) {
			continue
		}
		if len(o.Regions) > 0 {
			if q.Region == nil {
				regionDependent = true
				continue
			}
			if !slices.Contains(o.Regions, regionCode) {
				continue
			}
		}
		pr.Offer = o
		return offerVerdict(o, q.Now)
	}
	if regionDependent {
		// An offer for this resource type exists in some region: without the
		// region the catalog cannot say; SOV004/SOV005 report the location.
		return Verdict{Outcome: NotEvaluated}
	}
	def := off.SecNumCloud
	if def == nil {
		def = p.SecNumCloud
	}
	if def == nil {
		return Verdict{Outcome: Unknown, Reason: "the catalog has no SecNumCloud status for this provider"}
	}
	name := p.Name
	if q.Variant != nil {
		name = q.Variant.Name
	}
	return statusVerdict(def.Status, name, def.Fact)
}

// unlistedRegion reports a location that is known but absent from the
// catalog (a typo, a region the catalog lacks): no offer can vouch for it,
// so a qualification must not pass there; SOV005 reports the region.
func unlistedRegion(q ProfileQuery) bool { return q.Resolved && q.Region == nil }

func offerVerdict(o *Offer, now time.Time) Verdict {
	if o.Status == StatusQualified && o.ValidUntil != "" && !now.IsZero() {
		// A date that does not parse counts as past: it must never keep
		// a qualification alive (the builder rejects one anyway).
		until, err := time.Parse(time.DateOnly, o.ValidUntil)
		if err != nil || now.After(until.Add(24*time.Hour-time.Nanosecond)) {
			return Verdict{
				Outcome: Fail,
				Reason: fmt.Sprintf("the SecNumCloud qualification of %s lapsed on %s and the catalog records no renewal: upgrade sovlint (or load a newer catalog with --catalog), or declare the renewal in %s (`sovlint providers %s` prints the block to paste)",
					o.label(), o.ValidUntil, ConfigFileName, o.ProviderID()),
				Fact: o.Fact,
			}
		}
	}
	return statusVerdict(o.Status, o.Name, o.Fact)
}

func statusVerdict(status, name string, f Fact) Verdict {
	var v Verdict
	v.Fact = f
	switch status {
	case StatusQualified:
		v.Outcome, v.Reason = Pass, fmt.Sprintf("%s is SecNumCloud-qualified", name)
	case StatusInProgress:
		v.Outcome, v.Reason = Fail, fmt.Sprintf("%s is only in the process of SecNumCloud qualification", name)
	case StatusNotQualified:
		v.Outcome, v.Reason = Fail, fmt.Sprintf("%s is not SecNumCloud-qualified", name)
	default:
		v.Outcome, v.Reason = Unknown, fmt.Sprintf("the SecNumCloud status of %s is not established", name)
	}
	if f.Verified == VerifiedUnverified && status == StatusQualified {
		// An unverified qualification is not a qualification.
		v.Outcome, v.Reason = Unknown, fmt.Sprintf("the SecNumCloud qualification of %s is unverified", name)
	}
	return v
}

// RegionSummary is what the catalog says about one region of an offering,
// whatever the resource: for listings such as `sovlint providers`.
type RegionSummary struct {
	Region       *Region
	Residency    Verdict
	LegalControl Verdict
	// SecNumCloud has one verdict per offer that covers the region (some
	// only for the resource types they name), then the status of every
	// other service.
	SecNumCloud []OfferVerdict
}

// OfferVerdict is the SecNumCloud verdict of one offer; Offer is nil for
// the offering's status for services no offer covers.
type OfferVerdict struct {
	Offer *Offer
	Verdict
}

// Summarize evaluates a region of the base offering (v nil) or of a
// variant at now under a residency policy.
func (p *Provider) Summarize(v *Variant, r *Region, now time.Time, residencyPolicy ResidencyPolicy) RegionSummary {
	pr := p.Profile(ProfileQuery{Variant: v, Region: r, Resolved: true, Now: now, Residency: residencyPolicy})
	s := RegionSummary{Region: r, Residency: pr.Residency, LegalControl: pr.LegalControl}
	off := p.offering(v)
	for _, o := range off.Offers {
		if o.ListedOnly || (len(o.Regions) > 0 && !slices.Contains(o.Regions, r.Code)) {
			continue
		}
		s.SecNumCloud = append(s.SecNumCloud, OfferVerdict{Offer: o, Verdict: offerVerdict(o, now)})
	}
	def := off.SecNumCloud
	if def == nil {
		def = p.SecNumCloud
	}
	if def != nil {
		name := p.Name
		if v != nil {
			name = v.Name
		}
		s.SecNumCloud = append(s.SecNumCloud, OfferVerdict{Verdict: statusVerdict(def.Status, name, def.Fact)})
	}
	return s
}
