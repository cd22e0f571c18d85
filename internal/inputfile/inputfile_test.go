//go:build unix

package inputfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "zero.tf")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path   string
		origin Origin
		want   string
	}{
		{"/dev/zero", Named, "is a device"},
		{"/dev/urandom", Tree, "is a device"},
		{link, Tree, "is a device"},
		{link, Named, "is a device"},
		{fifo, Tree, "is a FIFO"},
		{dir, Named, "is a directory"},
	}
	for _, c := range cases {
		_, err := ReadFile(c.path, 1<<20, c.origin)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadFile(%s, %v) = %v, want an error saying %q", c.path, c.origin, err, c.want)
		}
	}
	// A FIFO the user names is read, and opening it does not wait for a
	// writer: nobody writes, so it is empty.
	b, err := ReadFile(fifo, 1<<20, Named)
	if err != nil || len(b) != 0 {
		t.Errorf("ReadFile(fifo, Named) = %q, %v; want empty", b, err)
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, []byte(strings.Repeat("x", 101)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p, 100, Tree); !errors.As(err, new(*TooLargeError)) {
		t.Errorf("over the limit: %v, want a TooLargeError", err)
	}
	if b, err := ReadFile(p, 101, Tree); err != nil || len(b) != 101 {
		t.Errorf("at the limit: %d bytes, %v", len(b), err)
	}
	// A stream is cut at the limit, whatever it says its size is.
	_, err := ReadAll(io.LimitReader(zeros{}, 1<<40), "stream", 1000)
	if te, ok := errors.AsType[*TooLargeError](err); !ok || te.Limit != 1000 {
		t.Errorf("endless stream: %v", err)
	}
}

// A file is read into a buffer of its size: a monorepo's sources are kept
// in memory until parsed, and io.ReadAll's doubling made them a tenth
// larger and cost twice their size in garbage.
func TestReadFileSized(t *testing.T) {
	p := filepath.Join(t.TempDir(), "main.tf")
	text := strings.Repeat("resource \"aws_s3_bucket\" \"b\" {}\n", 30) // 960 bytes
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(p, 1<<20, Tree)
	if err != nil || string(b) != text {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
	if cap(b) > len(b)+1 {
		t.Errorf("capacity %d for %d bytes: the buffer is not sized from the file", cap(b), len(b))
	}
	// Text beyond the size measured (a file that grew) is read too, up to
	// the limit.
	b, err = readInto(make([]byte, 0, 4), LimitReader(strings.NewReader(text), p, 1<<20))
	if err != nil || string(b) != text {
		t.Errorf("readInto past its capacity = %q, %v", b, err)
	}
	if _, err := readInto(make([]byte, 0, 4), LimitReader(strings.NewReader(text), p, 100)); !errors.As(err, new(*TooLargeError)) {
		t.Errorf("readInto past the limit: %v, want a TooLargeError", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
