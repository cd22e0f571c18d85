package analyzer_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/providers"
)

// A tiny plan builder: enough of Terraform's JSON plan format to put one
// resource under one provider configuration in a module tree.

type expr map[string]any

func constant(v any) expr        { return expr{"constant_value": v} }
func refs(r ...string) expr      { return expr{"references": r} }
func blocks(b ...expr) []expr    { return b }
func block(k string, v any) expr { return expr{k: v} }

type planSpec struct {
	providers map[string]any // provider_config
	variables map[string]any // root variable values
	module    []string       // module path of the resource: ["a", "b"]
	calls     map[string]any // module call expressions by call name
	resType   string
	source    string // provider_name
	key       string // provider_config_key
	after     map[string]any
	unknown   map[string]any
	exprs     map[string]any // resource expressions (attributes set in config)
}

func (s planSpec) json() []byte {
	res := map[string]any{
		"address": s.resType + ".r", "mode": "managed", "type": s.resType, "name": "r",
		"provider_config_key": s.key, "expressions": s.exprs,
	}
	mod := map[string]any{"resources": []any{res}}
	for _, name := range slices.Backward(s.module) {
		call := map[string]any{"source": "./" + name, "module": mod}
		if e, ok := s.calls[name]; ok {
			call["expressions"] = e
		}
		mod = map[string]any{"module_calls": map[string]any{name: call}}
	}
	vars := map[string]any{}
	for k, v := range s.variables {
		vars[k] = map[string]any{"value": v}
	}
	moduleAddr := ""
	for _, m := range s.module {
		if moduleAddr != "" {
			moduleAddr += "."
		}
		moduleAddr += "module." + m
	}
	addr := s.resType + ".r"
	if moduleAddr != "" {
		addr = moduleAddr + "." + addr
	}
	rc := map[string]any{
		"address": addr, "mode": "managed", "type": s.resType, "name": "r", "provider_name": s.source,
		"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": s.after, "after_unknown": s.unknown},
	}
	if moduleAddr != "" {
		rc["module_address"] = moduleAddr
	}
	b, err := json.Marshal(map[string]any{
		"format_version":   "1.2",
		"variables":        vars,
		"resource_changes": []any{rc},
		"configuration":    map[string]any{"provider_config": s.providers, "root_module": mod},
	})
	if err != nil {
		panic(err)
	}
	return b
}

func resolveOne(t *testing.T, s planSpec) analyzer.Resource {
	t.Helper()
	cat := providers.Default()
	p, err := plan.LoadPlan(strings.NewReader(string(s.json())), "plan.json", cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Instances) != 1 {
		t.Fatalf("got %d instances, want 1", len(p.Instances))
	}
	r := analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}
	return r.Resolve(p.Instances[0])
}

const awsSource = "registry.terraform.io/hashicorp/aws"

func awsProvider(exprs map[string]any, extra ...string) map[string]any {
	pc := map[string]any{"name": "aws", "full_name": awsSource, "expressions": exprs}
	if len(extra) > 0 {
		pc["alias"] = extra[0]
	}
	return pc
}

