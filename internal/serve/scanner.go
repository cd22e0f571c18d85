// Package serve wires sovlint's engine into the run task server: a
// runtask.Scanner that scans a run's plan JSON with the policy chosen for
// its workspace, and turns the report into the run's verdict.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/runtask"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/report"
)

// Policy is a .sovlint.hcl the server scans with; a nil Config is the
// built-in defaults.
type Policy struct {
	Config *config.Config
}

// Name says which policy this is in messages and logs: the file name, or
// "defaults".
func (p Policy) Name() string {
	if p.Config == nil || p.Config.Path == "" {
		return "defaults"
	}
	return p.Config.Path
}

// Override is the policy of the workspaces whose name matches Pattern, a
// glob (path.Match: * ? [a-z]) over the workspace name, or over
// "organization/workspace" when the pattern holds a slash.
type Override struct {
	Pattern string
	Policy  Policy
}

// Options configure a Scanner.
type Options struct {
	// Base is the policy of every workspace no override matches.
	Base Policy
	// Overrides are tried in order; the first match wins and replaces
	// Base entirely (they are not merged, so a workspace's policy can be
	// read in one file).
	Overrides []Override
	// Version is sovlint's, for the report.
	Version string
	// CatalogPath is a catalog bundle (directory or file) every policy
	// scans with, as --catalog does for sovlint scan; "" for none.
	CatalogPath string
	// Now is the clock qualification dates and exception expiries are
	// checked against (default time.Now): a long-running server must see a
	// qualification lapse on the day it does.
	Now func() time.Time
}

// Scanner scans plans with the engine.
type Scanner struct {
	opt Options
}

// New checks every policy and pattern, so a bad one stops the server at
// start rather than failing runs.
func New(opt Options) (*Scanner, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if _, err := settings.FromConfigAndCatalog(opt.Base.Config, opt.CatalogPath, opt.Now()); err != nil {
		return nil, err
	}
	for _, o := range opt.Overrides {
		if _, err := path.Match(o.Pattern, ""); err != nil || o.Pattern == "" {
			return nil, fmt.Errorf("workspace pattern %q is not a valid glob", o.Pattern)
		}
		if _, err := settings.FromConfigAndCatalog(o.Policy.Config, opt.CatalogPath, opt.Now()); err != nil {
			return nil, err
		}
	}
	return &Scanner{opt: opt}, nil
}

// PolicyFor returns the policy of a workspace.
func (s *Scanner) PolicyFor(organization, workspace string) Policy {
	for _, o := range s.opt.Overrides {
		name := workspace
		if strings.Contains(o.Pattern, "/") {
			name = organization + "/" + workspace
		}
		if ok, _ := path.Match(o.Pattern, name); ok {
			return o.Policy
		}
	}
	return s.opt.Base
}

// planName is what errors call the plan: the run's, not a file.
const planName = "plan JSON"

// ScanPlan scans one plan with its workspace's policy.
func (s *Scanner) ScanPlan(ctx context.Context, run runtask.Run, plan io.Reader) (runtask.Verdict, error) {
	pol := s.PolicyFor(run.Organization, run.Workspace)
	// Settings are built per scan: their clock decides which
	// qualifications and exceptions have lapsed.
	set, err := settings.FromConfigAndCatalog(pol.Config, s.opt.CatalogPath, s.opt.Now())
	if err != nil {
		return runtask.Verdict{}, fmt.Errorf("policy %s: %w", pol.Name(), err)
	}
	rep, err := engine.Scan([]engine.Input{{Path: "-", Kind: engine.KindPlan, Stdin: &ctxReader{ctx: ctx, r: plan}}},
		engine.Options{Settings: set, Version: s.opt.Version})
	if err != nil {
		if ctx.Err() != nil {
			return runtask.Verdict{}, ctx.Err()
		}
		return runtask.Verdict{}, renameInput(err)
	}
	return verdict(rep, set.FailOn, pol), nil
}

// renameInput makes the engine's "<stdin>" the plan JSON in messages.
func renameInput(err error) error {
	if ie, ok := errors.AsType[*finding.InputError](err); ok {
		c := *ie
		c.File = planName
		return &c
	}
	return errors.New(strings.ReplaceAll(err.Error(), "<stdin>", planName))
}

