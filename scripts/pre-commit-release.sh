#!/bin/sh
# The sovlint-release pre-commit hook: runs sovlint's release binary, for
# teams without Go. The first run downloads the release the hook's rev
# names, checks its SHA-256 against the release's checksums.txt
# (scripts/install.sh) and keeps it in a cache; later runs use the cache.
#
# Which release: $SOVLINT_VERSION when set, else the tag the hook's rev
# names (rev: v1.2.3). pre-commit fetches only that rev, so the tag is read
# from the clone's FETCH_HEAD, or from git when the tag is in the clone.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"

version="${SOVLINT_VERSION:-}"
if [ -z "$version" ] && [ -f "$here/.git/FETCH_HEAD" ]; then
	# "<sha>	<flags>	tag 'v1.2.3' of <url>"
	version="$(sed -n "s/^[0-9a-f]*	[^	]*	tag '\(v[0-9][^']*\)' of .*/\1/p" "$here/.git/FETCH_HEAD" | head -n 1)"
fi
if [ -z "$version" ] && command -v git >/dev/null 2>&1; then
	version="$(GIT_DIR="$here/.git" git describe --tags --exact-match HEAD 2>/dev/null || true)"
fi
if [ -z "$version" ]; then
	echo "sovlint-release: cannot tell which release to run: set the hook's rev to a release tag (rev: v1.2.3), or SOVLINT_VERSION" >&2
	exit 2
fi

cache="${SOVLINT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sovlint}/$version"
bin="$cache/sovlint"
[ -x "$bin" ] || [ -x "$bin.exe" ] || "$here/scripts/install.sh" -b "$cache" "$version" >/dev/null
[ -x "$bin" ] || bin="$bin.exe"
exec "$bin" "$@"
