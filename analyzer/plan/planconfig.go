package plan

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/internal/addrs"
)

// configIndex answers, for a resource instance of a plan, which
// configuration block it comes from and which provider configuration it
// uses, with that configuration's attributes evaluated as far as the plan
// allows: constants, root variables, and module inputs followed up through
// the module calls.
type configIndex struct {
	resources     map[string]*tfjson.ConfigResource // config address → block
	modules       map[string]*moduleCall            // "module.a.module.b" → call
	providers     map[string]*tfjson.ProviderConfig
	variables     map[string]*tfjson.PlanVariable
	providerAttrs []string
	attrNames     []string // the resource attributes kept, by keptAttr.attr

	mu       sync.Mutex // instances are built on several goroutines
	resolved map[string]*analyzer.ProviderConfig
}

type moduleCall struct {
	parent string // config path of the calling module, "" for root
	name   string
	call   *tfjson.ModuleCall
}

func newConfigIndex(cfg *tfjson.Config, vars map[string]*tfjson.PlanVariable, providerAttrs []string) *configIndex {
	x := &configIndex{
		resources:     map[string]*tfjson.ConfigResource{},
		modules:       map[string]*moduleCall{},
		providers:     map[string]*tfjson.ProviderConfig{},
		variables:     vars,
		providerAttrs: providerAttrs,
		resolved:      map[string]*analyzer.ProviderConfig{},
	}
	if cfg == nil {
		return x
	}
	x.providers = cfg.ProviderConfigs
	if x.providers == nil {
		x.providers = map[string]*tfjson.ProviderConfig{}
	}
	x.addModule("", cfg.RootModule)
	return x
}

func (x *configIndex) addModule(path string, m *tfjson.ConfigModule) {
	if m == nil {
		return
	}
	for _, r := range m.Resources {
		x.resources[addrs.Join(path, r.Address)] = r
	}
	for name, call := range m.ModuleCalls {
		child := addrs.Join(path, "module."+name)
		x.modules[child] = &moduleCall{parent: path, name: name, call: call}
		x.addModule(child, call.Module)
	}
}

// blockCache remembers, on one goroutine, what instances of the same
// block share: runs of resources come from one module instance, and
// thousands of instances from one block.
type blockCache struct {
	module, stripped string // the last module address and its config path
	blocks           map[blockKey]*blockInfo
	attrs            analyzer.Attrs // the map instances reuse, if they do
}

type blockKey struct{ module, typ, name string }

type blockInfo struct {
	cfgAddr     string
	cr          *tfjson.ConfigResource
	refs        *planRefs // shared by the block's instances: one allocation, not one per instance
	providerKey string
	provider    *analyzer.ProviderConfig
}

// instance builds the instance of a change: in reuse when not nil (its
// Attrs map included), else in new memory.
func (x *configIndex) instance(c *planChange, bc *blockCache, reuse *analyzer.Instance) *analyzer.Instance {
	if bc.blocks == nil || c.moduleAddress != bc.module {
		if bc.blocks == nil {
			bc.blocks = map[blockKey]*blockInfo{}
		}
		bc.module, bc.stripped = c.moduleAddress, addrs.StripInstanceKeys(c.moduleAddress)
	}
	module := bc.stripped
	b := bc.blocks[blockKey{module, c.typ, c.name}]
	if b == nil {
		b = &blockInfo{cfgAddr: addrs.Join(module, c.typ+"."+c.name)}
		if b.cr = x.resources[b.cfgAddr]; b.cr != nil {
			b.refs = &planRefs{cr: b.cr, module: module, x: x}
			key, legacy := x.normaliseKey(b.cr.ProviderConfigKey, module)
			b.providerKey = key
			b.provider = x.provider(key, legacy)
		}
		bc.blocks[blockKey{module, c.typ, c.name}] = b
	}
	cr := b.cr
	in := reuse
	if in == nil {
		in = new(analyzer.Instance)
	} else if bc.attrs == nil {
		bc.attrs = analyzer.Attrs{}
	}
	*in = analyzer.Instance{
		Address:        c.address,
		ConfigAddress:  b.cfgAddr,
		Module:         c.moduleAddress,
		Mode:           c.mode,
		Type:           c.typ,
		Name:           c.name,
		ProviderSource: c.providerName,
		ProviderKey:    b.providerKey,
		ProviderConfig: b.provider,
	}
	if cr != nil {
		in.Refs = b.refs
	}
	switch {
	case len(c.attrs) == 0:
	case reuse != nil:
		// Keys the change shares with the last one are overwritten, not
		// deleted and added again: a value over 128 bytes sits outside the
		// map's slot, allocated each time its key is added.
		for name := range bc.attrs {
			if !slices.ContainsFunc(c.attrs, func(a keptAttr) bool { return x.attrNames[a.attr] == name }) {
				delete(bc.attrs, name)
			}
		}
		in.Attrs = bc.attrs
	default:
		in.Attrs = make(analyzer.Attrs, len(c.attrs))
	}
	for _, a := range c.attrs {
		known, why := analyzer.KnownWholly, a.why.String()
		if a.why != whyKnown {
			known = analyzer.KnownPartly
		}
		name := x.attrNames[a.attr]
		in.Attrs[name] = analyzer.Attr{Value: a.value, Set: isSet(cr, name), Why: why, Known: known}
	}
	return in
}

