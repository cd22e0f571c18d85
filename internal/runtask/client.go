package runtask

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"
)

// apiClient talks to the Terraform API on behalf of runs: it downloads plan
// JSON and PATCHes task results. Every URL it is handed or redirected to
// is checked against the configured origins first, so a payload cannot
// make the server reach any other address.
type apiClient struct {
	http      *http.Client
	api       allowList // the Terraform API: plan and callback URLs
	redirects allowList // where a plan download may be redirected: the API and its archives
	maxPlan   int64
	attempts  int           // download attempts before giving up
	backoff   time.Duration // first retry delay; doubles each time
	maxDelay  time.Duration // longest delay between attempts
	userAgent string
}

// errRedirect is a plan download redirected outside the allowed origins.
var errRedirect = errors.New("redirect outside the allowed URLs")

// errPlanTooLarge is a plan larger than the configured limit.
var errPlanTooLarge = errors.New("plan too large")

func newAPIClient(api, archives []origin, maxPlan int64, transport http.RoundTripper) *apiClient {
	c := &apiClient{
		api:       api,
		redirects: append(append(allowList{}, api...), archives...),
		maxPlan:   maxPlan,
		attempts:  3,
		backoff:   500 * time.Millisecond,
		maxDelay:  20 * time.Second,
		userAgent: "sovlint-runtask",
	}
	c.http = &http.Client{Transport: transport, CheckRedirect: c.checkRedirect}
	return c
}

// checkRedirect follows the API's redirect to the plan's temporary archive
// URL when it is under an allowed origin. The run's token goes only to the
// Terraform API itself: an archive URL carries its own authorisation.
func (c *apiClient) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return fmt.Errorf("%w: too many redirects", errRedirect)
	}
	if !c.redirects.allows(req.URL) {
		return errRedirect
	}
	if !c.api.allows(req.URL) {
		req.Header.Del("Authorization")
	}
	return nil
}

// runError is a failure to talk to the Terraform API, with a message safe
// to show the run's users and to log: it names no URL and no token.
type runError struct {
	msg   string
	retry bool // worth another attempt
}

func (e *runError) Error() string { return e.msg }

// openPlan requests the plan JSON and returns its body, limited to maxPlan
// bytes. Transient failures (network, 429, 5xx) are retried a few times.
func (c *apiClient) openPlan(ctx context.Context, planURL, token string) (*planBody, error) {
	if err := c.api.check(planURL); err != nil {
		return nil, &runError{msg: "the plan URL is not under the configured Terraform URL"}
	}
	var last error
	for attempt := range c.attempts {
		if attempt > 0 {
			if err := sleep(ctx, c.delay(attempt, 0)); err != nil {
				break
			}
		}
		body, err := c.getPlan(ctx, planURL, token)
		if err == nil {
			return body, nil
		}
		last = err
		var re *runError
		if !errors.As(err, &re) || !re.retry {
			return nil, err
		}
	}
	if last == nil {
		last = &runError{msg: "the plan download timed out"}
	}
	return nil, last
}

func (c *apiClient) getPlan(ctx context.Context, planURL, token string) (*planBody, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, planURL, http.NoBody)
	if err != nil {
		return nil, &runError{msg: "the plan URL is not a valid URL"}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", jsonAPIMediaType)
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, requestError("plan download", err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
		return &planBody{rc: resp.Body, left: c.maxPlan}, nil
	case http.StatusNoContent:
		drain(resp.Body)
		return nil, &runError{msg: "the Terraform API has no JSON plan for this run yet (HTTP 204)", retry: true}
	default:
		drain(resp.Body)
		return nil, &runError{
			msg:   fmt.Sprintf("the Terraform API refused the plan download (HTTP %d)", resp.StatusCode),
			retry: retryable(resp.StatusCode),
		}
	}
}

