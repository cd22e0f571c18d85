// Package suppress is the one place findings are suppressed: inline
// `sovlint:ignore` comments, .sovlint.hcl exceptions and baselines all become
// Waivers, applied after the rules ran; problems with the waivers themselves
// are SOV000 findings.
package suppress

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/rules"
)

// Waiver suppresses some rules for some resources. Inline comments, config
// exceptions and baselines all become Waivers, so that suppression happens
// in one place, after the rules ran, and never inside a rule.
type Waiver struct {
	Kind    string   // finding.SuppressedInline, SuppressedConfig, SuppressedBaseline
	Rules   []string // rule IDs; empty means every rule
	Matches func(f *finding.Finding) bool
	Reason  string
	Expires string // YYYY-MM-DD; empty: no expiry
	Owner   string
	Range   hcl.Range // where the waiver is written
	// What describes the waiver in SOV000 messages: `inline ignore`,
	// `exception for "module.legacy.*"`.
	What string
	// ReportUnused says whether matching nothing is itself a finding
	// (baselines are expected to shrink silently).
	ReportUnused bool
	// InRoot limits the waiver to some roots: given a root's path (its
	// directory, or a plan's), it says whether the waiver applies there.
	// nil applies in every root. A waiver whose roots the scan did not
	// read is out of scope, not unused.
	InRoot func(path string) bool
	// AnyRoot marks a baseline written before findings recorded their
	// root module: its entries match the same address in every root.
	AnyRoot bool
	// Root, for an inline ignore, is the root module whose sources hold
	// it: it covers that root's findings only, as two roots may share a
	// module and so its addresses. "" for every root.
	Root string

	used bool
}

// precedence orders waiver kinds from the most to the least specific.
var precedence = map[string]int{finding.SuppressedInline: 0, finding.SuppressedConfig: 1, finding.SuppressedBaseline: 2}

// Scope is what waivers are applied in.
type Scope struct {
	Now time.Time
	// RootPaths maps the root names findings carry to the roots' paths
	// (directory, or a plan's), for waivers limited to some roots.
	RootPaths map[string]string
}

// Apply marks the findings each waiver covers as suppressed and
// returns SOV000 findings for waivers that have no reason, have expired or
// matched nothing. An expired or reasonless waiver suppresses nothing.
func Apply(findings []finding.Finding, waivers []*Waiver, sc Scope) []finding.Finding {
	now := sc.Now
	var meta []finding.Finding
	valid := make([]*Waiver, 0, len(waivers))
	for _, w := range waivers {
		switch {
		case w.Reason == "":
			meta = append(meta, waiverFinding(w, fmt.Sprintf("%s has no reason: it suppresses nothing until it says why", w.What)))
		case w.Expires != "" && !validDate(w.Expires):
			meta = append(meta, waiverFinding(w, fmt.Sprintf("%s has an invalid expiry %q (want YYYY-MM-DD): it suppresses nothing", w.What, w.Expires)))
		case expired(w.Expires, now):
			meta = append(meta, waiverFinding(w, fmt.Sprintf("%s expired on %s: the findings it covered are reported again", w.What, w.Expires)))
		default:
			valid = append(valid, w)
		}
	}
	// A finding covered by several waivers shows the most specific one.
	slices.SortStableFunc(valid, func(a, b *Waiver) int { return cmp.Compare(precedence[a.Kind], precedence[b.Kind]) })
	for i := range findings {
		f := &findings[i]
		if f.RuleID == finding.SuppressionRuleID {
			continue
		}
		for _, w := range valid {
			if len(w.Rules) > 0 && !slices.Contains(w.Rules, f.RuleID) {
				continue
			}
			if w.Matches != nil && !w.Matches(f) {
				continue
			}
			if w.InRoot != nil && !w.InRoot(sc.RootPaths[f.Root]) || w.Root != "" && w.Root != f.Root {
				continue
			}
			w.used = true
			if f.Suppression == nil {
				f.Suppression = &finding.Suppression{Kind: w.Kind, Reason: w.Reason, Expires: w.Expires, Owner: w.Owner, Range: w.Range}
			}
		}
	}
	for _, w := range valid {
		if !w.used && w.ReportUnused && sc.inScope(w) {
			meta = append(meta, waiverFinding(w, fmt.Sprintf("%s matches no finding: remove it", w.What)))
		}
	}
	return meta
}

// inScope reports whether a waiver could have matched in this scan: one
// limited to roots the scan did not read says nothing about them.
func (sc Scope) inScope(w *Waiver) bool {
	if w.InRoot == nil {
		return true
	}
	for _, p := range sc.RootPaths {
		if w.InRoot(p) {
			return true
		}
	}
	return false
}

func validDate(date string) bool {
	_, err := time.Parse(time.DateOnly, date)
	return err == nil
}

// expired reports whether an expiry date is in the past; the waiver holds
// until the end of its expiry day. A malformed date counts as expired so
// that a typo cannot make an exception permanent.
func expired(date string, now time.Time) bool {
	if date == "" {
		return false
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return true
	}
	return now.After(t.Add(24*time.Hour - time.Nanosecond))
}

func waiverFinding(w *Waiver, msg string) finding.Finding {
	return finding.Finding{
		RuleID:   finding.SuppressionRuleID,
		Severity: rules.SuppressionRule.Severity,
		Address:  w.What,
		Message:  msg,
		Range:    w.Range,
		Root:     w.Root,
	}
}
