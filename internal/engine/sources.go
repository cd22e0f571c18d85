package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/terragrunt"
	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/par"
	"github.com/sovlint/sovlint/internal/pathglob"
	"github.com/sovlint/sovlint/internal/suppress"
	"github.com/sovlint/sovlint/report"
)

// SourceOptions configure how Terraform/OpenTofu sources are read.
type SourceOptions struct {
	// Vars are the root variable values: --var-file, --var, TF_VAR_*.
	Vars tfconfig.VarOptions
	// Recursive scans every root module below a directory input, each with
	// its own .tfvars files.
	Recursive bool
	// PlanDir holds the sources the plan inputs were made from: plan
	// findings are placed on their lines, and their inline ignores apply.
	PlanDir string
	// Exclude are doublestar globs, relative to each directory input, of
	// directories a recursive scan skips (--exclude).
	Exclude []string
}

// unit is what one root module or one plan brings to a scan: its resource
// instances, the inline waivers that apply to its findings (and no other
// root's: two roots may share a module and its addresses), and warnings.
type unit struct {
	// rel is the root's directory relative to the input ("." for the
	// input itself, and for a plan); path is the root module's directory
	// or the plan file; rootDir is the directory exceptions' root globs
	// match.
	rel, path, rootDir string
	// err says why the root could not be scanned; nothing else is set.
	err       error
	instances []*analyzer.Instance // still to resolve
	resources []analyzer.Resource  // resolved while loading
	waivers   []*suppress.Waiver
	warnings  []report.Warning
	declares  map[string]bool // the --var names its root module declares
}

// loadDir scans a source directory: one root module, or with Recursive
// every root module below it, evaluated and resolved a few at a time (one
// per core) so that only those roots' syntax trees are in memory at once.
// A root module that cannot be loaded is a unit with its error: the others
// are still scanned. Terragrunt units (terragrunt.hcl) are roots too,
// assembled as Terragrunt would; the modules they deploy are not roots of
// their own.
func (sc *scan) loadDir(dir string) ([]unit, error) {
	roots := []string{dir}
	var tgUnits []string
	var tgFiles terragrunt.Reader // parents and unit files are read once
	switch {
	case sc.sources.Recursive:
		found, err := sc.loader.FindRoots(dir, tfconfig.RootSearch{Skip: sc.excluded(dir)})
		if err != nil {
			return nil, err
		}
		tgUnits = terragruntUnits(&tgFiles, found.Terragrunt)
		roots = found.Roots
		if len(roots)+len(tgUnits) == 0 {
			return nil, &finding.InputError{File: dir, Msg: "no Terraform or OpenTofu configuration below this directory"}
		}
	case isFile(filepath.Join(dir, terragrunt.FileName)):
		roots, tgUnits = nil, []string{dir}
	case !sc.loader.HasConfigFiles(dir):
		// Zero resources would be a silent pass: most often a monorepo root
		// scanned without --recursive.
		return nil, &finding.InputError{File: dir, Msg: "no Terraform or OpenTofu configuration files here: give a root module, or --recursive to scan every root module below"}
	}
	// Terragrunt units first: the modules they deploy are no roots.
	tg := make([]*terragrunt.Unit, len(tgUnits))
	tgErrs := make([]error, len(tgUnits))
	par.Each(len(tgUnits), func(i int) {
		tg[i], tgErrs[i] = tgFiles.Load(filepath.Join(tgUnits[i], terragrunt.FileName))
	})
	abs := absPaths()
	notRoot := map[string]bool{}
	for i, d := range tgUnits {
		notRoot[abs(d)] = true
		if tg[i] != nil {
			notRoot[abs(tg[i].Source)] = true
		}
	}
	type job struct {
		dir string
		tg  *terragrunt.Unit
		err error
	}
	var jobs []job
	for i, d := range tgUnits {
		jobs = append(jobs, job{dir: d, tg: tg[i], err: tgErrs[i]})
	}
	var units []unit
	for {
		for _, r := range roots {
			if !notRoot[abs(r)] {
				jobs = append(jobs, job{dir: r})
			}
		}
		slices.SortStableFunc(jobs, func(a, b job) int { return strings.Compare(filepath.ToSlash(a.dir), filepath.ToSlash(b.dir)) })
		batch := make([]unit, len(jobs))
		par.Each(len(jobs), func(i int) {
			defer func() {
				if p := recover(); p != nil {
					batch[i].err = &InternalError{File: jobs[i].dir, Panic: p}
				}
			}()
			switch j := jobs[i]; {
			case j.err != nil:
				batch[i].err = j.err
			case j.tg != nil:
				batch[i] = sc.loadTerragrunt(j.tg)
			default:
				batch[i] = sc.loadRoot(j.dir)
			}
		})
		for i := range batch {
			rel, err := filepath.Rel(dir, jobs[i].dir)
			if err != nil {
				rel = jobs[i].dir
			}
			batch[i].rel, batch[i].path, batch[i].rootDir = rel, jobs[i].dir, jobs[i].dir
		}
		units = append(units, batch...)
		if !sc.sources.Recursive {
			break
		}
		// Directories called only by modules that turned out broken are
		// roots after all.
		if roots, jobs = sc.loader.CheckRoots(), nil; len(roots) == 0 {
			break
		}
	}
	slices.SortStableFunc(units, func(a, b unit) int { return strings.Compare(filepath.ToSlash(a.path), filepath.ToSlash(b.path)) })
	if len(tgUnits) > 0 {
		for i := range units {
			if units[i].err == nil {
				units[i].warnings = append(units[i].warnings, report.Warning{Message: terragruntNotice(len(tgUnits))})
				break
			}
		}
	}
	if sc.sources.Recursive {
		// Every root gets the same --var: one that no root declares is a
		// typo, as Terraform would say of a single root.
		for _, name := range sc.sources.Vars.AssignedNames() {
			if !slices.ContainsFunc(units, func(u unit) bool { return u.declares[name] }) {
				return nil, &finding.InputError{File: dir, Msg: fmt.Sprintf("--var %s=…: no root module below this directory declares variable %q", name, name)}
			}
		}
	}
	return units, nil
}

