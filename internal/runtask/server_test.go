package runtask

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// only returns the single delivered callback of a task result, failing the
// test unless there is exactly one.
func only(t *testing.T, f *fakeTFC, id string) callbackData {
	t.Helper()
	got := f.delivered(id)
	if len(got) != 1 {
		t.Fatalf("task result %s: %d callbacks delivered, want exactly 1", id, len(got))
	}
	return got[0].doc.Data
}

func TestPassedRun(t *testing.T) {
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-a", planJSON("aws_s3_bucket.eu", "aws_kms_key.eu"))
	if code := h.post(h.payload("a", nil), nil); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	h.wait()
	got := only(t, h.tfc, "a")
	want := callbackData{
		Type:          "task-results",
		Attributes:    callbackAttributes{Status: StatusPassed, Message: "2 resources checked, no finding"},
		Relationships: &callbackRelationships{},
	}
	want.Relationships.Outcomes.Data = []outcomeResource{}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("callback (-want +got):\n%s", d)
	}
	// The scanner is told which run it judges, to pick a policy.
	r, _ := h.scanner.runs.Load("run-a")
	wantRun := Run{
		ID: "run-a", TaskResultID: "taskrs-a", Stage: "post_plan", Organization: "ministere",
		Workspace: "prod-a", WorkspaceID: "ws-a", Enforcement: "mandatory",
	}
	if d := cmp.Diff(wantRun, r); d != "" {
		t.Errorf("run given to the scanner (-want +got):\n%s", d)
	}
	// One log line for the run, with what an operator needs.
	lines := h.logLines("run")
	if len(lines) != 1 {
		t.Fatalf("%d run log lines, want 1:\n%s", len(lines), h.logs.String())
	}
	for k, v := range map[string]any{"run_id": "run-a", "workspace": "prod-a", "organization": "ministere", "verdict": "passed"} {
		if lines[0][k] != v {
			t.Errorf("log %s = %v, want %v", k, lines[0][k], v)
		}
	}
	if _, ok := lines[0]["duration_ms"]; !ok {
		t.Error("run log line has no duration_ms")
	}
	h.checkNoSecrets()
}

func TestFailedRunHasOneOutcomePerFinding(t *testing.T) {
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-b", planJSON("aws_s3_bucket.outside", "aws_kms_key.eu", "module.db.aws_db_instance.outside"))
	if code := h.post(h.payload("b", func(p map[string]any) { p["stage"] = "pre_apply" }), nil); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	h.wait()
	got := only(t, h.tfc, "b")
	if got.Attributes.Status != StatusFailed || got.Attributes.Message != "2 findings" {
		t.Errorf("attributes = %+v, want failed, \"2 findings\"", got.Attributes)
	}
	outcome := func(addr string) outcomeResource {
		return outcomeResource{Type: "task-result-outcomes", Attributes: outcomeAttributes{
			OutcomeID:   "SOV003",
			Description: addr + ": region us-east-1 is outside the EU",
			Body:        "**Resource:** `" + addr + "`\n\nregion us-east-1 is outside the EU\n\nMove the resource to an EU region.",
			URL:         "https://example.org/catalog/aws",
			Tags: map[string][]tag{
				"Status":   {{Label: "Failed", Level: LevelError}},
				"Severity": {{Label: "Error", Level: LevelError}},
				"Rule":     {{Label: "SOV003"}},
			},
		}}
	}
	want := []outcomeResource{outcome("aws_s3_bucket.outside"), outcome("module.db.aws_db_instance.outside")}
	if got.Relationships == nil {
		t.Fatal("no outcomes sent")
	}
	if d := cmp.Diff(want, got.Relationships.Outcomes.Data); d != "" {
		t.Errorf("outcomes (-want +got):\n%s", d)
	}
	h.checkNoSecrets()
}

