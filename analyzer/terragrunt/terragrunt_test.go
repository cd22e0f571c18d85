package terragrunt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadAssemblesUnit(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"root.hcl": `
locals {
  env    = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  region = local.env.locals.region
  path   = path_relative_to_include()
}
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
provider "aws" {
  region = "${local.region}"
}
EOF
}
generate "backend" {
  path     = "backend.tf"
  contents = "terraform {}"
  disable  = true
}
generate "vars" {
  path     = "extra.auto.tfvars"
  contents = "x = 1"
}
inputs = {
  tags = { team = "data", path = local.path }
  name = "parent"
}
`,
		"prod/env.hcl": "locals {\n  region = \"eu-west-3\"\n}\n",
		"prod/app/terragrunt.hcl": `
include "root" {
  path           = find_in_parent_folders("root.hcl")
  merge_strategy = "deep"
  expose         = true
}
locals {
  b = local.a
  a = "${include.root.locals.region}-x"
}
terraform {
  source = "../../modules//app?ref=v1"
}
dependency "vpc" {
  config_path = "../vpc"
}
inputs = {
  tags   = { owner = "me" }
  vpc_id = dependency.vpc.outputs.id
  region = get_env("AWS_REGION", "eu-west-1")
  label  = local.b
  secret = run_cmd("cat", "/etc/passwd")
}
`,
		"prod/app/extra.tf":    "# the unit's own file\n",
		"modules/app/main.tf":  "resource \"aws_s3_bucket\" \"b\" {}\n",
		"modules/app/extra.tf": "# replaced by the unit's\n",
	})
	u, err := Load(filepath.Join(dir, "prod", "app", "terragrunt.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := u.Source, filepath.Join(dir, "modules", "app"); got != want {
		t.Errorf("Source = %s, want %s", got, want)
	}
	var names []string
	for _, x := range u.Extra {
		names = append(names, x.Name)
		if x.Name == "provider.tf" {
			if got := string(x.Src); got != "provider \"aws\" {\n  region = \"eu-west-3\"\n}\n" {
				t.Errorf("generated provider.tf = %q", got)
			}
			// The contents start on the line after the heredoc marker.
			if x.Start.Line != 11 || !strings.HasSuffix(x.Filename, "root.hcl") {
				t.Errorf("generated contents placed at %s:%d, want root.hcl:11", x.Filename, x.Start.Line)
			}
		}
	}
	if diff := cmp.Diff([]string{"extra.tf", "provider.tf"}, names); diff != "" {
		t.Errorf("extra files (-want +got):\n%s", diff)
	}

	str := func(name string) string {
		v := u.Inputs[name].Value
		if !v.IsKnown() || !v.Type().Equals(cty.String) {
			return "<unknown>"
		}
		return v.AsString()
	}
	if got := str("name"); got != "parent" {
		t.Errorf("name = %s, want the parent's input", got)
	}
	if got := str("label"); got != "eu-west-3-x" {
		t.Errorf("label = %s: locals in any order, include.root.locals", got)
	}
	tags := u.Inputs["tags"].Value.AsValueMap()
	if len(tags) != 3 || tags["path"].AsString() != "prod/app" {
		t.Errorf("tags = %#v: deep merge keeps parent and child keys, path_relative_to_include is prod/app", tags)
	}
	for name, want := range map[string]string{
		"vpc_id": "dependency.vpc's outputs",
		"region": "get_env()",
		"secret": "run_cmd(), which runs a command, which sovlint never does",
	} {
		p := u.Inputs[name]
		if p.Value.IsWhollyKnown() || !strings.Contains(p.Why, want) {
			t.Errorf("input %s = %#v, why %q: want unknown because of %s", name, p.Value, p.Why, want)
		}
	}
	if len(u.Warnings) != 1 || !strings.Contains(u.Warnings[0].Message, `generate "vars" writes variable values`) {
		t.Errorf("warnings %+v, want one about the generated tfvars", u.Warnings)
	}
}

func TestLoadErrors(t *testing.T) {
	for name, tt := range map[string]struct{ src, want string }{
		"remote registry": {`terraform { source = "tfr:///terraform-aws-modules/vpc/aws?version=5.0.0" }`, "Terragrunt source is remote"},
		"remote git":      {`terraform { source = "git::https://example.com/m.git//vpc?ref=v1" }`, "Terragrunt source is remote"},
		"remote github":   {`terraform { source = "github.com/org/modules//vpc" }`, "Terragrunt source is remote"},
		"missing local":   {`terraform { source = "../nowhere" }`, "Terragrunt source not found"},
		"unknown source":  {`terraform { source = get_env("SRC") }`, "Terragrunt source not known statically"},
		"no parent":       {`include { path = find_in_parent_folders("nothing.hcl") }`, "Include path not known statically"},
		"syntax":          {`inputs = {`, "terragrunt.hcl:1"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"unit/terragrunt.hcl": tt.src})
			_, err := Load(filepath.Join(dir, "unit", "terragrunt.hcl"))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestIncludes(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"terragrunt.hcl":   "inputs = {}\n",
		"a/terragrunt.hcl": "include {\n  path = find_in_parent_folders()\n}\n",
	})
	got, err := Includes(filepath.Join(dir, "a", "terragrunt.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "terragrunt.hcl")}, got); diff != "" {
		t.Errorf("Includes (-want +got):\n%s", diff)
	}
}

// A Reader parses each file once: the unit file Includes read, the parent
// two units include and the file they both read_terragrunt_config are not
// read again (they are made unparsable after the first unit is loaded, so
// a second read would fail; they stay, for find_in_parent_folders).
func TestReaderReadsEachFileOnce(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"root.hcl":         "locals {\n  env = read_terragrunt_config(\"${get_parent_terragrunt_dir()}/env.hcl\")\n}\ninputs = {\n  region = local.env.locals.region\n}\n",
		"env.hcl":          "locals {\n  region = \"eu-west-3\"\n}\n",
		"a/terragrunt.hcl": "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n",
		"b/terragrunt.hcl": "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n",
	})
	var r Reader
	a, b := filepath.Join(dir, "a", "terragrunt.hcl"), filepath.Join(dir, "b", "terragrunt.hcl")
	if _, err := r.Includes(b); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Load(a); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"root.hcl", "env.hcl", "b/terragrunt.hcl"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte("{{{\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	u, err := r.Load(b)
	if err != nil {
		t.Fatalf("second unit: %v", err)
	}
	if got := u.Inputs["region"].Value; !got.RawEquals(cty.StringVal("eu-west-3")) {
		t.Errorf("region = %#v, want the parent's input read through env.hcl", got)
	}
}
