package cli

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
)

type providersFlags struct {
	format  string
	config  string
	asOf    string
	catalog string
	summary bool
}

func newProviders(s *Streams) *cobra.Command {
	var f providersFlags
	cmd := &cobra.Command{
		Use:   "providers [ID]",
		Short: "List the sovereignty catalog: providers, operators, regions, SecNumCloud offers, verdicts and their sources",
		Long: `List the sovereignty catalog: for every provider (or the one named by its
catalog ID or registry address), its operator, its SecNumCloud offers, and
every region with its country and the three verdicts, each with the sources
it rests on. Catalog extensions and the residency policy of the .sovlint.hcl
found upward from the current directory (or --config) are included.

--summary prints one line per provider instead: operator, jurisdiction, EU
legal control, qualified offers and the number of regions.`,
		Example: `  sovlint providers
  sovlint providers --summary
  sovlint providers outscale
  sovlint providers hashicorp/google --format json
  sovlint providers --catalog ./catalog-2026-12 --as-of 2026-12-01`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeProviders,
		RunE: func(_ *cobra.Command, args []string) error {
			return runProviders(s, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "text", "text|json")
	fl.StringVar(&f.config, "config", "", "read this configuration file instead of the "+config.FileName+" found upward from the current directory")
	fl.StringVar(&f.asOf, "as-of", "", "evaluate qualification validity at DATE (YYYY-MM-DD) instead of today")
	fl.StringVar(&f.catalog, "catalog", "", catalogFlagUsage)
	fl.BoolVar(&f.summary, "summary", false, "one line per provider: operator, jurisdiction, EU legal control, qualified offers, region count")
	return cmd
}

func runProviders(s *Streams, f *providersFlags, args []string) error {
	if f.format != "text" && f.format != "json" {
		return usageError("--format: want text or json, not %q", f.format)
	}
	now := time.Now()
	if f.asOf != "" {
		var err error
		if now, err = time.Parse(time.DateOnly, f.asOf); err != nil {
			return usageError("--as-of: %q is not a date (YYYY-MM-DD)", f.asOf)
		}
	}
	set, err := settings.Load(settings.Flags{ConfigPath: f.config, FirstInput: ".", FailOn: "notice", Now: now, CatalogPath: f.catalog})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	cat := set.Catalog
	list := cat.Providers
	if len(args) == 1 {
		p := cat.ByID(args[0])
		if p == nil {
			p = cat.Provider(args[0])
		}
		if p == nil {
			return usageError("unknown provider %q (see `sovlint providers`)", args[0])
		}
		list = []*providers.Provider{p}
	}
	if f.summary {
		return printSummary(s.Out, f.format, newCatalogSummary(cat, list, now, set.Policy.Residency))
	}
	listing := newCatalogListing(cat, list, len(args) == 0, now, set.Policy.Residency)
	if f.format == "json" {
		return writeJSON(s.Out, listing)
	}
	return printListing(s.Out, listing)
}

// The JSON shape of `sovlint providers --format json`. Fields are added,
// never renamed or removed.

type catalogListing struct {
	Version   string            `json:"version"`   // the catalog data's version
	Origin    string            `json:"origin"`    // "embedded", or the bundle's path
	AsOf      string            `json:"as_of"`     // the date the catalog data is current at
	Date      string            `json:"date"`      // date the verdicts are evaluated at
	Residency string            `json:"residency"` // the residency policy: EU, EEA, EU+CH…
	Warnings  []string          `json:"warnings"`  // stale catalog data and qualifications
	Providers []providerListing `json:"providers"` // sorted by ID
	// Schemes are the certification schemes, listed with the whole
	// catalog (not with one provider).
	Schemes []schemeListing         `json:"schemes,omitempty"`
	Sources map[string]sourceRecord `json:"sources"` // every source the listed facts cite
}

type schemeListing struct {
	ID               string         `json:"id"`
	Name             string         `json:"name"`
	Country          string         `json:"country"`
	Grades           string         `json:"grades"`
	Issuer           string         `json:"issuer,omitempty"`
	RegisterURL      string         `json:"register_url,omitempty"`
	Ladders          []ladderRecord `json:"ladders,omitempty"`
	Versions         []string       `json:"versions,omitempty"`
	RequiresValidity bool           `json:"requires_validity,omitempty"`
	Note             string         `json:"note,omitempty"`
	Fact             factRecord     `json:"fact"`
}

type ladderRecord struct {
	Name   string   `json:"name"`
	Levels []string `json:"levels"`
}

type certificationRecord struct {
	ID                string        `json:"id"`
	Scheme            string        `json:"scheme"`
	Level             string        `json:"level,omitempty"`
	Status            string        `json:"status"`
	SchemeVersion     string        `json:"scheme_version,omitempty"`
	Issuer            string        `json:"issuer,omitempty"`
	RegisterURL       string        `json:"register_url,omitempty"`
	CertificateID     string        `json:"certificate_id,omitempty"`
	ValidFrom         string        `json:"valid_from,omitempty"`
	ValidUntil        string        `json:"valid_until,omitempty"`
	ObservationPeriod string        `json:"observation_period,omitempty"`
	Regions           []string      `json:"regions,omitempty"`
	ResourceTypes     []string      `json:"resource_types,omitempty"`
	ListedOnly        bool          `json:"listed_only,omitempty"`
	Note              string        `json:"note,omitempty"`
	Standing          verdictRecord `json:"standing"` // the fact's own outcome on the listing's date
	Fact              factRecord    `json:"fact"`
}

type providerListing struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Registry []string         `json:"registry"`
	File     string           `json:"file"`
	Local    bool             `json:"local,omitempty"`
	Location *locationListing `json:"location,omitempty"`
	Global   []globalListing  `json:"global_services,omitempty"`
	Offering offeringListing  `json:"offering"`
	Variants []variantListing `json:"variants,omitempty"`
}

type locationListing struct {
	ResourceAttributes []string          `json:"resource_attributes"`
	ProviderAttributes []string          `json:"provider_attributes"`
	ParentAttributes   []string          `json:"parent_attributes,omitempty"`
	ValuePatterns      map[string]string `json:"value_patterns,omitempty"`
	ZonePatterns       []string          `json:"zone_patterns,omitempty"`
	Env                []string          `json:"env,omitempty"`
}

type globalListing struct {
	Name          string     `json:"name"`
	ResourceTypes []string   `json:"resource_types"`
	Note          string     `json:"note,omitempty"`
	Fact          factRecord `json:"fact"`
}

type variantListing struct {
	ID             string          `json:"id"`
	Name           string          `json:"name"`
	When           matchRecord     `json:"when"`
	InheritRegions bool            `json:"inherit_regions,omitempty"`
	Offering       offeringListing `json:"offering"`
}

type matchRecord struct {
	Attribute     string   `json:"attribute,omitempty"`
	Equals        []string `json:"equals,omitempty"`
	NotIn         []string `json:"not_in,omitempty"`
	Matches       string   `json:"matches,omitempty"`
	RegionPattern string   `json:"region_pattern,omitempty"`
	Description   string   `json:"description"`
}

type offeringListing struct {
	Operator    *operatorRecord `json:"operator,omitempty"`
	SecNumCloud *statusRecord   `json:"secnumcloud,omitempty"`
	Offers      []offerRecord   `json:"offers,omitempty"`
	// Certifications are what other schemes than SecNumCloud say of
	// the offering.
	Certifications []certificationRecord `json:"certifications,omitempty"`
	DefaultRegion  string                `json:"default_region,omitempty"`
	Regions        []regionListing       `json:"regions,omitempty"`
}

type operatorRecord struct {
	Name           string        `json:"name"`
	Country        string        `json:"country,omitempty"`
	Parent         string        `json:"parent,omitempty"`
	ParentCountry  string        `json:"parent_country,omitempty"`
	EULegalControl string        `json:"eu_legal_control"`
	Laws           []string      `json:"laws,omitempty"`
	Note           string        `json:"note,omitempty"`
	Verdict        verdictRecord `json:"verdict"`
	Fact           factRecord    `json:"fact"`
}

type statusRecord struct {
	Status string     `json:"status"`
	Note   string     `json:"note,omitempty"`
	Fact   factRecord `json:"fact"`
}

type offerRecord struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Status        string     `json:"status"`
	Regions       []string   `json:"regions,omitempty"`
	ResourceTypes []string   `json:"resource_types,omitempty"`
	QualifiedFrom string     `json:"qualified_from,omitempty"`
	ValidUntil    string     `json:"valid_until,omitempty"`
	Decision      string     `json:"decision,omitempty"`
	ListedOnly    bool       `json:"listed_only,omitempty"`
	Note          string     `json:"note,omitempty"`
	Stale         string     `json:"stale,omitempty"`
	Fact          factRecord `json:"fact"`
	// Certifications are what other schemes say of the offer.
	Certifications []certificationRecord `json:"certifications,omitempty"`
}

