package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/providers"
)

// replicas resolves where a resource copies its data to, following the
// catalog's replication specs for its type.
func (r *Resolver) replicas(in *Instance, p *providers.Provider, res *Resource) []Replica {
	if p == nil {
		return nil
	}
	var out []Replica
	for _, spec := range p.ReplicationsFor(in.Type) {
		if spec.Path == "" {
			if l, ok := copyLinkOf(in, spec); ok {
				res.copies = append(res.copies, l)
			}
			continue
		}
		head, rest, _ := strings.Cut(spec.Path, ".")
		a, ok := in.Attrs[head]
		if !ok || a.Value == cty.NilVal || a.Value.IsNull() {
			continue
		}
		if !a.Value.IsKnown() && !a.Set {
			continue // computed, and empty unless configured
		}
		var reps []Replica
		for _, v := range walkPath(a.Value, rest) {
			if rep := r.replica(spec, v, a, p, res); rep.Via != "" {
				reps = append(reps, rep)
			}
		}
		if spec.SourceReference != "" && in.Refs != nil {
			// The destinations are the referenced resource's copies.
			if ref, _ := firstResourceRef(in, spec.SourceReference); ref != nil {
				res.copies = append(res.copies, copyLink{spec: spec, from: ref, reps: reps})
				continue
			}
		}
		out = append(out, reps...)
	}
	// Drop duplicates and destinations equal to the resource's own region:
	// a copy in the same place is not egress.
	var kept []Replica
	for _, rep := range out {
		if rep.Unresolved == "" && rep.Region == res.Location.Region {
			continue
		}
		if slices.ContainsFunc(kept, func(k Replica) bool {
			return k.Region == rep.Region && k.Unresolved == rep.Unresolved && k.Via == rep.Via
		}) {
			continue
		}
		kept = append(kept, rep)
	}
	return kept
}

func (r *Resolver) replica(spec *providers.Replication, v cty.Value, a Attr, p *providers.Provider, res *Resource) Replica {
	rep := Replica{Via: spec.Name, Path: spec.Path, Spec: spec, Range: a.Range}
	if !v.IsKnown() {
		rep.Unresolved = fmt.Sprintf("%s is not known statically%s", spec.Path, Because(a.Why))
		return rep
	}
	if v.IsNull() || v.Type() != cty.String {
		rep.Unresolved = spec.Path + " is not a string"
		return rep
	}
	code := v.AsString()
	if len(spec.WhenValues) > 0 {
		if !slices.ContainsFunc(spec.WhenValues, func(m string) bool { return strings.EqualFold(m, code) }) {
			return Replica{} // a mode that keeps data in place
		}
		switch {
		case !res.Location.Resolved():
			rep.Unresolved = "the resource's own region, whose pair receives the copy, is unresolved"
			return rep
		case len(res.Location.Candidates) > 0:
			rep.Unresolved = "the resource's own region, whose pair receives the copy, is one of several (" + res.Location.Key() + ")"
			return rep
		case res.Region == nil || res.Region.Pair == "":
			rep.Unresolved = fmt.Sprintf("the catalog records no paired region for %q", res.Location.Region)
			return rep
		}
		code = res.Region.Pair
	} else if re := spec.ValueRe(); re != nil {
		m := re.FindStringSubmatch(code)
		if len(m) < 2 || m[1] == "" {
			rep.Unresolved = spec.Path + " does not name a region"
			return rep
		}
		code = m[1]
	}
	rep.Variant, rep.Known = p.LookupRegion(code, res.Variant)
	rep.Region = providers.NormaliseRegion(code)
	if rep.Known != nil {
		rep.Region, rep.Country = rep.Known.Code, rep.Known.Country()
	}
	return rep
}

// walkPath follows a dotted path into a value, fanning out over the
// elements of lists and sets (nested blocks).
func walkPath(v cty.Value, path string) []cty.Value {
	if !v.IsKnown() {
		return []cty.Value{v}
	}
	if v.IsNull() {
		return nil
	}
	t := v.Type()
	if t.IsListType() || t.IsTupleType() || t.IsSetType() {
		var out []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, walkPath(e, path)...)
		}
		return out
	}
	if path == "" {
		return []cty.Value{v}
	}
	head, rest, _ := strings.Cut(path, ".")
	switch {
	case t.IsObjectType():
		if !t.HasAttribute(head) {
			return nil
		}
		return walkPath(v.GetAttr(head), rest)
	case t.IsMapType():
		k := cty.StringVal(head)
		if !v.HasIndex(k).True() {
			return nil
		}
		return walkPath(v.Index(k), rest)
	}
	return nil
}

// copyLink is a copy between resources of the configuration that a
// resource declares: from the resource its source reference names (or
// itself) to the one its destination reference names (or itself).
type copyLink struct {
	spec     *providers.Replication
	from, to *parentRef // nil: the declaring resource
	// toUnplaced says the destination attribute is set but names no
	// resource of the configuration (a bucket ARN written out).
	toUnplaced bool
	// reps are destinations already resolved from a path's value: the
	// source's copies.
	reps []Replica
}

