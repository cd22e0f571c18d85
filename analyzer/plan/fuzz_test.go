package plan_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	// The hostile classes: nesting at and past the depth limit, sizes and
	// numbers beyond float64, encodings, nulls where objects go, keys
	// that collide once composed.
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	change := func(tags string) []byte {
		return []byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["create"],"after":{"tags":` + tags + `}}}]}`)
	}
	f.Add(change(deep(9990)))
	f.Add(change(deep(10001)))
	f.Add(change(`{"confidentialit\u00e9":"public","confidentialite\u0301":"secret","\u212aey":1,"Key":2}`))
	f.Add(change(`1e99999999`))
	f.Add([]byte(`{"format_version":"1.2","variables":{"pw":{"value":1e400}},"configuration":{"provider_config":{"aws":{"name":"aws","expressions":{"region":{"constant_value":-1e-400}}}}}}`))
	f.Add([]byte(`{"format_version":"1.2","configuration":{"root_module":{"resources":[null],"module_calls":{"a":null}}}}`))
	f.Add([]byte("\xef\xbb\xbf{\"format_version\":\"1.2\",\"planned_values\":{}}"))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Add([]byte(`{"format_version":"` + strings.Repeat("9", 1<<12) + `"}`))
	f.Add(bytes.Repeat([]byte(" "), 1<<16))
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
