package plan

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseJSON(t *testing.T) {
	for _, in := range []string{
		`{"region": "eu-west-3", "n": 12.5e3, "ok": true, "no": false, "nil": null}`,
		`[1, -2, "x", {"a": []}, {}]`,
		`{"esc": "a\"b\\c\u00e9\n"}`,
		` "  spaced  " `,
		`{"tags":{"x":1}}`,
	} {
		var want any
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		got, err := parseJSON([]byte(in))
		if err != nil {
			t.Fatalf("parseJSON(%s): %v", in, err)
		}
		if diff := cmp.Diff(normalise(want), normalise(got)); diff != "" {
			t.Errorf("parseJSON(%s) mismatch (-encoding/json +ours):\n%s", in, diff)
		}
	}
	for _, bad := range []string{``, `{`, `{"a"}`, `[1,]`, `"unterminated`, `tru`, `{"a":1}x`, `1 2`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q) accepted malformed JSON", bad)
		}
	}
}

// normalise turns json.Number into float64 so both decoders compare.
func normalise(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
	}
	return v
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,"b",{"c":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := parseJSON(b)
		var want any
		if json.Unmarshal(b, &want) != nil || err != nil {
			return // both parsers may reject different malformed inputs
		}
		if diff := cmp.Diff(normalise(want), normalise(got)); diff != "" {
			t.Errorf("mismatch on %q:\n%s", b, diff)
		}
	})
}
