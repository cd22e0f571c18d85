// Package engine runs sovlint's pipeline: load inputs, resolve resources,
// evaluate rules, apply suppressions, and hand a report to the printers.
package engine

import (
	"bufio"
	"errors"
	"io"
	"os"
	"slices"
	"time"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// Input is one thing to scan.
type Input struct {
	Path  string    // file or directory as the user gave it; "-" for stdin
	Kind  InputKind // detected unless forced
	Stdin io.Reader // read when Path is "-"
}

// InputKind says how an input is read.
type InputKind int

// Input kinds.
const (
	KindAuto InputKind = iota
	KindPlan
	KindDir
)

// Options configure a scan.
type Options struct {
	Catalog *providers.Catalog
	Policy  rules.Policy
	Class   analyzer.ClassificationPolicy
	Version string
	// Sources configure how source directories are read.
	Sources SourceOptions
	// Config is the repository's .sovlint.hcl, nil when there is none.
	Config *config.Config
	// Waivers suppress findings: inline ignores, config exceptions,
	// baselines. Their SOV000 findings join the report.
	Waivers []*Waiver
}

// Scan runs the pipeline over inputs and returns the report. Input problems
// are returned as errors that name the file (and position when known).
func Scan(inputs []Input, opt Options) (*report.Report, error) {
	if opt.Catalog == nil {
		opt.Catalog = providers.Default()
	}
	if opt.Policy.Catalog == nil {
		opt.Policy = rules.DefaultPolicy(opt.Catalog, time.Now())
	}
	if opt.Class.Keys == nil {
		opt.Class = analyzer.DefaultPolicy()
	}
	settings, err := applyConfig(&opt)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{Tool: "sovlint", Version: opt.Version, CatalogAsOf: opt.Catalog.AsOf}
	resolver := &analyzer.Resolver{Catalog: opt.Catalog, Policy: opt.Class}
	loader := newSourceLoader(&opt)
	for _, in := range inputs {
		rep.Inputs = append(rep.Inputs, in.Path)
		units, err := load(in, &opt, loader, resolver)
		if err != nil {
			return nil, err
		}
		// Each root module's inline waivers apply to its own findings only.
		for _, u := range units {
			resources := u.resources
			if len(u.instances) > 0 {
				// Only a plan read with its sources (--dir) comes with
				// instances still to resolve; copying the others' resources
				// would cost as much as resolving them.
				resources = slices.Concat(resources, resolveAll(resolver, u.instances))
			}
			analyzer.InheritLocations(resources)
			for i := range resources {
				if resources[i].Range.Filename == "" && in.Path != "-" {
					resources[i].Range.Filename = in.Path
				}
			}
			assessments, findings := rules.Evaluate(resources, opt.Policy)
			findings = append(findings, settings.settle(applyWaivers(findings, u.waivers, opt.Policy.Now))...)
			rep.Assessments = appendOrTake(rep.Assessments, assessments)
			rep.Findings = appendOrTake(rep.Findings, findings)
			rep.Warnings = append(rep.Warnings, u.warnings...)
		}
	}
	rep.Warnings = append(rep.Warnings, stalenessWarnings(opt.Catalog, rep.Assessments, opt.Policy.Now, opt.Config)...)
	rep.Findings = append(rep.Findings, settings.settle(applyWaivers(rep.Findings, opt.Waivers, opt.Policy.Now))...)
	rules.SortFindings(rep.Findings)
	return rep, nil
}

// appendOrTake appends more to list, or takes more when list is empty: a
// plan's 30,000 assessments and findings are not copied for nothing.
func appendOrTake[T any](list, more []T) []T {
	if len(list) == 0 {
		return more
	}
	return append(list, more...)
}

func load(in Input, opt *Options, loader *analyzer.SourceLoader, resolver *analyzer.Resolver) ([]unit, error) {
	kind := in.Kind
	if in.Path == "-" {
		kind = KindPlan
	}
	if kind == KindAuto {
		fi, err := os.Stat(in.Path)
		if err != nil {
			return nil, inputError(in.Path, err)
		}
		kind = KindPlan
		if fi.IsDir() {
			kind = KindDir
		}
	}
	if kind == KindDir {
		return loadDir(in.Path, opt, loader, resolver)
	}
	if opt.Sources.PlanDir != "" {
		// Placing instances on their source lines happens before they are
		// resolved, so this path keeps them all; it is not the hot one.
		instances, plan, err := loadPlanInstances(in, opt.Catalog)
		if err != nil {
			return nil, err
		}
		u := unit{instances: instances}
		if err := attachPlanSources(&u, opt, loader, plan.VariableValues()); err != nil {
			return nil, err
		}
		return []unit{u}, nil
	}
	resources, err := loadPlan(in, opt.Catalog, resolver)
	if err != nil {
		return nil, err
	}
	return []unit{{resources: resources}}, nil
}

// loadPlan streams a plan and resolves its instances as they are built, on
// every core, so they are never all held at once.
func loadPlan(in Input, cat *providers.Catalog, resolver *analyzer.Resolver) ([]analyzer.Resource, error) {
	out, _, err := streamPlan(in, cat, resolver.Resolve)
	return out, err
}

// loadPlanInstances reads a plan's instances without resolving them.
func loadPlanInstances(in Input, cat *providers.Catalog) ([]*analyzer.Instance, *analyzer.Plan, error) {
	return streamPlan(in, cat, func(i *analyzer.Instance) *analyzer.Instance { return i })
}

func streamPlan[T any](in Input, cat *providers.Catalog, fn func(*analyzer.Instance) T) ([]T, *analyzer.Plan, error) {
	var r io.Reader
	name := in.Path
	binary := false
	if in.Path == "-" {
		r, name = in.Stdin, "<stdin>"
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, nil, inputError(in.Path, err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, nil, &analyzer.InputError{File: in.Path, Msg: "is a directory, not a plan file"}
		}
		br := bufio.NewReaderSize(f, 256<<10)
		r = br
		if binary = isBinaryPlan(br); binary {
			if r, err = showPlan(in.Path); err != nil {
				return nil, nil, err
			}
		}
	}
	out, p, err := analyzer.StreamPlan(r, name, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), fn)
	if err != nil {
		if ie, ok := errors.AsType[*analyzer.InputError](err); ok && in.Path != "-" && !binary {
			if b, rerr := os.ReadFile(in.Path); rerr == nil {
				ie.LocateOffset(b)
			}
		}
		return nil, nil, err
	}
	return out, p, nil
}

// resolveAll resolves instances on every core, keeping their order.
func resolveAll(resolver *analyzer.Resolver, instances []*analyzer.Instance) []analyzer.Resource {
	out := make([]analyzer.Resource, len(instances))
	analyzer.ParallelChunks(len(instances), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = resolver.Resolve(instances[i])
		}
	})
	return out
}

func inputError(path string, err error) error {
	msg := err.Error()
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		msg = pe.Err.Error()
		if errors.Is(err, os.ErrNotExist) {
			msg = "no such file or directory"
		}
	}
	return &analyzer.InputError{File: path, Msg: msg}
}
