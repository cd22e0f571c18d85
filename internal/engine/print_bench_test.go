package engine_test

import (
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
)

// BenchmarkPrint is each printer alone on the report of a synthetic plan:
// the HTML page must cost no more than the JSON output (issue 17), and
// every other format is measured beside them (issue 18).
//
//	go test ./internal/engine -run '^$' -bench Print -benchtime 10x
func BenchmarkPrint(b *testing.B) {
	for _, n := range planSizes {
		path := benchPlan(b, n)
		cat := providers.Default()
		rep, err := engine.Scan([]engine.Input{{Path: path}}, engine.Options{Settings: &settings.Settings{Catalog: cat, Policy: benchPolicy(cat)}})
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range report.Formats() {
			p, err := report.Lookup(format)
			if err != nil {
				b.Fatal(err)
			}
			b.Run(format+"-"+itoa(n*30)+"-resources", func(b *testing.B) {
				b.ReportAllocs()
				var w countingWriter
				cpu0 := cpuTime()
				for b.Loop() {
					w = 0
					if err := p(&w, rep, report.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time of every thread (the JSON printer encodes on all
				// cores, and the GC runs beside both): on a shared machine it
				// is steadier than wall time, and it is the cost compared.
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
				b.ReportMetric(float64(w), "bytes/op")
			})
		}
	}
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// countingWriter discards what it is given and counts it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
