# A policy over sovlint's JSON output (sovlint scan --format json): the
# findings decide, with an organisation's own rules on top. Evaluate it with
#
#   sovlint scan --format json:sovlint.json plan.json || true
#   opa eval --fail-defined -d sovlint.rego -i sovlint.json 'data.sovlint.deny[msg]'
#   conftest test --policy . --namespace sovlint sovlint.json
#
# The JSON fields used are sovlint's contract (README "JSON output"): they
# are only ever added to, never renamed or removed.
package sovlint

# Rules that block; the others warn.
blocking := {"SOV001", "SOV002", "SOV003", "SOV004", "SOV006"}

# Production accounts where even warnings block.
production_files := {"envs/prod/plan.json"}

# A finding counts unless a reasoned, unexpired suppression covers it
# (sovlint keeps suppressed findings in the output, marked).
active contains f if {
	some f in input.findings
	not f.suppressed
}

deny contains msg if {
	some f in active
	f.rule in blocking
	f.severity == "error"
	msg := sprintf("%s %s: %s (%s)", [f.rule, f.address, f.message, f.file])
}

deny contains msg if {
	some f in active
	f.file in production_files
	f.severity != "error"
	msg := sprintf("%s %s in production: %s", [f.rule, f.address, f.message])
}

warn contains msg if {
	some f in active
	not f.rule in blocking
	msg := sprintf("%s %s: %s", [f.rule, f.address, f.message])
}

# Fail closed: a scan that checked nothing (no resource tagged sensitive)
# is not a pass for a repository that must have sensitive resources.
deny contains "sovlint checked no resource: tag the sensitive ones (see sovlint init)" if {
	input.summary.sensitive == 0
}
