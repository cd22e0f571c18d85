package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// sarifSchema compiles the official SARIF 2.1.0 schema shipped in
// testdata/schemas, asserting formats (uri, uri-reference) too.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(pkgDir, "..", "testdata", "schemas", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, out []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifSchema(t)
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			if err := validate(t, sch, render(t, "sarif", tr.build(t))); err != nil {
				t.Errorf("SARIF output does not validate against the SARIF 2.1.0 schema: %v", err)
			}
		})
	}
}

// TestSARIFSchemaRejects shows that the validation above can fail: the same
// output with a level SARIF does not define is rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	out := render(t, "sarif", handmadeReport())
	broken := bytes.Replace(out, []byte(`"level": "note"`), []byte(`"level": "notice"`), 1)
	if bytes.Equal(out, broken) {
		t.Fatal("the handmade report has no note-level result to break")
	}
	if err := validate(t, sarifSchema(t), broken); err == nil {
		t.Error("the schema accepted a result with level \"notice\"")
	}
}

// sarifDoc is the part of a SARIF log these tests read.
type sarifDoc struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Rules []struct {
					ID                   string `json:"id"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []sarifDocResult `json:"results"`
	} `json:"runs"`
}

type sarifDocResult struct {
	RuleID    string `json:"ruleId"`
	RuleIndex int    `json:"ruleIndex"`
	Level     string `json:"level"`
	Locations []struct {
		PhysicalLocation *struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine int `json:"startLine"`
			} `json:"region"`
		} `json:"physicalLocation"`
		LogicalLocations []struct {
			FullyQualifiedName string `json:"fullyQualifiedName"`
			Kind               string `json:"kind"`
		} `json:"logicalLocations"`
	} `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// A pointer to a slice tells an absent list from an empty one.
	Suppressions *[]struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	} `json:"suppressions"`
}

func decodeSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(doc.Runs))
	}
	return doc
}