func isSet(cr *tfjson.ConfigResource, attr string) bool {
	if cr == nil {
		// Without a configuration, count an unknown attribute as set: a
		// guess from the provider block would be a silent pass.
		return true
	}
	_, ok := cr.Expressions[attr]
	return ok
}

// normaliseKey turns a provider_config_key into the key of provider_config.
// Terraform 1.0 and earlier wrote module-relative keys ("db_instance:aws") that
// name only the innermost module call; legacy says the key was one.
func (x *configIndex) normaliseKey(key, module string) (normalised string, legacy bool) {
	if key == "" || strings.HasPrefix(key, "module.") || !strings.Contains(key, ":") {
		return key, false
	}
	_, local, _ := strings.Cut(key, ":")
	return module + ":" + local, true
}

// provider returns the provider configuration for a normalised key, or nil
// when the plan declares none (the provider then takes everything from the
// environment).
func (x *configIndex) provider(key string, legacy bool) *analyzer.ProviderConfig {
	x.mu.Lock()
	defer x.mu.Unlock()
	if pc, ok := x.resolved[key]; ok {
		return pc
	}
	pc := x.buildProvider(key, legacy)
	x.resolved[key] = pc
	return pc
}

func (x *configIndex) buildProvider(key string, legacy bool) *analyzer.ProviderConfig {
	raw, ok := x.providers[key]
	module, local, inModule := strings.Cut(key, ":")
	if !inModule {
		module, local = "", key
	}
	// Terraform 1.0 and earlier listed, for a module that inherits a provider or
	// is passed one by a providers map, an entry with no expressions, and
	// did not record the map. Walk up to the parent's configuration only
	// when it has a single one of that provider: with aliases to choose
	// from, the plan cannot say which the module received.
	for legacy && inModule && (!ok || len(raw.Expressions) == 0) && !strings.Contains(local, ".") {
		mc := x.modules[module]
		if mc == nil {
			return nil
		}
		if names := x.configsIn(mc.parent, local); len(names) > 1 {
			// Every attribute is unknown, so that location, default tags
			// and variants all say so through the usual path.
			why := fmt.Sprintf("plans from Terraform 1.0 and earlier do not record which of %s %s received; give the sources with --dir",
				strings.Join(names, ", "), addrs.Join(mc.parent, "module."+mc.name))
			pc := &analyzer.ProviderConfig{Key: key, Attrs: make(analyzer.Attrs, len(x.providerAttrs))}
			for _, path := range x.providerAttrs {
				pc.Attrs[path] = analyzer.Attr{Value: cty.DynamicVal, Set: true, Why: why}
			}
			return pc
		}
		module = mc.parent
		if module == "" {
			key = local
		} else {
			key = module + ":" + local
		}
		raw, ok = x.providers[key]
		inModule = module != ""
	}
	if !ok {
		return nil
	}
	pc := &analyzer.ProviderConfig{Key: key, Attrs: analyzer.Attrs{}}
	for _, path := range x.providerAttrs {
		expr := lookupExpr(raw.Expressions, path)
		if expr == nil {
			continue
		}
		v, via, why := x.eval(expr, raw.ModuleAddress)
		pc.Attrs[path] = analyzer.Attr{Value: v, Set: true, Via: via, Why: why}
	}
	return pc
}

