package providers

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
)

// factCheck remembers where a fact was declared so that checkFacts can point
// at it once every source is known.
type factCheck struct {
	what string
	fact Fact
	rng  hcl.Range
}

// builder turns decoded blocks into catalog types for one Parse call,
// collecting diagnostics and every fact for a final provenance check.
type builder struct {
	facts []factCheck
	diags hcl.Diagnostics
}

func (b *builder) fact(what string, rng hcl.Range, source []string, asOf, verified string) Fact {
	f := Fact{Sources: source, AsOf: asOf, Verified: verified}
	b.facts = append(b.facts, factCheck{what: what, rng: rng, fact: f})
	return f
}

func (b *builder) errorf(rng hcl.Range, format string, args ...any) {
	b.diags = append(b.diags, errAt(rng, format, args...))
}

func (b *builder) provider(pb *providerBlock, file string) *Provider {
	p := &Provider{ID: pb.ID, Name: pb.Name, File: file, Local: pb.Local}
	for _, r := range pb.Registry {
		p.Registry = append(p.Registry, normaliseRegistry(r))
	}
	if len(p.Registry) == 0 {
		b.errorf(pb.DefRange, "provider %q lists no registry address", pb.ID)
	}
	var ob offeringBlock
	if d := gohcl.DecodeBody(pb.Rest, nil, &ob); d.HasErrors() {
		b.diags = append(b.diags, d...)
		return nil
	}
	p.Offering = b.offering(&ob, pb.ID, pb.DefRange)
	if p.Operator == nil && !p.Local {
		b.errorf(pb.DefRange, "provider %q has no operator block", pb.ID)
	}
	if p.SecNumCloud == nil && !p.Local {
		b.errorf(pb.DefRange, "provider %q has no secnumcloud block (its default status)", pb.ID)
	}
	if pb.Location != nil {
		p.Location = LocationSpec{
			ResourceAttributes: pb.Location.ResourceAttributes,
			ProviderAttributes: pb.Location.ProviderAttributes,
			ValuePatterns:      pb.Location.ValuePatterns,
			ZonePatterns:       pb.Location.ZonePatterns,
			Env:                pb.Location.Env,
			valueRes:           map[string]*regexp.Regexp{},
		}
		for attr, pat := range pb.Location.ValuePatterns {
			re, err := regexp.Compile(pat)
			if err != nil {
				b.errorf(pb.Location.DefRange, "value pattern for %q: %s", attr, err)
				continue
			}
			p.Location.valueRes[attr] = re
		}
		for _, pat := range pb.Location.ZonePatterns {
			re, err := regexp.Compile(pat)
			if err != nil || re.NumSubexp() < 1 {
				b.errorf(pb.Location.DefRange, "zone pattern %q must compile and have one group", pat)
				continue
			}
			p.Location.zoneRes = append(p.Location.zoneRes, re)
		}
	}
	if pb.Tags != nil {
		p.Tags = TagSpec{
			ResourceAttributes: pb.Tags.ResourceAttributes,
			ProviderAttributes: pb.Tags.ProviderAttributes,
			Effective:          pb.Tags.Effective,
		}
	}
	for _, g := range pb.Global {
		p.Global = append(p.Global, GlobalService{
			Name: g.Name, ResourceTypes: g.ResourceTypes, Note: g.Note,
			Fact: b.fact(fmt.Sprintf("global service %q", g.Name), g.DefRange, g.Source, g.AsOf, g.Verified),
		})
	}
	for _, rb := range pb.Replicas {
		r := &Replication{
			Name: rb.Name, ResourceTypes: rb.ResourceTypes, Path: rb.Path, ValuePattern: rb.ValuePattern,
			WhenValues: rb.WhenValues, Note: rb.Note,
			Fact: b.fact(fmt.Sprintf("%s replication %q", pb.ID, rb.Name), rb.DefRange, rb.Source, rb.AsOf, rb.Verified),
		}
		if rb.ValuePattern != "" {
			re, err := regexp.Compile(rb.ValuePattern)
			if err != nil || re.NumSubexp() < 1 {
				b.errorf(rb.DefRange, "replication %q: value_pattern must compile and have one group", rb.Name)
			}
			r.valueRe = re
		}
		p.Replications = append(p.Replications, r)
	}
	for i := range pb.Variants {
		vb := &pb.Variants[i]
		var vo offeringBlock
		d := gohcl.DecodeBody(vb.Rest, nil, &vo)
		b.diags = append(b.diags, d...)
		if d.HasErrors() {
			continue
		}
		v := &Variant{ID: vb.ID, Name: vb.Name, When: Match{
			Attribute: vb.When.Attribute, Equals: vb.When.Equals, NotIn: vb.When.NotIn, RegionPattern: vb.When.RegionPattern,
		}}
		if v.When.RegionPattern != "" {
			re, err := regexp.Compile(v.When.RegionPattern)
			if err != nil {
				b.errorf(vb.When.DefRange, "region_pattern: %s", err)
			}
			v.When.regionRe = re
		}
		if (v.When.Attribute == "") == (v.When.RegionPattern == "") {
			b.errorf(vb.When.DefRange, "variant %q: when needs exactly one of attribute or region_pattern", vb.ID)
		}
		if v.When.Attribute != "" && len(v.When.Equals) == 0 && len(v.When.NotIn) == 0 {
			b.errorf(vb.When.DefRange, "variant %q: when.attribute needs equals or not_in", vb.ID)
		}
		v.Offering = b.offering(&vo, pb.ID+"/"+vb.ID, vb.DefRange)
		p.Variants = append(p.Variants, v)
	}
	p.zoneRes = p.Location.zoneRes
	for _, v := range p.Variants {
		v.zoneRes = p.Location.zoneRes
	}
	return p
}

