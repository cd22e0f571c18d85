package tfconfig

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/addrs"
	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/internal/inputfile"
)

// Evaluate expands the configuration into the managed resource instances a
// plan of it would hold, with the attributes the catalog reads evaluated as
// far as the sources allow. Problems with the variable values given come
// back as errors; anything the sources leave unknown becomes an unknown
// value with the reason, never an error.
func (c *Config) Evaluate(opts VarOptions) ([]*analyzer.Instance, error) {
	b := evalbudget.New()
	type outcome struct {
		instances []*analyzer.Instance
		panics    []string
		err       error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		o.instances, o.panics, o.err = c.evaluate(opts, b)
		done <- o
	}()
	o, _ := watch(b, c.Dir, done)
	if why, at := b.Reason(); why != "" {
		return nil, budgetError(c.Dir, why, at)
	}
	instances, panics, err := o.instances, o.panics, o.err
	// A bug the evaluator recovered from made a value unknown: the scan
	// fails closed, and says so rather than hiding it behind SOV004.
	for _, p := range panics {
		c.warnings = append(c.warnings, Warning{Message: "internal error while evaluating " + c.Dir + ": " + bounded(p, 200) + "; the value was treated as unknown (please report it)"})
	}
	return instances, err
}

// watch waits for an evaluation, stopping it past the time and memory
// limits whatever it is doing. An evaluation that does not stop within a
// grace period once told to (it is inside one long operation) is left
// behind: finished is false, and the caller reports the error; a CLI run
// ends soon after, with it.
func watch[T any](b *evalbudget.Budget, dir string, done <-chan T) (out T, finished bool) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	deadline := time.Now().Add(evalbudget.Timeout)
	var grace time.Time
	for {
		select {
		case out = <-done:
			return out, true
		case now := <-tick.C:
			switch {
			case b.Stopped():
			case now.After(deadline):
				b.Exceed(hcl.Range{Filename: dir}, fmt.Sprintf("evaluating the configuration took longer than %s, sovlint's limit", evalbudget.Timeout))
			case evalbudget.HeapInUse() > evalbudget.HeapLimit:
				b.Exceed(hcl.Range{Filename: dir}, fmt.Sprintf("evaluating the configuration needed more than %s of memory, sovlint's limit", inputfile.Size(int64(evalbudget.HeapLimit))))
			}
			if b.Stopped() {
				if grace.IsZero() {
					grace = now.Add(5 * time.Second)
				} else if now.After(grace) {
					return out, false
				}
			}
		}
	}
}

// budgetError is the error of an evaluation the budget stopped, at the
// place it went past (or the module's directory).
func budgetError(dir, why string, at hcl.Range) error {
	return &finding.InputError{File: cmp.Or(at.Filename, dir), Line: at.Start.Line, Col: at.Start.Column, Msg: why}
}

// evaluate is Evaluate, also returning the panics evaluation recovered
// from.
func (c *Config) evaluate(opts VarOptions, b *evalbudget.Budget) (instances []*analyzer.Instance, panics []string, err error) {
	vars, err := c.rootVariables(opts)
	if err != nil {
		return nil, nil, err
	}
	e := newEvaluator(c, vars, b)
	if opts.Getenv != nil && opts.Getenv("TF_WORKSPACE") != "" {
		e.workspace = opts.Getenv("TF_WORKSPACE")
	}
	defer func() {
		if p := recover(); p != nil {
			panics = slices.Concat(e.panics, []string{fmt.Sprint(p)})
			instances, err = nil, &finding.InputError{File: c.Dir, Msg: "internal error while evaluating the configuration"}
		}
	}()
	e.collect(e.rootInst, &instances)
	slices.SortFunc(instances, func(a, b *analyzer.Instance) int { return cmp.Compare(a.Address, b.Address) })
	return instances, e.panics, nil
}

// collect appends the managed resource instances of a module instance and
// of the modules it calls.
func (e *evaluator) collect(mi *modInst, out *[]*analyzer.Instance) {
	mod := mi.node.mod
	for _, key := range slices.Sorted(maps.Keys(mod.resources)) {
		rd := mod.resources[key]
		if rd.mode != "managed" {
			continue
		}
		e.resourceInstances(mi, rd, out)
	}
	for _, name := range slices.Sorted(maps.Keys(mi.node.children)) {
		if mi.node.children[name].mod == nil {
			continue // not scanned: reported as a warning
		}
		_, insts := e.moduleInstances(mi, name)
		for _, child := range insts {
			e.collect(child, out)
		}
	}
}

