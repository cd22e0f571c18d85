package plan

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// nullObject returns the JSON path (and its offset in raw, the
// configuration's bytes) of the first null where the plan format has an
// object that the analysis reads: a resource, a module call, a provider
// configuration. Terraform never writes one; a plan that has one is not a
// plan, and the analysis would trip on it.
func nullObject(cfg *tfjson.Config, raw []byte) (string, int) {
	path := nullIn(cfg)
	if path == nil {
		return "", 0
	}
	var b strings.Builder
	for _, step := range path {
		switch s := step.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			if isPlainKey(s) {
				b.WriteString(s)
			} else {
				b.WriteString(strconv.Quote(s))
			}
		}
	}
	return b.String(), rawPathOffset(raw, path)
}

func isPlainKey(s string) bool {
	for _, c := range s {
		if c != '_' && c != '-' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

func nullIn(cfg *tfjson.Config) []any {
	for _, k := range slices.Sorted(maps.Keys(cfg.ProviderConfigs)) {
		if cfg.ProviderConfigs[k] == nil {
			return []any{"provider_config", k}
		}
	}
	if cfg.RootModule == nil {
		return nil
	}
	if p := nullInModule(cfg.RootModule); p != nil {
		return append([]any{"root_module"}, p...)
	}
	return nil
}

func nullInModule(m *tfjson.ConfigModule) []any {
	for i, r := range m.Resources {
		if r == nil {
			return []any{"resources", i}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.ModuleCalls)) {
		mc := m.ModuleCalls[k]
		if mc == nil {
			return []any{"module_calls", k}
		}
		if mc.Module != nil {
			if p := nullInModule(mc.Module); p != nil {
				return append([]any{"module_calls", k, "module"}, p...)
			}
		}
	}
	return nil
}

// rawPathOffset finds where the value at path starts in a validated JSON
// value; 0 when it is not there. A repeated member name is followed to its
// last occurrence, the one a decoder keeps.
func rawPathOffset(b []byte, path []any) int {
	at := rawSpace(b, 0)
	for _, step := range path {
		if at >= len(b) {
			return 0
		}
		found := -1
		switch s := step.(type) {
		case string:
			if b[at] != '{' {
				return 0
			}
			rawMembers(b, at, func(name []byte, lo, _ int) {
				if rawString(name) == s {
					found = lo
				}
			})
		case int:
			if b[at] != '[' {
				return 0
			}
			n := 0
			rawElements(b, at, func(lo, _ int) {
				if n == s {
					found = lo
				}
				n++
			})
		}
		if found < 0 {
			return 0
		}
		at = found
	}
	return at
}
