package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/engine"
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
  sovlint scan plan.json --dir infra/live`,
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
	fl.StringVar(&f.failOn, "fail-on", "notice", "exit 1 only for findings at or above this severity: notice|warning|error (default: the config's policy fail_on, else notice)")
	fl.StringVar(&f.color, "color", "auto", "color the text output: auto|always|never (auto honors NO_COLOR and non-terminals)")
	fl.BoolVar(&f.noColor, "no-color", false, "same as --color never")
	fl.StringVar(&f.config, "config", "", "read this configuration file instead of the "+config.FileName+" found upward from the first PATH")
	fl.Var(&varFlag{dst: &f.vars, file: true}, "var-file", "read root variable values from FILE (.tfvars or .tfvars.json), repeatable")
	fl.Var(&varFlag{dst: &f.vars}, "var", "set a root variable: NAME=VALUE, repeatable; later --var and --var-file win")
	fl.BoolVarP(&f.recursive, "recursive", "r", false, "scan every root module below each directory PATH, each with its own .tfvars")
	fl.StringVar(&f.dir, "dir", "", "the sources the plan PATHs were made from: findings go on their lines and their inline ignores apply; alone, scan DIR as sources")
	fl.StringVar(&f.asOf, "as-of", "", "check qualification validity dates at DATE (YYYY-MM-DD) instead of today")
	fl.StringVar(&f.baseline, "baseline", "", "suppress the findings recorded in this baseline file: only new ones count")
	fl.StringVar(&f.baselineWrite, "baseline-write", "", "record today's findings in this baseline file (and exit 0 unless the scan fails)")
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
	set, err := settings.Load(settings.Flags{ConfigPath: f.config, FirstInput: args[0], FailOn: f.failOn, FailOnSet: failOnSet, Now: now})
	if err != nil {
		return &exitError{code: ExitError, err: err}
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
		},
	})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	// --severity filters what is printed, nothing else: a baseline written
	// from a filtered report would leave the hidden findings out, and they
	// would fail the next run.
	all := rep.Findings
	rep.Findings = slices.DeleteFunc(slices.Clone(all), func(fd finding.Finding) bool { return fd.Severity < minimum })
	for _, o := range outs {
		if err := write(s, o, rep, report.Options{Color: color && o.path == ""}); err != nil {
			return &exitError{code: ExitError, err: err}
		}
	}
	if f.baselineWrite != "" {
		// Writing a baseline accepts today's findings: they do not fail
		// this run, as they will not fail the next one.
		return writeBaseline(s, f.baselineWrite, all)
	}
	for _, fd := range rep.Findings {
		if fd.Active() && fd.Severity >= set.FailOn {
			return &exitError{code: ExitFindings}
		}
	}
	return nil
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
	var buf bytes.Buffer
	if err := o.printer(&buf, rep, opts); err != nil {
		return err
	}
	if err := os.WriteFile(o.path, buf.Bytes(), 0o644); err != nil { //nolint:gosec // a report, meant to be read by CI tools
		return fmt.Errorf("writing %s output: %w", o.format, err)
	}
	return nil
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
