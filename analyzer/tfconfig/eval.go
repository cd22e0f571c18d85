package tfconfig

import (
	"cmp"
	"fmt"
	"maps"
	"math/big"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/tfconfig/funcs"
	"github.com/sovlint/sovlint/internal/addrs"
	"github.com/sovlint/sovlint/internal/evalbudget"
)

// evaluator evaluates a configuration the way Terraform would at plan time,
// as far as the sources allow: variables, locals, module inputs and
// outputs, count and for_each, functions, and the configured attributes of
// other resources. What only apply (or a data source, or the environment)
// would know becomes an unknown value with the reason. Everything is
// evaluated on demand and memoised, so only what the analysis reads is
// computed.
type evaluator struct {
	cfg           *Config
	resourceAttrs []string
	providerAttrs []string
	rootVars      map[string]result
	workspace     string // terraform.workspace
	funcs         map[string]function.Function

	memo      map[string]result
	active    map[string]bool
	children  map[string]*expansion // "<module instance>|<call>" → instances
	resources map[string]*expansion // "<module instance>|<resource>" → instances
	providers map[string]*analyzer.ProviderConfig
	rootInst  *modInst
	// budget bounds the evaluation (see evalbudget); instances counts
	// the resource and module instances made so far.
	budget    *evalbudget.Budget
	instances int
	// panics records what evaluation recovered from: nothing a user writes
	// may crash a scan, but the fuzz test wants to know.
	panics []string
}

// result is an evaluated value with how it was reached and, when it is not
// known, why.
type result struct {
	v   cty.Value
	via []string
	why string
}

func unknown(why string, via ...string) result {
	return result{v: cty.DynamicVal, via: via, why: why}
}

// modInst is a module instance: the root, or one instance of a module call
// once its count or for_each is expanded.
type modInst struct {
	node       *moduleNode
	addr       string // module.a["x"]; "" for the root
	parent     *modInst
	rep        repetition // the call's count.index or each.key/value
	unexpanded string     // why the call's instances are unknown, if so
}

// repetition is what count.index or each.key and each.value mean in a block
// that count or for_each repeats.
type repetition struct {
	kind  string    // "", "count", "for_each"
	key   cty.Value // count.index (number) or each.key (string); unknown when not expanded
	value cty.Value // each.value
	why   string    // why key and value are unknown, when the block is not expanded
	// valueWhy says why each.value is partly unknown in an expanded block
	// (a map whose values only apply knows).
	valueWhy string
}

// expansion is the instances count or for_each makes of a block.
type expansion struct {
	kind string // "", "count", "for_each"
	keys []cty.Value
	reps []repetition
	why  string // set when the instances cannot be known: one instance stands for all
	via  []string
}

// scope is where an expression is evaluated.
type scope struct {
	mi  *modInst
	rep repetition
	// iterators are the dynamic block iterators in scope: tags.key,
	// tags.value inside dynamic "tags" { content { … } }.
	iterators map[string]cty.Value
}

// maxInstances caps count and for_each expansion: beyond it one unexpanded
// instance stands for all, rather than sovlint exhausting memory.
const maxInstances = 100000

func newEvaluator(c *Config, rootVars map[string]result, b *evalbudget.Budget) *evaluator {
	e := &evaluator{
		cfg:           c,
		resourceAttrs: c.loader.ResourceAttrs,
		providerAttrs: c.loader.ProviderAttrs,
		rootVars:      rootVars,
		workspace:     "default",

		memo:      map[string]result{},
		active:    map[string]bool{},
		children:  map[string]*expansion{},
		resources: map[string]*expansion{},
		providers: map[string]*analyzer.ProviderConfig{},
	}
	e.rootInst = &modInst{node: c.root}
	e.budget = b
	e.funcs = evalbudget.Functions(funcs.Terraform(), funcs.Unevaluated, e.budget, c.calls())
	return e
}

// stoppedReason is why an expression is unknown once the budget stopped
// the evaluation.
func (e *evaluator) stoppedReason() string {
	why, _ := e.budget.Reason()
	return "not evaluated: " + why
}

// boundedValue makes a value larger than sovlint evaluates (see evalbudget)
// unknown, with the reason.
func boundedValue(r result, what string) result {
	if r.v == cty.NilVal {
		return r
	}
	cost, huge := evalbudget.ValueCost(r.v, evalbudget.MaxValueUnits)
	switch {
	case huge:
		return result{v: cty.DynamicVal, via: r.via, why: fmt.Sprintf("%s holds a number beyond 10^%d, more than sovlint evaluates", what, evalbudget.MaxNumberExp10)}
	case cost > evalbudget.MaxValueUnits:
		return result{v: cty.DynamicVal, via: r.via, why: fmt.Sprintf("%s is larger than sovlint evaluates (over %d elements and characters)", what, evalbudget.MaxValueUnits)}
	}
	return r
}

