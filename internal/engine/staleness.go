package engine

import (
	"cmp"
	"slices"
	"time"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
)

// stalenessWarnings says when the facts a scan's verdicts rest on are
// getting old: the catalog as a whole, and each qualification a scanned
// resource's profile relied on. Qualifications no resource relied on are
// left to `sovlint providers`, so that a warning always concerns the scan.
func stalenessWarnings(cat *providers.Catalog, subjects *subjectList, now time.Time, cfg *config.Config) []report.Warning {
	var out []report.Warning
	if st, stale := cat.StaleData(now); stale {
		out = append(out, warning(st, cfg))
	}
	var offers []*providers.Offer
	for a := range subjects.All() {
		if a.Profile != nil && a.Profile.Offer != nil && !slices.Contains(offers, a.Profile.Offer) {
			offers = append(offers, a.Profile.Offer)
		}
	}
	var stale []report.Warning
	for _, o := range offers {
		if st, ok := o.StaleQualification(now); ok {
			stale = append(stale, warning(st, cfg))
		}
	}
	slices.SortFunc(stale, func(a, b report.Warning) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
	return append(out, stale...)
}

// warning points at the fact when the user wrote it in .sovlint.hcl; the
// catalog's own data files are not the user's to edit, and the message
// names the offer.
func warning(st providers.Stale, cfg *config.Config) report.Warning {
	w := report.Warning{Message: st.Message}
	if cfg != nil && cfg.Path != "" && st.Range.Filename == cfg.Path {
		w.File, w.Line = st.Range.Filename, st.Range.Start.Line
	}
	return w
}
