package report

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
)

// encodeNumbers appends element i as "i\n".
func encodeNumbers(b []byte, lo, hi int) ([]byte, error) {
	for i := lo; i < hi; i++ {
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, '\n')
	}
	return b, nil
}

func TestChunkWriterKeepsOrder(t *testing.T) {
	var cw chunkWriter
	for _, n := range []int{0, 1, chunkLen, chunkLen + 1, 20*chunkLen + 7} {
		var got, want bytes.Buffer
		if err := cw.write(&got, n, encodeNumbers); err != nil {
			t.Fatal(err)
		}
		b, _ := encodeNumbers(nil, 0, n)
		want.Write(b)
		if got.String() != want.String() {
			t.Errorf("%d elements: written out of order or incompletely (%d bytes, want %d)", n, got.Len(), want.Len())
		}
	}
}

// A panic in an encoder, on any chunk, is an error for the caller: the
// writer neither hangs waiting for that chunk nor writes what follows it.
func TestChunkWriterPanicIsAnError(t *testing.T) {
	for _, bad := range []int{0, 3, 19} {
		var cw chunkWriter
		var out bytes.Buffer
		err := cw.write(&out, 20*chunkLen, func(b []byte, lo, hi int) ([]byte, error) {
			if lo == bad*chunkLen {
				panic("boom")
			}
			return encodeNumbers(b, lo, hi)
		})
		if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "boom") {
			t.Errorf("panic in chunk %d: error %v", bad, err)
		}
		if want, _ := encodeNumbers(nil, 0, bad*chunkLen); out.String() != string(want) {
			t.Errorf("panic in chunk %d: wrote %d bytes, want the %d before it", bad, out.Len(), len(want))
		}
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	w.n--
	if w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestChunkWriterStopsAtAWriteError(t *testing.T) {
	var cw chunkWriter
	err := cw.write(&failingWriter{n: 2}, 20*chunkLen, encodeNumbers)
	if err == nil || err.Error() != "disk full" {
		t.Errorf("error %v, want the writer's", err)
	}
}
