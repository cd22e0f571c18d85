package providers

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
)

// factCheck remembers where a fact was declared so that checkFacts can point
// at it once every source is known.
type factCheck struct {
	what string
	fact Fact // its DeclRange is where it was declared
}

// builder turns decoded blocks into catalog types for one Parse or Extend
// call, collecting diagnostics and every fact for a final provenance check.
type builder struct {
	facts []factCheck
	diags hcl.Diagnostics
	// schemes are the catalog's certification schemes, which
	// certification blocks must name.
	schemes map[string]*Scheme
}

func (b *builder) fact(what string, rng hcl.Range, source []string, asOf, verified string) Fact {
	f := Fact{Sources: source, AsOf: asOf, Verified: verified, DeclRange: rng}
	b.facts = append(b.facts, factCheck{what: what, fact: f})
	return f
}

// offeringBlockOf is the offering a provider or variant block declares
// beside its own arguments: decoded from its body, or already decoded (the
// embedded catalog's snapshot).
func (b *builder) offeringBlockOf(rest hcl.Body, decoded *offeringBlock) (*offeringBlock, bool) {
	if decoded != nil {
		return decoded, true
	}
	var ob offeringBlock
	if d := gohcl.DecodeBody(rest, nil, &ob); d.HasErrors() {
		b.diags = append(b.diags, d...)
		return nil, false
	}
	return &ob, true
}

func (b *builder) errorf(rng hcl.Range, format string, args ...any) {
	b.diags = append(b.diags, errAt(rng, format, args...))
}

// provider builds a provider the catalog does not know yet.
func (b *builder) provider(pb *providerBlock, file string) *Provider {
	p := &Provider{ID: pb.ID, Name: pb.Name, File: file, Local: pb.Local, DeclRange: pb.DefRange, cache: &lookupCache{}}
	for _, r := range pb.Registry {
		p.Registry = append(p.Registry, normaliseRegistry(r))
	}
	if p.Name == "" {
		b.errorf(pb.DefRange, "provider %q has no name", pb.ID)
	}
	if len(p.Registry) == 0 {
		b.errorf(pb.DefRange, "provider %q lists no registry address", pb.ID)
	}
	ob, ok := b.offeringBlockOf(pb.Rest, pb.decoded)
	if !ok {
		return nil
	}
	p.Offering = b.offering(ob, pb.ID)
	if p.Operator == nil && !p.Local {
		b.errorf(pb.DefRange, "provider %q has no operator block", pb.ID)
	}
	if p.SecNumCloud == nil && !p.Local {
		b.errorf(pb.DefRange, "provider %q has no secnumcloud block (its default status)", pb.ID)
	}
	p.Location.valueRes = map[string]*regexp.Regexp{}
	b.addLocation(&p.Location, pb.Location)
	b.addTags(p.ID, &p.Tags, pb.Tags)
	b.addGlobal(p, pb.Global)
	b.addReplications(p, pb.Replicas)
	b.addEndpoints(p, pb.Endpoint)
	for i := range pb.Variants {
		if v := b.newVariant(pb.ID, &pb.Variants[i]); v != nil {
			p.Variants = append(p.Variants, v)
		}
	}
	p.shareZonePatterns()
	return p
}

