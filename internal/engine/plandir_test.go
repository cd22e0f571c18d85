package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A plan keeps only the references of a provider block's expressions: a
// region from a local is unknown in it (SOV004). Given the sources with
// --dir, sovlint evaluates the local there, with the plan's own variable
// values, and the location is known, even for instances of a count the
// sources cannot expand.
func TestPlanDirEvaluatesWhatThePlanCannot(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.tf": `variable "env" { default = "dev" }
locals {
  regions = { dev = "us-east-1", prod = "eu-west-3" }
  region  = local.regions[var.env]
}
provider "aws" {
  region = local.region
}
data "aws_availability_zones" "all" {}
resource "aws_sqs_queue" "q" {
  count = length(data.aws_availability_zones.all.names)
  tags  = { classification = "sensitive" }
}
`,
		// What Terraform writes for it with -var env=prod, trimmed to the
		// parts sovlint reads.
		"plan.json": `{
  "format_version": "1.2",
  "variables": {"env": {"value": "prod"}},
  "resource_changes": [{
    "address": "aws_sqs_queue.q[0]", "mode": "managed", "type": "aws_sqs_queue", "name": "q", "index": 0,
    "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["create"], "before": null,
      "after": {"tags": {"classification": "sensitive"}, "tags_all": {"classification": "sensitive"}},
      "after_unknown": {}}
  }],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
      "expressions": {"region": {"references": ["local.region"]}}}},
    "root_module": {"resources": [{"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue",
      "name": "q", "provider_config_key": "aws", "expressions": {"tags": {"constant_value": {"classification": "sensitive"}}}}]}
  }
}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(dir, "plan.json")

	alone := scanFor(t, Input{Path: plan}, SourceOptions{})
	r := alone.Assessments[0].Resource
	if r.Location.Region != "" || !strings.Contains(r.Location.Unresolved, "local.region is not recorded in the plan JSON") {
		t.Fatalf("without sources: region %q, unresolved %q; want unresolved because of the local", r.Location.Region, r.Location.Unresolved)
	}

	withSources := scanFor(t, Input{Path: plan}, SourceOptions{PlanDir: dir})
	r = withSources.Assessments[0].Resource
	// The plan's env=prod wins over the sources' default dev.
	if r.Location.Region != "eu-west-3" || r.Location.Unresolved != "" {
		t.Errorf("with sources: region %q, unresolved %q; want eu-west-3", r.Location.Region, r.Location.Unresolved)
	}
	if got := r.Location.Source.Range; got.Filename != filepath.Join(dir, "main.tf") || got.Start.Line != 7 {
		t.Errorf("the location should point at the provider's region line, got %s", got)
	}
	var rules []string
	for _, f := range withSources.Findings {
		rules = append(rules, f.RuleID)
	}
	if diff := cmp.Diff([]string{"SOV001", "SOV002"}, rules); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// An inline classification in the sources applies to a plan scanned with
// them (--dir), as it does to the sources themselves.
func TestPlanDirReadsInlineClassifications(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.tf": `provider "aws" {
  region = "eu-west-3"
}
# sovlint:classification sensitive
resource "aws_sqs_queue" "q" {
  name = "q"
}
`,
		"plan.json": `{
  "format_version": "1.2",
  "resource_changes": [{
    "address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue", "name": "q",
    "provider_name": "registry.terraform.io/hashicorp/aws",
    "change": {"actions": ["create"], "before": null, "after": {"name": "q", "tags": null, "tags_all": {}}, "after_unknown": {}}
  }],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws",
      "expressions": {"region": {"constant_value": "eu-west-3"}}}},
    "root_module": {"resources": [{"address": "aws_sqs_queue.q", "mode": "managed", "type": "aws_sqs_queue",
      "name": "q", "provider_config_key": "aws", "expressions": {"name": {"constant_value": "q"}}}]}
  }
}
`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	plan := filepath.Join(dir, "plan.json")
	for _, tt := range []struct {
		name      string
		src       SourceOptions
		level, by string
	}{
		{"the plan alone cannot see the comment", SourceOptions{}, "", ""},
		{"with its sources", SourceOptions{PlanDir: dir}, "sensitive", "inline"},
	} {
		r := scanFor(t, Input{Path: plan}, tt.src).Assessments[0].Resource
		if r.Classification.Level != tt.level || r.Classification.Source != tt.by {
			t.Errorf("%s: classification %q by %q, want %q by %q", tt.name, r.Classification.Level, r.Classification.Source, tt.level, tt.by)
		}
	}
	fromSources := scanFor(t, Input{Path: dir}, SourceOptions{}).Assessments
	for _, a := range fromSources {
		if a.Resource.Classification.Source != "inline" {
			t.Errorf("sources: %s classified by %q, want inline", a.Resource.Address, a.Resource.Classification.Source)
		}
	}
}
