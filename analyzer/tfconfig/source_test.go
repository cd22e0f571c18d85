package tfconfig

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/internal/addrs"
)

func TestParseIgnore(t *testing.T) {
	tests := []struct {
		comment string
		want    Ignore
	}{
		{`SOV001 reason="pilot" expires=2026-12-31`, Ignore{Rules: []string{"SOV001"}, Reason: "pilot", Expires: "2026-12-31"}},
		{`SOV001,SOV002 reason="a, b and \"c\"" owner=platform`, Ignore{Rules: []string{"SOV001", "SOV002"}, Reason: `a, b and "c"`, Owner: "platform"}},
		{`sov001 SOV003, SOV001 reason=short`, Ignore{Rules: []string{"SOV001", "SOV003"}, Reason: "short"}},
		{`SOV004`, Ignore{Rules: []string{"SOV004"}}},
		{`reason="every rule"`, Ignore{Reason: "every rule"}},
		{`SOV001 reason="unterminated`, Ignore{Rules: []string{"SOV001"}, Reason: "unterminated"}},
		{`SOV001 expires=someday reason=""`, Ignore{Rules: []string{"SOV001"}, Expires: "someday"}},
		{``, Ignore{}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseIgnore(tt.comment)); diff != "" {
			t.Errorf("parseIgnore(%q) (-want +got):\n%s", tt.comment, diff)
		}
	}
}

func TestCommentBody(t *testing.T) {
	for in, want := range map[string]string{
		" SOV001 reason=x\n":   "SOV001 reason=x",
		" SOV001 reason=x */":  "SOV001 reason=x",
		" SOV001 reason=x\r\n": "SOV001 reason=x",
	} {
		if got := commentBody(in); got != want {
			t.Errorf("commentBody(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInstanceKey(t *testing.T) {
	tests := []struct {
		kind string
		key  cty.Value
		want string
	}{
		{"", cty.NilVal, ""},
		{"count", cty.NumberIntVal(12), "[12]"},
		{"for_each", cty.StringVal("hospital-a"), `["hospital-a"]`},
		{"for_each", cty.StringVal(`a"b\c`), `["a\"b\\c"]`},
		{"for_each", cty.StringVal("${x}"), `["$${x}"]`},
	}
	for _, tt := range tests {
		got := instanceKey(tt.kind, tt.key)
		if got != tt.want {
			t.Errorf("instanceKey(%s, %#v) = %s, want %s", tt.kind, tt.key, got, tt.want)
		}
		if tt.kind != "" && addrs.StripInstanceKeys("aws_x.y"+got) != "aws_x.y" {
			t.Errorf("StripInstanceKeys does not undo %s", got)
		}
	}
}

func TestSplitResourceAddr(t *testing.T) {
	for addr, want := range map[string][2]string{
		"aws_s3_bucket.b":                   {"", "aws_s3_bucket.b"},
		"module.a.aws_s3_bucket.b":          {"module.a", "aws_s3_bucket.b"},
		"module.a.module.b.data.aws_x.y":    {"module.a.module.b", "data.aws_x.y"},
		"module.module.module.module.aws.b": {"module.module.module.module", "aws.b"},
	} {
		m, l := addrs.SplitModule(addr)
		if m != want[0] || l != want[1] {
			t.Errorf("addrs.SplitModule(%q) = %q, %q; want %q, %q", addr, m, l, want[0], want[1])
		}
	}
}

// TestConfigFiles checks which files make a module: .tofu replaces the .tf
// of the same name (.tofu.json the .tf.json), override files come last, and
// hidden files, editor leftovers and other extensions are skipped.
func TestConfigFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"main.tf", "main.tofu", "vars.tf", "data.tf.json", "data.tofu.json", "x.tf.json", "x.tofu",
		"override.tf", "b_override.tf", "b_override.tofu", "a_override.tf.json",
		".hidden.tf", "backup.tf~", "#main.tf#", "notes.md", "terraform.tfvars", ".tf",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.tf"), 0o750); err != nil {
		t.Fatal(err)
	}
	primary, overrides, err := configFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := func(paths []string) []string {
		out := make([]string, len(paths))
		for i, p := range paths {
			out[i] = filepath.Base(p)
		}
		return out
	}
	if diff := cmp.Diff([]string{"data.tofu.json", "main.tofu", "vars.tf", "x.tf.json", "x.tofu"}, base(primary)); diff != "" {
		t.Errorf("primary files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a_override.tf.json", "b_override.tofu", "override.tf"}, base(overrides)); diff != "" {
		t.Errorf("override files (-want +got):\n%s", diff)
	}
}

// TestAttachSources checks that plan instances, with instance keys in their
// addresses, find their resource blocks and attribute ranges.
func TestAttachSources(t *testing.T) {
	l := NewSourceLoader([]string{"region", "tags"}, []string{"region"})
	cfg, err := l.LoadConfig("../../testdata/plans/var-default-region")
	if err != nil {
		t.Fatal(err)
	}
	pc := &analyzer.ProviderConfig{Key: "module.regional:aws", Attrs: analyzer.Attrs{"region": {Value: cty.StringVal("sa-east-1"), Set: true}}}
	in := &analyzer.Instance{
		Address:        "module.regional.aws_sns_topic.t",
		ConfigAddress:  "module.regional.aws_sns_topic.t",
		Attrs:          analyzer.Attrs{"tags": {Set: true}},
		ProviderConfig: pc,
	}
	missing := &analyzer.Instance{ConfigAddress: "module.nope.aws_sns_topic.t"}
	cfg.AttachSources([]*analyzer.Instance{in, missing})
	file := "../../testdata/plans/var-default-region/regional/main.tf"
	lines := func(r hcl.Range) string { return r.Filename + ":" + strconv.Itoa(r.Start.Line) }
	got := []string{lines(in.Range), lines(in.Attrs["tags"].Range), lines(pc.Range), lines(pc.Attrs["region"].Range), lines(missing.Range)}
	want := []string{file + ":10", file + ":12", file + ":2", file + ":3", ":0"}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ranges (-want +got):\n%s", diff)
	}
}
