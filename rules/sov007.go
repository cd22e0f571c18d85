package rules

import (
	"fmt"
	"strings"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// MissingCertification checks the certifications a policy requires other
// than SecNumCloud (BSI C5, ACN, ENS, EU CSF, EUCS). It fails closed: a
// certification the catalog does not record, or records unverified, fires
// as surely as a lapsed one.
var MissingCertification = &Rule{
	ID:          "SOV007",
	Name:        "missing-certification",
	Summary:     "sensitive resource on a service without a certification the policy requires",
	Severity:    finding.SeverityError,
	Remediation: "move the resource to an offer and region that hold the certification at the required level; if the provider holds it, declare the attestation in .sovlint.hcl with its scope, validity and source; or record an exception with its reason and expiry",
	Check: func(s *Subject) *Failure {
		if s.Profile == nil || len(s.Certifications) == 0 {
			return nil
		}
		var (
			problems []string
			facts    []providers.Fact
		)
		for _, req := range s.Certifications {
			if req.Scheme.ID == providers.SchemeSecNumCloud {
				continue // SOV001's
			}
			cv, ok := s.Profile.Certification(req)
			if !ok || (cv.Outcome != providers.Fail && cv.Outcome != providers.Unknown) {
				continue
			}
			problems = append(problems, fmt.Sprintf("requires %s%s: %s [%s]", req.Label(), where(s), cv.Reason, sourceOf(cv)))
			facts = append(facts, cv.Fact)
		}
		if len(problems) == 0 {
			return nil
		}
		return fail(strings.Join(problems, "; "), facts...)
	},
}

// sourceOf names the catalog fact a certification verdict rests on.
func sourceOf(cv providers.CertificationVerdict) string {
	if len(cv.Fact.Sources) == 0 {
		return "no catalog fact"
	}
	return fmt.Sprintf("source: %s, as of %s, %s", strings.Join(cv.Fact.Sources, ", "), cv.Fact.AsOf, cv.Fact.Verified)
}
