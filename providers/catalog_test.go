package providers

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// namedFact is one catalog statement with a description for messages.
type namedFact struct {
	what string
	fact Fact
}

// catalogFacts lists every fact of a catalog: country groups, and for each
// provider and variant its operator, default status, offers, regions and
// global services.
func catalogFacts(c *Catalog) []namedFact {
	var out []namedFact
	for _, name := range slices.Sorted(maps.Keys(c.groups)) {
		out = append(out, namedFact{"country group " + name, c.groups[name].Fact})
	}
	offering := func(owner string, o *Offering) {
		if o.Operator != nil {
			out = append(out, namedFact{owner + " operator", o.Operator.Fact})
		}
		if o.SecNumCloud != nil {
			out = append(out, namedFact{owner + " secnumcloud", o.SecNumCloud.Fact})
		}
		for _, off := range o.Offers {
			out = append(out, namedFact{owner + " offer " + off.ID, off.Fact})
		}
		for _, r := range o.Regions {
			out = append(out, namedFact{owner + " region " + r.Code, r.Fact})
		}
		for _, cert := range o.AllCertifications() {
			out = append(out, namedFact{owner + " certification " + cert.ID, cert.Fact})
		}
	}
	for _, s := range c.Schemes() {
		out = append(out, namedFact{"scheme " + s.ID, s.Fact})
	}
	for _, p := range c.Providers {
		offering(p.ID, &p.Offering)
		for _, g := range p.Global {
			out = append(out, namedFact{p.ID + " global service " + g.Name, g.Fact})
		}
		for _, r := range p.Replications {
			out = append(out, namedFact{p.ID + " replication " + r.Name, r.Fact})
		}
		for _, e := range p.Endpoints {
			out = append(out, namedFact{p.ID + " endpoint " + e.Name, e.Fact})
		}
		for _, tt := range p.Tags.ForTypes {
			out = append(out, namedFact{p.ID + " tags for " + strings.Join(tt.ResourceTypes, ","), tt.Fact})
		}
		for _, v := range p.Variants {
			offering(p.ID+"/"+v.ID, &v.Offering)
		}
	}
	return out
}

func TestEveryDataFileDecodes(t *testing.T) {
	names, err := fs.Glob(embedded, "data/*.hcl")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 20 {
		t.Fatalf("found %d data files, want the whole catalog", len(names))
	}
	for _, n := range names {
		t.Run(path.Base(n), func(t *testing.T) {
			src, err := fs.ReadFile(embedded, n)
			if err != nil {
				t.Fatal(err)
			}
			f, diags := hclparse.NewParser().ParseHCL(src, n)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			var cf catalogFile
			if diags := gohcl.DecodeBody(f.Body, nil, &cf); diags.HasErrors() {
				t.Fatal(diags)
			}
		})
	}
	if _, err := Load(embedded, "data"); err != nil {
		t.Fatalf("the embedded catalog does not load: %v", err)
	}
}

