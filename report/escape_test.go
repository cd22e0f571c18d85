package report

import "testing"

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"eu-west-3", "eu-west-3"},
		{"Île-de-France · 東京", "Île-de-France · 東京"},
		{"eu\x1b[2Jwest", `eu\x1b[2Jwest`},
		{"bell\a nul\x00", `bell\x07 nul\x00`},
		{"two\nlines\r", "two\nlines\\r"},
		{"del\x7f", `del\x7f`},
		{"c1\u0085\u009b", `c1\u0085\u009b`},
		{"bidi\u202eevil\u2066\u200f\u061c", `bidi\u202eevil\u2066\u200f\u061c`},
		{"sep\u2028\ufeff", `sep\u2028\ufeff`},
		{"bad\xff\xc3", `bad\xff\xc3`},
		{"tab\there", "tab\there"},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	clean := "aws_s3_bucket.b[\"x\"]"
	if got := Escape(clean); got != clean {
		t.Errorf("clean text changed: %q", got)
	}
}

func TestExcerpt(t *testing.T) {
	if got := Excerpt("abcdef", 3); got != "abc…" {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Excerpt("ab\x1b", 10); got != `ab\x1b` {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Excerpt("two\nlines\tand\x1b", 40); got != `two\nlines\tand\x1b` {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Excerpt("éééé", 2); got != "éé…" {
		t.Errorf("Excerpt = %q", got)
	}
}