func TestResolveLocation(t *testing.T) {
	type want struct {
		Region, Zone, Country string
		Source                analyzer.SourceKind
		Attribute             string
		Via                   []string
		Unresolved            string // substring
		Variant               string
	}
	tests := []struct {
		name string
		spec planSpec
		want want
	}{
		{
			name: "resource-level region (AWS provider v6) wins over the provider",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("us-east-1")})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
				after: map[string]any{"region": "eu-west-3"}, exprs: map[string]any{"region": constant("eu-west-3")},
			},
			want: want{Region: "eu-west-3", Country: "FR", Source: analyzer.FromResource, Attribute: "region"},
		},
		{
			name: "an availability zone maps to its region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("us-east-1")})},
				resType:   "aws_subnet", source: awsSource, key: "aws",
				after: map[string]any{"availability_zone": "eu-west-3b"}, exprs: map[string]any{"availability_zone": constant("eu-west-3b")},
			},
			want: want{Region: "eu-west-3", Zone: "eu-west-3b", Country: "FR", Source: analyzer.FromResource, Attribute: "availability_zone"},
		},
		{
			name: "an S3 bucket behind Exoscale's S3 endpoint is in Exoscale's zone, not in the provider's region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("us-east-1"), "endpoints": blocks(block("s3", constant("https://sos-ch-gva-2.exo.io")))})},
				resType:   "aws_s3_bucket", source: awsSource, key: "aws",
				after: map[string]any{"bucket": "b"},
			},
			want: want{Region: "ch-gva-2", Country: "CH", Source: analyzer.FromEndpoint, Attribute: "endpoints.s3"},
		},
		{
			name: "an S3 endpoint the catalog does not know leaves the operator unknown",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3"), "endpoints": blocks(block("s3", constant("https://minio.internal.example:9000")))})},
				resType:   "aws_s3_bucket", source: awsSource, key: "aws",
				after: map[string]any{"bucket": "b"},
			},
			want: want{Source: analyzer.FromEndpoint, Attribute: "endpoints.s3", Unresolved: "points at a host the catalog does not know"},
		},
		{
			name: "resources that do not use the S3 endpoint keep the provider's region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3"), "endpoints": blocks(block("s3", constant("https://s3.gra.io.cloud.ovh.net")))})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
				after: map[string]any{"name": "q"},
			},
			want: want{Region: "eu-west-3", Country: "FR", Source: analyzer.FromProvider, Attribute: "region"},
		},
		{
			name: "a Local Zone maps to its parent region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("us-east-1")})},
				resType:   "aws_subnet", source: awsSource, key: "aws",
				after: map[string]any{"availability_zone": "us-east-1-bos-1a"}, exprs: map[string]any{"availability_zone": constant("us-east-1-bos-1a")},
			},
			want: want{Region: "us-east-1", Zone: "us-east-1-bos-1a", Country: "US", Source: analyzer.FromResource, Attribute: "availability_zone"},
		},
		{
			name: "a zone the configuration sets to an unknown value is unresolved, not the provider's region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3")})},
				resType:   "aws_subnet", source: awsSource, key: "aws",
				after: map[string]any{}, unknown: map[string]any{"availability_zone": true},
				exprs: map[string]any{"availability_zone": refs("data.aws_availability_zones.all.names")},
			},
			want: want{Source: analyzer.FromNowhere, Attribute: "availability_zone", Unresolved: "availability_zone is not known statically (known only after apply)"},
		},
		{
			name: "an unknown attribute the provider computes falls back to the provider",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3")})},
				resType:   "aws_db_instance", source: awsSource, key: "aws",
				after: map[string]any{}, unknown: map[string]any{"availability_zone": true},
			},
			want: want{Region: "eu-west-3", Country: "FR", Source: analyzer.FromProvider, Attribute: "region"},
		},
		{
			name: "provider region from a root variable",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": refs("var.region")})},
				variables: map[string]any{"region": "eu-central-1"},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Region: "eu-central-1", Country: "DE", Source: analyzer.FromProvider, Attribute: "region", Via: []string{"var.region"}},
		},
		{
			name: "aliased provider through provider_config_key",
			spec: planSpec{
				providers: map[string]any{
					"aws":    awsProvider(map[string]any{"region": constant("us-east-1")}),
					"aws.dr": awsProvider(map[string]any{"region": constant("eu-north-1")}, "dr"),
				},
				module:  []string{"backup"},
				resType: "aws_backup_vault", source: awsSource, key: "aws.dr",
			},
			want: want{Region: "eu-north-1", Country: "SE", Source: analyzer.FromProvider, Attribute: "region"},
		},
		{
			name: "provider inside a child module: region from the module call's constant",
			spec: planSpec{
				providers: map[string]any{"module.regional:aws": map[string]any{
					"name": "aws", "full_name": awsSource, "module_address": "module.regional",
					"expressions": map[string]any{"region": refs("var.region")},
				}},
				module:  []string{"regional"},
				calls:   map[string]any{"regional": map[string]any{"region": constant("sa-east-1")}},
				resType: "aws_sns_topic", source: awsSource, key: "module.regional:aws",
			},
			want: want{
				Region: "sa-east-1", Country: "BR", Source: analyzer.FromProvider, Attribute: "region",
				Via: []string{"var.region", `module.regional input "region"`},
			},
		},
		{
			name: "provider two modules deep: module input from a parent input from a root variable",
			spec: planSpec{
				providers: map[string]any{"module.a.module.b:aws": map[string]any{
					"name": "aws", "full_name": awsSource, "module_address": "module.a.module.b",
					"expressions": map[string]any{"region": refs("var.r")},
				}},
				variables: map[string]any{"root_region": "eu-south-1"},
				module:    []string{"a", "b"},
				calls: map[string]any{
					"a": map[string]any{"parent_region": refs("var.root_region")},
					"b": map[string]any{"r": refs("var.parent_region")},
				},
				resType: "aws_sqs_queue", source: awsSource, key: "module.a.module.b:aws",
			},
			want: want{
				Region: "eu-south-1", Country: "IT", Source: analyzer.FromProvider, Attribute: "region",
				Via: []string{"var.r", `module.a.module.b input "r"`, "var.parent_region", `module.a input "parent_region"`, "var.root_region"},
			},
		},
		{
			name: "provider region from a local value is unresolved in a plan",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": refs("local.region")})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Source: analyzer.FromNowhere, Attribute: "region", Via: []string{"local.region"}, Unresolved: "local.region is not recorded in the plan JSON"},
		},
		{
			name: "provider region computed from several references is unresolved",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": refs("var.regions", "terraform.workspace")})},
				variables: map[string]any{"regions": map[string]any{"prod": "eu-west-3"}},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Source: analyzer.FromNowhere, Attribute: "region", Unresolved: "depends on var.regions, terraform.workspace"},
		},
		{
			name: "a provider block without region takes it from the environment: unresolved",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"profile": constant("prod")})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Source: analyzer.FromNowhere, Unresolved: `neither the resource nor provider "aws" sets a location; it would come from the environment (AWS_REGION`},
		},
		{
			name: "no provider block at all: unresolved",
			spec: planSpec{resType: "aws_sqs_queue", source: awsSource, key: "aws"},
			want: want{Source: analyzer.FromNowhere, Unresolved: `provider "aws" (not declared)`},
		},
		{
			name: "Terraform < 1.1 module-relative key inherits the parent's configuration",
			spec: planSpec{
				providers: map[string]any{
					"module.db:aws":              map[string]any{"name": "aws", "full_name": awsSource, "module_address": "module.db", "expressions": map[string]any{"region": constant("eu-west-1")}},
					"module.db.module.inner:aws": map[string]any{"name": "aws", "full_name": awsSource, "module_address": "module.db.module.inner"},
				},
				module:  []string{"db", "inner"},
				resType: "aws_db_instance", source: awsSource, key: "inner:aws",
			},
			want: want{Region: "eu-west-1", Country: "IE", Source: analyzer.FromProvider, Attribute: "region"},
		},
		{
			name: "Terraform 1.0 module-relative key: with aliases to choose from, the plan cannot say which the module got",
			spec: planSpec{
				providers: map[string]any{
					"aws":           awsProvider(map[string]any{"region": constant("eu-west-1")}),
					"aws.primary":   awsProvider(map[string]any{"region": constant("us-east-1")}, "primary"),
					"module.db:aws": map[string]any{"name": "aws", "full_name": awsSource, "module_address": "module.db"},
				},
				module:  []string{"db"},
				resType: "aws_db_instance", source: awsSource, key: "db:aws",
			},
			want: want{Source: analyzer.FromNowhere, Attribute: "region", Unresolved: "plans from Terraform 1.0 and earlier do not record which of aws, aws.primary module.db received"},
		},
		{
			name: "an empty provider block in a module of a current plan takes nothing from its parent",
			spec: planSpec{
				providers: map[string]any{
					"aws":           awsProvider(map[string]any{"region": constant("eu-west-1")}),
					"module.db:aws": map[string]any{"name": "aws", "full_name": awsSource, "module_address": "module.db"},
				},
				module:  []string{"db"},
				resType: "aws_db_instance", source: awsSource, key: "module.db:aws",
			},
			want: want{Source: analyzer.FromNowhere, Unresolved: `neither the resource nor provider "module.db:aws" sets a location`},
		},
		{
			name: "AWS European Sovereign Cloud region selects its variant",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eusc-de-east-1")})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Region: "eusc-de-east-1", Country: "DE", Source: analyzer.FromProvider, Attribute: "region", Variant: "eusc"},
		},
		{
			name: "a region the catalog does not list is kept as written, normalised",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("EU-West-33")})},
				resType:   "aws_sqs_queue", source: awsSource, key: "aws",
			},
			want: want{Region: "eu-west-33", Source: analyzer.FromProvider, Attribute: "region"},
		},
		{
			name: "Google zone attribute maps to its region",
			spec: planSpec{
				providers: map[string]any{"google": map[string]any{"name": "google", "full_name": "registry.terraform.io/hashicorp/google", "expressions": map[string]any{"region": constant("us-central1")}}},
				resType:   "google_compute_instance", source: "registry.terraform.io/hashicorp/google", key: "google",
				after: map[string]any{"zone": "europe-west9-b"}, exprs: map[string]any{"zone": constant("europe-west9-b")},
			},
			want: want{Region: "europe-west9", Zone: "europe-west9-b", Country: "FR", Source: analyzer.FromResource, Attribute: "zone"},
		},
		{
			name: "Google with the S3NS universe is the S3NS variant",
			spec: planSpec{
				providers: map[string]any{"google": map[string]any{"name": "google", "full_name": "registry.opentofu.org/hashicorp/google", "expressions": map[string]any{
					"region": constant("u-france-east1"), "universe_domain": constant("s3nsapis.fr"),
				}}},
				resType: "google_storage_bucket", source: "registry.opentofu.org/hashicorp/google", key: "google",
				after: map[string]any{"location": "U-FRANCE-EAST1"}, exprs: map[string]any{"location": constant("U-FRANCE-EAST1")},
			},
			want: want{Region: "u-france-east1", Country: "FR", Source: analyzer.FromResource, Attribute: "location", Variant: "s3ns"},
		},
		{
			name: "a universe_domain from an unknown value cannot say who operates the resource",
			spec: planSpec{
				providers: map[string]any{"google": map[string]any{"name": "google", "full_name": "registry.terraform.io/hashicorp/google", "expressions": map[string]any{
					"region": constant("europe-west9"), "universe_domain": refs("data.x.y"),
				}}},
				resType: "google_storage_bucket", source: "registry.terraform.io/hashicorp/google", key: "google",
			},
			want: want{Source: analyzer.FromNowhere, Attribute: "universe_domain", Unresolved: "provider attribute universe_domain, which selects the operator, is not known statically (depends on data.x.y)"},
		},
		{
			name: "Outscale region in the nested api block",
			spec: planSpec{
				providers: map[string]any{"outscale": map[string]any{"name": "outscale", "full_name": "registry.terraform.io/outscale/outscale", "expressions": map[string]any{
					"api": blocks(block("region", constant("cloudgouv-eu-west-1"))),
				}}},
				resType: "outscale_vm", source: "registry.terraform.io/outscale/outscale", key: "outscale",
			},
			want: want{Region: "cloudgouv-eu-west-1", Country: "FR", Source: analyzer.FromProvider, Attribute: "api.region"},
		},
		{
			name: "Outscale subregion maps to its region; eu-west-2 is France here, not London",
			spec: planSpec{
				providers: map[string]any{"outscale": map[string]any{"name": "outscale", "full_name": "registry.terraform.io/outscale/outscale"}},
				resType:   "outscale_subnet", source: "registry.terraform.io/outscale/outscale", key: "outscale",
				after: map[string]any{"subregion_name": "eu-west-2a"}, exprs: map[string]any{"subregion_name": constant("eu-west-2a")},
			},
			want: want{Region: "eu-west-2", Zone: "eu-west-2a", Country: "FR", Source: analyzer.FromResource, Attribute: "subregion_name"},
		},
		{
			name: "a global service has no region",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3")})},
				resType:   "aws_iam_role", source: awsSource, key: "aws",
			},
			want: want{Region: "global", Source: analyzer.FromGlobal},
		},
		{
			name: "a provider the catalog does not know",
			spec: planSpec{resType: "acme_bucket", source: "registry.terraform.io/acme/acme", key: "acme"},
			want: want{Source: analyzer.FromUnknown},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := resolveOne(t, tt.spec)
			got := want{
				Region: r.Location.Region, Zone: r.Location.Zone, Country: r.Location.Country,
				Source: r.Location.Source.Kind, Attribute: r.Location.Source.Attribute, Via: r.Location.Source.Via,
			}
			if tt.want.Unresolved != "" {
				if !strings.Contains(r.Location.Unresolved, tt.want.Unresolved) {
					t.Errorf("Unresolved = %q, want it to contain %q", r.Location.Unresolved, tt.want.Unresolved)
				}
				got.Unresolved = tt.want.Unresolved
			} else if r.Location.Unresolved != "" {
				t.Errorf("unexpectedly unresolved: %s", r.Location.Unresolved)
			}
			if r.Variant != nil {
				got.Variant = r.Variant.ID
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("location mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// A list of regions is a set of candidates, from a plan as from sources:
// one distinct region is a region; several keep every one, with their
// country when they share it.
func TestCandidatesFromPlan(t *testing.T) {
	ovh := func(regions ...any) planSpec {
		return planSpec{
			providers: map[string]any{}, resType: "ovh_cloud_project_network_private", source: "registry.terraform.io/ovh/ovh", key: "ovh",
			after: map[string]any{"regions": regions}, exprs: map[string]any{"regions": constant(regions)},
		}
	}
	for _, tt := range []struct {
		name                 string
		spec                 planSpec
		region, key, country string
	}{
		{"two regions in two countries", ovh("GRA1", "BHS1"), "", "bhs|gra", ""},
		{"one region", ovh("GRA9"), "gra", "gra", "FR"},
		{"two numbered sites of one region", ovh("GRA9", "GRA11"), "gra", "gra", "FR"},
		{"two regions in one country", ovh("GRA1", "SBG5"), "", "gra|sbg", "FR"},
		{"an OVHcloud Local Zone, as the API writes it", ovh("EU-WEST-LZ-LUX-A"), "eu-west-lz-lux", "eu-west-lz-lux", "LU"},
		{"two Local Zones", ovh("EU-WEST-LZ-LUX-A", "EU-SOUTH-LZ-MAD-A"), "", "eu-south-lz-mad|eu-west-lz-lux", ""},
		{
			"availability zones of one region", planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("us-east-1")})},
				resType:   "aws_autoscaling_group", source: awsSource, key: "aws",
				after: map[string]any{"availability_zones": []any{"eu-west-3a", "eu-west-3b"}}, exprs: map[string]any{"availability_zones": constant([]any{"eu-west-3a", "eu-west-3b"})},
			}, "eu-west-3", "eu-west-3", "FR",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := resolveOne(t, tt.spec)
			if r.Location.Unresolved != "" || !r.Location.Resolved() {
				t.Fatalf("unresolved: %q", r.Location.Unresolved)
			}
			if r.Location.Region != tt.region || r.Location.Key() != tt.key || r.Location.Country != tt.country {
				t.Errorf("region %q, key %q, country %q; want %q, %q, %q", r.Location.Region, r.Location.Key(), r.Location.Country, tt.region, tt.key, tt.country)
			}
		})
	}
}

