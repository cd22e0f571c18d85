package providers

import "sync"

// What the catalog's resource-type globs say about a type is asked once per
// resource: on a 30,000-resource plan, matching every glob every time is
// most of the resolver's work. Answers are cached per provider and type;
// the catalog is immutable once built, so they never go stale.

type typeKey struct {
	p *Provider
	t string
}

type typeFacts struct {
	global       *GlobalService
	replications []*Replication
	endpoints    []*Endpoint
	tags         TagSpec
}

var typeCache sync.Map // typeKey → *typeFacts

func (p *Provider) typeFacts(resourceType string) *typeFacts {
	k := typeKey{p, resourceType}
	if f, ok := typeCache.Load(k); ok {
		return f.(*typeFacts) //nolint:errcheck,forcetypeassert // only *typeFacts are stored
	}
	f := &typeFacts{}
	for i := range p.Global {
		if matchAny(p.Global[i].ResourceTypes, resourceType) {
			f.global = &p.Global[i]
			break
		}
	}
	for _, r := range p.Replications {
		if matchAny(r.ResourceTypes, resourceType) {
			f.replications = append(f.replications, r)
		}
	}
	for _, e := range p.Endpoints {
		if matchAny(e.ResourceTypes, resourceType) {
			f.endpoints = append(f.endpoints, e)
		}
	}
	f.tags = p.Tags.forType(resourceType)
	actual, _ := typeCache.LoadOrStore(k, f)
	return actual.(*typeFacts) //nolint:errcheck,forcetypeassert // only *typeFacts are stored
}

// Region lookups try zone and variant patterns (regular expressions) in
// turn; resources name a handful of distinct regions, so each answer is
// computed once per provider, variant and code.

type regionKey struct {
	p      *Provider
	chosen *Variant
	code   string
}

type regionLookup struct {
	variant *Variant
	region  *Region
}

var regionCache sync.Map // regionKey → regionLookup
