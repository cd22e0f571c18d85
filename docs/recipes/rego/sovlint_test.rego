package sovlint_test

import data.sovlint

finding(rule, severity) := {
	"rule": rule, "severity": severity, "address": "aws_s3_bucket.b",
	"message": "m", "file": "plan.json",
}

test_error_finding_denies if {
	count(sovlint.deny) == 1 with input as {"summary": {"sensitive": 1}, "findings": [finding("SOV001", "error")]}
}

test_suppressed_finding_passes if {
	f := object.union(finding("SOV001", "error"), {"suppressed": {"reason": "migration, OPS-12"}})
	count(sovlint.deny) == 0 with input as {"summary": {"sensitive": 1}, "findings": [f]}
}

test_suppression_finding_warns if {
	inp := {"summary": {"sensitive": 1}, "findings": [finding("SOV000", "warning")]}
	count(sovlint.deny) == 0 with input as inp
	count(sovlint.warn) == 1 with input as inp
}

test_nothing_checked_denies if {
	count(sovlint.deny) == 1 with input as {"summary": {"sensitive": 0}, "findings": []}
}
