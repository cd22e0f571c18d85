package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A report goes to a file through a buffer, never whole in memory, and a
// run that fails half-way leaves no half-written file behind.
func TestStreamToFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(path, []byte("yesterday's report"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("printer failed")
	err := streamToFile(path, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half a report")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the printer's", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "yesterday's report" {
		t.Errorf("a failed run changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed run left files behind: %v", entries)
	}

	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = 'a' + byte(i%26)
	}
	if err := streamToFile(path, func(w io.Writer) error { _, err := w.Write(big); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, big) {
		t.Error("the file does not hold what was written")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
}

// A symbolic link (or a device, a pipe) is written through, not replaced.
func TestStreamToFileThroughALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	if err := os.WriteFile(target, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := streamToFile(link, func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "{}" {
		t.Errorf("the link's target holds %q", b)
	}
	if err := streamToFile(os.DevNull, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Errorf("writing to %s: %v", os.DevNull, err)
	}
}
