package analyzer

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/providers"
)

// Resolver turns loaded Instances into Resources: it finds each resource's
// provider in the catalog, its location and its classification. It is the
// one place both inputs go through, which is what makes plans and sources
// agree.
type Resolver struct {
	Catalog *providers.Catalog
	Policy  ClassificationPolicy

	// variants caches the variant each provider configuration selects:
	// thousands of resources share a handful of configurations.
	variants sync.Map // variantKey → variantChoice
}

type variantKey struct {
	pc *ProviderConfig
	p  *providers.Provider
}

type variantChoice struct {
	variant   *providers.Variant
	undecided string
}

// variant is the catalog variant a provider configuration selects, or the
// attribute that would select it but is not known statically.
func (r *Resolver) variant(pc *ProviderConfig, p *providers.Provider) variantChoice {
	k := variantKey{pc, p}
	if c, ok := r.variants.Load(k); ok {
		return c.(variantChoice) //nolint:errcheck,forcetypeassert // only variantChoices are stored
	}
	pcAttrs := Attrs{}
	if pc != nil {
		pcAttrs = pc.Attrs
	}
	var c variantChoice
	c.variant, c.undecided = p.VariantFor(knownStrings(pcAttrs), func(attr string) bool {
		a, ok := pcAttrs[attr]
		return ok && a.Value != cty.NilVal && !a.IsWhollyKnown()
	})
	r.variants.Store(k, c)
	return c
}

// Resolve resolves one instance.
func (r *Resolver) Resolve(in *Instance) Resource {
	res := Resource{
		Address:       in.Address,
		ConfigAddress: in.ConfigAddress,
		Module:        in.Module,
		Type:          in.Type,
		Name:          in.Name,
		Provider:      providers.NormaliseSource(in.ProviderSource),
		Range:         in.Range,
		Unexpanded:    in.Unexpanded,
	}
	res.ProviderConfig = in.ProviderKey
	if in.ProviderConfig != nil {
		res.ProviderConfig = in.ProviderConfig.Key
	}
	p := r.Catalog.Provider(in.ProviderSource)
	res.Catalog = p
	res.Location = r.locate(in, p, &res)
	if p == nil || !p.Local {
		// A provider that holds no data has nothing to classify: tags a
		// telemetry resource takes from a variable are not unknown data.
		res.Classification = r.Policy.Classify(in, tagSpec(p, in.Type))
	}
	res.Replicas = r.replicas(in, p, &res)
	return res
}

// TagSpecView is the catalog's tag spec; unknown providers fall back to the
// common attribute names.
type TagSpecView providers.TagSpec

var genericTags = TagSpecView{ResourceAttributes: []string{"tags", "labels"}}

// tagSpec is where a resource type keeps its tags. A provider the catalog
// knows but whose tags it does not describe is read as an unknown one is:
// a classification nobody reads is a silent pass.
func tagSpec(p *providers.Provider, resourceType string) TagSpecView {
	if p == nil {
		return genericTags
	}
	spec := TagSpecView(p.TagsFor(resourceType))
	if len(spec.ResourceAttributes) == 0 && spec.Effective == "" {
		spec.ResourceAttributes = genericTags.ResourceAttributes
	}
	return spec
}

