// Package engine runs sovlint's pipeline: load inputs, resolve resources,
// evaluate rules, apply suppressions, and hand a report to the printers.
package engine

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/par"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/suppress"
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
	// Settings are the catalog, policies and exceptions the scan runs with;
	// nil for the defaults at the time of the scan.
	Settings *settings.Settings
	Version  string
	// Sources configure how source directories are read.
	Sources SourceOptions
	// Baselines suppress the findings they list.
	Baselines []*suppress.Waiver
	// Conversion says whether and how to turn saved (binary) plans into
	// JSON; the zero value refuses to.
	Conversion Conversion
}

// Scan runs the pipeline over inputs and returns the report: load, resolve,
// assess and check each root module or plan, then suppress. A root or plan
// that cannot be read is an entry of the report's Errors and the others are
// still reported; when none could be read, the problems come back as the
// error instead (file and position when known), and there is no report.
func Scan(inputs []Input, opt Options) (*report.Report, error) {
	rep, _, err := scanAll(inputs, opt)
	return rep, err
}

// run is Scan, also returning the assessed resources behind the report's
// rows: parity tests compare them field by field.
func run(inputs []Input, opt Options) (*report.Report, []rules.Subject, error) {
	rep, subjects, err := scanAll(inputs, opt)
	return rep, subjects.flat(), err
}

// scanAll is run with the subjects as the scan keeps them.
func scanAll(inputs []Input, opt Options) (*report.Report, subjectList, error) {
	set := opt.Settings
	if set == nil {
		set = settings.Default(time.Now())
	}
	class := set.Class
	if class.Keys == nil {
		class = analyzer.DefaultPolicy()
	}
	now := set.Policy.Now
	rep := &report.Report{
		Tool: "sovlint", Version: opt.Version, CatalogAsOf: set.Catalog.AsOf, Rules: rules.Docs(),
		Date: now.Format(time.DateOnly), Policy: set.Policy.Require,
	}
	if set.Config != nil {
		rep.Config = set.Config.Path
	}
	sc := &scan{set: set, sources: opt.Sources, conv: opt.Conversion, resolver: &analyzer.Resolver{Catalog: set.Catalog, Policy: class}, multi: len(inputs) > 1}
	sc.loader = tfconfig.NewSourceLoader(set.Catalog.ResourceAttributeNames(), set.Catalog.ProviderAttributeNames())
	sc.eval = newEvaluator(set.Policy)
	sc.loader.ZoneDataSources = set.Catalog.ZoneDataSources()
	var subjects subjectList
	var subjectRoots []rootSpan // which root each run of subjects belongs to
	var refused []error
	var inline []*suppress.Waiver
	var found [][]finding.Finding // each root's findings, joined once
	rootPaths := map[string]string{}
	for _, in := range inputs {
		rep.Inputs = append(rep.Inputs, in.Path)
		for _, res := range sc.input(in) {
			rep.Roots = append(rep.Roots, res.root)
			if res.err != nil {
				refused = append(refused, res.err)
				for _, ie := range finding.InputErrors(res.err) {
					ie.Root = res.root.Name
					rep.Errors = append(rep.Errors, ie)
				}
				continue
			}
			rootPaths[res.root.Name] = res.path
			for i := range res.findings {
				res.findings[i].Root = res.root.Name
			}
			subjectRoots = append(subjectRoots, rootSpan{end: subjects.Len() + res.subjects.Len(), name: res.root.Name})
			subjects.add(res.subjects)
			found = append(found, res.findings)
			for _, w := range res.inline {
				w.Root = res.root.Name
			}
			inline = append(inline, res.inline...)
			rep.Warnings = append(rep.Warnings, res.warnings...)
		}
	}
	rep.Findings = concatOrTake(found)
	if len(refused) == len(rep.Roots) {
		// Nothing was scanned: there is no report to write, only errors.
		if len(refused) == 1 {
			return nil, subjectList{}, refused[0]
		}
		return nil, subjectList{}, errors.Join(refused...)
	}
	rep.Warnings = append(rep.Warnings, stalenessWarnings(set.Catalog, &subjects, now, set.Config)...)
	// One suppression pass over every root's findings: inline ignores
	// (each limited to its root), exceptions and baselines.
	waivers := slices.Concat(opt.Baselines, set.Exceptions, inline)
	rep.Warnings = append(rep.Warnings, anyRootWarnings(opt.Baselines, rep.Roots)...)
	rep.Findings = append(rep.Findings, set.Settle(suppress.Apply(rep.Findings, waivers, suppress.Scope{Now: now, RootPaths: rootPaths}))...)
	finding.Sort(rep.Findings)
	rep.Resources = newSubjectRows(subjects, subjectRoots, &set.Policy)
	return rep, subjects, nil
}

