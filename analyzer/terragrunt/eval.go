package terragrunt

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/analyzer/tfconfig/funcs"
	"github.com/sovlint/sovlint/internal/evalbudget"
)

// eval evaluates terragrunt.hcl expressions as Terragrunt would for one
// unit: the path functions answer for the unit's directory and the
// configuration it includes, whichever file the expression is in.
type eval struct {
	files     *Reader
	dir       string // the unit's directory, absolute
	parentDir string // the included configuration's directory; "" when none
	depth     int    // read_terragrunt_config nesting
	// budget bounds the unit's evaluation (see evalbudget); terraform are
	// Terraform's functions bound to it, made on first use.
	budget    *evalbudget.Budget
	terraform map[string]function.Function
}

func newEval(files *Reader, dir, parentDir string) *eval {
	return &eval{files: files, dir: dir, parentDir: parentDir, budget: evalbudget.New()}
}

// maxReadDepth bounds read_terragrunt_config chains (and cycles).
const maxReadDepth = 8

// evaluated is what one terragrunt.hcl sets.
type evaluated struct {
	locals    map[string]cty.Value
	inputs    map[string]tfconfig.Preset
	source    *sourceAttr
	generates map[string]*generated
	strategy  string // the include's merge_strategy, for a parent
	warnings  []tfconfig.Warning
}

type sourceAttr struct {
	value cty.Value
	rng   hcl.Range
}

// generated is a generate block.
type generated struct {
	path, ifExists string
	disabled       bool
	contents       []byte // nil when not known statically
	file           string // where the contents are written
	start          hcl.Pos
	rng            hcl.Range
}

func (e *evaluated) localsValue() cty.Value { return objectOrEmpty(e.locals) }

func (e *evaluated) inputsValue() cty.Value {
	m := make(map[string]cty.Value, len(e.inputs))
	for k, p := range e.inputs {
		m[k] = p.Value
	}
	return objectOrEmpty(m)
}

func objectOrEmpty(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// includePath evaluates an include block's path (functions only, as
// Terragrunt reads includes before locals) and its merge strategy.
func (e *eval) includePath(b *hcl.Block) (string, string, error) {
	attrs, diags := b.Body.JustAttributes()
	if diags.HasErrors() {
		return "", "", diags
	}
	a := attrs["path"]
	if a == nil {
		return "", "", hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Include without a path", Subject: b.DefRange.Ptr()}}
	}
	v, diags := a.Expr.Value(e.context(a.Expr, nil, nil, filepath.Dir(a.Range.Filename)))
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return "", "", hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Include path not known statically", Detail: "sovlint evaluates include paths with Terragrunt's path functions only.", Subject: a.Expr.Range().Ptr()}}
	}
	p := v.AsString()
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(absPath(a.Range.Filename)), p)
	}
	strategy := "shallow"
	if s := attrs["merge_strategy"]; s != nil {
		if sv, ds := s.Expr.Value(nil); !ds.HasErrors() && sv.IsKnown() && sv.Type().Equals(cty.String) && !sv.IsNull() {
			strategy = sv.AsString()
		}
	}
	return p, strategy, nil
}

