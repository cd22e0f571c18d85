package engine

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/settings"
)

// resourceRow is what parity compares of a resource: everything a finding
// or the JSON inventory shows.
type resourceRow struct {
	Address, ConfigAddress, Type, Provider, ProviderConfig string
	Region, Zone, Country, Classification                  string
	Global                                                 bool
	Source, Attribute, Unresolved, Unexpanded              string
	Via                                                    []string
	Range, LocationRange                                   hcl.Range
}

func rows(rep *scanned) []resourceRow {
	var out []resourceRow
	for _, a := range rep.Assessments {
		r := a.Resource
		out = append(out, resourceRow{
			Address: r.Address, ConfigAddress: r.ConfigAddress, Type: r.Type,
			Provider: r.Provider, ProviderConfig: r.ProviderConfig,
			Region: r.Location.Region, Zone: r.Location.Zone, Country: r.Location.Country,
			Classification: r.Classification.Level, Global: r.Location.Global,
			Source: string(r.Location.Source.Kind), Attribute: r.Location.Source.Attribute,
			Unresolved: r.Location.Unresolved, Unexpanded: r.Unexpanded,
			Via: r.Location.Source.Via, Range: r.Range, LocationRange: r.Location.Source.Range,
		})
	}
	return out
}

var parityDay = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func scanFor(t *testing.T, in Input, src SourceOptions) *scanned {
	t.Helper()
	rep, err := runScan(t, []Input{in}, Options{Settings: settings.Default(parityDay), Sources: src})
	if err != nil {
		t.Fatalf("scan %s: %v", in.Path, err)
	}
	return rep
}

// TestParity checks, for every case Terraform planned from its sources,
// that scanning the sources and scanning the plan give the same resources,
// locations, classifications and findings, down to the file and line when
// the plan is given its sources.
func TestParity(t *testing.T) {
	cases, err := filepath.Glob("../../testdata/plans/*/plan.json")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no parity cases found: %v", err)
	}
	for _, planFile := range cases {
		dir := filepath.Dir(planFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fromSources := scanFor(t, Input{Path: dir}, SourceOptions{})
			fromPlan := scanFor(t, Input{Path: planFile}, SourceOptions{PlanDir: dir})
			if len(fromSources.Assessments) == 0 {
				t.Fatal("the sources gave no resources")
			}
			if diff := cmp.Diff(rows(fromPlan), rows(fromSources)); diff != "" {
				t.Errorf("resources differ (-plan +sources):\n%s", diff)
			}
			if diff := cmp.Diff(fromPlan.Findings, fromSources.Findings); diff != "" {
				t.Errorf("findings differ (-plan +sources):\n%s", diff)
			}
			if len(fromSources.Warnings) > 0 {
				t.Errorf("unexpected warnings: %v", fromSources.Warnings)
			}
		})
	}
}

// TestParityWithoutSources checks that a plan alone gives the same verdicts
// as its sources; only the positions differ (the plan file, no line).
func TestParityWithoutSources(t *testing.T) {
	cases, _ := filepath.Glob("../../testdata/plans/*/plan.json")
	for _, planFile := range cases {
		dir := filepath.Dir(planFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			fromSources := scanFor(t, Input{Path: dir}, SourceOptions{})
			fromPlan := scanFor(t, Input{Path: planFile}, SourceOptions{})
			withoutPositions := cmp.Transformer("noPositions", func(hcl.Range) string { return "" })
			// Without positions, findings are ordered by address and rule.
			byAddress := cmpopts.SortSlices(func(a, b finding.Finding) bool {
				return a.Address+" "+a.RuleID < b.Address+" "+b.RuleID
			})
			if diff := cmp.Diff(rows(fromPlan), rows(fromSources), withoutPositions); diff != "" {
				t.Errorf("resources differ (-plan +sources):\n%s", diff)
			}
			if diff := cmp.Diff(fromPlan.Findings, fromSources.Findings, withoutPositions, byAddress); diff != "" {
				t.Errorf("findings differ (-plan +sources):\n%s", diff)
			}
			for _, f := range fromPlan.Findings {
				if f.Range.Filename != planFile {
					t.Errorf("%s %s: plan finding placed in %q, want the plan file", f.RuleID, f.Address, f.Range.Filename)
				}
			}
		})
	}
}
