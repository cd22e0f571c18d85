package engine

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
)

func parseConfig(t *testing.T, src string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(src), ".sovlint.hcl")
	if err != nil {
		t.Fatalf("test configuration does not parse: %v", err)
	}
	return cfg
}

// outscalePlan is a plan with one sensitive volume in the SecNumCloud region
// of Outscale, as terraform show -json writes it.
const outscalePlan = `{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "resource_changes": [
    {
      "address": "outscale_volume.data",
      "mode": "managed",
      "type": "outscale_volume",
      "name": "data",
      "provider_name": "registry.terraform.io/outscale/outscale",
      "change": {
        "actions": ["create"],
        "before": null,
        "after": {"size": 10, "tags": [{"key": "classification", "value": "sensitive"}]},
        "after_unknown": {"id": true}
      }
    }
  ],
  "configuration": {
    "provider_config": {
      "outscale": {
        "name": "outscale",
        "full_name": "registry.terraform.io/outscale/outscale",
        "expressions": {"api": [{"region": {"constant_value": "cloudgouv-eu-west-1"}}]}
      }
    },
    "root_module": {
      "resources": [
        {
          "address": "outscale_volume.data",
          "mode": "managed",
          "type": "outscale_volume",
          "name": "data",
          "provider_config_key": "outscale",
          "expressions": {"size": {"constant_value": 10}}
        }
      ]
    }
  }
}
`

func scanAt(t *testing.T, cfg *config.Config, day string) *report.Report {
	t.Helper()
	now, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(plan, []byte(outscalePlan), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := settings.FromConfig(cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Scan([]Input{{Path: plan}}, Options{Settings: set})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestScanWarnsAboutQualificationsItReliesOn(t *testing.T) {
	outscale := `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) `
	var renewal string
	for _, o := range providers.Default().ByID("outscale").Offers {
		if o.ID == "iaas-cloudgouv" {
			renewal = o.RenewalBlock()
		}
	}
	// Issue 12: once lapsed, the warning says what to do and prints the
	// block to paste into .sovlint.hcl.
	lapsed := outscale + "ended on 2026-11-30 and the catalog records no renewal: resources relying on it fail SOV001. " +
		"Upgrade sovlint (or load a newer catalog with --catalog) if its catalog records the renewal; " +
		"or, once ANSSI's catalog of qualified services lists the renewal, declare it in .sovlint.hcl by filling in and pasting this block:\n\n" + renewal
	tests := []struct {
		day  string
		want []report.Warning
	}{
		{"2026-10-01", nil},
		{"2026-11-23", []report.Warning{{Message: outscale + "ends on 2026-11-30, in 7 days: check that it is renewed"}}},
		{"2026-12-01", []report.Warning{{Message: lapsed}}},
		{"2027-12-01", []report.Warning{
			{Message: "the sovereignty catalog's newest fact dates from " + providers.Default().AsOf + ", more than 12 months ago: qualifications and operators may have changed since; update sovlint, or declare newer facts in .sovlint.hcl"},
			{Message: lapsed},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			rep := scanAt(t, nil, tt.day)
			if diff := cmp.Diff(tt.want, rep.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanWarningPointsAtTheUsersOwnFact(t *testing.T) {
	cfg := parseConfig(t, `source "anssi_renewal" {
  title = "ANSSI catalog (renewal, short)"
  date  = "2026-11-20"
}

provider "outscale" {
  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS (renewed for a month)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "2026-11-30"
    valid_until    = "2026-12-31"
    decision       = "4000"
    source         = ["anssi_renewal"]
    as_of          = "2026-11-20"
    verified       = "primary"
  }
}
`)
	rep := scanAt(t, cfg, "2026-12-15")
	want := []report.Warning{{
		File:    ".sovlint.hcl",
		Line:    7,
		Message: `the SecNumCloud qualification of "OUTSCALE IaaS (renewed for a month)" (ANSSI decision 4000) ends on 2026-12-31, in 16 days: check that it is renewed`,
	}}
	if diff := cmp.Diff(want, rep.Warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if n := len(slices.Collect(rep.Active())); n != 0 {
		t.Errorf("the renewed qualification should pass, got %d findings: %+v", n, rep.Findings)
	}
}
