package providers

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

// certQuery profiles a resource of provider id, of type typ, in region code
// ("" for an unresolved location), at date, against one requirement.
func certQuery(t *testing.T, c *Catalog, id, variant, typ, region, date, requirement string) (Profile, CertificationVerdict) {
	t.Helper()
	p := c.ByID(id)
	if p == nil {
		t.Fatalf("no provider %q", id)
	}
	var v *Variant
	if variant != "" {
		for _, x := range p.Variants {
			if x.ID == variant {
				v = x
			}
		}
		if v == nil {
			t.Fatalf("%s has no variant %q", id, variant)
		}
	}
	var r *Region
	if region != "" {
		var found *Variant
		found, r = p.LookupRegion(region, v)
		if v == nil {
			v = found
		}
	}
	req, err := c.ParseRequirement(requirement)
	if err != nil {
		t.Fatal(err)
	}
	now, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatal(err)
	}
	pr := p.Profile(ProfileQuery{
		ResourceType: typ, Variant: v, Region: r, Resolved: region != "", Now: now,
		Residency: c.EUResidency(), Certifications: []Requirement{req},
	})
	cv, ok := pr.Certification(req)
	if !ok {
		t.Fatalf("the profile has no verdict for %s", requirement)
	}
	return pr, cv
}

// TestCertificationTruthTable holds the embedded catalog's certification
// facts to what their sources support: every one of them is unverified,
// third-party or undated, so no requirement of another scheme than
// SecNumCloud passes on catalog data alone, and none changes the legal
// control verdict.
func TestCertificationTruthTable(t *testing.T) {
	c := Default()
	tests := []struct {
		name, id, variant, typ, region, date, requirement string
		want                                              Outcome
		reason                                            string // a part of the verdict's reason
		legal                                             Outcome
	}{
		{"aws holds C5, unverified", "aws", "", "aws_s3_bucket", "eu-central-1", "2026-11-26", "bsi-c5", Unknown, "is unverified", Fail},
		{"aws C5 type not established", "aws", "", "aws_s3_bucket", "eu-central-1", "2026-11-26", "bsi-c5:type2", Unknown, "level of the BSI C5 certification \"c5\" of Amazon Web Services is not established", Fail},
		{"aws european sovereign cloud does not inherit C5", "aws", "", "aws_s3_bucket", "eusc-de-east-1", "2026-11-26", "bsi-c5", Unknown, "records no BSI C5 certification", Fail},
		{"azure holds C5, unverified", "azurerm", "", "azurerm_storage_account", "germanywestcentral", "2026-11-26", "bsi-c5:type1", Unknown, "not established", Fail},
		{"azure ENS alta without dates", "azurerm", "", "azurerm_storage_account", "spaincentral", "2026-11-26", "ens:media", Unknown, "validity of the ENS alta certification \"ens\" of Microsoft Azure is not recorded", Fail},
		{"google holds C5, unverified", "google", "", "google_storage_bucket", "europe-west3", "2026-11-26", "bsi-c5", Unknown, "is unverified", Fail},
		{"ibm C5 type2, unverified", "ibm", "", "ibm_is_instance", "eu-de", "2026-11-26", "bsi-c5:type2", Unknown, "BSI C5 type2 certification \"c5\" of IBM Cloud is unverified", Fail},
		{"ibm scored SEAL-1 by a third party", "ibm", "", "ibm_is_instance", "eu-de", "2026-11-26", "eu-csf:SEAL-1", Unknown, "is held is not established", Fail},
		{"ibm third-party SEAL-1 is below SEAL-3", "ibm", "", "ibm_is_instance", "eu-de", "2026-11-26", "eu-csf:SEAL-3", Unknown, "is held is not established", Fail},
		{"outscale scored SEAL-3 by a third party", "outscale", "", "outscale_vm", "cloudgouv-eu-west-1", "2026-11-26", "eu-csf:SEAL-3", Unknown, "is held is not established", Pass},
		{"ovh scored SEAL-3 by a third party", "ovh", "", "ovh_cloud_project_kube", "gra", "2026-11-26", "eu-csf", Unknown, "is held is not established", Pass},
		{"ovh us does not inherit the card", "ovh", "ovh-us", "ovh_cloud_project_kube", "", "2026-11-26", "eu-csf", Unknown, "records no EU Cloud Sovereignty Framework certification", Fail},
		{"no ACN level is recorded", "scaleway", "", "scaleway_instance_server", "fr-par", "2026-11-26", "acn:QC2", Unknown, "records no ACN certification", Pass},
		{"no EUCS certificate exists", "outscale", "", "outscale_vm", "cloudgouv-eu-west-1", "2026-11-26", "eucs:basic", Unknown, "records no EUCS certification", Pass},
		{"secnumcloud is the offers' status", "outscale", "", "outscale_vm", "cloudgouv-eu-west-1", "2026-11-23", "secnumcloud", Pass, "is SecNumCloud-qualified", Pass},
		{"secnumcloud lapses with its offer", "outscale", "", "outscale_vm", "cloudgouv-eu-west-1", "2026-12-01", "secnumcloud", Fail, "lapsed on 2026-11-30", Pass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr, cv := certQuery(t, c, tt.id, tt.variant, tt.typ, tt.region, tt.date, tt.requirement)
			if cv.Outcome != tt.want || !strings.Contains(cv.Reason, tt.reason) {
				t.Errorf("%s: got %s (%q), want %s containing %q", tt.requirement, cv.Outcome, cv.Reason, tt.want, tt.reason)
			}
			if pr.LegalControl.Outcome != tt.legal {
				t.Errorf("legal control %s, want %s: a certification must never change it", pr.LegalControl.Outcome, tt.legal)
			}
		})
	}
}

