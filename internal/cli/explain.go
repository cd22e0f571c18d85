package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

func newExplain(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:               "explain [RULE|SCHEME|PRESET]",
		Short:             "Print a rule's rationale and remediation, a certification scheme's levels, or a policy preset (no argument lists them)",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRules,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, r := range rules.All {
					fmt.Fprintf(s.Out, "%s  %-22s %-8s %s\n", r.ID, r.Name, r.Severity, r.Summary)
				}
				var schemes []string
				for _, sc := range providers.Default().Schemes() {
					schemes = append(schemes, sc.ID)
				}
				fmt.Fprintf(s.Out, "\ncertification schemes: %s\npresets: %s\n", strings.Join(schemes, ", "), presetList())
				return nil
			}
			if r := rules.ByID(args[0]); r != nil {
				fmt.Fprint(s.Out, r.Doc())
				fmt.Fprintf(s.Out, "\nDefault severity: %s\nRemediation: %s\nDocumentation: %s\n", r.Severity, r.Remediation, r.URL())
				return nil
			}
			if p := settings.PresetByName(args[0]); p != nil {
				printPreset(s.Out, p)
				return nil
			}
			// Schemes may come from the configuration's catalog extension.
			set, err := settings.Load(settings.Flags{FirstInput: ".", FailOn: "notice"})
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			if sc := set.Catalog.Scheme(args[0]); sc != nil {
				printScheme(s.Out, set.Catalog, sc)
				return nil
			}
			ids := make([]string, len(rules.All))
			for i, r := range rules.All {
				ids[i] = r.ID
			}
			var schemes []string
			for _, sc := range set.Catalog.Schemes() {
				schemes = append(schemes, sc.ID)
			}
			return usageError("%q is no rule (%s), certification scheme (%s) or preset (%s)", args[0], strings.Join(ids, ", "), strings.Join(schemes, ", "), presetList())
		},
	}
}

func presetList() string {
	names := make([]string, len(settings.Presets))
	for i, p := range settings.Presets {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func printPreset(w io.Writer, p *settings.Preset) {
	fmt.Fprintf(w, "preset %s\n", p.Name)
	fmt.Fprintf(w, "From: %s\n", p.Law)
	fmt.Fprintf(w, "Residency: %s\n", strings.Join(p.Residency, ", "))
	fmt.Fprintf(w, "Certifications: %s\n", strings.Join(p.Certifications, ", "))
	fmt.Fprintf(w, "Rules of the sensitive level (and of unknown classifications): %s, and those the certifications call for (SOV001 for secnumcloud, SOV007 for the others)\n", strings.Join(p.Rules, ", "))
	fmt.Fprintf(w, "Use: policy { preset = %q }; residency, certifications and level blocks change it\n", p.Name)
	fmt.Fprintln(w, "Documentation: https://github.com/sovlint/sovlint/blob/main/docs/schemes.md")
}

func printScheme(w io.Writer, cat *providers.Catalog, sc *providers.Scheme) {
	fmt.Fprintf(w, "%s: %s (%s)\n", sc.ID, sc.Name, sc.Country)
	fmt.Fprintf(w, "Grades: %s", sc.Grades)
	if sc.Grades == providers.GradesSecurity {
		fmt.Fprint(w, " (a security attestation: it never makes EU legal control pass)")
	}
	fmt.Fprintln(w)
	if sc.Issuer != "" {
		fmt.Fprintf(w, "Issuer: %s\n", sc.Issuer)
	}
	if sc.RegisterURL != "" {
		fmt.Fprintf(w, "Register: %s\n", sc.RegisterURL)
	}
	if len(sc.Ladders) == 0 {
		fmt.Fprintln(w, "Levels: none")
	}
	for _, l := range sc.Ladders {
		fmt.Fprintf(w, "Levels (%s, lowest first): %s\n", l.Name, strings.Join(l.Levels, " < "))
	}
	if len(sc.Versions) > 0 {
		fmt.Fprintf(w, "Versions: %s\n", strings.Join(sc.Versions, ", "))
	}
	if sc.RequiresValidity {
		fmt.Fprintln(w, "Certificates expire: a certified fact passes only with its valid_until date, and not after it")
	}
	if sc.Note != "" {
		fmt.Fprintf(w, "Note: %s\n", sc.Note)
	}
	fmt.Fprintln(w, "Sources:")
	for _, k := range sc.Sources {
		if src := cat.Sources[k]; src != nil {
			fmt.Fprintf(w, "  %s: %s, %s (%s)\n", k, src.Title, src.Citation(), src.Date)
		}
	}
	fmt.Fprintf(w, "  as of %s, %s\n", sc.AsOf, sc.Verified)
	var presets []string
	for _, p := range settings.Presets {
		for _, c := range p.Certifications {
			if id, _, _ := strings.Cut(c, ":"); id == sc.ID {
				presets = append(presets, fmt.Sprintf("%s (%s)", p.Name, c))
			}
		}
	}
	if len(presets) > 0 {
		fmt.Fprintf(w, "Presets: %s\n", strings.Join(presets, ", "))
	}
	example := sc.ID
	if lv := sc.Levels(); len(lv) > 0 {
		example += ":" + lv[len(sc.Ladders[0].Levels)-1]
	}
	rule := rules.MissingCertification.ID
	if sc.ID == providers.SchemeSecNumCloud {
		rule = rules.NotSecNumCloud.ID
	}
	fmt.Fprintf(w, "Require it: policy { certifications = [%q] } (checked by %s; `sovlint providers` lists who holds it)\n", example, rule)
}