func TestOutcomesOnlyWhenTerraformAcceptsThem(t *testing.T) {
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-c", planJSON("aws_s3_bucket.outside"))
	// An older Terraform Enterprise sends no capabilities.
	h.post(h.payload("c", func(p map[string]any) { delete(p, "capabilities") }), nil)
	h.wait()
	got := only(t, h.tfc, "c")
	if got.Relationships != nil {
		t.Errorf("outcomes sent to a Terraform that did not say it accepts them: %+v", got.Relationships)
	}
	if got.Attributes.Status != StatusFailed {
		t.Errorf("status %s, want failed", got.Attributes.Status)
	}
}

func TestVerificationRequestGets200AndNoCallback(t *testing.T) {
	h := newHarness(t, nil)
	// What HCP Terraform sends when the task is registered: the test token
	// and no run.
	body := []byte(`{"payload_version":1,"access_token":"test-token","stage":"test","is_speculative":false,` +
		`"task_result_id":"","task_result_callback_url":"","run_id":"","organization_name":"ministere","workspace_name":""}`)
	if code := h.post(body, nil); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	// Whatever else it holds (or lacks).
	if code := h.post([]byte(`{"access_token":"test-token"}`), nil); code != http.StatusOK {
		t.Fatalf("minimal verification: status %d, want 200", code)
	}
	// Unsigned, it is refused like any request.
	empty := ""
	if code := h.post(body, &empty); code != http.StatusUnauthorized {
		t.Fatalf("unsigned verification: status %d, want 401", code)
	}
	h.wait()
	if n := h.scanner.calls.Load(); n != 0 {
		t.Errorf("scanner called %d times", n)
	}
	h.tfc.mu.Lock()
	defer h.tfc.mu.Unlock()
	if len(h.tfc.callbacks) != 0 || len(h.tfc.planRequests) != 0 {
		t.Errorf("verification reached the Terraform API: callbacks %v, plan requests %v", h.tfc.callbacks, h.tfc.planRequests)
	}
}

func TestBadAndMissingSignaturesAreRefusedBeforeAnyWork(t *testing.T) {
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-d", planJSON("aws_s3_bucket.eu"))
	body := h.payload("d", nil)
	good := Sign([]byte(testHMACKey), body)
	other := h.payload("other", nil)
	for name, sig := range map[string]string{
		"missing":           "",
		"another key":       Sign([]byte("not-the-key"), body),
		"another body":      Sign([]byte(testHMACKey), other),
		"not hex":           strings.Repeat("zz", 64),
		"truncated":         good[:64],
		"one byte off":      good[:len(good)-2] + flip(good[len(good)-2:]),
		"sha256 length":     good[:64],
		"garbage":           "sha512=" + good,
		"upper case of bad": strings.ToUpper(Sign([]byte("x"), body)),
	} {
		t.Run(name, func(t *testing.T) {
			if code := h.post(body, &sig); code != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", code)
			}
		})
	}
	h.wait()
	if n := h.scanner.calls.Load(); n != 0 {
		t.Errorf("scanner called %d times", n)
	}
	if n := len(h.tfc.calls("d")); n != 0 {
		t.Errorf("%d callbacks for refused requests", n)
	}
	h.tfc.mu.Lock()
	if n := h.tfc.planRequests["plan-d"]; n != 0 {
		t.Errorf("the plan was requested %d times for refused requests", n)
	}
	h.tfc.mu.Unlock()
	if !strings.Contains(h.metricsText(), `sovlint_runtask_requests_total{result="unauthorized"} 9`) {
		t.Errorf("metrics do not count 9 unauthorized requests:\n%s", h.metricsText())
	}
	h.checkNoSecrets()
}

func flip(hex2 string) string {
	if hex2 == "00" {
		return "01"
	}
	return "00"
}

// Hex in upper case is the same signature: HCP Terraform's is lower case,
// but nothing in the protocol says so.
func TestSignatureIsCaseInsensitiveHex(t *testing.T) {
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-u", planJSON("aws_s3_bucket.eu"))
	body := h.payload("u", nil)
	sig := strings.ToUpper(Sign([]byte(testHMACKey), body))
	if code := h.post(body, &sig); code != http.StatusOK {
		t.Fatalf("status %d, want 200", code)
	}
	h.wait()
	only(t, h.tfc, "u")
}

