package rules_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// TestRegistry checks what golang.org/x/tools' analysis.Validate checks for
// analyzers: unique sorted IDs, every field set, a doc page per rule.
func TestRegistry(t *testing.T) {
	idRe := regexp.MustCompile(`^SOV\d{3}$`)
	nameRe := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	var ids []string
	for _, r := range rules.All {
		ids = append(ids, r.ID)
		if !idRe.MatchString(r.ID) || !nameRe.MatchString(r.Name) {
			t.Errorf("%s/%s: malformed ID or name", r.ID, r.Name)
		}
		if r.Summary == "" || r.Remediation == "" || strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: summary and remediation must be set; summary has no trailing period", r.ID)
		}
		if r.Severity == finding.SeverityInvalid {
			t.Errorf("%s: no severity", r.ID)
		}
		if doc := r.Doc(); !strings.HasPrefix(doc, "# "+r.ID+" "+r.Name+"\n") {
			t.Errorf("%s: docs/%s.md must start with %q", r.ID, r.ID, "# "+r.ID+" "+r.Name)
		}
		if rules.ByID(r.ID) != r || rules.ByID(r.Name) != r {
			t.Errorf("%s: ByID does not find it by ID and name", r.ID)
		}
	}
	if !slices.IsSorted(ids) || len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("rule IDs must be unique and sorted: %v", ids)
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]finding.Severity{"error": finding.SeverityError, "Warning": finding.SeverityWarning, "notice": finding.SeverityNotice, "info": finding.SeverityNotice} {
		if got, err := finding.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := finding.ParseSeverity("fatal"); err == nil {
		t.Error("ParseSeverity accepted an unknown severity")
	}
}

// resource builds a resolved resource the way the analyzer would.
func resource(t *testing.T, source, resType, region, level string) analyzer.Resource {
	t.Helper()
	cat := providers.Default()
	p := cat.Provider(source)
	r := analyzer.Resource{
		Address: resType + ".r", Type: resType, Provider: providers.NormaliseSource(source), Catalog: p,
		Classification: analyzer.Classification{Level: level, Matched: level == "sensitive"},
	}
	switch {
	case p == nil:
		r.Location.Source.Kind = analyzer.FromUnknown
	case region == "":
		r.Location = analyzer.Location{Source: analyzer.LocationSource{Kind: analyzer.FromNowhere}, Unresolved: "no region anywhere"}
	default:
		r.Variant, r.Region = p.LookupRegion(region, nil)
		r.Location = analyzer.Location{Region: providers.NormaliseRegion(region), Source: analyzer.LocationSource{Kind: analyzer.FromProvider}}
		if r.Region != nil {
			r.Location.Region, r.Location.Country = r.Region.Code, r.Region.Country()
		}
		if _, ok := p.IsGlobal(resType); ok {
			r.Location = analyzer.Location{Region: "global", Global: true}
		}
	}
	return r
}

func withReplica(t *testing.T, r analyzer.Resource, region, unresolved string) analyzer.Resource {
	t.Helper()
	rep := analyzer.Replica{Via: "DynamoDB global table replica", Region: region, Unresolved: unresolved}
	if region != "" {
		rep.Variant, rep.Known = r.Catalog.LookupRegion(region, nil)
		rep.Country = rep.Known.Country()
	}
	r.Replicas = append(r.Replicas, rep)
	return r
}

