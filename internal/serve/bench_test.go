package serve

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/sovlint/sovlint/internal/runtask"
	"github.com/sovlint/sovlint/internal/settings"
)

// BenchmarkScanPlan is one run's scan of a 60-resource real plan with the
// default policy: what each run task costs the server beyond the network.
func BenchmarkScanPlan(b *testing.B) {
	plan := readPlan(b, "modules-count-aliases")
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.ScanPlan(context.Background(), runtask.Run{}, bytes.NewReader(plan)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSettings is the part of each scan spent building the settings.
func BenchmarkSettings(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := settings.FromConfig(nil, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