// acmeAttestations declares, in a .sovlint.hcl, the attestations a
// procurement team checked for IONOS (which the catalog has none of).
const acmeAttestations = `source "acme_c5" {
  title = "IONOS C5 Type 2 report, as checked by ACME procurement"
  date  = "2026-10-01"
}
provider "ionos" {
  certification "c5" {
    scheme             = "bsi-c5"
    level              = "type2"
    status             = "certified"
    scheme_version     = "C5:2020"
    observation_period = "2025-04-01/2026-03-31"
    regions            = ["de/fra", "de/txl"]
    source             = ["acme_c5"]
    as_of              = "2026-10-01"
    verified           = "primary"
  }
  certification "c5-dbaas" {
    scheme         = "bsi-c5"
    level          = "type1"
    status         = "certified"
    resource_types = ["ionoscloud_pg_cluster"]
    source         = ["acme_c5"]
    as_of          = "2026-10-01"
    verified       = "primary"
  }
  certification "ens" {
    scheme      = "ens"
    level       = "media"
    status      = "certified"
    valid_from  = "2024-06-01"
    valid_until = "2026-05-31"
    regions     = ["es/vit"]
    source      = ["acme_c5"]
    as_of       = "2026-10-01"
    verified    = "primary"
  }
  certification "acn" {
    scheme      = "acn"
    level       = "QI3"
    status      = "certified"
    valid_from  = "2025-01-01"
    valid_until = "2027-12-31"
    source      = ["acme_c5"]
    as_of       = "2026-10-01"
    verified    = "primary"
  }
  certification "eu-csf" {
    scheme      = "eu-csf"
    level       = "SEAL-2"
    status      = "in_progress"
    source      = ["acme_c5"]
    as_of       = "2026-10-01"
    verified    = "secondary"
  }
}
`

