package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sovlint/sovlint/providers"
)

// The JSON shape of `sovlint providers --summary --format json`. Fields
// are added, never renamed or removed.

type catalogSummary struct {
	Version   string            `json:"version"`
	Origin    string            `json:"origin"`
	AsOf      string            `json:"as_of"`
	Date      string            `json:"date"`
	Residency string            `json:"residency"`
	Providers []providerSummary `json:"providers"`
}

type providerSummary struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Local    bool   `json:"local,omitempty"`
	Operator string `json:"operator,omitempty"`
	// Jurisdiction is the operator's country and the extraterritorial
	// laws it is exposed to.
	Jurisdiction   string   `json:"jurisdiction,omitempty"`
	Laws           []string `json:"laws,omitempty"`
	EULegalControl string   `json:"eu_legal_control,omitempty"`
	// LegalControl is the verdict, which an unverified "yes" does not pass.
	LegalControl string         `json:"legal_control_verdict,omitempty"`
	Qualified    []offerSummary `json:"qualified_offers"`
	Regions      int            `json:"regions"`
	Variants     int            `json:"variants,omitempty"`
}

type offerSummary struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Decision   string `json:"decision,omitempty"`
	ValidUntil string `json:"valid_until,omitempty"`
	Lapsed     bool   `json:"lapsed,omitempty"`
	ListedOnly bool   `json:"listed_only,omitempty"`
}

// newCatalogSummary sums up the listed providers at now: the base
// offering's operator, the qualified offers of the base and the variants,
// and the regions of both.
func newCatalogSummary(cat *providers.Catalog, list []*providers.Provider, now time.Time, res providers.ResidencyPolicy) catalogSummary {
	sum := catalogSummary{Version: cat.Version, Origin: cat.Origin, AsOf: cat.AsOf, Date: now.Format(time.DateOnly), Residency: res.Name, Providers: []providerSummary{}}
	for _, p := range list {
		ps := providerSummary{ID: p.ID, Name: p.Name, Local: p.Local, Qualified: []offerSummary{}, Variants: len(p.Variants)}
		if op := p.Operator; op != nil {
			ps.Operator = op.Name
			ps.Jurisdiction = cmp.Or(op.Country, "?")
			if op.ParentCountry != "" && op.ParentCountry != op.Country {
				ps.Jurisdiction += ", control " + op.ParentCountry
			}
			ps.Laws = op.Laws
			ps.EULegalControl = op.EULegalControl
			ps.LegalControl = p.Profile(providers.ProfileQuery{Now: now, Residency: res}).LegalControl.Outcome.String()
		}
		type named struct {
			prefix string
			o      *providers.Offering
		}
		offerings := []named{{"", &p.Offering}}
		for _, v := range p.Variants {
			offerings = append(offerings, named{v.ID + "/", &v.Offering})
		}
		for _, o := range offerings {
			ps.Regions += len(o.o.Regions)
			for _, off := range o.o.Offers {
				if off.Status != providers.StatusQualified {
					continue
				}
				st, _ := off.StaleQualification(now)
				ps.Qualified = append(ps.Qualified, offerSummary{
					ID: o.prefix + off.ID, Name: off.Name, Decision: off.Decision, ValidUntil: off.ValidUntil,
					Lapsed: st.Lapsed, ListedOnly: off.ListedOnly,
				})
			}
		}
		sum.Providers = append(sum.Providers, ps)
	}
	return sum
}

// printSummary writes one line per provider, in columns.
func printSummary(out io.Writer, format string, sum catalogSummary) error {
	if format == "json" {
		return writeJSON(out, sum)
	}
	fmt.Fprintf(escapingWriter{out}, "sovlint catalog %s (%s): facts as of %s; verdicts on %s\n\n", sum.Version, sum.Origin, sum.AsOf, sum.Date)
	tab := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	tw := escapingWriter{tab}
	fmt.Fprintln(tw, "PROVIDER\tOPERATOR\tJURISDICTION\tEU CONTROL\tREGIONS\tQUALIFIED OFFERS")
	for _, p := range sum.Providers {
		if p.Local {
			fmt.Fprintf(tw, "%s\t(creates nothing remote)\t-\t-\t0\t-\n", p.ID)
			continue
		}
		control := p.EULegalControl
		if p.LegalControl != "" && p.LegalControl != verdictFor(p.EULegalControl) {
			control += " (" + p.LegalControl + ")" // an unverified yes
		}
		jurisdiction := p.Jurisdiction
		if len(p.Laws) > 0 {
			jurisdiction += " (non-EU law)"
		}
		var offers []string
		for _, o := range p.Qualified {
			o2 := o.ID
			if o.Decision != "" {
				o2 += " #" + o.Decision
			}
			switch {
			case o.Lapsed:
				o2 += " lapsed " + o.ValidUntil
			case o.ValidUntil != "":
				o2 += " to " + o.ValidUntil
			}
			if o.ListedOnly {
				o2 += " (listed only)"
			}
			offers = append(offers, o2)
		}
		qualified := strings.Join(offers, ", ")
		if qualified == "" {
			qualified = "none"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", p.ID, p.Operator, jurisdiction, control, p.Regions, qualified)
	}
	return tab.Flush()
}

// verdictFor is the verdict an EU legal control value gives when its fact
// is verified.
func verdictFor(control string) string {
	switch control {
	case providers.ControlYes:
		return providers.Pass.String()
	case providers.ControlNo:
		return providers.Fail.String()
	}
	return providers.Unknown.String()
}

// writeJSON writes v as indented JSON, as the catalog commands print it:
// URLs and names keep their characters (no HTML escaping).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
