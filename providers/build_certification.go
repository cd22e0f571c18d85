package providers

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
)

var (
	schemeIDRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	// levelRe keeps levels writable after a colon in a policy
	// ("acn:QC3"), and printable as they are.
	levelRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]*$`)
)

// Grades of a scheme.
const (
	GradesSecurity    = "security"
	GradesSovereignty = "sovereignty"
)

// addScheme builds a certification scheme. A scheme's ID is declared once,
// in the data files or in an extension: redefining the levels of a known
// scheme would silently change what every policy requiring it means.
func (a *assembly) addScheme(sb *schemeBlock) {
	b, c := &a.b, a.cat
	id := strings.TrimSpace(sb.ID)
	what := fmt.Sprintf("scheme %q", sb.ID)
	if !schemeIDRe.MatchString(id) {
		b.errorf(sb.DefRange, "%s: an ID is lowercase words joined by hyphens (bsi-c5)", what)
		return
	}
	if c.schemes[id] != nil {
		b.errorf(sb.DefRange, "%s is declared twice", what)
		return
	}
	s := &Scheme{
		ID: id, Name: sb.Name, Country: sb.Country, Grades: sb.Grades, Issuer: sb.Issuer, RegisterURL: sb.RegisterURL,
		Versions: sb.Versions, RequiresValidity: sb.RequiresValidity, Note: sb.Note,
		Fact: b.fact(what, sb.DefRange, sb.Source, sb.AsOf, sb.Verified),
	}
	if s.Name == "" {
		b.errorf(sb.DefRange, "%s has no name", what)
	}
	if s.Country != "EU" && !validCountry(s.Country) {
		b.errorf(sb.DefRange, "%s: country %q is not an ISO 3166-1 alpha-2 code (or EU)", what, s.Country)
	}
	for g := range strings.SplitSeq(s.Grades, ",") {
		if g = strings.TrimSpace(g); g != GradesSecurity && g != GradesSovereignty {
			b.errorf(sb.DefRange, "%s: grades must list security and/or sovereignty, not %q", what, g)
		}
	}
	b.checkURL(s.RegisterURL, what+" register_url", sb.DefRange)
	seen := map[string]bool{}
	for _, l := range sb.Ladders {
		if len(l.Levels) == 0 {
			b.errorf(sb.DefRange, "%s: ladder %q has no levels", what, l.Name)
		}
		for _, lv := range l.Levels {
			if !levelRe.MatchString(lv) {
				b.errorf(sb.DefRange, "%s: level %q must be letters, digits, dots and hyphens", what, lv)
			}
			if seen[strings.ToLower(lv)] {
				b.errorf(sb.DefRange, "%s: level %q is declared twice", what, lv)
			}
			seen[strings.ToLower(lv)] = true
		}
		s.Ladders = append(s.Ladders, Ladder(l))
	}
	c.schemes[id] = s
}

// checkURL requires an http(s) address when one is given.
func (b *builder) checkURL(u, what string, rng hcl.Range) {
	if u == "" {
		return
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		b.errorf(rng, "%s is not an http(s) address", what)
	}
}

// certifications builds the certification blocks of an offering or an
// offer (offer non-nil) on top of the existing ones: a block replaces the
// certification of the same ID and comes first, as offers do.
func (b *builder) certifications(existing []*Certification, blocks []certificationBlock, owner string, offer *Offer) []*Certification {
	var out []*Certification
	for i := range blocks {
		cb := &blocks[i]
		if c := b.certification(cb, owner, offer); c != nil {
			if slices.ContainsFunc(out, func(x *Certification) bool { return x.ID == c.ID }) {
				b.errorf(cb.DefRange, "%s certification %q is declared twice", owner, c.ID)
				continue
			}
			out = append(out, c)
		}
	}
	for _, old := range existing {
		if !slices.ContainsFunc(out, func(x *Certification) bool { return x.ID == old.ID }) {
			out = append(out, old)
		}
	}
	return out
}

func (b *builder) certification(cb *certificationBlock, owner string, offer *Offer) *Certification {
	what := fmt.Sprintf("%s certification %q", owner, cb.ID)
	c := &Certification{
		ID: cb.ID, Scheme: strings.ToLower(strings.TrimSpace(cb.Scheme)), Status: cb.Status,
		SchemeVersion: cb.SchemeVersion, Issuer: cb.Issuer, RegisterURL: cb.RegisterURL, CertificateID: cb.CertificateID,
		ValidFrom: cb.ValidFrom, ValidUntil: cb.ValidUntil, ResourceTypes: cb.ResourceTypes, ListedOnly: cb.ListedOnly,
		Note: cb.Note, owner: owner, offer: offer,
		Fact: b.fact(what, cb.DefRange, cb.Source, cb.AsOf, cb.Verified),
	}
	for _, r := range cb.Regions {
		c.Regions = append(c.Regions, NormaliseRegion(r))
	}
	if !slices.Contains([]string{CertCertified, CertInProgress, CertNotCertified, CertUnknown}, c.Status) {
		b.errorf(cb.DefRange, "%s: status must be certified, in_progress, not_certified or unknown, not %q", what, c.Status)
	}
	s := b.schemes[c.Scheme]
	switch {
	case c.Scheme == SchemeSecNumCloud:
		b.errorf(cb.DefRange, "%s: a SecNumCloud qualification is an offer's status (an offer block with status, qualified_from, valid_until and decision), not a certification block", what)
		return nil
	case s == nil:
		b.errorf(cb.DefRange, "%s: scheme %q is not a scheme of the catalog (see `sovlint explain SOV007`)", what, cb.Scheme)
		return nil
	}
	if cb.Level != "" {
		canon, _, _, ok := s.Level(cb.Level)
		if !ok {
			b.errorf(cb.DefRange, "%s: %q is not a level of %s (levels: %s)", what, cb.Level, s.Name, strings.Join(s.Levels(), ", "))
		}
		c.Level = canon
	}
	if c.SchemeVersion != "" && len(s.Versions) > 0 && !slices.Contains(s.Versions, c.SchemeVersion) {
		b.errorf(cb.DefRange, "%s: scheme_version %q is not a version of %s (%s)", what, c.SchemeVersion, s.Name, strings.Join(s.Versions, ", "))
	}
	b.checkURL(c.RegisterURL, what+" register_url", cb.DefRange)
	dates := []string{c.ValidFrom, c.ValidUntil}
	if p := cb.ObservationPeriod; p != "" {
		from, until, ok := strings.Cut(p, "/")
		if !ok {
			b.errorf(cb.DefRange, "%s: observation_period %q is not FROM/UNTIL (2025-01-01/2025-12-31)", what, p)
		}
		c.ObservationFrom, c.ObservationUntil = from, until
		dates = append(dates, from, until)
	}
	datesOK := true
	for _, d := range dates {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			b.errorf(cb.DefRange, "%s: date %q is not YYYY-MM-DD", what, d)
			datesOK = false
		}
	}
	// Only dates are compared and printed bare: a value that is not one
	// has its (quoted) error above, and could hold terminal escapes.
	if datesOK && c.ValidFrom != "" && c.ValidUntil != "" && c.ValidUntil < c.ValidFrom {
		b.errorf(cb.DefRange, "%s: valid_until %s is before valid_from %s", what, c.ValidUntil, c.ValidFrom)
	}
	if c.ObservationFrom != "" && c.ObservationUntil < c.ObservationFrom {
		b.errorf(cb.DefRange, "%s: the observation period ends before it starts", what)
	}
	return c
}