func (r *Resolver) locate(in *Instance, p *providers.Provider, res *Resource) Location {
	switch {
	case p == nil:
		return Location{Source: LocationSource{Kind: FromUnknown}}
	case p.Local:
		return Location{Source: LocationSource{Kind: FromLocal}}
	}
	pcAttrs := Attrs{}
	if in.ProviderConfig != nil {
		pcAttrs = in.ProviderConfig.Attrs
	}
	choice := r.variant(in.ProviderConfig, p)
	variant, undecided := choice.variant, choice.undecided
	if undecided != "" {
		a := pcAttrs[undecided]
		return Location{
			Source:     LocationSource{Kind: FromNowhere, Attribute: undecided, Provider: res.ProviderConfig, Via: a.Via, Range: a.Range},
			Unresolved: fmt.Sprintf("provider attribute %s, which selects the operator, is not known statically%s", undecided, Because(a.Why)),
		}
	}
	res.Variant = variant
	if eps := p.EndpointsFor(in.Type); len(eps) > 0 {
		if loc, ok := r.viaEndpoint(eps, pcAttrs, res); ok {
			return loc
		}
	}
	if _, ok := p.IsGlobal(in.Type); ok && variant == nil {
		return Location{Region: "global", Global: true, Source: LocationSource{Kind: FromGlobal}}
	}

	loc, codes, found := r.fromAttrs(in.Attrs, p.Location.ResourceAttributes, p, LocationSource{Kind: FromResource})
	if !found {
		// Wherever the parent turns out to be wins over what follows;
		// InheritLocations decides once every resource is resolved.
		res.parents = parentRefs(in, p.Location.ParentAttributes)
	}
	if !found {
		src := LocationSource{Kind: FromProvider, Provider: res.ProviderConfig}
		loc, codes, found = r.fromAttrs(pcAttrs, p.Location.ProviderAttributes, p, src)
	}
	if !found {
		off := variantOffering(p, variant)
		if off.DefaultRegion != "" {
			loc, found = Location{Code: off.DefaultRegion, Source: LocationSource{Kind: FromDefault}}, true
		}
	}
	if !found {
		where := "its provider configuration"
		if res.ProviderConfig != "" {
			where = fmt.Sprintf("provider %q", res.ProviderConfig)
		}
		if in.ProviderConfig == nil {
			where += " (not declared)"
		}
		reason := fmt.Sprintf("neither the resource nor %s sets a location", where)
		switch {
		case len(p.Location.ProviderAttributes) == 0 && len(res.parents) > 0:
			// InheritLocations says what became of the parent.
			reason = fmt.Sprintf("the resource sets no location and %s has none to give", p.Name)
		case len(p.Location.ProviderAttributes) == 0 && len(p.Location.ParentAttributes) > 0:
			reason = fmt.Sprintf("the resource sets no location, %s has none to give, and it references no parent resource", p.Name)
		case len(p.Location.ProviderAttributes) == 0:
			reason = fmt.Sprintf("the resource sets no location and %s has none to give", p.Name)
		case len(p.Location.Env) > 0:
			reason += "; it would come from the environment (" + strings.Join(p.Location.Env, ", ") + "), which sovlint does not read"
		}
		cands := oneCountry(providerCandidates(p, variant))
		src := LocationSource{Kind: FromProviderRegions, Provider: res.ProviderConfig, Why: reason}
		switch {
		case len(cands) > 1:
			// Wherever the provider puts it, it is in that country: the
			// verdicts are evaluated over every region (SOV004 when they
			// disagree).
			return candidateLocation(cands, src)
		case len(cands) == 1:
			loc = Location{Code: cands[0].Region, Source: src} // its only region
		default:
			return Location{Source: LocationSource{Kind: FromNowhere, Provider: res.ProviderConfig}, Unresolved: reason}
		}
	}
	if loc.Unresolved != "" {
		return loc
	}
	if len(codes) > 1 {
		if cands := r.candidates(p, variant, codes); len(cands) > 1 {
			return candidateLocation(cands, loc.Source)
		}
	}
	v2, region := p.LookupRegion(loc.Code, variant)
	res.Variant = v2
	res.Region = region
	norm := providers.NormaliseRegion(loc.Code)
	if region == nil {
		loc.Region = norm
		return loc
	}
	loc.Region = region.Code
	loc.Country = region.Country()
	loc.Global = region.Global
	if norm != region.Code {
		loc.Zone = norm
	}
	return loc
}

// viaEndpoint places a resource whose provider is pointed at another
// operator's service (an S3 endpoint): the endpoint's host decides the
// operator and the region. It reports false when the provider sets none of
// the endpoint attributes.
func (r *Resolver) viaEndpoint(eps []*providers.Endpoint, pcAttrs Attrs, res *Resource) (Location, bool) {
	for i, e := range eps {
		if i > 0 && eps[i-1].Attribute == e.Attribute {
			continue // that attribute is already decided
		}
		a, ok := pcAttrs[e.Attribute]
		if !ok || a.Value == cty.NilVal || a.Value.IsNull() {
			continue
		}
		src := LocationSource{Kind: FromEndpoint, Attribute: e.Attribute, Provider: res.ProviderConfig, Via: a.Via, Range: a.Range}
		if !a.IsWhollyKnown() || a.Value.Type() != cty.String {
			res.OperatorUnknown = true
			return Location{Source: src, Unresolved: fmt.Sprintf("%s of provider %q, which decides the operator, is not known statically%s", e.Attribute, res.ProviderConfig, Because(a.Why))}, true
		}
		host := endpointHost(a.Value.AsString())
		for _, cand := range eps[i:] {
			if cand.Attribute != e.Attribute {
				break
			}
			m := cand.HostRe().FindStringSubmatch(host)
			if m == nil {
				continue
			}
			target := r.Catalog.ByID(cand.OperatedBy)
			if target == nil {
				break // an extension dropped it; unknown below
			}
			code := cand.Region
			if len(m) > 1 && m[1] != "" {
				code = m[1]
			}
			res.Catalog = target
			v, region := target.LookupRegion(code, nil)
			res.Variant, res.Region = v, region
			loc := Location{Code: code, Region: providers.NormaliseRegion(code), Source: src}
			if region != nil {
				loc.Region, loc.Country = region.Code, region.Country()
			}
			return loc, true
		}
		res.OperatorUnknown = true
		return Location{Source: src, Unresolved: fmt.Sprintf("%s of provider %q points at a host the catalog does not know: its operator and region are unknown", e.Attribute, res.ProviderConfig)}, true
	}
	return Location{}, false
}

