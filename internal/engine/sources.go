package engine

import (
	"slices"

	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/par"
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
}

// unit is what one root module or one plan brings to a scan: its resource
// instances, the inline waivers that apply to its findings (and no other
// root's: two roots may share a module and its addresses), and warnings.
type unit struct {
	instances []*analyzer.Instance // still to resolve
	resources []analyzer.Resource  // resolved while loading
	waivers   []*suppress.Waiver
	warnings  []report.Warning
}

// loadDir scans a source directory: one root module, or with Recursive
// every root module below it, evaluated and resolved a few at a time (one
// per core) so that only those roots' syntax trees are in memory at once.
func (sc *scan) loadDir(dir string) ([]unit, error) {
	roots := []string{dir}
	if sc.sources.Recursive {
		var err error
		if roots, err = sc.loader.RootModules(dir); err != nil {
			return nil, err
		}
		if len(roots) == 0 {
			return nil, &finding.InputError{File: dir, Msg: "no Terraform or OpenTofu configuration below this directory"}
		}
	} else if !tfconfig.HasConfigFiles(dir) {
		// Zero resources would be a silent pass: most often a monorepo root
		// scanned without --recursive.
		return nil, &finding.InputError{File: dir, Msg: "no Terraform or OpenTofu configuration files here: give a root module, or --recursive to scan every root module below"}
	}
	units := make([]unit, len(roots))
	errs := make([]error, len(roots))
	par.Each(len(roots), func(i int) { units[i], errs[i] = sc.loadRoot(roots[i]) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return units, nil
}

func (sc *scan) loadRoot(dir string) (unit, error) {
	cfg, err := sc.loader.LoadConfig(dir)
	if err != nil {
		return unit{}, err
	}
	defer sc.loader.Release(cfg)
	instances, err := cfg.Evaluate(sc.sources.Vars)
	if err != nil {
		return unit{}, err
	}
	resources := make([]analyzer.Resource, len(instances))
	for i, in := range instances {
		resources[i] = sc.resolver.Resolve(in)
	}
	return unit{resources: resources, waivers: suppress.Inline(cfg.Ignores()), warnings: warnings(cfg.Warnings())}, nil
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
