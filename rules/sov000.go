package rules

import "github.com/sovlint/sovlint/finding"

// SuppressionRule is sovlint's own finding about the scan's suppressions: an
// inline ignore or config exception without a reason, past its expiry, or
// matching nothing. It has no Check: the engine reports it after applying
// suppressions, as staticcheck and nolintlint do for unused ignores.
var SuppressionRule = &Rule{
	ID:          "SOV000",
	Name:        "suppression",
	Summary:     "a suppression is invalid, expired or matches nothing",
	Severity:    finding.SeverityWarning,
	Remediation: "give every suppression a reason and an expiry date, renew or remove expired ones, and delete those that no longer match a finding",
}