func (e *evaluator) resourceInstances(mi *modInst, rd *resourceDecl, out *[]*analyzer.Instance) {
	ex := e.resourceExpansion(mi, rd)
	local := rd.key()
	base := addrs.Join(mi.addr, local)
	cfgAddr := addrs.Join(mi.node.path, local)
	ref := rd.provider
	if ref.name == "" {
		ref.name = impliedProvider(rd.typ)
	}
	pc, key := e.providerFor(mi.node, ref)
	// What the instances share is made once: each was a string a
	// monorepo's scan kept to its end, for the collector to mark again and
	// again.
	source := mi.node.mod.providerSource(ref.name)
	inline := inlineClass(mi.node, local)
	mk := func(addr string, rep repetition, unexpanded string) {
		in := &analyzer.Instance{
			Address:        addr,
			ConfigAddress:  cfgAddr,
			Module:         mi.addr,
			Mode:           rd.mode,
			Type:           rd.typ,
			Name:           rd.name,
			ProviderSource: source,
			ProviderConfig: pc,
			ProviderKey:    key,
			Range:          rd.defRange,
			Unexpanded:     unexpanded,
			Refs:           bodyRefs{rd.body, mi.node},
			Inline:         inline,
		}
		s := scope{mi: mi, rep: rep}
		for _, name := range e.resourceAttrs {
			if a, ok := e.attribute(rd.body, name, s); ok && !resourceMeta[name] {
				if in.Attrs == nil {
					in.Attrs = analyzer.Attrs{}
				}
				if ad := rd.body.attrs[name]; ad != nil && !a.Value.IsWhollyKnown() {
					a.Candidates = e.candidateValues(ad.Expr, s)
					a.InProviderRegion = e.zoneOfProvider(mi, ad.Expr, s, key)
				}
				in.Attrs[name] = a
			}
		}
		*out = append(*out, in)
	}
	if ex.why != "" {
		mk(base, ex.reps[0], cmp.Or(mi.unexpanded, ex.why))
		return
	}
	for i, k := range ex.keys {
		mk(base+instanceKey(ex.kind, k), ex.reps[i], mi.unexpanded)
	}
}

// inlineClass is the classification annotation of a resource block, else
// of the innermost module call that contains it.
func inlineClass(n *moduleNode, local string) *analyzer.InlineClass {
	if n.mod != nil {
		if c := n.mod.classes[local]; c != nil {
			return c
		}
	}
	for ; n.parent != nil; n = n.parent {
		if c := n.parent.mod.classes["module."+n.call.name]; c != nil {
			return c
		}
	}
	return nil
}

// impliedProvider is the provider local name a resource type implies: the
// part before the first underscore.
func impliedProvider(typ string) string {
	name, _, _ := strings.Cut(typ, "_")
	return name
}

// providerFor finds the provider configuration a resource in a module uses,
// following module calls' providers maps and the implicit inheritance of
// default configurations, and returns it with its key as Terraform writes
// it in plans (aws, aws.dr, module.regional:aws). The configuration is nil
// when none is declared; the key then names where one would be.
func (e *evaluator) providerFor(n *moduleNode, ref providerRef) (*analyzer.ProviderConfig, string) {
	declNode, decl, key := resolveProvider(n, ref)
	if decl == nil {
		return nil, key
	}
	if pc, ok := e.providers[key]; ok {
		return pc, key
	}
	pc := &analyzer.ProviderConfig{Key: key, Attrs: analyzer.Attrs{}, Range: decl.defRange}
	e.providers[key] = pc
	s := scope{mi: e.instanceOf(declNode)}
	for _, path := range e.providerAttrs {
		if a, ok := e.attributePath(decl.body, path, s); ok {
			if ad := decl.body.attrs[path]; ad != nil && !a.Value.IsWhollyKnown() {
				a.Candidates = e.candidateValues(ad.Expr, s)
			}
			pc.Attrs[path] = a
		}
	}
	return pc, key
}

// resolveProvider walks up from a module to the provider block a reference
// ends at.
func resolveProvider(n *moduleNode, ref providerRef) (*moduleNode, *providerDecl, string) {
	local := ref.String()
	if n.mod != nil {
		if decl := n.mod.providers[local]; decl != nil {
			return n, decl, providerKey(n.path, local)
		}
	}
	if n.parent == nil {
		return nil, nil, local
	}
	if n.call.providers != nil {
		if parentRef, ok := n.call.providers[local]; ok {
			return resolveProvider(n.parent, parentRef)
		}
		return nil, nil, providerKey(n.path, local)
	}
	if ref.alias == "" {
		return resolveProvider(n.parent, ref)
	}
	return nil, nil, providerKey(n.path, local)
}

func providerKey(modulePath, local string) string {
	if modulePath == "" {
		return local
	}
	return modulePath + ":" + local
}

// instanceOf returns an instance of a module node for evaluating its
// provider blocks. Terraform forbids provider blocks in modules called with
// count or for_each, so the first instance is the only one.
func (e *evaluator) instanceOf(n *moduleNode) *modInst {
	if n.parent == nil {
		return e.rootInst
	}
	parent := e.instanceOf(n.parent)
	_, insts := e.moduleInstances(parent, n.call.name)
	if len(insts) == 0 {
		return &modInst{node: n, addr: addrs.Join(parent.addr, "module."+n.call.name), parent: parent, rep: repetition{}, unexpanded: "no instance"}
	}
	return insts[0]
}

