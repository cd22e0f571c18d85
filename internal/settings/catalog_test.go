package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/providers"
)

var scanDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func parseConfig(t *testing.T, src string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(src), ".sovlint.hcl")
	if err != nil {
		t.Fatalf("test configuration does not parse: %v", err)
	}
	return cfg
}

var allRules = []string{"SOV001", "SOV002", "SOV003", "SOV004", "SOV005", "SOV006"}

func TestCatalogConfigWithoutConfiguration(t *testing.T) {
	set, err := catalogConfig(nil, "", scanDay)
	if err != nil {
		t.Fatal(err)
	}
	if set.Catalog != providers.Default() {
		t.Error("without a configuration the embedded catalog is used as is")
	}
	want := map[string][]string{"sensitive": allRules, "unknown": allRules}
	if diff := cmp.Diff(want, set.Policy.Require); diff != "" {
		t.Errorf("Require (-want +got):\n%s", diff)
	}
	if set.Policy.Residency.Name != "EU" || !set.Policy.Now.Equal(scanDay) {
		t.Errorf("Residency %q, Now %v", set.Policy.Residency.Name, set.Policy.Now)
	}
	if diff := cmp.Diff(analyzer.DefaultPolicy(), set.Class); diff != "" {
		t.Errorf("Class (-want +got):\n%s", diff)
	}
}

func TestCatalogConfigResidency(t *testing.T) {
	tests := []struct {
		residency string
		name      string
		accepted  []string // countries that must be accepted
		refused   []string // countries that must not
	}{
		{`["eu"]`, "EU", []string{"FR", "DE", "IE"}, []string{"NO", "CH", "GB", "US"}},
		{`["eea"]`, "EEA", []string{"FR", "NO", "IS", "LI"}, []string{"CH", "GB"}},
		{`["eu", "CH"]`, "EU+CH", []string{"FR", "CH"}, []string{"NO", "GB"}},
		{`["EU", "ch"]`, "EU+CH", []string{"FR", "CH"}, []string{"NO"}},
	}
	for _, tt := range tests {
		t.Run(tt.residency, func(t *testing.T) {
			set, err := catalogConfig(parseConfig(t, "policy {\n  residency = "+tt.residency+"\n}\n"), "", scanDay)
			if err != nil {
				t.Fatal(err)
			}
			res := set.Policy.Residency
			if res.Name != tt.name {
				t.Errorf("Name = %q, want %q", res.Name, tt.name)
			}
			for _, cc := range tt.accepted {
				if !res.Countries[cc] {
					t.Errorf("%s is refused", cc)
				}
			}
			for _, cc := range tt.refused {
				if res.Countries[cc] {
					t.Errorf("%s is accepted", cc)
				}
			}
		})
	}
}

func TestCatalogConfigLevels(t *testing.T) {
	cfg := parseConfig(t, `policy {
  classification_keys = ["Data-Class", "niveau"]
  level "secret" {
    values  = ["Secret", "DR"]
    require = ["SOV001", "SOV002", "SOV003", "SOV004", "SOV005", "SOV006"]
  }
  level "internal" {
    values  = ["internal"]
    require = ["outside-eu", "SOV004", "SOV003"]
  }
  unknown_classification = "internal"
}
`)
	set, err := catalogConfig(cfg, "", scanDay)
	if err != nil {
		t.Fatal(err)
	}
	wantClass := analyzer.ClassificationPolicy{
		Keys: []string{"dataclass", "niveau"},
		Levels: []analyzer.Level{
			{Name: "secret", Values: []string{"secret", "dr"}},
			{Name: "internal", Values: []string{"internal"}},
		},
	}
	if diff := cmp.Diff(wantClass, set.Class); diff != "" {
		t.Errorf("Class (-want +got):\n%s", diff)
	}
	wantRequire := map[string][]string{
		"secret":   allRules,
		"internal": {"SOV003", "SOV004"},
		"unknown":  {"SOV003", "SOV004"},
	}
	if diff := cmp.Diff(wantRequire, set.Policy.Require); diff != "" {
		t.Errorf("Require (-want +got):\n%s", diff)
	}
}

