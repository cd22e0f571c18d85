package plan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/providers"
)

// FuzzLoadPlan: whatever the bytes, loading a plan returns a plan or an
// error, never a panic, and resolving what it returns never panics either.
func FuzzLoadPlan(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "plans", "*", "plan.json"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil && len(b) < 8<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"after":{"tags":{"x":1}},"after_unknown":true}}]}`))
	f.Add([]byte(`{"format_version":"0.1","configuration":{"provider_config":{"m:aws":{}}}}`))
	cat := providers.Default()
	attrs, pattrs := cat.ResourceAttributeNames(), cat.ProviderAttributeNames()
	r := analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := plan.LoadPlan(bytes.NewReader(b), "fuzz.json", attrs, pattrs)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		for _, in := range p.Instances {
			r.Resolve(in)
		}
	})
}