type regionListing struct {
	Code      string         `json:"code"`
	Name      string         `json:"name,omitempty"`
	Countries []string       `json:"countries"`
	Zones     []string       `json:"zones,omitempty"`
	Aliases   []string       `json:"aliases,omitempty"`
	Global    bool           `json:"global,omitempty"`
	Note      string         `json:"note,omitempty"`
	Fact      factRecord     `json:"fact"`
	Verdicts  regionVerdicts `json:"verdicts"`
}

type regionVerdicts struct {
	EUResidency    verdictRecord  `json:"eu_residency"`
	EULegalControl verdictRecord  `json:"eu_legal_control"`
	SecNumCloud    []offerVerdict `json:"secnumcloud"`
}

type offerVerdict struct {
	Offer string `json:"offer,omitempty"` // "" for services no offer covers
	verdictRecord
}

type verdictRecord struct {
	Outcome string     `json:"outcome"`
	Reason  string     `json:"reason,omitempty"`
	Fact    factRecord `json:"fact"`
}

type factRecord struct {
	Sources  []string `json:"sources"`
	AsOf     string   `json:"as_of"`
	Verified string   `json:"verified"`
}

type sourceRecord struct {
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Repo   string `json:"repo,omitempty"`
	Path   string `json:"path,omitempty"`
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date"`
	Note   string `json:"note,omitempty"`
}

