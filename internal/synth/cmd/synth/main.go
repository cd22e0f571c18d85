// Command synth writes the synthetic inputs the benchmarks use:
//
//	go run ./internal/synth/cmd/synth plan 1000 > plan-30k.json
//	go run ./internal/synth/cmd/synth tree 400 /tmp/monorepo
//
// Run it from the repository root.
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/sovlint/sovlint/internal/synth"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: synth plan N > plan.json | synth tree ROOTS DIR")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "synth: N must be a positive integer")
		os.Exit(2)
	}
	switch {
	case os.Args[1] == "plan":
		err = synth.Plan(os.Stdout, synth.PlanTemplate, n)
	case os.Args[1] == "tree" && len(os.Args) == 4:
		var files int
		files, err = synth.Tree(os.Args[3], ".", n)
		fmt.Fprintf(os.Stderr, "synth: %d root modules, %d .tf files under %s\n", n, files, os.Args[3])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
