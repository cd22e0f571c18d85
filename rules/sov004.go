package rules

import "github.com/sovlint/sovlint/finding"

// UnresolvedLocation makes "could not tell" a finding rather than a pass:
// a region that only the environment or apply knows cannot be vouched for.
var UnresolvedLocation = &Rule{
	ID:          "SOV004",
	Name:        "unresolved-location",
	Summary:     "sensitive resource whose provider or region cannot be determined statically",
	Severity:    finding.SeverityError,
	Remediation: "write the region in the provider block or the resource (a literal or a variable with a value), not only in the environment; for a plan, give the sources with --dir so locals can be evaluated",
	Check: func(s *Subject) *Failure {
		r := s.Resource
		switch {
		case r.Catalog == nil || r.Catalog.Local:
			return nil
		case r.Location.Unresolved != "":
			return fail("location unresolved: " + r.Location.Unresolved)
		case s.Undecided != "":
			msg := s.Undecided
			if why := r.Location.Source.Why; why != "" {
				msg = why + "; " + msg
			}
			return fail("location undecided: " + msg)
		}
		return nil
	},
}
