package analyzer_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/internal/addrs"
)

func str(s string) cty.Value { return cty.StringVal(s) }

func obj(kv ...string) cty.Value {
	m := map[string]cty.Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = str(kv[i+1])
	}
	return cty.ObjectVal(m)
}

func TestNormaliseTagKey(t *testing.T) {
	for _, k := range []string{"DataClassification", "data_classification", "Data-Classification", "data.classification", "DATA CLASSIFICATION"} {
		if got := analyzer.NormaliseTagKey(k); got != "dataclassification" {
			t.Errorf("NormaliseTagKey(%q) = %q", k, got)
		}
	}
}

func TestClassify(t *testing.T) {
	awsTags := analyzer.TagSpecView{Effective: "tags_all", ResourceAttributes: []string{"tags"}, ProviderAttributes: []string{"default_tags.tags"}}
	labels := analyzer.TagSpecView{ResourceAttributes: []string{"labels"}}
	plain := analyzer.TagSpecView{ResourceAttributes: []string{"tags"}}
	withDefaults := func(defaults cty.Value, attrs analyzer.Attrs) *analyzer.Instance {
		return &analyzer.Instance{Attrs: attrs, ProviderConfig: &analyzer.ProviderConfig{Key: "aws", Attrs: analyzer.Attrs{"default_tags.tags": {Value: defaults, Set: true}}}}
	}
	type want struct {
		Level   string
		Matched bool
		Key     string
		Unknown bool
	}
	tests := []struct {
		name string
		spec analyzer.TagSpecView
		in   *analyzer.Instance
		want want
	}{
		{"no tags", awsTags, &analyzer.Instance{}, want{}},
		{
			"a map tag with a sensitive value", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("DataClassification", "Sensitive")}}},
			want{Level: "sensitive", Matched: true, Key: "DataClassification"},
		},
		{
			"French values: diffusion restreinte", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("confidentiality", "Diffusion-Restreinte")}}},
			want{Level: "sensitive", Matched: true, Key: "confidentiality"},
		},
		{
			"values normalised as keys are: the official marking with a space", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "Diffusion Restreinte")}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"values normalised as keys are: upper case with an underscore", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "DIFFUSION_RESTREINTE")}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"values normalised as keys are: lower case with an underscore", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "diffusion_restreinte")}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"values normalised as keys are: a no-break space", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "Diffusion\u00a0Restreinte")}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"values normalised as keys are: dots", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("sensitivity", "D.R.")}}},
			want{Level: "sensitive", Matched: true, Key: "sensitivity"},
		},
		{
			"a non-sensitive value is kept, lowercased", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "Internal")}}},
			want{Level: "internal", Key: "classification"},
		},
		{
			"tags that are not classification keys are ignored", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("owner", "secret")}}},
			want{},
		},
		{
			"any sensitive classification key wins over another key", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: obj("sensitivity", "secnumcloud", "data_classification", "sensitive")}}},
			want{Level: "sensitive", Matched: true, Key: "data_classification"},
		},
		{
			"provider default_tags apply when tags_all is unknown", awsTags,
			withDefaults(obj("data_classification", "sensitive"), analyzer.Attrs{"tags_all": {Value: cty.DynamicVal}}),
			want{Level: "sensitive", Matched: true, Key: "data_classification"},
		},
		{
			"a resource tag overrides the default tag of the same key", awsTags,
			withDefaults(obj("confidentiality", "restricted"), analyzer.Attrs{"tags": {Value: obj("confidentiality", "public"), Set: true}}),
			want{Level: "public", Key: "confidentiality"},
		},
		{
			"tags_all, when known, is the whole truth", awsTags,
			withDefaults(obj("confidentiality", "public"), analyzer.Attrs{"tags_all": {Value: obj("confidentiality", "restricted")}}),
			want{Level: "sensitive", Matched: true, Key: "confidentiality"},
		},
		{
			"Google labels", labels,
			&analyzer.Instance{Attrs: analyzer.Attrs{"labels": {Value: obj("data-classification", "secret")}}},
			want{Level: "sensitive", Matched: true, Key: "data-classification"},
		},
		{
			"Outscale tags blocks: a list of {key, value}", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.TupleVal([]cty.Value{obj("key", "Name", "value", "web"), obj("key", "classification", "value", "DR")})}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"Scaleway key=value strings", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.TupleVal([]cty.Value{str("env=prod"), str("sensitivity=restricted")})}}},
			want{Level: "sensitive", Matched: true, Key: "sensitivity"},
		},
		{
			"DigitalOcean key:value strings", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.TupleVal([]cty.Value{str("classification:sensitive")})}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
		{
			"tags unknown until apply: classification unknown", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.DynamicVal, Set: true, Why: "known only after apply"}}},
			want{Level: "unknown", Unknown: true},
		},
		{
			"tags the provider computes (not written in the configuration) are not a classification", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.DynamicVal, Set: false}}},
			want{},
		},
		{
			"one classification value unknown: unknown", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.ObjectVal(map[string]cty.Value{"classification": cty.UnknownVal(cty.String)})}}},
			want{Level: "unknown", Key: "classification", Unknown: true},
		},
		{
			"an unknown non-classification tag does not matter", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.ObjectVal(map[string]cty.Value{"classification": str("public"), "build": cty.UnknownVal(cty.String)})}}},
			want{Level: "public", Key: "classification"},
		},
		{
			"a known sensitive value wins even if another key is unknown", plain,
			&analyzer.Instance{Attrs: analyzer.Attrs{"tags": {Value: cty.ObjectVal(map[string]cty.Value{"classification": str("secret"), "sensitivity": cty.UnknownVal(cty.String)})}}},
			want{Level: "sensitive", Matched: true, Key: "classification"},
		},
	}
	pol := analyzer.DefaultPolicy()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := pol.Classify(tt.in, tt.spec)
			got := want{Level: c.Level, Matched: c.Matched, Key: c.Key, Unknown: c.Unknown != ""}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("classification mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// An old plan that cannot say which provider configuration a module got
// cannot say which default tags apply either: the classification is
// unknown (fail closed), not "none".
func TestUndeterminedProviderLeavesClassificationUnknown(t *testing.T) {
	spec := planSpec{
		providers: map[string]any{
			"aws":           awsProvider(map[string]any{"region": constant("eu-west-1"), "default_tags": blocks(block("tags", constant(map[string]any{"classification": "sensitive"})))}),
			"aws.primary":   awsProvider(map[string]any{"region": constant("us-east-1")}, "primary"),
			"module.db:aws": map[string]any{"name": "aws", "full_name": awsSource, "module_address": "module.db"},
		},
		module:  []string{"db"},
		resType: "aws_db_instance", source: awsSource, key: "db:aws",
	}
	r := resolveOne(t, spec)
	if r.Classification.Level != "unknown" || !strings.Contains(r.Classification.Unknown, "do not record which of aws, aws.primary") {
		t.Errorf("classification %q (%q), want unknown with the reason", r.Classification.Level, r.Classification.Unknown)
	}
}

// Resource types that keep their tags elsewhere than the provider's usual
// attribute: the catalog says where (tags for_types), and a plan is read
// there. The sources' side is internal/engine/testdata/sources/tags-elsewhere.txtar.
func TestTagsWhereTheCatalogSays(t *testing.T) {
	sensitive := map[string]any{"classification": "sensitive"}
	google := map[string]any{"google": map[string]any{"name": "google", "full_name": "registry.terraform.io/hashicorp/google", "expressions": map[string]any{"region": constant("europe-west9")}}}
	tests := []struct {
		name string
		spec planSpec
		want string
	}{
		{
			name: "AWS Auto Scaling group tag blocks",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3")})},
				resType:   "aws_autoscaling_group", source: awsSource, key: "aws",
				after: map[string]any{"tag": []any{
					map[string]any{"key": "Name", "value": "web", "propagate_at_launch": true},
					map[string]any{"key": "DataClassification", "value": "Diffusion Restreinte", "propagate_at_launch": true},
				}},
			},
			want: "sensitive",
		},
		{
			name: "the AWS provider's default_tags do not reach an Auto Scaling group",
			spec: planSpec{
				providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3"), "default_tags": blocks(block("tags", constant(sensitive)))})},
				resType:   "aws_autoscaling_group", source: awsSource, key: "aws",
				after: map[string]any{"tag": []any{map[string]any{"key": "Name", "value": "web", "propagate_at_launch": true}}},
			},
			want: "",
		},
		{
			name: "Google Cloud SQL settings.user_labels",
			spec: planSpec{
				providers: google, resType: "google_sql_database_instance", source: "registry.terraform.io/hashicorp/google", key: "google",
				after: map[string]any{"region": "europe-west9", "settings": []any{map[string]any{"tier": "db-f1-micro", "user_labels": sensitive}}},
			},
			want: "sensitive",
		},
		{
			name: "GKE resource_labels",
			spec: planSpec{
				providers: google, resType: "google_container_cluster", source: "registry.terraform.io/hashicorp/google", key: "google",
				after: map[string]any{"location": "europe-west9", "resource_labels": sensitive},
			},
			want: "sensitive",
		},
		{
			name: "OVHcloud tags",
			spec: planSpec{
				providers: map[string]any{}, resType: "ovh_cloud_project_storage", source: "registry.terraform.io/ovh/ovh", key: "ovh",
				after: map[string]any{"region_name": "GRA", "tags": sensitive},
			},
			want: "sensitive",
		},
		{
			name: "Cloud Temple tags",
			spec: planSpec{
				providers: map[string]any{}, resType: "cloudtemple_compute_iaas_opensource_virtual_machine", source: "registry.terraform.io/cloud-temple/cloudtemple", key: "cloudtemple",
				after: map[string]any{"tags": sensitive},
			},
			want: "sensitive",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := resolveOne(t, tt.spec).Classification.Level; got != tt.want {
				t.Errorf("classification %q, want %q", got, tt.want)
			}
		})
	}
}