// configsIn lists the configurations of a provider (by local name, any
// alias) declared in a module, sorted.
func (x *configIndex) configsIn(module, name string) []string {
	var keys []string
	for k, pc := range x.providers {
		if pc.ModuleAddress == module && pc.Name == name {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// lookupExpr finds a dotted attribute path in expressions, descending into
// the first instance of nested blocks: "default_tags.tags", "api.region".
func lookupExpr(exprs map[string]*tfjson.Expression, path string) *tfjson.Expression {
	head, rest, nested := strings.Cut(path, ".")
	e := exprs[head]
	if e == nil || e.ExpressionData == nil {
		return nil
	}
	if !nested {
		if len(e.NestedBlocks) > 0 {
			return nil
		}
		return e
	}
	if len(e.NestedBlocks) == 0 {
		return nil
	}
	return lookupExpr(e.NestedBlocks[0], rest)
}

// eval evaluates a configuration expression in a module (config path, ""
// for root). The plan keeps constants and the references of other
// expressions, not their text, so a lone reference to a variable is taken
// as the variable's value and anything else is unknown, with why.
func (x *configIndex) eval(e *tfjson.Expression, module string) (cty.Value, []string, string) {
	if e.ConstantValue != nil && e.ConstantValue != tfjson.UnknownConstantValue {
		return goToCty(e.ConstantValue, nil), nil, ""
	}
	if len(e.References) == 0 {
		if e.ConstantValue == nil {
			return cty.NullVal(cty.DynamicPseudoType), nil, ""
		}
		return cty.DynamicVal, nil, "the plan does not record this expression"
	}
	ref, ok := singleRoot(e.References)
	if !ok {
		return cty.DynamicVal, nil, "depends on " + strings.Join(e.References, ", ")
	}
	switch {
	case strings.HasPrefix(ref, "var."):
		name := strings.TrimPrefix(ref, "var.")
		return x.variable(name, module)
	case strings.HasPrefix(ref, "local."):
		return cty.DynamicVal, []string{ref}, ref + " is not recorded in the plan JSON (give the sources with --dir to evaluate it)"
	default:
		return cty.DynamicVal, []string{ref}, "depends on " + ref
	}
}

// singleRoot returns the one reference an expression makes, allowing for
// Terraform listing both var.x["k"] and var.x: only a bare reference is
// usable, since the plan does not say what the expression did with it.
func singleRoot(refs []string) (string, bool) {
	root := ""
	for _, r := range refs {
		base := r
		if i := strings.IndexAny(base, "[."); i >= 0 {
			if j := strings.IndexAny(base[i+1:], "[."); j >= 0 {
				base = base[:i+1+j]
			}
		}
		if root == "" {
			root = base
		} else if base != root {
			return "", false
		}
	}
	for _, r := range refs {
		if r != root {
			return "", false // an index or attribute of the variable
		}
	}
	return root, true
}

func (x *configIndex) variable(name, module string) (cty.Value, []string, string) {
	via := []string{"var." + name}
	if module == "" {
		v, ok := x.variables[name]
		if !ok || v == nil {
			return cty.DynamicVal, via, fmt.Sprintf("variable %q has no value in the plan", name)
		}
		return goToCty(v.Value, nil), via, ""
	}
	mc := x.modules[addrs.StripInstanceKeys(module)]
	if mc == nil {
		return cty.DynamicVal, via, fmt.Sprintf("module %s is not in the plan's configuration", module)
	}
	in := fmt.Sprintf("%s input %q", addrs.Join(mc.parent, "module."+mc.name), name)
	if e := mc.call.Expressions[name]; e != nil && e.ExpressionData != nil {
		v, more, why := x.eval(e, mc.parent)
		return v, append(append(via, in), more...), why
	}
	if mod := mc.call.Module; mod != nil {
		if cv := mod.Variables[name]; cv != nil && cv.Default != nil {
			return goToCty(cv.Default, nil), append(via, "default of "+in), ""
		}
	}
	return cty.DynamicVal, via, fmt.Sprintf("%s is not set in the plan's configuration", in)
}

// planRefs reads references from a resource's configuration in the plan,
// qualified by the module's path. A variable is followed to the
// expression its module call gives it, as the sources are.
type planRefs struct {
	cr     *tfjson.ConfigResource
	module string // configuration path
	x      *configIndex
}

// maxRefDepth bounds how many module inputs a reference is followed
// through.
const maxRefDepth = 16

func (p *planRefs) References(path string) ([]string, bool) {
	var out []string
	set := p.x.pathRefs(p.cr.Expressions, path, p.module, &out)
	return out, set
}

// pathRefs gathers the references of an attribute path into nested
// blocks, every instance of them.
func (x *configIndex) pathRefs(exprs map[string]*tfjson.Expression, path, module string, out *[]string) bool {
	head, rest, nested := strings.Cut(path, ".")
	e := exprs[head]
	if e == nil || e.ExpressionData == nil {
		return false
	}
	if len(e.NestedBlocks) == 0 {
		x.followRefs(e.References, module, 0, out)
		return true
	}
	if !nested {
		return true
	}
	set := false
	for _, nb := range e.NestedBlocks {
		set = x.pathRefs(nb, rest, module, out) || set
	}
	return set
}

func (x *configIndex) followRefs(refs []string, module string, depth int, out *[]string) {
	for _, ref := range refs {
		if name, ok := strings.CutPrefix(ref, "var."); ok && module != "" && depth < maxRefDepth && !strings.ContainsAny(name, ".[") {
			if mc := x.modules[module]; mc != nil {
				if e := mc.call.Expressions[name]; e != nil && e.ExpressionData != nil {
					x.followRefs(e.References, mc.parent, depth+1, out)
					continue
				}
			}
		}
		if call, ok := strings.CutPrefix(ref, "module."); ok && depth < maxRefDepth {
			// module.db.arn: the output's own references, in the module.
			if name, output, ok := strings.Cut(call, "."); ok && !strings.ContainsAny(name, "[") && !strings.ContainsAny(output, ".[") {
				child := addrs.Join(module, "module."+name)
				if mc := x.modules[child]; mc != nil && mc.call.Module != nil {
					if o := mc.call.Module.Outputs[output]; o != nil && o.Expression != nil && o.Expression.ExpressionData != nil {
						x.followRefs(o.Expression.References, child, depth+1, out)
						continue
					}
				}
			}
		}
		*out = append(*out, addrs.Join(module, ref))
	}
}