func TestOversizedAndMalformedBodies(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxRequestBytes = 4 << 10 })
	big := h.payload("big", func(p map[string]any) { p["run_message"] = strings.Repeat("x", 8<<10) })
	tests := []struct {
		name string
		body []byte
		want int
	}{
		{"oversized", big, http.StatusRequestEntityTooLarge},
		{"not JSON", []byte(`{"payload_version":1, "access_token": "` + testToken), http.StatusBadRequest},
		{"not an object", []byte(`[1,2,3]`), http.StatusBadRequest},
		{"wrong type", []byte(`{"payload_version":"1"}`), http.StatusBadRequest},
		{"empty", []byte(``), http.StatusBadRequest},
		{"payload version 2", h.payload("v2", func(p map[string]any) { p["payload_version"] = 2 }), http.StatusBadRequest},
		{"unknown stage", h.payload("st", func(p map[string]any) { p["stage"] = "post_destroy" }), http.StatusUnprocessableEntity},
		{"no access token", h.payload("nt", func(p map[string]any) { p["access_token"] = "" }), http.StatusUnprocessableEntity},
		{"no callback URL", h.payload("nc", func(p map[string]any) { p["task_result_callback_url"] = nil }), http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code := h.post(tt.body, nil); code != tt.want {
				t.Errorf("status %d, want %d", code, tt.want)
			}
		})
	}
	h.wait()
	if n := h.scanner.calls.Load(); n != 0 {
		t.Errorf("scanner called %d times", n)
	}
	h.checkNoSecrets()
}

func TestUnsupportedDocumentedStageIsReportedFailed(t *testing.T) {
	h := newHarness(t, nil)
	h.post(h.payload("pp", func(p map[string]any) {
		p["stage"] = "pre_plan"
		delete(p, "plan_json_api_url")
	}), nil)
	h.wait()
	got := only(t, h.tfc, "pp")
	if got.Attributes.Status != StatusFailed || !strings.Contains(got.Attributes.Message, "post-plan or pre-apply") {
		t.Errorf("attributes = %+v, want failed naming the stages to use", got.Attributes)
	}
	if n := h.scanner.calls.Load(); n != 0 {
		t.Errorf("scanner called %d times", n)
	}
}

func TestURLsMustBeUnderTerraformURL(t *testing.T) {
	evil, hits := spy(t)
	h := newHarness(t, nil)
	h.tfc.setPlan("plan-r", planJSON("aws_s3_bucket.eu"))
	h.tfc.edit(func() { h.tfc.redirectTo["plan-r"] = evil.URL + "/steal" })
	api := h.tfc.api.URL
	host := strings.TrimPrefix(api, "http://")

	// A callback URL elsewhere: nobody may be told, the request is refused.
	for name, cb := range map[string]string{
		"other host":       evil.URL + "/api/v2/task-results/x/callback",
		"userinfo trick":   "http://" + host + "@" + strings.TrimPrefix(evil.URL, "http://") + "/api/v2/task-results/x/callback",
		"other scheme":     "https://" + host + "/api/v2/task-results/x/callback",
		"host as a prefix": api + ".evil.example/api/v2/task-results/x/callback",
		"relative":         "/api/v2/task-results/x/callback",
	} {
		t.Run("callback "+name, func(t *testing.T) {
			code := h.post(h.payload("x", func(p map[string]any) { p["task_result_callback_url"] = cb }), nil)
			if code != http.StatusUnprocessableEntity {
				t.Errorf("status %d, want 422", code)
			}
		})
	}
	// A plan URL elsewhere: the run fails, and the other host is not asked.
	h.post(h.payload("p", func(p map[string]any) { p["plan_json_api_url"] = evil.URL + "/api/v2/plans/plan-p/json-output" }), nil)
	// A redirect elsewhere: the same.
	h.post(h.payload("r", nil), nil)
	h.wait()

	if got := only(t, h.tfc, "p"); got.Attributes.Status != StatusFailed ||
		!strings.Contains(got.Attributes.Message, "plan URL is not under the configured Terraform URL") {
		t.Errorf("plan on another host: %+v", got.Attributes)
	}
	if got := only(t, h.tfc, "r"); got.Attributes.Status != StatusFailed ||
		!strings.Contains(got.Attributes.Message, "redirected the plan download to a URL outside") {
		t.Errorf("redirect to another host: %+v", got.Attributes)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the other host was contacted %d times", n)
	}
	if n := h.scanner.calls.Load(); n != 0 {
		t.Errorf("scanner called %d times", n)
	}
	h.checkNoSecrets()
}