// evaluate reads a configuration's locals, inputs, terraform.source and
// generate blocks. include is the value of `include` in its expressions
// (nil for a parent, which cannot refer to its children).
func (e *eval) evaluate(c *config, include *cty.Value) (*evaluated, hcl.Diagnostics) {
	out := &evaluated{locals: map[string]cty.Value{}, inputs: map[string]tfconfig.Preset{}, generates: map[string]*generated{}}
	var diags hcl.Diagnostics
	fileDir := filepath.Dir(c.path)
	whys := map[string]string{}

	// Locals may refer to each other in any order: evaluate them all
	// until nothing changes (one pass per local at most).
	var locals hcl.Attributes
	for _, b := range c.blocks("locals") {
		attrs, ds := b.Body.JustAttributes()
		diags = append(diags, ds...)
		if locals == nil {
			locals = hcl.Attributes{}
		}
		maps.Copy(locals, attrs)
	}
	for name := range locals {
		out.locals[name] = cty.DynamicVal
	}
	for range len(locals) + 1 {
		changed := false
		for name, a := range locals {
			v, _ := a.Expr.Value(e.context(a.Expr, out, include, fileDir))
			if !v.RawEquals(out.locals[name]) {
				out.locals[name] = v
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for name, a := range locals {
		if !out.locals[name].IsWhollyKnown() {
			whys[name] = e.whyOf(a.Expr, whys)
		}
	}

	if a := c.body.Attributes["inputs"]; a != nil {
		ctx := e.context(a.Expr, out, include, fileDir)
		if obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr); ok {
			for _, item := range obj.Items {
				k, ds := item.KeyExpr.Value(ctx)
				if ds.HasErrors() || !k.IsKnown() || k.IsNull() || !k.Type().Equals(cty.String) {
					out.warnings = append(out.warnings, tfconfig.Warning{Message: "an input name is not known statically: that input was not read", Range: item.KeyExpr.Range()})
					continue
				}
				v, _ := item.ValueExpr.Value(ctx)
				out.inputs[k.AsString()] = e.preset(v, item.ValueExpr, whys)
			}
		} else {
			v, _ := a.Expr.Value(ctx)
			switch {
			case v.IsKnown() && !v.IsNull() && (v.Type().IsObjectType() || v.Type().IsMapType()):
				for k, iv := range v.AsValueMap() {
					out.inputs[k] = e.preset(iv, a.Expr, whys)
				}
			default:
				out.warnings = append(out.warnings, tfconfig.Warning{Message: "inputs are not known statically: the unit's variables keep their defaults or stay unknown; " + e.whyOf(a.Expr, whys), Range: a.Range})
			}
		}
	}

	for _, b := range c.blocks("terraform") {
		attrs, _ := b.Body.JustAttributes() // blocks inside (extra_arguments, hooks) are not read
		if a := attrs["source"]; a != nil {
			v, _ := a.Expr.Value(e.context(a.Expr, out, include, fileDir))
			out.source = &sourceAttr{value: v, rng: a.Expr.Range()}
		}
	}
	for _, b := range c.blocks("generate") {
		g, ds := e.generate(c, b, out, include, fileDir)
		diags = append(diags, ds...)
		if g != nil {
			out.generates[b.Labels[0]] = g
		}
	}
	return out, diags
}

// preset is an input value, with why when it is not wholly known.
func (e *eval) preset(v cty.Value, expr hcl.Expression, whys map[string]string) tfconfig.Preset {
	p := tfconfig.Preset{Value: v}
	if !v.IsWhollyKnown() {
		p.Why = e.whyOf(expr, whys)
	}
	return p
}

func (e *eval) generate(c *config, b *hcl.Block, out *evaluated, include *cty.Value, fileDir string) (*generated, hcl.Diagnostics) {
	attrs, diags := b.Body.JustAttributes()
	if diags.HasErrors() {
		return nil, diags
	}
	g := &generated{file: c.path, rng: b.DefRange}
	str := func(name string) string {
		a := attrs[name]
		if a == nil {
			return ""
		}
		v, ds := a.Expr.Value(e.context(a.Expr, out, include, fileDir))
		if ds.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
			return ""
		}
		return v.AsString()
	}
	g.path, g.ifExists = str("path"), str("if_exists")
	if a := attrs["disable"]; a != nil {
		if v, ds := a.Expr.Value(e.context(a.Expr, out, include, fileDir)); !ds.HasErrors() && v.IsKnown() && v.Type().Equals(cty.Bool) && !v.IsNull() {
			g.disabled = v.True()
		}
	}
	a := attrs["contents"]
	if a == nil {
		return g, nil
	}
	v, ds := a.Expr.Value(e.context(a.Expr, out, include, fileDir))
	if ds.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return g, nil
	}
	g.contents = []byte(v.AsString())
	g.start = contentStart(c.file.Bytes, a.Expr.Range())
	return g, nil
}

// contentStart is where a generate block's contents begin in its file, so
// that findings point at the provider block's real lines: the line after
// a heredoc's marker, or the opening quote's position.
func contentStart(src []byte, rng hcl.Range) hcl.Pos {
	start := rng.Start
	if start.Byte < len(src) && bytes.HasPrefix(src[start.Byte:], []byte("<<")) {
		if nl := bytes.IndexByte(src[start.Byte:], '\n'); nl >= 0 {
			return hcl.Pos{Line: start.Line + 1, Column: 1, Byte: start.Byte + nl + 1}
		}
	}
	return hcl.Pos{Line: start.Line, Column: start.Column + 1, Byte: start.Byte + 1}
}

// context is the evaluation context of one expression: Terraform's
// functions, Terragrunt's, an unknown-valued stand-in for any other
// function it calls, local, include and dependency.
func (e *eval) context(expr hcl.Expression, cur *evaluated, include *cty.Value, fileDir string) *hcl.EvalContext {
	if e.terraform == nil {
		e.terraform = evalbudget.Functions(funcs.Terraform(), funcs.Unevaluated, e.budget, nil)
	}
	fns := maps.Clone(e.terraform)
	maps.Copy(fns, e.functions(fileDir))
	if syn, ok := expr.(hclsyntax.Node); ok {
		_ = hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
			if fc, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				if _, known := fns[fc.Name]; !known {
					fns[fc.Name] = unknownFunc
				}
			}
			return nil
		})
	}
	vars := map[string]cty.Value{
		"dependency": cty.DynamicVal,
		"feature":    cty.DynamicVal,
		"values":     cty.DynamicVal,
	}
	if cur != nil {
		vars["local"] = objectOrEmpty(cur.locals)
	}
	if include != nil && *include != cty.NilVal {
		vars["include"] = *include
	}
	return &hcl.EvalContext{Variables: vars, Functions: fns}
}

