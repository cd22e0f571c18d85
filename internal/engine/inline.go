package engine

import (
	"slices"

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
		// A target is a configuration address: as a glob it covers every
		// instance, and a module call's covers everything inside it.
		var globs []addressGlob
		for _, t := range ig.Targets {
			if g, err := parseAddressGlob(t); err == nil {
				globs = append(globs, g)
			}
		}
		w.What = "inline ignore on " + ig.Block
		if ig.Block == "" {
			w.What = "inline ignore (not on a resource or module block)"
		}
		w.Matches = func(f *rules.Finding) bool {
			return slices.ContainsFunc(globs, func(g addressGlob) bool { return g.match(f.Address) })
		}
		out = append(out, w)
	}
	return out
}
