package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/suppress"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// The corpus plan var-default-region has three sensitive resources:
// aws_rds_cluster.main (SOV001, SOV002), module.backup.aws_backup_vault.v
// (SOV001, SOV002) and module.regional.aws_sns_topic.t (SOV001, SOV002,
// SOV003).
const testPlan = "../../testdata/plans/var-default-region/plan.json"

var testNow = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// scanWith scans the test plan with a .sovlint.hcl source (none when
// empty) and extra waivers.
func scanWith(t *testing.T, cfgSrc string, now time.Time, waivers ...*suppress.Waiver) (*scanned, error) {
	t.Helper()
	var cfg *config.Config
	if cfgSrc != "" {
		var err error
		if cfg, err = config.Parse([]byte(cfgSrc), ".sovlint.hcl"); err != nil {
			t.Fatalf("test config does not parse: %v", err)
		}
	}
	set, err := settings.FromConfig(cfg, now)
	if err != nil {
		return nil, err
	}
	return runScan(t, []Input{{Path: testPlan}}, Options{Settings: set, Baselines: waivers})
}

// outcome is a finding reduced to what these tests check.
type outcome struct {
	Rule, Address, Severity, Suppressed string
	Line                                int // of SOV000 findings, in .sovlint.hcl
}

func outcomes(rep *report.Report) []outcome {
	var out []outcome
	for _, f := range rep.Findings {
		o := outcome{Rule: f.RuleID, Address: f.Address, Severity: f.Severity.String()}
		if f.Suppression != nil {
			o.Suppressed = f.Suppression.Kind
		}
		if f.RuleID == rules.SuppressionRule.ID {
			o.Line = f.Range.Start.Line
		}
		out = append(out, o)
	}
	return out
}

