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

func TestEncoding(t *testing.T) {
	for _, c := range []struct {
		in      string
		bom     int
		foreign string
	}{
		{"{}", 0, ""},
		{"\xef\xbb\xbf{}", 3, ""},
		{"\xff\xfe{\x00}\x00", 0, "UTF-16 (little-endian)"},
		{"\xfe\xff\x00{\x00}", 0, "UTF-16 (big-endian)"},
		{"{\x00}\x00", 0, "UTF-16 (little-endian)"},
		{"\x00{\x00}", 0, "UTF-16 (big-endian)"},
		{"\xff\xfe\x00\x00{\x00\x00\x00", 0, "UTF-32 (little-endian)"},
		{"", 0, ""},
		{"\x00\x00\x00", 0, ""},
	} {
		bom, foreign := Encoding([]byte(c.in))
		if bom != c.bom || foreign != c.foreign {
			t.Errorf("Encoding(%q) = %d, %q; want %d, %q", c.in, bom, foreign, c.bom, c.foreign)
		}
	}
}
