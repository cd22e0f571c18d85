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
	var resources []analyzer.Resource
	for _, in := range inputs {
		rep.Inputs = append(rep.Inputs, in.Path)
		loaded, err := load(in, opt.Catalog, resolver)
		if err != nil {
			return nil, err
		}
		for i := range loaded {
			if loaded[i].Range.Filename == "" && in.Path != "-" {
				loaded[i].Range.Filename = in.Path
			}
		}
		resources = append(resources, loaded...)
	}
	rep.Assessments, rep.Findings = rules.Evaluate(resources, opt.Policy)
	rep.Warnings = append(rep.Warnings, stalenessWarnings(opt.Catalog, rep.Assessments, opt.Policy.Now, opt.Config)...)
	rep.Findings = append(rep.Findings, settings.settle(applyWaivers(rep.Findings, opt.Waivers, opt.Policy.Now))...)
	rules.SortFindings(rep.Findings)
	return rep, nil
}

func load(in Input, cat *providers.Catalog, resolver *analyzer.Resolver) ([]analyzer.Resource, error) {
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
		return nil, &analyzer.InputError{File: in.Path, Msg: "scanning source directories is not available in this build"}
	default:
		return loadPlan(in, cat, resolver)
	}
}

// loadPlan streams a plan and resolves its instances as they are built, on
// every core, so they are never all held at once.
func loadPlan(in Input, cat *providers.Catalog, resolver *analyzer.Resolver) ([]analyzer.Resource, error) {
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
	resources, _, err := analyzer.StreamPlan(r, name, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), resolver.Resolve)
	if err != nil {
		if ie, ok := errors.AsType[*analyzer.InputError](err); ok && in.Path != "-" {
			if b, rerr := os.ReadFile(in.Path); rerr == nil {
				ie.LocateOffset(b)
			}
		}
		return nil, err
	}
	return resources, nil
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
