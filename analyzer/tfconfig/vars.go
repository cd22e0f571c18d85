package tfconfig

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/nesting"
)

// VarInput is one --var-file or --var argument. They apply in command-line
// order, the later winning, as Terraform's -var-file and -var do.
type VarInput struct {
	File   string // a variable definitions file
	Assign string // name=value
}

// VarOptions are the values a scan gives root module variables, on top of
// their defaults and the root module's own .tfvars files.
type VarOptions struct {
	Inputs []VarInput
	// Getenv reads TF_VAR_name; nil reads nothing.
	Getenv func(string) string
	// Values override everything else: the values a plan records for its
	// root variables, which are the ones Terraform used.
	Values map[string]cty.Value
	// UndeclaredOK lets a --var name a variable the root module does not
	// declare: a recursive scan gives the same --var to every root, and
	// checks that some root declares it (Undeclared).
	UndeclaredOK bool
	// Presets come before TF_VAR_name and .tfvars files: Terragrunt's
	// inputs, which it passes as TF_VAR_ unless the environment has one.
	Presets map[string]Preset
}

// Preset is a root variable value another tool sets, and why it is
// unknown when it is not wholly known (a Terragrunt dependency's output).
type Preset struct {
	Value cty.Value
	Why   string
}

// rawValue is one definition of a root variable, before its type applies.
type rawValue struct {
	value  cty.Value
	why    string // why a preset is not wholly known
	text   string // a -var or TF_VAR_ value: read per the variable's type
	isText bool
	rng    hcl.Range
}

// rootVariables works out the value of every root variable as Terraform
// does, each source overriding the ones before: the default, TF_VAR_name,
// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical
// order, then --var-file and --var in command-line order.
func (c *Config) rootVariables(opts VarOptions) (map[string]result, error) {
	decls := c.root.mod.variables
	defs := map[string]rawValue{}
	for name, p := range opts.Presets {
		defs[name] = rawValue{value: p.Value, why: p.Why}
	}
	if opts.Getenv != nil {
		for name := range decls {
			if v := opts.Getenv("TF_VAR_" + name); v != "" {
				defs[name] = rawValue{text: v, isText: true}
			}
		}
	}
	li := c.loader.list(c.Dir)
	if li.err != nil {
		return nil, li.err
	}
	files := li.varFiles
	for _, f := range files {
		if err := readVarFile(f, inputfile.Tree, defs); err != nil {
			return nil, err
		}
	}
	for _, in := range opts.Inputs {
		switch {
		case in.File != "":
			vals, err := c.loader.namedVarFile(in.File)
			if err != nil {
				return nil, err
			}
			maps.Copy(defs, vals)
		default:
			name, value, ok := strings.Cut(in.Assign, "=")
			name = strings.TrimSpace(name)
			if !ok || name == "" {
				return nil, fmt.Errorf("--var %q: want NAME=VALUE", redactAssign(in.Assign))
			}
			if decls[name] == nil && !opts.UndeclaredOK {
				// As Terraform: a value for a variable nobody declared is
				// most often a typo, and the scan would silently use the
				// default instead.
				return nil, fmt.Errorf("--var %s: the root module %s declares no variable %q", redactAssign(in.Assign), c.Dir, name)
			}
			defs[name] = rawValue{text: value, isText: true}
		}
	}
	for name, v := range opts.Values {
		defs[name] = rawValue{value: v}
	}

	consts := c.root.mod.consts // the root module's constants' budget
	out := make(map[string]result, len(decls))
	for name, decl := range decls {
		via := "var." + name
		def, ok := defs[name]
		var r result
		switch {
		case ok && def.isText:
			v, err := parseVarText(def.text, decl)
			if err != nil {
				return nil, fmt.Errorf("variable %q: the value given on the command line or in TF_VAR_%s is not a valid expression for its type", name, name)
			}
			r = result{v: v}
		case ok && def.why != "" && !def.value.IsKnown():
			r = unknown(def.why)
		case ok:
			r = result{v: def.value, why: def.why}
		case decl.def != nil:
			v, diags := decl.def.Value(consts)
			if diags.HasErrors() {
				r = unknown(fmt.Sprintf("the default of variable %q is not a constant", name))
			} else {
				r = result{v: v}
			}
		default:
			r = unknown(fmt.Sprintf("variable %q has no value: give it with --var, --var-file, a .tfvars file or TF_VAR_%s", name, name))
		}
		if r.v.IsKnown() && r.v.IsNull() && !decl.nullable && decl.def != nil {
			if v, diags := decl.def.Value(consts); !diags.HasErrors() {
				r.v = v
			}
		}
		out[name] = convertVar(r, decl, via)
	}
	return out, nil
}

