package tfconfig

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/internal/evalbudget"
)

// module is one configuration directory, decoded and with its override
// files merged in: what Terraform calls a module, before any evaluation.
type module struct {
	dir string
	// consts evaluates the expressions that must be constants (a module
	// source, a provider alias), within a budget the module shares.
	consts    *hcl.EvalContext
	files     []*sourceFile
	variables map[string]*variableDecl
	locals    map[string]*hcl.Attribute
	outputs   map[string]*hcl.Attribute // output name → its value
	providers map[string]*providerDecl  // "aws", "aws.dr"
	required  map[string]*requiredProvider
	resources map[string]*resourceDecl // "aws_s3_bucket.b", "data.aws_region.r"
	calls     map[string]*moduleCallDecl
	ignores   []Ignore
	// classes are the inline classification annotations, by the block
	// they annotate: "aws_s3_bucket.b", "module.health".
	classes map[string]*analyzer.InlineClass
}

// sourceBytes is the size of the module's files.
func (m *module) sourceBytes() int {
	n := 0
	for _, f := range m.files {
		n += len(f.src)
	}
	return n
}

// body is a block's content in a form both syntaxes share and override
// files can be merged into. JSON bodies have attributes only: what would be
// nested blocks are object-valued attributes there.
type body struct {
	attrs  map[string]*hcl.Attribute
	blocks []*nestedBlock
}

type nestedBlock struct {
	typ      string
	labels   []string
	body     *body
	defRange hcl.Range
}

type variableDecl struct {
	name     string
	def      hcl.Expression // nil when the variable has no default
	typ      cty.Type       // cty.DynamicPseudoType when unconstrained
	defaults *typeexpr.Defaults
	// literal says how -var and TF_VAR_ values are read: as plain strings
	// for primitive or unconstrained types, as HCL expressions otherwise.
	literal  bool
	nullable bool
	rng      hcl.Range
}

type providerDecl struct {
	name, alias string
	body        *body
	defRange    hcl.Range
}

type requiredProvider struct {
	source  string
	aliases []string // configuration_aliases: "aws.east"
}

type resourceDecl struct {
	mode      string // managed | data
	typ, name string
	body      *body
	count     hcl.Expression
	forEach   hcl.Expression
	provider  providerRef // zero when implied by the type
	defRange  hcl.Range
}

// key is the resource's address within its module.
func (r *resourceDecl) key() string {
	if r.mode == "data" {
		return "data." + r.typ + "." + r.name
	}
	return r.typ + "." + r.name
}

type moduleCallDecl struct {
	name        string
	source      string
	sourceRange hcl.Range
	count       hcl.Expression
	forEach     hcl.Expression
	// providers is the call's providers map, child key → parent
	// configuration; nil when the call has no providers argument (the child
	// then inherits the default configurations).
	providers map[string]providerRef
	inputs    map[string]*hcl.Attribute
	defRange  hcl.Range
}

// providerRef names a provider configuration in a module: aws, aws.dr.
type providerRef struct {
	name, alias string
}

func (p providerRef) String() string {
	if p.alias == "" {
		return p.name
	}
	return p.name + "." + p.alias
}

// fileSchema is the top level of a configuration file. Blocks sovlint does
// not read (moved, import, check…) are left out and so skipped.
var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
}}

var terraformSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}}

// entity is a top-level block before override files are merged into it.
type entity struct {
	kind     string // resource, data, module, variable, output, provider
	labels   []string
	body     *body
	defRange hcl.Range
}

func (e *entity) id() string {
	return e.kind + " " + strings.Join(e.labels, ".")
}

// fileContent is what one file declares.
type fileContent struct {
	entities []*entity
	locals   []*hcl.Attribute
	required []*hcl.Attribute
}

