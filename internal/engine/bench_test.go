package engine_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/synth"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// benchPlan writes a synthetic plan of n*30 resources once per run.
func benchPlan(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "plan.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := synth.Plan(f, filepath.Join("..", "..", synth.PlanTemplate), n); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkScanPlan is the whole pipeline on a plan: load, resolve,
// evaluate, JSON report.
func BenchmarkScanPlan(b *testing.B) {
	for _, n := range []int{100, 1000} {
		path := benchPlan(b, n)
		fi, _ := os.Stat(path)
		b.Run(itoa(n*30)+"-resources", func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			cat := providers.Default()
			pol := rules.DefaultPolicy(cat, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
			for b.Loop() {
				rep, err := engine.Scan([]engine.Input{{Path: path}}, engine.Options{Catalog: cat, Policy: pol})
				if err != nil {
					b.Fatal(err)
				}
				if err := report.JSON(io.Discard, rep, report.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTerraformJSONDecode is the baseline the plan loader is measured
// against: terraform-json decoding the whole plan into its structures.
func BenchmarkTerraformJSONDecode(b *testing.B) {
	for _, n := range []int{100, 1000} {
		path := benchPlan(b, n)
		fi, _ := os.Stat(path)
		b.Run(itoa(n*30)+"-resources", func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			for b.Loop() {
				data, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				var p tfjson.Plan
				if err := p.UnmarshalJSON(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	switch {
	case n >= 1000 && n%1000 == 0:
		return itoaSmall(n/1000) + "k"
	default:
		return itoaSmall(n)
	}
}

func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaSmall(n/10) + string(rune('0'+n%10))
}
