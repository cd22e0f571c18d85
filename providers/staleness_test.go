package providers

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

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
		{outscale, "2026-12-01", `the SecNumCloud qualification of "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)" (ANSSI decision 2118) ended on 2026-11-30 and the catalog records no renewal: resources relying on it fail SOV001 until a renewal is declared`},
		{ovhHPC, "2026-11-23", ""}, // 36 days left
		{ovhHPC, "2026-12-01", `the SecNumCloud qualification of "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)" (ANSSI decision 2279) ends on 2026-12-29, in 28 days: check that it is renewed`},
		{ovhHPC, "2026-12-30", `the SecNumCloud qualification of "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)" (ANSSI decision 2279) ended on 2026-12-29 and the catalog records no renewal: resources relying on it fail SOV001 until a renewal is declared`},
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
