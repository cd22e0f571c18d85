package rules

import (
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// OutsideEU fires when the resolved region (or a global service) puts the
// data outside the countries the residency policy accepts, or when the
// catalog's country for the region is unverified: residency then is not
// established, and an unestablished fact fails closed.
var OutsideEU = &Rule{
	ID:          "SOV003",
	Name:        "outside-eu",
	Summary:     "sensitive resource whose region is outside the EU",
	Severity:    finding.SeverityError,
	Remediation: "set the resource's or its provider's region to one in an EU member state (or widen the residency policy in .sovlint.hcl if EEA or Swiss hosting is acceptable)",
	Check: func(s *Subject) *Failure {
		if s.Profile == nil {
			return nil
		}
		if o := s.Profile.Residency.Outcome; o != providers.Fail && o != providers.Unknown {
			return nil
		}
		return fail(s.Profile.Residency.Reason, s.Profile.Residency.Fact)
	},
}
