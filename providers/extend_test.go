package providers

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// extend parses src as a .sovlint.hcl body and extends the embedded catalog
// with it.
func extend(t *testing.T, src string) (*Catalog, error) {
	t.Helper()
	f, diags := hclparse.NewParser().ParseHCL([]byte(src), ".sovlint.hcl")
	if diags.HasErrors() {
		t.Fatalf("test configuration does not parse: %s", diags)
	}
	return Extend(Default(), f.Body, ".sovlint.hcl")
}

const contractSource = `source "acme_contract" {
  title = "ACME hosting contract, annex 3 (data center locations)"
  date  = "2026-10-01"
}
`

func TestExtendDeclaresAPrivateOpenStack(t *testing.T) {
	c, err := extend(t, contractSource+`
provider "openstack" {
  variant "acme" {
    name = "ACME private cloud, hosted by Cloud Temple"
    when {
      attribute = "auth_url"
      matches   = "^https://keystone\\.acme\\.example/"
    }
    operator {
      name             = "Cloud Temple SAS"
      country          = "FR"
      eu_legal_control = "yes"
      source           = ["acme_contract"]
      as_of            = "2026-10-01"
      verified         = "primary"
    }
    secnumcloud {
      status   = "not_qualified"
      source   = ["acme_contract"]
      as_of    = "2026-10-01"
      verified = "primary"
    }
    regions {
      source   = ["acme_contract"]
      as_of    = "2026-10-01"
      verified = "primary"
      region "RegionOne" { country = "FR" }
    }
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	p := c.Provider("terraform-provider-openstack/openstack")
	v, _ := p.VariantFor(map[string]string{"auth_url": "https://keystone.acme.example/v3", "region": "RegionOne"}, nil)
	if v == nil || v.ID != "acme" {
		t.Fatalf("VariantFor chose %v, want the declared variant", v)
	}
	gotV, r := p.LookupRegion("RegionOne", v)
	if gotV != v || r == nil || r.Country() != "FR" {
		t.Fatalf("LookupRegion(RegionOne) = %v, %v", gotV, r)
	}
	pr := p.Profile(ProfileQuery{ResourceType: "openstack_compute_instance_v2", Variant: v, Region: r, Resolved: true, Residency: c.EUResidency()})
	got := []Outcome{pr.Residency.Outcome, pr.LegalControl.Outcome, pr.SecNumCloud.Outcome}
	if diff := cmp.Diff([]Outcome{Pass, Pass, Fail}, got); diff != "" {
		t.Errorf("verdicts (-want +got):\n%s", diff)
	}
	if pr.LegalControl.Fact.DeclRange.Filename != ".sovlint.hcl" {
		t.Errorf("the operator fact points at %q, want the configuration file", pr.LegalControl.Fact.DeclRange.Filename)
	}
	// The user's variant is tried first, the catalog's still work, and the
	// embedded catalog is untouched.
	if p.Variants[0].ID != "acme" {
		t.Errorf("first variant is %q, want the user's", p.Variants[0].ID)
	}
	if v, _ := p.VariantFor(map[string]string{"auth_url": "https://auth.cloud.ovh.net/v3/"}, nil); v == nil || v.ID != "ovh-public-cloud" {
		t.Errorf("the catalog's OVH variant is lost: %v", v)
	}
	for _, base := range Default().ByID("openstack").Variants {
		if base.ID == "acme" {
			t.Fatal("Extend changed the embedded catalog")
		}
	}
	if c.AsOf != Default().AsOf {
		t.Errorf("AsOf moved from %s to %s: an extension does not refresh the catalog", Default().AsOf, c.AsOf)
	}
}

func TestExtendAddsARegionToAKnownProvider(t *testing.T) {
	c, err := extend(t, contractSource+`
provider "hcloud" {
  regions {
    source   = ["acme_contract"]
    as_of    = "2026-10-01"
    verified = "secondary"
    region "sin2" {
      country = "SG"
      zones   = ["sin2-dc1"]
    }
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	p := c.ByID("hcloud")
	if r := p.Region("sin2-dc1"); r == nil || r.Country() != "SG" {
		t.Errorf("Region(sin2-dc1) = %v", r)
	}
	if r := p.Region("fsn1"); r == nil || r.Country() != "DE" {
		t.Errorf("the catalog's regions are lost: Region(fsn1) = %v", r)
	}
	if Default().ByID("hcloud").Region("sin2") != nil {
		t.Error("Extend changed the embedded catalog")
	}
}

func TestExtendOverridesAStatusWithItsOwnSource(t *testing.T) {
	c, err := extend(t, `
source "anssi_2027" {
  title = "ANSSI catalog, update of 2027-01-15 (renewal of decision 2118)"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2027-01-15"
}
provider "outscale" {
  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (renewed)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "2026-11-30"
    valid_until    = "2029-11-30"
    decision       = "9999"
    source         = ["anssi_2027"]
    as_of          = "2027-01-15"
    verified       = "primary"
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	after := time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)
	profile := func(cat *Catalog) Profile {
		p := cat.ByID("outscale")
		_, r := p.LookupRegion("cloudgouv-eu-west-1", nil)
		return p.Profile(ProfileQuery{ResourceType: "outscale_vm", Region: r, Resolved: true, Now: after, Residency: cat.EUResidency()})
	}
	if got := profile(c); got.SecNumCloud.Outcome != Pass || got.Offer.Decision != "9999" {
		t.Errorf("with the override: %v (offer %+v)", got.SecNumCloud, got.Offer)
	}
	if got := profile(Default()); got.SecNumCloud.Outcome != Fail {
		t.Errorf("without it the qualification has lapsed, got %v", got.SecNumCloud)
	}
	offers := c.ByID("outscale").Offers
	n := 0
	for _, o := range offers {
		if o.ID == "iaas-cloudgouv" {
			n++
		}
	}
	if n != 1 || offers[0].ID != "iaas-cloudgouv" {
		t.Errorf("the override should replace the catalog's offer and come first: %d offers with its ID, first %q", n, offers[0].ID)
	}
}

func TestExtendDeclaresANewProvider(t *testing.T) {
	c, err := extend(t, contractSource+`
provider "acme" {
  name     = "ACME sovereign cloud"
  registry = ["acme/acme"]
  location {
    resource_attributes = ["site"]
  }
  operator {
    name             = "ACME SAS"
    country          = "FR"
    eu_legal_control = "yes"
    source           = ["acme_contract"]
    as_of            = "2026-10-01"
    verified         = "primary"
  }
  secnumcloud {
    status   = "unknown"
    source   = ["acme_contract"]
    as_of    = "2026-10-01"
    verified = "primary"
  }
  regions {
    source   = ["acme_contract"]
    as_of    = "2026-10-01"
    verified = "primary"
    region "lyon" { country = "FR" }
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	p := c.Provider("registry.terraform.io/acme/acme")
	if p == nil || p.File != ".sovlint.hcl" {
		t.Fatalf("Provider(acme/acme) = %v", p)
	}
	if !strings.Contains(strings.Join(c.ResourceAttributeNames(), " "), "site") {
		t.Error("the new provider's location attribute is not loaded from plans")
	}
	if Default().Provider("acme/acme") != nil {
		t.Error("Extend changed the embedded catalog")
	}
}

func TestExtendLeavesTheEmbeddedCatalogAlone(t *testing.T) {
	base := Default().ByID("openstack")
	patterns := len(base.Variants[0].zoneRes)
	c, err := extend(t, `
provider "openstack" {
  location {
    resource_attributes = ["availability_zone"]
    zone_patterns       = ["^(acme-\\d+)-[a-z]$"]
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(c.ByID("openstack").Variants[0].zoneRes); got != patterns+1 {
		t.Errorf("the extended provider's variants have %d zone patterns, want %d", got, patterns+1)
	}
	if got := len(base.Variants[0].zoneRes); got != patterns {
		t.Errorf("Extend changed the embedded catalog's variants: %d zone patterns, want %d", got, patterns)
	}
	if slices.Contains(base.Location.ResourceAttributes, "availability_zone") {
		t.Error("Extend changed the embedded catalog's location attributes")
	}
}

func TestExtendWithNothingReturnsTheBase(t *testing.T) {
	if c, err := Extend(Default(), nil, "x"); err != nil || c != Default() {
		t.Errorf("Extend(nil body) = %p, %v", c, err)
	}
	if c, err := extend(t, "# only comments\n"); err != nil || c != Default() {
		t.Errorf("Extend(empty body) = %p, %v", c, err)
	}
}

func TestExtendErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		want string
	}{
		{
			name: "a region the provider already has",
			src:  contractSource + "provider \"aws\" {\n  regions {\n    source = [\"acme_contract\"]\n    as_of = \"2026-10\"\n    verified = \"primary\"\n    region \"eu-west-3\" { country = \"DE\" }\n  }\n}\n",
			line: 10, want: `"eu-west-3" is declared twice`,
		},
		{
			name: "an unknown source",
			src:  "provider \"hcloud\" {\n  regions {\n    source = [\"my_notes\"]\n    as_of = \"2026-10\"\n    verified = \"primary\"\n    region \"x1\" { country = \"DE\" }\n  }\n}\n",
			line: 6, want: `cites unknown source "my_notes"`,
		},
		{
			name: "a new provider without a name",
			src:  contractSource + "provider \"acme\" {\n  registry = [\"acme/acme\"]\n}\n",
			line: 5, want: `provider "acme" has no name`,
		},
		{
			name: "a new provider without an operator",
			src:  contractSource + "provider \"acme\" {\n  name = \"ACME\"\n  registry = [\"acme/acme\"]\n}\n",
			line: 5, want: `provider "acme" has no operator block`,
		},
		{
			name: "a registry address the catalog already has",
			src: contractSource + "provider \"acme\" {\n  name = \"ACME\"\n  registry = [\"hashicorp/aws\"]\n" +
				"  operator {\n    name = \"A\"\n    eu_legal_control = \"unknown\"\n    source = [\"acme_contract\"]\n    as_of = \"2026-10\"\n    verified = \"primary\"\n  }\n" +
				"  secnumcloud {\n    status = \"unknown\"\n    source = [\"acme_contract\"]\n    as_of = \"2026-10\"\n    verified = \"primary\"\n  }\n}\n",
			line: 5, want: `registry address "hashicorp/aws" already belongs to provider "aws"`,
		},
		{
			name: "a block the schema does not know",
			src:  "polcy {\n  residency = [\"eu\"]\n}\n",
			line: 1, want: "Unsupported block type",
		},
		{
			name: "a fact without as_of",
			src:  contractSource + "provider \"hcloud\" {\n  regions {\n    source = [\"acme_contract\"]\n    verified = \"primary\"\n    region \"x1\" { country = \"DE\" }\n  }\n}\n",
			line: 9, want: `as_of "" is not YYYY-MM-DD or YYYY-MM`,
		},
		{
			name: "a new variant without when",
			src:  "provider \"openstack\" {\n  variant \"acme\" {\n    name = \"ACME\"\n  }\n}\n",
			line: 2, want: "has no when block",
		},
		{
			name: "a source the catalog already declares",
			src:  "source \"anssi_2118\" {\n  date = \"2026-10-01\"\n}\n",
			line: 1, want: `duplicate source "anssi_2118"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extend(t, tt.src)
			if err == nil {
				t.Fatal("Extend accepted a broken extension")
			}
			diags, ok := err.(hcl.Diagnostics) //nolint:errorlint // Extend returns hcl.Diagnostics itself, never wrapped
			if !ok {
				t.Fatalf("Extend returned %T, want hcl.Diagnostics", err)
			}
			if !hasDiag(diags, ".sovlint.hcl", tt.line, tt.want) {
				t.Errorf("no diagnostic at .sovlint.hcl:%d containing %q; got:\n%s", tt.line, tt.want, describe(diags))
			}
		})
	}
}

// TestPatternErrorsAreEscaped checks that a pattern that does not compile
// is quoted in its diagnostic: the regexp package's message prints it bare,
// so a terminal escape in a bundle or .sovlint.hcl reached the terminal.
func TestPatternErrorsAreEscaped(t *testing.T) {
	_, err := extend(t, contractSource+`
provider "ionos" {
  endpoint "x" {
    attribute      = "endpoint"
    resource_types = ["ionoscloud_server"]
    host           = "(\u001b"
    operated_by    = "ionos"
    region         = "de/fra"
    source         = ["acme_contract"]
    as_of          = "2026-10-01"
    verified       = "primary"
  }
  variant "y" {
    name = "y"
    when {
      attribute = "endpoint"
      matches   = "(\u001b"
    }
  }
}
`)
	var diags hcl.Diagnostics
	if !errors.As(err, &diags) {
		t.Fatalf("got %v, want hcl.Diagnostics", err)
	}
	quoted := 0
	for _, d := range diags {
		if strings.Contains(d.Summary+d.Detail, "\x1b") {
			t.Errorf("a control character reached a diagnostic unescaped: %q", d.Summary)
		}
		if strings.Contains(d.Summary, `missing closing ): "(\x1b"`) {
			quoted++
		}
	}
	if quoted != 2 {
		t.Errorf("%d diagnostics quote the pattern, want 2 (host and when.matches): %v", quoted, diags)
	}
}
