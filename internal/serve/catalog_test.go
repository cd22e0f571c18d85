package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sovlint/sovlint/internal/runtask"
)

// The server scans with the catalog bundle it is given, as sovlint scan
// --catalog does: a bundle that records a qualification's renewal (test
// data, decision 4242 is fictional) turns the lapse's SOV001 off without a
// new binary.
func TestCatalogBundle(t *testing.T) {
	plan, err := os.ReadFile(filepath.Join("testdata", "outscale-plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	day := func() time.Time { return time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC) }
	verdict := func(opt Options) runtask.Verdict {
		t.Helper()
		opt.Now = day
		s, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.ScanPlan(context.Background(), runtask.Run{}, bytes.NewReader(plan))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := verdict(Options{}); v.Status == runtask.StatusPassed || !strings.Contains(v.Message, "SOV001") {
		t.Errorf("without the bundle the lapsed qualification should fail SOV001: %+v", v)
	}
	if v := verdict(Options{CatalogPath: filepath.Join("testdata", "renewal")}); v.Status != runtask.StatusPassed {
		t.Errorf("with the renewal bundle the run should pass: %+v", v)
	}
	if _, err := New(Options{CatalogPath: filepath.Join("testdata", "no-such-bundle")}); err == nil {
		t.Error("a missing bundle was accepted at start")
	}
}
