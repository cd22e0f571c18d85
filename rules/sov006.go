package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
)

// ReplicationEgress follows the copies a resource makes of its data: a
// sensitive table in Paris replicated to Virginia is in Virginia too.
var ReplicationEgress = &Rule{
	ID:          "SOV006",
	Name:        "replication-egress",
	Summary:     "sensitive resource replicated, copied or backed up to a destination failing the policy",
	Severity:    finding.SeverityError,
	Remediation: "keep replicas, backup copies and geo-redundant pairs in regions that meet the same policy as the resource (EU residency, qualified offer)",
	Check: func(s *Subject) *Failure {
		r := s.Resource
		if r.Catalog == nil || len(r.Replicas) == 0 {
			return nil
		}
		var problems []string
		var facts []providers.Fact
		for i, rep := range r.Replicas {
			if msg, f := replicaProblem(s, rep, s.Replicas[i]); msg != "" {
				problems = append(problems, msg)
				facts = append(facts, f...)
			}
		}
		if len(problems) == 0 {
			return nil
		}
		return fail(strings.Join(problems, "; "), facts...)
	},
}

// replicaProblem says why a replica fails the policy, citing the spec that
// makes it a copy and the fact about its destination. A destination fails
// when it would fail a requirement the resource's classification makes of
// the resource itself: residency (SOV003), EU legal control (SOV002),
// SecNumCloud qualification (SOV001).
func replicaProblem(s *Subject, rep analyzer.Replica, dest *providers.Profile) (string, []providers.Fact) {
	var spec providers.Fact
	if rep.Spec != nil {
		spec = rep.Spec.Fact
	} else {
		for _, r := range s.Resource.Catalog.ReplicationsFor(s.Resource.Type) {
			if r.Name == rep.Via {
				spec = r.Fact
			}
		}
	}
	to := rep.Region
	if rep.Resource != "" {
		to = fmt.Sprintf("%s (%s)", rep.Resource, rep.Region)
	}
	switch {
	case rep.Unresolved != "":
		return fmt.Sprintf("%s goes to a destination that cannot be determined statically: %s", rep.Via, rep.Unresolved), []providers.Fact{spec}
	case rep.Known == nil || dest == nil:
		return fmt.Sprintf("%s goes to region %q, which is not in the catalog", rep.Via, rep.Region), []providers.Fact{spec}
	}
	// An outcome that is unknown fails closed: a destination whose country
	// is unverified is not known to be acceptable, as the resource's own
	// region would not be.
	for _, c := range []struct {
		rule    string
		verdict providers.Verdict
	}{
		{OutsideEU.ID, dest.Residency},
		{ExtraterritorialLaw.ID, dest.LegalControl},
		{NotSecNumCloud.ID, dest.SecNumCloud},
	} {
		if !slices.Contains(s.Required, c.rule) {
			continue
		}
		if o := c.verdict.Outcome; o == providers.Fail || o == providers.Unknown {
			return fmt.Sprintf("%s copies the data to %s, where %s", rep.Via, to, c.verdict.Reason), []providers.Fact{spec, c.verdict.Fact}
		}
	}
	return "", nil
}