func TestCatalogConfigUnknownClassification(t *testing.T) {
	tests := []struct {
		name   string
		policy string
		want   []string // what unknown requires; nil when it is ignored
	}{
		{"default holds unknown to sensitive", `unknown_classification = "sensitive"`, allRules},
		{"ignore", `unknown_classification = "ignore"`, nil},
		{"levels without a choice take sensitive", "level \"public\" {\n values = [\"public\"]\n require = []\n}\nlevel \"sensitive\" {\n values = [\"s\"]\n require = [\"SOV003\"]\n}", []string{"SOV003"}},
		{"levels without sensitive take the first", "level \"top\" {\n values = [\"t\"]\n require = [\"SOV001\"]\n}\nlevel \"low\" {\n values = [\"l\"]\n require = []\n}", []string{"SOV001"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := catalogConfig(parseConfig(t, "policy {\n"+tt.policy+"\n}\n"), "", scanDay)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, set.Policy.Require["unknown"]); diff != "" {
				t.Errorf("Require[unknown] (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCatalogConfigErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		want string
	}{
		{"unknown residency entry", "# policy\npolicy {\n  residency = [\"eu\", \"Mars\"]\n}\n", 2, `"Mars" is neither a country group`},
		{"empty residency", "policy {\n  residency = []\n}\n", 1, "residency is empty"},
		{"unknown rule", "policy {\n  level \"secret\" {\n    values = [\"s\"]\n    require = [\"SOV009\"]\n  }\n}\n", 2, `requires "SOV009", which is not a rule sovlint checks`},
		{"suppression meta-rule", "policy {\n  level \"secret\" {\n    values = [\"s\"]\n    require = [\"SOV000\"]\n  }\n}\n", 2, `requires "SOV000"`},
		{"level declared twice", "policy {\n  level \"a\" {\n    values = []\n    require = []\n  }\n  level \"A\" {\n    values = []\n    require = []\n  }\n}\n", 6, `level "A" is declared twice`},
		{"reserved level name", "policy {\n  level \"unknown\" {\n    values = []\n    require = []\n  }\n}\n", 2, "reserved"},
		{"unknown classification names no level", "policy {\n  unknown_classification = \"confidential\"\n}\n", 1, `unknown_classification = "confidential" names no level`},
		{"empty classification keys", "policy {\n  classification_keys = []\n}\n", 1, "classification_keys is empty"},
		{"classify names no level", "policy {\n  classify {\n    level = \"confidential\"\n  }\n}\n", 2, `classify: level "confidential" is not a level of the policy`},
		{"classify module is not a module call", "policy {\n  classify {\n    level = \"sensitive\"\n    modules = [\"aws_s3_bucket.b\"]\n  }\n}\n", 2, `modules entry "aws_s3_bucket.b" is not a valid module call`},
		{"classify address does not parse", "policy {\n  classify {\n    level = \"sensitive\"\n    addresses = [\"a[\"]\n  }\n}\n", 2, `addresses entry "a[" is not a valid address glob`},
		{"catalog extension", "\nprovider \"aws\" {\n  regions {\n    source = [\"nope\"]\n    as_of = \"2026-10\"\n    verified = \"primary\"\n    region \"eu-x-1\" { country = \"FR\" }\n  }\n}\n", 7, `cites unknown source "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := catalogConfig(parseConfig(t, tt.src), "", scanDay)
			if err == nil {
				t.Fatal("CatalogConfig accepted a broken configuration")
			}
			diags, ok := err.(hcl.Diagnostics) //nolint:errorlint // returned as is, never wrapped
			if !ok {
				t.Fatalf("got %T, want hcl.Diagnostics", err)
			}
			found := false
			for _, d := range diags {
				if d.Subject != nil && d.Subject.Filename == ".sovlint.hcl" && d.Subject.Start.Line == tt.line && strings.Contains(d.Summary, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no diagnostic at .sovlint.hcl:%d containing %q; got %v", tt.line, tt.want, diags)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the error is not one line: %q", err.Error())
			}
		})
	}
}

// The catalog a scan runs on: --catalog, else the configuration's
// catalog { path } (relative to the file), else the embedded one; the
// configuration's own catalog blocks apply on top of either.
func TestCatalogBundleSources(t *testing.T) {
	dir := t.TempDir()
	bundle := func(name, version string) {
		src := "bundle {\n  version = \"" + version + "\"\n  as_of   = \"2026-12-10\"\n  extends = \"embedded\"\n}\n"
		if err := os.MkdirAll(filepath.Join(dir, name), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "b.hcl"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	bundle("pinned", "2026.12.10-pinned")
	bundle("flag", "2026.12.10-flag")
	cfgSrc := "catalog {\n  path = \"pinned\"\n}\nsource \"ours\" {\n  title = \"our contract\"\n  date  = \"2026-10-01\"\n}\n"
	cfg, err := config.Parse([]byte(cfgSrc), filepath.Join(dir, ".sovlint.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, flag, want string
		cfg              *config.Config
	}{
		{"embedded", "", providers.Default().Version, nil},
		{"the configuration's path, relative to it", "", "2026.12.10-pinned", cfg},
		{"the flag wins", filepath.Join(dir, "flag"), "2026.12.10-flag", cfg},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set, err := catalogConfig(tt.cfg, tt.flag, scanDay)
			if err != nil {
				t.Fatal(err)
			}
			if set.Catalog.Version != tt.want {
				t.Errorf("catalog %q, want %q", set.Catalog.Version, tt.want)
			}
			if tt.cfg != nil && set.Catalog.Sources["ours"] == nil {
				t.Error("the configuration's own catalog blocks were not applied on top of the bundle")
			}
		})
	}
	bad := *cfg
	bad.Bundle = &config.Bundle{Path: "missing"}
	if _, err := catalogConfig(&bad, "", scanDay); err == nil || !strings.Contains(err.Error(), "catalog bundle") {
		t.Errorf("a missing bundle: %v", err)
	}
}