// endpointHost is the host of an endpoint URL, lowercased, without scheme,
// credentials, port or path.
func endpointHost(u string) string {
	u = strings.ToLower(strings.TrimSpace(u))
	if _, rest, ok := strings.Cut(u, "://"); ok {
		u = rest
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		u = u[i+1:]
	}
	if i := strings.LastIndexByte(u, ':'); i >= 0 {
		u = u[:i]
	}
	return u
}

func variantOffering(p *providers.Provider, v *providers.Variant) *providers.Offering {
	if v != nil && v.DefaultRegion != "" {
		return &v.Offering
	}
	return &p.Offering
}

// fromAttrs takes the first attribute, in precedence order, that says where
// the resource lands. An attribute the configuration sets to a value unknown
// until apply stops the search: guessing from a lower-precedence attribute
// would be a silent pass. A list of locations (regions = ["GRA1", "BHS1"]),
// or an unknown value the loader knows the candidates of, gives every code;
// the location's Code is the first.
func (r *Resolver) fromAttrs(attrs Attrs, names []string, p *providers.Provider, src LocationSource) (Location, []string, bool) {
	for _, name := range names {
		a, ok := lookupAttr(attrs, name)
		if !ok || a.Value == cty.NilVal || a.Value.IsNull() {
			continue
		}
		s := src
		s.Attribute, s.Via, s.Range = name, a.Via, a.Range
		var values []cty.Value
		switch {
		case a.IsWhollyKnown() && a.Value.Type() == cty.String:
			// The common case: one location, no list to build.
			code := a.Value.AsString()
			if code == "" {
				continue
			}
			if re := p.Location.ValuePattern(name); re != nil {
				m := re.FindStringSubmatch(code)
				if m == nil {
					return Location{Source: withKind(s, FromNowhere), Unresolved: fmt.Sprintf("%s does not name a known endpoint", describe(s))}, nil, true
				}
				code = m[1]
			}
			return Location{Code: code, Source: s}, nil, true
		case a.IsWhollyKnown():
			values = []cty.Value{a.Value}
		case !a.Set:
			continue // computed by the provider from the configuration below
		case a.InProviderRegion != "" && len(a.Candidates) == 0:
			continue // a zone of the provider configuration's region
		case len(a.Candidates) > 0:
			values = a.Candidates
		default:
			return Location{Source: withKind(s, FromNowhere), Unresolved: fmt.Sprintf("%s is not known statically%s", describe(s), Because(a.Why))}, nil, true
		}
		var codes []string
		for _, v := range values {
			codes = append(codes, allStrings(v)...)
		}
		if len(codes) == 0 {
			continue
		}
		if re := p.Location.ValuePattern(name); re != nil {
			for i, code := range codes {
				m := re.FindStringSubmatch(code)
				if m == nil {
					return Location{Source: withKind(s, FromNowhere), Unresolved: fmt.Sprintf("%s does not name a known endpoint", describe(s))}, nil, true
				}
				codes[i] = m[1]
			}
		}
		return Location{Code: codes[0], Source: s}, codes, true
	}
	return Location{}, nil, false
}

