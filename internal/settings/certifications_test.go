package settings

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/rules"
)

// certStrings writes a policy's certifications as their configuration
// spelling, by level.
func certStrings(pol rules.Policy) map[string][]string {
	out := map[string][]string{}
	for level, reqs := range pol.Certifications {
		for _, r := range reqs {
			out[level] = append(out[level], r.String())
		}
	}
	return out
}

// TestPresets checks each preset's residency, certifications and rules,
// and that the French one is the default policy.
func TestPresets(t *testing.T) {
	def, err := catalogConfig(nil, "", scanDay)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		preset    string
		residency string
		certs     []string
		require   []string
	}{
		{"fr-cloud-au-centre", "EU", []string{"secnumcloud"}, allRules},
		{"de-bsi-c5", "EU", []string{"bsi-c5:type2"}, []string{"SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}},
		{"it-acn", "EU", []string{"acn:QC2"}, []string{"SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}},
		{"es-ens", "EU", []string{"ens:alta"}, []string{"SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}},
		{"eu-csf", "EU", []string{"eu-csf:SEAL-3"}, []string{"SOV002", "SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}},
	}
	if len(tests) != len(Presets) {
		t.Errorf("%d presets tested, %d declared", len(tests), len(Presets))
	}
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			set, err := catalogConfig(parseConfig(t, "policy {\n  preset = \""+tt.preset+"\"\n}\n"), "", scanDay)
			if err != nil {
				t.Fatal(err)
			}
			if set.Policy.Residency.Name != tt.residency {
				t.Errorf("residency %s", set.Policy.Residency.Name)
			}
			wantCerts := map[string][]string{"sensitive": tt.certs, "unknown": tt.certs}
			if diff := cmp.Diff(wantCerts, certStrings(set.Policy)); diff != "" {
				t.Errorf("certifications (-want +got):\n%s", diff)
			}
			wantRequire := map[string][]string{"sensitive": tt.require, "unknown": tt.require}
			if diff := cmp.Diff(wantRequire, set.Policy.Require); diff != "" {
				t.Errorf("require (-want +got):\n%s", diff)
			}
			if tt.preset == "fr-cloud-au-centre" {
				if diff := cmp.Diff(def.Policy.Require, set.Policy.Require); diff != "" {
					t.Errorf("the French preset is not the default policy (-default +preset):\n%s", diff)
				}
				if set.Policy.ChecksCertifications() {
					t.Error("the French preset lists certifications in reports, which the default does not")
				}
			}
		})
	}
}

func TestCertificationsPolicy(t *testing.T) {
	tests := []struct {
		name    string
		policy  string
		certs   map[string][]string
		require map[string][]string
	}{
		{
			name:    "policy-wide certifications add SOV007 to the levels that require rules",
			policy:  `certifications = ["bsi-c5:type2", "acn:QC3"]`,
			certs:   map[string][]string{"sensitive": {"bsi-c5:type2", "acn:QC3"}, "unknown": {"bsi-c5:type2", "acn:QC3"}},
			require: map[string][]string{"sensitive": append(slices.Clone(allRules), "SOV007"), "unknown": append(slices.Clone(allRules), "SOV007")},
		},
		{
			name: "a preset changed by the policy block",
			policy: `preset         = "de-bsi-c5"
  certifications = ["bsi-c5:type1", "eu-csf:SEAL-2"]
  residency      = ["eea", "CH"]`,
			certs:   map[string][]string{"sensitive": {"bsi-c5:type1", "eu-csf:SEAL-2"}, "unknown": {"bsi-c5:type1", "eu-csf:SEAL-2"}},
			require: map[string][]string{"sensitive": {"SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}, "unknown": {"SOV003", "SOV004", "SOV005", "SOV006", "SOV007"}},
		},
		{
			name: "a level's certifications replace the policy's; levels without rules get none",
			policy: `certifications = ["ens:media"]
  level "strategic" {
    values         = ["strategic"]
    require        = ["SOV003"]
    certifications = ["acn:QC4", "secnumcloud"]
  }
  level "critical" {
    values  = ["critical"]
    require = ["SOV004"]
  }
  level "public" {
    values  = ["public"]
    require = []
  }
  unknown_classification = "strategic"`,
			certs: map[string][]string{
				"strategic": {"acn:QC4", "secnumcloud"}, "critical": {"ens:media"}, "unknown": {"acn:QC4", "secnumcloud"},
			},
			require: map[string][]string{
				"strategic": {"SOV001", "SOV003", "SOV007"}, "critical": {"SOV004", "SOV007"}, "public": {}, "unknown": {"SOV001", "SOV003", "SOV007"},
			},
		},
		{
			name:    "ignoring unknown classifications drops their certifications",
			policy:  "certifications = [\"ens\"]\n  unknown_classification = \"ignore\"",
			certs:   map[string][]string{"sensitive": {"ens"}},
			require: map[string][]string{"sensitive": append(slices.Clone(allRules), "SOV007")},
		},
		{
			name:    "an empty list requires nothing",
			policy:  `certifications = []`,
			certs:   map[string][]string{},
			require: map[string][]string{"sensitive": allRules, "unknown": allRules},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := catalogConfig(parseConfig(t, "policy {\n  "+tt.policy+"\n}\n"), "", scanDay)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.certs, certStrings(set.Policy)); diff != "" {
				t.Errorf("certifications (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.require, set.Policy.Require); diff != "" {
				t.Errorf("require (-want +got):\n%s", diff)
			}
			union := set.Policy.CertificationUnion()
			for _, level := range slices.Sorted(maps.Keys(set.Policy.Certifications)) {
				for _, r := range set.Policy.Certifications[level] {
					if !slices.Contains(union, r) {
						t.Errorf("the union lacks %s", r)
					}
				}
			}
		})
	}
}

func TestCertificationsPolicyErrors(t *testing.T) {
	for policy, want := range map[string]string{
		`preset = "de-c5"`:                                             `.sovlint.hcl:1,1-7: preset "de-c5" is not a preset sovlint knows (de-bsi-c5, es-ens, eu-csf, fr-cloud-au-centre, it-acn)`,
		`certifications = ["c5:type2"]`:                                `policy certifications: "c5:type2" names no certification scheme`,
		`certifications = ["bsi-c5:type3"]`:                            `"type3" is not a level of BSI C5 (levels: type1, type2)`,
		`certifications = ["ens:media", "ens:alta"]`:                   "policy certifications name ens twice",
		"level \"x\" {\n values = [\"x\"]\n require = [\"SOV007\"]\n}": `.sovlint.hcl:2,1-10: level "x" requires SOV007 but names no certification`,
		"level \"x\" {\n values = [\"x\"]\n require = [\"SOV003\"]\n certifications = [\"acn:QX1\"]\n}": `level "x" certifications: "acn:QX1": "QX1" is not a level of ACN`,
	} {
		_, err := catalogConfig(parseConfig(t, "policy {\n"+policy+"\n}\n"), "", scanDay)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s:\n got %v\nwant an error containing %q", policy, err, want)
		}
	}
}