func (b *builder) offering(ob *offeringBlock, owner string, rng hcl.Range) Offering {
	o := Offering{DefaultRegion: NormaliseRegion(ob.DefaultRegion), regionIndex: map[string]*Region{}}
	if op := ob.Operator; op != nil {
		o.Operator = &Operator{
			Name: op.Name, Country: op.Country, Parent: op.Parent, ParentCountry: op.ParentCountry,
			EULegalControl: op.EULegalControl, Laws: op.Laws, Note: op.Note,
			Fact: b.fact(owner+" operator", op.DefRange, op.Source, op.AsOf, op.Verified),
		}
		if !slices.Contains([]string{ControlYes, ControlNo, ControlUnknown}, op.EULegalControl) {
			b.errorf(op.DefRange, "%s operator: eu_legal_control must be yes, no or unknown, not %q", owner, op.EULegalControl)
		}
		if !validCountry(op.Country) {
			b.errorf(op.DefRange, "%s operator: country %q is not an ISO 3166-1 alpha-2 code", owner, op.Country)
		}
	}
	if s := ob.SecNumCloud; s != nil {
		o.SecNumCloud = &Status{Status: s.Status, Note: s.Note, Fact: b.fact(owner+" secnumcloud", s.DefRange, s.Source, s.AsOf, s.Verified)}
		b.checkStatus(s.Status, owner+" secnumcloud", s.DefRange)
	}
	for _, of := range ob.Offers {
		off := &Offer{
			ID: of.ID, Name: of.Name, Status: of.Status, ResourceTypes: of.ResourceTypes,
			QualifiedFrom: of.QualifiedFrom, ValidUntil: of.ValidUntil, Decision: of.Decision, Note: of.Note,
			Fact: b.fact(fmt.Sprintf("%s offer %q", owner, of.ID), of.DefRange, of.Source, of.AsOf, of.Verified),
		}
		for _, r := range of.Regions {
			off.Regions = append(off.Regions, NormaliseRegion(r))
		}
		b.checkStatus(of.Status, fmt.Sprintf("%s offer %q", owner, of.ID), of.DefRange)
		for _, d := range []string{of.QualifiedFrom, of.ValidUntil} {
			if d != "" && !validDate(d) {
				b.errorf(of.DefRange, "%s offer %q: date %q is not YYYY-MM-DD", owner, of.ID, d)
			}
		}
		if of.Status == StatusQualified && (of.QualifiedFrom == "" || of.ValidUntil == "") {
			b.errorf(of.DefRange, "%s offer %q: a qualified offer needs qualified_from and valid_until", owner, of.ID)
		}
		o.Offers = append(o.Offers, off)
	}
	for _, group := range ob.Regions {
		for _, rb := range group.Regions {
			src, asOf, ver := rb.Source, rb.AsOf, rb.Verified
			if len(src) == 0 {
				src = group.Source
			}
			if asOf == "" {
				asOf = group.AsOf
			}
			if ver == "" {
				ver = group.Verified
			}
			r := &Region{
				Code: NormaliseRegion(rb.Code), Name: rb.Name, Zones: rb.Zones, Aliases: rb.Aliases, Pair: NormaliseRegion(rb.Pair),
				Global: rb.Global, Note: rb.Note,
				Fact: b.fact(fmt.Sprintf("%s region %q", owner, rb.Code), rb.DefRange, src, asOf, ver),
			}
			switch {
			case rb.Country != "" && len(rb.Countries) > 0:
				b.errorf(rb.DefRange, "%s region %q: set country or countries, not both", owner, rb.Code)
			case rb.Country != "":
				r.Countries = []string{rb.Country}
			default:
				r.Countries = rb.Countries
			}
			if len(r.Countries) == 0 && !r.Global {
				b.errorf(rb.DefRange, "%s region %q has no country", owner, rb.Code)
			}
			for _, c := range r.Countries {
				if !validCountry(c) && c != "EU" {
					b.errorf(rb.DefRange, "%s region %q: country %q is not an ISO 3166-1 alpha-2 code (or EU)", owner, rb.Code, c)
				}
			}
			for _, key := range append([]string{r.Code}, append(slices.Clone(r.Zones), r.Aliases...)...) {
				k := NormaliseRegion(key)
				if prev, ok := o.regionIndex[k]; ok {
					b.errorf(rb.DefRange, "%s: %q is declared twice (regions %q and %q)", owner, key, prev.Code, r.Code)
					continue
				}
				o.regionIndex[k] = r
			}
			o.Regions = append(o.Regions, r)
		}
	}
	for _, r := range o.Regions {
		if r.Pair != "" && o.regionIndex[r.Pair] == nil {
			b.errorf(rng, "%s region %q: pair %q is not one of its regions", owner, r.Code, r.Pair)
		}
	}
	if o.DefaultRegion != "" && o.regionIndex[o.DefaultRegion] == nil {
		b.errorf(rng, "%s: default_region %q is not one of its regions", owner, o.DefaultRegion)
	}
	for _, off := range o.Offers {
		for _, r := range off.Regions {
			if o.regionIndex[r] == nil {
				b.errorf(rng, "%s offer %q names region %q, which is not declared", owner, off.ID, r)
			}
		}
	}
	return o
}