// unknownFunc stands for the functions sovlint does not evaluate: those
// that run commands, read the environment or reach a cloud API.
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

// notEvaluated explains, for an input or local left unknown, the function
// that made it so.
var notEvaluated = map[string]string{
	"get_env":                         "reads the environment Terragrunt runs in",
	"run_cmd":                         "runs a command, which sovlint never does",
	"sops_decrypt_file":               "decrypts a file, which sovlint never does",
	"get_aws_account_id":              "asks AWS, which sovlint never does",
	"get_aws_caller_identity_arn":     "asks AWS, which sovlint never does",
	"get_aws_caller_identity_user_id": "asks AWS, which sovlint never does",
	"get_terraform_command":           "depends on the command Terragrunt runs",
}

// whyOf says why an expression's value is not known statically.
func (e *eval) whyOf(expr hcl.Expression, whys map[string]string) string {
	why := ""
	syn, ok := expr.(hclsyntax.Node)
	if !ok {
		return "a Terragrunt value sovlint cannot evaluate"
	}
	_ = hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		if why != "" {
			return nil
		}
		switch n := n.(type) {
		case *hclsyntax.FunctionCallExpr:
			if r, ok := notEvaluated[n.Name]; ok {
				why = fmt.Sprintf("set by Terragrunt's %s(), which %s", n.Name, r)
			} else if funcs.Unevaluated[n.Name] {
				why = fmt.Sprintf("set by Terragrunt with %s(), which sovlint does not evaluate", n.Name)
			}
		case *hclsyntax.ScopeTraversalExpr:
			switch n.Traversal.RootName() {
			case "dependency":
				name := "a dependency"
				if len(n.Traversal) > 1 {
					if a, ok := n.Traversal[1].(hcl.TraverseAttr); ok {
						name = "dependency." + a.Name
					}
				}
				why = fmt.Sprintf("set by Terragrunt from %s's outputs, known only once it is applied", name)
			case "local":
				if len(n.Traversal) > 1 {
					if a, ok := n.Traversal[1].(hcl.TraverseAttr); ok && whys[a.Name] != "" {
						why = whys[a.Name]
					}
				}
			case "feature", "values":
				why = "set by a Terragrunt " + n.Traversal.RootName() + " value given when it runs"
			}
		}
		return nil
	})
	if why == "" {
		why = "a Terragrunt value sovlint cannot evaluate"
	}
	return why
}

// functions are Terragrunt's own functions that sovlint can answer for
// without running anything; fileDir is the directory of the file the
// expression is in.
func (e *eval) functions(fileDir string) map[string]function.Function {
	str := func(impl func(args []cty.Value) (cty.Value, error)) function.Function {
		return function.New(&function.Spec{
			VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true},
			Type:     function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				return impl(args)
			},
		})
	}
	constant := func(s string) function.Function {
		return str(func([]cty.Value) (cty.Value, error) { return cty.StringVal(s), nil })
	}
	parent := e.parentDir
	if parent == "" {
		parent = e.dir
	}
	fns := map[string]function.Function{
		"get_terragrunt_dir":          constant(e.dir),
		"get_original_terragrunt_dir": constant(e.dir),
		"get_parent_terragrunt_dir":   constant(parent),
		"path_relative_to_include":    constant(slashRel(parent, e.dir)),
		"path_relative_from_include":  constant(slashRel(e.dir, parent)),
		"find_in_parent_folders": str(func(args []cty.Value) (cty.Value, error) {
			name, fallback := FileName, cty.NilVal
			if len(args) > 0 && args[0].IsKnown() && !args[0].IsNull() && args[0].Type().Equals(cty.String) {
				name = args[0].AsString()
			}
			if len(args) > 1 {
				fallback = args[1]
			}
			if p, ok := findInParents(e.dir, name); ok {
				return cty.StringVal(p), nil
			}
			if fallback != cty.NilVal {
				return fallback, nil
			}
			return cty.NilVal, fmt.Errorf("no %s in the parent directories", name)
		}),
		"mark_as_read": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "path", Type: cty.String}},
			Type:   function.StaticReturnType(cty.String),
			Impl:   func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
		}),
		"read_terragrunt_config": function.New(&function.Spec{
			VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true},
			Type:     function.StaticReturnType(cty.DynamicPseudoType),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				return e.readConfig(args, fileDir)
			},
		}),
	}
	if root, ok := repoRoot(e.dir); ok {
		fns["get_repo_root"] = constant(root)
		fns["get_path_from_repo_root"] = constant(slashRel(root, e.dir))
		fns["get_path_to_repo_root"] = constant(slashRel(e.dir, root))
	}
	return fns
}

