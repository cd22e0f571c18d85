//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzPlanThroughPipe: a plan read from a pipe (what <(…) and /dev/stdin
// give, a special file where a regular one was) scans exactly as the same
// bytes in a file: the same result, or the same error at the same
// position, computed from what was read.
func FuzzPlanThroughPipe(f *testing.F) {
	f.Add([]byte("{\"format_version\": \"1.2\",\n  \"planned_values\": {}, \"x\": tru}\n"))
	f.Add([]byte(`{"format_version": "1.2", "resource_changes": [{"address": "a.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {"region": "eu-west-3", "tags": {"classification": "sensitive"}}}}]}`))
	f.Add([]byte("\xef\xbb\xbf{\"format_version\": \"1.2\",\n x}"))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Add([]byte("PK\x03\x04saved plan"))
	f.Add([]byte(strings.Repeat("[", 10001)))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<20 {
			return
		}
		dir := t.TempDir()
		file := filepath.Join(dir, "plan")
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		fromFile, fileErr := Scan([]Input{{Path: file}}, Options{})

		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			_, _ = w.Write(b)
			w.Close()
		}()
		defer r.Close()
		pipe := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
		if _, err := os.Stat(pipe); err != nil {
			t.Skip("no /dev/fd here")
		}
		fromPipe, pipeErr := Scan([]Input{{Path: pipe}}, Options{})
		switch {
		case (fileErr == nil) != (pipeErr == nil):
			t.Fatalf("file: %v; pipe: %v", fileErr, pipeErr)
		case fileErr != nil:
			if a, b := strings.ReplaceAll(fileErr.Error(), file, "PLAN"), strings.ReplaceAll(pipeErr.Error(), pipe, "PLAN"); a != b {
				t.Fatalf("file error %q, pipe error %q", a, b)
			}
		case fromFile.ResourceCount() != fromPipe.ResourceCount() || len(fromFile.Findings) != len(fromPipe.Findings):
			t.Fatalf("file: %d resources, %d findings; pipe: %d, %d", fromFile.ResourceCount(), len(fromFile.Findings), fromPipe.ResourceCount(), len(fromPipe.Findings))
		}
	})
}