// decodeModule decodes a directory's parsed files, merging override files
// into the blocks they override as Terraform does.
func decodeModule(dir string, files []*sourceFile) (*module, hcl.Diagnostics) {
	m := &module{
		dir: dir,

		files:     files,
		variables: map[string]*variableDecl{},
		locals:    map[string]*hcl.Attribute{},
		outputs:   map[string]*hcl.Attribute{},
		providers: map[string]*providerDecl{},
		required:  map[string]*requiredProvider{},
		resources: map[string]*resourceDecl{},
		calls:     map[string]*moduleCallDecl{},
	}
	calls := map[string]bool{}
	for _, f := range files {
		for name := range f.calls {
			calls[name] = true
		}
	}
	m.consts, _ = evalbudget.ConstFor(calls)
	var diags hcl.Diagnostics
	entities := map[string]*entity{}
	var order []*entity
	locals := map[string]*hcl.Attribute{}
	required := map[string]*hcl.Attribute{}
	for _, f := range files {
		fc, ds := readFile(f, m.consts)
		diags = append(diags, ds...)
		for _, e := range fc.entities {
			id := e.id()
			base, exists := entities[id]
			switch {
			case !f.override && exists:
				diags = append(diags, duplicate(e.kind+" block", id, e.defRange, base.defRange))
			case !f.override:
				entities[id] = e
				order = append(order, e)
			case !exists:
				diags = append(diags, missingBase(e.kind+" block", id, e.defRange))
			default:
				base.body = mergeBodies(base.body, e.body)
			}
		}
		for _, a := range fc.locals {
			base, exists := locals[a.Name]
			switch {
			case !f.override && exists:
				diags = append(diags, duplicate("local value", "local."+a.Name, a.NameRange, base.NameRange))
			case f.override && !exists:
				diags = append(diags, missingBase("local value", "local."+a.Name, a.NameRange))
			default:
				locals[a.Name] = a
			}
		}
		for _, a := range fc.required {
			required[a.Name] = a
		}
	}
	m.locals = locals
	for name, a := range required {
		m.required[name] = decodeRequiredProvider(a, m.consts)
	}
	for _, e := range order {
		diags = append(diags, m.decodeEntity(e)...)
	}
	diags = append(diags, checkLocalCycles(m.locals)...)
	for _, f := range files {
		if f.generated {
			continue
		}
		m.ignores = append(m.ignores, scanIgnores(f, order)...)
		if m.classes == nil && bytes.Contains(f.src, []byte(classificationMarker)) {
			m.classes = map[string]*analyzer.InlineClass{}
		}
		if m.classes != nil {
			scanClassifications(f, order, m.classes)
		}
	}
	return m, diags
}

func duplicate(what, id string, at, first hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Duplicate " + what,
		Detail:   fmt.Sprintf("%s is already declared at %s.", id, first),
		Subject:  at.Ptr(),
	}
}

func missingBase(what, id string, at hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Missing base " + what + " to override",
		Detail:   fmt.Sprintf("An override file may only change a %s declared in a primary file; %s is declared nowhere else.", what, id),
		Subject:  at.Ptr(),
	}
}

// readFile reads a file's top-level blocks.
func readFile(f *sourceFile, consts *hcl.EvalContext) (fileContent, hcl.Diagnostics) {
	var fc fileContent
	content, _, diags := f.file.Body.PartialContent(fileSchema)
	for _, b := range content.Blocks {
		switch b.Type {
		case "locals":
			attrs, ds := b.Body.JustAttributes()
			diags = append(diags, ds...)
			fc.locals = append(fc.locals, sortedAttrs(attrs)...)
		case "terraform":
			tc, _, ds := b.Body.PartialContent(terraformSchema)
			diags = append(diags, ds...)
			for _, rb := range tc.Blocks {
				attrs, ds := rb.Body.JustAttributes()
				diags = append(diags, ds...)
				fc.required = append(fc.required, sortedAttrs(attrs)...)
			}
		default:
			bd, ds := toBody(b.Body)
			diags = append(diags, ds...)
			labels := b.Labels
			if b.Type == "provider" {
				labels = []string{b.Labels[0], staticString(bd.attrs["alias"], consts)}
			}
			fc.entities = append(fc.entities, &entity{kind: b.Type, labels: labels, body: bd, defRange: b.DefRange})
		}
	}
	return fc, diags
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *hcl.Attribute) int { return rangeCompare(a.Range, b.Range) })
	return out
}