func TestRedirectToConfiguredArchiveHost(t *testing.T) {
	t.Run("allowed, without the token", func(t *testing.T) {
		h := newHarnessTFC(t, func(c *Config, f *fakeTFC) { c.ArchiveURLs = []string{f.archive.URL} })
		h.tfc.edit(func() { h.tfc.useArchive = true })
		h.tfc.setPlan("plan-ar", planJSON("aws_s3_bucket.outside"))
		h.post(h.payload("ar", nil), nil)
		h.wait()
		if got := only(t, h.tfc, "ar"); got.Attributes.Status != StatusFailed || got.Attributes.Message != "1 findings" {
			t.Errorf("attributes %+v", got.Attributes)
		}
		if h.tfc.archiveHits.Load() != 1 {
			t.Errorf("archive hits %d, want 1", h.tfc.archiveHits.Load())
		}
		h.checkNoSecrets() // includes "the token was sent to the archive"
	})
	t.Run("not configured", func(t *testing.T) {
		h := newHarness(t, nil)
		h.tfc.edit(func() { h.tfc.useArchive = true })
		h.tfc.setPlan("plan-an", planJSON("aws_s3_bucket.eu"))
		h.post(h.payload("an", nil), nil)
		h.wait()
		if got := only(t, h.tfc, "an"); got.Attributes.Status != StatusFailed ||
			!strings.Contains(got.Attributes.Message, "outside the configured Terraform and archive URLs") {
			t.Errorf("attributes %+v", got.Attributes)
		}
		if h.tfc.archiveHits.Load() != 0 {
			t.Error("the archive host was contacted")
		}
	})
}

