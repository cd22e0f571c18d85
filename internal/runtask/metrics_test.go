package runtask

import (
	"bytes"
	"strings"
	"testing"
)

// TestMetricsExposition holds the series to the names, HELP texts, types,
// bucket boundaries and pre-created label values that dashboards and
// alerts (docs/runtask.md) rely on.
func TestMetricsExposition(t *testing.T) {
	m := newMetrics()
	m.runs.WithLabelValues(string(StatusFailed), "true").Inc()
	m.runSeconds.WithLabelValues(string(StatusPassed)).Update(0.3)
	m.planBytes.Update(5000)
	m.callbacks.WithLabelValues("error").Add(2)
	m.inFlight.Inc()
	var b bytes.Buffer
	m.write(&b)
	text := b.String()
	for _, want := range []string{
		"# HELP sovlint_runtask_requests_total Run task requests received, by result (accepted, verification, unauthorized, too_large, malformed, bad_url, unsupported_stage, busy, method_not_allowed).\n# TYPE sovlint_runtask_requests_total counter\n",
		"# TYPE sovlint_runtask_runs_total counter\n",
		"# TYPE sovlint_runtask_errors_total counter\n",
		"# TYPE sovlint_runtask_callback_attempts_total counter\n",
		"# HELP sovlint_runtask_runs_in_flight Runs accepted and not yet called back.\n# TYPE sovlint_runtask_runs_in_flight gauge\nsovlint_runtask_runs_in_flight 1\n",
		"# TYPE sovlint_runtask_scan_duration_seconds histogram\n",
		"# TYPE sovlint_runtask_run_duration_seconds histogram\n",
		"# HELP sovlint_runtask_plan_bytes Size of the plan JSON downloaded.\n# TYPE sovlint_runtask_plan_bytes histogram\n",
		`sovlint_runtask_requests_total{result="method_not_allowed"} 0`,
		`sovlint_runtask_requests_total{result="unsupported_stage"} 0`,
		`sovlint_runtask_runs_total{error="false",verdict="passed"} 0`,
		`sovlint_runtask_runs_total{error="true",verdict="failed"} 1`,
		`sovlint_runtask_errors_total{step="download"} 0`,
		`sovlint_runtask_errors_total{step="scan"} 0`,
		`sovlint_runtask_errors_total{step="callback"} 0`,
		`sovlint_runtask_callback_attempts_total{result="ok"} 0`,
		`sovlint_runtask_callback_attempts_total{result="error"} 2`,
		`sovlint_runtask_scan_duration_seconds_bucket{le="0.05"} 0`,
		`sovlint_runtask_scan_duration_seconds_bucket{le="600"} 0`,
		`sovlint_runtask_scan_duration_seconds_bucket{le="+Inf"} 0`,
		`sovlint_runtask_scan_duration_seconds_count 0`,
		`sovlint_runtask_run_duration_seconds_bucket{verdict="passed",le="0.25"} 0`,
		`sovlint_runtask_run_duration_seconds_bucket{verdict="passed",le="0.5"} 1`,
		`sovlint_runtask_run_duration_seconds_sum{verdict="passed"} 0.3`,
		`sovlint_runtask_plan_bytes_bucket{le="1024"} 0`,
		`sovlint_runtask_plan_bytes_bucket{le="4096"} 0`,
		`sovlint_runtask_plan_bytes_bucket{le="16384"} 1`,
		`sovlint_runtask_plan_bytes_bucket{le="1.073741824e+09"} 1`,
		`sovlint_runtask_plan_bytes_count 1`,
		"\ngo_goroutines ",
		"\nprocess_cpu_seconds_total ",
		"\nprocess_resident_memory_bytes ",
		"\nprocess_open_fds ",
		"\nprocess_start_time_seconds ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if n := strings.Count(text, "sovlint_runtask_scan_duration_seconds_bucket{"); n != 14 {
		t.Errorf("scan duration has %d buckets, want 13 and +Inf", n)
	}
	if n := strings.Count(text, "sovlint_runtask_plan_bytes_bucket{"); n != 12 {
		t.Errorf("plan bytes has %d buckets, want 11 and +Inf", n)
	}
}