func rangeCompare(a, b hcl.Range) int {
	if c := strings.Compare(a.Filename, b.Filename); c != 0 {
		return c
	}
	return a.Start.Byte - b.Start.Byte
}

// toBody converts a block body. Native-syntax bodies keep their nested
// blocks; JSON bodies are read as attributes only, since without a schema
// JSON cannot tell a block from an object.
func toBody(b hcl.Body) (*body, hcl.Diagnostics) {
	if sb, ok := b.(*hclsyntax.Body); ok {
		return syntaxBody(sb), nil
	}
	attrs, diags := b.JustAttributes()
	return &body{attrs: attrs}, diags
}

func syntaxBody(sb *hclsyntax.Body) *body {
	out := &body{attrs: make(map[string]*hcl.Attribute, len(sb.Attributes))}
	for name, a := range sb.Attributes {
		out.attrs[name] = a.AsHCLAttribute()
	}
	for _, nb := range sb.Blocks {
		out.blocks = append(out.blocks, &nestedBlock{typ: nb.Type, labels: nb.Labels, body: syntaxBody(nb.Body), defRange: nb.DefRange()})
	}
	return out
}

// blocksOf returns the nested blocks of a type, in order.
func (b *body) blocksOf(typ string) []*nestedBlock {
	var out []*nestedBlock
	for _, nb := range b.blocks {
		if nb.typ == typ {
			out = append(out, nb)
		}
	}
	return out
}

// overrideType is the block type an override replaces: a dynamic block
// stands for the blocks it generates.
func (nb *nestedBlock) overrideType() string {
	if nb.typ == "dynamic" && len(nb.labels) == 1 {
		return nb.labels[0]
	}
	return nb.typ
}

// mergeBodies applies an override body to a base body: the override's
// attributes replace the base's, and if the override has any nested block
// of a type, those replace every base block of that type. Setting count in
// an override drops the base's for_each and the other way round.
func mergeBodies(base, over *body) *body {
	out := &body{attrs: make(map[string]*hcl.Attribute, len(base.attrs)+len(over.attrs))}
	maps.Copy(out.attrs, base.attrs)
	maps.Copy(out.attrs, over.attrs)
	if _, ok := over.attrs["count"]; ok {
		delete(out.attrs, "for_each")
	}
	if _, ok := over.attrs["for_each"]; ok {
		delete(out.attrs, "count")
	}
	replaced := map[string]bool{}
	for _, nb := range over.blocks {
		replaced[nb.overrideType()] = true
	}
	for _, nb := range base.blocks {
		if !replaced[nb.overrideType()] {
			out.blocks = append(out.blocks, nb)
		}
	}
	out.blocks = append(out.blocks, over.blocks...)
	return out
}

