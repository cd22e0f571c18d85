package engine

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/rules"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/sources/*.txtar")

// TestSources runs every testdata/sources/*.txtar archive: its files are a
// configuration, its comment says how to scan it (one "key: value" a line:
// scan, dir, var-file, var, env, recursive, as-of), and its "want" file is
// what the scan must find, in a compact form. go test -update rewrites the
// want files.
func TestSources(t *testing.T) {
	archives, err := filepath.Glob("testdata/sources/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives: %v", err)
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			want := ""
			wantIndex := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					want, wantIndex = string(f.Data), i
					continue
				}
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			got := runArchive(t, dir, string(ar.Comment))
			if *update {
				f := txtar.File{Name: "want", Data: []byte(got)}
				if wantIndex >= 0 {
					ar.Files[wantIndex] = f
				} else {
					ar.Files = append(ar.Files, f)
				}
				if err := os.WriteFile(path, txtar.Format(ar), 0o600); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("scan differs from the want section (-want +got):\n%s", diff)
			}
		})
	}
}

func runArchive(t *testing.T, dir, header string) string {
	t.Helper()
	env := map[string]string{}
	var src SourceOptions
	src.Vars.Getenv = func(k string) string { return env[k] }
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	configPath := ""
	var inputs []Input
	for line := range strings.SplitSeq(header, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "scan":
			inputs = append(inputs, Input{Path: filepath.Join(dir, value)})
		case "dir":
			src.PlanDir = filepath.Join(dir, value)
		case "var-file":
			src.Vars.Inputs = append(src.Vars.Inputs, tfconfig.VarInput{File: filepath.Join(dir, value)})
		case "var":
			src.Vars.Inputs = append(src.Vars.Inputs, tfconfig.VarInput{Assign: value})
		case "env":
			k, v, _ := strings.Cut(value, "=")
			env[k] = v
		case "recursive":
			src.Recursive = value == "true"
		case "config":
			configPath = filepath.Join(dir, value)
		case "as-of":
			d, err := time.Parse(time.DateOnly, value)
			if err != nil {
				t.Fatal(err)
			}
			asOf = d
		}
	}
	if len(inputs) == 0 {
		inputs = []Input{{Path: dir}}
	}
	set := settings.Default(asOf)
	if configPath != "" {
		var err error
		if set, err = settings.Load(settings.Flags{ConfigPath: configPath, Now: asOf, FailOn: "notice"}); err != nil {
			return renderError(err, dir)
		}
	}
	rep, err := runScan(t, inputs, Options{Settings: set, Sources: src})
	if err != nil {
		return renderError(err, dir)
	}
	return renderReport(rep, dir)
}

func rel(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return file
}

func at(dir string, r hcl.Range) string {
	if r.Filename == "" {
		return ""
	}
	return fmt.Sprintf(" @%s:%d", rel(dir, r.Filename), r.Start.Line)
}

func renderError(err error, dir string) string {
	var diags hcl.Diagnostics
	if !errors.As(err, &diags) {
		return "error: " + stripDir(err.Error(), dir) + "\n"
	}
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "error: %s:%d:%d: %s\n", rel(dir, d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column, d.Summary)
	}
	return b.String()
}

// renderReport writes one line per resource, finding and warning.
func renderReport(rep *scanned, dir string) string {
	var b bytes.Buffer
	for _, a := range rep.Assessments {
		r := a.Resource
		src := string(r.Location.Source.Kind)
		if r.Location.Source.Attribute != "" {
			src += ":" + r.Location.Source.Attribute
		}
		class := dash(r.Classification.Level)
		if s := r.Classification.Source; s != "" && s != analyzer.ClassifiedByTag {
			class += "(" + s + ")"
		}
		fmt.Fprintf(&b, "resource %s provider=%s region=%s country=%s class=%s source=%s",
			r.Address, r.ProviderConfig, dash(r.Location.Region), dash(r.Location.Country), class, src)
		if len(r.Location.Source.Via) > 0 {
			fmt.Fprintf(&b, " via=%s", strings.Join(r.Location.Source.Via, ","))
		}
		if len(r.Location.Candidates) > 0 {
			fmt.Fprintf(&b, " candidates=%s", r.Location.Key())
		}
		if a.Undecided != "" {
			fmt.Fprintf(&b, " undecided=%q", a.Undecided)
		}
		if r.Unexpanded != "" {
			fmt.Fprintf(&b, " unexpanded=%q", r.Unexpanded)
		}
		if r.Location.Unresolved != "" {
			fmt.Fprintf(&b, " unresolved=%q", r.Location.Unresolved)
		}
		if r.Classification.Unknown != "" {
			fmt.Fprintf(&b, " class-unknown=%q", r.Classification.Unknown)
		}
		fmt.Fprintf(&b, "%s\n", at(dir, r.Range))
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "finding %s %s%s", f.RuleID, f.Address, at(dir, f.Range))
		if !finding.IsTop(f.Root) {
			fmt.Fprintf(&b, " root=%s", f.Root)
		}
		if f.RuleID == rules.SuppressionRule.ID {
			fmt.Fprintf(&b, " %q", f.Message)
		}
		if s := f.Suppression; s != nil {
			fmt.Fprintf(&b, " suppressed=%s reason=%q%s", s.Kind, s.Reason, at(dir, s.Range))
		}
		b.WriteByte('\n')
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(&b, "warning %s @%s:%d\n", w.Message, rel(dir, w.File), w.Line)
	}
	return stripDir(b.String(), dir)
}

// stripDir makes the temporary directory's paths relative in messages.
func stripDir(s, dir string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, dir+string(filepath.Separator), ""), dir, ".")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
