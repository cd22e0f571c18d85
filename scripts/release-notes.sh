#!/bin/sh
# Print the CHANGELOG.md section of a release (Keep a Changelog: a
# "## [1.2.3] - 2026-12-01" heading), for the release notes:
#
#   scripts/release-notes.sh v1.2.3 > notes.md
#   scripts/release-notes.sh --check v1.2.3   # only fail when it is missing
#
# Exit status 1 when the section is missing or empty: a release without its
# changelog entry is not made.
set -eu
check=false
if [ "${1:-}" = --check ]; then
	check=true
	shift
fi
[ $# -eq 1 ] || { echo "usage: $0 [--check] vX.Y.Z" >&2; exit 2; }
version="${1#v}"
changelog="${CHANGELOG:-$(dirname "$0")/../CHANGELOG.md}"

notes="$(awk -v v="$version" '
	/^## \[/ {
		if (found) exit
		h = $0; sub(/^## \[/, "", h); sub(/\].*$/, "", h)
		if (h == v) { found = 1; next }
	}
	found { print }
' "$changelog" | sed -e '/./,$!d')"

if [ -z "$(printf '%s' "$notes" | tr -d '[:space:]')" ]; then
	echo "CHANGELOG.md has no entries under \"## [$version]\": move the Unreleased entries there before tagging v$version" >&2
	exit 1
fi
$check || printf '%s\n' "$notes"
