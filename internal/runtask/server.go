// Package runtask serves the HCP Terraform / Terraform Enterprise run task
// protocol: it verifies a signed run task request, answers at once, then
// downloads the run's plan JSON, has a Scanner judge it and PATCHes the
// verdict back to the Terraform API.
//
// The package knows nothing of how plans are judged: the Scanner is a value
// given by the caller, who may pick a policy per organization or workspace
// from the Run it is handed.
package runtask

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// Scanner judges one plan. It reads the plan JSON from plan (which may end
// with an error if the download breaks off) and returns the verdict; an
// error means the plan could not be checked. Its error text is shown to
// the run's users and must not quote plan values; it is never logged.
// ScanPlan is called from many goroutines at once.
type Scanner interface {
	ScanPlan(ctx context.Context, run Run, plan io.Reader) (Verdict, error)
}

// ScannerFunc adapts a function to Scanner.
type ScannerFunc func(ctx context.Context, run Run, plan io.Reader) (Verdict, error)

// ScanPlan calls f.
func (f ScannerFunc) ScanPlan(ctx context.Context, run Run, plan io.Reader) (Verdict, error) {
	return f(ctx, run, plan)
}

// DefaultTerraformURL is HCP Terraform's API host.
const DefaultTerraformURL = "https://app.terraform.io"

// defaultArchives are the hosts the API is documented to redirect plan
// downloads to: HCP Terraform serves them from archivist.terraform.io
// (Plans API reference, "Retrieve the JSON execution plan"); Terraform
// Enterprise serves its archive from its own host.
var defaultArchives = map[string][]string{
	"https://app.terraform.io": {"https://archivist.terraform.io"},
}

// Config sets up a Server. TerraformURL, HMACKey and Scanner are required.
type Config struct {
	// TerraformURL is the base URL of the Terraform API the run tasks come
	// from (https://app.terraform.io, or a Terraform Enterprise host).
	// Plan and callback URLs must be under it.
	TerraformURL string
	// ArchiveURLs are further base URLs a plan download may be redirected
	// to. When nil, the documented archive of HCP Terraform is allowed
	// with https://app.terraform.io, and nothing else.
	ArchiveURLs []string
	// HMACKey is the key the run task was registered with; every request
	// must carry its HMAC-SHA512 signature.
	HMACKey []byte
	// Scanner judges the plans.
	Scanner Scanner
	// FailOpen makes a plan that cannot be downloaded or read pass with a
	// warning instead of failing.
	FailOpen bool

	// MaxRequestBytes bounds a run task request body (default 256 KiB).
	MaxRequestBytes int64
	// MaxPlanBytes bounds a plan download (default 512 MiB).
	MaxPlanBytes int64
	// MaxConcurrentScans bounds the plans downloaded and scanned at once
	// (default: the number of CPUs).
	MaxConcurrentScans int
	// MaxRuns bounds the runs accepted and not yet called back; a request
	// beyond it is answered 503, which HCP Terraform retries (default 1024).
	MaxRuns int
	// RunTimeout is the time from accepting a run to its callback; the
	// protocol errors a task that has not reported within 10 minutes
	// (default 9 minutes).
	RunTimeout time.Duration
	// CallbackReserve is the part of RunTimeout kept for calling back
	// after a scan that runs long (default a fifth of RunTimeout, at most
	// 1 minute).
	CallbackReserve time.Duration
	// MaxOutcomes bounds the outcomes of one result (default
	// DefaultMaxOutcomes).
	MaxOutcomes int
	// RetryBackoff is the first delay before retrying a download or a
	// callback; it doubles each attempt (default 500 ms).
	RetryBackoff time.Duration
	// AbortGrace is how long runs cut short by a shutdown get to report
	// that they were (default 10 s).
	AbortGrace time.Duration
	// Logger receives one line per run and per refused request (default:
	// JSON on standard error).
	Logger *slog.Logger
	// Transport makes the outgoing requests (default: a clone of
	// http.DefaultTransport).
	Transport http.RoundTripper
	// SeparateMetrics leaves /metrics out of Handler, for serving
	// MetricsHandler on another (private) listener.
	SeparateMetrics bool
}