// ctxReader stops a plan being read once the run's time is up: the
// engine's streaming reader then ends with an error.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// verdict turns a report into the run's verdict: failed when an active
// finding is at or above the fail threshold, with one outcome per active
// finding and per warning.
func verdict(rep *report.Report, failOn finding.Severity, pol Policy) runtask.Verdict {
	docs := map[string]finding.RuleDoc{}
	for _, d := range rep.Rules {
		docs[d.ID] = d
	}
	var (
		v          runtask.Verdict
		failing    int
		suppressed int
		byRule     = map[string]int{}
		resources  = map[string]bool{}
	)
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if !f.Active() {
			suppressed++
			continue
		}
		if f.Severity >= failOn {
			failing++
		}
		byRule[f.RuleID]++
		if f.IsResource() {
			resources[f.Address] = true
		}
		v.Outcomes = append(v.Outcomes, outcome(f, docs[f.RuleID]))
	}
	for _, w := range rep.Warnings {
		v.Outcomes = append(v.Outcomes, runtask.Outcome{
			Rule: "warning", Severity: "warning", Level: runtask.LevelWarning,
			Message: w.Message, Warning: true,
		})
	}

	active := len(rep.Findings) - suppressed
	var msg strings.Builder
	if active == 0 {
		fmt.Fprintf(&msg, "No finding on %d resources", rep.ResourceCount())
	} else {
		fmt.Fprintf(&msg, "%d %s on %d of %d resources: %s", active, plural(active, "finding"),
			len(resources), rep.ResourceCount(), ruleCounts(byRule, docs))
		if failing == 0 {
			fmt.Fprintf(&msg, "; none at or above the fail threshold (%s)", failOn)
		}
	}
	if suppressed > 0 {
		fmt.Fprintf(&msg, "; %d suppressed", suppressed)
	}
	if n := len(rep.Warnings); n > 0 {
		fmt.Fprintf(&msg, "; %d %s", n, plural(n, "warning"))
	}
	fmt.Fprintf(&msg, " (policy: %s)", pol.Name())
	v.Message = msg.String()
	v.Status = runtask.StatusPassed
	if failing > 0 {
		v.Status = runtask.StatusFailed
	}
	return v
}

func ruleCounts(byRule map[string]int, docs map[string]finding.RuleDoc) string {
	ids := make([]string, 0, len(byRule))
	for id := range byRule {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%d %s", byRule[id], id)
		if d, ok := docs[id]; ok && d.Name != "" {
			parts[i] += " " + d.Name
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// outcome is one finding as the run shows it. Its details hold the
// evidence the finding rests on (provider, region, country,
// classification: the only plan values any sovlint output prints, bounded
// and escaped), the remediation and the catalog sources.
func outcome(f *finding.Finding, doc finding.RuleDoc) runtask.Outcome {
	o := runtask.Outcome{
		Rule:     f.RuleID,
		Severity: f.Severity.String(),
		Level:    level(f.Severity),
		Address:  f.Address,
		Message:  f.Message,
		URL:      doc.URL,
	}
	var b strings.Builder
	if doc.ID != "" {
		fmt.Fprintf(&b, "**Rule:** [%s %s](%s): %s\n\n", doc.ID, doc.Name, doc.URL, doc.Summary)
	}
	var ev []string
	for _, kv := range [][2]string{
		{"Provider", f.Provider}, {"Region", f.Region}, {"Country", f.Country}, {"Classification", f.Classification},
	} {
		if kv[1] != "" {
			ev = append(ev, fmt.Sprintf("**%s:** %s", kv[0], code(kv[1])))
		}
	}
	if len(ev) > 0 {
		b.WriteString(strings.Join(ev, " · "))
		b.WriteString("\n\n")
	}
	if doc.Remediation != "" {
		fmt.Fprintf(&b, "**Remediation:** %s\n\n", doc.Remediation)
	}
	if len(f.Sources) > 0 {
		b.WriteString("**Sources:**\n")
		for _, c := range f.Sources {
			ref := code(c.Ref)
			if isWebURL(c.Ref) {
				ref = "<" + c.Ref + ">"
				if o.URL == doc.URL {
					o.URL = c.Ref // the first published source says most about the finding
				}
			}
			fmt.Fprintf(&b, "- %s: %s (as of %s, %s)\n", code(c.Key), ref, c.AsOf, c.Verified)
		}
	}
	o.Details = b.String()
	return o
}

func level(s finding.Severity) runtask.Level {
	switch s {
	case finding.SeverityError:
		return runtask.LevelError
	case finding.SeverityWarning:
		return runtask.LevelWarning
	case finding.SeverityNotice:
		return runtask.LevelInfo
	case finding.SeverityInvalid:
	}
	return runtask.LevelNone
}

// code renders a value as Markdown inline code, bounded, with nothing in it
// able to end the span or break the line.
func code(s string) string {
	const limit = 200
	if len(s) > limit {
		s = strings.ToValidUTF8(s[:limit], "") + "…"
	}
	s = strings.Map(func(r rune) rune {
		if r == '`' || r < ' ' || r == 0x7f {
			return '\''
		}
		return r
	}, s)
	return "`" + s + "`"
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(s, " <>")
}
