#!/bin/sh
# Scan the plan of an HCP Terraform or Terraform Enterprise run: download
# its JSON execution plan through the API, then run sovlint on it.
#
#   TFE_TOKEN=... sovlint-hcp.sh run-XXXXXXXX [sovlint scan flags...]
#
# TFE_ADDRESS is https://app.terraform.io by default (your Terraform
# Enterprise's address otherwise). The token must be allowed to read the
# run's JSON plan, which holds the plan's sensitive values: a team token
# with the workspace permission to download sensitive values, or a
# workspace admin's. The plan is written to a private temporary file and
# removed afterwards.
set -eu
run="${1:?usage: sovlint-hcp.sh RUN_ID [sovlint scan flags...]}"
shift
: "${TFE_TOKEN:?set TFE_TOKEN to an API token}"
address="${TFE_ADDRESS:-https://app.terraform.io}"

umask 077
plan="$(mktemp)"
trap 'rm -f "$plan"' EXIT INT TERM
# The endpoint answers with a redirect to a short-lived URL of the plan;
# curl follows it without sending the token there (no --location-trusted).
proto='=https'
case "$address" in http://*) proto='=http,https' ;; esac # a test server or a plain-HTTP TFE
curl -fsS --location --proto "$proto" --proto-redir "$proto" \
	-H "Authorization: Bearer $TFE_TOKEN" \
	-H "Content-Type: application/vnd.api+json" \
	-o "$plan" "$address/api/v2/runs/$run/plan/json-output"
sovlint scan --plan "$@" "$plan"