// patchResult sends a task result, retrying transient failures with
// exponential backoff (and the API's Retry-After) until ctx ends. It
// returns the number of attempts made.
func (c *apiClient) patchResult(ctx context.Context, callbackURL, token string, body []byte) (int, error) {
	if err := c.api.check(callbackURL); err != nil {
		return 0, &runError{msg: "the callback URL is not under the configured Terraform URL"}
	}
	var last error
	attempts := 0
	for {
		attempts++
		retryAfter, err := c.patchOnce(ctx, callbackURL, token, body)
		if err == nil {
			return attempts, nil
		}
		last = err
		var re *runError
		if !errors.As(err, &re) || !re.retry {
			return attempts, err
		}
		if sleep(ctx, c.delay(attempts, retryAfter)) != nil {
			return attempts, fmt.Errorf("%w (gave up after %d attempts: out of time)", last, attempts)
		}
	}
}

func (c *apiClient) patchOnce(ctx context.Context, callbackURL, token string, body []byte) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, callbackURL, bytes.NewReader(body))
	if err != nil {
		return 0, &runError{msg: "the callback URL is not a valid URL"}
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", jsonAPIMediaType)
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, requestError("callback", err)
	}
	drain(resp.Body)
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return 0, nil
	}
	return retryAfter(resp), &statusError{
		runError: runError{
			msg:   fmt.Sprintf("the Terraform API refused the task result (HTTP %d)", resp.StatusCode),
			retry: retryable(resp.StatusCode),
		},
		code: resp.StatusCode,
	}
}

// statusError is a runError from an HTTP status.
type statusError struct {
	runError
	code int
}

func (e *statusError) Unwrap() error { return &e.runError }

func retryable(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests || code >= 500
}

// delay is the wait before attempt n+1: exponential with jitter, at least
// what the server asked for, at most maxDelay.
func (c *apiClient) delay(n int, asked time.Duration) time.Duration {
	d := c.backoff << min(n-1, 16)
	d = d/2 + rand.N(d/2+1) //nolint:gosec // jitter, not a secret
	d = max(d, asked)
	return min(d, c.maxDelay)
}

func retryAfter(resp *http.Response) time.Duration {
	s, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if err != nil || s < 0 {
		return 0
	}
	return time.Duration(s) * time.Second
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// requestError describes a failed request without the URL, which
// net/http's errors quote in full (and an archive URL is a credential).
func requestError(what string, err error) error {
	var (
		dns  *net.DNSError
		op   *net.OpError
		cert *tls.CertificateVerificationError
	)
	switch {
	case errors.Is(err, errRedirect):
		return &runError{msg: "the Terraform API redirected the " + what + " to a URL outside the configured Terraform and archive URLs"}
	case errors.Is(err, context.DeadlineExceeded):
		return &runError{msg: "the " + what + " timed out"}
	case errors.Is(err, context.Canceled):
		return &runError{msg: "the " + what + " was canceled (the server is stopping)"}
	case errors.As(err, &cert):
		return &runError{msg: "the " + what + " failed: the Terraform API's TLS certificate did not verify"}
	case errors.As(err, &dns):
		return &runError{msg: "the " + what + " failed: the Terraform API's host name did not resolve", retry: true}
	case errors.As(err, &op):
		return &runError{msg: "the " + what + " failed: could not connect to the Terraform API", retry: true}
	default:
		return &runError{msg: "the " + what + " failed: the connection to the Terraform API broke", retry: true}
	}
}

// drain reads a little of an unwanted body so the connection can be reused.
func drain(rc io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, rc, 64<<10)
	_ = rc.Close()
}

// planBody is a downloaded plan, cut off with errPlanTooLarge past the
// limit. It remembers whether reading failed, so a truncated download is
// reported as a download failure rather than as a bad plan.
type planBody struct {
	rc      io.ReadCloser
	left    int64
	n       int64
	readErr error
}

func (p *planBody) Read(b []byte) (int, error) {
	if p.readErr != nil {
		return 0, p.readErr
	}
	if p.left <= 0 {
		// One byte past the limit tells a plan of exactly the limit from a
		// larger one.
		var one [1]byte
		n, err := p.rc.Read(one[:])
		if n > 0 {
			p.readErr = errPlanTooLarge
			return 0, p.readErr
		}
		if err != nil && !errors.Is(err, io.EOF) {
			p.readErr = err
		}
		return 0, err
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.rc.Read(b)
	p.left -= int64(n)
	p.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		p.readErr = err
	}
	return n, err
}

func (p *planBody) Close() error { return p.rc.Close() }
