#!/bin/sh
# Install sovlint: the release binary for this machine, its SHA-256 checked
# against the release's checksums.txt, or a build of a source checkout.
#
#   install.sh [-b BINDIR] VERSION         download release VERSION (v1.2.3, or latest)
#   install.sh [-b BINDIR] -r REF          download the release REF names, if it names one
#   install.sh [-b BINDIR] -s SRCDIR       build SRCDIR with Go (1.26 or later)
#
# It prints the installed binary's path on stdout; messages go to stderr.
#
# Exit status: 0 installed; 1 error (including a checksum that does not
# match: never installed, never worked around); 3 REF names no release, or
# the release REF names could not be downloaded: building the same source
# is the way to get the same sovlint (the GitHub Action does that).
#
# Environment:
#   SOVLINT_RELEASES_URL  where releases are (default
#                         https://github.com/sovlint/sovlint/releases):
#                         VERSION's files are under download/VERSION/, the
#                         latest release's under latest/download/, as on
#                         GitHub. Tests point it at a local server.
#   SOVLINT_OS, SOVLINT_ARCH  override the detected platform (linux, darwin,
#                         windows; amd64, arm64).
set -eu

releases="${SOVLINT_RELEASES_URL:-https://github.com/sovlint/sovlint/releases}"
releases="${releases%/}"
bindir="./bin"
ref=""
ref_given=false
src=""

say() { printf 'sovlint install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 1
}

while getopts "b:r:s:h" opt; do
	case "$opt" in
	b) bindir="$OPTARG" ;;
	r)
		ref="$OPTARG"
		ref_given=true
		;;
	s) src="$OPTARG" ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
version="${1:-}"
[ $# -le 1 ] || usage

# A release tag: v, then three numbers, then an optional pre-release
# (v1.2.3-rc.1). "v1", branches and commits are not releases.
is_release() {
	printf '%s\n' "$1" | grep -Eq '^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'
}

detect_os() {
	if [ -n "${SOVLINT_OS:-}" ]; then echo "$SOVLINT_OS"; return; fi
	case "$(uname -s)" in
	Linux) echo linux ;;
	Darwin) echo darwin ;;
	MINGW* | MSYS* | CYGWIN* | Windows_NT) echo windows ;;
	*) die "no sovlint release for $(uname -s); build it from source (go install github.com/sovlint/sovlint/cmd/sovlint@VERSION)" ;;
	esac
}

detect_arch() {
	if [ -n "${SOVLINT_ARCH:-}" ]; then echo "$SOVLINT_ARCH"; return; fi
	case "$(uname -m)" in
	x86_64 | amd64) echo amd64 ;;
	aarch64 | arm64) echo arm64 ;;
	*) die "no sovlint release for $(uname -m) processors; build it from source (go install github.com/sovlint/sovlint/cmd/sovlint@VERSION)" ;;
	esac
}

fetch() { # URL FILE
	if command -v curl >/dev/null 2>&1; then
		curl -fsSL --retry 3 --connect-timeout 20 -o "$2" "$1"
	elif command -v wget >/dev/null 2>&1; then
		wget -q -T 20 -t 3 -O "$2" "$1"
	else
		die "neither curl nor wget is installed"
	fi
}

sha256() { # FILE
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | cut -d' ' -f1
	elif command -v shasum >/dev/null 2>&1; then
		shasum -a 256 "$1" | cut -d' ' -f1
	elif command -v openssl >/dev/null 2>&1; then
		openssl dgst -sha256 -r "$1" | cut -d' ' -f1
	else
		die "no SHA-256 tool (sha256sum, shasum or openssl): cannot verify the download"
	fi
}

