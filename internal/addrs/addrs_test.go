package addrs

import "testing"

func TestAddressGlob(t *testing.T) {
	tests := []struct {
		glob, address string
		want          bool
	}{
		{"aws_s3_bucket.b", "aws_s3_bucket.b", true},
		{"aws_s3_bucket.b", "aws_s3_bucket.b[0]", true},
		{"aws_s3_bucket.b", `aws_s3_bucket.b["x"]`, true},
		{"aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]", false},
		{"aws_s3_bucket.b[0]", "aws_s3_bucket.b", false},
		{"aws_s3_bucket.b", "aws_s3_bucket.bb", false},
		{"aws_s3_bucket.b", "module.x.aws_s3_bucket.b", false},
		{"aws_s3_bucket.*", "aws_s3_bucket.logs", true},
		{"aws_s3_bucket.*", "aws_db_instance.logs", false},
		{"aws_s3_bucket.logs_*", "aws_s3_bucket.logs_eu", true},
		{"aws_s3_bucket.logs_*", "aws_s3_bucket.data", false},
		{"*", "aws_s3_bucket.b", true},
		{"*", `module.a["x"].aws_s3_bucket.b`, true},
		// Module prefixes cover everything inside, at any depth, every instance.
		{"module.legacy.*", "module.legacy.aws_s3_bucket.b", true},
		{"module.legacy.*", `module.legacy["eu"].aws_s3_bucket.b`, true},
		{"module.legacy.*", "module.legacy[0].module.db.aws_db_instance.main", true},
		{"module.legacy.*", "module.legacy2.aws_s3_bucket.b", false},
		{"module.legacy.*", "module.other.module.legacy.aws_s3_bucket.b", false},
		{"module.legacy", "module.legacy.aws_s3_bucket.b", true},
		{"module.legacy", `module.legacy["eu"].aws_s3_bucket.b`, true},
		{"module.legacy", "aws_s3_bucket.legacy", false},
		{`module.legacy["eu"]`, `module.legacy["eu"].aws_s3_bucket.b`, true},
		{`module.legacy["eu"]`, `module.legacy["us"].aws_s3_bucket.b`, false},
		{`module.legacy["eu-*"].*`, `module.legacy["eu-west"].aws_s3_bucket.b`, true},
		{`module.x["a"].aws_s3_bucket.b`, `module.x["a"].aws_s3_bucket.b`, true},
		{`module.x["a"].aws_s3_bucket.b`, `module.x["b"].aws_s3_bucket.b`, false},
		{`module.x["a.b"].aws_s3_bucket.b`, `module.x["a.b"].aws_s3_bucket.b`, true},
		{`module.*.aws_s3_bucket.b`, `module.x["a"].aws_s3_bucket.b`, true},
		{`module.*.aws_s3_bucket.b`, `module.x.module.y.aws_s3_bucket.b`, false},
		// A resource glob that is a prefix of a longer address does not match.
		{"aws_s3_bucket", "aws_s3_bucket.b", false},
	}
	for _, tt := range tests {
		g, err := ParseGlob(tt.glob)
		if err != nil {
			t.Fatalf("ParseGlob(%q): %v", tt.glob, err)
		}
		if got := g.Match(tt.address); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.glob, tt.address, got, tt.want)
		}
	}
}

func TestParseAddressGlobErrors(t *testing.T) {
	for _, glob := range []string{"", "module.x[", "aws_s3_bucket..b", `module.x["a]`, "module.x[0]y", "aws_s3_bucket.b."} {
		if _, err := ParseGlob(glob); err == nil {
			t.Errorf("ParseGlob(%q) = nil error, want one", glob)
		}
	}
}

func TestWildcard(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"*", "", true},
		{"a*", "abc", true},
		{"*c", "abc", true},
		{"a*c", "abbbc", true},
		{"a*c", "abcd", false},
		{"*b*", "abc", true},
		{"a**c", "ac", true},
		{"abc", "abd", false},
	}
	for _, tt := range tests {
		if got := wildcard(tt.pattern, tt.s); got != tt.want {
			t.Errorf("wildcard(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestStripInstanceKeys(t *testing.T) {
	for in, want := range map[string]string{
		"aws_s3_bucket.b":                            "aws_s3_bucket.b",
		"aws_s3_bucket.b[0]":                         "aws_s3_bucket.b",
		`module.a["x"].aws_s3_bucket.b`:              "module.a.aws_s3_bucket.b",
		`module.a["we]ird.key"].module.c[2].aws_x.y`: "module.a.module.c.aws_x.y",
		`module.a["quote\"inside"].aws_x.y["k"]`:     "module.a.aws_x.y",
		"module.tenant_frankfurt[\"hospital-b\"]":    "module.tenant_frankfurt",
	} {
		if got := StripInstanceKeys(in); got != want {
			t.Errorf("StripInstanceKeys(%q) = %q, want %q", in, got, want)
		}
	}
}
