// Package inputfile reads what a scan is given — plans, sources, variable
// files, the configuration, baselines — once and within a size limit, and
// refuses what cannot stand for a file: a device such as /dev/zero, a
// socket, and inside the scanned tree a FIFO. Nothing is read twice: errors
// are placed from the bytes that were read, so a pipe gets right positions
// too.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Origin says who chose a path: the scanned tree or the user.
type Origin int

const (
	// Tree paths come from the scanned repository (a .tf file,
	// terraform.tfvars, a discovered .sovlint.hcl): regular files only,
	// whatever a committed symlink points at.
	Tree Origin = iota
	// Named paths are named on the command line: a pipe is accepted too,
	// for process substitution (<(…)) and /dev/stdin.
	Named
)

// Size limits, each well above the largest real input of its kind: they
// bound memory and time when an input never ends.
const (
	// PlanLimit bounds a plan's JSON, which is streamed: ten times the
	// 194 MB of a 100,000-resource plan.
	PlanLimit int64 = 2 << 30
	// SourceLimit bounds one .tf, .tf.json, .tofu or .tfvars file, whose
	// syntax tree weighs some 60 times its size.
	SourceLimit int64 = 8 << 20
	// ConfigLimit bounds .sovlint.hcl.
	ConfigLimit int64 = 1 << 20
	// BaselineLimit bounds a baseline file (some 20 bytes per entry).
	BaselineLimit int64 = 64 << 20
)

// Error is an input that cannot be read as what it stands for.
type Error struct {
	Path string
	Msg  string
	Err  error // the OS error, when there is one
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// TooLargeError is an input that goes past its size limit.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string { return e.Path + ": " + e.Msg() }

// Msg is the error without the path.
func (e *TooLargeError) Msg() string {
	return "is larger than " + Size(e.Limit) + ", the most sovlint reads of such a file"
}

// Size formats a byte count for messages: 8 MiB, 2 GiB.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Detail is the part of a read error that says what went wrong, without
// the path (which the caller names itself).
func Detail(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Msg
	}
	if e, ok := errors.AsType[*TooLargeError](err); ok {
		return e.Msg()
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file or directory"
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// check refuses a file mode that cannot stand for a file of this origin.
func check(path string, mode fs.FileMode, origin Origin) error {
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return &Error{Path: path, Msg: "is a directory, not a file"}
	case mode&fs.ModeNamedPipe != 0:
		if origin == Named {
			return nil
		}
		return &Error{Path: path, Msg: "is a FIFO, not a regular file"}
	case mode&fs.ModeCharDevice != 0, mode&fs.ModeDevice != 0:
		return &Error{Path: path, Msg: "is a device, not a regular file"}
	case mode&fs.ModeSocket != 0:
		return &Error{Path: path, Msg: "is a socket, not a regular file"}
	}
	return &Error{Path: path, Msg: "is not a regular file"}
}

// Open opens path for reading once it has checked what it is (through any
// symlink). Opening never blocks: a FIFO nobody writes to reads as empty.
func Open(path string, origin Origin) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := check(path, fi.Mode(), origin); err != nil {
		return nil, nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, err
	}
	// What was opened is what was checked, even if the path changed since.
	if fi, err = f.Stat(); err != nil {
		f.Close()
		return nil, nil, err
	}
	if err := check(path, fi.Mode(), origin); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// ReadFile reads the whole of path, refusing more than limit bytes and
// what Open refuses.
func ReadFile(path string, limit int64, origin Origin) ([]byte, error) {
	f, fi, err := Open(path, origin)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !fi.Mode().IsRegular() {
		return ReadAll(f, path, limit)
	}
	if fi.Size() > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	// Sized from the file, and one byte more to see its end: io.ReadAll
	// starts at 512 bytes and doubles, which made a monorepo's sources
	// cost twice their size in garbage, and kept them a tenth larger.
	return readInto(make([]byte, 0, fi.Size()+1), LimitReader(f, path, limit))
}

// readInto reads r to its end into b, growing it if r has more than its
// capacity (a file that grew since it was measured).
func readInto(b []byte, r io.Reader) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadAll reads r to its end, refusing more than limit bytes.
func ReadAll(r io.Reader, path string, limit int64) ([]byte, error) {
	b, err := io.ReadAll(LimitReader(r, path, limit))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// LimitReader reads r until limit bytes, and fails with a TooLargeError if
// there is more.
func LimitReader(r io.Reader, path string, limit int64) io.Reader {
	return &limitReader{r: r, path: path, left: limit, limit: limit}
}

type limitReader struct {
	r     io.Reader
	path  string
	left  int64
	limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, &TooLargeError{Path: l.path, Limit: l.limit}
	}
	// Read one byte past the limit to tell "exactly the limit" from
	// "more".
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n + int(l.left), &TooLargeError{Path: l.path, Limit: l.limit}
	}
	return n, err
}