// redactAssign keeps a --var's name and drops its value, which may be a
// secret.
func redactAssign(s string) string {
	if name, _, ok := strings.Cut(s, "="); ok {
		return name + "=…"
	}
	return "…" // without "=", it may be a value typed in the wrong place
}

// parseVarText reads a -var or TF_VAR_ value: as a plain string for a
// primitive or unconstrained type, as an HCL expression otherwise.
func parseVarText(text string, decl *variableDecl) (cty.Value, error) {
	if decl.literal {
		return cty.StringVal(text), nil
	}
	if d := nesting.Expression([]byte(text), "<value>"); d != nil {
		return cty.NilVal, hcl.Diagnostics{d}
	}
	expr, diags := hclsyntax.ParseExpression([]byte(text), "<value>", hcl.InitialPos)
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	expr = evalbudget.GuardExpr(expr)
	v, diags := expr.Value(evalbudget.Const(evalbudget.New()))
	if diags.HasErrors() {
		return cty.NilVal, diags
	}
	return v, nil
}

// varFileLoad is one --var-file's definitions, or why it could not be read.
type varFileLoad struct {
	defs map[string]rawValue
	err  error
}

// namedVarFile is a --var-file's definitions, read the first time a root
// module asks for them: a recursive scan gives every root the same
// --var-file, which may be a pipe that a second read finds empty.
func (l *SourceLoader) namedVarFile(path string) (map[string]rawValue, error) {
	vf := l.varFiles.Get(path, func() varFileLoad {
		defs := map[string]rawValue{}
		if err := readVarFile(path, inputfile.Named, defs); err != nil {
			return varFileLoad{err: err}
		}
		return varFileLoad{defs: defs}
	})
	return vf.defs, vf.err
}

// readVarFile reads a variable definitions file (.tfvars or .tfvars.json):
// constant values only, as Terraform requires. One the user names
// (--var-file) may be a pipe; one in the scanned tree must be a file.
func readVarFile(path string, origin inputfile.Origin, defs map[string]rawValue) error {
	src, err := inputfile.ReadFile(path, inputfile.SourceLimit, origin)
	if err != nil {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read variable definitions file",
			Detail:   inputfile.Detail(err),
			Subject:  &hcl.Range{Filename: path},
		}}
	}
	f, calls, diags := parseHCL(src, path)
	if diags.HasErrors() {
		return errorsOnly(diags)
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return errorsOnly(diags)
	}
	consts, b := evalbudget.ConstFor(calls) // the file's budget
	for _, a := range sortedAttrs(attrs) {
		v, ds := a.Expr.Value(consts)
		if b.Stopped() {
			why, _ := b.Reason()
			return hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Too much to evaluate",
				Detail:   fmt.Sprintf("The value of %q: %s.", a.Name, why),
				Subject:  a.Expr.Range().Ptr(),
			}}
		}
		if ds.HasErrors() {
			return hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Variables not allowed",
				Detail:   fmt.Sprintf("The value of %q in a variable definitions file must be a constant.", a.Name),
				Subject:  a.Expr.Range().Ptr(),
			}}
		}
		defs[a.Name] = rawValue{value: v, rng: a.Range}
	}
	return nil
}

// Declares reports whether the root module declares a variable.
func (c *Config) Declares(name string) bool { return c.root.mod.variables[name] != nil }

// AssignedNames returns the variable names --var assignments give, in
// order, each once.
func (opts VarOptions) AssignedNames() []string {
	var out []string
	for _, in := range opts.Inputs {
		name, _, ok := strings.Cut(in.Assign, "=")
		name = strings.TrimSpace(name)
		if in.File == "" && ok && name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
