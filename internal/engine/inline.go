package engine

import (
	"slices"
	"strings"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/rules"
)

// inlineWaivers turns the sources' `# sovlint:ignore` comments into
// waivers. A resource's ignore covers that resource's instances; a module
// block's covers everything inside the call. Findings are matched by
// configuration address, so the same ignores apply to a plan made from the
// sources.
func inlineWaivers(ignores []analyzer.Ignore) []*Waiver {
	out := make([]*Waiver, 0, len(ignores))
	for _, ig := range ignores {
		w := &Waiver{
			Kind:         rules.SuppressedInline,
			Rules:        ig.Rules,
			Reason:       ig.Reason,
			Expires:      ig.Expires,
			Owner:        ig.Owner,
			Range:        ig.Range,
			ReportUnused: true,
		}
		targets := ig.Targets
		switch {
		case ig.Block == "":
			w.What = "inline ignore (not on a resource or module block)"
			w.Matches = func(*rules.Finding) bool { return false }
		case ig.Module:
			w.What = "inline ignore on " + ig.Block
			w.Matches = func(f *rules.Finding) bool {
				addr := analyzer.StripInstanceKeys(f.Address)
				return slices.ContainsFunc(targets, func(t string) bool { return strings.HasPrefix(addr, t+".") })
			}
		default:
			w.What = "inline ignore on " + ig.Block
			w.Matches = func(f *rules.Finding) bool {
				return slices.Contains(targets, analyzer.StripInstanceKeys(f.Address))
			}
		}
		out = append(out, w)
	}
	return out
}
