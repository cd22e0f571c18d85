package engine

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// A saved plan (`terraform plan -out tfplan`) is a zip archive. The only
// program sovlint ever runs is `terraform show -json` (or `tofu show -json`)
// on such a file, so that users can scan it directly; the JSON it prints is
// streamed like any plan.

var zipMagic = []byte("PK\x03\x04")

// isBinaryPlan reports whether r starts like a saved plan, without
// consuming what it looked at.
func isBinaryPlan(r *bufio.Reader) bool {
	head, err := r.Peek(len(zipMagic))
	return err == nil && bytes.Equal(head, zipMagic)
}

// showPlan runs `terraform show -json PATH`, else `tofu show -json PATH`,
// in the current directory and then in the plan's own (one of them is the
// initialized working directory the plan was made in), and returns the
// JSON. Errors name the file and say what to do.
func showPlan(path string) (io.Reader, error) {
	attempts := [][]string{{"show", "-json", "-no-color", path}}
	if dir := filepath.Dir(path); dir != "." {
		attempts = append(attempts, []string{"-chdir=" + dir, "show", "-json", "-no-color", filepath.Base(path)})
	}
	var tried []string
	for _, tool := range []string{"terraform", "tofu"} {
		bin, err := exec.LookPath(tool)
		if err != nil {
			continue
		}
		tried = append(tried, tool)
		for _, args := range attempts {
			// A plan made by the other tool, or read outside its working
			// directory, fails: try the next way.
			if out, err := exec.CommandContext(context.Background(), bin, args...).Output(); err == nil {
				return bytes.NewReader(out), nil
			}
		}
	}
	msg := "this is a saved plan file, not its JSON"
	switch {
	case len(tried) == 0:
		msg += ": neither terraform nor tofu is on PATH; run `terraform show -json " + path + " > plan.json` and scan plan.json"
	default:
		msg += fmt.Sprintf(": `%s show -json` could not read it here; run it in the directory the plan was made in, and scan its output", strings.Join(tried, "` and `"))
	}
	return nil, &finding.InputError{File: path, Msg: msg}
}
