package version

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Version: v}}, true
		}
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	for _, tc := range []struct {
		name, linked string
		info         func() (*debug.BuildInfo, bool)
		want         string
	}{
		{"linker wins over the module version", "1.2.3", info("v1.0.0"), "1.2.3"},
		{"linker value with a v", "v1.2.3", none, "1.2.3"},
		{"go install @tag", "", info("v1.4.0"), "1.4.0"},
		{"build of a checkout", "", info("(devel)"), "dev"},
		{"no build info", "", none, "dev"},
	} {
		if got := resolve(tc.linked, tc.info); got != tc.want {
			t.Errorf("%s: resolve = %q, want %q", tc.name, got, tc.want)
		}
	}
}
