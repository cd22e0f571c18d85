package report

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// chunkLen is how many elements (findings, resources) a chunk holds: some
// 256 KiB of JSON, enough that handing chunks between goroutines costs
// nothing next to encoding them.
const chunkLen = 512

// chunkWriter writes large outputs encoded in chunks on every core, in
// order, a few chunks ahead of the writer at most. Its spare buffers go
// from one array (or printer section) to the next.
type chunkWriter struct {
	spare chan []byte
}

// chunkResult is a chunk of encoded elements, or why it could not be
// encoded.
type chunkResult struct {
	b   []byte
	err error
}

// write encodes elements [0, n) with encode, which appends elements
// [lo, hi) to b, and writes them to w in order. One chunk's worth or less
// is encoded on the caller's goroutine. The first error, of an encoder or
// of w, is returned; a panicking encoder (a bug) is an error too, so that
// the writer never waits for a chunk that will not come.
func (cw *chunkWriter) write(w io.Writer, n int, encode func(b []byte, lo, hi int) ([]byte, error)) error {
	chunks := (n + chunkLen - 1) / chunkLen
	workers := runtime.GOMAXPROCS(0)
	if cw.spare == nil {
		cw.spare = make(chan []byte, 2*workers+1)
	}
	buffer := func() []byte {
		select {
		case b := <-cw.spare:
			return b[:0]
		default:
			return make([]byte, 0, 256<<10) // about what 512 elements take
		}
	}
	if chunks <= 1 {
		r := encodeChunk(buffer(), 0, n, encode)
		return cw.put(w, r, nil)
	}
	done := make([]chan chunkResult, chunks)
	for k := range done {
		done[k] = make(chan chunkResult, 1)
	}
	slots := make(chan struct{}, 2*workers) // chunks encoded but not yet written
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				slots <- struct{}{}
				k := int(next.Add(1)) - 1
				if k >= chunks {
					<-slots
					return
				}
				done[k] <- encodeChunk(buffer(), k*chunkLen, min(n, (k+1)*chunkLen), encode)
			}
		})
	}
	var err error
	for k := range done {
		err = cw.put(w, <-done[k], err)
		<-slots
	}
	wg.Wait()
	return err
}

// put writes a chunk unless an error came before, and keeps its buffer.
func (cw *chunkWriter) put(w io.Writer, r chunkResult, err error) error {
	if err == nil {
		err = r.err
	}
	if err == nil {
		_, err = w.Write(r.b)
	}
	select {
	case cw.spare <- r.b:
	default:
	}
	return err
}

// encodeChunk runs encode on a worker, making a panic an error.
func encodeChunk(b []byte, lo, hi int, encode func(b []byte, lo, hi int) ([]byte, error)) (r chunkResult) {
	defer func() {
		if p := recover(); p != nil {
			r = chunkResult{err: fmt.Errorf("internal error encoding the report: %v", p)}
		}
	}()
	b, err := encode(b, lo, hi)
	return chunkResult{b, err}
}
