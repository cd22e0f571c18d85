package analyzer_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/providers"
)

// Copies between resources, from a plan: a read replica in a module
// (replicate_source_db given through a module input) and a replication
// configuration (source bucket and destination bucket) relate back to the
// copied resource, which gets a replica where the copy is.
func TestRelateCopiesFromPlan(t *testing.T) {
	const planJSON = `{
  "format_version": "1.2",
  "resource_changes": [
    {"address": "aws_db_instance.master", "mode": "managed", "type": "aws_db_instance", "name": "master",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "after": {"identifier": "master"}, "after_unknown": {"arn": true}}},
    {"address": "module.replica.aws_db_instance.this", "module_address": "module.replica", "mode": "managed",
     "type": "aws_db_instance", "name": "this", "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "after": {"identifier": "replica"}, "after_unknown": {"replicate_source_db": true}}},
    {"address": "aws_s3_bucket.source", "mode": "managed", "type": "aws_s3_bucket", "name": "source",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "after": {"bucket": "source"}, "after_unknown": {}}},
    {"address": "aws_s3_bucket.dest", "mode": "managed", "type": "aws_s3_bucket", "name": "dest",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "after": {"bucket": "dest"}, "after_unknown": {}}},
    {"address": "aws_s3_bucket_replication_configuration.r", "mode": "managed", "type": "aws_s3_bucket_replication_configuration", "name": "r",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"], "after": {}, "after_unknown": {"bucket": true, "rule": true}}}
  ],
  "configuration": {
    "provider_config": {
      "aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "expressions": {"region": {"constant_value": "eu-west-3"}}},
      "aws.us": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "alias": "us", "expressions": {"region": {"constant_value": "us-east-1"}}}
    },
    "root_module": {
      "resources": [
        {"address": "aws_db_instance.master", "mode": "managed", "type": "aws_db_instance", "name": "master", "provider_config_key": "aws",
         "expressions": {"identifier": {"constant_value": "master"}}},
        {"address": "aws_s3_bucket.source", "mode": "managed", "type": "aws_s3_bucket", "name": "source", "provider_config_key": "aws",
         "expressions": {"bucket": {"constant_value": "source"}}},
        {"address": "aws_s3_bucket.dest", "mode": "managed", "type": "aws_s3_bucket", "name": "dest", "provider_config_key": "aws.us",
         "expressions": {"bucket": {"constant_value": "dest"}}},
        {"address": "aws_s3_bucket_replication_configuration.r", "mode": "managed", "type": "aws_s3_bucket_replication_configuration", "name": "r", "provider_config_key": "aws",
         "expressions": {
           "bucket": {"references": ["aws_s3_bucket.source.id", "aws_s3_bucket.source"]},
           "rule": [{"destination": [{"bucket": {"references": ["aws_s3_bucket.dest.arn", "aws_s3_bucket.dest"]}}]}]
         }}
      ],
      "module_calls": {"replica": {
        "source": "./db",
        "expressions": {"source_db": {"references": ["aws_db_instance.master.arn", "aws_db_instance.master"]}},
        "module": {"resources": [{"address": "aws_db_instance.this", "mode": "managed", "type": "aws_db_instance", "name": "this",
          "provider_config_key": "replica:aws", "expressions": {"replicate_source_db": {"references": ["var.source_db"]}}}]}
      }}
    }
  }
}`
	cat := providers.Default()
	res := resolvePlan(t, strings.NewReader(planJSON), "plan.json")
	// The replica's module gets the default aws configuration: put it in
	// us-east-1 as a providers map would.
	for i := range res {
		if res[i].Address == "module.replica.aws_db_instance.this" {
			res[i].Location = analyzer.Location{Region: "us-east-1", Country: "US", Source: analyzer.LocationSource{Kind: analyzer.FromProvider}}
			res[i].Variant, res[i].Region = cat.Provider("hashicorp/aws").LookupRegion("us-east-1", nil)
		}
	}
	analyzer.InheritLocations(res)
	analyzer.RelateCopies(res)
	got := map[string][]string{}
	for _, x := range res {
		for _, rep := range x.Replicas {
			got[x.Address] = append(got[x.Address], rep.Via+" → "+rep.Resource+" "+rep.Region+rep.Unresolved)
		}
	}
	want := map[string][]string{
		"aws_db_instance.master": {"RDS read replica → module.replica.aws_db_instance.this us-east-1"},
		"aws_s3_bucket.source":   {"S3 replication → aws_s3_bucket.dest us-east-1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("replicas (-want +got):\n%s", diff)
	}
}
