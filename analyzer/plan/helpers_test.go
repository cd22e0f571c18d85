package plan_test

import (
	"fmt"
	"strings"
)

// fmtSscanf parses a module instance address "module.NAME[N]".
func fmtSscanf(module string, call *string, idx *int) (int, error) {
	name, rest, ok := strings.Cut(strings.TrimPrefix(module, "module."), "[")
	if !ok {
		return 0, fmt.Errorf("no index in %q", module)
	}
	*call = name
	return fmt.Sscanf(rest, "%d]", idx)
}