// TestCertificationRequirements runs each way a requirement passes or fails
// against certifications a user declared.
func TestCertificationRequirements(t *testing.T) {
	c, err := extend(t, acmeAttestations)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, typ, region, date, requirement string
		want                                 Outcome
		reason                               string
	}{
		{"type2 meets type2", "ionoscloud_server", "de/fra", "2026-11-26", "bsi-c5:type2", Pass, "is held"},
		{"type2 meets type1: a higher level satisfies a lower minimum", "ionoscloud_server", "de/txl", "2026-11-26", "bsi-c5:type1", Pass, "is held"},
		{"any level meets the bare scheme", "ionoscloud_server", "de/fra", "2026-11-26", "bsi-c5", Pass, "is held"},
		{"a region outside the scope", "ionoscloud_server", "fr/par", "2026-11-26", "bsi-c5", Fail, "out of scope: the BSI C5 type2 certification \"c5\" of IONOS Cloud covers regions de/fra, de/txl, not ionoscloud_server in fr/par"},
		{"type1 for its type only, below type2", "ionoscloud_pg_cluster", "fr/par", "2026-11-26", "bsi-c5:type2", Fail, "BSI C5 type1 certification \"c5-dbaas\" of IONOS Cloud is below the required type2"},
		{"type1 for its type meets type1", "ionoscloud_pg_cluster", "fr/par", "2026-11-26", "bsi-c5:type1", Pass, "\"c5-dbaas\""},
		{"an unresolved region is for SOV004", "ionoscloud_server", "", "2026-11-26", "bsi-c5:type2", NotEvaluated, ""},
		{"a region the catalog lacks is for SOV005", "ionoscloud_server", "de/xyz", "2026-11-26", "bsi-c5:type2", NotEvaluated, ""},
		{"a valid ENS certificate", "ionoscloud_server", "es/vit", "2026-05-31", "ens:basica", Pass, "is held"},
		{"a lapsed ENS certificate", "ionoscloud_server", "es/vit", "2026-06-01", "ens:media", Fail, "ENS media certification \"ens\" of IONOS Cloud lapsed on 2026-05-31"},
		{"an ENS certificate below the level", "ionoscloud_server", "es/vit", "2026-01-10", "ens:alta", Fail, "below the required alta"},
		{"an ACN certificate not yet valid", "ionoscloud_server", "de/fra", "2024-12-31", "acn:QI2", Fail, "valid only from 2025-01-01"},
		{"an infrastructure level meets an infrastructure minimum", "ionoscloud_server", "de/fra", "2026-11-26", "acn:QI3", Pass, "is held"},
		{"an infrastructure level does not compare with a service minimum", "ionoscloud_server", "de/fra", "2026-11-26", "acn:QC1", Fail, "on another ladder"},
		{"in progress does not count", "ionoscloud_server", "de/fra", "2026-11-26", "eu-csf:SEAL-2", Fail, "is only in progress"},
		{"a scheme nothing says of", "ionoscloud_server", "de/fra", "2026-11-26", "eucs", Unknown, "records no EUCS certification for IONOS Cloud"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cv := certQuery(t, c, "ionos", "", tt.typ, tt.region, tt.date, tt.requirement)
			if cv.Outcome != tt.want || !strings.Contains(cv.Reason, tt.reason) {
				t.Errorf("%s: got %s (%q), want %s containing %q", tt.requirement, cv.Outcome, cv.Reason, tt.want, tt.reason)
			}
			if cv.Outcome != NotEvaluated && cv.Outcome != Unknown && cv.Certification == nil {
				t.Error("the verdict names no certification fact")
			}
		})
	}
}

func TestHeldCertificationsFollowTheScope(t *testing.T) {
	c, err := extend(t, acmeAttestations)
	if err != nil {
		t.Fatal(err)
	}
	p := c.ByID("ionos")
	ids := func(region, typ string) string {
		_, r := p.LookupRegion(region, nil)
		var out []string
		for _, h := range p.HeldCertifications(nil, typ, r, false) {
			out = append(out, h.ID)
		}
		return strings.Join(out, " ")
	}
	if got := ids("de/fra", "ionoscloud_server"); got != "c5 acn eu-csf" {
		t.Errorf("de/fra server: %q", got)
	}
	if got := ids("fr/par", "ionoscloud_pg_cluster"); got != "c5-dbaas acn eu-csf" {
		t.Errorf("fr/par postgres: %q", got)
	}
}