// count notes n more instances made at rng, and reports whether the
// budget allows them.
func (e *evaluator) count(n int, rng hcl.Range, what string) bool {
	e.instances += n
	if e.instances > evalbudget.MaxInstances {
		e.budget.Exceed(rng, fmt.Sprintf("%s makes the configuration more than %d resource and module instances, more than sovlint evaluates", what, evalbudget.MaxInstances))
		return false
	}
	return e.budget.Charge(int64(n), rng, what)
}

// memoised evaluates f once per key; a key met again while it is being
// evaluated is a cycle, and evaluates to unknown.
func (e *evaluator) memoised(key, what string, f func() result) result {
	if r, ok := e.memo[key]; ok {
		return r
	}
	if e.active[key] {
		return unknown(what + " depends on itself")
	}
	e.active[key] = true
	r := boundedValue(f(), what)
	delete(e.active, key)
	e.memo[key] = r
	return r
}

// eval evaluates an expression in a scope. It never fails: an expression
// that cannot be evaluated is unknown, with the reason.
func (e *evaluator) eval(expr hcl.Expression, s scope) (res result) {
	if e.budget.Stopped() {
		return unknown(e.stoppedReason())
	}
	defer func() {
		if p := recover(); p != nil {
			e.panics = append(e.panics, fmt.Sprintf("%s: %v", expr.Range(), p))
			res = unknown(fmt.Sprintf("the expression at %s could not be evaluated", expr.Range()))
		}
	}()
	b := newContextBuilder(e, s)
	for _, t := range expr.Variables() {
		b.add(t)
	}
	ctx := b.build()
	v, diags := expr.Value(ctx)
	if e.budget.Stopped() {
		e.budget.Place(expr.Range())
		return unknown(e.stoppedReason())
	}
	if diags.HasErrors() {
		return result{v: cty.DynamicVal, via: b.via, why: diagReason(diags, b)}
	}
	v, _ = v.UnmarkDeep()
	r := result{v: v, via: b.via}
	if !v.IsWhollyKnown() {
		r.why = b.reason()
		if r.why == "" {
			r.why = impureReason(expr)
		}
	}
	return r
}

// diagReason explains an evaluation error without quoting values, which
// may be secrets.
func diagReason(diags hcl.Diagnostics, b *contextBuilder) string {
	if why := b.reason(); why != "" {
		return why
	}
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		where := ""
		if d.Subject != nil {
			where = " at " + d.Subject.String()
		}
		if fc, ok := d.Expression.(*hclsyntax.FunctionCallExpr); ok && d.Summary == "Call to unknown function" {
			return fmt.Sprintf("function %s is not available to sovlint%s", fc.Name, where)
		}
		if strings.Contains(d.Detail, "than sovlint evaluates") {
			// The evaluation budget's own words (see evalbudget), which
			// quote nothing of the input.
			_, detail, _ := strings.Cut(d.Detail, "failed: ")
			return strings.TrimSuffix(cmp.Or(detail, d.Detail), ".") + where
		}
		return strings.ToLower(d.Summary[:1]) + d.Summary[1:] + where
	}
	return "the expression could not be evaluated"
}

// impureReason names the function that made a value unknown: functions
// whose result depends on the machine or the time (file, timestamp) are not
// evaluated.
func impureReason(expr hcl.Expression) string {
	why := fmt.Sprintf("the expression at %s has no value sovlint can work out", expr.Range())
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return why
	}
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		if fc, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			switch {
			case funcs.Unevaluated[fc.Name]:
				why = fmt.Sprintf("uses %s(), which sovlint does not evaluate", fc.Name)
			case fc.Name == evalbudget.TooLarge:
				why = fmt.Sprintf("the number at %s is beyond 10^%d, more than sovlint evaluates", fc.NameRange, evalbudget.MaxNumberExp10)
			}
		}
		return nil
	})
	return why
}

// contextBuilder gathers the values an expression refers to.
type contextBuilder struct {
	e       *evaluator
	s       scope
	vars    map[string]map[string]cty.Value // root symbol → name → value
	nested  map[string]map[string]map[string]cty.Value
	top     map[string]cty.Value
	via     []string
	whys    []string
	groups  map[string]*refGroup
	ordered []*refGroup
}

