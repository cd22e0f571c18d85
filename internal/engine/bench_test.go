package engine_test

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/analyzer/tfconfig"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/synth"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// The benchmarks run on the synthetic inputs of internal/synth: plans of
// 30·n resources templated from a plan real Terraform made, and monorepos of
// copies of two corpus configurations. bench/run.sh measures the binary on
// the same inputs (and on real plans) against terraform-json and tfsec.

// planSizes are the plans benchmarked: 3,000 and 30,000 resources.
var planSizes = []int{100, 1000}

// benchPlan writes a synthetic plan of n*30 resources.
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

// benchTree writes a synthetic monorepo of roots root modules (2.5 .tf files
// each).
func benchTree(b *testing.B, roots int) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := synth.Tree(dir, filepath.Join("..", ".."), roots); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchPolicy(cat *providers.Catalog) rules.Policy {
	return rules.DefaultPolicy(cat, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
}

// BenchmarkScanPlan is the whole pipeline on a plan: load, resolve,
// evaluate, JSON report.
func BenchmarkScanPlan(b *testing.B) {
	for _, n := range planSizes {
		path := benchPlan(b, n)
		fi, _ := os.Stat(path)
		b.Run(itoa(n*30)+"-resources", func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			cat := providers.Default()
			pol := benchPolicy(cat)
			for b.Loop() {
				rep, err := engine.Scan([]engine.Input{{Path: path}}, engine.Options{Settings: &settings.Settings{Catalog: cat, Policy: pol}})
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

// BenchmarkLoadPlan is the plan loader alone: stream the file and build
// every instance, resolving nothing.
func BenchmarkLoadPlan(b *testing.B) {
	cat := providers.Default()
	attrs, pattrs := cat.ResourceAttributeNames(), cat.ProviderAttributeNames()
	for _, n := range planSizes {
		path := benchPlan(b, n)
		fi, _ := os.Stat(path)
		b.Run(itoa(n*30)+"-resources", func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := plan.LoadPlan(f, path, attrs, pattrs); err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
	}
}

// BenchmarkTerraformJSONDecode is the baseline the plan loader is measured
// against: terraform-json decoding the whole plan into its structures.
func BenchmarkTerraformJSONDecode(b *testing.B) {
	for _, n := range planSizes {
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

// treeSizes are the monorepos benchmarked, in root modules: 400 roots make
// the 1,000 .tf files of the tfsec comparison.
var treeSizes = []int{40, 400}

// BenchmarkLoadTree is the HCL loader alone: find the root modules, parse
// every file and evaluate every root into instances.
func BenchmarkLoadTree(b *testing.B) {
	cat := providers.Default()
	for _, roots := range treeSizes {
		dir := benchTree(b, roots)
		b.Run(strconv.Itoa(roots*5/2)+"-files", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := tfconfig.NewSourceLoader(cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
				found, err := l.RootModules(dir)
				if err != nil {
					b.Fatal(err)
				}
				for _, root := range found {
					cfg, err := l.LoadConfig(root)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := cfg.Evaluate(tfconfig.VarOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkScanTree is sovlint scan --recursive on a monorepo, JSON report
// included.
func BenchmarkScanTree(b *testing.B) {
	cat := providers.Default()
	pol := benchPolicy(cat)
	for _, roots := range treeSizes {
		dir := benchTree(b, roots)
		b.Run(strconv.Itoa(roots*5/2)+"-files", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep, err := engine.Scan([]engine.Input{{Path: dir}}, engine.Options{
					Settings: &settings.Settings{Catalog: cat, Policy: pol}, Sources: engine.SourceOptions{Recursive: true},
				})
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

func itoa(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}
