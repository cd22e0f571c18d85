// Package terragrunt reads Terragrunt units as Terragrunt would assemble
// them before running Terraform, without running anything: the module a
// unit deploys (a local terraform.source), the files its generate blocks
// write (the provider block, most often), its inputs as root variable
// values, and the parent configuration it includes. What it cannot read
// statically is unknown with the reason, or a warning; docs/terragrunt.md
// lists what is covered.
package terragrunt

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/nesting"
	"github.com/sovlint/sovlint/internal/par"
)

// FileName is a unit's configuration file.
const FileName = tfconfig.TerragruntFile

// Unit is a Terragrunt unit, assembled.
type Unit struct {
	Dir  string // the directory holding terragrunt.hcl
	File string // its terragrunt.hcl
	// Source is the local directory of the module the unit deploys: its
	// terraform.source, or Dir when it has none.
	Source string
	// Extra are the files Terragrunt adds to Source before running
	// Terraform: the unit's own configuration files (when it has a
	// source) and what its generate blocks write.
	Extra []tfconfig.ExtraFile
	// Inputs are its inputs, the unknown ones with why.
	Inputs map[string]tfconfig.Preset
	// Warnings are what the unit does that sovlint does not read.
	Warnings []tfconfig.Warning
}

// config is one terragrunt.hcl, parsed.
type config struct {
	path string
	file *hcl.File
	body *hcl.BodyContent
}

// schema is the part of terragrunt.hcl sovlint reads; every other block
// and attribute (remote_state, dependencies, hooks…) is left alone.
// include blocks, with or without a label, are read from the syntax tree:
// a schema gives a block type one number of labels.
var schema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "inputs"}},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "locals"},
		{Type: "terraform"},
		{Type: "generate", LabelNames: []string{"name"}},
		{Type: "dependency", LabelNames: []string{"name"}},
	},
}

// parse reads a terragrunt.hcl.
func parse(path string) (*config, error) {
	src, err := inputfile.ReadFile(path, inputfile.SourceLimit, inputfile.Tree)
	if err != nil {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read Terragrunt configuration", Detail: inputfile.Detail(err), Subject: &hcl.Range{Filename: path}}}
	}
	if _, foreign := inputfile.Encoding(src); foreign != "" {
		return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Unsupported text encoding", Detail: "The file " + inputfile.EncodingMsg(foreign) + ".", Subject: &hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.InitialPos}}}
	}
	if d := nesting.Config(src, path); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		_ = evalbudget.GuardSyntax(body) // evaluated within a budget (eval.functions)
	}
	for _, d := range diags {
		d.Detail = "" // parser details quote the text they could not read
	}
	if diags.HasErrors() {
		return nil, diags
	}
	body, _, diags := f.Body.PartialContent(schema)
	if diags.HasErrors() {
		return nil, diags
	}
	return &config{path: path, file: f, body: body}, nil
}

// Reader reads the Terragrunt configurations of one tree, each file once
// however often it is asked for: a tree's units are first parsed to find
// which are parents (Includes), then loaded, and every unit parses the
// parents it includes and the files it reads (read_terragrunt_config).
// The zero Reader is ready; it is safe for concurrent use, and holds the
// syntax trees it read until dropped.
type Reader struct {
	parsed par.Memo[string, parsedFile]
}

type parsedFile struct {
	c   *config
	err error
}

// parse is the package's parse of path, the first time it is asked for.
// The path is the key as given: it names the file in diagnostics.
func (r *Reader) parse(path string) (*config, error) {
	p := r.parsed.Get(path, func() parsedFile {
		c, err := parse(path)
		return parsedFile{c, err}
	})
	return p.c, p.err
}

// Includes returns the absolute paths of the configurations a
// terragrunt.hcl includes: a file some unit includes is a parent, not a
// unit.
func Includes(path string) ([]string, error) { return new(Reader).Includes(path) }

// Load assembles the unit whose terragrunt.hcl is at path.
func Load(path string) (*Unit, error) { return new(Reader).Load(path) }