func (b *builder) checkStatus(s, what string, rng hcl.Range) {
	if !slices.Contains([]string{StatusQualified, StatusInProgress, StatusNotQualified, StatusUnknown}, s) {
		b.errorf(rng, "%s: status must be qualified, in_progress, not_qualified or unknown, not %q", what, s)
	}
}

var (
	dateRe    = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	countryRe = regexp.MustCompile(`^[A-Z]{2}$`)
)

func validDate(d string) bool    { return dateRe.MatchString(d) }
func validCountry(c string) bool { return countryRe.MatchString(c) }

// checkFacts verifies that every fact names known sources, a date and a
// verification level: a fact without provenance is not a fact.
func (b *builder) checkFacts(sources map[string]*Source) {
	for _, f := range b.facts {
		if len(f.fact.Sources) == 0 {
			b.errorf(f.rng, "%s has no source", f.what)
		}
		for _, k := range f.fact.Sources {
			if sources[k] == nil {
				b.errorf(f.rng, "%s cites unknown source %q", f.what, k)
			}
		}
		if !validDate(f.fact.AsOf) {
			b.errorf(f.rng, "%s: as_of %q is not YYYY-MM-DD or YYYY-MM", f.what, f.fact.AsOf)
		}
		if !slices.Contains([]string{VerifiedPrimary, VerifiedSecondary, VerifiedUnverified}, f.fact.Verified) {
			b.errorf(f.rng, "%s: verified must be primary, secondary or unverified, not %q", f.what, f.fact.Verified)
		}
	}
}