// amend returns a copy of p changed by an extension block; p itself, which
// the embedded catalog shares, is left alone.
func (b *builder) amend(orig *Provider, pb *providerBlock) *Provider {
	p := orig.clone()
	if pb.Name != "" {
		p.Name = pb.Name
	}
	for _, r := range pb.Registry {
		if r = normaliseRegistry(r); !slices.Contains(p.Registry, r) {
			p.Registry = append(p.Registry, r)
		}
	}
	ob, ok := b.offeringBlockOf(pb.Rest, pb.decoded)
	if !ok {
		return nil
	}
	b.mergeOffering(&p.Offering, ob, p.ID)
	b.addLocation(&p.Location, pb.Location)
	b.addTags(p.ID, &p.Tags, pb.Tags)
	b.addGlobal(p, pb.Global)
	b.addReplications(p, pb.Replicas)
	b.addEndpoints(p, pb.Endpoint)
	var added []*Variant
	for i := range pb.Variants {
		vb := &pb.Variants[i]
		idx := slices.IndexFunc(p.Variants, func(v *Variant) bool { return v.ID == vb.ID })
		if idx < 0 {
			if v := b.newVariant(p.ID, vb); v != nil {
				added = append(added, v)
			}
			continue
		}
		if v := b.amendVariant(p.ID, p.Variants[idx], vb); v != nil {
			p.Variants[idx] = v
		}
	}
	// A user's variant is tried before the catalog's: a private cloud
	// declared by its auth_url must win over a broader catalog match.
	p.Variants = append(added, p.Variants...)
	p.shareZonePatterns()
	return p
}

func (p *Provider) clone() *Provider {
	c := *p
	c.cache = &lookupCache{}
	c.Registry = slices.Clone(p.Registry)
	c.Offering = p.Offering.clone()
	c.Location = p.Location.clone()
	c.Tags = TagSpec{
		ResourceAttributes: slices.Clone(p.Tags.ResourceAttributes),
		ProviderAttributes: slices.Clone(p.Tags.ProviderAttributes),
		Effective:          p.Tags.Effective,
		ForTypes:           slices.Clone(p.Tags.ForTypes),
	}
	// Variants are copied too: shareZonePatterns writes to them.
	c.Variants = make([]*Variant, len(p.Variants))
	for i, v := range p.Variants {
		vc := *v
		c.Variants[i] = &vc
	}
	c.Global = slices.Clone(p.Global)
	c.Replications = slices.Clone(p.Replications)
	c.Endpoints = slices.Clone(p.Endpoints)
	return &c
}

func (o *Offering) clone() Offering {
	c := *o
	c.Offers = slices.Clone(o.Offers)
	c.Certifications = slices.Clone(o.Certifications)
	c.Regions = slices.Clone(o.Regions)
	c.regionIndex = maps.Clone(o.regionIndex)
	if c.regionIndex == nil {
		c.regionIndex = map[string]*Region{}
	}
	return c
}

func (l *LocationSpec) clone() LocationSpec {
	c := *l
	c.ResourceAttributes = slices.Clone(l.ResourceAttributes)
	c.ProviderAttributes = slices.Clone(l.ProviderAttributes)
	c.ParentAttributes = slices.Clone(l.ParentAttributes)
	c.ValuePatterns = maps.Clone(l.ValuePatterns)
	c.ZonePatterns = slices.Clone(l.ZonePatterns)
	c.Env = slices.Clone(l.Env)
	c.ZoneDataSources = slices.Clone(l.ZoneDataSources)
	c.valueRes = maps.Clone(l.valueRes)
	if c.valueRes == nil {
		c.valueRes = map[string]*regexp.Regexp{}
	}
	c.zoneRes = slices.Clone(l.zoneRes)
	return c
}

// shareZonePatterns gives the base offering and every variant the
// provider's zone patterns, which Offering.Region applies.
func (p *Provider) shareZonePatterns() {
	p.zoneRes = p.Location.zoneRes
	for _, v := range p.Variants {
		v.zoneRes = p.Location.zoneRes
	}
}

