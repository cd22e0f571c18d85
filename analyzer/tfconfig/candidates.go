package tfconfig

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// A value unknown until apply may still be one of a few known values: an
// element of a known list chosen by an index only apply knows
// (local.regions[random_integer.i.result]), either branch of a condition
// only apply decides. candidateValues finds them, following the
// expression through variables, locals, module inputs and outputs, and the
// configured attributes of other resources, so that a location chosen at
// random among four US regions is known to be in the US.

// maxCandidateDepth bounds how many references candidateValues follows.
const maxCandidateDepth = 12

// maxCandidates bounds the values a candidate set may hold.
const maxCandidates = 64

// candidateValues returns the known values an expression can only be one
// of, or nil when it cannot tell.
func (e *evaluator) candidateValues(expr hcl.Expression, s scope) []cty.Value {
	vals, ok := e.candidatesOf(expr, s, 0)
	if !ok || len(vals) == 0 || len(vals) > maxCandidates {
		return nil
	}
	return vals
}

func (e *evaluator) candidatesOf(expr hcl.Expression, s scope, depth int) (out []cty.Value, ok bool) {
	if depth > maxCandidateDepth {
		return nil, false
	}
	if r := e.eval(expr, s); r.v.IsWhollyKnown() {
		return []cty.Value{r.v}, true
	}
	switch x := expr.(type) {
	case *hclsyntax.ParenthesesExpr:
		return e.candidatesOf(x.Expression, s, depth+1)
	case *hclsyntax.TemplateWrapExpr:
		return e.candidatesOf(x.Wrapped, s, depth+1)
	case *hclsyntax.IndexExpr:
		// coll[key], key unknown: any element of a known collection.
		return elementsOf(e.eval(x.Collection, s).v)
	case *hclsyntax.RelativeTraversalExpr:
		// regions[random_integer.i.result].name: the attribute of each.
		inner, ok := e.candidatesOf(x.Source, s, depth+1)
		if !ok {
			return nil, false
		}
		for _, v := range inner {
			r, diags := x.Traversal.TraverseRel(v)
			if diags.HasErrors() || !r.IsWhollyKnown() {
				return nil, false
			}
			out = appendValue(out, r)
		}
		return out, true
	case *hclsyntax.FunctionCallExpr:
		switch {
		case x.Name == "element" && len(x.Args) == 2:
			return elementsOf(e.eval(x.Args[0], s).v)
		case len(x.Args) == 1 && candidatePreserving[x.Name]:
			// lower(var.location): the function of each candidate.
			inner, ok := e.candidatesOf(x.Args[0], s, depth+1)
			if !ok {
				return nil, false
			}
			f := e.funcs[x.Name]
			for _, v := range inner {
				r, err := f.Call([]cty.Value{v})
				if err != nil || !r.IsWhollyKnown() {
					return nil, false
				}
				out = appendValue(out, r)
			}
			return out, true
		}
	case *hclsyntax.ConditionalExpr:
		cond := e.eval(x.Condition, s).v
		if cond.IsKnown() && !cond.IsNull() && cond.Type() == cty.Bool {
			if cond.True() {
				return e.candidatesOf(x.TrueResult, s, depth+1)
			}
			return e.candidatesOf(x.FalseResult, s, depth+1)
		}
		a, ok1 := e.candidatesOf(x.TrueResult, s, depth+1)
		b, ok2 := e.candidatesOf(x.FalseResult, s, depth+1)
		if !ok1 || !ok2 {
			return nil, false
		}
		for _, v := range b {
			a = appendValue(a, v)
		}
		return a, true
	case *hclsyntax.ScopeTraversalExpr:
		next, ns, found := e.referencedExpr(x.Traversal, s)
		if !found {
			return nil, false
		}
		return e.candidatesOf(next, ns, depth+1)
	}
	return nil, false
}

// candidatePreserving are the one-argument functions a candidate set is
// mapped through.
var candidatePreserving = map[string]bool{"lower": true, "upper": true, "trimspace": true, "tostring": true}

// referencedExpr is the expression a whole reference stands for, with the
// scope it is evaluated in: a module variable's argument, a local, a
// module output of a single-instance call, a configured attribute of a
// single-instance resource.
func (e *evaluator) referencedExpr(t hcl.Traversal, s scope) (hcl.Expression, scope, bool) {
	mi := s.mi
	name, ok := attrStep(t, 1)
	if !ok {
		return nil, s, false
	}
	switch root := t.RootName(); root {
	case "var":
		if len(t) != 2 || mi.parent == nil {
			return nil, s, false
		}
		if a := mi.node.call.inputs[name]; a != nil {
			return a.Expr, scope{mi: mi.parent, rep: mi.rep}, true
		}
	case "local":
		if len(t) != 2 {
			return nil, s, false
		}
		if a := mi.node.mod.locals[name]; a != nil {
			return a.Expr, scope{mi: mi}, true
		}
	case "module":
		output, ok := attrStep(t, 2)
		child := mi.node.children[name]
		if !ok || len(t) != 3 || child == nil || child.mod == nil || child.mod.outputs[output] == nil {
			return nil, s, false
		}
		ex, insts := e.moduleInstances(mi, name)
		if ex.why != "" || ex.kind != "" || len(insts) != 1 {
			return nil, s, false
		}
		return child.mod.outputs[output].Expr, scope{mi: insts[0]}, true
	case "self", "count", "each", "path", "terraform", "data", "ephemeral":
	default:
		attr, ok := attrStep(t, 2)
		rd := mi.node.mod.resources[root+"."+name]
		if !ok || len(t) != 3 || rd == nil || rd.count != nil || rd.forEach != nil {
			return nil, s, false
		}
		if a := rd.body.attrs[attr]; a != nil {
			return a.Expr, scope{mi: mi}, true
		}
	}
	return nil, s, false
}

// elementsOf returns the elements of a known list, tuple, set or map.
func elementsOf(v cty.Value) ([]cty.Value, bool) {
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		return nil, false
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		out = appendValue(out, el)
	}
	return out, len(out) > 0
}

func appendValue(list []cty.Value, v cty.Value) []cty.Value {
	for _, x := range list {
		if x.RawEquals(v) {
			return list
		}
	}
	return append(list, v)
}

// zoneOfProvider returns the data source an expression takes a zone from
// when that is all it reads besides count and each, the data source lists
// the zones of its provider configuration's region (a catalog fact), sets
// no location of its own, and uses providerKey, the resource's
// configuration: the zone is then in that configuration's region.
func (e *evaluator) zoneOfProvider(mi *modInst, expr hcl.Expression, s scope, providerKey string) string {
	zones := e.cfg.loader.ZoneDataSources
	if len(zones) == 0 {
		return ""
	}
	found := ""
	for _, t := range expr.Variables() {
		switch t.RootName() {
		case "count", "each":
			if s.rep.why != "" {
				return "" // the index itself is unknown
			}
			continue
		case "data":
		default:
			return ""
		}
		typ, ok1 := attrStep(t, 1)
		name, ok2 := attrStep(t, 2)
		locAttrs, isZones := zones[typ]
		rd := mi.node.mod.resources["data."+typ+"."+name]
		if !ok1 || !ok2 || !isZones || rd == nil {
			return ""
		}
		for _, a := range locAttrs {
			if rd.body.attrs[a] != nil {
				return "" // it lists the zones of another region
			}
		}
		ref := rd.provider
		if ref.name == "" {
			ref.name = impliedProvider(rd.typ)
		}
		if _, key := e.providerFor(mi.node, ref); key != providerKey {
			return ""
		}
		found = "data." + typ + "." + name
	}
	return found
}