func TestDownloadAndReadFailuresFailTheRun(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(h *harness)
		tune     func(*Config)
		message  string
		requests int // plan requests expected
	}{
		{
			name:     "not found",
			setup:    func(h *harness) { h.tfc.edit(func() { h.tfc.planStatus["plan-f"] = http.StatusNotFound }) },
			message:  "sovlint could not check this plan: the Terraform API refused the plan download (HTTP 404)",
			requests: 1,
		},
		{
			name:     "server error, retried",
			setup:    func(h *harness) { h.tfc.edit(func() { h.tfc.planStatus["plan-f"] = http.StatusBadGateway }) },
			message:  "sovlint could not check this plan: the Terraform API refused the plan download (HTTP 502)",
			requests: 3,
		},
		{
			name:     "no JSON plan yet",
			setup:    func(h *harness) { h.tfc.edit(func() { h.tfc.planStatus["plan-f"] = http.StatusNoContent }) },
			message:  "sovlint could not check this plan: the Terraform API has no JSON plan for this run yet (HTTP 204)",
			requests: 3,
		},
		{
			name: "broken off",
			setup: func(h *harness) {
				h.tfc.setPlan("plan-f", planJSON("a.b", "c.d", "e.f", "g.h"))
				h.tfc.edit(func() { h.tfc.truncate["plan-f"] = true })
			},
			message:  "sovlint could not check this plan: the plan download broke off after",
			requests: 1,
		},
		{
			name:     "too large",
			setup:    func(h *harness) { h.tfc.setPlan("plan-f", planJSON(strings.Repeat("x", 2<<20))) },
			tune:     func(c *Config) { c.MaxPlanBytes = 1 << 20 },
			message:  "sovlint could not check this plan: the plan is larger than the server's limit of 1 MiB",
			requests: 1,
		},
		{
			name:     "malformed plan",
			setup:    func(h *harness) { h.tfc.setPlan("plan-f", []byte(`{"resource_changes":[{"address":`+`"`+planSecret)) },
			message:  "sovlint could not check this plan: the plan could not be read: plan.json: malformed JSON at byte",
			requests: 1,
		},
	}
	for _, tt := range tests {
		for _, failOpen := range []bool{false, true} {
			name := tt.name
			if failOpen {
				name += " fail open"
			}
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, func(c *Config) {
					c.FailOpen = failOpen
					if tt.tune != nil {
						tt.tune(c)
					}
				})
				tt.setup(h)
				if code := h.post(h.payload("f", nil), nil); code != http.StatusOK {
					t.Fatalf("status %d", code)
				}
				h.wait()
				got := only(t, h.tfc, "f")
				wantStatus, wantMsg := StatusFailed, tt.message
				if failOpen {
					wantStatus = StatusPassed
					wantMsg = "Warning: not checked, passed because the server fails open: " +
						strings.TrimPrefix(tt.message, "sovlint could not check this plan: ")
				}
				if got.Attributes.Status != wantStatus || !strings.HasPrefix(got.Attributes.Message, wantMsg) {
					t.Errorf("got %s %q\nwant %s %q…", got.Attributes.Status, got.Attributes.Message, wantStatus, wantMsg)
				}
				h.tfc.mu.Lock()
				if n := h.tfc.planRequests["plan-f"]; n != tt.requests {
					t.Errorf("plan requested %d times, want %d", n, tt.requests)
				}
				h.tfc.mu.Unlock()
				if lines := h.logLines("run"); len(lines) != 1 || lines[0]["error_step"] == nil {
					t.Errorf("run log lines %v, want one with error_step", lines)
				}
				h.checkNoSecrets()
			})
		}
	}
}

func TestCallbackRetries(t *testing.T) {
	t.Run("transient failures are retried", func(t *testing.T) {
		h := newHarness(t, nil)
		h.tfc.setPlan("plan-cb", planJSON("aws_s3_bucket.eu"))
		h.tfc.edit(func() {
			h.tfc.callbackFails["cb"] = []int{http.StatusServiceUnavailable, http.StatusBadGateway, http.StatusTooManyRequests}
		})
		h.post(h.payload("cb", nil), nil)
		h.wait()
		if n := len(h.tfc.calls("cb")); n != 4 {
			t.Errorf("%d attempts, want 4", n)
		}
		only(t, h.tfc, "cb")
		if !strings.Contains(h.metricsText(), `sovlint_runtask_callback_attempts_total{result="error"} 3`) {
			t.Error("metrics do not count 3 failed attempts")
		}
	})
	t.Run("a refusal is not retried", func(t *testing.T) {
		h := newHarness(t, nil)
		h.tfc.setPlan("plan-cr", planJSON("aws_s3_bucket.eu"))
		h.tfc.edit(func() { h.tfc.callbackFails["cr"] = []int{http.StatusUnauthorized} })
		h.post(h.payload("cr", nil), nil)
		h.wait()
		if n := len(h.tfc.calls("cr")); n != 1 {
			t.Errorf("%d attempts, want 1", n)
		}
		lines := h.logLines("run not reported")
		if msg, _ := lines[0]["callback_error"].(string); len(lines) != 1 || !strings.Contains(msg, "HTTP 401") {
			t.Errorf("log lines %v, want one saying the callback got 401", lines)
		}
		h.checkNoSecrets()
	})
	t.Run("refused outcomes are dropped, the verdict still sent", func(t *testing.T) {
		h := newHarness(t, nil)
		h.tfc.setPlan("plan-co", planJSON("aws_s3_bucket.outside"))
		h.tfc.edit(func() { h.tfc.callbackFails["co"] = []int{http.StatusUnprocessableEntity} })
		h.post(h.payload("co", nil), nil)
		h.wait()
		got := only(t, h.tfc, "co")
		if got.Relationships != nil || got.Attributes.Status != StatusFailed ||
			!strings.Contains(got.Attributes.Message, "refused the detailed outcomes") {
			t.Errorf("resent result %+v", got)
		}
	})
	t.Run("gives up at the run's deadline", func(t *testing.T) {
		h := newHarness(t, func(c *Config) {
			c.RunTimeout = 300 * time.Millisecond
			c.CallbackReserve = 100 * time.Millisecond
		})
		h.tfc.setPlan("plan-cd", planJSON("aws_s3_bucket.eu"))
		fails := make([]int, 10000)
		for i := range fails {
			fails[i] = http.StatusServiceUnavailable
		}
		h.tfc.edit(func() { h.tfc.callbackFails["cd"] = fails })
		h.post(h.payload("cd", nil), nil)
		h.wait()
		if n := len(h.tfc.delivered("cd")); n != 0 {
			t.Errorf("%d delivered", n)
		}
		if len(h.tfc.calls("cd")) < 2 {
			t.Error("the callback was not retried")
		}
		if lines := h.logLines("run not reported"); len(lines) != 1 {
			t.Errorf("want one 'run not reported' log line, got %v", lines)
		}
	})
}