// newCatalogListing evaluates the listed providers at now: every region of
// every offering with its three verdicts, and the sources behind them.
// whole lists the certification schemes too.
func newCatalogListing(cat *providers.Catalog, list []*providers.Provider, whole bool, now time.Time, res providers.ResidencyPolicy) catalogListing {
	l := catalogListing{
		Version: cat.Version, Origin: cat.Origin, AsOf: cat.AsOf, Date: now.Format(time.DateOnly), Residency: res.Name,
		Warnings: []string{}, Sources: map[string]sourceRecord{},
	}
	if st, stale := cat.StaleData(now); stale {
		l.Warnings = append(l.Warnings, st.Message)
	}
	cite := func(f providers.Fact) factRecord {
		citeSources(l.Sources, cat, f.Sources)
		return factRecord{Sources: slices.Clone(f.Sources), AsOf: f.AsOf, Verified: f.Verified}
	}
	verdict := func(v providers.Verdict) verdictRecord {
		return verdictRecord{Outcome: v.Outcome.String(), Reason: v.Reason, Fact: cite(v.Fact)}
	}
	offering := func(p *providers.Provider, v *providers.Variant) offeringListing {
		o := &p.Offering
		if v != nil {
			o = &v.Offering
		}
		ol := offeringListing{DefaultRegion: o.DefaultRegion}
		if op := o.Operator; op != nil {
			pr := p.Profile(providers.ProfileQuery{Variant: v, Now: now, Residency: res})
			ol.Operator = &operatorRecord{
				Name: op.Name, Country: op.Country, Parent: op.Parent, ParentCountry: op.ParentCountry,
				EULegalControl: op.EULegalControl, Laws: op.Laws, Note: op.Note,
				Verdict: verdict(pr.LegalControl), Fact: cite(op.Fact),
			}
		}
		if st := o.SecNumCloud; st != nil {
			ol.SecNumCloud = &statusRecord{Status: st.Status, Note: st.Note, Fact: cite(st.Fact)}
		}
		holder := p.Name
		if v != nil {
			holder = v.Name
		}
		certification := func(c *providers.Certification) certificationRecord {
			rec := certificationRecord{
				ID: c.ID, Scheme: c.Scheme, Level: c.Level, Status: c.Status, SchemeVersion: c.SchemeVersion,
				Issuer: c.Issuer, RegisterURL: c.RegisterURL, CertificateID: c.CertificateID,
				ValidFrom: c.ValidFrom, ValidUntil: c.ValidUntil, Regions: c.Regions, ResourceTypes: c.ResourceTypes,
				ListedOnly: c.ListedOnly, Note: c.Note,
				Standing: verdict(c.Standing(cat.Scheme(c.Scheme), holder, now)), Fact: cite(c.Fact),
			}
			if c.ObservationFrom != "" {
				rec.ObservationPeriod = c.ObservationFrom + "/" + c.ObservationUntil
			}
			return rec
		}
		for _, c := range o.Certifications {
			ol.Certifications = append(ol.Certifications, certification(c))
		}
		for _, off := range o.Offers {
			rec := offerRecord{
				ID: off.ID, Name: off.Name, Status: off.Status, Regions: off.Regions, ResourceTypes: off.ResourceTypes,
				QualifiedFrom: off.QualifiedFrom, ValidUntil: off.ValidUntil, Decision: off.Decision,
				ListedOnly: off.ListedOnly, Note: off.Note, Fact: cite(off.Fact),
			}
			for _, c := range off.Certifications {
				rec.Certifications = append(rec.Certifications, certification(c))
			}
			if st, stale := off.StaleQualification(now); stale {
				rec.Stale = st.Message
				l.Warnings = append(l.Warnings, st.Message)
			}
			ol.Offers = append(ol.Offers, rec)
		}
		for _, r := range o.Regions {
			sum := p.Summarize(v, r, now, res)
			rl := regionListing{
				Code: r.Code, Name: r.Name, Countries: r.Countries, Zones: r.Zones, Aliases: r.Aliases,
				Global: r.Global, Note: r.Note, Fact: cite(r.Fact),
				Verdicts: regionVerdicts{EUResidency: verdict(sum.Residency), EULegalControl: verdict(sum.LegalControl)},
			}
			if rl.Countries == nil {
				rl.Countries = []string{}
			}
			for _, ov := range sum.SecNumCloud {
				rec := offerVerdict{verdictRecord: verdict(ov.Verdict)}
				if ov.Offer != nil {
					rec.Offer = ov.Offer.ID
				}
				rl.Verdicts.SecNumCloud = append(rl.Verdicts.SecNumCloud, rec)
			}
			ol.Regions = append(ol.Regions, rl)
		}
		return ol
	}
	for _, p := range list {
		pl := providerListing{ID: p.ID, Name: p.Name, Registry: p.Registry, File: p.File, Local: p.Local}
		if !p.Local {
			pl.Location = &locationListing{
				ResourceAttributes: nonNil(p.Location.ResourceAttributes), ProviderAttributes: nonNil(p.Location.ProviderAttributes),
				ParentAttributes: p.Location.ParentAttributes,
				ValuePatterns:    p.Location.ValuePatterns, ZonePatterns: p.Location.ZonePatterns, Env: p.Location.Env,
			}
			pl.Offering = offering(p, nil)
		}
		for _, g := range p.Global {
			pl.Global = append(pl.Global, globalListing{Name: g.Name, ResourceTypes: g.ResourceTypes, Note: g.Note, Fact: cite(g.Fact)})
		}
		for _, v := range p.Variants {
			m := v.When
			pl.Variants = append(pl.Variants, variantListing{
				ID: v.ID, Name: v.Name, InheritRegions: v.InheritRegions,
				When: matchRecord{
					Attribute: m.Attribute, Equals: m.Equals, NotIn: m.NotIn, Matches: m.Matches,
					RegionPattern: m.RegionPattern, Description: m.Describe(),
				},
				Offering: offering(p, v),
			})
		}
		l.Providers = append(l.Providers, pl)
	}
	if whole {
		for _, sc := range cat.Schemes() {
			sl := schemeListing{
				ID: sc.ID, Name: sc.Name, Country: sc.Country, Grades: sc.Grades, Issuer: sc.Issuer, RegisterURL: sc.RegisterURL,
				Versions: sc.Versions, RequiresValidity: sc.RequiresValidity, Note: sc.Note, Fact: cite(sc.Fact),
			}
			for _, ld := range sc.Ladders {
				sl.Ladders = append(sl.Ladders, ladderRecord{Name: ld.Name, Levels: ld.Levels})
			}
			l.Schemes = append(l.Schemes, sl)
		}
	}
	return l
}

