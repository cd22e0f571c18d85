package serve

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/runtask"
	"github.com/sovlint/sovlint/internal/runtask/runtasktest"
)

func readPlan(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "plans", name, "plan.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func parseConfig(t *testing.T, name, src string) *config.Config {
	t.Helper()
	c, err := config.Parse([]byte(src), name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// relaxed turns off the rules that fire on the test plans.
const relaxed = `
rule "SOV001" { enabled = false }
rule "SOV002" { enabled = false }
rule "SOV003" { enabled = false }
`

func TestScanPlanVerdictOnARealPlan(t *testing.T) {
	s, err := New(Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.ScanPlan(context.Background(), runtask.Run{Workspace: "prod"}, bytes.NewReader(readPlan(t, "default-tags")))
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != runtask.StatusFailed {
		t.Errorf("status %s, want failed", v.Status)
	}
	want := "3 findings on 1 of 2 resources: 1 SOV001 not-secnumcloud, 1 SOV002 extraterritorial-law, 1 SOV003 outside-eu (policy: defaults)"
	if v.Message != want {
		t.Errorf("message\n got %q\nwant %q", v.Message, want)
	}
	var rules []string
	for _, o := range v.Outcomes {
		rules = append(rules, o.Rule+" "+o.Address+" "+o.Severity+" "+string(o.Level))
		if !strings.HasPrefix(o.URL, "https://") {
			t.Errorf("%s: URL %q", o.Rule, o.URL)
		}
		if !strings.Contains(o.Details, "**Remediation:**") {
			t.Errorf("%s: details without remediation:\n%s", o.Rule, o.Details)
		}
	}
	wantRules := []string{
		"SOV001 aws_s3_bucket.health error error",
		"SOV002 aws_s3_bucket.health error error",
		"SOV003 aws_s3_bucket.health error error",
	}
	if d := cmp.Diff(wantRules, rules); d != "" {
		t.Errorf("outcomes (-want +got):\n%s", d)
	}
}

func TestPolicyPerWorkspace(t *testing.T) {
	base := parseConfig(t, "base.sovlint.hcl", `policy { fail_on = "notice" }`)
	sandbox := parseConfig(t, "sandbox.sovlint.hcl", relaxed)
	warnOnly := parseConfig(t, "dev.sovlint.hcl", `policy { fail_on = "error" }
rule "SOV001" { severity = "warning" }
rule "SOV002" { severity = "warning" }
rule "SOV003" { severity = "warning" }
`)
	s, err := New(Options{
		Base: Policy{Config: base},
		Overrides: []Override{
			{Pattern: "sandbox-*", Policy: Policy{Config: sandbox}},
			{Pattern: "labo/dev-*", Policy: Policy{Config: warnOnly}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	plan := readPlan(t, "default-tags")
	tests := []struct {
		org, ws    string
		policy     string
		status     runtask.Status
		msgContain string
	}{
		{"ministere", "prod", "base.sovlint.hcl", runtask.StatusFailed, "3 findings"},
		{"ministere", "sandbox-42", "sandbox.sovlint.hcl", runtask.StatusPassed, "No finding on 2 resources (policy: sandbox.sovlint.hcl)"},
		{"labo", "dev-a", "dev.sovlint.hcl", runtask.StatusPassed, "none at or above the fail threshold (error)"},
		{"ministere", "dev-a", "base.sovlint.hcl", runtask.StatusFailed, "3 findings"}, // the org/ pattern is another organisation's
	}
	for _, tt := range tests {
		if got := s.PolicyFor(tt.org, tt.ws).Name(); got != tt.policy {
			t.Errorf("%s/%s: policy %s, want %s", tt.org, tt.ws, got, tt.policy)
		}
		v, err := s.ScanPlan(context.Background(), runtask.Run{Organization: tt.org, Workspace: tt.ws}, bytes.NewReader(plan))
		if err != nil {
			t.Fatal(err)
		}
		if v.Status != tt.status || !strings.Contains(v.Message, tt.msgContain) {
			t.Errorf("%s/%s: %s %q, want %s containing %q", tt.org, tt.ws, v.Status, v.Message, tt.status, tt.msgContain)
		}
	}
}

func TestNewRefusesBadPolicies(t *testing.T) {
	bad := parseConfig(t, "bad.sovlint.hcl", `policy { fail_on = "sometimes" }`)
	if _, err := New(Options{Base: Policy{Config: bad}}); err == nil || !strings.Contains(err.Error(), "fail_on") {
		t.Errorf("bad base policy: %v", err)
	}
	if _, err := New(Options{Overrides: []Override{{Pattern: "[", Policy: Policy{}}}}); err == nil {
		t.Error("bad glob accepted")
	}
	if _, err := New(Options{Overrides: []Override{{Pattern: "x", Policy: Policy{Config: bad}}}}); err == nil {
		t.Error("bad override policy accepted")
	}
}

// The clock is read at each scan, not at start: an exception that expires
// while the server runs stops suppressing on that day.
func TestScanReadsTheClockEachTime(t *testing.T) {
	cfg := parseConfig(t, "c.sovlint.hcl", `exception {
  addresses = ["aws_s3_bucket.health"]
  reason    = "migration tracked in INFRA-1"
  expires   = "2030-01-31"
}`)
	now := time.Date(2030, 1, 30, 12, 0, 0, 0, time.UTC)
	s, err := New(Options{Base: Policy{Config: cfg}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	plan := readPlan(t, "default-tags")
	v, err := s.ScanPlan(context.Background(), runtask.Run{}, bytes.NewReader(plan))
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != runtask.StatusPassed || !strings.Contains(v.Message, "3 suppressed") {
		t.Errorf("before expiry: %s %q", v.Status, v.Message)
	}
	now = now.AddDate(0, 0, 3)
	v, err = s.ScanPlan(context.Background(), runtask.Run{}, bytes.NewReader(plan))
	if err != nil {
		t.Fatal(err)
	}
	if v.Status != runtask.StatusFailed || !strings.Contains(v.Message, "SOV000") {
		t.Errorf("after expiry: %s %q", v.Status, v.Message)
	}
}

func TestScanPlanErrorsNameThePlanAndQuoteNothing(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const secret = "hunter2-plan-secret"
	_, err = s.ScanPlan(context.Background(), runtask.Run{},
		strings.NewReader(`{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{"after":{"password":"`+secret+`\q"}}}]}`))
	if err == nil {
		t.Fatal("no error for a malformed plan")
	}
	if !strings.HasPrefix(err.Error(), "plan JSON") || strings.Contains(err.Error(), secret) {
		t.Errorf("error %q: want it to name the plan JSON and quote nothing", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ScanPlan(ctx, runtask.Run{}, bytes.NewReader(readPlan(t, "count-foreach"))); err == nil {
		t.Error("a canceled scan returned no error")
	}
}

// End to end: the run task server with the engine behind it, a fake
// Terraform API serving real plans, per-workspace policies.
func TestRunTaskServerWithTheEngine(t *testing.T) {
	api := runtasktest.NewAPI("atlasv1.SECRET-token")
	defer api.Close()
	api.SetPlan("plan-prod", readPlan(t, "modules-count-aliases"))
	api.SetPlan("plan-sandbox", readPlan(t, "modules-count-aliases"))

	scanner, err := New(Options{
		Base:      Policy{Config: parseConfig(t, "org.sovlint.hcl", `policy { fail_on = "notice" }`)},
		Overrides: []Override{{Pattern: "sandbox-*", Policy: Policy{Config: parseConfig(t, "sandbox.sovlint.hcl", relaxed)}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	key := []byte("hmac-key-for-tests")
	srv, err := runtask.New(runtask.Config{
		TerraformURL: api.URL(), HMACKey: key, Scanner: scanner,
		Logger: slog.New(slog.NewJSONHandler(&logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	for _, run := range []runtasktest.Run{
		{ID: "prod", Organization: "ministere", Workspace: "prod-paris"},
		{ID: "sandbox", Organization: "ministere", Workspace: "sandbox-1", Stage: runtask.StagePreApply},
	} {
		code, err := runtasktest.Post(ts.Client(), ts.URL, key, api.Payload(run))
		if err != nil || code != http.StatusOK {
			t.Fatalf("%s: %d %v", run.ID, code, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := srv.Drain(ctx); err != nil {
		t.Fatal(err)
	}

	prod := api.Callbacks("prod")
	if len(prod) != 1 {
		t.Fatalf("prod: %d callbacks", len(prod))
	}
	// The same counts as `sovlint scan --format json` on this plan.
	const want = "40 findings on 16 of 60 resources: 16 SOV001 not-secnumcloud, 16 SOV002 extraterritorial-law, 8 SOV003 outside-eu (policy: org.sovlint.hcl)"
	if prod[0].Status != "failed" || prod[0].Message != want {
		t.Errorf("prod: %s %q, want failed %q", prod[0].Status, prod[0].Message, want)
	}
	if len(prod[0].Outcomes) != 40 {
		t.Errorf("prod: %d outcomes, want 40", len(prod[0].Outcomes))
	}
	o := prod[0].Outcomes[0]
	if o.OutcomeID != "SOV001" || !strings.HasPrefix(o.Description, "module.") || o.Tags["Severity"][0].Label != "Error" {
		t.Errorf("first outcome %+v", o)
	}
	sandbox := api.Callbacks("sandbox")
	if len(sandbox) != 1 || sandbox[0].Status != "passed" || len(sandbox[0].Outcomes) != 0 {
		t.Errorf("sandbox: %+v", sandbox)
	}
	if strings.Contains(logs.String(), "SECRET") {
		t.Errorf("the token is in the logs:\n%s", logs.String())
	}
}
