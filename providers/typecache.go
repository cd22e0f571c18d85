package providers

import "sync"

// What the catalog's resource-type globs say about a type is asked once per
// resource: on a 30,000-resource plan, matching every glob every time is
// most of the resolver's work. Answers are cached on each provider of the
// catalog value (a catalog is immutable once built, so they never go
// stale; a provider cloned to be extended starts with an empty cache).

// lookupCache holds a provider's cached answers.
type lookupCache struct {
	types   sync.Map // resource type → *typeFacts
	regions sync.Map // regionKey → regionLookup
}

type typeFacts struct {
	global       *GlobalService
	replications []*Replication
	endpoints    []*Endpoint
	tags         TagSpec
}

func (p *Provider) typeFacts(resourceType string) *typeFacts {
	if p.cache == nil {
		return p.computeTypeFacts(resourceType)
	}
	if f, ok := p.cache.types.Load(resourceType); ok {
		return f.(*typeFacts) //nolint:errcheck,forcetypeassert // only *typeFacts are stored
	}
	actual, _ := p.cache.types.LoadOrStore(resourceType, p.computeTypeFacts(resourceType))
	return actual.(*typeFacts) //nolint:errcheck,forcetypeassert // only *typeFacts are stored
}

func (p *Provider) computeTypeFacts(resourceType string) *typeFacts {
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
	return f
}

// Region lookups try zone and variant patterns (regular expressions) in
// turn; resources name a handful of distinct regions, so each answer is
// computed once per provider, variant and code.

type regionKey struct {
	chosen *Variant
	code   string
}

type regionLookup struct {
	variant *Variant
	region  *Region
}
