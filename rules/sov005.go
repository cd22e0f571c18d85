package rules

import (
	"fmt"

	"github.com/sovlint/sovlint/finding"
)

// UnknownProvider fires when the catalog cannot say anything about where a
// resource lands: its provider, or its region within a known provider.
var UnknownProvider = &Rule{
	ID:          "SOV005",
	Name:        "unknown-provider",
	Summary:     "sensitive resource on a provider or region absent from the sovereignty catalog",
	Severity:    finding.SeverityError,
	Remediation: "check the region for typos; otherwise declare the provider or region, with its source, in .sovlint.hcl (or contribute it to the catalog)",
	Check: func(s *Subject) *Failure {
		r := s.Resource
		switch {
		case r.Catalog == nil:
			return fail(fmt.Sprintf("provider %q is not in the sovereignty catalog", r.Provider))
		case r.Catalog.Local || !r.Location.Resolved() || r.Location.Global:
			return nil
		case len(r.Location.Candidates) > 0:
			for _, c := range r.Location.Candidates {
				if c.Known == nil {
					return fail(fmt.Sprintf("region %q, one of those the resource may be in, is not in the catalog for %s", c.Region, r.Catalog.Name))
				}
			}
			return nil
		case r.Region == nil:
			name := r.Catalog.Name
			if r.Variant != nil {
				name = r.Variant.Name
			}
			return fail(fmt.Sprintf("region %q is not in the catalog for %s", r.Location.Region, name))
		}
		return nil
	},
}
