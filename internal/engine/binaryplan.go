package engine

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/report"
)

// A saved plan (`terraform plan -out tfplan`) is a zip archive. Turning it
// into JSON takes `terraform show -json`, which starts the provider
// binaries of the working directory it runs in: in a pull request those
// are the repository's to choose (.terraform/providers, checked only
// against the repository's own lock file). So sovlint converts a saved
// plan only when asked (Conversion), with the terraform or tofu the user
// names, in the working directory the user chose — never in the plan's own
// directory, never with a binary found on PATH or in the scanned tree —
// with the update check off, a time limit and an output limit.

var zipMagic = []byte("PK\x03\x04")

// Conversion says how to turn a saved plan into JSON. The zero value
// refuses to: the user runs `terraform show -json` themselves.
type Conversion struct {
	// TerraformBin is the terraform or tofu executable to run; "" refuses
	// conversion.
	TerraformBin string
	// Dir is the working directory to run it in, which `terraform init`
	// prepared; "" for sovlint's own.
	Dir string
	// Timeout bounds the run; 0 for DefaultConversionTimeout.
	Timeout time.Duration
	// MaxOutput bounds the JSON read from it; 0 for inputfile.PlanLimit.
	MaxOutput int64
}

// DefaultConversionTimeout bounds `terraform show -json`: converting a
// 30,000-resource plan takes Terraform well under a minute.
const DefaultConversionTimeout = 5 * time.Minute

// isBinaryPlan reports whether r starts like a saved plan, without
// consuming what it looked at.
func isBinaryPlan(r *bufio.Reader) bool {
	head, err := r.Peek(len(zipMagic))
	return err == nil && bytes.Equal(head, zipMagic)
}

// refuseBinaryPlan is the error for a saved plan sovlint will not convert.
func refuseBinaryPlan(path string, conv Conversion) error {
	show := "run `terraform show -json " + path + " > plan.json` where the plan was made, and scan plan.json"
	switch {
	case path == "-":
		return &finding.InputError{File: "<stdin>", Msg: "this is a saved plan file (a zip archive), not its JSON: pipe the output of `terraform show -json PLANFILE` instead"}
	case strings.EqualFold(filepath.Ext(path), ".json"):
		// A zip named .json is not what its name says: never run anything
		// on it, flag or no flag.
		return &finding.InputError{File: path, Msg: "is a zip archive (a saved plan?), not JSON as its name says: sovlint does not convert it; " + show}
	case conv.TerraformBin == "":
		return &finding.InputError{File: path, Msg: "this is a saved plan file, not its JSON: " + show + " (or pass --convert-binary-plan --terraform-bin PATH to have sovlint run it in the current directory)"}
	}
	return nil
}

// showPlan starts `TerraformBin show -json -no-color PATH` and returns its
// output as it comes; finish must be called with what reading it gave, and
// returns the error to report.
func showPlan(path string, conv Conversion) (*conversion, error) {
	bin, err := exec.LookPath(conv.TerraformBin)
	if err != nil {
		return nil, &finding.InputError{File: path, Msg: "cannot convert this saved plan: --terraform-bin " + report.Escape(conv.TerraformBin) + " is not an executable"}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	timeout := conv.Timeout
	if timeout <= 0 {
		timeout = DefaultConversionTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	cmd := exec.CommandContext(ctx, bin, "show", "-json", "-no-color", abs)
	cmd.Dir = conv.Dir
	cmd.Env = append(os.Environ(),
		"CHECKPOINT_DISABLE=1", // no update check: a scan never reaches the network
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
	)
	cmd.Stdin = nil
	c := &conversion{path: path, bin: conv.TerraformBin, cmd: cmd, ctx: ctx, cancel: cancel, timeout: timeout}
	cmd.Stderr = &c.stderr
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, &finding.InputError{File: path, Msg: "cannot convert this saved plan: starting " + report.Escape(conv.TerraformBin) + ": " + inputfile.Detail(err)}
	}
	limit := conv.MaxOutput
	if limit <= 0 {
		limit = inputfile.PlanLimit
	}
	c.out = &eofReader{r: inputfile.LimitReader(out, path, limit), eof: &c.ended}
	return c, nil
}

// conversion is a running `terraform show -json`.
type conversion struct {
	path, bin string
	cmd       *exec.Cmd
	ctx       context.Context
	cancel    context.CancelFunc
	timeout   time.Duration
	out       io.Reader
	ended     bool // the output was read to its end: the child is exiting
	stderr    boundedBuffer
}

// eofReader notes when its reader reaches the end.
type eofReader struct {
	r   io.Reader
	eof *bool
}

func (e *eofReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if errors.Is(err, io.EOF) {
		*e.eof = true
	}
	return n, err
}

// finish ends the child (killing its process group if it is still
// running: the plan may have been rejected before the end of its output)
// and returns the error to report: Terraform's failure first, since the
// JSON error it causes says less.
func (c *conversion) finish(readErr error) error {
	defer c.cancel()
	if readErr != nil && !c.ended {
		c.cancel() // it is still writing what will not be read
	}
	waitErr := c.cmd.Wait()
	failed := waitErr != nil && c.cmd.ProcessState != nil && c.cmd.ProcessState.Exited()
	switch {
	case errors.Is(c.ctx.Err(), context.DeadlineExceeded):
		return &finding.InputError{File: c.path, Msg: fmt.Sprintf("cannot convert this saved plan: %s show -json took longer than %s and was stopped", report.Escape(c.bin), c.timeout)}
	case readErr != nil && !failed:
		return readErr
	case waitErr != nil:
		msg := fmt.Sprintf("cannot convert this saved plan: %s show -json failed (%v)", report.Escape(c.bin), waitErr)
		if line := c.stderr.firstLine(); line != "" {
			msg += ": " + line
		}
		return &finding.InputError{File: c.path, Msg: msg + "; run it in the directory the plan was made in, and scan its output"}
	}
	return nil
}

// boundedBuffer keeps the first few KiB written to it: a child's stderr,
// for the first line of its error.
type boundedBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (b *boundedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := 4<<10 - len(b.buf); room > 0 {
		b.buf = append(b.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (b *boundedBuffer) firstLine() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for line := range strings.SplitSeq(string(b.buf), "\n") {
		// Terraform frames its errors: "╷", "│ Error: …".
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "╷│╵"))
		if line != "" {
			return report.Excerpt(line, 200)
		}
	}
	return ""
}