// staticString returns an attribute's value when it is a literal string.
func staticString(a *hcl.Attribute, consts *hcl.EvalContext) string {
	if a == nil {
		return ""
	}
	v, diags := a.Expr.Value(consts)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

func (m *module) decodeEntity(e *entity) hcl.Diagnostics {
	switch e.kind {
	case "variable":
		return m.decodeVariable(e)
	case "output":
		if v := e.body.attrs["value"]; v != nil {
			m.outputs[e.labels[0]] = v
		}
	case "provider":
		key := providerRef{name: e.labels[0], alias: e.labels[1]}
		m.providers[key.String()] = &providerDecl{name: key.name, alias: key.alias, body: e.body, defRange: e.defRange}
	case "resource", "data":
		return m.decodeResource(e)
	case "module":
		return m.decodeCall(e)
	}
	return nil
}

func (m *module) decodeVariable(e *entity) hcl.Diagnostics {
	v := &variableDecl{name: e.labels[0], typ: cty.DynamicPseudoType, literal: true, nullable: true, rng: e.defRange}
	var diags hcl.Diagnostics
	if a := e.body.attrs["default"]; a != nil {
		v.def = a.Expr
	}
	if a := e.body.attrs["type"]; a != nil {
		ty, defaults, ds := typeexpr.TypeConstraintWithDefaults(a.Expr)
		diags = append(diags, ds...)
		if !ds.HasErrors() {
			v.typ, v.defaults = ty, defaults
			v.literal = ty.IsPrimitiveType()
		}
	}
	if a := e.body.attrs["nullable"]; a != nil {
		if nv, ds := a.Expr.Value(m.consts); !ds.HasErrors() && nv.Type() == cty.Bool && nv.IsKnown() && !nv.IsNull() {
			v.nullable = nv.True()
		}
	}
	m.variables[v.name] = v
	return diags
}

func (m *module) decodeResource(e *entity) hcl.Diagnostics {
	r := &resourceDecl{
		mode:     "managed",
		typ:      e.labels[0],
		name:     e.labels[1],
		body:     e.body,
		defRange: e.defRange,
	}
	if e.kind == "data" {
		r.mode = "data"
	}
	if a := e.body.attrs["count"]; a != nil {
		r.count = a.Expr
	}
	if a := e.body.attrs["for_each"]; a != nil {
		r.forEach = a.Expr
	}
	var diags hcl.Diagnostics
	if a := e.body.attrs["provider"]; a != nil {
		ref, ds := providerRefFromExpr(a.Expr, m.consts)
		diags = append(diags, ds...)
		r.provider = ref
	}
	m.resources[r.key()] = r
	return diags
}

// moduleMeta are the module block arguments that are not inputs.
var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func (m *module) decodeCall(e *entity) hcl.Diagnostics {
	c := &moduleCallDecl{name: e.labels[0], inputs: map[string]*hcl.Attribute{}, defRange: e.defRange}
	var diags hcl.Diagnostics
	switch src := e.body.attrs["source"]; src {
	case nil:
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing module source",
			Detail:   fmt.Sprintf("module %q has no source argument.", c.name),
			Subject:  e.defRange.Ptr(),
		})
	default:
		c.source, c.sourceRange = staticString(src, m.consts), src.Range
		if c.source == "" {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid module source",
				Detail:   "The module source must be a literal string.",
				Subject:  src.Expr.Range().Ptr(),
			})
		}
	}
	for name, a := range e.body.attrs {
		if !moduleMeta[name] {
			c.inputs[name] = a
		}
	}
	if a := e.body.attrs["count"]; a != nil {
		c.count = a.Expr
	}
	if a := e.body.attrs["for_each"]; a != nil {
		c.forEach = a.Expr
	}
	if a := e.body.attrs["providers"]; a != nil {
		c.providers = map[string]providerRef{}
		pairs, ds := hcl.ExprMap(a.Expr)
		diags = append(diags, ds...)
		for _, p := range pairs {
			child, ds1 := providerRefFromExpr(p.Key, m.consts)
			parent, ds2 := providerRefFromExpr(p.Value, m.consts)
			diags = append(diags, ds1...)
			diags = append(diags, ds2...)
			if child.name != "" && parent.name != "" {
				c.providers[child.String()] = parent
			}
		}
	}
	m.calls[c.name] = c
	return diags
}

