// Command tfjsondecode is the baseline the bench script measures sovlint
// against: it reads a plan file and decodes all of it with terraform-json's
// Plan.UnmarshalJSON, the way a tool built on terraform-json starts, and
// does nothing else.
package main

import (
	"fmt"
	"os"

	tfjson "github.com/hashicorp/terraform-json"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tfjsondecode PLAN.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "tfjsondecode:", err)
		os.Exit(1)
	}
	var p tfjson.Plan
	if err := p.UnmarshalJSON(data); err != nil {
		fmt.Fprintln(os.Stderr, "tfjsondecode:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stdout, len(p.ResourceChanges), "resource changes")
}