// rootSpan says that the subjects before end, from the previous span's end,
// belong to the root name.
type rootSpan struct {
	end  int
	name string
}

// anyRootWarnings warns that a baseline written before roots were recorded
// applies in every root, when the scan has roots to tell apart.
func anyRootWarnings(baselines []*suppress.Waiver, roots []finding.Root) []report.Warning {
	if !slices.ContainsFunc(roots, func(r finding.Root) bool { return !finding.IsTop(r.Name) }) {
		return nil
	}
	var out []report.Warning
	for _, b := range baselines {
		if b.AnyRoot {
			out = append(out, report.Warning{
				Message: "this baseline records no root modules (written by an older sovlint): each entry applies to its address in every root module, so a finding accepted in one root is accepted in all; write it again with --baseline-write",
				File:    b.Range.Filename,
			})
		}
	}
	return out
}

// scan is what one Scan call shares across its inputs.
type scan struct {
	set      *settings.Settings
	sources  SourceOptions
	conv     Conversion
	resolver *analyzer.Resolver
	loader   *tfconfig.SourceLoader
	eval     *evaluator // shared by the roots
	// multi says the scan has several inputs: root names then start with
	// their input.
	multi bool
}

// rootResult is what one root module or plan gives the report.
type rootResult struct {
	root finding.Root
	// path is the root's directory for exceptions' root globs: the root
	// module's, or for a plan the sources given with it or its own.
	path     string
	subjects subjectList
	findings []finding.Finding
	inline   []*suppress.Waiver // the root's sovlint:ignore comments
	warnings []report.Warning
	err      error // the root was refused
}

// rootName names a root of an input: its directory relative to the input
// ("." for the input itself), prefixed with the input when the scan has
// several.
func (sc *scan) rootName(in Input, rel string) string {
	if !sc.multi {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filepath.Join(in.Path, rel))
}

// input loads, resolves, assesses and checks one input, root module by
// root module; each root's inline waivers apply to its own findings only.
// A root that cannot be read, or a bug met on the way, is that root's
// error; the input's other roots are still scanned.
func (sc *scan) input(in Input) (results []rootResult) {
	whole := func(err error) []rootResult {
		return []rootResult{{root: finding.Root{Name: sc.rootName(in, "."), Path: in.Path, Refused: true}, err: err}}
	}
	defer func() {
		if p := recover(); p != nil {
			results = whole(&InternalError{File: in.Path, Panic: p})
		}
	}()
	units, err := load(in, sc)
	if err != nil {
		return whole(err)
	}
	// The roots are assessed on every core: one after the other, the
	// assessment of a monorepo's thousands of roots was a tenth of its
	// time, on one core, with a collector marking the growing results
	// alongside.
	results = make([]rootResult, len(units))
	par.Each(len(units), func(k int) {
		u := &units[k]
		res := &results[k]
		*res = rootResult{root: finding.Root{Name: sc.rootName(in, u.rel), Path: u.path}, path: u.rootDir, err: u.err}
		if u.err != nil {
			res.root.Refused = true
			return
		}
		resources := u.resources
		if len(u.instances) > 0 {
			// Only a plan read with its sources (--dir) comes with
			// instances still to resolve; copying the others' resources
			// would cost as much as resolving them.
			resources = slices.Concat(resources, resolveAll(sc.resolver, u.instances))
		}
		analyzer.InheritLocations(resources)
		analyzer.RelateCopies(resources)
		for i := range resources {
			if resources[i].Range.Filename == "" && in.Path != "-" {
				resources[i].Range.Filename = in.Path
			}
		}
		res.subjects, res.findings = sc.eval.evaluate(resources)
		res.inline, res.warnings = u.waivers, u.warnings
	})
	return results
}