func TestExceptions(t *testing.T) {
	const cfg = `
exception {
  addresses = ["module.backup.*"]
  reason    = "backup vault moves to Outscale in Q1, INFRA-7"
  expires   = "2027-03-31"
  owner     = "team-platform"
}

exception {
  addresses = ["module.regional.aws_sns_topic.t"]
  rules     = ["SOV003"]
  reason    = "temporary replica, removed after the migration"
  expires   = "2026-10-31"
}

exception {
  addresses = ["module.gone.*", "aws_s3_bucket.renamed"]
  reason    = "left over from the old layout"
}

exception {
  addresses = ["aws_rds_cluster.main"]
  rules     = ["not-secnumcloud"]
  reason    = ""
}
`
	rep, err := scanWith(t, cfg, testNow)
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by file: the plan (../../testdata/...) before .sovlint.hcl.
	want := []outcome{
		{Rule: "SOV001", Address: "aws_rds_cluster.main", Severity: "error"},
		{Rule: "SOV002", Address: "aws_rds_cluster.main", Severity: "error"},
		{Rule: "SOV001", Address: "module.backup.aws_backup_vault.v", Severity: "error", Suppressed: "config"},
		{Rule: "SOV002", Address: "module.backup.aws_backup_vault.v", Severity: "error", Suppressed: "config"},
		{Rule: "SOV001", Address: "module.regional.aws_sns_topic.t", Severity: "error"},
		{Rule: "SOV002", Address: "module.regional.aws_sns_topic.t", Severity: "error"},
		{Rule: "SOV003", Address: "module.regional.aws_sns_topic.t", Severity: "error"},
		// The expired exception stops suppressing SOV003 and is reported.
		{Rule: "SOV000", Address: `exception for "module.regional.aws_sns_topic.t"`, Severity: "warning", Line: 9},
		// The stale exception is reported.
		{Rule: "SOV000", Address: `exception for "module.gone.*", "aws_s3_bucket.renamed"`, Severity: "warning", Line: 16},
		// The reasonless exception suppresses nothing and is reported.
		{Rule: "SOV000", Address: `exception for "aws_rds_cluster.main"`, Severity: "warning", Line: 21},
	}
	if diff := cmp.Diff(want, outcomes(rep.Report)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "SOV000" && strings.Contains(f.Address, "aws_sns_topic") && !strings.Contains(f.Message, "expired on 2026-10-31") {
			t.Errorf("expired exception message = %q", f.Message)
		}
		if s := f.Suppression; s != nil && (s.Owner != "team-platform" || s.Expires != "2027-03-31" || s.Range.Start.Line != 2) {
			t.Errorf("suppression does not carry the exception's owner, expiry and line: %+v", s)
		}
	}

	// Before its expiry, the same exception suppresses.
	rep, err = scanWith(t, cfg, time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.RuleID == "SOV003" && f.Suppression == nil {
			t.Error("SOV003 on the SNS topic is not suppressed on the exception's last day")
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bad glob", "exception {\n  addresses = [\"module.x[\"]\n  reason = \"r\"\n}\n", `.sovlint.hcl:1,1-10: Invalid exception; address "module.x[": unclosed [`},
		{"unknown rule", "\n\nexception {\n  addresses = [\"a.b\"]\n  rules = [\"SOV999\"]\n  reason = \"r\"\n}\n", `.sovlint.hcl:3,1-10: Invalid exception; unknown rule "SOV999"`},
		{"waiving SOV000", "exception {\n  addresses = [\"*\"]\n  rules = [\"SOV000\"]\n  reason = \"r\"\n}\n", "cannot be waived"},
		{"bad date", "exception {\n  addresses = [\"*\"]\n  reason = \"r\"\n  expires = \"31/12/2026\"\n}\n", `.sovlint.hcl:1,1-10: Invalid exception; expires = "31/12/2026" is not a date (YYYY-MM-DD)`},
		{"empty addresses", "exception {\n  addresses = []\n  reason = \"r\"\n}\n", "addresses is empty"},
		{"unknown rule setting", "rule \"SOV042\" {\n  severity = \"warning\"\n}\n", `.sovlint.hcl:1,1-14: Invalid rule setting; unknown rule "SOV042"`},
		{"bad severity", "\nrule \"SOV003\" {\n  severity = \"fatal\"\n}\n", `.sovlint.hcl:2,1-14: Invalid rule setting; SOV003: unknown severity "fatal"`},
		{"bad root glob", "exception {\n  addresses = [\"*\"]\n  roots = [\"envs/[\"]\n  reason = \"r\"\n}\n", `.sovlint.hcl:1,1-10: Invalid exception; roots: "envs/[" is not a valid glob`},
		{"empty roots", "exception {\n  addresses = [\"*\"]\n  roots = []\n  reason = \"r\"\n}\n", "roots is empty"},
		{"bad exclude glob", "\nexclude = [\"a\", \"{\"]\n", `.sovlint.hcl:2,11-21: Invalid exclude; "{" is not a valid glob`},
		{"twice", "rule \"SOV003\" {\n  enabled = false\n}\nrule \"outside-eu\" {\n  enabled = true\n}\n", "rule SOV003 is configured twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanWith(t, tt.src, testNow)
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error = %q, want one line containing %q", msg, tt.want)
			}
		})
	}
}

