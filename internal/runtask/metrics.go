package runtask

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	vm "github.com/VictoriaMetrics/metrics"
)

// metrics are the server's Prometheus series. Labels take a handful of
// fixed values: never a workspace, organization, run or URL, which would
// both leak and explode the series count.
//
// They are kept by github.com/VictoriaMetrics/metrics rather than
// prometheus/client_golang: every sovlint command links this package, and
// client_golang, with protobuf and procfs, added 3.5 MB to the binary and
// a millisecond of package initialisation to every scan.
type metrics struct {
	families    []*family
	requests    *counterVec // by result
	runs        *counterVec // by verdict and error
	errors      *counterVec // by step
	callbacks   *counterVec // attempts by result
	inFlight    *vm.Gauge
	scanSeconds *vm.PrometheusHistogram // download + scan
	runSeconds  *histogramVec           // accepted → called back, by verdict
	planBytes   *vm.PrometheusHistogram
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

// family is one metric name with its HELP and TYPE lines. Each family has
// a set of its own so that the lines come right before its samples: the
// library writes no HELP text of its own.
type family struct {
	name, help, typ string
	set             *vm.Set
}

func (m *metrics) family(name, typ, help string) *family {
	f := &family{name: name, help: help, typ: typ, set: vm.NewSet()}
	m.families = append(m.families, f)
	return f
}

// series names the series of f with these labels, sorted by name as
// client_golang writes them.
func (f *family) series(labels []label) string {
	if len(labels) == 0 {
		return f.name
	}
	slices.SortFunc(labels, func(a, b label) int { return strings.Compare(a.name, b.name) })
	var b strings.Builder
	b.WriteString(f.name)
	b.WriteByte('{')
	for i, l := range labels {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s=%q", l.name, l.value)
	}
	b.WriteByte('}')
	return b.String()
}

type label struct{ name, value string }

// counterVec is a counter family with labels.
type counterVec struct {
	*family
	labels []string // label names, in the order WithLabelValues takes them
}

// WithLabelValues returns the series with these values of the labels, in
// the order of vec.labels, creating it the first time.
func (v *counterVec) WithLabelValues(values ...string) *vm.Counter {
	return v.set.GetOrCreateCounter(v.series(pairs(v.labels, values)))
}

// histogramVec is a histogram family with labels, all with the same buckets.
type histogramVec struct {
	*family
	labels  []string
	buckets []float64
}

func (v *histogramVec) WithLabelValues(values ...string) *vm.PrometheusHistogram {
	return v.set.GetOrCreatePrometheusHistogramExt(v.series(pairs(v.labels, values)), v.buckets)
}

// pairs matches label names with their values. The values are this
// package's constants: a count that differs is a bug in it.
func pairs(names, values []string) []label {
	if len(names) != len(values) {
		panic(fmt.Sprintf("runtask: metric labels %v given values %v", names, values))
	}
	p := make([]label, len(names))
	for i := range names {
		p[i] = label{names[i], values[i]}
	}
	return p
}

// exponentialBuckets are count upper bounds from start, each factor times
// the one before, as prometheus.ExponentialBuckets makes them.
func exponentialBuckets(start, factor float64, count int) []float64 {
	b := make([]float64, count)
	for i := range b {
		b[i] = start
		start *= factor
	}
	return b
}

func newMetrics() *metrics {
	durations := []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}
	m := &metrics{}
	m.requests = &counterVec{
		family: m.family("sovlint_runtask_requests_total", "counter",
			"Run task requests received, by result (accepted, verification, unauthorized, too_large, malformed, bad_url, unsupported_stage, busy, method_not_allowed)."),
		labels: []string{"result"},
	}
	m.runs = &counterVec{
		family: m.family("sovlint_runtask_runs_total", "counter",
			"Runs called back, by the verdict sent (passed, failed) and whether the verdict comes from an error."),
		labels: []string{"verdict", "error"},
	}
	m.errors = &counterVec{
		family: m.family("sovlint_runtask_errors_total", "counter", "Runs that failed at a step (download, scan, callback)."),
		labels: []string{"step"},
	}
	m.callbacks = &counterVec{
		family: m.family("sovlint_runtask_callback_attempts_total", "counter", "PATCH attempts to task result callback URLs, by result (ok, error)."),
		labels: []string{"result"},
	}
	f := m.family("sovlint_runtask_runs_in_flight", "gauge", "Runs accepted and not yet called back.")
	m.inFlight = f.set.NewGauge(f.name, nil)
	f = m.family("sovlint_runtask_scan_duration_seconds", "histogram", "Time to download and scan one plan.")
	m.scanSeconds = f.set.NewPrometheusHistogramExt(f.name, durations)
	m.runSeconds = &histogramVec{
		family:  m.family("sovlint_runtask_run_duration_seconds", "histogram", "Time from accepting a run to its callback, by verdict."),
		labels:  []string{"verdict"},
		buckets: durations,
	}
	f = m.family("sovlint_runtask_plan_bytes", "histogram", "Size of the plan JSON downloaded.")
	m.planBytes = f.set.NewPrometheusHistogramExt(f.name, exponentialBuckets(1<<10, 4, 11)) // 1 KiB … 1 GiB
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

// write writes every series in the Prometheus text format (0.0.4): each
// family with its HELP and TYPE, then the Go runtime's and the process's.
func (m *metrics) write(w *bytes.Buffer) {
	for _, f := range m.families {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", f.name, f.help, f.name, f.typ)
		f.set.WritePrometheus(w)
	}
	vm.WriteGoMetrics(w)
	vm.WriteProcMetrics(w)
	vm.WriteFDMetrics(w)
}

func (m *metrics) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		var b bytes.Buffer
		m.write(&b)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_, _ = w.Write(b.Bytes())
	})
}
