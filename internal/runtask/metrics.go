package runtask

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series. Labels take a handful of
// fixed values: never a workspace, organization, run or URL, which would
// both leak and explode the series count.
type metrics struct {
	registry    *prometheus.Registry
	requests    *prometheus.CounterVec   // by result
	runs        *prometheus.CounterVec   // by verdict
	errors      *prometheus.CounterVec   // by step
	callbacks   *prometheus.CounterVec   // attempts by result
	inFlight    prometheus.Gauge         // runs accepted and not yet called back
	scanSeconds prometheus.Histogram     // download + scan
	runSeconds  *prometheus.HistogramVec // accepted → called back, by verdict
	planBytes   prometheus.Histogram
}

// Request results, the values of sovlint_runtask_requests_total{result}.
const (
	reqAccepted     = "accepted"
	reqVerification = "verification"
	reqUnauthorized = "unauthorized"
	reqTooLarge     = "too_large"
	reqMalformed    = "malformed"
	reqBadURL       = "bad_url"
	reqUnsupported  = "unsupported_stage"
	reqBusy         = "busy"
	reqMethod       = "method_not_allowed"
)

// Steps that fail, the values of sovlint_runtask_errors_total{step}.
const (
	stepDownload = "download"
	stepScan     = "scan"
	stepCallback = "callback"
)

func newMetrics() *metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	durations := []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}
	m := &metrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sovlint_runtask_requests_total",
			Help: "Run task requests received, by result (accepted, verification, unauthorized, too_large, malformed, bad_url, unsupported_stage, busy, method_not_allowed).",
		}, []string{"result"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sovlint_runtask_runs_total",
			Help: "Runs called back, by the verdict sent (passed, failed) and whether the verdict comes from an error.",
		}, []string{"verdict", "error"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sovlint_runtask_errors_total",
			Help: "Runs that failed at a step (download, scan, callback).",
		}, []string{"step"}),
		callbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sovlint_runtask_callback_attempts_total",
			Help: "PATCH attempts to task result callback URLs, by result (ok, error).",
		}, []string{"result"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "sovlint_runtask_runs_in_flight",
			Help: "Runs accepted and not yet called back.",
		}),
		scanSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "sovlint_runtask_scan_duration_seconds",
			Help:    "Time to download and scan one plan.",
			Buckets: durations,
		}),
		runSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "sovlint_runtask_run_duration_seconds",
			Help:    "Time from accepting a run to its callback, by verdict.",
			Buckets: durations,
		}, []string{"verdict"}),
		planBytes: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "sovlint_runtask_plan_bytes",
			Help:    "Size of the plan JSON downloaded.",
			Buckets: prometheus.ExponentialBuckets(1<<10, 4, 11), // 1 KiB … 1 GiB
		}),
	}
	reg.MustRegister(m.requests, m.runs, m.errors, m.callbacks, m.inFlight, m.scanSeconds, m.runSeconds, m.planBytes)
	// Every label value exists from the start, so a rate() over a series
	// that has not happened yet is 0 rather than absent.
	for _, r := range []string{reqAccepted, reqVerification, reqUnauthorized, reqTooLarge, reqMalformed, reqBadURL, reqUnsupported, reqBusy, reqMethod} {
		m.requests.WithLabelValues(r)
	}
	for _, v := range []Status{StatusPassed, StatusFailed} {
		m.runs.WithLabelValues(string(v), "false")
		m.runs.WithLabelValues(string(v), "true")
	}
	for _, s := range []string{stepDownload, stepScan, stepCallback} {
		m.errors.WithLabelValues(s)
	}
	m.callbacks.WithLabelValues("ok")
	m.callbacks.WithLabelValues("error")
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}