func TestRuleSettings(t *testing.T) {
	const cfg = `
rule "SOV003" {
  severity = "warning"
}
rule "extraterritorial-law" {
  enabled = false
}
rule "SOV000" {
  severity = "error"
}
exception {
  addresses = ["nothing.here"]
  reason    = "stale on purpose"
}
`
	rep, err := scanWith(t, cfg, testNow)
	if err != nil {
		t.Fatal(err)
	}
	want := []outcome{
		{Rule: "SOV001", Address: "aws_rds_cluster.main", Severity: "error"},
		{Rule: "SOV001", Address: "module.backup.aws_backup_vault.v", Severity: "error"},
		{Rule: "SOV001", Address: "module.regional.aws_sns_topic.t", Severity: "error"},
		{Rule: "SOV003", Address: "module.regional.aws_sns_topic.t", Severity: "warning"},
		{Rule: "SOV000", Address: `exception for "nothing.here"`, Severity: "error", Line: 11},
	}
	if diff := cmp.Diff(want, outcomes(rep.Report)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, a := range rep.Assessments {
		for _, id := range a.Required {
			if id == "SOV002" {
				t.Errorf("%s still requires the disabled SOV002", a.Resource.Address)
			}
		}
	}

	// Disabling SOV000 drops the stale-exception finding, and the default
	// policy (shared slices) is not changed for the next scan.
	rep, err = scanWith(t, "rule \"SOV000\" {\n  enabled = false\n}\nexception {\n  addresses = [\"nothing.here\"]\n  reason = \"r\"\n}\n", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Findings); n != 7 {
		t.Errorf("got %d findings, want the plan's 7 without SOV000: %+v", n, outcomes(rep.Report))
	}
}

func TestBaseline(t *testing.T) {
	rep, err := scanWith(t, "", testNow)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := suppress.WriteBaseline(&buf, rep.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("baseline has %d entries, want 7", n)
	}
	const want = `{
  "version": 2,
  "tool": "sovlint",
  "findings": [
    {
      "rule": "SOV001",
      "root": ".",
      "address": "aws_rds_cluster.main"
    },
`
	if !strings.HasPrefix(buf.String(), want) {
		t.Errorf("baseline starts:\n%s\nwant:\n%s", buf.String()[:min(len(want), buf.Len())], want)
	}

	// Drop one entry: that finding is "new" and stays active; the others
	// are suppressed as baseline, not reported as unused.
	edited := strings.Replace(buf.String(), `
    {
      "rule": "SOV003",
      "root": ".",
      "address": "module.regional.aws_sns_topic.t"
    }`, "", 1)
	edited = strings.Replace(edited, "},\n  ]", "}\n  ]", 1)
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	w, err := suppress.LoadBaseline(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, edited)
	}
	rep, err = scanWith(t, "", testNow, w)
	if err != nil {
		t.Fatal(err)
	}
	var active []string
	for _, f := range rep.Findings {
		switch {
		case f.Active():
			active = append(active, f.RuleID+" "+f.Address)
		case f.Suppression.Kind != finding.SuppressedBaseline:
			t.Errorf("%s %s suppressed as %s", f.RuleID, f.Address, f.Suppression.Kind)
		}
	}
	if diff := cmp.Diff([]string{"SOV003 module.regional.aws_sns_topic.t"}, active); diff != "" {
		t.Errorf("active findings with the baseline (-want +got):\n%s", diff)
	}

	// Matching is by rule and address: a finding whose line moved is still
	// covered; another address is not.
	moved := finding.Finding{RuleID: "SOV001", Address: "aws_rds_cluster.main"}
	moved.Range.Filename, moved.Range.Start.Line = "main.tf", 99
	if !w.Matches(&moved) {
		t.Error("baseline does not cover a finding whose line moved")
	}
	if w.Matches(&finding.Finding{RuleID: "SOV001", Address: "aws_rds_cluster.other"}) {
		t.Error("baseline covers an address it does not list")
	}

	// Writing again from the baselined report keeps the accepted findings.
	var again bytes.Buffer
	if _, err := suppress.WriteBaseline(&again, rep.Findings); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("rewriting the baseline changed it:\n%s", cmp.Diff(buf.String(), again.String()))
	}
}

func TestLoadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notjson.json": "{",
		"future.json":  `{"version": 3, "findings": []}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"missing.json", "notjson.json", "future.json"} {
		if _, err := suppress.LoadBaseline(filepath.Join(dir, name)); err == nil || !strings.Contains(err.Error(), "baseline") {
			t.Errorf("LoadBaseline(%s) = %v, want an error naming the baseline", name, err)
		}
	}
}