func TestSARIFContent(t *testing.T) {
	rep := handmadeReport()
	doc := decodeSARIF(t, render(t, "sarif", rep))
	run := doc.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
	}
	driverRules := run.Tool.Driver.Rules
	if len(driverRules) != len(rules.All) {
		t.Fatalf("driver has %d rules, want one per rule (%d)", len(driverRules), len(rules.All))
	}
	for i, r := range rules.All {
		if driverRules[i].ID != r.ID || driverRules[i].HelpURI != r.URL() {
			t.Errorf("driver rule %d = %s %s, want %s %s", i, driverRules[i].ID, driverRules[i].HelpURI, r.ID, r.URL())
		}
	}

	type summary struct {
		Rule, Level, URI, Logical, Suppression string
		Line                                   int
	}
	var got []summary
	for _, res := range run.Results {
		if driverRules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, driverRules[res.RuleIndex].ID)
		}
		if res.Suppressions == nil {
			t.Errorf("result %s has no suppressions list: absent means unknown, [] means not suppressed", res.RuleID)
			continue
		}
		s := summary{Rule: res.RuleID, Level: res.Level}
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation == nil {
			t.Errorf("result %s: want one location with a physical location (GitHub rejects results without)", res.RuleID)
			continue
		}
		loc := res.Locations[0]
		s.URI = loc.PhysicalLocation.ArtifactLocation.URI
		if loc.PhysicalLocation.Region != nil {
			s.Line = loc.PhysicalLocation.Region.StartLine
		}
		if len(loc.LogicalLocations) > 0 {
			s.Logical = loc.LogicalLocations[0].Kind + " " + loc.LogicalLocations[0].FullyQualifiedName
		}
		if sup := *res.Suppressions; len(sup) > 0 {
			s.Suppression = sup[0].Kind + ": " + sup[0].Justification
		}
		got = append(got, s)
	}
	want := []summary{
		{Rule: "SOV000", Level: "warning", URI: ".sovlint.hcl", Line: 15},
		{Rule: "SOV004", Level: "note", URI: "infra/main.tf", Line: 40, Logical: "resource aws_db_instance.legacy"},
		{Rule: "SOV001", Level: "error", URI: "infra/main.tf", Line: 40, Logical: "resource aws_db_instance.legacy", Suppression: "external: recorded in the baseline .sovlint-baseline.json (baseline)"},
		{Rule: "SOV001", Level: "error", URI: "infra/modules/x/main.tf", Line: 12, Logical: `resource module.x["a"].aws_s3_bucket.b`},
		{Rule: "SOV002", Level: "error", URI: "infra/modules/x/main.tf", Line: 12, Logical: `resource module.x["a"].aws_s3_bucket.b`},
		{Rule: "SOV001", Level: "error", URI: "infra/stockage%20donn%C3%A9es.tf", Line: 5, Logical: "resource google_storage_bucket.records", Suppression: "inSource: migration to S3NS tracked in INFRA-42 (expires 2027-03-31, inline)"},
		{Rule: "SOV002", Level: "error", URI: "infra/stockage%20donn%C3%A9es.tf", Line: 5, Logical: "resource google_storage_bucket.records", Suppression: "external: contract with EU data boundary, reviewed by DPO (expires 2027-01-31, owner team-data, config)"},
		{Rule: "SOV003", Level: "warning", URI: "infra/stockage%20donn%C3%A9es.tf", Line: 5, Logical: "resource google_storage_bucket.records"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}

// TestSARIFPlanOnly: a finding on a plan without sources points at the plan
// file with no region, and still names the resource.
func TestSARIFPlanOnly(t *testing.T) {
	doc := decodeSARIF(t, render(t, "sarif", buildReport(t, "var-default-region")))
	if len(doc.Runs[0].Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range doc.Runs[0].Results {
		loc := res.Locations[0]
		if loc.PhysicalLocation == nil || loc.PhysicalLocation.ArtifactLocation.URI != "testdata/plans/var-default-region/plan.json" || loc.PhysicalLocation.Region != nil {
			t.Errorf("%s: want the plan file without a region, got %+v", res.RuleID, loc.PhysicalLocation)
		}
		if len(loc.LogicalLocations) != 1 || loc.LogicalLocations[0].Kind != "resource" || loc.LogicalLocations[0].FullyQualifiedName == "" {
			t.Errorf("%s: want the resource address as a logical location, got %+v", res.RuleID, loc.LogicalLocations)
		}
	}
}

// TestSARIFFingerprintIgnoresLines: moving a resource in its file keeps its
// findings' fingerprints, so code scanning keeps tracking the same alerts;
// another rule or address changes them.
func TestSARIFFingerprintIgnoresLines(t *testing.T) {
	fingerprints := func(rep *report.Report) []string {
		var out []string
		for _, res := range decodeSARIF(t, render(t, "sarif", rep)).Runs[0].Results {
			out = append(out, res.PartialFingerprints["sovlintFindingHash/v1"])
		}
		return out
	}
	before := fingerprints(handmadeReport())
	moved := handmadeReport()
	for i := range moved.Findings {
		moved.Findings[i].Range.Start.Line += 7
		moved.Findings[i].Range.End.Line += 7
	}
	if diff := cmp.Diff(before, fingerprints(moved)); diff != "" {
		t.Errorf("fingerprints changed when lines moved (-before +after):\n%s", diff)
	}
	seen := map[string]bool{}
	for _, fp := range before {
		if fp == "" || seen[fp] {
			t.Errorf("fingerprint %q is empty or shared by two results", fp)
		}
		seen[fp] = true
	}
}

// codeScanningDoc is the part of a SARIF log TestSARIFForCodeScanning reads.
type codeScanningDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				FullName        string `json:"fullName"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID              string `json:"id"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// TestSARIFForCodeScanning checks what GitHub code scanning and Azure
// DevOps read beyond the schema: every rule tagged "security" with a
// security-severity GitHub ranks (High for errors), the driver's full name
// and a semantic version for releases only, automationDetails.id with the
// category, SOV000's description with its list (it was cut at the colon),
// and URIs relative to the repository root.
func TestSARIFForCodeScanning(t *testing.T) {
	rep := handmadeReport()
	sarif, err := report.Lookup("sarif")
	if err != nil {
		t.Fatal(err)
	}
	render := func(rep *report.Report, o report.Options) codeScanningDoc {
		t.Helper()
		var buf bytes.Buffer
		if err := sarif(&buf, rep, o); err != nil {
			t.Fatal(err)
		}
		if err := validate(t, sarifSchema(t), buf.Bytes()); err != nil {
			t.Fatalf("does not validate: %v", err)
		}
		var doc codeScanningDoc
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil || len(doc.Runs) != 1 {
			t.Fatalf("%v, %d runs", err, len(doc.Runs))
		}
		return doc
	}
	run := render(rep, report.Options{}).Runs[0]
	driver := run.Tool.Driver
	for _, rule := range driver.Rules {
		if len(rule.Properties.Tags) == 0 || rule.Properties.Tags[0] != "security" {
			t.Errorf("%s: tags %v, want security first (GitHub reads security-severity only with it)", rule.ID, rule.Properties.Tags)
		}
		want := map[string]string{"error": "8.0", "warning": "5.0", "note": "2.0"}[rule.DefaultConfiguration.Level]
		if rule.Properties.SecuritySeverity != want {
			t.Errorf("%s: security-severity %q, want %s (level %s)", rule.ID, rule.Properties.SecuritySeverity, want, rule.DefaultConfiguration.Level)
		}
		desc := rule.FullDescription.Text
		if strings.HasSuffix(desc, ":") {
			t.Errorf("%s: fullDescription ends with a colon: %q", rule.ID, desc)
		}
		if rule.ID == "SOV000" && !strings.Contains(desc, "matches no finding") {
			t.Errorf("SOV000 fullDescription lacks its list: %q", desc)
		}
	}
	if driver.FullName != "sovlint test" || driver.SemanticVersion != "" {
		t.Errorf("driver of version %q: fullName %q, semanticVersion %q (want none: not SemVer)", rep.Version, driver.FullName, driver.SemanticVersion)
	}
	if run.AutomationDetails.ID != "sovlint/" {
		t.Errorf("automationDetails.id = %q, want sovlint/", run.AutomationDetails.ID)
	}

	rel := *rep
	rel.Version = "1.4.0"
	run = render(&rel, report.Options{SARIFCategory: "prod"}).Runs[0]
	if d := run.Tool.Driver; d.FullName != "sovlint 1.4.0" || d.SemanticVersion != "1.4.0" {
		t.Errorf("release driver: fullName %q, semanticVersion %q", d.FullName, d.SemanticVersion)
	}
	if run.AutomationDetails.ID != "prod/" {
		t.Errorf("automationDetails.id with category prod = %q, want prod/", run.AutomationDetails.ID)
	}

	// Run from infra/ in a repository at /repo: paths the report has
	// relative to infra/ become relative to the root; a file outside the
	// root stays an absolute file URI.
	abs := *rep
	abs.Findings = slices.Clone(rep.Findings)
	abs.Findings[0].Range.Filename = "/elsewhere/plan.json"
	var uris []string
	for _, res := range render(&abs, report.Options{Root: "/repo", WorkDir: "/repo/infra"}).Runs[0].Results {
		for _, l := range res.Locations {
			if l.PhysicalLocation != nil {
				uris = append(uris, l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
	if len(uris) == 0 {
		t.Fatal("no locations")
	}
	for _, u := range uris {
		if u != "file:///elsewhere/plan.json" && !strings.HasPrefix(u, "infra/") {
			t.Errorf("uri %q: want infra/… (relative to the repository root)", u)
		}
	}
	if !slices.Contains(uris, "file:///elsewhere/plan.json") {
		t.Errorf("the file outside the root is not an absolute file URI: %v", uris)
	}
}