// Server is a run task endpoint. It is stateless: runs live only between
// their request and their callback, so replicas can share the traffic.
type Server struct {
	cfg     Config
	scanner Scanner
	api     *apiClient
	metrics *metrics
	log     *slog.Logger
	slots   chan struct{} // one token per concurrent scan

	// abortCtx is canceled when a shutdown runs out of time: the runs
	// still going stop and report that they were cut short.
	abortCtx context.Context
	abort    context.CancelFunc

	mu       sync.Mutex
	active   int
	draining bool
	idle     chan struct{} // closed when draining and no run is left
	idleOnce sync.Once
}

// New checks cfg and returns a Server.
func New(cfg Config) (*Server, error) {
	if len(cfg.HMACKey) == 0 {
		return nil, errors.New("runtask: no HMAC key: run tasks must be registered with one and the server given the same")
	}
	if cfg.Scanner == nil {
		return nil, errors.New("runtask: no scanner")
	}
	if cfg.TerraformURL == "" {
		cfg.TerraformURL = DefaultTerraformURL
	}
	api, err := parseOrigin(cfg.TerraformURL)
	if err != nil {
		return nil, fmt.Errorf("runtask: Terraform URL %w", err)
	}
	if cfg.ArchiveURLs == nil {
		cfg.ArchiveURLs = defaultArchives[api.String()]
	}
	var archives []origin
	for _, raw := range cfg.ArchiveURLs {
		o, err := parseOrigin(raw)
		if err != nil {
			return nil, fmt.Errorf("runtask: archive URL %w", err)
		}
		archives = append(archives, o)
	}
	setDefault(&cfg.MaxRequestBytes, 256<<10)
	setDefault(&cfg.MaxPlanBytes, 512<<20)
	setDefault(&cfg.MaxConcurrentScans, runtime.GOMAXPROCS(0))
	setDefault(&cfg.MaxRuns, 1024)
	setDefault(&cfg.RunTimeout, 9*time.Minute)
	setDefault(&cfg.CallbackReserve, min(time.Minute, cfg.RunTimeout/5))
	setDefault(&cfg.MaxOutcomes, DefaultMaxOutcomes)
	setDefault(&cfg.RetryBackoff, 500*time.Millisecond)
	setDefault(&cfg.AbortGrace, 10*time.Second)
	if cfg.CallbackReserve >= cfg.RunTimeout {
		return nil, errors.New("runtask: the callback reserve must be shorter than the run timeout")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	if cfg.Transport == nil {
		t, ok := http.DefaultTransport.(*http.Transport)
		if !ok {
			return nil, errors.New("runtask: http.DefaultTransport was replaced; give Config.Transport")
		}
		t = t.Clone()
		t.MaxIdleConnsPerHost = 64
		t.ResponseHeaderTimeout = time.Minute
		cfg.Transport = t
	}
	s := &Server{
		cfg:     cfg,
		scanner: cfg.Scanner,
		api:     newAPIClient([]origin{api}, archives, cfg.MaxPlanBytes, cfg.Transport),
		metrics: newMetrics(),
		log:     cfg.Logger,
		slots:   make(chan struct{}, cfg.MaxConcurrentScans),
		idle:    make(chan struct{}),
	}
	s.api.backoff = cfg.RetryBackoff
	s.abortCtx, s.abort = context.WithCancel(context.Background())
	return s, nil
}

func setDefault[T int | int64 | time.Duration](v *T, d T) {
	if *v <= 0 {
		*v = d
	}
}

// MetricsHandler serves the Prometheus metrics.
func (s *Server) MetricsHandler() http.Handler { return s.metrics.handler() }

// Handler serves the run task protocol on POST to any path, and
// GET /healthz, /readyz and (unless SeparateMetrics) /metrics.
func (s *Server) Handler() http.Handler {
	metrics := s.metrics.handler()
	if s.cfg.SeparateMetrics {
		metrics = http.NotFoundHandler()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			s.handleRun(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.metrics.requests.WithLabelValues(reqMethod).Inc()
			w.Header().Set("Allow", "GET, HEAD, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch r.URL.Path {
		case "/healthz":
			_, _ = io.WriteString(w, "ok\n")
		case "/readyz":
			if s.isDraining() {
				http.Error(w, "shutting down", http.StatusServiceUnavailable)
				return
			}
			_, _ = io.WriteString(w, "ready\n")
		case "/metrics":
			metrics.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// handleRun checks a run task request and, when it holds a run to check,
// answers 200 and checks it in the background. Nothing is read from the
// body before its signature is verified.
func (s *Server) handleRun(w http.ResponseWriter, r *http.Request) {
	refuse := func(code int, result, reason string, attrs ...any) {
		s.metrics.requests.WithLabelValues(result).Inc()
		// Turning runs away when full or stopping is the back pressure
		// HCP Terraform's retries expect, not a problem: info, not warn.
		level := slog.LevelWarn
		if result == reqBusy {
			level = slog.LevelInfo
		}
		s.log.Log(r.Context(), level, "request refused", append([]any{"status", code, "reason", reason, "remote", r.RemoteAddr}, attrs...)...)
		if code == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "5")
		}
		http.Error(w, reason, code)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxRequestBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			refuse(http.StatusRequestEntityTooLarge, reqTooLarge, fmt.Sprintf("request body larger than %d bytes", s.cfg.MaxRequestBytes))
			return
		}
		refuse(http.StatusBadRequest, reqMalformed, "request body could not be read")
		return
	}
	sig := r.Header.Get(signatureHeader)
	if sig == "" {
		refuse(http.StatusUnauthorized, reqUnauthorized, "missing "+signatureHeader)
		return
	}
	if !validSignature(s.cfg.HMACKey, body, sig) {
		refuse(http.StatusUnauthorized, reqUnauthorized, "invalid "+signatureHeader)
		return
	}
	p, err := parsePayload(body)
	if err != nil {
		refuse(http.StatusBadRequest, reqMalformed, err.Error())
		return
	}
	if p.isVerification() {
		s.metrics.requests.WithLabelValues(reqVerification).Inc()
		s.log.Info("verification request", "organization", p.OrganizationName, "remote", r.RemoteAddr)
		w.WriteHeader(http.StatusOK)
		return
	}
	if !knownStage(p.Stage) {
		refuse(http.StatusUnprocessableEntity, reqUnsupported, "unknown stage", "run_id", p.RunID)
		return
	}
	if p.AccessToken == "" {
		refuse(http.StatusUnprocessableEntity, reqMalformed, "no access_token", "run_id", p.RunID)
		return
	}
	if err := s.api.api.check(p.TaskResultCallbackURL); err != nil {
		// Without a callback URL that may be called there is nobody to
		// tell: refuse, so the task errors on the run instead of hanging.
		refuse(http.StatusUnprocessableEntity, reqBadURL, "task_result_callback_url is not under the configured Terraform URL", "run_id", p.RunID)
		return
	}
	if !s.begin() {
		if s.isDraining() {
			refuse(http.StatusServiceUnavailable, reqBusy, "shutting down", "run_id", p.RunID)
		} else {
			refuse(http.StatusServiceUnavailable, reqBusy, "too many runs in flight", "run_id", p.RunID)
		}
		return
	}
	s.metrics.requests.WithLabelValues(reqAccepted).Inc()
	s.metrics.inFlight.Inc()
	go s.process(p, time.Now())
	w.WriteHeader(http.StatusOK)
}

// begin counts a run in, unless the server is draining or full.
func (s *Server) begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.draining || s.active >= s.cfg.MaxRuns {
		return false
	}
	s.active++
	return true
}

// end counts a run out.
func (s *Server) end() {
	s.metrics.inFlight.Dec()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.active--
	if s.draining && s.active == 0 {
		s.idleOnce.Do(func() { close(s.idle) })
	}
}

func (s *Server) isDraining() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.draining
}