// citeSources records in dst the sources of cat that keys name; a key the
// catalog does not have is left out.
func citeSources(dst map[string]sourceRecord, cat *providers.Catalog, keys []string) {
	for _, k := range keys {
		if src := cat.Sources[k]; src != nil {
			dst[k] = sourceRecord{Title: src.Title, URL: src.URL, Repo: src.Repo, Path: src.Path, Commit: src.Commit, Date: src.Date, Note: src.Note}
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// printListing writes the text form: one line per fact, each ending with
// its provenance, and the sources cited at the end.
func printListing(out io.Writer, l catalogListing) error {
	bw := bufio.NewWriter(out)
	w := escapingWriter{bw}
	fmt.Fprintf(w, "sovlint catalog %s (%s): facts as of %s; verdicts on %s for residency in the %s\n", l.Version, l.Origin, l.AsOf, l.Date, l.Residency)
	for _, wn := range l.Warnings {
		fmt.Fprintf(w, "warning: %s\n", wn)
	}
	for _, p := range l.Providers {
		fmt.Fprintf(w, "\n%s  %s  [%s]  (%s)\n", p.ID, p.Name, strings.Join(p.Registry, ", "), p.File)
		if p.Local {
			fmt.Fprintln(w, "  creates nothing remote: not checked")
			continue
		}
		if loc := p.Location; loc != nil {
			fmt.Fprintf(w, "  location from: %s\n", locationText(loc))
		}
		for _, g := range p.Global {
			fmt.Fprintf(w, "  global service: %s (%s)  %s\n", g.Name, strings.Join(g.ResourceTypes, ", "), factText(g.Fact))
		}
		printOffering(w, "  ", p.Offering)
		for _, v := range p.Variants {
			fmt.Fprintf(w, "  variant %s: %s, when %s\n", v.ID, v.Name, v.When.Description)
			printOffering(w, "    ", v.Offering)
			if v.InheritRegions {
				fmt.Fprintln(w, "    regions: those of the base offering")
			}
		}
	}
	if len(l.Schemes) > 0 {
		fmt.Fprintln(w, "\ncertification schemes (policy: certifications = [\"scheme\" or \"scheme:minimum-level\"])")
		for _, sc := range l.Schemes {
			var levels []string
			for _, ld := range sc.Ladders {
				levels = append(levels, ld.Name+" "+strings.Join(ld.Levels, " < "))
			}
			if len(levels) == 0 {
				levels = []string{"no levels"}
			}
			fmt.Fprintf(w, "  %s: %s (%s; grades %s): %s  %s\n", sc.ID, sc.Name, sc.Country, sc.Grades, strings.Join(levels, "; "), factText(sc.Fact))
		}
	}
	if len(l.Sources) > 0 {
		fmt.Fprintln(w, "\nsources")
		for _, k := range slices.Sorted(maps.Keys(l.Sources)) {
			src := l.Sources[k]
			fmt.Fprintf(w, "  %s: %s (%s)\n", k, sourceText(src), src.Date)
		}
	}
	return bw.Flush()
}

// escapingWriter passes the text written to it through report.Escape: the
// catalog printers write a bundle's or a .sovlint.hcl's values (names,
// notes, patterns, sources), and a control character among them must not
// reach a terminal. Each fmt.Fprint* call is one Write of its whole text,
// so no character is split across two; the printers' own text has no
// character Escape rewrites, and clean values come out byte for byte.
type escapingWriter struct{ w io.Writer }

func (e escapingWriter) Write(p []byte) (int, error) {
	s := string(p)
	es := report.Escape(s)
	if es == s {
		return e.w.Write(p)
	}
	if _, err := io.WriteString(e.w, es); err != nil {
		return 0, err
	}
	return len(p), nil
}

func printOffering(w io.Writer, indent string, o offeringListing) {
	if op := o.Operator; op != nil {
		who := op.Name
		if op.Country != "" {
			who += " (" + op.Country + ")"
		}
		if op.Parent != "" {
			who += " → " + op.Parent
			if op.ParentCountry != "" {
				who += " (" + op.ParentCountry + ")"
			}
		}
		fmt.Fprintf(w, "%soperator: %s; EU legal control: %s  %s\n", indent, who, op.EULegalControl, factText(op.Fact))
	}
	for _, off := range o.Offers {
		var scope []string
		if len(off.Regions) > 0 {
			scope = append(scope, "in "+strings.Join(off.Regions, ", "))
		}
		if len(off.ResourceTypes) > 0 {
			scope = append(scope, "for "+strings.Join(off.ResourceTypes, ", "))
		}
		if off.ValidUntil != "" {
			scope = append(scope, off.QualifiedFrom+" → "+off.ValidUntil)
		}
		if off.Decision != "" {
			scope = append(scope, "decision "+off.Decision)
		}
		if off.ListedOnly {
			scope = append(scope, "listed only: no resource is recognized as part of it")
		}
		fmt.Fprintf(w, "%soffer %s: %s, %s (%s)  %s\n", indent, off.ID, off.Status, off.Name, strings.Join(scope, "; "), factText(off.Fact))
		if off.Stale != "" {
			// The full text (with a lapse's renewal block) is among the
			// warnings at the top; here its first line is enough.
			first, _, _ := strings.Cut(off.Stale, "\n")
			fmt.Fprintf(w, "%s  warning: %s\n", indent, first)
		}
		for _, c := range off.Certifications {
			printCertification(w, indent+"  ", c)
		}
	}
	for _, c := range o.Certifications {
		printCertification(w, indent, c)
	}
	if st := o.SecNumCloud; st != nil {
		fmt.Fprintf(w, "%sSecNumCloud of other services: %s  %s\n", indent, st.Status, factText(st.Fact))
	}
	if o.DefaultRegion != "" {
		fmt.Fprintf(w, "%sdefault region (no location argument): %s\n", indent, o.DefaultRegion)
	}
	for _, r := range o.Regions {
		where := strings.Join(r.Countries, ",")
		if r.Global {
			where = "global"
		}
		name := ""
		if r.Name != "" {
			name = " " + r.Name
		}
		var snc []string
		for _, v := range r.Verdicts.SecNumCloud {
			label := "other services"
			if v.Offer != "" {
				label = v.Offer
			}
			snc = append(snc, label+" "+v.Outcome)
		}
		fmt.Fprintf(w, "%sregion %s %s%s: residency %s, legal control %s, SecNumCloud %s  %s\n",
			indent, r.Code, where, name, r.Verdicts.EUResidency.Outcome, r.Verdicts.EULegalControl.Outcome, strings.Join(snc, ", "), factText(r.Fact))
	}
}

// printCertification writes one certification fact with its scope, its
// standing on the listing's date and its provenance.
func printCertification(w io.Writer, indent string, c certificationRecord) {
	what := c.Scheme
	if c.Level != "" {
		what += " " + c.Level
	}
	var details []string
	if c.SchemeVersion != "" {
		details = append(details, c.SchemeVersion)
	}
	if len(c.Regions) > 0 {
		details = append(details, "in "+strings.Join(c.Regions, ", "))
	}
	if len(c.ResourceTypes) > 0 {
		details = append(details, "for "+strings.Join(c.ResourceTypes, ", "))
	}
	if c.ValidFrom != "" || c.ValidUntil != "" {
		details = append(details, c.ValidFrom+" → "+c.ValidUntil)
	}
	if c.ObservationPeriod != "" {
		details = append(details, "observed "+c.ObservationPeriod)
	}
	if c.CertificateID != "" {
		details = append(details, "certificate "+c.CertificateID)
	}
	if c.ListedOnly {
		details = append(details, "listed only: no resource is recognized as part of it")
	}
	scope := ""
	if len(details) > 0 {
		scope = " (" + strings.Join(details, "; ") + ")"
	}
	fmt.Fprintf(w, "%scertification %s: %s%s, status %s, standing %s  %s\n", indent, c.ID, what, scope, c.Status, c.Standing.Outcome, factText(c.Fact))
}

func locationText(loc *locationListing) string {
	var parts []string
	if len(loc.ResourceAttributes) > 0 {
		parts = append(parts, "resource "+strings.Join(loc.ResourceAttributes, ", "))
	}
	if len(loc.ParentAttributes) > 0 {
		parts = append(parts, "the parent resource referenced by "+strings.Join(loc.ParentAttributes, ", "))
	}
	if len(loc.ProviderAttributes) > 0 {
		parts = append(parts, "provider "+strings.Join(loc.ProviderAttributes, ", "))
	}
	if len(loc.Env) > 0 {
		parts = append(parts, "environment "+strings.Join(loc.Env, ", ")+" (not read)")
	}
	if len(parts) == 0 {
		return "nothing in the configuration"
	}
	return strings.Join(parts, "; ")
}

func factText(f factRecord) string {
	return fmt.Sprintf("[%s; as of %s; %s]", strings.Join(f.Sources, ", "), f.AsOf, f.Verified)
}

func sourceText(s sourceRecord) string {
	var ref string
	switch {
	case s.URL != "":
		ref = s.URL
	case s.Repo != "":
		ref = s.Repo
		if s.Commit != "" {
			ref += "@" + s.Commit[:min(len(s.Commit), 12)]
		}
		if s.Path != "" {
			ref += ":" + s.Path
		}
	}
	switch {
	case s.Title != "" && ref != "":
		return s.Title + ", " + ref
	case s.Title != "":
		return s.Title
	}
	return ref
}
