package providers

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// extendSrc extends the embedded catalog with .sovlint.hcl text.
func extendSrc(src string) (*Catalog, error) {
	f, diags := hclsyntax.ParseConfig([]byte(src), ".sovlint.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	return Extend(Default(), f.Body, ".sovlint.hcl")
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func offerByID(t *testing.T, providerID, offerID string) *Offer {
	t.Helper()
	for _, o := range Default().ByID(providerID).Offers {
		if o.ID == offerID {
			return o
		}
	}
	t.Fatalf("no offer %s/%s", providerID, offerID)
	return nil
}

func TestStaleQualification(t *testing.T) {
	outscale := offerByID(t, "outscale", "iaas-cloudgouv")     // valid until 2026-11-30
	ovhHPC := offerByID(t, "ovh", "hpc-vmware-snc")            // valid until 2026-12-29
	notQualified := offerByID(t, "outscale", "iaas-eu-west-2") // never stale
	old := &Offer{Name: "Old", Status: StatusQualified, QualifiedFrom: "2023-01-01", ValidUntil: "2027-06-01"}
	tests := []struct {
		offer *Offer
		now   string
		want  string // "" when not stale
	}{
		{outscale, "2026-10-30", ""},
		{outscale, "2026-10-31", `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) ends on 2026-11-30, in 30 days: check that it is renewed`},
		{outscale, "2026-11-23", `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) ends on 2026-11-30, in 7 days: check that it is renewed`},
		{outscale, "2026-11-30", `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) ends today (2026-11-30): check that it is renewed`},
		{outscale, "2026-12-01", `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) ended on 2026-11-30 and the catalog records no renewal: resources relying on it fail SOV001. Upgrade sovlint (or load a newer catalog with --catalog) if its catalog records the renewal; or, once ANSSI's catalog of qualified services lists the renewal, declare it in .sovlint.hcl by filling in and pasting this block:` + "\n\n" + outscale.RenewalBlock()},
		{ovhHPC, "2026-11-23", ""}, // 36 days left
		{ovhHPC, "2026-12-01", `the SecNumCloud qualification of "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)" (ANSSI decision 2279) ends on 2026-12-29, in 28 days: check that it is renewed`},
		{ovhHPC, "2026-12-29", `the SecNumCloud qualification of "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)" (ANSSI decision 2279) ends today (2026-12-29): check that it is renewed`},
		{ovhHPC, "2026-12-30", `the SecNumCloud qualification of "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)" (ANSSI decision 2279) ended on 2026-12-29 and the catalog records no renewal: resources relying on it fail SOV001. Upgrade sovlint (or load a newer catalog with --catalog) if its catalog records the renewal; or, once ANSSI's catalog of qualified services lists the renewal, declare it in .sovlint.hcl by filling in and pasting this block:` + "\n\n" + ovhHPC.RenewalBlock()},
		{notQualified, "2030-01-01", ""},
		{old, "2025-12-31", ""},
		{old, "2026-01-01", `the SecNumCloud qualification of "Old" dates from 2023-01-01, longer ago than the 3 years a qualification lasts: check that it was renewed`},
	}
	for _, tt := range tests {
		t.Run(tt.offer.ID+"@"+tt.now, func(t *testing.T) {
			st, stale := tt.offer.StaleQualification(day(tt.now))
			if diff := cmp.Diff(tt.want, st.Message); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if stale != (tt.want != "") {
				t.Errorf("stale = %v", stale)
			}
			if lapsed := strings.Contains(tt.want, "ended on"); st.Lapsed != lapsed {
				t.Errorf("Lapsed = %v, want %v", st.Lapsed, lapsed)
			}
			if stale && tt.offer.DeclRange.Filename != "" && st.Range != tt.offer.DeclRange {
				t.Errorf("the warning points at %v, want the offer at %v", st.Range, tt.offer.DeclRange)
			}
		})
	}
}

func TestStaleData(t *testing.T) {
	c := &Catalog{AsOf: "2026-11-23"}
	if _, stale := c.StaleData(day("2027-11-22")); stale {
		t.Error("a catalog less than 12 months old is stale")
	}
	st, stale := c.StaleData(day("2027-11-24"))
	want := "the sovereignty catalog's newest fact dates from 2026-11-23, more than 12 months ago: qualifications and operators may have changed since; update sovlint, or declare newer facts in .sovlint.hcl"
	if !stale || st.Message != want {
		t.Errorf("StaleData = %q, %v", st.Message, stale)
	}
	if _, stale := (&Catalog{AsOf: "2025-10"}).StaleData(day("2026-10-02")); !stale {
		t.Error("a month-only as_of counts from the first of the month")
	}
}

// The block a lapse prints, verbatim: what users paste into .sovlint.hcl.
func TestRenewalBlock(t *testing.T) {
	want := `# Renewal of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118), which ended on 2026-11-30.
# Copy every <...> from the edition of ANSSI's catalog that lists the renewal.
source "anssi_renewal_iaas_cloudgouv" {
  title = "ANSSI catalog of qualified products and services, edition of <DD/MM/YYYY>: OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2), decision <number>"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "<YYYY-MM-DD of the catalog edition>"
}

provider "outscale" {
  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "<YYYY-MM-DD>"
    valid_until    = "<YYYY-MM-DD>"
    decision       = "<the renewal's decision number>"
    source         = ["anssi_renewal_iaas_cloudgouv"]
    as_of          = "<YYYY-MM-DD: the day you read the catalog>"
    verified       = "primary"
  }
}
`
	if diff := cmp.Diff(want, offerByID(t, "outscale", "iaas-cloudgouv").RenewalBlock()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// A renewal block pasted as printed is an error on the lines still holding
// a placeholder (never a silent pass); filled in, it renews the offer.
func TestRenewalBlockRoundTrip(t *testing.T) {
	now := day("2026-12-01")
	for _, tc := range []struct{ provider, offer string }{{"outscale", "iaas-cloudgouv"}, {"ovh", "hpc-vmware-snc"}} {
		o := offerByID(t, tc.provider, tc.offer)
		block := o.RenewalBlock()
		_, err := extendSrc(block)
		if err == nil {
			t.Fatalf("%s: the unfilled block was accepted", tc.offer)
		}
		diags, _ := err.(hcl.Diagnostics) //nolint:errorlint // Extend returns hcl.Diagnostics itself
		all := describe(diags)
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Filename != ".sovlint.hcl" || d.Subject.Start.Line == 0 {
				t.Errorf("%s: %q does not name the file and line", tc.offer, d.Summary)
			}
		}
		for _, want := range []string{`source "anssi_renewal_`, "date", "is not YYYY-MM-DD", "decision", "as_of"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the errors do not name the unfilled %s:\n%s", tc.offer, want, all)
			}
		}
		filled := strings.NewReplacer(
			"<YYYY-MM-DD of the catalog edition>", "2026-11-15",
			"<YYYY-MM-DD: the day you read the catalog>", "2026-12-01",
			`qualified_from = "<YYYY-MM-DD>"`, `qualified_from = "2026-11-30"`,
			`valid_until    = "<YYYY-MM-DD>"`, `valid_until    = "2029-11-30"`,
			"<the renewal's decision number>", "4242",
		).Replace(block)
		cat, err := extendSrc(filled)
		if err != nil {
			t.Fatalf("%s: the filled block is rejected: %v", tc.offer, err)
		}
		var renewed *Offer
		for _, x := range cat.ByID(tc.provider).Offers {
			if x.ID == tc.offer {
				renewed = x
			}
		}
		if renewed == nil || renewed.Decision != "4242" {
			t.Fatalf("%s: the renewal does not replace the offer: %+v", tc.offer, renewed)
		}
		if v := offerVerdict(renewed, now); v.Outcome != Pass {
			t.Errorf("%s: the renewed offer does not pass: %+v", tc.offer, v)
		}
		if _, stale := renewed.StaleQualification(now); stale {
			t.Errorf("%s: the renewed offer is still reported stale", tc.offer)
		}
	}
}