// providerRefFromExpr reads a provider reference: aws.dr as a traversal,
// or "aws.dr" as a string (Terraform 0.11 syntax).
func providerRefFromExpr(expr hcl.Expression, consts *hcl.EvalContext) (providerRef, hcl.Diagnostics) {
	if t, diags := hcl.AbsTraversalForExpr(expr); !diags.HasErrors() {
		ref := providerRef{name: t.RootName()}
		if len(t) > 1 {
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				ref.alias = a.Name
			}
		}
		return ref, nil
	}
	if v, diags := expr.Value(consts); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		name, alias, _ := strings.Cut(v.AsString(), ".")
		return providerRef{name: name, alias: alias}, nil
	}
	return providerRef{}, hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Invalid provider reference",
		Detail:   "A provider reference is a provider name, optionally followed by a dot and an alias: aws or aws.dr.",
		Subject:  expr.Range().Ptr(),
	}}
}

// decodeRequiredProvider reads a required_providers entry: an object with
// source and configuration_aliases, or a bare version string (0.12).
func decodeRequiredProvider(a *hcl.Attribute, consts *hcl.EvalContext) *requiredProvider {
	rp := &requiredProvider{}
	pairs, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		return rp
	}
	for _, p := range pairs {
		key := hcl.ExprAsKeyword(p.Key)
		if key == "" {
			if kv, ds := p.Key.Value(consts); !ds.HasErrors() && kv.Type() == cty.String && kv.IsKnown() {
				key = kv.AsString()
			}
		}
		switch key {
		case "source":
			if v, ds := p.Value.Value(consts); !ds.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				rp.source = v.AsString()
			}
		case "configuration_aliases":
			exprs, ds := hcl.ExprList(p.Value)
			if ds.HasErrors() {
				continue
			}
			for _, e := range exprs {
				if ref, ds := providerRefFromExpr(e, consts); !ds.HasErrors() {
					rp.aliases = append(rp.aliases, ref.String())
				}
			}
		}
	}
	return rp
}

// providerSource returns the registry source address of a provider local
// name in this module: its required_providers entry, else the hashicorp
// provider of that name, as Terraform implies.
func (m *module) providerSource(localName string) string {
	if rp := m.required[localName]; rp != nil && rp.source != "" {
		src := strings.ToLower(rp.source)
		if strings.Count(src, "/") == 1 {
			src = "registry.terraform.io/" + src
		}
		return src
	}
	if localName == "terraform" {
		return "terraform.io/builtin/terraform"
	}
	return "registry.terraform.io/hashicorp/" + localName
}

// checkLocalCycles reports local values that depend on themselves, naming
// the whole cycle, before anything is evaluated.
func checkLocalCycles(locals map[string]*hcl.Attribute) hcl.Diagnostics {
	deps := make(map[string][]string, len(locals))
	for name, a := range locals {
		for _, t := range a.Expr.Variables() {
			if t.RootName() != "local" || len(t) < 2 {
				continue
			}
			if ta, ok := t[1].(hcl.TraverseAttr); ok {
				if _, declared := locals[ta.Name]; declared {
					deps[name] = append(deps[name], ta.Name)
				}
			}
		}
	}
	names := make([]string, 0, len(locals))
	for n := range locals {
		names = append(names, n)
	}
	slices.Sort(names)
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var stack []string
	var diags hcl.Diagnostics
	var visit func(n string) bool
	visit = func(n string) bool {
		switch state[n] {
		case visiting:
			i := slices.Index(stack, n)
			cycle := append(slices.Clone(stack[i:]), n)
			for j := range cycle {
				cycle[j] = "local." + cycle[j]
			}
			a := locals[n]
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cycle in local values",
				Detail:   strings.Join(cycle, " → ") + ": a local value cannot depend on itself.",
				Subject:  a.NameRange.Ptr(),
			})
			return false
		case done:
			return true
		}
		state[n] = visiting
		stack = append(stack, n)
		for _, d := range deps[n] {
			if !visit(d) {
				return false
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		return true
	}
	for _, n := range names {
		if state[n] == unvisited && !visit(n) {
			break
		}
	}
	return diags
}
