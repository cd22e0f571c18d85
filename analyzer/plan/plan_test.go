package plan_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/providers"
)

// row is what the resolution of one resource must give. The expectations
// below were worked out by hand from each case's .tf sources, not copied
// from sovlint's output.
type row struct {
	Region, Country, Config string
	Source                  analyzer.SourceKind
	Level                   string
}

func loadPlanFile(t *testing.T, path string) []analyzer.Resource {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cat := providers.Default()
	p, err := plan.LoadPlan(f, path, cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
	if err != nil {
		t.Fatalf("LoadPlan(%s): %v", path, err)
	}
	r := analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}
	out := make([]analyzer.Resource, 0, len(p.Instances))
	for _, in := range p.Instances {
		out = append(out, r.Resolve(in))
	}
	return out
}

func rows(res []analyzer.Resource) map[string]row {
	m := map[string]row{}
	for _, r := range res {
		m[r.Address] = row{
			Region: r.Location.Region, Country: r.Location.Country, Config: r.ProviderConfig,
			Source: r.Location.Source.Kind, Level: r.Classification.Level,
		}
	}
	return m
}

func TestPlanResolutionCorpus(t *testing.T) {
	const prov = analyzer.FromProvider
	global := row{Region: "global", Source: analyzer.FromGlobal}
	tests := map[string]map[string]row{
		// default_tags on the default provider classify its resources; an
		// aliased provider without default tags leaves its bucket unclassified
		// even though tags_all is unknown in the plan.
		"default-tags": {
			"aws_s3_bucket.health": {"us-east-1", "US", "aws", prov, "sensitive"},
			"aws_s3_bucket.paris":  {"eu-west-3", "FR", "aws.paris", prov, ""},
		},
		// Regions from variable defaults, an alias passed into a module, a
		// provider declared inside a module whose region is a module input.
		"var-default-region": {
			"aws_rds_cluster.main":             {"eu-west-3", "FR", "aws", prov, "sensitive"},
			"aws_cloudfront_distribution.cdn":  {global.Region, "", "aws", analyzer.FromGlobal, "public"},
			"module.backup.aws_backup_vault.v": {"eu-north-1", "SE", "aws.dr", prov, "sensitive"},
			"module.backup.aws_s3_bucket.b":    {"eu-north-1", "SE", "aws.dr", prov, ""},
			"module.regional.aws_sns_topic.t":  {"sa-east-1", "BR", "module.regional:aws", prov, "sensitive"},
		},
		// for_each modules over a filtered map, one with an aliased provider;
		// count resources classified from count.index.
		"count-foreach": {
			"aws_sqs_queue.shards[0]":                                  {"eu-west-3", "FR", "aws", prov, "sensitive"},
			"aws_sqs_queue.shards[1]":                                  {"eu-west-3", "FR", "aws", prov, "internal"},
			"aws_sqs_queue.shards[2]":                                  {"eu-west-3", "FR", "aws", prov, "internal"},
			`module.tenant_paris["hospital-a"].aws_s3_bucket.data`:     {"eu-west-3", "FR", "aws", prov, "sensitive"},
			`module.tenant_paris["hospital-a"].aws_db_instance.db`:     {"eu-west-3", "FR", "aws", prov, "sensitive"},
			`module.tenant_frankfurt["hospital-b"].aws_s3_bucket.data`: {"eu-central-1", "DE", "aws.frankfurt", prov, "internal"},
			`module.tenant_frankfurt["hospital-b"].aws_db_instance.db`: {"eu-central-1", "DE", "aws.frankfurt", prov, "internal"},
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			got := rows(loadPlanFile(t, filepath.Join("..", "..", "testdata", "plans", name, "plan.json")))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("resolution mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// modules-count-aliases has 60 resources: check them by rule rather than
// one by one. Each module instance's provider comes from the module call's
// providers map; classification from the module's count.index expression.
func TestPlanResolutionModulesCountAliases(t *testing.T) {
	got := loadPlanFile(t, filepath.Join("..", "..", "testdata", "plans", "modules-count-aliases", "plan.json"))
	if len(got) != 60 {
		t.Fatalf("got %d resources, want 60", len(got))
	}
	wantRegion := map[string]string{"svc_paris": "eu-west-3", "svc_us": "us-east-1", "svc_fra": "eu-central-1"}
	wantConfig := map[string]string{"svc_paris": "aws", "svc_us": "aws.us", "svc_fra": "aws.frankfurt"}
	for _, r := range got {
		var call string
		var idx int
		if _, err := fmtSscanf(r.Module, &call, &idx); err != nil {
			t.Fatalf("%s: unexpected module address %q", r.Address, r.Module)
		}
		region := wantRegion[call]
		if r.Type == "aws_iam_role" {
			region = "global"
		}
		if r.Location.Region != region || r.ProviderConfig != wantConfig[call] {
			t.Errorf("%s: region %q via %q, want %q via %q", r.Address, r.Location.Region, r.ProviderConfig, region, wantConfig[call])
		}
		level := map[string]string{"svc_paris": "public", "svc_us": "internal", "svc_fra": "internal"}[call]
		if (call == "svc_paris" && idx%3 == 0) || (call == "svc_us" && idx%2 == 0) {
			level = "sensitive"
		}
		if r.Type == "aws_iam_role" || r.Type == "aws_s3_bucket_versioning" {
			level = "" // untagged in the module
		}
		if r.Classification.Level != level {
			t.Errorf("%s: classification %q, want %q", r.Address, r.Classification.Level, level)
		}
	}
}
