package runtask

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadReport is what a load run measured.
type loadReport struct {
	runs        int
	concurrency int
	retried503  int64 // requests answered 503 (server full) and sent again, as HCP Terraform does
	elapsed     time.Duration
	peakHeap    uint64 // highest HeapInuse sampled, whole process (server, fake API, clients)
	peakSys     uint64
	allocPerRun uint64
}

func (r loadReport) String() string {
	return fmt.Sprintf("%d runs, %d concurrent clients, %s: %.0f runs/s, "+
		"peak heap in use %.1f MiB, Go runtime memory %.1f MiB, %.1f KiB allocated per run, %d requests answered 503 (server full) and retried",
		r.runs, r.concurrency, r.elapsed.Round(time.Millisecond), float64(r.runs)/r.elapsed.Seconds(),
		float64(r.peakHeap)/(1<<20), float64(r.peakSys)/(1<<20), float64(r.allocPerRun)/1024, r.retried503)
}

// runLoad sends n signed run requests from conc goroutines to a server on
// loopback and waits for every callback. It fails tb unless each request
// was answered 200 (after retrying 503s), and each run called back exactly
// once with the verdict its plan deserves.
func runLoad(tb testing.TB, n, conc int, plan []byte, failing bool) loadReport {
	tb.Helper()
	tfc := newFakeTFC(tb)
	tfc.edit(func() { tfc.light = true })
	tfc.setPlan("shared", plan)
	// Every run downloads the same plan: point all plan URLs at it.
	logs := &countingWriter{}
	sc := &fakeScanner{}
	srv, err := New(Config{
		TerraformURL: tfc.api.URL, HMACKey: []byte(testHMACKey), Scanner: sc,
		Logger: newTestLogger(logs), RetryBackoff: 5 * time.Millisecond,
	})
	if err != nil {
		tb.Fatal(err)
	}
	server := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ln := listenLoopback(tb)
	go func() { _ = server.Serve(ln) }()
	defer func() { _ = server.Close() }()
	base := "http://" + ln.Addr().String()

	h := &harness{t: tb, tfc: tfc}
	bodies := make([][]byte, n)
	for i := range n {
		id := strconv.Itoa(i)
		bodies[i] = h.payload(id, func(p map[string]any) {
			p["plan_json_api_url"] = tfc.api.URL + "/api/v2/plans/shared/json-output"
		})
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}}

	var peakHeap, peakSys atomic.Uint64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			if ms.Sys > peakSys.Load() {
				peakSys.Store(ms.Sys)
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var retried atomic.Int64
	var failures sync.Map
	next := atomic.Int64{}
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				for {
					code, err := postSigned(client, base, bodies[i])
					if err != nil {
						failures.Store(i, err.Error())
						break
					}
					if code == http.StatusServiceUnavailable {
						retried.Add(1)
						time.Sleep(20 * time.Millisecond)
						continue
					}
					if code != http.StatusOK {
						failures.Store(i, fmt.Sprintf("HTTP %d", code))
					}
					break
				}
			}
		})
	}
	wg.Wait()
	// Every run has been called back once InFlight is 0 (a run is counted
	// out after its callback); poll until then, bounded.
	deadline := time.Now().Add(2 * time.Minute)
	for srv.InFlight() > 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	close(stopSampling)
	<-sampled

	failures.Range(func(k, v any) bool {
		tb.Errorf("run %v: %v", k, v)
		return true
	})
	if srv.InFlight() != 0 {
		tb.Fatalf("%d runs still in flight after 2 minutes", srv.InFlight())
	}
	want := StatusPassed
	if failing {
		want = StatusFailed
	}
	lost, dup := 0, 0
	for i := range n {
		id := strconv.Itoa(i)
		got := tfc.delivered(id)
		switch {
		case len(got) == 0:
			lost++
		case len(got) > 1:
			dup++
		case got[0].doc.Data.Attributes.Status != want:
			tb.Errorf("run %s: %s %q, want %s", id, got[0].doc.Data.Attributes.Status, got[0].doc.Data.Attributes.Message, want)
		}
	}
	if lost > 0 || dup > 0 {
		tb.Errorf("%d runs never called back, %d called back more than once", lost, dup)
	}
	if got := sc.calls.Load(); got != int64(n) {
		tb.Errorf("scanner called %d times for %d runs", got, n)
	}
	tfc.checkNoLeaks(tb)
	if logs.lines.Load() < int64(n) {
		tb.Errorf("%d log lines for %d runs", logs.lines.Load(), n)
	}
	return loadReport{
		runs: n, concurrency: conc, retried503: retried.Load(), elapsed: elapsed,
		peakHeap: peakHeap.Load(), peakSys: peakSys.Load(),
		allocPerRun: (after.TotalAlloc - before.TotalAlloc) / uint64(n),
	}
}

func listenLoopback(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	return ln
}

func postSigned(c *http.Client, base string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, base+"/", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(signatureHeader, Sign([]byte(testHMACKey), body))
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// countingWriter counts log lines and keeps nothing.
type countingWriter struct{ lines atomic.Int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.lines.Add(int64(bytes.Count(p, []byte{'\n'})))
	return len(p), nil
}

// loadPlan is a plan of 200 resources, 20 of them findings.
func loadPlan(failing bool) []byte {
	addrs := make([]string, 200)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("module.m%d.aws_s3_bucket.eu[%d]", i%7, i)
		if failing && i%10 == 0 {
			addrs[i] = fmt.Sprintf("module.m%d.aws_s3_bucket.outside[%d]", i%7, i)
		}
	}
	return planJSON(addrs...)
}

// TestLoad sends many concurrent runs on loopback: each must be answered
// and called back exactly once. Short by default; SOVLINT_RUNTASK_LOAD=N
// (and SOVLINT_RUNTASK_CONCURRENCY=C) for a bigger run. Figures are logged
// (go test -v), never asserted: speed is measured, not tested.
func TestLoad(t *testing.T) {
	n, conc := 300, 32
	if testing.Short() {
		n = 100
	}
	if v, err := strconv.Atoi(os.Getenv("SOVLINT_RUNTASK_LOAD")); err == nil && v > 0 {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("SOVLINT_RUNTASK_CONCURRENCY")); err == nil && v > 0 {
		conc = v
	}
	for _, failing := range []bool{false, true} {
		r := runLoad(t, n, conc, loadPlan(failing), failing)
		t.Logf("failing=%v: %s", failing, r)
	}
}

// BenchmarkRunTask measures a whole run (signed request, plan download
// through the redirect, scan, callback) under concurrent load on loopback.
func BenchmarkRunTask(b *testing.B) {
	plan := loadPlan(true)
	b.ReportAllocs()
	r := runLoad(b, max(b.N, 1), 32, plan, true)
	b.ReportMetric(float64(r.runs)/r.elapsed.Seconds(), "runs/s")
	b.ReportMetric(float64(r.peakHeap)/(1<<20), "peak-heap-MiB")
}
