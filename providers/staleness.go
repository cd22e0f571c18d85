package providers

import (
	"fmt"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// How long catalog facts are trusted without a second look.
const (
	// MaxCatalogAge is how old the catalog's newest fact may be before
	// scans warn that statuses may have changed since.
	MaxCatalogAge = 12 // months
	// QualificationValidity is how long a SecNumCloud qualification lasts.
	QualificationValidity = 3 // years
	// ExpiryNotice is how long before a qualification ends scans warn.
	ExpiryNotice = 30 * 24 * time.Hour
)

// Stale is a catalog fact a scan should not rest on without a second look.
type Stale struct {
	Message string
	// Range is where the fact is declared: a data file of the catalog or
	// the user's .sovlint.hcl.
	Range hcl.Range
}

// StaleData reports whether the catalog's newest fact is older than
// MaxCatalogAge at now.
func (c *Catalog) StaleData(now time.Time) (Stale, bool) {
	asOf, ok := parseAsOf(c.AsOf)
	if !ok || !asOf.AddDate(0, MaxCatalogAge, 0).Before(now) {
		return Stale{}, false
	}
	return Stale{Message: fmt.Sprintf(
		"the sovereignty catalog's newest fact dates from %s, more than %d months ago: qualifications and operators may have changed since; update sovlint, or declare newer facts in .sovlint.hcl",
		c.AsOf, MaxCatalogAge)}, true
}

// StaleQualification reports whether a qualified offer's qualification has
// ended, ends within ExpiryNotice, or is older than QualificationValidity at
// now. Offers that are not qualified are never stale.
func (o *Offer) StaleQualification(now time.Time) (Stale, bool) {
	if o.Status != StatusQualified || now.IsZero() {
		return Stale{}, false
	}
	name := fmt.Sprintf("%q", o.Name)
	if o.Decision != "" {
		name += fmt.Sprintf(" (ANSSI decision %s)", o.Decision)
	}
	stale := func(format string, args ...any) (Stale, bool) {
		return Stale{Message: fmt.Sprintf(format, args...), Range: o.DeclRange}, true
	}
	if until, err := time.Parse(time.DateOnly, o.ValidUntil); err == nil {
		left := until.Sub(now.Truncate(24 * time.Hour))
		switch {
		case left < 0:
			return stale("the SecNumCloud qualification of %s ended on %s and the catalog records no renewal: resources relying on it fail SOV001 until a renewal is declared", name, o.ValidUntil)
		case left < 24*time.Hour:
			return stale("the SecNumCloud qualification of %s ends today (%s): check that it is renewed", name, o.ValidUntil)
		case left <= ExpiryNotice:
			return stale("the SecNumCloud qualification of %s ends on %s, in %d days: check that it is renewed", name, o.ValidUntil, int(left.Hours()/24))
		}
	}
	if from, err := time.Parse(time.DateOnly, o.QualifiedFrom); err == nil && !from.AddDate(QualificationValidity, 0, 0).After(now) {
		return stale("the SecNumCloud qualification of %s dates from %s, longer ago than the %d years a qualification lasts: check that it was renewed", name, o.QualifiedFrom, QualificationValidity)
	}
	return Stale{}, false
}

// parseAsOf reads an as_of date, YYYY-MM-DD or YYYY-MM (the first of the
// month, so that age errs on the old side).
func parseAsOf(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
