package suppress

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/finding"
)

func TestApplyWaivers(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	fnd := func(rule, addr string) finding.Finding {
		return finding.Finding{RuleID: rule, Severity: finding.SeverityError, Address: addr}
	}
	byAddr := func(addr string) func(*finding.Finding) bool {
		return func(f *finding.Finding) bool { return f.Address == addr }
	}
	findings := []finding.Finding{
		fnd("SOV001", "aws_s3_bucket.a"),
		fnd("SOV002", "aws_s3_bucket.a"),
		fnd("SOV001", "aws_s3_bucket.b"),
		fnd("SOV003", "aws_s3_bucket.c"),
	}
	waivers := []*Waiver{
		{Kind: finding.SuppressedConfig, Rules: []string{"SOV001"}, Matches: byAddr("aws_s3_bucket.a"), Reason: "migration", Expires: "2026-11-23", What: "a", ReportUnused: true},
		{Kind: finding.SuppressedInline, Matches: byAddr("aws_s3_bucket.b"), Reason: "", What: "no reason", ReportUnused: true},
		{Kind: finding.SuppressedInline, Matches: byAddr("aws_s3_bucket.c"), Reason: "old", Expires: "2026-11-22", What: "expired", ReportUnused: true},
		{Kind: finding.SuppressedConfig, Matches: byAddr("aws_s3_bucket.gone"), Reason: "fixed long ago", What: "stale", ReportUnused: true},
		{Kind: finding.SuppressedBaseline, Matches: byAddr("aws_s3_bucket.gone"), Reason: "baseline", What: "baseline entry"},
		{Kind: finding.SuppressedConfig, Matches: byAddr("aws_s3_bucket.c"), Reason: "typo in date", Expires: "2027-13-01", What: "bad date", ReportUnused: true},
	}
	meta := Apply(findings, waivers, Scope{Now: now})

	suppressed := map[string]string{}
	for _, f := range findings {
		if f.Suppression != nil {
			suppressed[f.RuleID+" "+f.Address] = f.Suppression.Reason
		}
	}
	// Only the valid, unexpired waiver suppresses, and only its rule. It
	// expires today: still valid until the end of the day.
	if diff := cmp.Diff(map[string]string{"SOV001 aws_s3_bucket.a": "migration"}, suppressed); diff != "" {
		t.Errorf("suppressed findings (-want +got):\n%s", diff)
	}
	var got []string
	for _, m := range meta {
		if m.RuleID != finding.SuppressionRuleID || m.Severity != finding.SeverityWarning {
			t.Errorf("meta finding %+v is not a SOV000 warning", m)
		}
		got = append(got, m.Message)
	}
	want := []string{
		"no reason has no reason: it suppresses nothing until it says why",
		"expired expired on 2026-11-22: the findings it covered are reported again",
		`bad date has an invalid expiry "2027-13-01" (want YYYY-MM-DD): it suppresses nothing`,
		"stale matches no finding: remove it",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SOV000 findings (-want +got):\n%s", diff)
	}
}

// A waiver limited to some roots suppresses findings of those roots only,
// and one whose roots the scan did not read is out of scope, not unused.
func TestApplyInRoots(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	inDev := func(p string) bool { return p == "envs/dev" }
	inStaging := func(p string) bool { return p == "envs/staging" }
	findings := []finding.Finding{
		{RuleID: "SOV001", Severity: finding.SeverityError, Address: "aws_s3_bucket.data", Root: "envs/dev"},
		{RuleID: "SOV001", Severity: finding.SeverityError, Address: "aws_s3_bucket.data", Root: "envs/prod"},
	}
	waivers := []*Waiver{
		{Kind: finding.SuppressedConfig, Reason: "synthetic data", What: "dev", ReportUnused: true, InRoot: inDev},
		{Kind: finding.SuppressedConfig, Reason: "not scanned here", What: "staging", ReportUnused: true, InRoot: inStaging},
	}
	meta := Apply(findings, waivers, Scope{Now: now, RootPaths: map[string]string{"envs/dev": "envs/dev", "envs/prod": "envs/prod"}})
	if findings[0].Active() || !findings[1].Active() {
		t.Errorf("dev suppressed %v, prod suppressed %v: want only dev", !findings[0].Active(), !findings[1].Active())
	}
	if len(meta) != 0 {
		t.Errorf("SOV000 findings %+v, want none: the staging waiver is out of scope", meta)
	}
}

// An inline ignore covers the findings of the root module whose sources
// hold it, and no other root's: two roots may share a module's addresses.
func TestInlineWaiverStaysInItsRoot(t *testing.T) {
	findings := []finding.Finding{
		{RuleID: "SOV001", Address: "aws_s3_bucket.data", Root: "envs/dev"},
		{RuleID: "SOV001", Address: "aws_s3_bucket.data", Root: "envs/prod"},
	}
	w := &Waiver{
		Kind: finding.SuppressedInline, Reason: "dev data is synthetic", What: "inline ignore", ReportUnused: true, Root: "envs/dev",
		Matches: func(f *finding.Finding) bool { return f.Address == "aws_s3_bucket.data" },
	}
	if meta := Apply(findings, []*Waiver{w}, Scope{Now: time.Now()}); len(meta) != 0 {
		t.Errorf("unexpected SOV000: %+v", meta)
	}
	if findings[0].Suppression == nil || findings[1].Suppression != nil {
		t.Errorf("dev suppressed %v, prod suppressed %v; want dev only", findings[0].Suppression != nil, findings[1].Suppression != nil)
	}
}
