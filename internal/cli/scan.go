package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/pathglob"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/suppress"
	"github.com/sovlint/sovlint/report"
)

type scanFlags struct {
	formats []string
	output  string
	plan    bool
	failOn  string
	minimum string // --severity
	color   string
	noColor bool
	asOf    string
	config  string
	catalog string
	// baseline suppresses the findings a baseline file lists;
	// baselineWrite records today's findings in one.
	baseline      string
	baselineWrite string
	// vars are --var-file and --var in command-line order, later winning.
	vars      []tfconfig.VarInput
	recursive bool
	dir       string
	// convert allows running terraBin show -json on saved plans.
	convert  bool
	terraBin string
	// exclude are --exclude globs; keepGoing accepts a partial scan.
	exclude   []string
	keepGoing bool
	quiet     bool
	exitZero  bool
	// rules are --enable-rule, --disable-rule and --only.
	rules settings.RuleFlags
	// baseDir is the repository root CI paths are relative to.
	baseDir       string
	sarifCategory string
	reportURL     string
}

func newScan(s *Streams) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan [flags] PATH...",
		Short: "Scan plans (terraform/tofu show -json output, or - for stdin) and source directories",
		Example: `  terraform plan -out tfplan && terraform show -json tfplan > plan.json
  sovlint scan plan.json
  terraform show -json tfplan | sovlint scan -
  sovlint scan --format json --output report.json plan.json
  sovlint scan --format text --format sarif:sovlint.sarif plan.json
  sovlint scan infra/live
  sovlint scan --var-file prod.tfvars --var region=eu-west-3 infra/live
  sovlint scan --recursive .
  sovlint scan plan.json --dir infra/live
  sovlint scan --format compact --only SOV003 infra/live`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 && f.dir == "" {
				return usageError("scan needs a PATH (a plan JSON file, - for stdin, or a directory of sources)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(s, &f, cmd.Flags().Changed("fail-on"), args)
		},
	}
	fl := cmd.Flags()
	fl.SortFlags = false
	fl.StringArrayVarP(&f.formats, "format", "f", nil, "output format, repeatable: "+strings.Join(report.Formats(), "|")+`; "FORMAT:FILE" writes that format to FILE (default text)`)
	fl.StringVarP(&f.output, "output", "o", "", "write the output to FILE instead of stdout")
	fl.BoolVar(&f.plan, "plan", false, "read every PATH as a plan JSON file, whatever it looks like")
	fl.BoolVar(&f.convert, "convert-binary-plan", false, "convert a saved (binary) plan PATH by running --terraform-bin show -json in the current directory, which must be one you initialized: Terraform starts the providers found there")
	fl.StringVar(&f.terraBin, "terraform-bin", "", "the terraform or tofu executable --convert-binary-plan runs (never taken from PATH or the scanned tree unless named here)")
	fl.StringVar(&f.minimum, "severity", "notice", "report only findings at or above this severity: notice|warning|error")
	fl.StringVar(&f.failOn, "fail-on", "", "exit 1 only for findings at or above this severity: notice|warning|error (default: the config's policy fail_on, else notice)")
	fl.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when there are findings (report-only jobs); errors still exit 2")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print findings only: no summary, remediation, hints or warnings")
	fl.StringSliceVar(&f.rules.Only, "only", nil, "run only these rules (IDs or names, comma-separated)")
	fl.StringSliceVar(&f.rules.Disable, "disable-rule", nil, "do not run these rules (IDs or names, comma-separated)")
	fl.StringSliceVar(&f.rules.Enable, "enable-rule", nil, "run these rules even if the configuration disables them")
	fl.StringVar(&f.color, "color", "auto", "color the text output: auto|always|never (auto honors NO_COLOR and non-terminals)")
	fl.BoolVar(&f.noColor, "no-color", false, "same as --color never")
	fl.StringVar(&f.config, "config", "", "read this configuration file instead of the "+config.FileName+" found upward from the first PATH")
	fl.Var(&varFlag{dst: &f.vars, file: true}, "var-file", "read root variable values from FILE (.tfvars or .tfvars.json), repeatable")
	fl.Var(&varFlag{dst: &f.vars}, "var", "set a root variable: NAME=VALUE, repeatable; later --var and --var-file win")
	fl.BoolVarP(&f.recursive, "recursive", "r", false, "scan every root module below each directory PATH, each with its own .tfvars")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "with --recursive, skip the directories matching this glob (relative to PATH, ** for any depth), repeatable")
	fl.BoolVar(&f.keepGoing, "keep-going", false, "accept a partial scan: a root module or plan that cannot be read is reported, and the exit status reflects the findings of the others")
	fl.StringVar(&f.dir, "dir", "", "the sources the plan PATHs were made from: findings go on their lines and their inline ignores apply; alone, scan DIR as sources")
	fl.StringVar(&f.asOf, "as-of", "", "check qualification validity dates at DATE (YYYY-MM-DD) instead of today")
	fl.StringVar(&f.catalog, "catalog", "", catalogFlagUsage)
	fl.StringVar(&f.baseline, "baseline", "", "suppress the findings recorded in this baseline file: only new ones count")
	fl.StringVar(&f.baselineWrite, "baseline-write", "", "record today's findings in this baseline file (and exit 0 unless the scan fails)")
	fl.StringVar(&f.baseDir, "base-dir", "", "the repository root that sarif, github and gitlab paths are relative to (default: the nearest directory upward with a .git, else the current directory)")
	fl.StringVar(&f.sarifCategory, "sarif-category", "sovlint", "the SARIF automationDetails category: give each job on a commit its own, so code scanning keeps both")
	fl.StringVar(&f.reportURL, "report-url", "", "where the full report is, linked from a markdown summary too long to list every finding")
	registerScanCompletions(cmd)
	return cmd
}