// InFlight is the number of runs accepted and not yet called back.
func (s *Server) InFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}

// Drain stops accepting runs (POSTs get 503, /readyz turns 503) and waits
// for the runs in flight to be called back. When ctx ends first, the runs
// left are stopped and report failure ("re-run"); Drain waits AbortGrace
// for those reports and returns an error saying how many were cut short.
func (s *Server) Drain(ctx context.Context) error {
	s.mu.Lock()
	s.draining = true
	left := s.active
	if left == 0 {
		s.idleOnce.Do(func() { close(s.idle) })
	}
	s.mu.Unlock()
	if left > 0 {
		s.log.Info("draining", "in_flight", left)
	}
	select {
	case <-s.idle:
		return nil
	case <-ctx.Done():
	}
	cut := s.InFlight()
	s.abort()
	t := time.NewTimer(s.cfg.AbortGrace + time.Second)
	defer t.Stop()
	select {
	case <-s.idle:
	case <-t.C:
	}
	return fmt.Errorf("runtask: shutdown grace ended with %d runs in flight; they were stopped and reported failed", cut)
}

// Serve serves on ln until ctx ends, then shuts down gracefully: it stops
// accepting requests, lets the requests and runs in flight finish within
// grace, and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "in_flight", s.InFlight(), "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	s.mu.Lock()
	s.draining = true // refuse runs while the listener closes
	s.mu.Unlock()
	herr := hs.Shutdown(sctx)
	derr := s.Drain(sctx)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("runtask: %w", err)
	}
	if derr != nil {
		return derr
	}
	if herr != nil {
		return fmt.Errorf("runtask: %w", herr)
	}
	s.log.Info("stopped")
	return nil
}