// TestCertificationOnAnOffer checks that an offer's regions and resource
// types bound the certifications declared in it, and that a listed-only
// offer's never decide.
func TestCertificationOnAnOffer(t *testing.T) {
	c, err := extend(t, `source "acme_c5" {
  title = "report"
  date  = "2026-10-01"
}
provider "ionos" {
  offer "managed-k8s" {
    name           = "Managed Kubernetes"
    status         = "not_qualified"
    resource_types = ["ionoscloud_k8s_*"]
    regions        = ["de/fra"]
    source         = ["acme_c5"]
    as_of          = "2026-10-01"
    verified       = "primary"
    certification "c5" {
      scheme   = "bsi-c5"
      level    = "type2"
      status   = "certified"
      source   = ["acme_c5"]
      as_of    = "2026-10-01"
      verified = "primary"
    }
  }
  offer "listed" {
    name        = "Listed only"
    status      = "unknown"
    listed_only = true
    source      = ["acme_c5"]
    as_of       = "2026-10-01"
    verified    = "primary"
    certification "ens" {
      scheme      = "ens"
      level       = "alta"
      status      = "certified"
      valid_from  = "2025-01-01"
      valid_until = "2026-12-31"
      source      = ["acme_c5"]
      as_of       = "2026-10-01"
      verified    = "primary"
    }
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	if _, cv := certQuery(t, c, "ionos", "", "ionoscloud_k8s_cluster", "de/fra", "2026-11-26", "bsi-c5:type2"); cv.Outcome != Pass {
		t.Errorf("k8s in de/fra: %s %q", cv.Outcome, cv.Reason)
	}
	if _, cv := certQuery(t, c, "ionos", "", "ionoscloud_k8s_cluster", "de/txl", "2026-11-26", "bsi-c5:type2"); cv.Outcome != Fail || !strings.Contains(cv.Reason, "covers regions de/fra and resource types ionoscloud_k8s_*") {
		t.Errorf("k8s in de/txl: %s %q", cv.Outcome, cv.Reason)
	}
	if _, cv := certQuery(t, c, "ionos", "", "ionoscloud_server", "de/fra", "2026-11-26", "bsi-c5"); cv.Outcome != Fail {
		t.Errorf("a server is outside the k8s offer: %s %q", cv.Outcome, cv.Reason)
	}
	if _, cv := certQuery(t, c, "ionos", "", "ionoscloud_server", "de/fra", "2026-11-26", "ens"); cv.Outcome != Fail || !strings.Contains(cv.Reason, "listed only") {
		t.Errorf("a listed-only offer's certification decided: %s %q", cv.Outcome, cv.Reason)
	}
}

func TestParseRequirement(t *testing.T) {
	c := Default()
	for in, want := range map[string]string{
		"bsi-c5:type2": "bsi-c5:type2", "ACN:qc3": "acn:QC3", "\teu-csf:seal-3\n": "eu-csf:SEAL-3", "ens": "ens", "secnumcloud": "secnumcloud",
	} {
		got, err := c.ParseRequirement(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseRequirement(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"c5":             `"c5" names no certification scheme (known: acn, bsi-c5, ens, eu-csf, eucs, secnumcloud)`,
		"bsi-c5:type3":   `"type3" is not a level of BSI C5 (levels: type1, type2)`,
		"secnumcloud:3":  "SecNumCloud has no levels",
		"acn:QC5":        "levels: QC1, QC2, QC3, QC4, QI1, QI2, QI3, QI4",
		"eu-csf:SEAL-10": "levels: SEAL-0",
	} {
		if _, err := c.ParseRequirement(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseRequirement(%q): %v, want an error containing %q", in, err, want)
		}
	}
}

func TestCertificationBlocksAreChecked(t *testing.T) {
	base := `source "s" {
  title = "t"
  date  = "2026"
}
provider "ionos" {
  certification "x" {
%s
    source   = ["s"]
    as_of    = "2026-10-01"
    verified = "primary"
  }
}
`
	for body, want := range map[string]string{
		`scheme = "c5"` + "\n" + `status = "certified"`:                                                                             `scheme "c5" is not a scheme of the catalog`,
		`scheme = "secnumcloud"` + "\n" + `status = "certified"`:                                                                    "a SecNumCloud qualification is an offer's status",
		`scheme = "bsi-c5"` + "\n" + `status = "held"`:                                                                              "status must be certified, in_progress, not_certified or unknown",
		`scheme = "bsi-c5"` + "\n" + `level = "type3"` + "\n" + `status = "certified"`:                                              `"type3" is not a level of BSI C5`,
		`scheme = "bsi-c5"` + "\n" + `scheme_version = "C5:2016"` + "\n" + `status = "certified"`:                                   `scheme_version "C5:2016" is not a version of BSI C5`,
		`scheme = "ens"` + "\n" + `status = "certified"` + "\n" + `valid_from = "2026-02-30"`:                                       `date "2026-02-30" is not YYYY-MM-DD`,
		`scheme = "ens"` + "\n" + `status = "certified"` + "\n" + `valid_from = "2026-02-01"` + "\n" + `valid_until = "2025-02-01"`: "valid_until 2025-02-01 is before valid_from 2026-02-01",
		`scheme = "bsi-c5"` + "\n" + `status = "certified"` + "\n" + `observation_period = "2025"`:                                  `observation_period "2025" is not FROM/UNTIL`,
		`scheme = "bsi-c5"` + "\n" + `status = "certified"` + "\n" + `regions = ["de/xyz"]`:                                         `names region "de/xyz", which is not declared`,
		`scheme = "bsi-c5"` + "\n" + `status = "certified"` + "\n" + `register_url = "ftp://x"`:                                     "register_url is not an http(s) address",
	} {
		_, err := extend(t, strings.Replace(base, "%s", body, 1))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s:\n got %v\nwant an error containing %q", body, err, want)
		}
		if err != nil && !strings.Contains(err.Error(), ".sovlint.hcl:") {
			t.Errorf("the error does not name the file and line: %v", err)
		}
	}
}

// TestCertificationDateErrorsAreEscaped checks that a validity date that
// is not one reaches the diagnostics quoted only: compared as a string with
// the other date it used to be printed bare, control characters and all.
func TestCertificationDateErrorsAreEscaped(t *testing.T) {
	_, err := extend(t, `source "s" {
  title = "t"
  date  = "2026"
}
provider "ionos" {
  certification "x" {
    scheme      = "ens"
    status      = "certified"
    valid_from  = "2026-02-01"
    valid_until = "\u001b[2J"
    source      = ["s"]
    as_of       = "2026-10-01"
    verified    = "primary"
  }
}
`)
	if err == nil || !strings.Contains(err.Error(), `date "\x1b[2J" is not YYYY-MM-DD`) {
		t.Fatalf("got %v, want the date quoted in an error", err)
	}
	var diags hcl.Diagnostics
	if !errors.As(err, &diags) {
		t.Fatalf("%T is not hcl.Diagnostics", err)
	}
	for _, d := range diags {
		if strings.Contains(d.Summary+d.Detail, "\x1b") {
			t.Errorf("a control character reached a diagnostic unescaped: %q", d.Summary)
		}
	}
}

// TestUserCertificationReplacesTheCatalogs checks that a .sovlint.hcl block
// with a catalog certification's ID replaces it: the renewal of an
// attestation the catalog has is declared that way.
func TestUserCertificationReplacesTheCatalogs(t *testing.T) {
	c, err := extend(t, `source "ibm_report" {
  title = "IBM Cloud C5 Type 2 report 2025, as read by ACME"
  date  = "2026-03-01"
}
provider "ibm" {
  certification "c5" {
    scheme             = "bsi-c5"
    level              = "type2"
    status             = "certified"
    observation_period = "2025-01-01/2025-12-31"
    source             = ["ibm_report"]
    as_of              = "2026-03-01"
    verified           = "primary"
  }
}
`)
	if err != nil {
		t.Fatal(err)
	}
	_, cv := certQuery(t, c, "ibm", "", "ibm_is_instance", "eu-de", "2026-11-26", "bsi-c5:type2")
	if cv.Outcome != Pass || cv.Certification.Sources[0] != "ibm_report" {
		t.Errorf("got %s %q citing %v", cv.Outcome, cv.Reason, cv.Fact.Sources)
	}
	n := 0
	for _, x := range c.ByID("ibm").AllCertifications() {
		if x.ID == "c5" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d certifications named c5, want the user's only", n)
	}
	if _, cv := certQuery(t, Default(), "ibm", "", "ibm_is_instance", "eu-de", "2026-11-26", "bsi-c5:type2"); cv.Outcome == Pass {
		t.Error("the extension changed the embedded catalog")
	}
}
