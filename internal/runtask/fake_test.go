package runtask

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Secrets the tests plant: they must never come out in logs, metrics,
// error messages or anything sent anywhere but where they belong.
const (
	testToken   = "atlasv1.SECRET-run-token-7f3a"
	testHMACKey = "s3cret-hmac-key"
	planSecret  = "hunter2-plan-secret-value"
)

// fakeTFC is a local stand-in for the Terraform API: it serves plan JSON
// behind a temporary redirect (to its own archive path, or to a separate
// archive server), checks the run's bearer token and records callbacks.
type fakeTFC struct {
	api     *httptest.Server
	archive *httptest.Server // another host, as archivist.terraform.io is

	mu            sync.Mutex
	plans         map[string][]byte // plan ID → plan JSON
	planStatus    map[string]int    // plan ID → status the API answers instead of redirecting
	redirectTo    map[string]string // plan ID → where to redirect instead of the archive
	useArchive    bool              // redirect to the archive server rather than the API's own path
	planRequests  map[string]int
	callbacks     map[string][]callback // task result ID → callbacks received
	callbackFails map[string][]int      // task result ID → statuses to answer before 200
	truncate      map[string]bool       // plan ID → break the download off half way
	leaks         []string              // protocol violations seen (token sent to the archive…)
	light         bool                  // keep only each callback's status, not its body (load tests)
	archiveHits   atomic.Int64
}

type callback struct {
	status int // what the fake answered
	body   []byte
	doc    callbackBody
}

func newFakeTFC(tb testing.TB) *fakeTFC {
	tb.Helper()
	f := &fakeTFC{
		plans:         map[string][]byte{},
		planStatus:    map[string]int{},
		redirectTo:    map[string]string{},
		planRequests:  map[string]int{},
		callbacks:     map[string][]callback{},
		callbackFails: map[string][]int{},
		truncate:      map[string]bool{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/plans/{id}/json-output", f.jsonOutput)
	mux.HandleFunc("GET /_archivist/v1/object/{id}", f.object)
	mux.HandleFunc("PATCH /api/v2/task-results/{id}/callback", f.callback)
	f.api = httptest.NewServer(mux)
	tb.Cleanup(f.api.Close)
	amux := http.NewServeMux()
	amux.HandleFunc("GET /v1/object/{id}", func(w http.ResponseWriter, r *http.Request) {
		f.archiveHits.Add(1)
		if r.Header.Get("Authorization") != "" {
			f.leak("the run's token was sent to the archive host")
		}
		f.serveObject(w, r)
	})
	f.archive = httptest.NewServer(amux)
	tb.Cleanup(f.archive.Close)
	return f
}

func (f *fakeTFC) leak(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.leaks = append(f.leaks, s)
}

func (f *fakeTFC) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bearer "+testToken {
		w.Header().Set("Content-Type", jsonAPIMediaType)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"errors":[{"status":"401","title":"unauthorized"}]}`)
		return false
	}
	return true
}

func (f *fakeTFC) jsonOutput(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	f.mu.Lock()
	f.planRequests[id]++
	status, forced := f.planStatus[id]
	target, redirect := f.redirectTo[id]
	useArchive := f.useArchive
	f.mu.Unlock()
	if !f.authorized(w, r) {
		return
	}
	if forced {
		w.WriteHeader(status)
		return
	}
	if !redirect {
		// The temporary URL carries its own authorisation, as archivist's do.
		target = f.api.URL + "/_archivist/v1/object/" + id + "?sig=temporary-url-credential"
		if useArchive {
			target = f.archive.URL + "/v1/object/" + id + "?sig=temporary-url-credential"
		}
	}
	http.Redirect(w, r, target, http.StatusTemporaryRedirect)
}

func (f *fakeTFC) object(w http.ResponseWriter, r *http.Request) {
	f.serveObject(w, r)
}

func (f *fakeTFC) serveObject(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if r.URL.Query().Get("sig") != "temporary-url-credential" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	f.mu.Lock()
	plan, ok := f.plans[id]
	cut := f.truncate[id]
	f.mu.Unlock()
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if cut {
		// Promise the whole plan, send half, and hang up.
		w.Header().Set("Content-Length", fmt.Sprint(len(plan)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(plan[:len(plan)/2])
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
			}
		}
		return
	}
	_, _ = w.Write(plan)
}

func (f *fakeTFC) callback(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, _ := io.ReadAll(r.Body)
	if !f.authorized(w, r) {
		f.record(id, callback{status: http.StatusUnauthorized, body: body})
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != jsonAPIMediaType {
		f.leak("callback Content-Type " + ct)
	}
	var doc callbackBody
	if err := json.Unmarshal(body, &doc); err != nil {
		f.leak("callback body is not JSON")
	}
	f.mu.Lock()
	status := http.StatusOK
	if fails := f.callbackFails[id]; len(fails) > 0 {
		status, f.callbackFails[id] = fails[0], fails[1:]
	}
	light := f.light
	f.mu.Unlock()
	if light {
		body, doc.Data.Relationships = nil, nil
	}
	f.record(id, callback{status: status, body: body, doc: doc})
	w.WriteHeader(status)
}

func (f *fakeTFC) record(id string, c callback) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.callbacks[id] = append(f.callbacks[id], c)
}

// edit changes the fake's behavior under its lock.
func (f *fakeTFC) edit(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn()
}

func (f *fakeTFC) setPlan(id string, plan []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.plans[id] = plan
}

// calls returns the callbacks received for a task result.
func (f *fakeTFC) calls(id string) []callback {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]callback(nil), f.callbacks[id]...)
}

// delivered returns the callbacks the fake accepted (2xx) for a task result.
func (f *fakeTFC) delivered(id string) []callback {
	var ok []callback
	for _, c := range f.calls(id) {
		if c.status/100 == 2 {
			ok = append(ok, c)
		}
	}
	return ok
}

func (f *fakeTFC) checkNoLeaks(tb testing.TB) {
	tb.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, l := range f.leaks {
		tb.Errorf("fake Terraform API saw a protocol violation: %s", l)
	}
}

// spy is a server that must never be contacted.
func spy(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"resource_changes":[]}`)
	}))
	t.Cleanup(s.Close)
	return s, &hits
}