// A provider that sets no region anywhere, whose every region is in one
// country, places its resources in that country; with one region, in it.
func TestProviderRegionsAsCandidates(t *testing.T) {
	const data = `
source "s" {
  title = "test"
  url   = "https://example.org/test"
  date  = "2026-11-26"
}
country_group "eu" {
  countries = ["FR", "DE"]
  source    = ["s"]
  as_of     = "2026-11-26"
  verified  = "primary"
}
provider "one" {
  name     = "One"
  registry = ["test/one"]
  operator {
    name             = "One SAS"
    country          = "FR"
    eu_legal_control = "yes"
    source           = ["s"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }
  secnumcloud {
    status   = "unknown"
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
  }
  regions {
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
    region "par" { country = "FR" }
  }
}
provider "two" {
  name     = "Two"
  registry = ["test/two"]
  operator {
    name             = "Two SAS"
    country          = "FR"
    eu_legal_control = "yes"
    source           = ["s"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }
  secnumcloud {
    status   = "unknown"
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
  }
  regions {
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
    region "par" { country = "FR" }
    region "mrs" { country = "FR" }
  }
}
provider "three" {
  name     = "Three"
  registry = ["test/three"]
  operator {
    name             = "Three GmbH"
    country          = "DE"
    eu_legal_control = "yes"
    source           = ["s"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }
  secnumcloud {
    status   = "unknown"
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
  }
  regions {
    source   = ["s"]
    as_of    = "2026-11-26"
    verified = "primary"
    region "par" { country = "FR" }
    region "fra" { country = "DE" }
  }
}
`
	cat, err := providers.Parse(map[string][]byte{"test.hcl": []byte(data)})
	if err != nil {
		t.Fatal(err)
	}
	r := analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}
	for _, tt := range []struct {
		source, key, country string
		unresolved           bool
	}{
		{"test/one", "par", "FR", false},
		{"test/two", "mrs|par", "FR", false},
		{"test/three", "", "", true}, // two countries: nothing says which
	} {
		res := r.Resolve(&analyzer.Instance{Address: "x_y.z", Type: "x_y", ProviderSource: tt.source})
		if res.Location.Key() != tt.key || res.Location.Country != tt.country || (res.Location.Unresolved != "") != tt.unresolved {
			t.Errorf("%s: key %q, country %q, unresolved %q; want %q, %q, unresolved %v", tt.source, res.Location.Key(), res.Location.Country, res.Location.Unresolved, tt.key, tt.country, tt.unresolved)
		}
		if !tt.unresolved && res.Location.Source.Kind != analyzer.FromProviderRegions {
			t.Errorf("%s: source %q", tt.source, res.Location.Source.Kind)
		}
	}
}