func TestEveryFactHasProvenance(t *testing.T) {
	c := Default()
	cited := map[string]bool{}
	for _, nf := range catalogFacts(c) {
		f := nf.fact
		if len(f.Sources) == 0 {
			t.Errorf("%s cites no source", nf.what)
		}
		for _, k := range f.Sources {
			cited[k] = true
			if c.Sources[k] == nil {
				t.Errorf("%s cites unknown source %q", nf.what, k)
			}
		}
		if !validDate(f.AsOf) {
			t.Errorf("%s: as_of %q is not a date", nf.what, f.AsOf)
		}
		if !slices.Contains([]string{VerifiedPrimary, VerifiedSecondary, VerifiedUnverified}, f.Verified) {
			t.Errorf("%s: verified %q", nf.what, f.Verified)
		}
		if f.DeclRange.Filename == "" || f.DeclRange.Start.Line == 0 {
			t.Errorf("%s does not know where it is declared", nf.what)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(c.Sources)) {
		src := c.Sources[k]
		if !cited[k] && k != "anssi_catalogue" { //nolint:misspell // the source key keeps ANSSI's own word
			// The ANSSI catalog is the authority the relays copy: it stays
			// declared so that `sovlint providers` shows where to re-check.
			t.Errorf("source %q is declared but no fact cites it", k)
		}
		if src.Date == "" {
			t.Errorf("source %q has no date", k)
		}
		if src.URL == "" && src.Repo == "" && src.Title == "" {
			t.Errorf("source %q says nothing about where to find it", k)
		}
	}
}

func TestEveryRegionHasACountry(t *testing.T) {
	c := Default()
	for _, p := range c.Providers {
		offerings := []struct {
			owner string
			o     *Offering
			v     *Variant
		}{{owner: p.ID, o: &p.Offering}}
		for _, v := range p.Variants {
			offerings = append(offerings, struct {
				owner string
				o     *Offering
				v     *Variant
			}{owner: p.ID + "/" + v.ID, o: &v.Offering, v: v})
		}
		for _, off := range offerings {
			for _, r := range off.o.Regions {
				what := off.owner + " region " + r.Code
				if len(r.Countries) == 0 && !r.Global {
					t.Errorf("%s has no country", what)
				}
				for _, cc := range r.Countries {
					if !validCountry(cc) && cc != "EU" {
						t.Errorf("%s: country %q", what, cc)
					}
				}
				if r.Code != NormaliseRegion(r.Code) {
					t.Errorf("%s is not normalised", what)
				}
				for _, z := range append(slices.Clone(r.Zones), r.Aliases...) {
					if got := off.o.Region(z); got != r {
						t.Errorf("%s: zone or alias %q does not lead back to it", what, z)
					}
				}
				if off.v != nil && off.v.When.regionRe != nil && !off.v.When.regionRe.MatchString(r.Code) {
					t.Errorf("%s does not match its variant's region_pattern %q", what, off.v.When.RegionPattern)
				}
			}
		}
	}
}

// TestNoDuplicateCodesWithinAProvider: a code must mean one place for a
// provider. Variants chosen by configuration are other universes and may
// reuse codes; variants chosen by region claim theirs from the base.
func TestNoDuplicateCodesWithinAProvider(t *testing.T) {
	for _, p := range Default().Providers {
		owner := map[string]string{}
		claim := func(who, key string) {
			key = NormaliseRegion(key)
			if prev, ok := owner[key]; ok {
				t.Errorf("%s: %q is declared by %s and %s", p.ID, key, prev, who)
			}
			owner[key] = who
		}
		for _, r := range p.Regions {
			for _, k := range append(append([]string{r.Code}, r.Zones...), r.Aliases...) {
				claim("the base offering", k)
			}
		}
		for _, v := range p.Variants {
			if v.When.RegionPattern == "" {
				continue
			}
			for _, r := range v.Regions {
				for _, k := range append(append([]string{r.Code}, r.Zones...), r.Aliases...) {
					claim("variant "+v.ID, k)
				}
			}
		}
	}
}

func TestEveryProviderHasOperatorAndStatus(t *testing.T) {
	for _, p := range Default().Providers {
		if p.Local {
			continue
		}
		if p.Operator == nil || p.SecNumCloud == nil {
			t.Errorf("%s lacks an operator or a default SecNumCloud status", p.ID)
		}
		for _, v := range p.Variants {
			if v.Operator == nil || v.SecNumCloud == nil {
				t.Errorf("%s/%s lacks an operator or a default SecNumCloud status", p.ID, v.ID)
			}
		}
	}
}

// TestQualifiedOffersRestOnTheANSSICatalogue: the ANSSI catalog is the
// authority for SecNumCloud status. A qualified offer cites it (or a relay
// of it), carries its decision and validity, and is not unverified.
func TestQualifiedOffersRestOnTheANSSICatalogue(t *testing.T) {
	n := 0
	for _, p := range Default().Providers {
		offers := slices.Clone(p.Offers)
		for _, v := range p.Variants {
			offers = append(offers, v.Offers...)
		}
		for _, o := range offers {
			if o.Status != StatusQualified {
				continue
			}
			n++
			what := p.ID + " offer " + o.ID
			// The source a user can look the decision up in: ANSSI's
			// catalog, with the edition and the decision number.
			if !slices.ContainsFunc(o.Sources, func(k string) bool {
				src := Default().Sources[k]
				return src != nil && src.URL == anssiCatalogueURL && strings.Contains(src.Title, "décision "+o.Decision+",") && strings.Contains(src.Title, "édition du ")
			}) {
				t.Errorf("%s is qualified without citing the ANSSI catalog edition that lists decision %s", what, o.Decision)
			}
			if o.Verified == VerifiedUnverified {
				t.Errorf("%s: an unverified qualification is not a qualification", what)
			}
			if o.Decision == "" {
				t.Errorf("%s has no ANSSI decision number", what)
			}
			from, err1 := time.Parse(time.DateOnly, o.QualifiedFrom)
			until, err2 := time.Parse(time.DateOnly, o.ValidUntil)
			if err1 != nil || err2 != nil || !until.After(from) {
				t.Errorf("%s: validity %q → %q", what, o.QualifiedFrom, o.ValidUntil)
			}
		}
	}
	if n < 8 {
		t.Errorf("found %d qualified offers; the ANSSI relays list at least 8 for catalog providers", n)
	}
}

// TestIssueProvidersAreCatalogued lists the registry addresses issue 4 asks
// for, as a plan writes them from either registry.
func TestIssueProvidersAreCatalogued(t *testing.T) {
	c := Default()
	want := map[string]string{
		"hashicorp/aws":                          "aws",
		"hashicorp/azurerm":                      "azurerm",
		"Azure/azapi":                            "azurerm",
		"hashicorp/azuread":                      "azuread",
		"hashicorp/google":                       "google",
		"hashicorp/google-beta":                  "google",
		"oracle/oci":                             "oci",
		"IBM-Cloud/ibm":                          "ibm",
		"aliyun/alicloud":                        "alicloud",
		"digitalocean/digitalocean":              "digitalocean",
		"outscale/outscale":                      "outscale",
		"numspot/numspot":                        "numspot",
		"scaleway/scaleway":                      "scaleway",
		"ovh/ovh":                                "ovh",
		"Cloud-Temple/cloudtemple":               "cloudtemple",
		"FlexibleEngineCloud/flexibleengine":     "flexibleengine",
		"orange-cloudavenue/cloudavenue":         "cloudavenue",
		"ionos-cloud/ionoscloud":                 "ionos",
		"hetznercloud/hcloud":                    "hcloud",
		"exoscale/exoscale":                      "exoscale",
		"stackitcloud/stackit":                   "stackit",
		"opentelekomcloud/opentelekomcloud":      "opentelekomcloud",
		"UpCloudLtd/upcloud":                     "upcloud",
		"Infomaniak/infomaniak":                  "infomaniak",
		"terraform-provider-openstack/openstack": "openstack",
		// Issue 12: providers public code uses.
		"linode/linode":                  "linode",
		"vultr/vultr":                    "vultr",
		"tencentcloudstack/tencentcloud": "tencentcloud",
		"huaweicloud/huaweicloud":        "huaweicloud",
	}
	for addr, id := range want {
		for _, prefix := range []string{"", "registry.terraform.io/", "registry.opentofu.org/"} {
			p := c.Provider(prefix + addr)
			if p == nil || p.ID != id {
				t.Errorf("Provider(%q) = %v, want %q", prefix+addr, p, id)
			}
		}
	}
	seen := map[string]string{}
	for _, p := range c.Providers {
		for _, r := range p.Registry {
			if other, ok := seen[r]; ok {
				t.Errorf("registry address %q belongs to %s and %s", r, other, p.ID)
			}
			seen[r] = p.ID
		}
	}
}

// validPrefix is a minimal valid catalog that error cases add to.
const validPrefix = `source "s" {
  url  = "https://example.org/s"
  date = "2026-01-01"
}
country_group "eu" {
  countries = ["FR"]
  source    = ["s"]
  as_of     = "2026-01"
  verified  = "primary"
}
`

// goodProvider is a provider block with every required part; cases alter
// one line of it.
const goodProvider = `provider "p" {
  name     = "P"
  registry = ["acme/p"]
  operator {
    name             = "P SAS"
    country          = "FR"
    eu_legal_control = "yes"
    source           = ["s"]
    as_of            = "2026-01"
    verified         = "primary"
  }
  secnumcloud {
    status   = "unknown"
    source   = ["s"]
    as_of    = "2026-01"
    verified = "primary"
  }
  regions {
    source   = ["s"]
    as_of    = "2026-01"
    verified = "primary"
    region "fr-1" {
      country = "FR"
      zones   = ["fr-1a"]
    }
  }
}
`

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string // where the diagnostic must point
		line  int
		want  string // part of its summary
	}{
		{
			name:  "syntax error",
			files: map[string]string{"a.hcl": validPrefix + "provider \"p\" {\n  name = \n}\n"},
			file:  "a.hcl", line: 12, want: "",
		},
		{
			name:  "unknown block type",
			files: map[string]string{"a.hcl": validPrefix + "provder \"p\" {}\n"},
			file:  "a.hcl", line: 11, want: "Unsupported block type",
		},
		{
			name:  "region without a country",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `country = "FR"`+"\n      zones", "zones", 1)},
			file:  "a.hcl", line: 32, want: `region "fr-1" has no country`,
		},
		{
			name:  "fact without a source",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "    source           = [\"s\"]\n", "", 1)},
			file:  "a.hcl", line: 14, want: "p operator has no source",
		},
		{
			name:  "unknown source",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `source           = ["s"]`, `source           = ["nowhere"]`, 1)},
			file:  "a.hcl", line: 14, want: `cites unknown source "nowhere"`,
		},
		{
			name:  "as_of is not a date",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `as_of    = "2026-01"`+"\n    verified = \"primary\"\n  }\n  regions", `as_of    = "last year"`+"\n    verified = \"primary\"\n  }\n  regions", 1)},
			file:  "a.hcl", line: 22, want: `as_of "last year"`,
		},
		{
			name:  "verified level unknown",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `verified         = "primary"`, `verified         = "sure"`, 1)},
			file:  "a.hcl", line: 14, want: `verified must be primary, secondary or unverified, not "sure"`,
		},
		{
			name:  "status unknown",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `status   = "unknown"`, `status   = "certified"`, 1)},
			file:  "a.hcl", line: 22, want: `status must be qualified, in_progress, not_qualified or unknown, not "certified"`,
		},
		{
			name:  "zone declared twice",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "    region \"fr-1\" {", "    region \"fr-2\" {\n      country = \"FR\"\n      zones   = [\"fr-1a\"]\n    }\n    region \"fr-1\" {", 1)},
			file:  "a.hcl", line: 36, want: `"fr-1a" is declared twice`,
		},
		{
			name:  "provider declared in two files",
			files: map[string]string{"a.hcl": validPrefix + goodProvider, "b.hcl": strings.Replace(goodProvider, "acme/p", "acme/q", 1)},
			file:  "b.hcl", line: 1, want: `duplicate provider "p" (first declared in a.hcl)`,
		},
		{
			name:  "registry address claimed twice",
			files: map[string]string{"a.hcl": validPrefix + goodProvider, "b.hcl": strings.Replace(goodProvider, `provider "p"`, `provider "q"`, 1)},
			file:  "b.hcl", line: 1, want: `registry address "acme/p" already belongs to provider "p"`,
		},
		{
			name: "qualified offer without validity",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  secnumcloud {",
				"  offer \"x\" {\n    name = \"X\"\n    status = \"qualified\"\n    source = [\"s\"]\n    as_of = \"2026-01\"\n    verified = \"secondary\"\n  }\n  secnumcloud {", 1)},
			file: "a.hcl", line: 22, want: "a qualified offer needs qualified_from and valid_until",
		},
		{
			name: "offer in an undeclared region",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  secnumcloud {",
				"  offer \"x\" {\n    name = \"X\"\n    status = \"not_qualified\"\n    regions = [\"de-1\"]\n    source = [\"s\"]\n    as_of = \"2026-01\"\n    verified = \"secondary\"\n  }\n  secnumcloud {", 1)},
			file: "a.hcl", line: 22, want: `offer "x" names region "de-1", which is not declared`,
		},
		{
			name:  "default region undeclared",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  regions {", "  default_region = \"de-1\"\n  regions {", 1)},
			file:  "a.hcl", line: 11, want: `default_region "de-1" is not one of its regions`,
		},
		{
			name: "variant pattern hiding a base region",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  regions {",
				"  variant \"v\" {\n    name = \"V\"\n    when {\n      region_pattern = \"^fr-\"\n    }\n  }\n  regions {", 1)},
			file: "a.hcl", line: 38, want: `matches the region_pattern of variant "v"`,
		},
		{
			name: "variant with two attribute tests",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  regions {",
				"  variant \"v\" {\n    name = \"V\"\n    when {\n      attribute = \"endpoint\"\n      equals = [\"a\"]\n      not_in = [\"b\"]\n    }\n  }\n  regions {", 1)},
			file: "a.hcl", line: 30, want: "needs exactly one of equals, not_in or matches",
		},
		{
			name:  "invalid country code",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, `country = "FR"`+"\n      zones", `country = "France"`+"\n      zones", 1)},
			file:  "a.hcl", line: 32, want: `country "France" is not an ISO 3166-1 alpha-2 code`,
		},
		{
			name:  "zone pattern without a group",
			files: map[string]string{"a.hcl": validPrefix + strings.Replace(goodProvider, "  operator {", "  location {\n    zone_patterns = [\"^fr-1[a-c]$\"]\n  }\n  operator {", 1)},
			file:  "a.hcl", line: 14, want: "must compile and have one group",
		},
		{
			name:  "no eu country group",
			files: map[string]string{"a.hcl": "source \"s\" {\n  date = \"2026-01-01\"\n}\n"},
			file:  "", line: 0, want: `the catalog must declare country_group "eu"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for n, src := range tt.files {
				files[n] = []byte(src)
			}
			_, err := Parse(files)
			if err == nil {
				t.Fatal("Parse accepted a broken catalog")
			}
			diags, ok := err.(hcl.Diagnostics) //nolint:errorlint // Parse returns hcl.Diagnostics itself, never wrapped
			if !ok {
				t.Fatalf("Parse returned %T, want hcl.Diagnostics", err)
			}
			if !hasDiag(diags, tt.file, tt.line, tt.want) {
				t.Errorf("no diagnostic at %s:%d containing %q; got:\n%s", tt.file, tt.line, tt.want, describe(diags))
			}
		})
	}
}

func hasDiag(diags hcl.Diagnostics, file string, line int, want string) bool {
	for _, d := range diags {
		if !strings.Contains(d.Summary+" "+d.Detail, want) {
			continue
		}
		if file == "" && d.Subject == nil {
			return true
		}
		if d.Subject != nil && d.Subject.Filename == file && d.Subject.Start.Line == line {
			return true
		}
	}
	return false
}

func describe(diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		where := "-"
		if d.Subject != nil {
			where = fmt.Sprintf("%s:%d", d.Subject.Filename, d.Subject.Start.Line)
		}
		fmt.Fprintf(&b, "  %s: %s %s\n", where, d.Summary, d.Detail)
	}
	return b.String()
}

func TestValidCatalogParses(t *testing.T) {
	c, err := Parse(map[string][]byte{"a.hcl": []byte(validPrefix + goodProvider)})
	if err != nil {
		t.Fatal(err)
	}
	p := c.Provider("registry.opentofu.org/acme/p")
	if p == nil {
		t.Fatal("provider acme/p not found")
	}
	got := []string{p.Region("FR-1A").Code, p.Region("fr-1").Country(), c.AsOf}
	if diff := cmp.Diff([]string{"fr-1", "FR", "2026-01"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestImpliedHashicorpNamespace(t *testing.T) {
	c := Default()
	// Without required_providers Terraform implies hashicorp/<type>.
	if p := c.Provider("registry.terraform.io/hashicorp/scaleway"); p == nil || p.ID != "scaleway" {
		t.Errorf("hashicorp/scaleway resolved to %v, want the scaleway provider", p)
	}
	if p := c.Provider("registry.terraform.io/acme/scaleway"); p != nil {
		t.Errorf("a third namespace must not borrow the type: got %s", p.ID)
	}
}

func TestImpossibleDatesAreRejected(t *testing.T) {
	for _, d := range []string{"2026-02-30", "2026-13-01", "2026-00"} {
		if validDate(d) {
			t.Errorf("validDate(%q) = true", d)
		}
	}
	for _, d := range []string{"2026-02-28", "2026-09"} {
		if !validDate(d) {
			t.Errorf("validDate(%q) = false", d)
		}
	}
	// The layout goes by length: every other length fails.
	for _, d := range []string{"", "2026", "2026-9", "2026-09-1", "2026-09-011", "26-09-01", "2026/09/01", "2026-09 "} {
		if validDate(d) {
			t.Errorf("validDate(%q) = true", d)
		}
	}
	for d, want := range map[string]bool{"2026": true, "2026-09": true, "2026-09-30": true, "202": false, "20266": false, "2026-9": false, "x026": false, "2026-02-30": false} {
		if got := validSourceDate(d); got != want {
			t.Errorf("validSourceDate(%q) = %v, want %v", d, got, want)
		}
	}
	o := &Offer{Name: "x", Status: StatusQualified, ValidUntil: "2026-02-30"}
	if v := offerVerdict(o, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); v.Outcome == Pass {
		t.Errorf("an offer whose valid_until does not parse passed: %+v", v)
	}
}

// unpublished are words that give away a source a reader cannot open: the
// project's own notes, or relays known only by a nickname.
var unpublished = regexp.MustCompile(`(?i)research/|shared/|research draft|relay|\bR[12]\b|corpus`)

// TestEverySourceIsAPublicDocument: every source of the catalog has an
// http(s) URL, a date, and cites no document only the project has.
func TestEverySourceIsAPublicDocument(t *testing.T) {
	c := Default()
	for _, k := range slices.Sorted(maps.Keys(c.Sources)) {
		src := c.Sources[k]
		if !strings.HasPrefix(src.URL, "https://") && !strings.HasPrefix(src.URL, "http://") {
			t.Errorf("source %q has no public URL (%q)", k, src.URL)
		}
		if !validSourceDate(src.Date) {
			t.Errorf("source %q: date %q", k, src.Date)
		}
		if m := unpublished.FindString(src.Title + " " + src.Note); m != "" {
			t.Errorf("source %q points at an unpublished document (%q): %s", k, m, src.Title)
		}
		if src.Repo != "" && !strings.HasPrefix(src.URL, "https://github.com/"+src.Repo+"/") {
			t.Errorf("source %q: URL %q is not a page of its repository %s", k, src.URL, src.Repo)
		}
	}
}

// A data file or bundle whose source has no URL is rejected at its line.
func TestASourceWithoutURLIsRejected(t *testing.T) {
	src := strings.Replace(validPrefix, "  url  = \"https://example.org/s\"\n", "", 1) + goodProvider
	_, err := Parse(map[string][]byte{"a.hcl": []byte(src)})
	diags, ok := err.(hcl.Diagnostics) //nolint:errorlint // Parse returns hcl.Diagnostics itself
	if !ok || !hasDiag(diags, "a.hcl", 1, `source "s" has no url`) {
		t.Fatalf("want an error at a.hcl:1 for the source without url, got %v", err)
	}
	// The same source in a .sovlint.hcl extension may be the user's own
	// document (a hosting contract): it needs a title and a date only.
	f, d := hclsyntax.ParseConfig([]byte("source \"contract\" {\n  title = \"Our hosting contract\"\n  date = \"2026-10-01\"\n}\n"), ".sovlint.hcl", hcl.InitialPos)
	if d.HasErrors() {
		t.Fatal(d)
	}
	if _, err := Extend(Default(), f.Body, ".sovlint.hcl"); err != nil {
		t.Errorf("an extension citing the user's own document is rejected: %v", err)
	}
}

// TestNoVerdictPassesOnAnUnverifiedFact: whatever the requirement, a pass
// rests on a checked fact. Over every region of every offering of the
// embedded catalog, then on a catalog made of unverified facts only.
func TestNoVerdictPassesOnAnUnverifiedFact(t *testing.T) {
	now := day("2026-11-26")
	check := func(c *Catalog, what string) (passes int) {
		for _, p := range c.Providers {
			offerings := []*Variant{nil}
			offerings = append(offerings, p.Variants...)
			for _, v := range offerings {
				for _, r := range p.offering(v).Regions {
					for _, pol := range []ResidencyPolicy{c.EUResidency(), c.Residency([]string{"eea"}, []string{"CH", "GB", "US"})} {
						sum := p.Summarize(v, r, now, pol)
						verdicts := []Verdict{sum.Residency, sum.LegalControl}
						for _, ov := range sum.SecNumCloud {
							verdicts = append(verdicts, ov.Verdict)
						}
						for _, vd := range verdicts {
							if vd.Outcome != Pass {
								continue
							}
							passes++
							if vd.Fact.Verified == VerifiedUnverified {
								t.Errorf("%s: %s region %s: %q passes on an unverified fact (%s:%d)", what, p.ID, r.Code, vd.Reason, vd.Fact.DeclRange.Filename, vd.Fact.DeclRange.Start.Line)
							}
						}
					}
				}
			}
		}
		return passes
	}
	if n := check(Default(), "embedded catalog"); n == 0 {
		t.Fatal("no verdict of the embedded catalog passes: the check checks nothing")
	}
	unverified := strings.NewReplacer(`verified = "primary"`, `verified = "unverified"`, `verified         = "primary"`, `verified         = "unverified"`).Replace(validPrefix + goodProvider)
	c, err := Parse(map[string][]byte{"a.hcl": []byte(unverified)})
	if err != nil {
		t.Fatal(err)
	}
	check(c, "unverified catalog")
	p := c.Provider("acme/p")
	pr := p.Profile(ProfileQuery{ResourceType: "p_vm", Region: p.Region("fr-1"), Resolved: true, Now: now, Residency: c.EUResidency()})
	if pr.LegalControl.Outcome != Unknown || pr.Residency.Outcome != Unknown {
		t.Errorf("unverified \"EU legal control: yes\" and an unverified region must be unknown, got legal %s (%s), residency %s (%s)",
			pr.LegalControl.Outcome, pr.LegalControl.Reason, pr.Residency.Outcome, pr.Residency.Reason)
	}
}

// TestAzureGeoRedundancyPairs: geo-redundant storage replicates to the
// pair, so SOV006 can only judge a region whose pair the catalog knows.
func TestAzureGeoRedundancyPairs(t *testing.T) {
	p := Default().ByID("azurerm")
	for region, pair := range map[string]string{
		"swedencentral": "swedensouth", "swedensouth": "swedencentral",
		"jioindiacentral": "jioindiawest", "jioindiawest": "jioindiacentral",
		"francecentral": "francesouth",
	} {
		r := p.Region(region)
		if r == nil {
			t.Errorf("%s is not a region", region)
			continue
		}
		if r.Pair != pair {
			t.Errorf("%s pairs with %q, want %q", region, r.Pair, pair)
		}
		if p.Region(r.Pair) == nil {
			t.Errorf("%s's pair %q is not a region", region, r.Pair)
		}
	}
}