// AttachSources places plan instances on their sources: the resource
// block's range, and the ranges of the attributes the plan's configuration
// sets, in the resource and in its provider block.
func (c *Config) AttachSources(instances []*analyzer.Instance) {
	seen := map[*analyzer.ProviderConfig]bool{}
	for _, in := range instances {
		rd := c.resource(in.ConfigAddress)
		if rd == nil {
			continue
		}
		in.Range = rd.defRange
		if path, local := addrs.SplitModule(in.ConfigAddress); c.nodes[path] != nil {
			in.Inline = inlineClass(c.nodes[path], local)
		}
		for name, a := range in.Attrs {
			if r, ok := staticRange(rd.body, name); ok && a.Set {
				a.Range = analyzer.RangeOf(r)
				in.Attrs[name] = a
			}
		}
		pc := in.ProviderConfig
		if pc == nil || seen[pc] {
			continue
		}
		seen[pc] = true
		path, local, found := strings.Cut(pc.Key, ":")
		if !found {
			path, local = "", pc.Key
		}
		n := c.nodes[path]
		if n == nil || n.mod == nil {
			continue
		}
		decl := n.mod.providers[local]
		if decl == nil {
			continue
		}
		pc.Range = decl.defRange
		for name, a := range pc.Attrs {
			if r, ok := staticRange(decl.body, name); ok {
				a.Range = analyzer.RangeOf(r)
				pc.Attrs[name] = a
			}
		}
	}
}

// staticRange is where an attribute path is written in a body.
func staticRange(bd *body, path string) (rng hcl.Range, ok bool) {
	head, rest, nested := strings.Cut(path, ".")
	if a := bd.attrs[head]; a != nil {
		return a.Range, true
	}
	blocks := bd.blocksOf(head)
	if len(blocks) == 0 {
		return rng, false
	}
	if !nested {
		return blocks[0].defRange, true
	}
	return staticRange(blocks[0].body, rest)
}

// bodyRefs reads references from a resource block's attribute expressions,
// spelt as a plan spells them and qualified by their module's path. A
// variable is followed to the expression its module call gives it, and a
// module output to its value's expression, so that a parent passed down as
// var.scope or returned by a child module is still found.
type bodyRefs struct {
	b    *body
	node *moduleNode
}

// maxRefDepth bounds how many module inputs and outputs a reference is
// followed through.
const maxRefDepth = 16

func (r bodyRefs) References(path string) ([]string, bool) {
	var out []string
	set := pathRefs(r.b, path, r.node, &out)
	return out, set
}

// pathRefs gathers the references of an attribute path into nested
// blocks, static or dynamic, every one of them; an object-valued attribute
// (JSON syntax, or a whole object given at once) counts as a whole.
func pathRefs(bd *body, path string, n *moduleNode, out *[]string) bool {
	head, rest, nested := strings.Cut(path, ".")
	if a := bd.attrs[head]; a != nil {
		followRefs(a.Expr, n, 0, out)
		return true
	}
	if !nested {
		return false
	}
	set := false
	for _, nb := range bd.blocks {
		switch {
		case nb.typ == head:
			set = pathRefs(nb.body, rest, n, out) || set
		case nb.typ == "dynamic" && len(nb.labels) == 1 && nb.labels[0] == head:
			// What the content reads from the iterator comes from for_each.
			if fe := nb.body.attrs["for_each"]; fe != nil {
				followRefs(fe.Expr, n, 0, out)
			}
			for _, c := range nb.body.blocksOf("content") {
				set = pathRefs(c.body, rest, n, out) || set
			}
		}
	}
	return set
}

func followRefs(expr hcl.Expression, n *moduleNode, depth int, out *[]string) {
	for _, t := range expr.Variables() {
		switch name, _ := attrStep(t, 1); {
		case depth < maxRefDepth && t.RootName() == "var" && n.call != nil && n.call.inputs[name] != nil:
			followRefs(n.call.inputs[name].Expr, n.parent, depth+1, out)
			continue
		case depth < maxRefDepth && t.RootName() == "module" && len(t) > 2:
			child := n.children[name]
			if _, keyed := t[2].(hcl.TraverseIndex); !keyed && child != nil && child.mod != nil {
				if output, ok := attrStep(t, 2); ok && child.mod.outputs[output] != nil {
					followRefs(child.mod.outputs[output].Expr, child, depth+1, out)
					continue
				}
			}
		}
		*out = append(*out, addrs.Join(n.path, traversalString(t)))
	}
}

// traversalString spells a traversal as plans do: aws_s3_bucket.b[0].id.
func traversalString(t hcl.Traversal) string {
	var sb strings.Builder
	sb.WriteString(t.RootName())
	for _, step := range t[1:] {
		switch st := step.(type) {
		case hcl.TraverseAttr:
			sb.WriteString("." + st.Name)
		case hcl.TraverseIndex:
			switch k := st.Key; {
			case !k.IsKnown() || k.IsNull():
			case k.Type() == cty.String:
				fmt.Fprintf(&sb, "[%q]", k.AsString())
			case k.Type() == cty.Number:
				fmt.Fprintf(&sb, "[%s]", k.AsBigFloat().Text('f', -1))
			}
		}
	}
	return sb.String()
}

// bounded cuts s to at most n bytes, on a rune boundary.
func bounded(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
