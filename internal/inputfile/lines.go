package inputfile

import (
	"bytes"
	"encoding/binary"
	"io"
)

// Lines passes a reader's bytes through and remembers where its lines
// start, so that an error found at a byte offset gets a line and a column
// without the input being read again: a pipe (<(…), /dev/stdin) cannot
// be, and a file may have changed or never end.
//
// Newline offsets are kept as varint deltas (a byte or two a line; a plan
// as Terraform writes it is one line). Past maxTable bytes of them the
// table stops growing and later offsets are given as byte offsets only.
type Lines struct {
	r      io.Reader
	off    int64  // bytes read so far
	last   int64  // offset of the last newline recorded; -1 for none
	table  []byte // varint deltas between newline offsets
	capped int64  // offset from which newlines are no longer recorded; -1 while recording
}

const maxTable = 16 << 20

// NewLines tracks the lines of what r hands out.
func NewLines(r io.Reader) *Lines {
	return &Lines{r: r, last: -1, capped: -1}
}

func (l *Lines) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.Record(p[:n])
	return n, err
}

// Record notes the newlines of the next bytes of the input; Read calls it,
// and so may a caller that read the bytes itself.
func (l *Lines) Record(b []byte) {
	base := l.off
	l.off += int64(len(b))
	if l.capped >= 0 {
		return
	}
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return
		}
		at := base + int64(i)
		if len(l.table) >= maxTable {
			l.capped = at
			return
		}
		l.table = binary.AppendVarint(l.table, at-l.last)
		l.last = at
		base = at + 1
		b = b[i+1:]
	}
}

// Position returns the line and column (1-based, in bytes) of an offset
// of what was read; ok is false when the offset is beyond what is known.
func (l *Lines) Position(off int64) (line, col int, ok bool) {
	if off < 0 || off > l.off || (l.capped >= 0 && off > l.capped) {
		return 0, 0, false
	}
	line, start := 1, int64(0)
	prev := int64(-1)
	for t := l.table; len(t) > 0; {
		d, n := binary.Varint(t)
		t = t[n:]
		nl := prev + d
		if nl >= off {
			break
		}
		line++
		start = nl + 1
		prev = nl
	}
	return line, int(off-start) + 1, true
}

// Locate is Position for byte slices already in memory.
func Locate(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	head := b[:off]
	line = bytes.Count(head, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(head, '\n') + 1
	return line, int(off) - start + 1
}