// fakeScanner judges plans of the shape
// {"resource_changes":[{"address":"…","change":{"after":{…}}}]}: every
// resource whose address contains "outside" is a SOV003 finding. It reads
// the whole plan, as a real scanner does.
type fakeScanner struct {
	calls atomic.Int64
	// block, when set, is waited on before answering (or ctx, whichever
	// ends first).
	block chan struct{}
	// entered is signaled when a scan starts.
	entered chan struct{}
	runs    sync.Map // run ID → Run
}

type fakePlan struct {
	ResourceChanges []struct {
		Address string `json:"address"`
	} `json:"resource_changes"`
}

func (s *fakeScanner) ScanPlan(ctx context.Context, run Run, plan io.Reader) (Verdict, error) {
	s.calls.Add(1)
	s.runs.Store(run.ID, run)
	if s.entered != nil {
		s.entered <- struct{}{}
	}
	if s.block != nil {
		select {
		case <-s.block:
		case <-ctx.Done():
			return Verdict{}, ctx.Err()
		}
	}
	data, err := io.ReadAll(plan)
	if err != nil {
		return Verdict{}, err
	}
	var p fakePlan
	if err := json.Unmarshal(data, &p); err != nil {
		if syn, ok := errors.AsType[*json.SyntaxError](err); ok {
			return Verdict{}, fmt.Errorf("plan.json: malformed JSON at byte %d", syn.Offset)
		}
		return Verdict{}, errors.New("plan.json: not a plan")
	}
	var v Verdict
	for _, rc := range p.ResourceChanges {
		if strings.Contains(rc.Address, "outside") {
			v.Outcomes = append(v.Outcomes, Outcome{
				Rule: "SOV003", Severity: "error", Level: LevelError,
				Address: rc.Address, Message: "region us-east-1 is outside the EU",
				Details: "Move the resource to an EU region.",
				URL:     "https://example.org/catalog/aws",
			})
		}
	}
	v.Status = StatusPassed
	v.Message = fmt.Sprintf("%d resources checked, no finding", len(p.ResourceChanges))
	if len(v.Outcomes) > 0 {
		v.Status = StatusFailed
		v.Message = fmt.Sprintf("%d findings", len(v.Outcomes))
	}
	return v, nil
}

