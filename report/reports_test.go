package report_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files under report/testdata/golden")

// scanDate fixes the date qualifications are checked against, so corpus
// reports do not change with the clock.
var scanDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// testReport is one of the fixed reports every format is tested on.
type testReport struct {
	name  string
	build func(t *testing.T) *report.Report
}

// testReports are built from corpus plans (real Terraform output) and by
// hand (findings with file:line, suppressed findings of every kind, a
// SOV000 finding, characters every format must escape, and a clean run).
var testReports = []testReport{
	{"var-default-region", corpusReport("testdata/plans/var-default-region/plan.json")},
	{"count-foreach", corpusReport("testdata/plans/count-foreach/plan.json")},
	{"default-tags", corpusReport("testdata/plans/default-tags/plan.json")},
	{"modules-count-aliases", corpusReport("testdata/plans/modules-count-aliases/plan.json")},
	{"handmade", func(*testing.T) *report.Report { return handmadeReport() }},
	{"clean", func(*testing.T) *report.Report {
		return &report.Report{Tool: "sovlint", Version: "test", Inputs: []string{"plan.json"}, CatalogAsOf: "2026-11-01", Rules: rules.Docs()}
	}},
}

// buildReport builds the named test report.
func buildReport(t *testing.T, name string) *report.Report {
	t.Helper()
	for _, tr := range testReports {
		if tr.name == name {
			return tr.build(t)
		}
	}
	t.Fatalf("no test report %q", name)
	return nil
}

// corpusReport scans a plan from the repository root, so that file names
// in the report are relative to it, as they are when a user runs sovlint
// at the root of their repository.
func corpusReport(plan string) func(t *testing.T) *report.Report {
	return func(t *testing.T) *report.Report {
		t.Helper()
		t.Chdir(filepath.Join(pkgDir, ".."))
		rep, err := engine.Scan([]engine.Input{{Path: plan}}, engine.Options{
			Settings: settings.Default(scanDate),
			Version:  "test",
		})
		if err != nil {
			t.Fatalf("scanning %s: %v", plan, err)
		}
		return rep
	}
}

func rng(file string, start, end int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: start, Column: 1}, End: hcl.Pos{Line: end, Column: 2}}
}

// handmadeReport is what a source scan with a config file and a baseline
// would report: findings with file:line, inline, config and baseline
// suppressions, a severity override, a stale exception (SOV000), a
// warning, a non-ASCII file name, and a message with characters each
// format must escape.
func handmadeReport() *report.Report {
	row := func(address, typ, provider, config string, r hcl.Range, region, country, class string, checked bool) finding.Resource {
		return finding.Resource{
			Address: address, Type: typ, Provider: provider, ProviderConfig: config,
			File: r.Filename, Line: r.Start.Line, Region: region, Country: country, Classification: class, Checked: checked,
		}
	}
	bucket := row(`module.x["a"].aws_s3_bucket.b`, "aws_s3_bucket", "hashicorp/aws", "aws", rng("infra/modules/x/main.tf", 12, 20), "eu-west-3", "FR", "sensitive", true)
	records := row("google_storage_bucket.records", "google_storage_bucket", "hashicorp/google", "google", rng("infra/stockage données.tf", 5, 9), "us-central1", "US", "sensitive", true)
	vm := row("outscale_vm.qualified", "outscale_vm", "outscale/outscale", "outscale", rng("infra/outscale.tf", 1, 6), "cloudgouv-eu-west-1", "FR", "sensitive", true)
	legacy := row("aws_db_instance.legacy", "aws_db_instance", "hashicorp/aws", "aws.legacy", rng("infra/main.tf", 40, 52), "", "", "sensitive", true)
	legacy.Unresolved = "region comes from AWS_REGION"
	aws := func(r *finding.Resource) {
		r.ProviderName, r.Operator, r.OperatorCountry, r.EULegalControl = "Amazon Web Services", "Amazon Web Services, Inc.", "US", "no"
		r.Laws = []string{"the US CLOUD Act", "FISA section 702"}
	}
	aws(&bucket)
	aws(&legacy)
	records.ProviderName, records.Operator, records.OperatorCountry, records.EULegalControl = "Google Cloud", "Google LLC", "US", "no"
	records.Laws = []string{"the US CLOUD Act", "FISA section 702"}
	vm.ProviderName, vm.Operator, vm.OperatorCountry, vm.EULegalControl = "3DS OUTSCALE", "3DS OUTSCALE SAS", "FR", "yes"
	logs := row("aws_s3_bucket.logs", "aws_s3_bucket", "hashicorp/aws", "aws", rng("infra/main.tf", 60, 64), "eu-west-3", "FR", "public", false)
	ranges := map[string]hcl.Range{
		bucket.Address: rng("infra/modules/x/main.tf", 12, 20), records.Address: rng("infra/stockage données.tf", 5, 9), legacy.Address: rng("infra/main.tf", 40, 52),
	}
	source := []finding.Citation{{Key: "anssi-qualified-list", Ref: "https://cyber.gouv.fr/produits-services-qualifies", AsOf: "2026-09-26", Verified: "secondary"}}
	return &report.Report{
		Tool:        "sovlint",
		Version:     "test",
		Inputs:      []string{"infra"},
		CatalogAsOf: "2026-11-01",
		Resources:   report.Rows{bucket, records, vm, legacy, logs},
		Rules:       rules.Docs(),
		Findings: []finding.Finding{
			{
				RuleID: "SOV000", Severity: finding.SeverityWarning, Address: `exception for "module.legacy.*"`,
				Message: `exception for "module.legacy.*" matches no finding: remove it`, Range: rng(".sovlint.hcl", 15, 15),
			},
			{
				RuleID: "SOV004", Severity: finding.SeverityNotice, Address: legacy.Address,
				Message:  "region unresolved | 100% unknown: set it, then re-run <plan> & *check* _it_ #1\nsecond line",
				Range:    ranges[legacy.Address],
				Provider: legacy.Provider, ProviderConfig: legacy.ProviderConfig, Classification: "sensitive",
			},
			{
				RuleID: "SOV001", Severity: finding.SeverityError, Address: legacy.Address,
				Message: "Amazon Web Services is not SecNumCloud-qualified", Range: ranges[legacy.Address],
				Provider: legacy.Provider, ProviderConfig: legacy.ProviderConfig, Classification: "sensitive", Sources: source,
				Suppression: &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: "recorded in the baseline .sovlint-baseline.json", Range: hcl.Range{Filename: ".sovlint-baseline.json"}},
			},
			{
				RuleID: "SOV001", Severity: finding.SeverityError, Address: bucket.Address,
				Message: "Amazon Web Services is not SecNumCloud-qualified (region eu-west-3, FR)", Range: ranges[bucket.Address],
				LocationRange: rng("infra/providers.tf", 3, 3),
				Provider:      bucket.Provider, ProviderConfig: bucket.ProviderConfig, Region: "eu-west-3", Country: "FR", Classification: "sensitive", Sources: source,
			},
			{
				RuleID: "SOV002", Severity: finding.SeverityError, Address: bucket.Address,
				Message: "operated by Amazon Web Services, Inc. (US), subject to the US CLOUD Act and FISA section 702", Range: ranges[bucket.Address],
				LocationRange: rng("infra/providers.tf", 3, 3),
				Provider:      bucket.Provider, ProviderConfig: bucket.ProviderConfig, Region: "eu-west-3", Country: "FR", Classification: "sensitive",
			},
			{
				RuleID: "SOV001", Severity: finding.SeverityError, Address: records.Address,
				Message: "Google Cloud is not SecNumCloud-qualified (region us-central1, US)", Range: ranges[records.Address],
				Provider: records.Provider, ProviderConfig: records.ProviderConfig, Region: "us-central1", Country: "US", Classification: "sensitive",
				Suppression: &finding.Suppression{Kind: finding.SuppressedInline, Reason: "migration to S3NS tracked in INFRA-42", Expires: "2027-03-31", Range: rng("infra/stockage données.tf", 4, 4)},
			},
			{
				RuleID: "SOV002", Severity: finding.SeverityError, Address: records.Address,
				Message: "operated by Google LLC (US), subject to the US CLOUD Act and FISA section 702", Range: ranges[records.Address],
				Provider: records.Provider, ProviderConfig: records.ProviderConfig, Region: "us-central1", Country: "US", Classification: "sensitive",
				Suppression: &finding.Suppression{Kind: finding.SuppressedConfig, Reason: "contract with EU data boundary, reviewed by DPO", Expires: "2027-01-31", Owner: "team-data", Range: rng(".sovlint.hcl", 7, 7)},
			},
			{
				RuleID: "SOV003", Severity: finding.SeverityWarning, Address: records.Address,
				Message: `region "us-central1" is in US, outside the EU`, Range: ranges[records.Address],
				Provider: records.Provider, ProviderConfig: records.ProviderConfig, Region: "us-central1", Country: "US", Classification: "sensitive",
			},
		},
		Warnings: []report.Warning{{Message: `module "vpc" has a registry source and was not fetched: run terraform init`, File: "infra/main.tf", Line: 30}},
	}
}