func TestGracefulShutdownFinishesScansInFlight(t *testing.T) {
	tfc := newFakeTFC(t)
	sc := &fakeScanner{block: make(chan struct{}), entered: make(chan struct{}, 1)}
	logs := &syncBuffer{}
	srv, err := New(Config{
		TerraformURL: tfc.api.URL, HMACKey: []byte(testHMACKey), Scanner: sc,
		Logger: newTestLogger(logs), RetryBackoff: time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, 20*time.Second) }()

	h := &harness{t: t, tfc: tfc, scanner: sc, srv: srv, logs: logs, base: "http://" + ln.Addr().String(), client: &http.Client{}}
	tfc.setPlan("plan-g", planJSON("aws_s3_bucket.outside"))
	if code := h.post(h.payload("g", nil), nil); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	<-sc.entered // the scan is in flight
	stop()       // SIGTERM

	// While draining: not ready, and new runs go elsewhere.
	waitFor(t, srv.isDraining)
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", http.NoBody))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz while draining: %d, want 503", rec.Code)
	}
	body := h.payload("late", nil)
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(body)))
	req.Header.Set(signatureHeader, Sign([]byte(testHMACKey), body))
	rec = httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("run while draining: %d, want 503", rec.Code)
	}
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a scan in flight: %v", err)
	case <-time.After(50 * time.Millisecond):
	}

	close(sc.block) // the scan finishes
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	got := only(t, tfc, "g")
	if got.Attributes.Status != StatusFailed || got.Attributes.Message != "1 findings" {
		t.Errorf("attributes %+v", got.Attributes)
	}
	if n := len(tfc.calls("late")); n != 0 {
		t.Errorf("refused run called back %d times", n)
	}
}

