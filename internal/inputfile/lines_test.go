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

// FuzzLines: whatever the input and however it is cut into reads, a
// position computed from what was read is the one computed from the whole.
func FuzzLines(f *testing.F) {
	f.Add([]byte("{\n  \"a\": 1,\n\n  \"b\": tru\n}"), uint8(1))
	f.Add([]byte(strings.Repeat("\n", 1000)), uint8(7))
	f.Add([]byte("no newline at all"), uint8(255))
	f.Fuzz(func(t *testing.T, b []byte, chunk uint8) {
		l := NewLines(&chunked{b: b, n: int(chunk%64) + 1})
		if _, err := io.ReadAll(l); err != nil {
			t.Fatal(err)
		}
		for off := int64(0); off <= int64(len(b)); off += 1 + int64(len(b))/97 {
			line, col, ok := l.Position(off)
			wl, wc := Locate(b, off)
			if !ok || line != wl || col != wc {
				t.Fatalf("offset %d: %d:%d %v, want %d:%d", off, line, col, ok, wl, wc)
			}
		}
	})
}

// chunked reads b n bytes at a time, as a pipe might.
type chunked struct {
	b []byte
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), c.n)], c.b)
	c.b = c.b[n:]
	return n, nil
}
