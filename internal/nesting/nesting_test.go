package nesting

import (
	"strings"
	"testing"
)

func TestConfig(t *testing.T) {
	n := Limit + 1
	deep := map[string]string{
		"parens":      "a = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n),
		"brackets":    "a = " + strings.Repeat("[", n) + strings.Repeat("]", n),
		"objects":     "a = " + strings.Repeat("{b = ", n) + "1" + strings.Repeat("}", n),
		"blocks":      "resource \"x\" \"y\" {\n" + strings.Repeat("b {\n", n) + strings.Repeat("}\n", n) + "}\n",
		"unary":       "a = " + strings.Repeat("!", n) + "true",
		"minus":       "a = " + strings.Repeat("- ", n) + "1",
		"conditional": "a = " + strings.Repeat("true ? 1 : ", n) + "2",
		"templates":   "a = " + strings.Repeat(`"${`, n) + "1" + strings.Repeat(`}"`, n),
		"directives":  `a = "` + strings.Repeat("%{if true}", n) + "x" + strings.Repeat("%{endif}", n) + `"`,
		"sum":         "a = 1" + strings.Repeat(" + 1", n),
		"index":       "a = [1]" + strings.Repeat("[0]", n),
		"calls":       "a = " + strings.Repeat("f(", n) + strings.Repeat(")", n),
		"multiline":   "a = (\n" + strings.Repeat("1 +\n", n) + "1)",
	}
	for name, src := range deep {
		d := Config([]byte(src), "x.tf")
		if d == nil {
			t.Errorf("%s: %d levels accepted", name, n)
			continue
		}
		if d.Subject == nil || d.Subject.Start.Line < 1 {
			t.Errorf("%s: no position: %v", name, d)
		}
	}
	shallow := []string{
		"a = " + strings.Repeat("(", 50) + "1" + strings.Repeat(")", 50),
		"resource \"x\" \"y\" {\n" + strings.Repeat("  a = 1 + 2 - 3\n", 5000) + "}\n",
		"a = [" + strings.Repeat("-1, ", 5000) + "]",
		"a = {\n" + strings.Repeat("  k = !true\n", 5000) + "}",
		`a = "` + strings.Repeat("${x}-", 5000) + `"`,
		`a = "` + strings.Repeat("%{if x}y%{endif}", 5000) + `"`,
		"a = " + strings.Repeat("x[0]", 2) + "\n" + strings.Repeat("b = c[0][1]\n", 5000),
	}
	for _, src := range shallow {
		if d := Config([]byte(src), "x.tf"); d != nil {
			t.Errorf("%.40q…: %v", src, d)
		}
	}
}

func TestJSON(t *testing.T) {
	n := Limit + 1
	for name, src := range map[string]string{
		"arrays":   `{"a": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`,
		"template": `{"a": "${` + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + `}"}`,
		"escaped":  `{"a": "\u0024{` + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + `}"}`,
	} {
		if d := JSON([]byte(src), "x.tf.json"); d == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for _, src := range []string{
		`{"a": [[["]]]]]]]]{{{{"]]], "b": "${1 + 2}"}`,
		`{"a": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
	} {
		if d := JSON([]byte(src), "x.tf.json"); d != nil {
			t.Errorf("%q: %v", src, d)
		}
	}
}