// What decides a classification, in order: a tag, an inline annotation
// (which also settles tags that cannot be known), the first default that
// selects the resource. The source says which.
func TestClassifySources(t *testing.T) {
	glob := func(s string) addrs.Glob {
		g, err := addrs.ParseGlob(s)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	pol := analyzer.DefaultPolicy()
	pol.Defaults = []analyzer.DefaultClass{
		{Level: "Diffusion Restreinte", Modules: []addrs.Glob{glob("module.health")}, Types: []string{"aws_s3_*"}},
		{Level: "sensitive", Addresses: []addrs.Glob{glob("aws_db_instance.records")}},
	}
	plain := analyzer.TagSpecView{ResourceAttributes: []string{"tags"}}
	inline := &analyzer.InlineClass{Value: "sensitive"}
	type want struct{ Level, Source string }
	for _, tt := range []struct {
		name string
		in   *analyzer.Instance
		want want
	}{
		{"nothing classifies it", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket"}, want{}},
		{"a tag", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "secret")}}}, want{"sensitive", "tag"}},
		{"a tag wins over an inline annotation", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Inline: inline, Attrs: analyzer.Attrs{"tags": {Value: obj("classification", "public")}}}, want{"public", "tag"}},
		{"an inline annotation settles unknown tags", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Inline: inline, Attrs: analyzer.Attrs{"tags": {Value: cty.DynamicVal, Set: true}}}, want{"sensitive", "inline"}},
		{"unknown tags stay unknown without one", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Attrs: analyzer.Attrs{"tags": {Value: cty.DynamicVal, Set: true}}}, want{"unknown", "tag"}},
		{"an inline annotation wins over a default", &analyzer.Instance{Address: "aws_db_instance.records", Type: "aws_db_instance", Inline: &analyzer.InlineClass{Value: "public"}}, want{"public", "inline"}},
		{"a default by address", &analyzer.Instance{Address: "aws_db_instance.records", Type: "aws_db_instance"}, want{"sensitive", "default"}},
		{"a default by module and type, its level given by value", &analyzer.Instance{Address: `module.health["a"].aws_s3_bucket.b`, Module: `module.health["a"]`, Type: "aws_s3_bucket"}, want{"sensitive", "default"}},
		{"every selector of a default must match", &analyzer.Instance{Address: `module.health.aws_sqs_queue.q`, Module: "module.health", Type: "aws_sqs_queue"}, want{}},
		{"a module selector does not select the root module", &analyzer.Instance{Address: "aws_s3_bucket.b", Type: "aws_s3_bucket"}, want{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := pol.Classify(tt.in, plain)
			if diff := cmp.Diff(tt.want, want{c.Level, c.Source}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