// planJSON is a plan with the given addresses, each holding a secret
// attribute value.
func planJSON(addresses ...string) []byte {
	var b bytes.Buffer
	b.WriteString(`{"format_version":"1.2","resource_changes":[`)
	for i, a := range addresses {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"address":%q,"change":{"actions":["create"],"after":{"password":%q}}}`, a, planSecret)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// syncBuffer is a log sink shared by goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newTestLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }

// harness is a run task server wired to a fake Terraform API.
type harness struct {
	t       testing.TB
	tfc     *fakeTFC
	scanner *fakeScanner
	srv     *Server
	base    string // the run task server's URL
	client  *http.Client
	logs    *syncBuffer
}

func newHarness(t *testing.T, tune func(*Config)) *harness {
	t.Helper()
	return newHarnessTFC(t, func(c *Config, _ *fakeTFC) {
		if tune != nil {
			tune(c)
		}
	})
}

// newHarnessTFC is newHarness with the fake API at hand to tune the
// configuration.
func newHarnessTFC(t *testing.T, tune func(*Config, *fakeTFC)) *harness {
	t.Helper()
	tfc := newFakeTFC(t)
	logs := &syncBuffer{}
	sc := &fakeScanner{}
	cfg := Config{
		TerraformURL:    tfc.api.URL,
		HMACKey:         []byte(testHMACKey),
		Scanner:         sc,
		Logger:          newTestLogger(logs),
		RetryBackoff:    time.Millisecond,
		RunTimeout:      30 * time.Second,
		CallbackReserve: 5 * time.Second,
	}
	tune(&cfg, tfc)
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &harness{t: t, tfc: tfc, scanner: sc, srv: srv, logs: logs, base: ts.URL, client: ts.Client()}
}

// payload is a post_plan request for run id, plan id and task result id.
func (h *harness) payload(id string, edit func(map[string]any)) []byte {
	h.t.Helper()
	p := map[string]any{
		"payload_version":               1,
		"stage":                         "post_plan",
		"access_token":                  testToken,
		"capabilities":                  map[string]any{"outcomes": true},
		"is_speculative":                false,
		"organization_name":             "ministere",
		"workspace_name":                "prod-" + id,
		"workspace_id":                  "ws-" + id,
		"run_id":                        "run-" + id,
		"run_created_by":                "alice",
		"task_result_id":                "taskrs-" + id,
		"task_result_enforcement_level": "mandatory",
		"task_result_callback_url":      h.tfc.api.URL + "/api/v2/task-results/" + id + "/callback",
		"plan_json_api_url":             h.tfc.api.URL + "/api/v2/plans/plan-" + id + "/json-output",
		"vcs_pull_request_url":          nil,
	}
	if edit != nil {
		edit(p)
	}
	b, err := json.Marshal(p)
	if err != nil {
		h.t.Fatal(err)
	}
	return b
}

// post sends body signed with the test key (or with sig when not nil) and
// returns the status.
func (h *harness) post(body []byte, sig *string) int {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.base+"/", bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "TFC/1.0 (+https://app.terraform.io; TFC)")
	if sig == nil {
		req.Header.Set("X-TFC-Task-Signature", Sign([]byte(testHMACKey), body))
	} else if *sig != "" {
		req.Header.Set("X-TFC-Task-Signature", *sig)
	}
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode
}

// wait drains the server: every accepted run has been called back when it
// returns.
func (h *harness) wait() {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := h.srv.Drain(ctx); err != nil {
		h.t.Fatal(err)
	}
}

// metricsText scrapes /metrics.
func (h *harness) metricsText() string {
	h.t.Helper()
	resp, err := h.client.Get(h.base + "/metrics")
	if err != nil {
		h.t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// checkNoSecrets fails if a planted secret shows in the logs or metrics.
func (h *harness) checkNoSecrets() {
	h.t.Helper()
	for name, text := range map[string]string{"logs": h.logs.String(), "metrics": h.metricsText()} {
		for _, secret := range []string{testToken, testHMACKey, planSecret, "temporary-url-credential"} {
			if strings.Contains(text, secret) {
				h.t.Errorf("%s contain the secret %q:\n%s", name, secret, text)
			}
		}
	}
	h.tfc.checkNoLeaks(h.t)
}

// logLines decodes the JSON log lines with the given msg.
func (h *harness) logLines(msg string) []map[string]any {
	h.t.Helper()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(h.logs.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			h.t.Fatalf("log line is not JSON: %q", line)
		}
		if m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}
