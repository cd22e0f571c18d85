package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPublicPlans scans every public plan in testdata/public and compares
// each resource's resolution and the findings with a reviewed summary in
// testdata/public/want/; `go test ./internal/engine -update` rewrites them.
// These plans come from other projects' test suites and span Terraform 0.12
// to 1.14 and OpenTofu: a regression in resolution shows up here first.
func TestPublicPlans(t *testing.T) {
	plans, err := filepath.Glob(filepath.Join("..", "..", "testdata", "public", "plan", "*", "*.json"))
	if err != nil || len(plans) == 0 {
		t.Fatalf("no public plans: %v", err)
	}
	for _, plan := range plans {
		name := filepath.Base(filepath.Dir(plan)) + "__" + strings.TrimSuffix(filepath.Base(plan), ".json")
		t.Run(name, func(t *testing.T) {
			rep := scanFor(t, Input{Path: plan}, SourceOptions{})
			var b strings.Builder
			for _, a := range rep.Assessments {
				r := a.Resource
				fmt.Fprintf(&b, "%s %s region=%s country=%s source=%s class=%s\n",
					r.Address, r.ProviderConfig, dash(r.Location.Region), dash(r.Location.Country), r.Location.Source.Kind, dash(r.Classification.Level))
			}
			for _, f := range rep.Findings {
				fmt.Fprintf(&b, "finding %s %s\n", f.RuleID, f.Address)
			}
			golden := filepath.Join("..", "..", "testdata", "public", "want", name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o600); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("resolution differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}
