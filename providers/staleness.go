package providers

import (
	"fmt"
	"strconv"
	"strings"
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
	// Lapsed is true when a qualification has ended: resources relying on
	// it fail SOV001, and Message carries the renewal block to paste.
	Lapsed bool
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

// ConfigFileName is the repository configuration in which users declare
// what the catalog does not know yet (config.FileName; the catalog does not
// import the configuration package).
const ConfigFileName = ".sovlint.hcl"

// StaleQualification reports whether a qualified offer's qualification has
// ended, ends within ExpiryNotice, or is older than QualificationValidity at
// now. Offers that are not qualified are never stale. Once a qualification
// has ended, the message says what to do and carries the block to paste into
// .sovlint.hcl once ANSSI's catalog shows the renewal.
func (o *Offer) StaleQualification(now time.Time) (Stale, bool) {
	if o.Status != StatusQualified || now.IsZero() {
		return Stale{}, false
	}
	name := o.label()
	stale := func(format string, args ...any) (Stale, bool) {
		return Stale{Message: fmt.Sprintf(format, args...), Range: o.DeclRange}, true
	}
	if until, err := time.Parse(time.DateOnly, o.ValidUntil); err == nil {
		left := until.Sub(now.Truncate(24 * time.Hour))
		switch {
		case left < 0:
			st, _ := stale("the SecNumCloud qualification of %s ended on %s and the catalog records no renewal: resources relying on it fail SOV001. "+
				"Upgrade sovlint (or load a newer catalog with --catalog) if its catalog records the renewal; "+
				"or, once ANSSI's catalog of qualified services lists the renewal, declare it in %s by filling in and pasting this block:\n\n%s",
				name, o.ValidUntil, ConfigFileName, o.RenewalBlock())
			st.Lapsed = true
			return st, true
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

// label names an offer with its ANSSI decision: `"X" (ANSSI decision 2118)`.
func (o *Offer) label() string {
	name := fmt.Sprintf("%q", o.Name)
	if o.Decision != "" {
		name += fmt.Sprintf(" (ANSSI decision %s)", o.Decision)
	}
	return name
}

// ProviderID is the catalog ID of the provider the offer belongs to.
func (o *Offer) ProviderID() string {
	id, _, _ := strings.Cut(o.owner, "/")
	return id
}

// anssiCatalogueURL is where ANSSI publishes its catalog of qualified
// products and services (a PDF it updates about monthly).
const anssiCatalogueURL = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"

// RenewalBlock is the .sovlint.hcl text that declares a renewal of the
// offer: the offer as the catalog has it, with every fact of the renewal
// (dates, decision, catalog edition) left as a placeholder. The
// placeholders do not validate, so a block pasted without filling them in
// is an error naming its line, never a silent pass.
func (o *Offer) RenewalBlock() string {
	key := "anssi_renewal_" + strings.NewReplacer("-", "_", ".", "_").Replace(o.ID)
	var b strings.Builder
	fmt.Fprintf(&b, "# Renewal of %s, which ended on %s.\n", o.label(), o.ValidUntil)
	fmt.Fprintf(&b, "# Copy every <...> from the edition of ANSSI's catalog that lists the renewal.\n")
	fmt.Fprintf(&b, "source %q {\n", key)
	fmt.Fprintf(&b, "  title = %s\n", hclString("ANSSI catalog of qualified products and services, edition of <DD/MM/YYYY>: "+o.Name+", decision <number>"))
	fmt.Fprintf(&b, "  url   = %q\n", anssiCatalogueURL)
	fmt.Fprintf(&b, "  date  = \"<YYYY-MM-DD of the catalog edition>\"\n")
	fmt.Fprintf(&b, "}\n\n")
	provider, variant, _ := strings.Cut(o.owner, "/")
	indent := "  "
	fmt.Fprintf(&b, "provider %q {\n", provider)
	if variant != "" {
		fmt.Fprintf(&b, "  variant %q {\n", variant)
		indent = "    "
	}
	line := func(attr, val string) { fmt.Fprintf(&b, "%s  %-14s = %s\n", indent, attr, val) }
	fmt.Fprintf(&b, "%soffer %q {\n", indent, o.ID)
	line("name", hclString(o.Name))
	line("status", `"qualified"`)
	if len(o.Regions) > 0 {
		line("regions", hclList(o.Regions))
	}
	if len(o.ResourceTypes) > 0 {
		line("resource_types", hclList(o.ResourceTypes))
	}
	line("qualified_from", `"<YYYY-MM-DD>"`)
	line("valid_until", `"<YYYY-MM-DD>"`)
	line("decision", `"<the renewal's decision number>"`)
	line("source", hclList([]string{key}))
	line("as_of", `"<YYYY-MM-DD: the day you read the catalog>"`)
	line("verified", `"primary"`)
	fmt.Fprintf(&b, "%s}\n", indent)
	if variant != "" {
		fmt.Fprintf(&b, "  }\n")
	}
	fmt.Fprintf(&b, "}\n")
	return b.String()
}

// hclString quotes s as an HCL string: Go's escapes, which HCL shares,
// except that "${" and "%{" would start a template.
func hclString(s string) string {
	q := strconv.Quote(s)
	return strings.NewReplacer("${", "$${", "%{", "%%{").Replace(q)
}

func hclList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = hclString(it)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// parseAsOf reads an as_of date, YYYY-MM-DD or YYYY-MM (the first of the
// month, so that age errs on the old side).
func parseAsOf(s string) (time.Time, bool) {
	// The length picks the one layout that can match: a failed time.Parse
	// builds an error, and the catalog checks a thousand dates at every
	// start.
	layout := time.DateOnly
	if len(s) == len("2006-01") {
		layout = "2006-01"
	}
	t, err := time.Parse(layout, s)
	return t, err == nil
}
