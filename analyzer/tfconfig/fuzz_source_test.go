package tfconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/providers"
)

// FuzzSourceLoader feeds arbitrary configuration text to the loader and
// the evaluator: whatever a user writes, a scan returns diagnostics or
// resources, and never panics (not even a panic the evaluator recovers
// from).
func FuzzSourceLoader(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/plans/*/main.tf")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b), `r = "eu-west-3"`)
		}
	}
	f.Add(`variable "r" {}
provider "aws" { region = var.r }
locals { t = { for k, v in var.m : k => upper(v) if v != "" } }
resource "aws_s3_bucket" "b" {
  for_each = toset(split(",", "a,b"))
  region   = coalesce(try(local.t[each.key], null), var.r)
  tags     = merge(local.t, { classification = each.value })
}
# sovlint:ignore SOV001 reason="x" expires=2026-01-01
module "m" {
  source = "./m"
  count  = length(var.r)
}`, `r = "eu-west-3"`)
	f.Add(`resource "a_b" "c" { count = -1 }
resource "a_b" "d" { for_each = ["x"] }
resource "a_b" "e" { tags = [for i in range(3) : { key = i, value = "${i}" }] }`, `m = {a = 1}`)
	// The hostile classes: nesting at and past the limit, the evaluation
	// budget, numbers beyond 10^4096, encodings.
	n := 1001
	f.Add("locals {\n  a = "+strings.Repeat("(", n)+"1"+strings.Repeat(")", n)+"\n}\n", "x = "+strings.Repeat("[", n)+strings.Repeat("]", n))
	f.Add("locals {\n  a = "+strings.Repeat("(", 990)+"1"+strings.Repeat(")", 990)+"\n}\n", "x = 1"+strings.Repeat(" + 1", n))
	f.Add(`locals {
  p = setproduct(range(1024), range(1024), range(1024))
  n = [for a in range(1024) : [for b in range(1024) : [for c in range(1024) : 1]]]
  s = tostring(1e99999999)
  t = "${1e4000 * 1e4000}"
  f = format("%999999999d", 1)
}
provider "aws" { region = length(local.p) > 0 ? "eu-west-3" : local.s }
resource "aws_s3_bucket" "b" { count = 300000 }`, `x = [for a in [1,2,3] : [for b in [1,2,3] : a * b]]`)
	f.Add("\xef\xbb\xbfprovider \"aws\" {}", "\xff\xfex\x00=\x001\x00")
	f.Add(`x = "%{if true}`+strings.Repeat("%{if true}", n)+`"`, `y = <<EOT
${`+strings.Repeat("(", n)+`}
EOT`)
	cat := providers.Default()
	resourceAttrs, providerAttrs := cat.ResourceAttributeNames(), cat.ProviderAttributeNames()
	f.Fuzz(func(t *testing.T, src, tfvars string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "terraform.tfvars"), []byte(tfvars), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(dir, "m"), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "m", "main.tf"), []byte(strings.ReplaceAll(src, "./m", "./n")), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := NewSourceLoader(resourceAttrs, providerAttrs).LoadConfig(dir)
		if err != nil {
			return
		}
		_ = cfg.Ignores()
		_, panics, _ := cfg.evaluate(VarOptions{Getenv: func(string) string { return "" }}, evalbudget.WithUnits(100_000))
		if len(panics) > 0 {
			t.Fatalf("evaluation panicked: %v", panics)
		}
	})
}
