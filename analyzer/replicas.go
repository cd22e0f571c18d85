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
		head, rest, _ := strings.Cut(spec.Path, ".")
		a, ok := in.Attrs[head]
		if !ok || a.Value == cty.NilVal || a.Value.IsNull() {
			continue
		}
		if !a.Value.IsKnown() && !a.Set {
			continue // computed, and empty unless configured
		}
		for _, v := range walkPath(a.Value, rest) {
			if rep := r.replica(spec, v, a, p, res); rep.Via != "" {
				out = append(out, rep)
			}
		}
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
	rep := Replica{Via: spec.Name, Path: spec.Path, Range: a.Range}
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