// Includes is the package's Includes, reading through r.
func (r *Reader) Includes(path string) ([]string, error) {
	c, err := r.parse(path)
	if err != nil {
		return nil, err
	}
	ev := newEval(r, absPath(filepath.Dir(path)), "")
	var out []string
	for _, inc := range c.blocks("include") {
		if p, _, err := ev.includePath(inc); err == nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// Load is the package's Load, reading through r.
func (r *Reader) Load(path string) (*Unit, error) {
	c, err := r.parse(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	u := &Unit{Dir: dir, File: path, Inputs: map[string]tfconfig.Preset{}}
	ev := newEval(r, absPath(dir), "")

	// Included parents: evaluated in the unit's context, then merged
	// under it.
	type includeRef struct {
		block          *hcl.Block
		path, strategy string
	}
	var refs []includeRef
	for _, inc := range c.blocks("include") {
		ppath, strategy, err := ev.includePath(inc)
		if err != nil {
			return nil, err
		}
		refs = append(refs, includeRef{inc, relativeLike(path, ppath), strategy})
	}
	if len(refs) > 0 {
		// The unit's path_relative_to_include() and
		// get_parent_terragrunt_dir() answer for its (first) include.
		ev.parentDir = absPath(filepath.Dir(refs[0].path))
	}
	var parents []*evaluated
	exposed := map[string]cty.Value{}
	var anonymous cty.Value
	var diags hcl.Diagnostics
	for _, ref := range refs {
		inc, ppath, strategy := ref.block, ref.path, ref.strategy
		pc, err := r.parse(ppath)
		if err != nil {
			return nil, err
		}
		if len(pc.blocks("include")) > 0 {
			u.Warnings = append(u.Warnings, tfconfig.Warning{Message: "the included configuration includes another one: sovlint reads one level of include, as Terragrunt did before nested includes", Range: inc.DefRange})
		}
		pe := newEval(r, ev.dir, absPath(filepath.Dir(ppath)))
		p, ds := pe.evaluate(pc, nil)
		diags = append(diags, ds...)
		p.strategy = strategy
		if strategy != "no_merge" {
			parents = append(parents, p)
		}
		obj := cty.ObjectVal(map[string]cty.Value{"locals": p.localsValue(), "inputs": p.inputsValue()})
		if len(inc.Labels) == 0 {
			anonymous = obj
		} else {
			exposed[inc.Labels[0]] = obj
		}
	}
	var include cty.Value
	switch {
	case anonymous != cty.NilVal:
		include = anonymous
	case len(exposed) > 0:
		include = cty.ObjectVal(exposed)
	}
	child, ds := ev.evaluate(c, &include)
	diags = append(diags, ds...)
	if diags.HasErrors() {
		return nil, diags
	}
	merged := child
	for _, p := range slices.Backward(parents) {
		merged = merge(p, merged)
	}
	u.Warnings = append(u.Warnings, merged.warnings...)
	maps.Copy(u.Inputs, merged.inputs)
	if err := u.source(merged); err != nil {
		return nil, err
	}
	u.generate(merged)
	return u, nil
}

// source sets the module directory from terraform.source: a local path
// (relative to the unit, "//" separating the part Terragrunt copies from
// the module directory inside it, "?ref=" ignored). A remote source is an
// error: its module is not in the repository.
func (u *Unit) source(e *evaluated) error {
	u.Source = u.Dir
	if e.source == nil {
		return nil
	}
	v := e.source.value
	if !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Terragrunt source not known statically", Detail: "terraform.source depends on values sovlint cannot evaluate; scan the plan instead (terragrunt show -json).", Subject: e.source.rng.Ptr()}}
	}
	src := v.AsString()
	if remoteSource(src) {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Terragrunt source is remote", Detail: "the module this unit deploys is not in the repository; scan the plan (terragrunt show -json), or the module Terragrunt downloaded into .terragrunt-cache.", Subject: e.source.rng.Ptr()}}
	}
	src, _, _ = strings.Cut(src, "?")
	base, sub, _ := strings.Cut(strings.TrimPrefix(src, "file://"), "//")
	dir := filepath.FromSlash(base)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(u.Dir, dir)
	}
	dir = filepath.Join(dir, filepath.FromSlash(sub))
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Terragrunt source not found", Detail: fmt.Sprintf("terraform.source resolves to %s, which is not a directory.", relTo(u.Dir, dir)), Subject: e.source.rng.Ptr()}}
	}
	u.Source = relativeLike(u.Dir, dir)
	if filepath.Clean(u.Source) == filepath.Clean(u.Dir) {
		return nil
	}
	// Terragrunt copies the unit's own configuration files beside the
	// module's, replacing those of the same name.
	entries, err := os.ReadDir(u.Dir)
	if err != nil {
		return err
	}
	for _, en := range entries {
		name := en.Name()
		if en.IsDir() || strings.HasPrefix(name, ".") || !tfconfig.IsConfigFile(name) {
			continue
		}
		b, err := inputfile.ReadFile(filepath.Join(u.Dir, name), inputfile.SourceLimit, inputfile.Tree)
		if err != nil {
			return err
		}
		u.Extra = append(u.Extra, tfconfig.ExtraFile{Name: name, Src: b, Filename: filepath.Join(u.Dir, name), Start: hcl.InitialPos, Replace: true})
	}
	return nil
}

