package analyzer

import (
	"fmt"
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
	var tags TagSpecView
	if p != nil {
		tags = TagSpecView(p.Tags)
	} else {
		tags = genericTags
	}
	res.Classification = r.Policy.Classify(in, tags)
	res.Replicas = r.replicas(in, p, &res)
	return res
}

// TagSpecView is the catalog's tag spec; unknown providers fall back to the
// common attribute names.
type TagSpecView providers.TagSpec

var genericTags = TagSpecView{ResourceAttributes: []string{"tags", "labels"}}

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
	if _, ok := p.IsGlobal(in.Type); ok && variant == nil {
		return Location{Region: "global", Global: true, Source: LocationSource{Kind: FromGlobal}}
	}

	loc, found := r.fromAttrs(in.Attrs, p.Location.ResourceAttributes, p, LocationSource{Kind: FromResource})
	if !found {
		// Wherever the parent turns out to be wins over what follows;
		// InheritLocations decides once every resource is resolved.
		res.parents = parentRefs(in, p.Location.ParentAttributes)
	}
	if !found {
		src := LocationSource{Kind: FromProvider, Provider: res.ProviderConfig}
		loc, found = r.fromAttrs(pcAttrs, p.Location.ProviderAttributes, p, src)
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
		case len(p.Location.ProviderAttributes) == 0 && len(p.Location.ParentAttributes) > 0:
			reason = fmt.Sprintf("the resource sets no location, %s has none to give, and it references no parent resource that has one", p.Name)
		case len(p.Location.ProviderAttributes) == 0:
			reason = fmt.Sprintf("the resource sets no location and %s has none to give", p.Name)
		case len(p.Location.Env) > 0:
			reason += "; it would come from the environment (" + strings.Join(p.Location.Env, ", ") + "), which sovlint does not read"
		}
		return Location{Source: LocationSource{Kind: FromNowhere, Provider: res.ProviderConfig}, Unresolved: reason}
	}
	if loc.Unresolved != "" {
		return loc
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

func variantOffering(p *providers.Provider, v *providers.Variant) *providers.Offering {
	if v != nil && v.DefaultRegion != "" {
		return &v.Offering
	}
	return &p.Offering
}

// fromAttrs takes the first attribute, in precedence order, that says where
// the resource lands. An attribute the configuration sets to a value unknown
// until apply stops the search: guessing from a lower-precedence attribute
// would be a silent pass.
func (r *Resolver) fromAttrs(attrs Attrs, names []string, p *providers.Provider, src LocationSource) (Location, bool) {
	for _, name := range names {
		a, ok := lookupAttr(attrs, name)
		if !ok || a.Value == cty.NilVal || a.Value.IsNull() {
			continue
		}
		s := src
		s.Attribute, s.Via, s.Range = name, a.Via, a.Range
		if !a.IsWhollyKnown() {
			if !a.Set {
				continue // computed by the provider from the configuration below
			}
			return Location{Source: withKind(s, FromNowhere), Unresolved: fmt.Sprintf("%s is not known statically%s", describe(s), Because(a.Why))}, true
		}
		code, ok := firstString(a.Value)
		if !ok || code == "" {
			continue
		}
		if re := p.Location.ValuePattern(name); re != nil {
			m := re.FindStringSubmatch(code)
			if m == nil {
				return Location{Source: withKind(s, FromNowhere), Unresolved: fmt.Sprintf("%s does not name a known endpoint", describe(s))}, true
			}
			code = m[1]
		}
		return Location{Code: code, Source: s}, true
	}
	return Location{}, false
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

// firstString returns a string value, or the first element of a list of
// strings (availability_zones, subregion_names).
func firstString(v cty.Value) (string, bool) {
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString(), true
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsKnown() && !e.IsNull() && e.Type() == cty.String {
				return e.AsString(), true
			}
		}
	}
	return "", false
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