// terragruntNotice says once per scan what reading Terragrunt units
// without running Terragrunt means: a Terragrunt tree never passes
// silently.
func terragruntNotice(n int) string {
	units := "1 Terragrunt unit was"
	if n != 1 {
		units = fmt.Sprintf("%d Terragrunt units were", n)
	}
	return units + " assembled from terragrunt.hcl without running Terragrunt (local terraform.source, include, inputs, generate blocks); what sovlint cannot read is unknown or reported, and docs/terragrunt.md lists what is not covered: the plan (terragrunt show -json) is the reliable input"
}

// terragruntUnits are the directories of the terragrunt.hcl files that no
// other one includes: the others are parent configurations.
func terragruntUnits(files *terragrunt.Reader, dirs []string) []string {
	included := map[string]bool{}
	for _, d := range dirs {
		incs, err := files.Includes(filepath.Join(d, terragrunt.FileName))
		if err != nil {
			continue // loading the unit reports it
		}
		for _, p := range incs {
			included[p] = true
		}
	}
	var out []string
	for _, d := range dirs {
		if !included[absPath(filepath.Join(d, terragrunt.FileName))] {
			out = append(out, d)
		}
	}
	return out
}

// loadTerragrunt scans an assembled Terragrunt unit: the module it
// deploys with the files Terragrunt adds, its inputs as root variables.
func (sc *scan) loadTerragrunt(tg *terragrunt.Unit) unit {
	if !sc.loader.HasConfigFiles(tg.Source) && !slices.ContainsFunc(tg.Extra, func(x tfconfig.ExtraFile) bool { return tfconfig.IsConfigFile(x.Name) }) {
		return unit{err: &finding.InputError{File: tg.File, Msg: "this Terragrunt configuration has no terraform source and no configuration files: nothing to scan (a parent configuration is scanned through the units that include it, with --recursive)"}}
	}
	cfg, err := sc.loader.LoadUnit(tg.Source, tg.Extra)
	if err != nil {
		return unit{err: err}
	}
	defer sc.loader.Release(cfg)
	return sc.evaluate(cfg, tg.Inputs, tg.Warnings)
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// absPaths returns filepath.Abs with the working directory looked up once:
// Abs asks the system every time, and a monorepo has thousands of roots.
func absPaths() func(string) string {
	cwd, err := os.Getwd()
	if err != nil {
		return absPath
	}
	return func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(cwd, p)
	}
}