// formatExt is the golden file extension of each format.
var formatExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "junit": "xml", "github": "github.txt", "gitlab": "gitlab.json", "markdown": "md", "html": "html", "compact": "compact.txt",
}

// render prints a report in one format.
func render(t *testing.T, format string, rep *report.Report) []byte {
	t.Helper()
	p, err := report.Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p(&buf, rep, report.Options{}); err != nil {
		t.Fatalf("printing %s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden prints every fixed report in every registered format and
// compares the output with report/testdata/golden; `go test ./report
// -update` rewrites them.
func TestGolden(t *testing.T) {
	for _, tr := range testReports {
		t.Run(tr.name, func(t *testing.T) {
			rep := tr.build(t)
			for _, format := range report.Formats() {
				ext, ok := formatExt[format]
				if !ok {
					t.Fatalf("format %q has no golden file extension in formatExt", format)
				}
				got := render(t, format, rep)
				// corpusReport changed directory; golden paths are relative
				// to the package, so resolve them from the test's start.
				golden := filepath.Join(pkgDir, "testdata", "golden", tr.name+"."+ext)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o750); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, got, 0o600); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./report -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s output differs from %s (run go test ./report -update and review the diff):\n%s", format, golden, lineDiff(string(want), string(got)))
				}
			}
		})
	}
}

// pkgDir is the package directory, captured before any test changes the
// working directory.
var pkgDir = func() string {
	d, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return d
}()

// lineDiff shows how two texts differ, line by line.
// matchesReference holds a printer written for speed to its specification:
// reference, the printer it replaced or the reflection encoder of its
// types, must write the same bytes. With mayRefuse, both may refuse the
// input (JSON's encoders reject invalid UTF-8), as long as they agree;
// without, an error from either fails the test.
func matchesReference(t *testing.T, reference, printer func(io.Writer) error, mayRefuse bool) {
	t.Helper()
	var want, got bytes.Buffer
	werr, gerr := reference(&want), printer(&got)
	switch {
	case mayRefuse && (werr != nil) != (gerr != nil), !mayRefuse && (werr != nil || gerr != nil):
		t.Fatalf("reference error %v, printer error %v", werr, gerr)
	case werr != nil:
		return
	}
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		t.Errorf("the printer differs from its reference:\n%s", lineDiff(want.String(), got.String()))
	}
}

func lineDiff(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}
