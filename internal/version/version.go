// Package version says which sovlint this is: the release version the
// linker sets (GoReleaser passes -X with the tag), else the module version
// `go install …/cmd/sovlint@v1.2.3` records in the binary, else "dev" for a
// build of a checkout.
package version

import (
	"runtime/debug"
	"strings"
)

// release is set by the release build:
// -ldflags "-X github.com/sovlint/sovlint/internal/version.release=1.2.3".
var release string

// String is the version without a leading "v" (1.2.3, 1.2.4-snapshot+abc),
// or "dev".
func String() string {
	return resolve(release, debug.ReadBuildInfo)
}

func resolve(linked string, info func() (*debug.BuildInfo, bool)) string {
	if linked != "" {
		return strings.TrimPrefix(linked, "v")
	}
	if bi, ok := info(); ok {
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			return strings.TrimPrefix(v, "v")
		}
	}
	return "dev"
}

// Released reports whether String names a release (not "dev"): only then
// can links into the documentation and catalog be pinned to its tag.
func Released() bool {
	return String() != "dev"
}

// Tag is the git tag of the release, v1.2.3; "" for a development build.
func Tag() string {
	if !Released() {
		return ""
	}
	return "v" + String()
}