// InternalError is a bug met while scanning an input: the CLI prints it on
// one line and exits 2, never with a stack trace.
type InternalError struct {
	File  string
	Panic any
}

func (e *InternalError) Error() string {
	msg := fmt.Sprint(e.Panic)
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	file := e.File
	if file == "-" {
		file = "<stdin>"
	}
	return fmt.Sprintf("internal error in %s: %s (please report it with the command you ran)", file, strings.ToValidUTF8(msg, "?"))
}

// concatOrTake joins lists into one allocation, or takes the only one that
// is not empty: a plan's findings are not copied for nothing. Appending
// root by root copied a monorepo's growing findings over and over, on one
// core.
func concatOrTake[T any](lists [][]T) []T {
	var only []T
	nonEmpty := 0
	for _, l := range lists {
		if len(l) > 0 {
			only = l
			nonEmpty++
		}
	}
	if nonEmpty <= 1 {
		return only
	}
	return slices.Concat(lists...)
}

// planUnit is the unit of a plan: its root is the plan itself, whose
// directory for exceptions is the sources given with it, else its own.
func planUnit(in Input, sources string) unit {
	u := unit{rel: ".", path: in.Path, rootDir: sources}
	if sources == "" && in.Path != "-" {
		u.rootDir = filepath.Dir(in.Path)
	}
	return u
}

func load(in Input, sc *scan) ([]unit, error) {
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
		return sc.loadDir(in.Path)
	}
	if sc.sources.PlanDir != "" {
		// Placing instances on their source lines happens before they are
		// resolved, so this path keeps them all; it is not the hot one.
		instances, p, err := loadPlanInstances(in, sc.set.Catalog, sc.conv)
		if err != nil {
			return nil, err
		}
		u := planUnit(in, sc.sources.PlanDir)
		u.instances = instances
		if err := sc.attachPlanSources(&u, p.VariableValues()); err != nil {
			return nil, err
		}
		return []unit{u}, nil
	}
	resources, err := loadPlan(in, sc.set.Catalog, sc.conv, sc.resolver)
	if err != nil {
		return nil, err
	}
	if len(resources) >= collectAfterPlan {
		// What the plan reader held of every change (a few hundred bytes
		// each) is garbage now. Collected when the heap next doubled, it
		// set the scan's high-water mark at twice the resources, subjects
		// and findings; collected but kept for reuse, it stayed resident,
		// and the subjects' and findings' arrays, which the freed memory
		// in pieces cannot hold, came on top of it. Collected and handed
		// back now, the scan's memory is what it keeps plus what the next
		// stage makes (300,000 resources: 387 → 352 MB at the peak).
		debug.FreeOSMemory()
	}
	u := planUnit(in, "")
	u.resources = resources
	return []unit{u}, nil
}

// collectAfterPlan is the size of plan, in resources, past which the scan
// collects garbage once the plan is resolved and returns the memory to the
// system: one collection of what the scan keeps (some 30 ms of CPU for
// 50,000 resources), and the faults of the memory used again.
const collectAfterPlan = 50_000

// loadPlan streams a plan and resolves its instances as they are built, on
// every core, so they are never all held at once.
func loadPlan(in Input, cat *providers.Catalog, conv Conversion, resolver *analyzer.Resolver) ([]analyzer.Resource, error) {
	// Resolving keeps nothing of an instance: the loader may build each in
	// the same memory.
	out, _, err := streamPlan(in, cat, conv, resolver.Resolve, plan.StreamPlanTransient[analyzer.Resource])
	return out, err
}