// output is one printer and where it writes.
type output struct {
	format  string
	printer report.Printer
	path    string // "" for stdout
}

func parseOutputs(f *scanFlags) ([]output, error) {
	specs := f.formats
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	toStdout := 0
	files := map[string]string{} // cleaned path -> the format writing it
	for _, spec := range specs {
		name, path, _ := strings.Cut(spec, ":")
		p, err := report.Lookup(name)
		if err != nil {
			return nil, err
		}
		if path == "" {
			path = f.output
		}
		if path == "" {
			toStdout++
		} else {
			key := filepath.Clean(path)
			if abs, err := filepath.Abs(path); err == nil {
				key = abs
			}
			if other, ok := files[key]; ok {
				return nil, fmt.Errorf("%s and %s would both write %s: give each format its own file", other, name, path)
			}
			files[key] = name
		}
		outs = append(outs, output{format: name, printer: p, path: path})
	}
	if toStdout > 1 {
		return nil, errors.New(`only one format can go to stdout: give the others a file ("sarif:out.sarif")`)
	}
	return outs, nil
}

func runScan(s *Streams, f *scanFlags, failOnSet bool, args []string) error {
	outs, err := parseOutputs(f)
	if err != nil {
		return usageError("%s", err)
	}
	now := time.Now()
	if f.asOf != "" {
		if now, err = time.Parse(time.DateOnly, f.asOf); err != nil {
			return usageError("--as-of: %q is not a date (YYYY-MM-DD)", f.asOf)
		}
	}
	color, err := useColor(s, f)
	if err != nil {
		return usageError("%s", err)
	}
	switch {
	case f.convert && f.terraBin == "":
		return usageError("--convert-binary-plan needs --terraform-bin PATH: the terraform or tofu to run (sovlint never picks one itself)")
	case !f.convert && f.terraBin != "":
		return usageError("--terraform-bin is only used with --convert-binary-plan")
	}
	if len(args) == 0 {
		args = []string{f.dir}
	}
	if err := sourceFileArgs(args, f.plan); err != nil {
		return err
	}
	failOn := f.failOn
	if failOn == "" {
		failOn = "notice"
	}
	set, err := settings.Load(settings.Flags{ConfigPath: f.config, FirstInput: args[0], FailOn: failOn, FailOnSet: failOnSet, Now: now, CatalogPath: f.catalog, Rules: f.rules})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if _, err := pathglob.Compile(".", f.exclude); err != nil {
		return usageError("--exclude: %s", err)
	}
	minimum, err := finding.ParseSeverity(f.minimum)
	if err != nil {
		return usageError("--severity: %s", err)
	}
	var baselines []*suppress.Waiver
	if f.baseline != "" {
		w, err := suppress.LoadBaseline(f.baseline)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		baselines = append(baselines, w)
	}
	var inputs []engine.Input
	for _, a := range args {
		in := engine.Input{Path: a, Stdin: s.In}
		if f.plan {
			in.Kind = engine.KindPlan
		}
		inputs = append(inputs, in)
	}
	var conv engine.Conversion
	if f.convert {
		conv.TerraformBin = f.terraBin
	}
	rep, err := engine.Scan(inputs, engine.Options{
		Settings:   set,
		Version:    version(),
		Baselines:  baselines,
		Conversion: conv,
		Sources: engine.SourceOptions{
			Vars:      tfconfig.VarOptions{Inputs: f.vars, Getenv: s.Getenv},
			Recursive: f.recursive,
			PlanDir:   planDir(f.dir, args),
			Exclude:   f.exclude,
		},
	})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	// --severity filters what is printed, nothing else: a baseline written
	// from a filtered report would leave the hidden findings out, and they
	// would fail the next run.
	all := rep.Findings
	if below := func(fd finding.Finding) bool { return fd.Severity < minimum }; slices.ContainsFunc(all, below) {
		rep.Findings = slices.DeleteFunc(slices.Clone(all), below) // a copy: only when some are left out
	}
	opts, err := printOptions(f)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	for _, o := range outs {
		opts.Color = color && o.path == ""
		if err := write(s, o, rep, opts); err != nil {
			return &exitError{code: ExitError, err: err}
		}
	}
	// Every output is written; a root that could not be read is still an
	// input error, unless the user accepts partial scans.
	for _, e := range rep.Errors {
		fmt.Fprintf(s.Err, "sovlint: %s\n", refusedLine(&e))
	}
	refused := len(rep.Errors) > 0 && !f.keepGoing
	if f.baselineWrite != "" {
		// Writing a baseline accepts today's findings: they do not fail
		// this run, as they will not fail the next one.
		if err := writeBaseline(s, f.baselineWrite, all); err != nil || !refused {
			return err
		}
	}
	if refused {
		return &exitError{code: ExitError}
	}
	if f.exitZero {
		return nil
	}
	for _, fd := range rep.Findings {
		if fd.Active() && fd.Severity >= set.FailOn {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
}

// printOptions are the printers' options from the flags: the repository
// root CI paths are relative to (--base-dir, else the nearest directory
// upward with a .git, else the current directory), the SARIF category and
// the full report's URL.
func printOptions(f *scanFlags) (report.Options, error) {
	wd, err := os.Getwd()
	if err != nil {
		return report.Options{}, fmt.Errorf("finding the current directory: %w", err)
	}
	root := f.baseDir
	switch {
	case root == "":
		root = gitRoot(wd)
	case !filepath.IsAbs(root):
		root = filepath.Join(wd, root)
	}
	return report.Options{
		Quiet: f.quiet, Root: filepath.Clean(root), WorkDir: wd,
		SARIFCategory: f.sarifCategory, ReportURL: f.reportURL,
	}, nil
}

// gitRoot is the nearest directory from dir upward that has a .git (a
// directory, or the file of a worktree or submodule), else dir. It reads
// the file system only: running git would run the scanned repository's
// configuration (hooks, fsmonitor).
func gitRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// sourceFileArgs refuses a Terraform source file given as a PATH: sovlint
// reads whole configurations (variables, providers, modules), and without
// this check the file was read as a plan and reported as invalid JSON.
func sourceFileArgs(args []string, plan bool) error {
	if plan {
		return nil
	}
	for _, a := range args {
		base := strings.ToLower(filepath.Base(a))
		var what string
		switch {
		case strings.HasSuffix(base, ".tfvars"), strings.HasSuffix(base, ".tfvars.json"):
			what = "a variables file: give the directory of the configuration, and this file with --var-file"
		case tfconfig.IsConfigFile(base):
			what = "a Terraform/OpenTofu source file: sovlint reads whole configurations, give the directory that holds it (sovlint scan " + filepath.Dir(a) + ")"
		default:
			continue
		}
		if info, err := os.Stat(a); err == nil && info.Mode().IsRegular() {
			return usageError("%s is %s", a, what)
		}
	}
	return nil
}

// refusedLine is a refused root's problem as the command line prints it.
func refusedLine(e *finding.InputError) string {
	if finding.IsTop(e.Root) {
		return e.Error()
	}
	return e.Root + ": " + e.Error()
}

// planDir is --dir when it gives the sources of plans, and "" when --dir is
// itself what to scan.
func planDir(dir string, args []string) string {
	if len(args) == 1 && args[0] == dir {
		return ""
	}
	return dir
}

// varFlag appends --var-file and --var values to one list, so that their
// command-line order decides which wins, as in Terraform.
type varFlag struct {
	dst  *[]tfconfig.VarInput
	file bool
}

func (v *varFlag) String() string { return "" }

func (v *varFlag) Type() string {
	if v.file {
		return "FILE"
	}
	return "NAME=VALUE"
}

func (v *varFlag) Set(s string) error {
	if v.file {
		*v.dst = append(*v.dst, tfconfig.VarInput{File: s})
		return nil
	}
	// Checked (without echoing the value) where it is applied: the flag
	// library would quote the whole argument in its own error.
	*v.dst = append(*v.dst, tfconfig.VarInput{Assign: s})
	return nil
}

func write(s *Streams, o output, rep *report.Report, opts report.Options) error {
	if o.path == "" {
		return o.printer(s.Out, rep, opts)
	}
	return streamToFile(o.path, func(w io.Writer) error { return o.printer(w, rep, opts) })
}

// streamToFile streams what write produces to path through a buffer, never
// holding the whole output in memory: a 30,000-resource report is tens of
// megabytes. A new or regular file is written as a temporary file beside it
// and renamed, so that a failed run leaves no half-written report where CI
// looks for one; anything else (/dev/stdout, a pipe, a symbolic link) is
// written in place.
func streamToFile(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return writeInPlace(path, write)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// A report is meant to be read by CI tools and people.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing %s: %w", path, ferr)
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing %s: %w", path, cerr)
	}
	return err
}

func useColor(s *Streams, f *scanFlags) (bool, error) {
	if f.noColor {
		return false, nil
	}
	switch f.color {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return s.IsTerminal && s.Getenv("NO_COLOR") == "", nil
	}
	return false, fmt.Errorf("--color: want auto, always or never, not %q", f.color)
}
