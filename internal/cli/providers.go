package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/providers"
)

func newProviders(s *Streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "providers [ID]",
		Short: "List the sovereignty catalog: providers, operators, regions, SecNumCloud offers and their sources",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			cat := providers.Default()
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
			switch format {
			case "json":
				enc := json.NewEncoder(s.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(providersJSON(cat, list))
			case "text":
				printProviders(s.Out, cat, list, len(args) == 1)
				return nil
			}
			return usageError("--format: want text or json, not %q", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text|json")
	return cmd
}

func printProviders(w io.Writer, cat *providers.Catalog, list []*providers.Provider, detail bool) {
	fmt.Fprintf(w, "sovlint catalog, facts as of %s\n\n", cat.AsOf)
	for _, p := range list {
		fmt.Fprintf(w, "%s  %s  [%s]\n", p.ID, p.Name, strings.Join(p.Registry, ", "))
		if p.Local {
			fmt.Fprintf(w, "  creates nothing remote: not checked\n\n")
			continue
		}
		printOffering(w, cat, &p.Offering, "  ", detail)
		for _, v := range p.Variants {
			cond := v.When.RegionPattern
			if v.When.Attribute != "" {
				cond = v.When.Attribute + " in " + strings.Join(v.When.Equals, ", ")
				if len(v.When.NotIn) > 0 {
					cond = v.When.Attribute + " not in " + strings.Join(v.When.NotIn, ", ")
				}
			} else {
				cond = "region matches " + cond
			}
			fmt.Fprintf(w, "  variant %s: %s (when %s)\n", v.ID, v.Name, cond)
			printOffering(w, cat, &v.Offering, "    ", detail)
		}
		fmt.Fprintln(w)
	}
}

func printOffering(w io.Writer, cat *providers.Catalog, o *providers.Offering, indent string, detail bool) {
	if op := o.Operator; op != nil {
		who := fmt.Sprintf("%s (%s)", op.Name, op.Country)
		if op.Parent != "" {
			who += fmt.Sprintf(" → %s (%s)", op.Parent, op.ParentCountry)
		}
		fmt.Fprintf(w, "%soperator: %s; EU legal control: %s  %s\n", indent, who, op.EULegalControl, factNote(cat, op.Fact))
	}
	for _, off := range o.Offers {
		scope := ""
		if len(off.Regions) > 0 {
			scope = " in " + strings.Join(off.Regions, ", ")
		}
		valid := ""
		if off.ValidUntil != "" {
			valid = fmt.Sprintf(", %s → %s", off.QualifiedFrom, off.ValidUntil)
		}
		fmt.Fprintf(w, "%sSecNumCloud %s: %s%s%s  %s\n", indent, off.Status, off.Name, scope, valid, factNote(cat, off.Fact))
	}
	if s := o.SecNumCloud; s != nil {
		fmt.Fprintf(w, "%sSecNumCloud otherwise: %s  %s\n", indent, s.Status, factNote(cat, s.Fact))
	}
	if len(o.Regions) == 0 {
		return
	}
	if !detail {
		codes := make([]string, 0, len(o.Regions))
		for _, r := range o.Regions {
			codes = append(codes, r.Code+" "+r.Country())
		}
		fmt.Fprintf(w, "%sregions: %s\n", indent, strings.Join(codes, ", "))
		return
	}
	for _, r := range o.Regions {
		name := ""
		if r.Name != "" {
			name = " " + r.Name
		}
		fmt.Fprintf(w, "%sregion %-24s %-6s%s  %s\n", indent, r.Code, r.Country(), name, factNote(cat, r.Fact))
	}
}

func factNote(cat *providers.Catalog, f providers.Fact) string {
	return fmt.Sprintf("[%s; as of %s; %s]", strings.Join(f.Sources, ", "), f.AsOf, f.Verified)
}

// The JSON shape of `sovlint providers --format json`.

type jsonCatalog struct {
	AsOf      string                       `json:"as_of"`
	Providers []jsonProvider               `json:"providers"`
	Sources   map[string]*providers.Source `json:"sources"`
}

type jsonProvider struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Registry []string       `json:"registry"`
	Local    bool           `json:"local,omitempty"`
	Offering jsonOffering   `json:"offering"`
	Variants []jsonVariant  `json:"variants,omitempty"`
	Location map[string]any `json:"location,omitempty"`
}

type jsonVariant struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	When     providers.Match `json:"when"`
	Offering jsonOffering    `json:"offering"`
}

type jsonOffering struct {
	Operator    *providers.Operator `json:"operator,omitempty"`
	SecNumCloud *providers.Status   `json:"secnumcloud,omitempty"`
	Offers      []*providers.Offer  `json:"offers,omitempty"`
	Regions     []*providers.Region `json:"regions,omitempty"`
	Default     string              `json:"default_region,omitempty"`
}

func offeringJSON(o *providers.Offering) jsonOffering {
	return jsonOffering{Operator: o.Operator, SecNumCloud: o.SecNumCloud, Offers: o.Offers, Regions: o.Regions, Default: o.DefaultRegion}
}

func providersJSON(cat *providers.Catalog, list []*providers.Provider) jsonCatalog {
	out := jsonCatalog{AsOf: cat.AsOf, Sources: map[string]*providers.Source{}}
	for _, p := range list {
		jp := jsonProvider{ID: p.ID, Name: p.Name, Registry: p.Registry, Local: p.Local, Offering: offeringJSON(&p.Offering)}
		if !p.Local {
			jp.Location = map[string]any{
				"resource_attributes": p.Location.ResourceAttributes,
				"provider_attributes": p.Location.ProviderAttributes,
				"env":                 p.Location.Env,
			}
		}
		for _, v := range p.Variants {
			jp.Variants = append(jp.Variants, jsonVariant{ID: v.ID, Name: v.Name, When: v.When, Offering: offeringJSON(&v.Offering)})
		}
		out.Providers = append(out.Providers, jp)
	}
	for k, s := range cat.Sources {
		out.Sources[k] = s
	}
	return out
}
