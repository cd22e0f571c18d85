package rules

import (
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// NotSecNumCloud fails closed: a status that is unknown, in progress, lapsed
// or unverified fires, because only a confirmed qualification passes.
var NotSecNumCloud = &Rule{
	ID:          "SOV001",
	Name:        "not-secnumcloud",
	Summary:     "sensitive resource on a service that is not known to be SecNumCloud-qualified",
	Severity:    finding.SeverityError,
	Remediation: "move the resource to a SecNumCloud-qualified offer and region (see `sovlint providers`), or record an exception with its reason and expiry",
	Check: func(s *Subject) *Failure {
		if s.Profile == nil {
			return nil
		}
		v := s.Profile.SecNumCloud
		if v.Outcome != providers.Fail && v.Outcome != providers.Unknown {
			return nil
		}
		return fail(v.Reason+where(s), v.Fact)
	},
}
