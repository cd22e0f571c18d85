//go:build ignore

// gen_snapshot writes catalog_snapshot.go, the data files decoded ahead of
// time: go generate ./providers runs it after a data file is edited.
//
// If a change to the catalog's types makes the old snapshot fail to
// compile, replace its body with `var snapshotUnits []catalogUnit` first.
package main

import (
	"fmt"
	"os"

	"github.com/sovlint/sovlint/providers"
)

func main() {
	src, err := providers.Snapshot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_snapshot:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(providers.SnapshotFile, src, 0o644); err != nil { //nolint:gosec // source code, committed
		fmt.Fprintln(os.Stderr, "gen_snapshot:", err)
		os.Exit(1)
	}
}