# build SRCDIR: go build the checkout, after checking Go is recent enough
# (an older Go would print compiler errors, not what is wrong).
build() {
	command -v go >/dev/null 2>&1 || die "building sovlint from source needs Go 1.26 or later, and go is not on PATH"
	gov="$(go env GOVERSION 2>/dev/null || true)"
	minor="$(printf '%s\n' "$gov" | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')"
	if [ -z "$minor" ] || [ "$minor" -lt 26 ]; then
		die "sovlint needs Go ≥ 1.26 to build (found ${gov:-an unknown Go}): install Go 1.26 or later, or use a release binary"
	fi
	mkdir -p "$bindir"
	exe=sovlint
	[ "$(go env GOOS)" = windows ] && exe=sovlint.exe
	say "building $1 with $gov"
	(cd "$1" && CGO_ENABLED=0 go build -trimpath -o "$bindir/$exe" ./cmd/sovlint) ||
		die "go build failed in $1"
	echo "$bindir/$exe"
}

if [ -n "$src" ]; then
	case "$bindir" in /*) ;; *) bindir="$(pwd)/$bindir" ;; esac
	build "$src"
	exit 0
fi

# Without VERSION, REF decides: a release tag is that release; anything
# else has no release of its own (exit 3: build that source instead).
from_ref=false
if [ -z "$version" ]; then
	$ref_given || usage
	if ! is_release "$ref"; then
		say "${ref:-a local checkout} is not a release tag (vX.Y.Z): no binary to download for it"
		exit 3
	fi
	version="$ref"
	from_ref=true
elif [ "$version" != latest ] && ! is_release "$version"; then
	die "version $version is not a release tag (vX.Y.Z) or latest"
fi

# When the release was derived from REF, a failed download is not fatal:
# the same code can be built from the action's checkout.
unavailable() {
	say "$*"
	if $from_ref; then exit 3; fi
	exit 1
}

os="$(detect_os)"
arch="$(detect_arch)"
ext=tar.gz
exe=sovlint
if [ "$os" = windows ]; then
	ext=zip
	exe=sovlint.exe
fi
asset="sovlint_${os}_${arch}.${ext}"
if [ "$version" = latest ]; then
	base="$releases/latest/download"
else
	base="$releases/download/$version"
fi

tmp="$(mktemp -d 2>/dev/null || mktemp -d -t sovlint)"
trap 'rm -rf "$tmp"' EXIT INT TERM

say "downloading $asset of sovlint $version"
fetch "$base/checksums.txt" "$tmp/checksums.txt" || unavailable "could not download $base/checksums.txt"
fetch "$base/$asset" "$tmp/$asset" || unavailable "could not download $base/$asset (is there a $os/$arch build of $version?)"

# checksums.txt lines are "<sha256>  <file name>"; exactly one must name
# the archive.
want="$(awk -v f="$asset" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")"
case "$want" in
"") die "checksums.txt of $version does not list $asset: not installing an unverified file" ;;
*[!0-9a-f]*) die "checksums.txt of $version lists $asset more than once or malformed: not installing it" ;;
esac
got="$(sha256 "$tmp/$asset")"
[ "$got" = "$want" ] || die "SHA-256 of $asset is $got, checksums.txt says $want: not installing it (a corrupted or tampered download)"

mkdir -p "$tmp/x"
if [ "$ext" = zip ]; then
	if command -v unzip >/dev/null 2>&1; then
		unzip -q -o "$tmp/$asset" "$exe" -d "$tmp/x"
	else
		tar -xf "$tmp/$asset" -C "$tmp/x" "$exe" # bsdtar (Windows, macOS) reads zip
	fi
else
	tar -xzf "$tmp/$asset" -C "$tmp/x" "$exe"
fi
[ -f "$tmp/x/$exe" ] || die "$asset has no $exe"
mkdir -p "$bindir"
# Replace, never overwrite in place: a running copy keeps working.
cp "$tmp/x/$exe" "$bindir/$exe.tmp.$$"
chmod 0755 "$bindir/$exe.tmp.$$"
mv -f "$bindir/$exe.tmp.$$" "$bindir/$exe"
say "installed sovlint $version ($os/$arch) in $bindir"
echo "$bindir/$exe"