// generate adds the configuration files the generate blocks write.
func (u *Unit) generate(e *evaluated) {
	for _, name := range slices.Sorted(maps.Keys(e.generates)) {
		g := e.generates[name]
		if g.disabled {
			continue
		}
		if !tfconfig.IsConfigFile(filepath.Base(g.path)) {
			if g.path != "" && strings.Contains(g.path, ".tfvars") {
				u.Warnings = append(u.Warnings, tfconfig.Warning{Message: fmt.Sprintf("generate %q writes variable values (%s), which sovlint does not read", name, g.path), Range: g.rng})
			}
			continue
		}
		if g.contents == nil {
			u.Warnings = append(u.Warnings, tfconfig.Warning{Message: fmt.Sprintf("generate %q: its contents are not known statically, so the %s it writes was not scanned; scan the plan instead (terragrunt show -json)", name, g.path), Range: g.rng})
			continue
		}
		replace := true
		switch g.ifExists {
		case "skip":
			replace = false
		case "", "overwrite", "overwrite_terragrunt", "error":
			// overwrite_terragrunt and error fail in Terragrunt when the
			// module has its own file of that name; both read the same
			// here, and Terraform would then see a duplicate anyway.
		}
		u.Extra = append(u.Extra, tfconfig.ExtraFile{Name: filepath.Base(g.path), Src: g.contents, Filename: g.file, Start: g.start, Replace: replace})
	}
}

// remoteSource reports whether a terraform.source is fetched rather than
// read in place: a go-getter URL, a registry or VCS shorthand.
func remoteSource(src string) bool {
	if strings.Contains(src, "::") || strings.HasPrefix(src, "tfr:") || strings.Contains(src, "://") && !strings.HasPrefix(src, "file://") {
		return true
	}
	for _, host := range []string{"github.com/", "bitbucket.org/", "gitlab.com/", "git@"} {
		if strings.HasPrefix(src, host) {
			return true
		}
	}
	return false
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// relativeLike returns target relative to the working directory when
// base is relative, so that findings name files as the user named the
// scan.
func relativeLike(base, target string) string {
	if filepath.IsAbs(base) {
		return absPath(target)
	}
	wd, err := os.Getwd()
	if err != nil {
		return target
	}
	if rel, err := filepath.Rel(wd, absPath(target)); err == nil {
		return rel
	}
	return target
}

func relTo(base, target string) string {
	if rel, err := filepath.Rel(base, target); err == nil {
		return filepath.ToSlash(rel)
	}
	return target
}

func (c *config) blocks(typ string) []*hcl.Block {
	var out []*hcl.Block
	if typ == "include" {
		if body, ok := c.file.Body.(*hclsyntax.Body); ok {
			for _, b := range body.Blocks {
				if b.Type == typ && len(b.Labels) <= 1 {
					out = append(out, b.AsHCLBlock())
				}
			}
		}
		return out
	}
	for _, b := range c.body.Blocks {
		if b.Type == typ {
			out = append(out, b)
		}
	}
	return out
}
