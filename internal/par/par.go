// Package par runs work on every core and hands a worker's panic back to
// the goroutine that waits, so that the CLI's recovery turns a bug into one
// line instead of a crash with a stack trace.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Group is a sync.WaitGroup whose Wait re-panics, in the waiting goroutine,
// with the first panic of the goroutines it started.
type Group struct {
	wg       sync.WaitGroup
	once     sync.Once
	panicked any
}

// Go runs f in a new goroutine.
func (g *Group) Go(f func()) {
	g.wg.Go(func() {
		defer func() {
			if p := recover(); p != nil {
				g.once.Do(func() { g.panicked = p })
			}
		}()
		f()
	})
}

// Wait waits for every goroutine, then panics with the first panic any of
// them raised.
func (g *Group) Wait() {
	g.wg.Wait()
	if g.panicked != nil {
		panic(g.panicked)
	}
}

// Chunks splits [0, n) into one contiguous chunk per core (none smaller
// than 256 items) and runs work on each.
func Chunks(n int, work func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		work(0, n)
		return
	}
	var g Group
	size := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += size {
		g.Go(func() { work(lo, min(lo+size, n)) })
	}
	g.Wait()
}

// Each runs work(i) for every i in [0, n), on at most one goroutine per
// core, each taking the next index as it finishes one: for items of very
// different costs, such as root modules.
func Each(n int, work func(i int)) {
	var next atomic.Int64
	var g Group
	for range min(runtime.GOMAXPROCS(0), n) {
		g.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		})
	}
	g.Wait()
}

// Memo computes a value once per key, however many goroutines ask for it
// at once: the others wait for the first. The zero Memo is ready to use.
type Memo[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]*memoEntry[V]
}

type memoEntry[V any] struct {
	once sync.Once
	v    V
}

// Get returns the value for k, computing it with compute the first time.
func (m *Memo[K, V]) Get(k K, compute func() V) V {
	m.mu.Lock()
	if m.entries == nil {
		m.entries = map[K]*memoEntry[V]{}
	}
	e := m.entries[k]
	if e == nil {
		e = &memoEntry[V]{}
		m.entries[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v = compute() })
	return e.v
}