// process checks one run and calls back, whatever happens.
func (s *Server) process(p *payload, received time.Time) {
	defer s.end()
	run := p.run()
	deadline := received.Add(s.cfg.RunTimeout)
	ctx, cancel := context.WithDeadline(s.abortCtx, deadline)
	defer cancel()

	res := s.check(ctx, p, run)
	if s.abortCtx.Err() != nil && res.step != "" {
		res = s.failure(stepScan, "the sovlint server stopped before the check finished; re-run the plan")
	}

	// The callback is not cut by an abort, only by the run's deadline (or
	// AbortGrace after an abort): the result must reach the run.
	cbCtx, cbCancel := context.WithDeadline(context.WithoutCancel(ctx), deadline)
	defer cbCancel()
	stop := context.AfterFunc(s.abortCtx, func() { time.AfterFunc(s.cfg.AbortGrace, cbCancel) })
	defer stop()
	attempts, cbErr := s.callBack(cbCtx, p, res.verdict)

	dur := time.Since(received)
	verdict := string(res.verdict.Status)
	s.metrics.runs.WithLabelValues(verdict, strconv.FormatBool(res.step != "")).Inc()
	s.metrics.runSeconds.WithLabelValues(verdict).Update(dur.Seconds())
	if res.step != "" {
		s.metrics.errors.WithLabelValues(res.step).Inc()
	}
	attrs := []any{
		"run_id", run.ID,
		"task_result_id", run.TaskResultID,
		"organization", run.Organization,
		"workspace", run.Workspace,
		"stage", run.Stage,
		"verdict", verdict,
		"outcomes", len(res.verdict.Outcomes),
		"duration_ms", dur.Milliseconds(),
		"scan_ms", res.scanTime.Milliseconds(),
		"plan_bytes", res.planBytes,
		"callback_attempts", attempts,
	}
	if res.step != "" {
		attrs = append(attrs, "error_step", res.step, "error", res.logMsg)
	}
	if cbErr != nil {
		s.metrics.errors.WithLabelValues(stepCallback).Inc()
		s.log.Error("run not reported", append(attrs, "callback_error", cbErr.Error())...)
		return
	}
	s.log.Info("run", attrs...)
}

// result is the outcome of checking a run, before the callback.
type result struct {
	verdict   Verdict
	step      string // the step that failed, "" when the plan was checked
	logMsg    string // what failed, safe to log
	scanTime  time.Duration
	planBytes int64
}