// copyLinkOf reads a reference-based replication spec of an instance.
func copyLinkOf(in *Instance, spec *providers.Replication) (copyLink, bool) {
	if in.Refs == nil {
		return copyLink{}, false
	}
	l := copyLink{spec: spec}
	if spec.SourceReference != "" {
		ref, _ := firstResourceRef(in, spec.SourceReference)
		if ref == nil {
			// A source outside the configuration, or none: there is no
			// resource here whose data this copies.
			return copyLink{}, false
		}
		l.from = ref
	}
	if spec.DestinationReference != "" {
		ref, set := firstResourceRef(in, spec.DestinationReference)
		switch {
		case ref != nil:
			l.to = ref
		case set:
			l.toUnplaced = true
		default:
			return copyLink{}, false // no destination configured: no copy
		}
	}
	return l, true
}

// firstResourceRef is the first managed resource a path references, and
// whether the path is set at all.
func firstResourceRef(in *Instance, path string) (*parentRef, bool) {
	refs, set := in.Refs.References(path)
	for _, ref := range refs {
		if addr, key, ok := resourceRef(ref); ok && addr != in.ConfigAddress {
			return &parentRef{attribute: path, configAddress: addr, key: key}, true
		}
	}
	return nil, set
}

// RelateCopies gives each resource whose data another resource of the
// configuration copies (a read replica of a database, a replication
// configuration of a bucket) a replica at the copy's location, so that the
// copied resource, which carries the classification, answers for it. The
// resources must be one module tree, resolved and with their locations
// inherited.
func RelateCopies(resources []Resource) {
	if !slices.ContainsFunc(resources, func(r Resource) bool { return len(r.copies) > 0 }) {
		return
	}
	byConfig := map[string][]int{}
	for i := range resources {
		byConfig[resources[i].ConfigAddress] = append(byConfig[resources[i].ConfigAddress], i)
	}
	for i := range resources {
		for _, l := range resources[i].copies {
			froms := []int{i}
			if l.from != nil {
				froms = linked(resources, byConfig, i, l.from)
			}
			for _, f := range froms {
				reps := l.reps
				if reps == nil {
					reps = copyReplicas(resources, byConfig, i, f, l)
				}
				for _, rep := range reps {
					addReplica(&resources[f], rep)
				}
			}
		}
		resources[i].copies = nil
	}
}

// linked returns the instances a reference of resource i names: in its
// module instance or one related to it, with the referenced key if any.
func linked(resources []Resource, byConfig map[string][]int, i int, ref *parentRef) []int {
	var out []int
	for _, c := range byConfig[ref.configAddress] {
		if !related(resources[c].Module, resources[i].Module, moduleOf(ref.configAddress)) {
			continue
		}
		if ref.key != "" && !strings.HasSuffix(resources[c].Address, ref.key) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// copyReplicas are the destinations of one copy link for the copied
// resource f.
func copyReplicas(resources []Resource, byConfig map[string][]int, i, f int, l copyLink) []Replica {
	base := Replica{Via: l.spec.Name, Path: l.spec.DestinationReference, Spec: l.spec, Range: resources[i].Range}
	if l.toUnplaced {
		rep := base
		rep.Unresolved = fmt.Sprintf("%s of %s names no resource of the configuration, so where the copy goes cannot be determined statically", l.spec.DestinationReference, resources[i].Address)
		return []Replica{rep}
	}
	tos := []int{i}
	if l.to != nil {
		tos = linked(resources, byConfig, i, l.to)
		if len(tos) == 0 {
			rep := base
			rep.Unresolved = fmt.Sprintf("the destination %s of %s is not among the scanned resources", l.to.configAddress, resources[i].Address)
			return []Replica{rep}
		}
	}
	var out []Replica
	for _, t := range tos {
		if t == f {
			continue
		}
		to := &resources[t]
		rep := base
		rep.Resource = to.Address
		if !to.Location.Resolved() {
			rep.Unresolved = fmt.Sprintf("the copy %s has an unresolved location", to.Address)
			out = append(out, rep)
			continue
		}
		if to.Catalog != resources[f].Catalog {
			rep.Catalog = to.Catalog
		}
		if len(to.Location.Candidates) > 0 {
			// The copy is in one of several regions: each is a destination.
			for _, c := range to.Location.Candidates {
				cr := rep
				cr.Region, cr.Country, cr.Known, cr.Variant = c.Region, c.Country, c.Known, c.Variant
				out = append(out, cr)
			}
			continue
		}
		rep.Region, rep.Country = to.Location.Region, to.Location.Country
		rep.Known, rep.Variant = to.Region, to.Variant
		out = append(out, rep)
	}
	return out
}

// addReplica adds a destination unless it is where the resource already
// is, or already listed.
func addReplica(r *Resource, rep Replica) {
	if rep.Unresolved == "" && rep.Catalog == nil && rep.Region == r.Location.Region && r.Location.Resolved() {
		return
	}
	if slices.ContainsFunc(r.Replicas, func(k Replica) bool {
		return k.Region == rep.Region && k.Unresolved == rep.Unresolved && k.Via == rep.Via && k.Catalog == rep.Catalog
	}) {
		return
	}
	r.Replicas = append(r.Replicas, rep)
}