// addLocation appends a location block's attributes and patterns to spec,
// after the ones it already has: a data file starts from nothing, an
// extension adds lower-precedence attributes.
func (b *builder) addLocation(spec *LocationSpec, lb *locationBlock) {
	if lb == nil {
		return
	}
	spec.ResourceAttributes = appendNew(spec.ResourceAttributes, lb.ResourceAttributes...)
	spec.ProviderAttributes = appendNew(spec.ProviderAttributes, lb.ProviderAttributes...)
	spec.ParentAttributes = appendNew(spec.ParentAttributes, lb.ParentAttributes...)
	spec.Env = appendNew(spec.Env, lb.Env...)
	spec.ZoneDataSources = appendNew(spec.ZoneDataSources, lb.ZoneDataSources...)
	if len(lb.ValuePatterns) > 0 && spec.ValuePatterns == nil {
		spec.ValuePatterns = map[string]string{}
	}
	for _, attr := range slices.Sorted(maps.Keys(lb.ValuePatterns)) {
		pat := lb.ValuePatterns[attr]
		re, err := regexp.Compile(pat)
		if err != nil || re.NumSubexp() < 1 {
			b.errorf(lb.DefRange, "value pattern for %q must compile and have one group: %q", attr, pat)
			continue
		}
		spec.ValuePatterns[attr] = pat
		spec.valueRes[attr] = re
	}
	for _, pat := range lb.ZonePatterns {
		re, err := regexp.Compile(pat)
		if err != nil || re.NumSubexp() < 1 {
			b.errorf(lb.DefRange, "zone pattern %q must compile and have one group", pat)
			continue
		}
		spec.ZonePatterns = append(spec.ZonePatterns, pat)
		spec.zoneRes = append(spec.zoneRes, re)
	}
}

func (b *builder) addTags(owner string, spec *TagSpec, tb *tagsBlock) {
	if tb == nil {
		return
	}
	spec.ResourceAttributes = appendNew(spec.ResourceAttributes, tb.ResourceAttributes...)
	spec.ProviderAttributes = appendNew(spec.ProviderAttributes, tb.ProviderAttributes...)
	if tb.Effective != "" {
		spec.Effective = tb.Effective
	}
	// An extension's entries are tried first: the user's word on a type
	// wins over the catalog's.
	var added []*TypeTags
	for _, ft := range tb.ForTypes {
		tt := &TypeTags{
			ResourceTypes: ft.ResourceTypes, ResourceAttributes: ft.ResourceAttributes, Note: ft.Note,
			NoProviderDefaults: ft.ProviderDefaults != nil && !*ft.ProviderDefaults,
			Fact:               b.fact(fmt.Sprintf("%s tags for %s", owner, strings.Join(ft.ResourceTypes, ", ")), ft.DefRange, ft.Source, ft.AsOf, ft.Verified),
		}
		if len(ft.ResourceTypes) == 0 || len(ft.ResourceAttributes) == 0 {
			b.errorf(ft.DefRange, "%s tags for_types needs resource_types and resource_attributes", owner)
			continue
		}
		added = append(added, tt)
	}
	spec.ForTypes = append(added, spec.ForTypes...)
}

// addReplications adds the attributes through which resources copy their
// data elsewhere (SOV006).
func (b *builder) addReplications(p *Provider, blocks []replicationBlock) {
	for _, rb := range blocks {
		r := &Replication{
			Name: rb.Name, ResourceTypes: rb.ResourceTypes, Path: rb.Path, ValuePattern: rb.ValuePattern,
			SourceReference: rb.SourceReference, DestinationReference: rb.DestinationReference,
			WhenValues: rb.WhenValues, Note: rb.Note,
			Fact: b.fact(fmt.Sprintf("%s replication %q", p.ID, rb.Name), rb.DefRange, rb.Source, rb.AsOf, rb.Verified),
		}
		switch {
		case r.Path != "" && r.DestinationReference != "":
			b.errorf(rb.DefRange, "replication %q: the destination is a path's value or a referenced resource, not both", rb.Name)
			continue
		case r.Path == "" && r.DestinationReference == "" && r.SourceReference == "":
			b.errorf(rb.DefRange, "replication %q: give path (a destination value), destination_reference or source_reference", rb.Name)
			continue
		case r.Path == "" && (r.ValuePattern != "" || len(r.WhenValues) > 0):
			b.errorf(rb.DefRange, "replication %q: value_pattern and when_values read a path's value, not a reference", rb.Name)
			continue
		}
		if rb.ValuePattern != "" {
			re, err := regexp.Compile(rb.ValuePattern)
			if err != nil || re.NumSubexp() < 1 {
				b.errorf(rb.DefRange, "replication %q: value_pattern must compile and have one group", rb.Name)
				continue
			}
			r.valueRe = re
		}
		p.Replications = append(p.Replications, r)
	}
}

