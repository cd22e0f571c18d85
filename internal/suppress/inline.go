package suppress

import (
	"slices"

	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/addrs"
)

// Inline turns the sources' `# sovlint:ignore` comments into
// waivers. A resource's ignore covers that resource's instances; a module
// block's covers everything inside the call. Findings are matched by
// configuration address, so the same ignores apply to a plan made from the
// sources.
func Inline(ignores []tfconfig.Ignore) []*Waiver {
	out := make([]*Waiver, 0, len(ignores))
	for _, ig := range ignores {
		w := &Waiver{
			Kind:         finding.SuppressedInline,
			Rules:        ig.Rules,
			Reason:       ig.Reason,
			Expires:      ig.Expires,
			Owner:        ig.Owner,
			Range:        ig.Range,
			ReportUnused: true,
		}
		// A target is a configuration address: as a glob it covers every
		// instance, and a module call's covers everything inside it.
		var globs []addrs.Glob
		for _, t := range ig.Targets {
			if g, err := addrs.ParseGlob(t); err == nil {
				globs = append(globs, g)
			}
		}
		w.What = "inline ignore on " + ig.Block
		if ig.Block == "" {
			w.What = "inline ignore (not on a resource or module block)"
		}
		w.Matches = func(f *finding.Finding) bool {
			return slices.ContainsFunc(globs, func(g addrs.Glob) bool { return g.Match(f.Address) })
		}
		out = append(out, w)
	}
	return out
}
