package inputfile

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestLinesPosition(t *testing.T) {
	text := "{\n  \"a\": 1,\n\n  \"b\": tru\n}"
	l := NewLines(iotest.OneByteReader(strings.NewReader(text)))
	if _, err := io.ReadAll(l); err != nil {
		t.Fatal(err)
	}
	for off := int64(0); off <= int64(len(text)); off++ {
		line, col, ok := l.Position(off)
		wl, wc := Locate([]byte(text), off)
		if !ok || line != wl || col != wc {
			t.Errorf("offset %d: %d:%d %v, want %d:%d", off, line, col, ok, wl, wc)
		}
	}
	if _, _, ok := l.Position(int64(len(text)) + 1); ok {
		t.Error("an offset past the input has a position")
	}
}

func TestLinesCapped(t *testing.T) {
	l := NewLines(nil)
	l.Record([]byte(strings.Repeat("\n", maxTable+10)))
	if _, _, ok := l.Position(maxTable + 5); ok {
		t.Error("an offset past the table has a position")
	}
	if line, col, ok := l.Position(3); !ok || line != 4 || col != 1 {
		t.Errorf("offset 3: %d:%d %v", line, col, ok)
	}
}
