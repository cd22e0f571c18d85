package rules

import (
	"fmt"
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
// makes it a copy and the fact about its destination.
func replicaProblem(s *Subject, rep analyzer.Replica, dest *providers.Profile) (string, []providers.Fact) {
	var spec providers.Fact
	for _, r := range s.Resource.Catalog.ReplicationsFor(s.Resource.Type) {
		if r.Name == rep.Via {
			spec = r.Fact
		}
	}
	switch {
	case rep.Unresolved != "":
		return fmt.Sprintf("%s goes to a destination that cannot be determined statically: %s", rep.Via, rep.Unresolved), []providers.Fact{spec}
	case rep.Known == nil:
		return fmt.Sprintf("%s goes to region %q, which is not in the catalog", rep.Via, rep.Region), []providers.Fact{spec}
	}
	// A destination whose country is unverified is not known to be
	// acceptable: it fails closed, as the resource's own region would.
	if o := dest.Residency.Outcome; o == providers.Fail || o == providers.Unknown {
		return fmt.Sprintf("%s copies the data to %s: %s", rep.Via, rep.Region, dest.Residency.Reason), []providers.Fact{spec, dest.Residency.Fact}
	}
	if s.Profile != nil && s.Profile.SecNumCloud.Outcome == providers.Pass && dest.SecNumCloud.Outcome != providers.Pass {
		return fmt.Sprintf("%s copies the data from a qualified service to %s, where %s", rep.Via, rep.Region, dest.SecNumCloud.Reason), []providers.Fact{spec, dest.SecNumCloud.Fact}
	}
	return "", nil
}