// loadPlanInstances reads a plan's instances without resolving them.
func loadPlanInstances(in Input, cat *providers.Catalog, conv Conversion) ([]*analyzer.Instance, *plan.Plan, error) {
	return streamPlan(in, cat, conv, func(i *analyzer.Instance) *analyzer.Instance { return i }, plan.StreamPlan[*analyzer.Instance])
}

// streamer is plan.StreamPlan or plan.StreamPlanTransient.
type streamer[T any] func(r io.Reader, name string, attrs, providerAttrs []string, fn func(*analyzer.Instance) T) ([]T, *plan.Plan, error)

func streamPlan[T any](in Input, cat *providers.Catalog, conv Conversion, fn func(*analyzer.Instance) T, stream streamer[T]) ([]T, *plan.Plan, error) {
	var src io.Reader
	name := in.Path
	if in.Path == "-" {
		src, name = in.Stdin, "<stdin>"
	} else {
		if fi, err := os.Stat(in.Path); err == nil && fi.IsDir() {
			return nil, nil, &finding.InputError{File: in.Path, Msg: "is a directory, not a plan file"}
		}
		f, _, err := inputfile.Open(in.Path, inputfile.Named)
		if err != nil {
			return nil, nil, inputError(in.Path, err)
		}
		defer f.Close()
		src = f
	}
	// Read once, within a limit, keeping where lines start: an error is
	// placed from what was read, which a pipe could not give again.
	lines := inputfile.NewLines(inputfile.LimitReader(src, name, inputfile.PlanLimit))
	br := bufio.NewReaderSize(lines, 256<<10)
	if isBinaryPlan(br) {
		return streamBinaryPlan(in.Path, cat, conv, fn)
	}
	head, _ := br.Peek(4)
	bom, foreign := inputfile.Encoding(head)
	if foreign != "" {
		return nil, nil, &finding.InputError{File: name, Line: 1, Col: 1, Msg: "the plan " + inputfile.EncodingMsg(foreign)}
	}
	_, _ = br.Discard(bom) // a UTF-8 byte order mark, which PowerShell writes
	out, p, err := stream(br, name, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), fn)
	if err != nil {
		if ie, ok := errors.AsType[*finding.InputError](err); ok && ie.Line == 0 && ie.Offset > 0 {
			if line, col, ok := lines.Position(ie.Offset + int64(bom)); ok {
				ie.Line, ie.Col = line, col
			}
		}
		return nil, nil, err
	}
	return out, p, nil
}

// streamBinaryPlan streams the JSON `terraform show -json` makes of a saved
// plan, when the conversion is allowed. Positions in errors would be in
// Terraform's output, not in the file: they are left out.
func streamBinaryPlan[T any](path string, cat *providers.Catalog, conv Conversion, fn func(*analyzer.Instance) T) ([]T, *plan.Plan, error) {
	if err := refuseBinaryPlan(path, conv); err != nil {
		return nil, nil, err
	}
	c, err := showPlan(path, conv)
	if err != nil {
		return nil, nil, err
	}
	out, p, err := plan.StreamPlan(c.out, path, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), fn)
	if ie, ok := errors.AsType[*finding.InputError](err); ok {
		ie.Offset = 0
		ie.Msg += " (in the output of terraform show -json)"
	}
	if err := c.finish(err); err != nil {
		return nil, nil, err
	}
	return out, p, nil
}

// resolveAll resolves instances on every core, keeping their order.
func resolveAll(resolver *analyzer.Resolver, instances []*analyzer.Instance) []analyzer.Resource {
	out := make([]analyzer.Resource, len(instances))
	par.Chunks(len(instances), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = resolver.Resolve(instances[i])
		}
	})
	return out
}

func inputError(path string, err error) error {
	return &finding.InputError{File: path, Msg: inputfile.Detail(err)}
}
