// Package engine runs sovlint's pipeline: load inputs, resolve resources,
// evaluate rules, apply suppressions, and hand a report to the printers.
package engine

import (
	"errors"
	"io"
	"os"
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
	// Config is the repository's .sovlint.hcl, nil when there is none.
	Config *config.Config
	// Waivers suppress findings: inline ignores, config exceptions,
	// baselines. Their SOV000 findings join the report.
	Waivers []*Waiver
	// Sources configure how source directories are read.
	Sources SourceOptions
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
	rep := &report.Report{Tool: "sovlint", Version: opt.Version, CatalogAsOf: opt.Catalog.AsOf}
	resolver := &analyzer.Resolver{Catalog: opt.Catalog, Policy: opt.Class}
	loader := newSourceLoader(&opt)
	for _, in := range inputs {
		rep.Inputs = append(rep.Inputs, in.Path)
		units, err := load(in, &opt, loader)
		if err != nil {
			return nil, err
		}
		// Each root module's inline waivers apply to its own findings only.
		for _, u := range units {
			resources := make([]analyzer.Resource, 0, len(u.instances))
			for _, inst := range u.instances {
				res := resolver.Resolve(inst)
				if res.Range.Filename == "" && in.Path != "-" {
					res.Range.Filename = in.Path
				}
				resources = append(resources, res)
			}
			assessments, findings := rules.Evaluate(resources, opt.Policy)
			findings = append(findings, applyWaivers(findings, u.waivers, opt.Policy.Now)...)
			rep.Assessments = append(rep.Assessments, assessments...)
			rep.Findings = append(rep.Findings, findings...)
			rep.Warnings = append(rep.Warnings, u.warnings...)
		}
	}
	rep.Findings = append(rep.Findings, applyWaivers(rep.Findings, opt.Waivers, opt.Policy.Now)...)
	rules.SortFindings(rep.Findings)
	return rep, nil
}

func load(in Input, opt *Options, loader *analyzer.SourceLoader) ([]unit, error) {
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
	switch kind {
	case KindDir:
		return loadDir(in.Path, opt, loader)
	default:
		instances, err := loadPlan(in, opt.Catalog)
		if err != nil {
			return nil, err
		}
		u := unit{instances: instances}
		if opt.Sources.PlanDir != "" {
			if err := attachPlanSources(&u, opt, loader); err != nil {
				return nil, err
			}
		}
		return []unit{u}, nil
	}
}

func loadPlan(in Input, cat *providers.Catalog) ([]*analyzer.Instance, error) {
	var r io.Reader
	name := in.Path
	if in.Path == "-" {
		r, name = in.Stdin, "<stdin>"
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, inputError(in.Path, err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, &analyzer.InputError{File: in.Path, Msg: "is a directory, not a plan file"}
		}
		r = f
	}
	p, err := analyzer.LoadPlan(r, name, cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
	if err != nil {
		var ie *analyzer.InputError
		if errors.As(err, &ie) && in.Path != "-" {
			if b, rerr := os.ReadFile(in.Path); rerr == nil {
				ie.LocateOffset(b)
			}
		}
		return nil, err
	}
	return p.Instances, nil
}

func inputError(path string, err error) error {
	var pe *os.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
		if errors.Is(err, os.ErrNotExist) {
			msg = "no such file or directory"
		}
	}
	return &analyzer.InputError{File: path, Msg: msg}
}