// excluded returns the test that skips directories below the input dir:
// --exclude globs relative to it, and the configuration's exclude globs
// relative to the configuration file.
func (sc *scan) excluded(dir string) func(string) bool {
	flags, _ := pathglob.Compile(dir, sc.sources.Exclude) // checked by the command line
	cfg := sc.set.ConfigExclude
	if flags.Empty() && cfg.Empty() {
		return nil
	}
	return func(p string) bool { return flags.Match(p) || cfg.Match(p) }
}

func (sc *scan) loadRoot(dir string) unit {
	cfg, err := sc.loader.LoadConfig(dir)
	if err != nil {
		return unit{err: err}
	}
	defer sc.loader.Release(cfg)
	return sc.evaluate(cfg, nil, nil)
}

// evaluate expands a loaded root module with the scan's variables (and
// presets, a Terragrunt unit's inputs) and resolves its instances;
// warnings come before the module's own.
func (sc *scan) evaluate(cfg *tfconfig.Config, presets map[string]tfconfig.Preset, warns []tfconfig.Warning) unit {
	vars := sc.sources.Vars
	vars.UndeclaredOK = sc.sources.Recursive
	vars.Presets = presets
	instances, err := cfg.Evaluate(vars)
	if err != nil {
		return unit{err: err}
	}
	resources := make([]analyzer.Resource, len(instances))
	for i, in := range instances {
		resources[i] = sc.resolver.Resolve(in)
	}
	return unit{resources: resources, waivers: suppress.Inline(cfg.Ignores()), warnings: warnings(slices.Concat(warns, cfg.Warnings())), declares: declared(cfg, vars)}
}

// declared is the set of --var names a root module declares.
func declared(cfg *tfconfig.Config, vars tfconfig.VarOptions) map[string]bool {
	var out map[string]bool
	for _, name := range vars.AssignedNames() {
		if cfg.Declares(name) {
			if out == nil {
				out = map[string]bool{}
			}
			out[name] = true
		}
	}
	return out
}

// attachPlanSources reads the sources a plan was made from, places the
// plan's instances on them and returns their inline waivers.
//
// A plan records the references of a provider block's expressions, not
// their text: a region that comes from a local is unknown in it. The
// sources say what it is, so where the plan leaves a provider
// configuration unknown, the sources' evaluation (with the plan's own root
// variable values) takes its place.
func (sc *scan) attachPlanSources(u *unit, planVars map[string]cty.Value) error {
	cfg, err := sc.loader.LoadConfig(sc.sources.PlanDir)
	if err != nil {
		return err
	}
	cfg.AttachSources(u.instances)
	if slices.ContainsFunc(u.instances, func(in *analyzer.Instance) bool { return providerUnknown(in.ProviderConfig) }) {
		vars := sc.sources.Vars
		vars.Values = planVars
		fromSources, err := cfg.Evaluate(vars)
		if err != nil {
			return err
		}
		// A provider configuration belongs to the block, not the instance:
		// the sources may not expand a count the plan did.
		byBlock := make(map[string]*analyzer.Instance, len(fromSources))
		for _, in := range fromSources {
			if _, seen := byBlock[in.ConfigAddress]; !seen {
				byBlock[in.ConfigAddress] = in
			}
		}
		for _, in := range u.instances {
			if src := byBlock[in.ConfigAddress]; src != nil && providerUnknown(in.ProviderConfig) && src.ProviderConfig != nil {
				in.ProviderConfig, in.ProviderKey = src.ProviderConfig, src.ProviderKey
			}
		}
	}
	u.waivers = suppress.Inline(cfg.Ignores())
	u.warnings = warnings(cfg.Warnings())
	return nil
}

func warnings(ws []tfconfig.Warning) []report.Warning {
	out := make([]report.Warning, 0, len(ws))
	for _, w := range ws {
		out = append(out, report.Warning{Message: w.Message, File: w.Range.Filename, Line: w.Range.Start.Line})
	}
	return out
}

// providerUnknown reports whether a plan left a provider configuration
// unknown: absent, undetermined, or with an attribute it could not
// evaluate.
func providerUnknown(pc *analyzer.ProviderConfig) bool {
	if pc == nil {
		return true
	}
	for _, a := range pc.Attrs {
		if a.Value != cty.NilVal && !a.Value.IsWhollyKnown() {
			return true
		}
	}
	return false
}