// readConfig is read_terragrunt_config: another file's locals and inputs,
// evaluated in its own directory.
func (e *eval) readConfig(args []cty.Value, fileDir string) (cty.Value, error) {
	if len(args) == 0 || !args[0].IsKnown() || args[0].IsNull() || !args[0].Type().Equals(cty.String) {
		return cty.DynamicVal, nil
	}
	if e.depth >= maxReadDepth {
		return cty.NilVal, fmt.Errorf("read_terragrunt_config nested more than %d deep", maxReadDepth)
	}
	p := args[0].AsString()
	if !filepath.IsAbs(p) {
		p = filepath.Join(fileDir, p)
	}
	c, err := e.files.parse(p)
	if err != nil {
		if len(args) > 1 {
			return args[1], nil
		}
		return cty.NilVal, fmt.Errorf("cannot read %s", filepath.Base(p))
	}
	sub := &eval{files: e.files, dir: absPath(filepath.Dir(p)), depth: e.depth + 1, budget: e.budget, terraform: e.terraform}
	ev, _ := sub.evaluate(c, nil)
	return cty.ObjectVal(map[string]cty.Value{"locals": ev.localsValue(), "inputs": ev.inputsValue()}), nil
}

// findInParents looks for name in the parent directories of dir, nearest
// first, as find_in_parent_folders does.
func findInParents(dir, name string) (string, bool) {
	cur := dir
	for range 100 {
		next := filepath.Dir(cur)
		if next == cur {
			return "", false
		}
		cur = next
		p := filepath.Join(cur, filepath.FromSlash(name))
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, true
		}
	}
	return "", false
}

// repoRoot is the nearest directory at or above dir holding .git.
func repoRoot(dir string) (string, bool) {
	cur := dir
	for {
		if _, err := os.Stat(filepath.Join(cur, ".git")); err == nil {
			return cur, true
		}
		next := filepath.Dir(cur)
		if next == cur {
			return "", false
		}
		cur = next
	}
}

func slashRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return "."
	}
	return filepath.ToSlash(rel)
}

// merge puts a unit's configuration over the parent it includes: the
// unit's terraform.source and generate blocks win by name, inputs merge by
// name (recursively into maps with the deep strategies).
func merge(parent, child *evaluated) *evaluated {
	out := &evaluated{
		locals:    child.locals,
		inputs:    map[string]tfconfig.Preset{},
		source:    parent.source,
		generates: map[string]*generated{},
		warnings:  append(append([]tfconfig.Warning(nil), parent.warnings...), child.warnings...),
	}
	if child.source != nil {
		out.source = child.source
	}
	maps.Copy(out.generates, parent.generates)
	maps.Copy(out.generates, child.generates)
	maps.Copy(out.inputs, parent.inputs)
	deep := parent.strategy == "deep" || parent.strategy == "deep_map_only"
	for k, c := range child.inputs {
		if p, ok := out.inputs[k]; ok && deep {
			c.Value = deepMerge(p.Value, c.Value, parent.strategy == "deep")
			if c.Why == "" {
				c.Why = p.Why
			}
		}
		out.inputs[k] = c
	}
	return out
}

// deepMerge merges two maps or objects key by key, the child winning for
// other values; lists concatenate when lists is set.
func deepMerge(parent, child cty.Value, lists bool) cty.Value {
	if !parent.IsWhollyKnown() || !child.IsWhollyKnown() || parent.IsNull() || child.IsNull() {
		return child
	}
	pt, ct := parent.Type(), child.Type()
	switch {
	case (pt.IsObjectType() || pt.IsMapType()) && (ct.IsObjectType() || ct.IsMapType()):
		m := parent.AsValueMap()
		if m == nil {
			m = map[string]cty.Value{}
		}
		for k, v := range child.AsValueMap() {
			if pv, ok := m[k]; ok {
				m[k] = deepMerge(pv, v, lists)
			} else {
				m[k] = v
			}
		}
		return objectOrEmpty(m)
	case lists && (pt.IsListType() || pt.IsTupleType()) && (ct.IsListType() || ct.IsTupleType()):
		return cty.TupleVal(append(parent.AsValueSlice(), child.AsValueSlice()...))
	}
	return child
}