// check downloads and scans the run's plan.
func (s *Server) check(ctx context.Context, p *payload, run Run) (res result) {
	if !scansPlan(p.Stage) {
		return result{verdict: Verdict{
			Status:  StatusFailed,
			Message: fmt.Sprintf("sovlint checks plans before they are applied: attach the run task at the post-plan or pre-apply stage, not %s", p.Stage),
		}}
	}
	if p.PlanJSONAPIURL == "" {
		return s.failure(stepDownload, "the run task request has no plan_json_api_url")
	}
	// The scan must end early enough to leave time for the callback.
	scanCtx, cancel := context.WithDeadline(ctx, deadlineOf(ctx).Add(-s.cfg.CallbackReserve))
	defer cancel()
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-scanCtx.Done():
		return s.failure(stepScan, "no scanner was free before the time limit")
	}
	start := time.Now()
	defer func() {
		res.scanTime = time.Since(start)
		s.metrics.scanSeconds.Update(res.scanTime.Seconds())
	}()

	body, err := s.api.openPlan(scanCtx, p.PlanJSONAPIURL, p.AccessToken)
	if err != nil {
		return s.failure(stepDownload, err.Error())
	}
	defer func() { _ = body.Close() }()

	v, err := s.scan(scanCtx, run, body)
	res.planBytes = body.n
	s.metrics.planBytes.Update(float64(body.n))
	switch {
	case errors.Is(body.readErr, errPlanTooLarge):
		return s.failure(stepDownload, fmt.Sprintf("the plan is larger than the server's limit of %d MiB", s.cfg.MaxPlanBytes>>20))
	case body.readErr != nil:
		r := s.failure(stepDownload, fmt.Sprintf("the plan download broke off after %d bytes", body.n))
		r.planBytes = body.n
		return r
	case scanCtx.Err() != nil && err != nil:
		return s.failure(stepScan, "the scan did not finish within the time limit")
	case err != nil:
		// The scanner's text goes to the run's users, who can read the
		// plan anyway; the log only says that the plan could not be read.
		r := s.failure(stepScan, "the plan could not be read: "+err.Error())
		r.logMsg = "the plan could not be read"
		r.planBytes = body.n
		return r
	}
	if v.Status != StatusPassed && v.Status != StatusFailed {
		return s.failure(stepScan, "the scanner returned no verdict")
	}
	res.verdict = v
	return res
}

// scan runs the scanner, turning a panic into an error so that one bad
// plan cannot take the server and every run in flight down with it.
func (s *Server) scan(ctx context.Context, run Run, plan io.Reader) (v Verdict, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("scanner panic", "run_id", run.ID, "panic", fmt.Sprint(r))
			err = errors.New("internal error in the scanner")
		}
	}()
	return s.scanner.ScanPlan(ctx, run, plan)
}

// failure is the verdict for a run that could not be checked: failed, or
// passed with a warning when the operator chose to fail open.
func (s *Server) failure(step, msg string) result {
	v := Verdict{Status: StatusFailed, Message: "sovlint could not check this plan: " + msg}
	if s.cfg.FailOpen {
		v = Verdict{Status: StatusPassed, Message: "Warning: not checked, passed because the server fails open: " + msg}
	}
	return result{verdict: v, step: step, logMsg: msg}
}

// callBack PATCHes the verdict. If the API refuses the outcomes (422), the
// verdict is sent once more without them, so the run still gets it.
func (s *Server) callBack(ctx context.Context, p *payload, v Verdict) (int, error) {
	body, err := encodeResult(v, p.Capabilities.Outcomes, s.cfg.MaxOutcomes)
	if err != nil {
		return 0, fmt.Errorf("encoding the result: %w", err)
	}
	attempts, err := s.api.patchResult(ctx, p.TaskResultCallbackURL, p.AccessToken, body)
	s.countCallbacks(attempts, err)
	var se *statusError
	if err != nil && p.Capabilities.Outcomes && len(v.Outcomes) > 0 &&
		errors.As(err, &se) && se.code == http.StatusUnprocessableEntity {
		v.Message += " (the Terraform API refused the detailed outcomes)"
		body, _ = encodeResult(v, false, 0)
		more, err2 := s.api.patchResult(ctx, p.TaskResultCallbackURL, p.AccessToken, body)
		s.countCallbacks(more, err2)
		return attempts + more, err2
	}
	return attempts, err
}

func (s *Server) countCallbacks(attempts int, err error) {
	ok := 0
	if err == nil && attempts > 0 {
		ok = 1
	}
	s.metrics.callbacks.WithLabelValues("ok").Add(ok)
	s.metrics.callbacks.WithLabelValues("error").Add(attempts - ok)
}

func deadlineOf(ctx context.Context) time.Time {
	d, ok := ctx.Deadline()
	if !ok {
		return time.Now().Add(time.Hour)
	}
	return d
}
