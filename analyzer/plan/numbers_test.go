package plan

import (
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestNumbersBeyondFloat64: a number a float64 cannot hold, in the plan's
// variables or in a constant_value, is read exactly (Terraform numbers
// have arbitrary precision) and never quoted in an error.
func TestNumbersBeyondFloat64(t *testing.T) {
	const canary = "1234567890123456789e400"
	src := `{"format_version": "1.2",
"variables": {"secret": {"value": ` + canary + `}, "small": {"value": 3}, "list": {"value": [1e400, {"a": -2.5e-400}]}},
"resource_changes": [],
"configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": ` + canary + `}, "max_retries": {"constant_value": 0.1}}}},
  "root_module": {"variables": {"pw": {"default": ` + canary + `}}}}}`
	p, err := LoadPlan(strings.NewReader(src), "plan.json", nil, []string{"region", "max_retries"})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := cty.ParseNumberVal(canary)
	vars := p.VariableValues()
	if !vars["secret"].RawEquals(want) {
		t.Errorf("variable = %#v, want %#v", vars["secret"], want)
	}
	if !vars["small"].RawEquals(cty.NumberIntVal(3)) && vars["small"].Equals(cty.NumberIntVal(3)).False() {
		t.Errorf("small = %#v", vars["small"])
	}
	idx := newConfigIndex(p.Config, p.Variables, []string{"region", "max_retries"})
	v, _, _ := idx.eval(p.Config.ProviderConfigs["aws"].Expressions["region"], "")
	if !v.RawEquals(want) {
		t.Errorf("constant_value = %#v, want %#v", v, want)
	}
	tenth, _ := cty.ParseNumberVal("0.1")
	if v, _, _ := idx.eval(p.Config.ProviderConfigs["aws"].Expressions["max_retries"], ""); !v.RawEquals(tenth) {
		t.Errorf("0.1 = %#v, want %#v", v, tenth)
	}
	if d := p.Config.RootModule.Variables["pw"].Default; d == nil || !goToCty(d, nil).RawEquals(want) {
		t.Errorf("default = %#v", d)
	}

	// Where the format has a string, such a number is an error, which
	// does not quote it.
	bad := strings.Replace(src, `"name": "aws"`, `"name": `+canary, 1)
	_, err = LoadPlan(strings.NewReader(bad), "plan.json", nil, nil)
	if err == nil || strings.Contains(err.Error(), canary) || strings.Contains(err.Error(), "e400") {
		t.Errorf("error = %v", err)
	}
}

func TestMarkNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"constant_value": 12}`, `{"constant_value": 12}`},
		{`{"constant_value": 1e400}`, `{"constant_value": "\u0000sovlint-number:1e400"}`},
		{`{"default": [1.5, {"x": "1e9"}], "n": 1.5}`, `{"default": ["\u0000sovlint-number:1.5", {"x": "1e9"}], "n": 1.5}`},
		{`{"a": {"constant_value": "s"}, "b": 2.5}`, `{"a": {"constant_value": "s"}, "b": 2.5}`},
		{`{"constant_value": {"default": 1.5}}`, `{"constant_value": {"default": "\u0000sovlint-number:1.5"}}`},
	} {
		if got := string(markNumbers([]byte(c.in))); got != c.want {
			t.Errorf("markNumbers(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// BenchmarkRawToCtyDeep converts a value nested 9,990 deep: linear in its
// size, where finding each element's end first made it quadratic.
func BenchmarkRawToCtyDeep(b *testing.B) {
	raw := []byte(strings.Repeat("[", 9990) + "1" + strings.Repeat("]", 9990))
	for b.Loop() {
		_ = rawToCty(raw, nil)
	}
}

// TestKeysDifferingByNormalisation: cty keeps object keys composed (NFC),
// so a plan's tags {"confidentialité": "public", "confidentialité" with a
// combining accent: "secret"} held one key, whose value depended on map
// order. Terraform never writes such a plan: the value is unknown, with
// the reason, the same on every run.
func TestKeysDifferingByNormalisation(t *testing.T) {
	composed, decomposed := "confidentialit\u00e9", "confidentialite\u0301"
	raw := []byte(`{"` + composed + `": "public", "` + decomposed + `": "secret", "owner": "x"}`)
	for range 50 {
		k := convertAttr(rawAttr{name: "tags", after: raw})
		if !strings.Contains(k.why.String(), "Unicode normalisation") {
			t.Fatalf("why = %q", k.why.String())
		}
		v := k.value.GetAttr(composed)
		if v.IsKnown() {
			t.Fatalf("the colliding key is known: %#v", v)
		}
		if owner := k.value.GetAttr("owner"); !owner.RawEquals(cty.StringVal("x")) {
			t.Fatalf("another key was lost: %#v", owner)
		}
	}
	// The same through decoded JSON (constants in the configuration).
	for range 50 {
		v := goToCty(map[string]any{composed: "public", decomposed: "secret"}, nil)
		if v.GetAttr(composed).IsKnown() {
			t.Fatalf("the colliding key is known: %#v", v)
		}
	}
	// A Kelvin sign is K once composed: it collides with ASCII too.
	v, collided := rawToCtyChecked([]byte(`{"Key": 1, "\u212aey": 2}`), nil)
	if !collided || v.GetAttr("Key").IsKnown() {
		t.Errorf("Kelvin sign: %#v, collided %v", v, collided)
	}
	// Keys written twice the same way are a plain duplicate: the last wins.
	v, collided = rawToCtyChecked([]byte(`{"a": 1, "a": 2}`), nil)
	if collided || !v.GetAttr("a").RawEquals(cty.NumberIntVal(2)) {
		t.Errorf("duplicate: %#v, collided %v", v, collided)
	}
}