func TestEvaluate(t *testing.T) {
	aws, osc := "registry.terraform.io/hashicorp/aws", "registry.terraform.io/outscale/outscale"
	tests := []struct {
		name string
		res  analyzer.Resource
		now  string
		want []string
	}{
		{"AWS in the US", resource(t, aws, "aws_s3_bucket", "us-east-1", "sensitive"), "", []string{"SOV001", "SOV002", "SOV003"}},
		{"AWS in Paris: EU residency, but US law and no qualification", resource(t, aws, "aws_s3_bucket", "eu-west-3", "sensitive"), "", []string{"SOV001", "SOV002"}},
		{"AWS London", resource(t, aws, "aws_s3_bucket", "eu-west-2", "sensitive"), "", []string{"SOV001", "SOV002", "SOV003"}},
		{"AWS European Sovereign Cloud: EU residency, US parent", resource(t, aws, "aws_s3_bucket", "eusc-de-east-1", "sensitive"), "", []string{"SOV001", "SOV002"}},
		{"AWS global service", resource(t, aws, "aws_cloudfront_distribution", "eu-west-3", "sensitive"), "", []string{"SOV001", "SOV002", "SOV003"}},
		{"Outscale cloudgouv while qualified", resource(t, osc, "outscale_vm", "cloudgouv-eu-west-1", "sensitive"), "2026-11-23", nil},
		{"Outscale cloudgouv after the qualification lapsed", resource(t, osc, "outscale_vm", "cloudgouv-eu-west-1", "sensitive"), "2026-12-01", []string{"SOV001"}},
		{"Outscale eu-west-2: France, EU operator, not qualified", resource(t, osc, "outscale_vm", "eu-west-2", "sensitive"), "", []string{"SOV001"}},
		{"Outscale OKS in cloudgouv: outside the qualified IaaS perimeter", resource(t, osc, "outscale_oks_cluster", "cloudgouv-eu-west-1", "sensitive"), "2026-11-23", []string{"SOV001"}},
		{"unresolved region: SOV004 plus what holds everywhere for AWS", resource(t, aws, "aws_s3_bucket", "", "sensitive"), "", []string{"SOV001", "SOV002", "SOV004"}},
		{"unresolved Outscale region: only SOV004, the rest depends on the region", resource(t, osc, "outscale_vm", "", "sensitive"), "", []string{"SOV004"}},
		{"a region the catalog lacks", resource(t, aws, "aws_s3_bucket", "eu-west-33", "sensitive"), "", []string{"SOV001", "SOV002", "SOV005"}},
		{"a provider the catalog lacks", resource(t, "registry.terraform.io/acme/acme", "acme_bucket", "", "sensitive"), "", []string{"SOV005"}},
		{"a local provider creates nothing remote", resource(t, "registry.terraform.io/hashicorp/random", "random_password", "", "sensitive"), "", nil},
		{"unknown classification fails closed", resource(t, aws, "aws_s3_bucket", "us-east-1", "unknown"), "", []string{"SOV001", "SOV002", "SOV003"}},
		{"not sensitive: nothing to check", resource(t, aws, "aws_s3_bucket", "us-east-1", "internal"), "", nil},
		{"a replica outside the EU", withReplica(t, resource(t, aws, "aws_dynamodb_table", "eu-west-3", "sensitive"), "us-east-1", ""), "", []string{"SOV001", "SOV002", "SOV006"}},
		// A copy answers to what the policy requires of the resource: in
		// the EU but operated by a US company, it fails (issue 10).
		{"a replica inside the EU under a non-EU operator", withReplica(t, resource(t, aws, "aws_dynamodb_table", "eu-west-3", "sensitive"), "eu-central-1", ""), "", []string{"SOV001", "SOV002", "SOV006"}},
		{"a replica where every requirement holds", withReplica(t, resource(t, osc, "outscale_vm", "eu-west-2", "sensitive"), "cloudgouv-eu-west-1", ""), "2026-11-23", []string{"SOV001"}},
		{"a replica nobody can locate", withReplica(t, resource(t, aws, "aws_dynamodb_table", "eu-west-3", "sensitive"), "", "known only after apply"), "", []string{"SOV001", "SOV002", "SOV006"}},
		{"a region whose country is unverified: residency fails closed", resource(t, "registry.terraform.io/ionos-cloud/ionoscloud", "ionoscloud_s3_bucket", "eu-central-3", "sensitive"), "", []string{"SOV001", "SOV003"}},
		{"a copy from a qualified region to a non-qualified one", withReplica(t, resource(t, osc, "outscale_vm", "cloudgouv-eu-west-1", "sensitive"), "eu-west-2", ""), "2026-11-23", []string{"SOV006"}},
	}
	cat := providers.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
			if tt.now != "" {
				now, _ = time.Parse(time.DateOnly, tt.now)
			}
			_, findings := engine.Evaluate([]analyzer.Resource{tt.res}, rules.DefaultPolicy(cat, now))
			var got []string
			for _, f := range findings {
				got = append(got, f.RuleID)
				if f.Message == "" || strings.HasSuffix(f.Message, ".") {
					t.Errorf("%s: message %q must be set and have no trailing period", f.RuleID, f.Message)
				}
				if f.RuleID != "SOV004" && f.RuleID != "SOV005" && len(f.Sources) == 0 {
					t.Errorf("%s: a verdict finding must cite its catalog sources", f.RuleID)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rules fired (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSeverityOverride(t *testing.T) {
	cat := providers.Default()
	pol := rules.DefaultPolicy(cat, time.Now())
	pol.Severity = map[string]finding.Severity{"SOV002": finding.SeverityNotice}
	_, fs := engine.Evaluate([]analyzer.Resource{resource(t, "hashicorp/aws", "aws_s3_bucket", "eu-west-3", "sensitive")}, pol)
	if !slices.ContainsFunc(fs, func(f finding.Finding) bool { return f.RuleID == "SOV002" }) {
		t.Fatalf("no SOV002 finding to check the override on: %v", fs)
	}
	for _, f := range fs {
		want := finding.SeverityError
		if f.RuleID == "SOV002" {
			want = finding.SeverityNotice
		}
		if f.Severity != want {
			t.Errorf("%s: severity %s, want %s", f.RuleID, f.Severity, want)
		}
	}
}

// A tag written "unknown" is a classification too: checked fail-closed,
// with a message that says where it comes from.
func TestWrittenUnknownClassification(t *testing.T) {
	r := resource(t, "hashicorp/aws", "aws_s3_bucket", "eu-west-3", "unknown")
	r.Classification.Key = "classification"
	_, fs := engine.Evaluate([]analyzer.Resource{r}, rules.DefaultPolicy(providers.Default(), time.Now()))
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if !strings.Contains(f.Message, `classification unknown (tag "classification" says so)`) {
			t.Errorf("%s: %q", f.RuleID, f.Message)
		}
	}
}

// TestReplicaToAnUnverifiedRegionFailsClosed: a copy's destination passes
// only on a verified country, as the resource's own region does (issue 12).
// The policy requires residency alone, so that the destination's operator
// (whose legal control a copy answers for too, issue 10) does not decide.
func TestReplicaToAnUnverifiedRegionFailsClosed(t *testing.T) {
	aws := "registry.terraform.io/hashicorp/aws"
	cat := providers.Default()
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		verified string
		want     []string
	}{
		{providers.VerifiedSecondary, nil},
		{providers.VerifiedUnverified, []string{"SOV006"}},
	} {
		r := resource(t, aws, "aws_dynamodb_table", "eu-west-3", "sensitive")
		r.Replicas = append(r.Replicas, analyzer.Replica{
			Via: "DynamoDB global table replica", Region: "eu-test-1", Country: "FR",
			Known: &providers.Region{Code: "eu-test-1", Countries: []string{"FR"}, Fact: providers.Fact{Sources: []string{"awsjs_partitions"}, AsOf: "2026-11", Verified: tt.verified}},
		})
		pol := rules.DefaultPolicy(cat, now)
		pol.Require = map[string][]string{"sensitive": {"SOV003", "SOV006"}}
		_, findings := engine.Evaluate([]analyzer.Resource{r}, pol)
		var got []string
		for _, f := range findings {
			got = append(got, f.RuleID)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("a replica to a %s region (-want +got):\n%s", tt.verified, diff)
		}
	}
}

// TestMissingCertification runs SOV007 with certifications required of
// sensitive resources: one finding per resource whatever the number of
// requirements it misses, naming scheme, level and source; nothing for
// SecNumCloud (SOV001's), nothing for levels that require none.
func TestMissingCertification(t *testing.T) {
	cat := providers.Default()
	req := func(s string) providers.Requirement {
		r, err := cat.ParseRequirement(s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	pol := rules.DefaultPolicy(cat, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	pol.Require = map[string][]string{"sensitive": {"SOV007"}, "internal": {"SOV003"}}
	pol.Certifications = map[string][]providers.Requirement{
		"sensitive": {req("bsi-c5:type2"), req("secnumcloud"), req("eu-csf:SEAL-3")},
	}
	aws, osc := "hashicorp/aws", "outscale/outscale"
	tests := []struct {
		name string
		res  analyzer.Resource
		want []string // message parts, in order; nil: no finding
	}{
		{
			"AWS misses both, one finding", resource(t, aws, "aws_s3_bucket", "eu-central-1", "sensitive"),
			[]string{
				`requires BSI C5 type2 (region eu-central-1, DE): the level of the BSI C5 certification "c5" of Amazon Web Services is not established`,
				"[source: c5_nexalign, as of 2026-11-26, unverified]",
				"; requires EU Cloud Sovereignty Framework SEAL-3 (region eu-central-1, DE): the catalog records no EU Cloud Sovereignty Framework certification for Amazon Web Services",
				"[no catalog fact]",
			},
		},
		{
			"Outscale: SecNumCloud passes, the others do not", resource(t, osc, "outscale_vm", "cloudgouv-eu-west-1", "sensitive"),
			[]string{"requires BSI C5 type2", "records no BSI C5 certification for 3DS OUTSCALE", "requires EU Cloud Sovereignty Framework SEAL-3", `"eu-csf-card" of 3DS OUTSCALE is held is not established`, "[source: csf_outscale"},
		},
		{"an unresolved region is SOV004's", resource(t, osc, "outscale_vm", "", "sensitive"), []string{"requires BSI C5 type2", "records no BSI C5"}},
		{"a level without certifications", resource(t, aws, "aws_s3_bucket", "eu-central-1", "internal"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := engine.Evaluate([]analyzer.Resource{tt.res}, pol)
			if tt.want == nil {
				if len(fs) > 0 {
					t.Fatalf("findings: %v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].RuleID != "SOV007" {
				t.Fatalf("want one SOV007 finding, got %v", fs)
			}
			msg := fs[0].Message
			at := 0
			for _, part := range tt.want {
				i := strings.Index(msg[at:], part)
				if i < 0 {
					t.Fatalf("message %q lacks %q after position %d", msg, part, at)
				}
				at += i + len(part)
			}
			if strings.Contains(msg, "SecNumCloud") {
				t.Errorf("SOV007 spoke of SecNumCloud: %q", msg)
			}
		})
	}
}