// refGroup is every reference an expression makes to one resource or
// module call, so that its value is built once with all the attributes
// read from it.
type refGroup struct {
	kind       string // resource | module
	name, typ  string
	attrs      map[string]bool
	wholeValue bool
}

func newContextBuilder(e *evaluator, s scope) *contextBuilder {
	return &contextBuilder{e: e, s: s, vars: map[string]map[string]cty.Value{}, top: map[string]cty.Value{}, groups: map[string]*refGroup{}}
}

func (b *contextBuilder) follow(ref string, r result) {
	if !slices.Contains(b.via, ref) {
		b.via = append(b.via, ref)
	}
	for _, v := range r.via {
		if !slices.Contains(b.via, v) {
			b.via = append(b.via, v)
		}
	}
	if r.v != cty.NilVal && !r.v.IsWhollyKnown() && r.why != "" && !slices.Contains(b.whys, r.why) {
		b.whys = append(b.whys, r.why)
	}
}

func (b *contextBuilder) reason() string {
	if len(b.whys) == 0 {
		return ""
	}
	return b.whys[0]
}

func (b *contextBuilder) set(root, name string, v cty.Value) {
	m := b.vars[root]
	if m == nil {
		m = map[string]cty.Value{}
		b.vars[root] = m
	}
	m[name] = v
}