// regexpError says why a pattern does not compile, the pattern quoted:
// the regexp package's own message prints it bare between backquotes,
// control characters included.
func regexpError(err error) string {
	if se, ok := errors.AsType[*syntax.Error](err); ok {
		return fmt.Sprintf("error parsing regexp: %s: %q", se.Code, se.Expr)
	}
	return strconv.Quote(err.Error())
}

// addEndpoints adds the other operators' services the provider can be
// pointed at; an extension's come first.
func (b *builder) addEndpoints(p *Provider, blocks []endpointBlock) {
	var added []*Endpoint
	for _, eb := range blocks {
		e := &Endpoint{
			Name: eb.Name, Attribute: eb.Attribute, ResourceTypes: eb.ResourceTypes, Host: eb.Host,
			OperatedBy: eb.OperatedBy, Region: NormaliseRegion(eb.Region), Note: eb.Note,
			Fact: b.fact(fmt.Sprintf("%s endpoint %q", p.ID, eb.Name), eb.DefRange, eb.Source, eb.AsOf, eb.Verified),
		}
		re, err := regexp.Compile(eb.Host)
		if err != nil {
			b.errorf(eb.DefRange, "endpoint %q: host must compile: %s", eb.Name, regexpError(err))
			continue
		}
		if (re.NumSubexp() < 1) == (e.Region == "") {
			b.errorf(eb.DefRange, "endpoint %q: the region comes from a group of host or from region, exactly one of them", eb.Name)
			continue
		}
		e.hostRe = re
		added = append(added, e)
	}
	p.Endpoints = append(added, p.Endpoints...)
}