func TestShutdownGraceEndedReportsRunsCutShort(t *testing.T) {
	tfc := newFakeTFC(t)
	sc := &fakeScanner{block: make(chan struct{}), entered: make(chan struct{}, 1)}
	srv, err := New(Config{
		TerraformURL: tfc.api.URL, HMACKey: []byte(testHMACKey), Scanner: sc,
		Logger: newTestLogger(&syncBuffer{}), RetryBackoff: time.Millisecond, AbortGrace: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, 100*time.Millisecond) }()
	h := &harness{t: t, tfc: tfc, scanner: sc, srv: srv, base: "http://" + ln.Addr().String(), client: &http.Client{}}
	tfc.setPlan("plan-k", planJSON("aws_s3_bucket.eu"))
	h.post(h.payload("k", nil), nil)
	<-sc.entered
	stop()
	err = <-served
	if err == nil || !strings.Contains(err.Error(), "1 runs in flight") {
		t.Errorf("Serve: %v, want an error counting the run cut short", err)
	}
	got := only(t, tfc, "k")
	if got.Attributes.Status != StatusFailed || !strings.Contains(got.Attributes.Message, "stopped before the check finished") {
		t.Errorf("attributes %+v", got.Attributes)
	}
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	h := newHarness(t, nil)
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200, "/": 404, "/other": 404} {
		resp, err := h.client.Get(h.base + path)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	req, _ := http.NewRequest(http.MethodPut, h.base+"/", http.NoBody)
	resp, err := h.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("PUT: %d, want 405", resp.StatusCode)
	}
	// A run task registered on a path other than / is served too.
	h.tfc.setPlan("plan-m", planJSON("aws_s3_bucket.outside"))
	body := h.payload("m", nil)
	req, _ = http.NewRequest(http.MethodPost, h.base+"/hooks/sovlint", strings.NewReader(string(body)))
	req.Header.Set(signatureHeader, Sign([]byte(testHMACKey), body))
	resp, err = h.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("POST /hooks/sovlint: %d", resp.StatusCode)
	}
	h.wait()
	m := h.metricsText()
	for _, want := range []string{
		`sovlint_runtask_requests_total{result="accepted"} 1`,
		`sovlint_runtask_runs_total{error="false",verdict="failed"} 1`,
		`sovlint_runtask_runs_in_flight 0`,
		`sovlint_runtask_scan_duration_seconds_count 1`,
		`sovlint_runtask_run_duration_seconds_count{verdict="failed"} 1`,
		`sovlint_runtask_callback_attempts_total{result="ok"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	h.checkNoSecrets()
}

func TestScannerPanicFailsTheRunNotTheServer(t *testing.T) {
	h := newHarness(t, func(c *Config) {
		c.Scanner = ScannerFunc(func(context.Context, Run, io.Reader) (Verdict, error) { panic("boom") })
	})
	h.tfc.setPlan("plan-p", planJSON("a.b"))
	h.post(h.payload("p", nil), nil)
	h.wait()
	if got := only(t, h.tfc, "p"); got.Attributes.Status != StatusFailed ||
		!strings.Contains(got.Attributes.Message, "internal error in the scanner") {
		t.Errorf("attributes %+v", got.Attributes)
	}
}

func TestNewRefusesUnsafeConfigurations(t *testing.T) {
	sc := &fakeScanner{}
	for name, cfg := range map[string]Config{
		"no key":              {TerraformURL: "https://tfe.example.org", Scanner: sc},
		"no scanner":          {TerraformURL: "https://tfe.example.org", HMACKey: []byte("k")},
		"credentials in URL":  {TerraformURL: "https://user:pw@tfe.example.org", HMACKey: []byte("k"), Scanner: sc},
		"not http":            {TerraformURL: "ftp://tfe.example.org", HMACKey: []byte("k"), Scanner: sc},
		"no host":             {TerraformURL: "https://", HMACKey: []byte("k"), Scanner: sc},
		"query":               {TerraformURL: "https://tfe.example.org/?x=1", HMACKey: []byte("k"), Scanner: sc},
		"bad archive":         {TerraformURL: "https://tfe.example.org", ArchiveURLs: []string{"archive"}, HMACKey: []byte("k"), Scanner: sc},
		"reserve over budget": {TerraformURL: "https://tfe.example.org", HMACKey: []byte("k"), Scanner: sc, RunTimeout: time.Second, CallbackReserve: time.Minute},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New accepted it", name)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(time.Millisecond)
	}
}
