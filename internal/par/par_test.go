package par_test

import (
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/sovlint/sovlint/internal/par"
)

// A worker's panic must reach the waiting goroutine: a panic in a
// goroutine nobody recovers kills the process with a stack trace.
func TestPanicsReachTheCaller(t *testing.T) {
	runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0)))
	cases := map[string]func(){
		"Chunks": func() {
			par.Chunks(10000, func(lo, _ int) {
				if lo > 0 {
					panic("boom")
				}
			})
		},
		"Each": func() {
			par.Each(8, func(i int) {
				if i == 5 {
					panic("boom")
				}
			})
		},
		"Group": func() {
			var g par.Group
			g.Go(func() {})
			g.Go(func() { panic("boom") })
			g.Wait()
		},
	}
	for name, run := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != "boom" {
					t.Errorf("recovered %v, want the worker's panic", p)
				}
			}()
			run()
			t.Error("no panic reached the caller")
		})
	}
}

func TestEveryItemOnce(t *testing.T) {
	var seen [1000]atomic.Int32
	par.Each(len(seen), func(i int) { seen[i].Add(1) })
	par.Chunks(len(seen), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			seen[i].Add(1)
		}
	})
	for i := range seen {
		if n := seen[i].Load(); n != 2 {
			t.Fatalf("item %d ran %d times, want once by each", i, n)
		}
	}
}

// TestMemoComputesOncePerKey: many goroutines asking for a few keys at once
// compute each key once and all get its value.
func TestMemoComputesOncePerKey(t *testing.T) {
	var m par.Memo[int, int]
	var calls [4]atomic.Int32
	par.Each(400, func(i int) {
		k := i % 4
		if got := m.Get(k, func() int { calls[k].Add(1); return k * 10 }); got != k*10 {
			t.Errorf("key %d: %d", k, got)
		}
	})
	for k := range calls {
		if n := calls[k].Load(); n != 1 {
			t.Errorf("key %d computed %d times", k, n)
		}
	}
}