func (b *builder) addGlobal(p *Provider, blocks []globalBlock) {
	for _, g := range blocks {
		p.Global = append(p.Global, GlobalService{
			Name: g.Name, ResourceTypes: g.ResourceTypes, Note: g.Note,
			Fact: b.fact(fmt.Sprintf("%s global service %q", p.ID, g.Name), g.DefRange, g.Source, g.AsOf, g.Verified),
		})
	}
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

func (b *builder) newVariant(owner string, vb *variantBlock) *Variant {
	if vb.Name == "" {
		b.errorf(vb.DefRange, "variant %q of %q has no name", vb.ID, owner)
	}
	if vb.When == nil {
		b.errorf(vb.DefRange, "variant %q of %q has no when block: nothing would select it", vb.ID, owner)
		return nil
	}
	vo, ok := b.offeringBlockOf(vb.Rest, vb.decoded)
	if !ok {
		return nil
	}
	v := &Variant{ID: vb.ID, Name: vb.Name, When: b.match(owner, vb.ID, vb.When), DeclRange: vb.DefRange}
	if vb.InheritRegions != nil {
		v.InheritRegions = *vb.InheritRegions
	}
	v.Offering = b.offering(vo, owner+"/"+vb.ID)
	return v
}

func (b *builder) amendVariant(owner string, orig *Variant, vb *variantBlock) *Variant {
	vo, ok := b.offeringBlockOf(vb.Rest, vb.decoded)
	if !ok {
		return nil
	}
	v := *orig
	v.Offering = orig.clone()
	if vb.Name != "" {
		v.Name = vb.Name
	}
	if vb.When != nil {
		v.When = b.match(owner, vb.ID, vb.When)
	}
	if vb.InheritRegions != nil {
		v.InheritRegions = *vb.InheritRegions
	}
	b.mergeOffering(&v.Offering, vo, owner+"/"+vb.ID)
	return &v
}

func (b *builder) match(owner, variant string, mb *matchBlock) Match {
	m := Match{Attribute: mb.Attribute, Matches: mb.Matches, RegionPattern: mb.RegionPattern}
	for _, e := range mb.Equals {
		m.Equals = append(m.Equals, strings.ToLower(strings.TrimSpace(e)))
	}
	for _, e := range mb.NotIn {
		m.NotIn = append(m.NotIn, strings.ToLower(strings.TrimSpace(e)))
	}
	what := fmt.Sprintf("variant %q of %q", variant, owner)
	if m.Attribute == "" && m.RegionPattern == "" {
		b.errorf(mb.DefRange, "%s: when needs an attribute test or a region_pattern", what)
	}
	tests := 0
	for _, set := range []bool{len(m.Equals) > 0, len(m.NotIn) > 0, m.Matches != ""} {
		if set {
			tests++
		}
	}
	switch {
	case m.Attribute != "" && tests != 1:
		b.errorf(mb.DefRange, "%s: when.attribute needs exactly one of equals, not_in or matches", what)
	case m.Attribute == "" && tests > 0:
		b.errorf(mb.DefRange, "%s: equals, not_in and matches need when.attribute", what)
	}
	for _, pat := range []struct {
		src string
		dst **regexp.Regexp
	}{{m.Matches, &m.attrRe}, {m.RegionPattern, &m.regionRe}} {
		if pat.src == "" {
			continue
		}
		re, err := regexp.Compile(pat.src)
		if err != nil {
			b.errorf(mb.DefRange, "%s: %s", what, regexpError(err))
			continue
		}
		*pat.dst = re
	}
	return m
}

// offering builds an offering from its block and checks what can be checked
// locally; checkProvider checks the rest once extensions are merged.
func (b *builder) offering(ob *offeringBlock, owner string) Offering {
	o := Offering{DefaultRegion: NormaliseRegion(ob.DefaultRegion), regionIndex: map[string]*Region{}}
	b.mergeOffering(&o, ob, owner)
	return o
}

// mergeOffering applies a block to an offering: the block's operator and
// default status replace the offering's, its offers replace those of the
// same ID and come first, its regions are added.
func (b *builder) mergeOffering(o *Offering, ob *offeringBlock, owner string) {
	if ob.DefaultRegion != "" {
		o.DefaultRegion = NormaliseRegion(ob.DefaultRegion)
	}
	if op := ob.Operator; op != nil {
		o.Operator = &Operator{
			Name: op.Name, Country: op.Country, Parent: op.Parent, ParentCountry: op.ParentCountry,
			EULegalControl: op.EULegalControl, Laws: op.Laws, Note: op.Note,
			Fact: b.fact(owner+" operator", op.DefRange, op.Source, op.AsOf, op.Verified),
		}
		if !slices.Contains([]string{ControlYes, ControlNo, ControlUnknown}, op.EULegalControl) {
			b.errorf(op.DefRange, "%s operator: eu_legal_control must be yes, no or unknown, not %q", owner, op.EULegalControl)
		}
		if op.Country != "" && !validCountry(op.Country) {
			b.errorf(op.DefRange, "%s operator: country %q is not an ISO 3166-1 alpha-2 code", owner, op.Country)
		}
		if op.ParentCountry != "" && !validCountry(op.ParentCountry) {
			b.errorf(op.DefRange, "%s operator: parent_country %q is not an ISO 3166-1 alpha-2 code", owner, op.ParentCountry)
		}
	}
	if s := ob.SecNumCloud; s != nil {
		o.SecNumCloud = &Status{Status: s.Status, Note: s.Note, Fact: b.fact(owner+" secnumcloud", s.DefRange, s.Source, s.AsOf, s.Verified)}
		b.checkStatus(s.Status, owner+" secnumcloud", s.DefRange)
	}
	var offers []*Offer
	for _, of := range ob.Offers {
		what := fmt.Sprintf("%s offer %q", owner, of.ID)
		off := &Offer{
			ID: of.ID, Name: of.Name, Status: of.Status, ResourceTypes: of.ResourceTypes,
			QualifiedFrom: of.QualifiedFrom, ValidUntil: of.ValidUntil, Decision: of.Decision, Note: of.Note,
			ListedOnly: of.ListedOnly, owner: owner,
			Fact: b.fact(what, of.DefRange, of.Source, of.AsOf, of.Verified),
		}
		if of.Decision != "" && !decisionRe.MatchString(of.Decision) {
			b.errorf(of.DefRange, "%s: decision %q is not an ANSSI decision number", what, of.Decision)
		}
		for _, r := range of.Regions {
			off.Regions = append(off.Regions, NormaliseRegion(r))
		}
		b.checkStatus(of.Status, what, of.DefRange)
		for _, d := range []struct{ attr, value string }{{"qualified_from", of.QualifiedFrom}, {"valid_until", of.ValidUntil}} {
			if _, err := time.Parse(time.DateOnly, d.value); d.value != "" && err != nil {
				b.errorf(of.DefRange, "%s: %s %q is not a date (YYYY-MM-DD)", what, d.attr, d.value)
			}
		}
		if of.Status == StatusQualified && (of.QualifiedFrom == "" || of.ValidUntil == "") {
			b.errorf(of.DefRange, "%s: a qualified offer needs qualified_from and valid_until", what)
		}
		if slices.ContainsFunc(offers, func(x *Offer) bool { return x.ID == of.ID }) {
			b.errorf(of.DefRange, "%s is declared twice", what)
			continue
		}
		off.Certifications = b.certifications(nil, of.Certifications, what, off)
		offers = append(offers, off)
	}
	for _, old := range o.Offers {
		if !slices.ContainsFunc(offers, func(x *Offer) bool { return x.ID == old.ID }) {
			offers = append(offers, old)
		}
	}
	o.Offers = offers
	o.Certifications = b.certifications(o.Certifications, ob.Certifications, owner, nil)
	for _, group := range ob.Regions {
		for _, rb := range group.Regions {
			if r := b.region(owner, &group, &rb); r != nil {
				b.addRegion(o, r, owner, rb.DefRange)
			}
		}
	}
}

func (b *builder) region(owner string, group *regionsBlock, rb *regionBlock) *Region {
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
		Code: NormaliseRegion(rb.Code), Name: rb.Name, Zones: rb.Zones, Aliases: rb.Aliases,
		Pair: NormaliseRegion(rb.Pair), Global: rb.Global, Note: rb.Note,
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
	return r
}

// addRegion indexes a region by its code, zones and aliases. A code an
// offering already has is an error, also from an extension: overriding
// where a region is would be a silent change of every verdict on it.
func (b *builder) addRegion(o *Offering, r *Region, owner string, rng hcl.Range) {
	for _, key := range append([]string{r.Code}, append(slices.Clone(r.Zones), r.Aliases...)...) {
		k := NormaliseRegion(key)
		if prev, ok := o.regionIndex[k]; ok {
			b.errorf(rng, "%s: %q is declared twice (regions %q and %q)", owner, key, prev.Code, r.Code)
			continue
		}
		o.regionIndex[k] = r
	}
	o.Regions = append(o.Regions, r)
}

// checkProvider checks what only the complete provider can show: default
// regions and offer regions name declared regions, and the regions a
// variant claims by pattern do not shadow the base offering's.
func (b *builder) checkProvider(p *Provider) {
	b.checkOffering(&p.Offering, nil, p.ID, p.DeclRange)
	for _, v := range p.Variants {
		var inherited *Offering
		if v.InheritRegions {
			inherited = &p.Offering
		}
		b.checkOffering(&v.Offering, inherited, p.ID+"/"+v.ID, v.DeclRange)
		if v.When.regionRe == nil {
			continue
		}
		for _, r := range p.Regions {
			if v.When.regionRe.MatchString(r.Code) {
				b.errorf(r.DeclRange, "%s region %q matches the region_pattern of variant %q, which would hide it", p.ID, r.Code, v.ID)
			}
		}
	}
}

// checkOffering checks an offering's references to its regions, which may
// be the inherited ones of the base offering.
func (b *builder) checkOffering(o, inherited *Offering, owner string, rng hcl.Range) {
	declared := func(code string) bool {
		return o.regionIndex[code] != nil || (inherited != nil && inherited.regionIndex[code] != nil)
	}
	for _, r := range o.Regions {
		if r.Pair != "" && !declared(r.Pair) {
			b.errorf(r.DeclRange, "%s region %q: pair %q is not one of its regions", owner, r.Code, r.Pair)
		}
	}
	if o.DefaultRegion != "" && !declared(o.DefaultRegion) {
		b.errorf(rng, "%s: default_region %q is not one of its regions", owner, o.DefaultRegion)
	}
	for _, off := range o.Offers {
		for _, r := range off.Regions {
			if !declared(r) {
				b.errorf(off.DeclRange, "%s offer %q names region %q, which is not declared", owner, off.ID, r)
			}
		}
	}
	for _, c := range o.AllCertifications() {
		for _, r := range c.Regions {
			if !declared(r) {
				b.errorf(c.DeclRange, "%s certification %q names region %q, which is not declared", owner, c.ID, r)
			}
		}
	}
}

// checkEndpoints checks that an endpoint names a provider of the catalog,
// and a fixed region that provider has.
func (b *builder) checkEndpoints(c *Catalog, p *Provider) {
	for _, e := range p.Endpoints {
		target := c.ByID(e.OperatedBy)
		switch {
		case target == nil || target == p:
			b.errorf(e.DeclRange, "%s endpoint %q: operated_by %q is not another provider of the catalog", p.ID, e.Name, e.OperatedBy)
		case e.Region != "" && target.Region(e.Region) == nil:
			b.errorf(e.DeclRange, "%s endpoint %q: region %q is not a region of %q", p.ID, e.Name, e.Region, target.ID)
		}
	}
}

func (b *builder) checkStatus(s, what string, rng hcl.Range) {
	if !slices.Contains([]string{StatusQualified, StatusInProgress, StatusNotQualified, StatusUnknown}, s) {
		b.errorf(rng, "%s: status must be qualified, in_progress, not_qualified or unknown, not %q", what, s)
	}
}

var (
	countryRe = regexp.MustCompile(`^[A-Z]{2}$`)
	// decisionRe is an ANSSI decision number as the catalog prints it
	// ("2118"); a placeholder left in a pasted renewal block is not one.
	decisionRe = regexp.MustCompile(`^\d+(?:[-/.][0-9A-Za-z]+)*$`)
)

// validDate accepts a calendar date, YYYY-MM-DD or YYYY-MM: 2026-02-30
// is not one (a regexp would let it through, and a date that does not
// parse must never make a lapsed qualification pass).
func validDate(d string) bool {
	_, ok := parseAsOf(d)
	return ok
}
func validCountry(c string) bool { return countryRe.MatchString(c) }

// validSourceDate accepts what a document's date can honestly be: a day, a
// month, or only a year (an undated web page read in 2026).
func validSourceDate(d string) bool {
	if len(d) != len("2006") {
		return validDate(d)
	}
	_, err := time.Parse("2006", d)
	return err == nil
}

// checkFacts verifies that every fact built here names known sources, a
// date and a verification level: a fact without provenance is not a fact.
func (b *builder) checkFacts(sources map[string]*Source) {
	for _, f := range b.facts {
		if len(f.fact.Sources) == 0 {
			b.errorf(f.fact.DeclRange, "%s has no source", f.what)
		}
		for _, k := range f.fact.Sources {
			if sources[k] == nil {
				b.errorf(f.fact.DeclRange, "%s cites unknown source %q", f.what, k)
			}
		}
		if !validDate(f.fact.AsOf) {
			b.errorf(f.fact.DeclRange, "%s: as_of %q is not YYYY-MM-DD or YYYY-MM", f.what, f.fact.AsOf)
		}
		if !slices.Contains([]string{VerifiedPrimary, VerifiedSecondary, VerifiedUnverified}, f.fact.Verified) {
			b.errorf(f.fact.DeclRange, "%s: verified must be primary, secondary or unverified, not %q", f.what, f.fact.Verified)
		}
	}
}