func attrStep(t hcl.Traversal, i int) (string, bool) {
	if i >= len(t) {
		return "", false
	}
	switch s := t[i].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() && !s.Key.IsNull() {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// add records one reference of the expression.
func (b *contextBuilder) add(t hcl.Traversal) {
	root := t.RootName()
	if v, ok := b.s.iterators[root]; ok {
		b.top[root] = v
		return
	}
	name, ok := attrStep(t, 1)
	switch root {
	case "var", "local":
		if !ok {
			return
		}
		if _, done := b.vars[root][name]; done {
			return
		}
		var r result
		if root == "var" {
			r = b.e.variable(b.s.mi, name)
		} else {
			r = b.e.local(b.s.mi, name)
		}
		b.set(root, name, r.v)
		b.follow(root+"."+name, r)
	case "count":
		if b.s.rep.kind == "count" {
			b.top["count"] = cty.ObjectVal(map[string]cty.Value{"index": b.s.rep.key})
			b.repetitionWhy("count.index")
		}
	case "each":
		if b.s.rep.kind == "for_each" {
			b.top["each"] = cty.ObjectVal(map[string]cty.Value{"key": b.s.rep.key, "value": b.s.rep.value})
			b.repetitionWhy("each." + name)
			if w := b.s.rep.valueWhy; w != "" && !slices.Contains(b.whys, w) {
				b.whys = append(b.whys, w)
			}
		}
	case "path":
		b.top["path"] = b.e.pathValue(b.s.mi)
	case "terraform":
		b.top["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(b.e.workspace)})
	case "self", "ephemeral":
		b.top[root] = cty.DynamicVal
		b.whys = append(b.whys, root+" values are known only after apply")
	case "data":
		typ, ok1 := attrStep(t, 1)
		dname, ok2 := attrStep(t, 2)
		if !ok1 || !ok2 {
			return
		}
		if b.nested == nil {
			b.nested = map[string]map[string]map[string]cty.Value{}
		}
		if b.nested[typ] == nil {
			b.nested[typ] = map[string]map[string]cty.Value{}
		}
		if _, seen := b.nested[typ][dname]; !seen {
			b.nested[typ][dname] = nil
			ref := "data." + typ + "." + dname
			b.follow(ref, result{v: cty.DynamicVal, why: ref + " is read by Terraform when it plans"})
		}
	case "module":
		if ok {
			b.group("module", "", name, t, 2)
		}
	default:
		if ok {
			b.group("resource", root, name, t, 2)
		}
	}
}

// repetitionWhy records why count.index or each.key/value is unknown: one
// instance stands for all those the block's count or for_each would make.
func (b *contextBuilder) repetitionWhy(ref string) {
	if b.s.rep.why == "" {
		return
	}
	why := ref + " stands for every instance: " + b.s.rep.why
	if !slices.Contains(b.whys, why) {
		b.whys = append(b.whys, why)
	}
}

// group adds a reference to a resource or module call, noting which of its
// attributes (or outputs) it reads.
func (b *contextBuilder) group(kind, typ, name string, t hcl.Traversal, next int) {
	key := kind + "|" + typ + "." + name
	g := b.groups[key]
	if g == nil {
		g = &refGroup{kind: kind, typ: typ, name: name, attrs: map[string]bool{}}
		b.groups[key] = g
		b.ordered = append(b.ordered, g)
	}
	if _, isIndex := stepAt(t, next).(hcl.TraverseIndex); isIndex {
		next++
	}
	if a, ok := stepAt(t, next).(hcl.TraverseAttr); ok {
		g.attrs[a.Name] = true
		return
	}
	g.wholeValue = true
}

func stepAt(t hcl.Traversal, i int) hcl.Traverser {
	if i < len(t) {
		return t[i]
	}
	return nil
}

// build makes the evaluation context.
func (b *contextBuilder) build() *hcl.EvalContext {
	for _, g := range b.ordered {
		var wanted map[string]bool
		if !g.wholeValue {
			wanted = g.attrs
		}
		switch g.kind {
		case "module":
			r := b.e.moduleValue(b.s.mi, g.name, wanted)
			b.set("module", g.name, r.v)
			b.follow("module."+g.name, r)
		case "resource":
			r := b.e.resourceValue(b.s.mi, g.typ, g.name, wanted)
			b.set(g.typ, g.name, r.v)
			ref := g.typ + "." + g.name
			if len(g.attrs) == 1 {
				ref += "." + slices.Collect(maps.Keys(g.attrs))[0]
			}
			b.follow(ref, r)
		}
	}
	vars := make(map[string]cty.Value, len(b.vars)+len(b.top)+1)
	for root, m := range b.vars {
		vars[root] = cty.ObjectVal(m)
	}
	maps.Copy(vars, b.top)
	if len(b.nested) > 0 {
		types := map[string]cty.Value{}
		for typ, names := range b.nested {
			objs := map[string]cty.Value{}
			for n := range names {
				objs[n] = cty.DynamicVal
			}
			types[typ] = cty.ObjectVal(objs)
		}
		vars["data"] = cty.ObjectVal(types)
	}
	return &hcl.EvalContext{Variables: vars, Functions: b.e.funcs}
}

func (e *evaluator) pathValue(mi *modInst) cty.Value {
	rel := func(dir string) string {
		r, err := filepath.Rel(e.cfg.Dir, dir)
		if err != nil {
			return filepath.ToSlash(dir)
		}
		return filepath.ToSlash(r)
	}
	mod := "."
	if mi.node.mod != nil {
		mod = rel(mi.node.mod.dir)
	}
	// path.cwd is absolute in Terraform; names built from it
	// (basename(path.cwd)) then come out as they would in a plan.
	cwd := "."
	if abs, err := filepath.Abs(e.cfg.Dir); err == nil {
		cwd = filepath.ToSlash(abs)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(mod),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal(cwd),
	})
}

// variable is the value of var.name in a module instance: the root
// variables' values, or the module call's argument, or the default.
func (e *evaluator) variable(mi *modInst, name string) result {
	decl := mi.node.mod.variables[name]
	if decl == nil {
		return unknown(fmt.Sprintf("variable %q is not declared in %s", name, mi.node.mod.dir))
	}
	if mi.parent == nil {
		if r, ok := e.rootVars[name]; ok {
			return r
		}
		return unknown(fmt.Sprintf("variable %q has no value", name))
	}
	return e.memoised("var|"+mi.addr+"|"+name, "var."+name, func() result {
		call := mi.node.call
		in := fmt.Sprintf("%s input %q", mi.node.path, name)
		var r result
		if a := call.inputs[name]; a != nil {
			r = e.eval(a.Expr, scope{mi: mi.parent, rep: mi.rep})
			r.via = append([]string{in}, r.via...)
			if r.v.IsNull() && !decl.nullable && decl.def != nil {
				r = e.eval(decl.def, scope{mi: mi})
				r.via = []string{"default of " + in}
			}
		} else if decl.def != nil {
			r = e.eval(decl.def, scope{mi: mi})
			r.via = []string{"default of " + in}
		} else {
			return unknown(in+" is not set", in)
		}
		return convertVar(r, decl, in)
	})
}

// convertVar converts a variable's value to its declared type, with the
// type's optional attribute defaults.
func convertVar(r result, decl *variableDecl, what string) result {
	if r.v == cty.NilVal {
		return r
	}
	if decl.defaults != nil {
		r.v = decl.defaults.Apply(r.v)
	}
	if decl.typ == cty.DynamicPseudoType {
		return r
	}
	v, err := convert.Convert(r.v, decl.typ)
	if err != nil {
		return result{v: cty.UnknownVal(decl.typ), via: r.via, why: fmt.Sprintf("the value of %s does not match the variable's type", what)}
	}
	r.v = v
	return r
}

// local is the value of local.name in a module instance.
func (e *evaluator) local(mi *modInst, name string) result {
	a := mi.node.mod.locals[name]
	if a == nil {
		return unknown(fmt.Sprintf("local.%s is not declared", name))
	}
	return e.memoised("local|"+mi.addr+"|"+name, "local."+name, func() result {
		return e.eval(a.Expr, scope{mi: mi})
	})
}

// output is the value of a module instance's output.
func (e *evaluator) output(mi *modInst, name string) result {
	a := mi.node.mod.outputs[name]
	if a == nil {
		return unknown(fmt.Sprintf("%s has no output %q", mi.node.path, name))
	}
	return e.memoised("output|"+mi.addr+"|"+name, fmt.Sprintf("output %q of %s", name, mi.node.path), func() result {
		return e.eval(a.Expr, scope{mi: mi})
	})
}

// moduleValue is the value of module.name: an object of outputs, a tuple
// of them for count, an object of them for for_each. Only the outputs in
// wanted (all when nil) are evaluated.
func (e *evaluator) moduleValue(mi *modInst, name string, wanted map[string]bool) result {
	child := mi.node.children[name]
	if child == nil {
		return unknown(fmt.Sprintf("module %q is not declared", name))
	}
	if child.mod == nil {
		return unknown(fmt.Sprintf("%s is not scanned", child.path))
	}
	ex, insts := e.moduleInstances(mi, name)
	if ex.why != "" {
		return result{v: cty.DynamicVal, via: ex.via, why: ex.why}
	}
	var whys []string
	var via []string
	objs := make([]cty.Value, len(insts))
	for i, inst := range insts {
		outs := map[string]cty.Value{}
		for out := range child.mod.outputs {
			if wanted != nil && !wanted[out] {
				outs[out] = cty.DynamicVal
				continue
			}
			r := e.output(inst, out)
			outs[out] = r.v
			via = appendNew(via, r.via...)
			if !r.v.IsWhollyKnown() && r.why != "" {
				whys = append(whys, r.why)
			}
		}
		objs[i] = cty.ObjectVal(outs)
	}
	r := result{v: collect(ex, objs), via: via}
	if len(whys) > 0 {
		r.why = whys[0]
	}
	return r
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// collect turns per-instance values into the value of the whole block.
func collect(ex *expansion, objs []cty.Value) cty.Value {
	switch ex.kind {
	case "count":
		if len(objs) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(objs)
	case "for_each":
		m := make(map[string]cty.Value, len(objs))
		for i, k := range ex.keys {
			m[k.AsString()] = objs[i]
		}
		return cty.ObjectVal(m)
	}
	if len(objs) == 0 {
		return cty.DynamicVal
	}
	return objs[0]
}

// moduleInstances expands a module call of a module instance.
func (e *evaluator) moduleInstances(mi *modInst, name string) (*expansion, []*modInst) {
	child := mi.node.children[name]
	key := mi.addr + "|" + name
	ex, ok := e.children[key]
	if !ok {
		e.children[key] = &expansion{why: fmt.Sprintf("the instances of %s depend on themselves", child.path), reps: []repetition{{}}}
		call := child.call
		ex = e.expand(call.count, call.forEach, scope{mi: mi}, addrs.Join(mi.addr, "module."+name))
		e.children[key] = ex
	}
	base := addrs.Join(mi.addr, "module."+name)
	if ex.why != "" {
		return ex, []*modInst{{node: child, addr: base, parent: mi, rep: ex.reps[0], unexpanded: ex.why}}
	}
	insts := make([]*modInst, len(ex.keys))
	for i, k := range ex.keys {
		insts[i] = &modInst{node: child, addr: base + instanceKey(ex.kind, k), parent: mi, rep: ex.reps[i], unexpanded: mi.unexpanded}
	}
	return ex, insts
}

// expand evaluates count or for_each.
func (e *evaluator) expand(count, forEach hcl.Expression, s scope, what string) *expansion {
	switch {
	case count != nil:
		r := e.eval(count, s)
		unexpanded := func(why string) *expansion {
			return &expansion{kind: "count", why: why, via: r.via, reps: []repetition{{kind: "count", key: cty.UnknownVal(cty.Number), why: why}}}
		}
		if !r.v.IsWhollyKnown() {
			return unexpanded(fmt.Sprintf("the count of %s is not known statically%s", what, analyzer.Because(r.why)))
		}
		n, err := convert.Convert(r.v, cty.Number)
		if err != nil || n.IsNull() {
			return unexpanded(fmt.Sprintf("the count of %s is not a number", what))
		}
		bf := n.AsBigFloat()
		if !bf.IsInt() || bf.Sign() < 0 {
			return unexpanded(fmt.Sprintf("the count of %s is not a whole number", what))
		}
		c, acc := bf.Int64()
		if acc != big.Exact || c > maxInstances {
			return unexpanded(fmt.Sprintf("the count of %s is too large to expand", what))
		}
		if !e.count(int(c), count.Range(), "the count of "+what) {
			return unexpanded(e.stoppedReason())
		}
		ex := &expansion{kind: "count"}
		for i := range c {
			k := cty.NumberIntVal(i)
			ex.keys = append(ex.keys, k)
			ex.reps = append(ex.reps, repetition{kind: "count", key: k})
		}
		return ex
	case forEach != nil:
		r := e.eval(forEach, s)
		unexpanded := func(why string) *expansion {
			return &expansion{kind: "for_each", why: why, via: r.via, reps: []repetition{{kind: "for_each", key: cty.UnknownVal(cty.String), value: cty.DynamicVal, why: why}}}
		}
		v := r.v
		if !forEachKnown(v) {
			return unexpanded(fmt.Sprintf("the for_each of %s is not known statically%s", what, analyzer.Because(r.why)))
		}
		if v.IsNull() {
			return unexpanded(fmt.Sprintf("the for_each of %s is null", what))
		}
		ty := v.Type()
		if v.CanIterateElements() && v.LengthInt() > maxInstances {
			return unexpanded(fmt.Sprintf("the for_each of %s is too large to expand", what))
		}
		if v.CanIterateElements() && !e.count(v.LengthInt(), forEach.Range(), "the for_each of "+what) {
			return unexpanded(e.stoppedReason())
		}
		ex := &expansion{kind: "for_each"}
		switch {
		case (ty.IsMapType() || ty.IsObjectType() || ty.IsSetType()) && v.LengthInt() == 0:
			// No instance, whatever the element type: Terraform accepts
			// toset([]) of a filtered list as it does {}.
			return ex
		case ty.IsMapType() || ty.IsObjectType():
			if v.LengthInt() > maxInstances {
				return unexpanded(fmt.Sprintf("the for_each of %s is too large to expand", what))
			}
			for it := v.ElementIterator(); it.Next(); {
				k, val := it.Element()
				rep := repetition{kind: "for_each", key: k, value: val}
				if !val.IsWhollyKnown() {
					rep.valueWhy = r.why
				}
				ex.keys = append(ex.keys, k)
				ex.reps = append(ex.reps, rep)
			}
		case ty.IsSetType() && ty.ElementType() == cty.String:
			for it := v.ElementIterator(); it.Next(); {
				_, val := it.Element()
				if val.IsNull() {
					return unexpanded(fmt.Sprintf("the for_each of %s holds a null", what))
				}
				ex.keys = append(ex.keys, val)
				ex.reps = append(ex.reps, repetition{kind: "for_each", key: val, value: val})
			}
		default:
			return unexpanded(fmt.Sprintf("the for_each of %s is not a map or a set of strings", what))
		}
		return ex
	}
	return &expansion{keys: []cty.Value{cty.NilVal}, reps: []repetition{{}}}
}

// forEachKnown reports whether a for_each value's instance keys are known:
// a map's or object's keys are once the value itself is, whatever its
// values (Terraform expands a map of objects whose names are computed); a
// set's elements are its keys.
func forEachKnown(v cty.Value) bool {
	if !v.IsKnown() {
		return false
	}
	if ty := v.Type(); !v.IsNull() && (ty.IsMapType() || ty.IsObjectType()) {
		return true
	}
	return v.IsWhollyKnown()
}

// instanceKey formats an instance key as Terraform does in addresses: [0],
// ["key"].
func instanceKey(kind string, k cty.Value) string {
	switch kind {
	case "count":
		bf := k.AsBigFloat()
		i, _ := bf.Int64()
		return fmt.Sprintf("[%d]", i)
	case "for_each":
		return "[" + quoteKey(k.AsString()) + "]"
	}
	return ""
}

// quoteKey quotes a for_each key like Terraform's addresses do.
func quoteKey(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := range len(s) {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '$', '%':
			b.WriteByte(c)
			if i+1 < len(s) && s[i+1] == '{' {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// resourceExpansion expands a resource block of a module instance.
func (e *evaluator) resourceExpansion(mi *modInst, rd *resourceDecl) *expansion {
	key := mi.addr + "|" + rd.key()
	if ex, ok := e.resources[key]; ok {
		return ex
	}
	e.resources[key] = &expansion{why: fmt.Sprintf("the instances of %s depend on themselves", rd.key()), reps: []repetition{{}}}
	ex := e.expand(rd.count, rd.forEach, scope{mi: mi}, addrs.Join(mi.addr, rd.key()))
	e.resources[key] = ex
	return ex
}

// resourceValue is the value of a reference to a resource: its configured
// attributes, per instance. Attributes the configuration does not set are
// computed by the provider, and unknown here.
func (e *evaluator) resourceValue(mi *modInst, typ, name string, wanted map[string]bool) result {
	rd := mi.node.mod.resources[typ+"."+name]
	if rd == nil {
		return unknown(fmt.Sprintf("resource %s.%s is not declared", typ, name))
	}
	ex := e.resourceExpansion(mi, rd)
	if ex.why != "" {
		return result{v: cty.DynamicVal, via: ex.via, why: ex.why}
	}
	names := wanted
	if names == nil {
		names = map[string]bool{}
		for n := range rd.body.attrs {
			names[n] = true
		}
		for _, n := range e.resourceAttrs {
			names[n] = true
		}
	}
	var via []string
	var whys []string
	objs := make([]cty.Value, len(ex.keys))
	for i, k := range ex.keys {
		attrs := make(map[string]cty.Value, len(names))
		for n := range names {
			r := e.resourceAttr(mi, rd, ex.kind, k, ex.reps[i], n)
			attrs[n] = r.v
			via = appendNew(via, r.via...)
			if !r.v.IsWhollyKnown() && r.why != "" {
				whys = append(whys, r.why)
			}
		}
		objs[i] = cty.ObjectVal(attrs)
	}
	r := result{v: collect(ex, objs), via: via}
	if len(whys) > 0 {
		r.why = whys[0]
	}
	return r
}

// resourceMeta are resource arguments that are not attributes.
var resourceMeta = map[string]bool{"count": true, "for_each": true, "provider": true, "depends_on": true, "lifecycle": true}

// resourceAttr evaluates one configured attribute of a resource instance.
func (e *evaluator) resourceAttr(mi *modInst, rd *resourceDecl, kind string, k cty.Value, rep repetition, name string) result {
	addr := addrs.Join(mi.addr, rd.key()) + instanceKey(kind, k)
	return e.memoised("attr|"+addr+"|"+name, addr+"."+name, func() result {
		a, _ := e.attribute(rd.body, name, scope{mi: mi, rep: rep})
		if a.Value == cty.NilVal || resourceMeta[name] {
			return unknown(fmt.Sprintf("%s.%s is computed by the provider", rd.key(), name))
		}
		return result{v: a.Value, via: a.Via, why: a.Why}
	})
}

// attribute evaluates an attribute of a body, or the nested blocks of that
// name (static or generated by a dynamic block) as a list of objects:
// Outscale's tags { key value } blocks. It returns false when the body sets
// neither.
func (e *evaluator) attribute(bd *body, name string, s scope) (analyzer.Attr, bool) {
	if a := bd.attrs[name]; a != nil {
		r := e.eval(a.Expr, s)
		return analyzer.Attr{Value: r.v, Set: true, Range: analyzer.RangeOf(a.Range), Via: r.via, Why: r.why}, true
	}
	blocks, out, found := e.nestedBlocks(bd, name, s)
	if !found || out.Value != cty.NilVal {
		return out, found
	}
	objs := make([]cty.Value, 0, len(blocks))
	for _, nb := range blocks {
		obj := map[string]cty.Value{}
		for _, an := range slices.Sorted(maps.Keys(nb.body.attrs)) {
			r := e.eval(nb.body.attrs[an].Expr, nb.scope)
			obj[an] = r.v
			out.Via = appendNew(out.Via, r.via...)
			if !r.v.IsWhollyKnown() && out.Why == "" {
				out.Why = r.why
			}
		}
		objs = append(objs, cty.ObjectVal(obj))
	}
	out.Value = cty.TupleVal(objs)
	if len(objs) == 0 {
		out.Value = cty.EmptyTupleVal
	}
	return out, true
}

// blockInstance is a nested block with the scope its content evaluates in.
type blockInstance struct {
	body  *body
	scope scope
}

// nestedBlocks returns the blocks of a type in a body: the static ones,
// then those a dynamic block generates. When a dynamic block's for_each is
// not known, the returned Attr holds the unknown value and the reason.
func (e *evaluator) nestedBlocks(bd *body, typ string, s scope) ([]blockInstance, analyzer.Attr, bool) {
	var out []blockInstance
	var attr analyzer.Attr
	found := false
	for _, nb := range bd.blocks {
		switch {
		case nb.typ == typ:
			out = append(out, blockInstance{body: nb.body, scope: s})
		case nb.typ == "dynamic" && len(nb.labels) == 1 && nb.labels[0] == typ:
			gen, a := e.dynamicBlocks(nb, s)
			if a.Value != cty.NilVal {
				return nil, a, true
			}
			attr.Via = appendNew(attr.Via, a.Via...)
			out = append(out, gen...)
		default:
			continue
		}
		if !found {
			found, attr.Set, attr.Range = true, true, analyzer.RangeOf(nb.defRange)
		}
	}
	return out, attr, found
}

// dynamicBlocks expands a dynamic block: one content block per element of
// its for_each, with the iterator (the block's label, or its iterator
// argument) holding the element's key and value.
func (e *evaluator) dynamicBlocks(dyn *nestedBlock, s scope) ([]blockInstance, analyzer.Attr) {
	unknownBlocks := func(why string, via []string) analyzer.Attr {
		return analyzer.Attr{Value: cty.DynamicVal, Set: true, Range: analyzer.RangeOf(dyn.defRange), Via: via, Why: why}
	}
	fe := dyn.body.attrs["for_each"]
	contents := dyn.body.blocksOf("content")
	if fe == nil || len(contents) != 1 {
		return nil, unknownBlocks(fmt.Sprintf("the dynamic %q block has no for_each or content", dyn.labels[0]), nil)
	}
	iterator := dyn.labels[0]
	if it := dyn.body.attrs["iterator"]; it != nil {
		if kw := hcl.ExprAsKeyword(it.Expr); kw != "" {
			iterator = kw
		}
	}
	r := e.eval(fe.Expr, s)
	v := r.v
	if !forEachKnown(v) {
		return nil, unknownBlocks(fmt.Sprintf("the for_each of the dynamic %q block is not known statically%s", dyn.labels[0], analyzer.Because(r.why)), r.via)
	}
	if v.IsNull() || !v.CanIterateElements() {
		return nil, unknownBlocks(fmt.Sprintf("the for_each of the dynamic %q block is not a collection", dyn.labels[0]), r.via)
	}
	var out []blockInstance
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		if v.Type().IsSetType() {
			k = val
		}
		inner := s
		inner.iterators = maps.Clone(s.iterators)
		if inner.iterators == nil {
			inner.iterators = map[string]cty.Value{}
		}
		inner.iterators[iterator] = cty.ObjectVal(map[string]cty.Value{"key": k, "value": val})
		out = append(out, blockInstance{body: contents[0].body, scope: inner})
	}
	return out, analyzer.Attr{Via: r.via}
}

// attributePath evaluates a dotted attribute path into nested blocks
// ("default_tags.tags", "api.region"), or into an object-valued attribute
// (the same path in a JSON body).
func (e *evaluator) attributePath(bd *body, path string, s scope) (analyzer.Attr, bool) {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		return e.attribute(bd, head, s)
	}
	if bd.attrs[head] == nil {
		blocks, a, found := e.nestedBlocks(bd, head, s)
		switch {
		case !found:
			return analyzer.Attr{}, false
		case a.Value != cty.NilVal:
			return a, true
		case len(blocks) == 0:
			return analyzer.Attr{}, false
		}
		return e.attributePath(blocks[0].body, rest, blocks[0].scope)
	}
	a, ok := e.attribute(bd, head, s)
	if !ok {
		return analyzer.Attr{}, false
	}
	for step := range strings.SplitSeq(rest, ".") {
		v := a.Value
		if !v.IsKnown() {
			return a, true
		}
		if v.IsNull() {
			return analyzer.Attr{}, false
		}
		ty := v.Type()
		if (ty.IsListType() || ty.IsTupleType()) && v.LengthInt() > 0 {
			v = v.Index(cty.NumberIntVal(0))
			ty = v.Type()
		}
		switch {
		case ty.IsObjectType() && ty.HasAttribute(step):
			a.Value = v.GetAttr(step)
		case ty.IsMapType() && v.HasIndex(cty.StringVal(step)).True():
			a.Value = v.Index(cty.StringVal(step))
		default:
			return analyzer.Attr{}, false
		}
	}
	return a, true
}
