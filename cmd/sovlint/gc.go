package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// sovlint runs for a fraction of a second and allocates several times what
// it keeps: with Go's default pacing (a collection each time the heap
// doubles, from 4 MB), a 30,000-resource plan went through 18 collections,
// each stopping goroutines in tight loops with signals, and the catalog
// alone through nine before the plan was opened. Here the heap may grow to
// heapFloor before a collection, and by heapFloor past what the last one
// found live, or to twice that once it is more, as the default does, so
// that memory stays bounded by what the scan keeps. It is done with GOGC's percentage rather than a
// memory limit, which makes the runtime return memory to the system eagerly
// when the heap is above the limit, only to fault it back in. GOGC or
// GOMEMLIMIT in the environment wins.
const heapFloor = 96 << 20

// initialHeap is the heap Go collects at first with GOGC=100.
const initialHeap = 4 << 20

func tuneGC(getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(heapFloor/initialHeap*100 - 100)
	followLiveHeap()
}

// gcSentinel is freed by every collection: its finalizer runs once per
// cycle. It has a pointer so that it is not batched with other tiny
// objects, which would delay the finalizer.
type gcSentinel struct {
	_ *int
	_ [8]byte
}

// followLiveHeap sets the next collection from the live heap after each
// one: at heapFloor, or at twice the live heap once that is more.
func followLiveHeap() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(nextGCPercent(s[0].Value.Uint64()))
		}
		followLiveHeap()
	})
}

// nextGCPercent is the GOGC that lets the heap grow by heapFloor past the
// live heap before the next collection, or double once the live heap is
// more. A fixed floor for the whole heap (collect at heapFloor, or at twice
// the live heap) left less room to allocate in as a scan kept more: a
// 10,000-file monorepo, which allocates 1.35 GB and keeps 20 to 50 MB,
// went through 23 collections, each marking all that was kept, where a
// 1,000-file one went through one: 10,000 files took 11 to 12 times the
// time of 1,000. With a fixed room it is 14 collections; plans, which keep
// more than heapFloor by their second collection or have none, are paced
// as before.
func nextGCPercent(live uint64) int {
	if live >= heapFloor {
		return 100
	}
	return int(heapFloor * 100 / max(live, 1<<20)) //nolint:gosec // at most heapFloor*100 / 1 MiB
}
