package tfconfig

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEvaluationBudget: what would exhaust memory or never end is stopped,
// failing closed: the scan fails with an error naming the file and line,
// or the value the location depends on is unknown with the reason.
func TestEvaluationBudget(t *testing.T) {
	region := func(expr string) string {
		return "locals {\n  big = " + expr + "\n}\nprovider \"aws\" {\n  region = length(local.big) > 0 ? \"eu-west-3\" : \"eu-west-1\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"
	}
	doubling := "locals {\n  l0 = [\"aaaaaaaaaaaaaaaa\"]\n"
	strs := "locals {\n  s0 = \"aaaaaaaaaaaaaaaa\"\n"
	for i := range 40 {
		doubling += "  l" + strconv.Itoa(i+1) + " = concat(local.l" + strconv.Itoa(i) + ", local.l" + strconv.Itoa(i) + ")\n"
		strs += "  s" + strconv.Itoa(i+1) + " = \"${local.s" + strconv.Itoa(i) + "}${local.s" + strconv.Itoa(i) + "}\"\n"
	}
	doubling += "}\nprovider \"aws\" {\n  region = length(local.l40) > 0 ? \"eu-west-3\" : \"x\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"
	strs += "}\nprovider \"aws\" {\n  region = length(local.s40) > 0 ? \"eu-west-3\" : \"x\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"
	cases := []struct {
		name    string
		files   map[string]string
		err     string // the error, or
		unknown string // why the region is unknown
	}{
		{name: "setproduct of three range(1024)", files: map[string]string{"main.tf": region("setproduct(range(1024), range(1024), range(1024))")}, unknown: "setproduct() would make more than"},
		{name: "nested for over literal lists", files: map[string]string{"main.tf": region("[for a in range(1024) : [for b in range(1024) : [for c in range(1024) : 1]]]")}, err: "evaluation budget"},
		{name: "doubling locals", files: map[string]string{"main.tf": doubling}, unknown: "larger than sovlint evaluates"},
		{name: "doubling strings", files: map[string]string{"main.tf": strs}, unknown: "larger than sovlint evaluates"},
		{name: "tostring(1e99999999)", files: map[string]string{"main.tf": region("tostring(1e99999999)")}, unknown: "beyond 10^4096"},
		{name: "a product of large numbers as text", files: map[string]string{"main.tf": region(`"${1e4000 * 1e4000}"`)}, unknown: "beyond 10^4096"},
		{name: "format width", files: map[string]string{"main.tf": region(`format("%999999999d", 1)`)}, unknown: "width or precision over 10000"},
		{name: "for_each over a million elements", files: map[string]string{"main.tf": "locals {\n  s = toset([for p in setproduct(range(1024), range(1024)) : join(\"-\", p)])\n}\nresource \"aws_s3_bucket\" \"b\" {\n  for_each = local.s\n}\n"}},
		{name: "module count times resource count", files: map[string]string{
			"main.tf":   "module \"m\" {\n  source = \"./m\"\n  count  = 100000\n}\n",
			"m/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  count = 100000\n}\n",
		}, err: "more than 200000 resource and module instances"},
		{name: "a tfvars constant iterating a billion times", files: map[string]string{
			"main.tf":          "variable \"x\" {}\n",
			"terraform.tfvars": "x = [for a in [" + strings.Repeat("1,", 1000) + "] : [for b in [" + strings.Repeat("1,", 1000) + "] : [for c in [" + strings.Repeat("1,", 1000) + "] : 1]]]\n",
		}, err: "terraform.tfvars:1,5-6054: Too much to evaluate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range c.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := NewSourceLoader([]string{"region", "tags"}, []string{"region"}).LoadConfig(dir)
			if err != nil {
				t.Fatal(err)
			}
			instances, err := cfg.Evaluate(VarOptions{})
			switch {
			case c.err != "":
				if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), dir) {
					t.Errorf("error = %v, want one naming the file and saying %q", err, c.err)
				}
				return
			case err != nil:
				t.Fatal(err)
			case c.unknown == "":
				return // it ends: that is the point
			}
			var why string
			for _, in := range instances {
				if in.ProviderConfig != nil {
					a := in.ProviderConfig.Attrs["region"]
					if a.Value.IsWhollyKnown() {
						t.Errorf("%s: the region is known: %#v", in.Address, a.Value)
					}
					why = a.Why
				}
			}
			if !strings.Contains(why, c.unknown) {
				t.Errorf("the region is unknown because %q, want %q", why, c.unknown)
			}
		})
	}
}
