package rules

import (
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// ExtraterritorialLaw fires when the operator is not established to be free
// of non-EU control, whatever the region: a US company's EU region is still
// reachable by the CLOUD Act.
var ExtraterritorialLaw = &Rule{
	ID:          "SOV002",
	Name:        "extraterritorial-law",
	Summary:     "sensitive resource operated by a company subject to non-EU law",
	Severity:    finding.SeverityError,
	Remediation: "use an operator under EU legal control (no non-EU parent or capital control), such as a SecNumCloud-qualified offer",
	Check: func(s *Subject) *Failure {
		if s.Profile == nil {
			return nil
		}
		v := s.Profile.LegalControl
		if v.Outcome != providers.Fail && v.Outcome != providers.Unknown {
			return nil
		}
		return fail(v.Reason, v.Fact)
	},
}