// lookupAttr finds an attribute by path. Provider configurations store
// nested paths ("api.region") as keys; resources store top-level attributes,
// so "nodes.region" descends into the value of "nodes", taking the first
// element of lists and sets (the first node of an OVH database).
func lookupAttr(attrs Attrs, path string) (Attr, bool) {
	if a, ok := attrs[path]; ok {
		return a, true
	}
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		return Attr{}, false
	}
	a, ok := attrs[head]
	if !ok || a.Value == cty.NilVal {
		return Attr{}, false
	}
	v := a.Value
	for step := range strings.SplitSeq(rest, ".") {
		for v.IsKnown() && !v.IsNull() && (v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType()) {
			if v.LengthInt() == 0 {
				return Attr{}, false
			}
			it := v.ElementIterator()
			it.Next()
			_, v = it.Element()
		}
		switch {
		case !v.IsKnown():
			a.Value = cty.DynamicVal
			return a, true
		case v.IsNull():
			return Attr{}, false
		case v.Type().IsObjectType() && v.Type().HasAttribute(step):
			v = v.GetAttr(step)
		case v.Type().IsMapType() && v.HasIndex(cty.StringVal(step)).True():
			v = v.Index(cty.StringVal(step))
		default:
			return Attr{}, false
		}
	}
	a.Value = v
	return a, true
}

func withKind(s LocationSource, k SourceKind) LocationSource {
	s.Kind = k
	return s
}

func describe(s LocationSource) string {
	if s.Kind == FromProvider || (s.Provider != "" && s.Kind != FromResource) {
		return fmt.Sprintf("%s of provider %q", s.Attribute, s.Provider)
	}
	return s.Attribute
}

// Because is " (why)", or "" when there is no reason to give.
func Because(why string) string {
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}

// allStrings returns a string value, or the non-empty strings of a list
// (availability_zones, subregion_names, OVHcloud's regions), in order.
func allStrings(v cty.Value) []string {
	if !v.IsKnown() || v.IsNull() {
		return nil
	}
	t := v.Type()
	switch {
	case t == cty.String:
		if s := v.AsString(); s != "" {
			return []string{s}
		}
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		var out []string
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsKnown() && !e.IsNull() && e.Type() == cty.String && e.AsString() != "" {
				out = append(out, e.AsString())
			}
		}
		return out
	}
	return nil
}

// candidates maps location codes to the distinct regions they are in,
// sorted. Codes the catalog does not know are kept, normalised.
func (r *Resolver) candidates(p *providers.Provider, variant *providers.Variant, codes []string) []Candidate {
	var out []Candidate
	for _, code := range codes {
		v, region := p.LookupRegion(code, variant)
		c := Candidate{Region: providers.NormaliseRegion(code), Known: region, Variant: v}
		if region != nil {
			c.Region, c.Country = region.Code, region.Country()
		}
		if !slices.ContainsFunc(out, func(o Candidate) bool { return o.Region == c.Region && o.Variant == c.Variant }) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int { return strings.Compare(a.Region, b.Region) })
	return out
}

// providerCandidates are every region a resource of the provider can be
// in: those of the variant its configuration chose, else the base
// offering's and those of the variants a region selects (AWS eusc-*).
func providerCandidates(p *providers.Provider, variant *providers.Variant) []Candidate {
	var out []Candidate
	add := func(v *providers.Variant, regions []*providers.Region) {
		for _, region := range regions {
			out = append(out, Candidate{Region: region.Code, Country: region.Country(), Known: region, Variant: v})
		}
	}
	if variant != nil {
		add(variant, variant.Regions)
		if variant.InheritRegions {
			add(variant, p.Regions)
		}
		return out
	}
	add(nil, p.Regions)
	for _, v := range p.Variants {
		if v.When.Attribute == "" && v.When.RegionPattern != "" {
			add(v, v.Regions)
		}
	}
	return out
}

// oneCountry returns the candidates when they are all in one country (none
// global), else nil.
func oneCountry(cands []Candidate) []Candidate {
	if len(cands) == 0 {
		return nil
	}
	for _, c := range cands {
		if c.Known == nil || c.Known.Global || c.Country != cands[0].Country {
			return nil
		}
	}
	slices.SortFunc(cands, func(a, b Candidate) int { return strings.Compare(a.Region, b.Region) })
	return cands
}

// candidateLocation is a location that is one of several regions; its
// country is theirs when they share one.
func candidateLocation(cands []Candidate, src LocationSource) Location {
	loc := Location{Candidates: cands, Source: src}
	loc.Country = cands[0].Country
	for _, c := range cands[1:] {
		if c.Country != loc.Country {
			loc.Country = ""
			break
		}
	}
	return loc
}

// knownStrings returns the statically known string attributes, lowercased
// keys untouched, for variant selection.
func knownStrings(attrs Attrs) map[string]string {
	out := make(map[string]string, len(attrs))
	for k, a := range attrs {
		if a.Value == cty.NilVal || a.Value.IsNull() || !a.Value.IsKnown() || a.Value.Type() != cty.String {
			continue
		}
		out[k] = a.Value.AsString()
	}
	return out
}
