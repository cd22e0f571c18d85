package analyzer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
	version "github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
)

// Plan is what sovlint keeps of a `terraform show -json` / `tofu show -json`
// plan: its versions, its managed resource instances and its configuration.
type Plan struct {
	FormatVersion    string
	TerraformVersion string
	Instances        []*Instance
	// Config and Variables are the plan's configuration and root variable
	// values, kept for mapping resources back to their sources.
	Config    *tfjson.Config
	Variables map[string]*tfjson.PlanVariable
}

// planChange is one resource_changes entry, reduced to what the analysis
// reads. Attribute values stay raw JSON until the configuration, which
// Terraform writes after resource_changes, is known.
type planChange struct {
	address, moduleAddress, mode, typ, name, providerName string
	deposed                                               string
	actions                                               []string
	after                                                 map[string]jsontext.Value
	unknown                                               map[string]jsontext.Value
	allUnknown                                            bool
}

// planVersionConstraint is terraform-json's own accepted range.
var planVersionConstraint = version.MustConstraints(version.NewConstraint(tfjson.PlanFormatVersionConstraints))

// LoadPlan reads a plan in Terraform's JSON format. It streams
// resource_changes and decodes only the attributes named in attrs (plus the
// configuration), so memory follows the number of resources, not the size
// of the file. name is used in errors.
func LoadPlan(r io.Reader, name string, attrs, providerAttrs []string) (*Plan, error) {
	instances, p, err := StreamPlan(r, name, attrs, providerAttrs, func(in *Instance) *Instance { return in })
	if err != nil {
		return nil, err
	}
	p.Instances = instances
	return p, nil
}

// StreamPlan reads a plan like LoadPlan and hands each managed resource
// instance to fn as soon as the configuration needed to build it is known,
// on as many goroutines as there are CPUs; it returns fn's results in plan
// order. Instances are not kept: a caller that resolves them as they come
// never holds them all.
func StreamPlan[T any](r io.Reader, name string, attrs, providerAttrs []string, fn func(*Instance) T) ([]T, *Plan, error) {
	p, changes, err := readPlan(r, name, attrs)
	if err != nil {
		return nil, nil, err
	}
	idx := newConfigIndex(p.Config, p.Variables, providerAttrs)
	out := make([]T, len(changes))
	ParallelChunks(len(changes), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = fn(idx.instance(&changes[i]))
			changes[i] = planChange{} // let the raw values go as we convert
		}
	})
	return out, p, nil
}

// ParallelChunks runs work over [0, n) split into chunks, one goroutine per
// CPU. A panic in a chunk is raised again in the caller's goroutine, where
// the command line can turn it into an error instead of a crash.
func ParallelChunks(n int, work func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		work(0, n)
		return
	}
	var (
		wg       sync.WaitGroup
		once     sync.Once
		panicked any
	)
	size := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += size {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
				}
			}()
			work(lo, min(lo+size, n))
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}

// readPlan is the streaming pass: versions, variables and configuration
// decoded, resource_changes reduced to planChanges, the rest skipped.
func readPlan(r io.Reader, name string, attrs []string) (*Plan, []planChange, error) {
	want := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		want[a] = true
	}
	dec := jsontext.NewDecoder(bufio.NewReaderSize(r, 256<<10), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	p := &Plan{}
	var (
		changes []planChange
		seen    = map[string]bool{}
	)
	fail := func(err error) (*Plan, []planChange, error) {
		return nil, nil, jsonError(name, dec, err)
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return fail(err)
	}
	if tok.Kind() != '{' {
		return nil, nil, &InputError{File: name, Line: 1, Col: 1, Msg: "not a Terraform plan: expected a JSON object"}
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return fail(err)
		}
		key := tok.String()
		seen[key] = true
		switch key {
		case "format_version":
			if err := readString(dec, &p.FormatVersion); err != nil {
				return fail(err)
			}
			if err := checkFormatVersion(name, p.FormatVersion); err != nil {
				return nil, nil, err
			}
		case "terraform_version":
			if err := readString(dec, &p.TerraformVersion); err != nil {
				return fail(err)
			}
		case "variables":
			v, err := dec.ReadValue()
			if err != nil {
				return fail(err)
			}
			if err := json.Unmarshal(v, &p.Variables); err != nil {
				return nil, nil, &InputError{File: name, Msg: "reading variables: " + err.Error()}
			}
		case "configuration":
			v, err := dec.ReadValue()
			if err != nil {
				return fail(err)
			}
			p.Config = new(tfjson.Config)
			if err := json.Unmarshal(v, p.Config); err != nil {
				return nil, nil, &InputError{File: name, Msg: "reading configuration: " + err.Error()}
			}
		case "resource_changes":
			if changes, err = readChanges(dec, want); err != nil {
				return fail(err)
			}
		default:
			if err := dec.SkipValue(); err != nil {
				return fail(err)
			}
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return fail(err)
	}
	if _, err := dec.ReadToken(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("unexpected data after the plan object")
		}
		return fail(err)
	}
	switch {
	case !seen["format_version"]:
		return nil, nil, &InputError{File: name, Msg: "not a Terraform plan: it has no format_version (expected the output of `terraform show -json PLANFILE`)"}
	case seen["values"] && !seen["planned_values"] && !seen["resource_changes"]:
		return nil, nil, &InputError{File: name, Msg: "this is a Terraform state, not a plan: run `terraform show -json PLANFILE` on a saved plan"}
	case !seen["planned_values"] && !seen["resource_changes"] && !seen["configuration"]:
		return nil, nil, &InputError{File: name, Msg: "not a Terraform plan: it has none of planned_values, resource_changes or configuration"}
	}
	return p, changes, nil
}

func checkFormatVersion(name, v string) error {
	ver, err := version.NewVersion(v)
	if err != nil {
		return &InputError{File: name, Msg: fmt.Sprintf("invalid plan format_version %q", v)}
	}
	if !planVersionConstraint.Check(ver) {
		return &InputError{File: name, Msg: fmt.Sprintf("unsupported plan format_version %q: sovlint reads %s", v, tfjson.PlanFormatVersionConstraints)}
	}
	return nil
}

// readString reads a string; null leaves dst empty, as Terraform writes
// null for absent optional strings in some versions.
func readString(dec *jsontext.Decoder, dst *string) error {
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() == 'n' {
		return nil
	}
	if tok.Kind() != '"' {
		return fmt.Errorf("expected a string, found %s", tok.Kind())
	}
	*dst = tok.String()
	return nil
}

func readStrings(dec *jsontext.Decoder) ([]string, error) {
	if dec.PeekKind() != '[' {
		return nil, dec.SkipValue()
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	var out []string
	for dec.PeekKind() != ']' {
		var s string
		if err := readString(dec, &s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	_, err := dec.ReadToken()
	return out, err
}

func readChanges(dec *jsontext.Decoder, want map[string]bool) ([]planChange, error) {
	if dec.PeekKind() == 'n' {
		return nil, dec.SkipValue()
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	var changes []planChange
	for dec.PeekKind() != ']' {
		var c planChange
		if err := readChange(dec, want, &c); err != nil {
			return nil, err
		}
		if keepChange(&c) {
			changes = append(changes, c)
		}
	}
	_, err := dec.ReadToken()
	return changes, err
}

// keepChange drops what will not exist after apply, and data sources.
func keepChange(c *planChange) bool {
	if c.mode == "data" || c.deposed != "" {
		return false
	}
	for _, a := range c.actions {
		switch a {
		case "create", "update", "no-op":
			return true
		}
	}
	return false // delete, read, forget
}

func readChange(dec *jsontext.Decoder, want map[string]bool, c *planChange) error {
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return err
		}
		var dst *string
		switch string(name) {
		case "address":
			dst = &c.address
		case "module_address":
			dst = &c.moduleAddress
		case "mode":
			dst = &c.mode
		case "type":
			dst = &c.typ
		case "name":
			dst = &c.name
		case "provider_name":
			dst = &c.providerName
		case "deposed":
			dst = &c.deposed
		case "change":
			if err := readChangeBody(dec, want, c); err != nil {
				return err
			}
			continue
		default:
			if err := dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		if err := readString(dec, dst); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

func readChangeBody(dec *jsontext.Decoder, want map[string]bool, c *planChange) error {
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return err
		}
		switch string(name) {
		case "actions":
			if c.actions, err = readStrings(dec); err != nil {
				return err
			}
		case "after":
			if c.after, err = readWanted(dec, want); err != nil {
				return err
			}
		case "after_unknown":
			if dec.PeekKind() == 't' {
				c.allUnknown = true
				err = dec.SkipValue()
			} else {
				c.unknown, err = readWanted(dec, want)
			}
			if err != nil {
				return err
			}
		default:
			if err := dec.SkipValue(); err != nil {
				return err
			}
		}
	}
	_, err := dec.ReadToken()
	return err
}

// readName reads an object member name without allocating: the raw
// bytes, unquoted when they hold no escapes (Terraform's attribute names
// never do), valid until the next read.
func readName(dec *jsontext.Decoder) ([]byte, error) {
	v, err := dec.ReadValue()
	if err != nil {
		return nil, err
	}
	if len(v) >= 2 && v[0] == '"' && bytes.IndexByte(v, '\\') < 0 {
		return v[1 : len(v)-1], nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// readWanted reads an object, keeping a copy of the raw value of the wanted
// keys and skipping the rest without decoding it.
func readWanted(dec *jsontext.Decoder, want map[string]bool) (map[string]jsontext.Value, error) {
	if dec.PeekKind() != '{' {
		return nil, dec.SkipValue()
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	var out map[string]jsontext.Value
	for dec.PeekKind() != '}' {
		name, err := readName(dec)
		if err != nil {
			return nil, err
		}
		if !want[string(name)] {
			if err := dec.SkipValue(); err != nil {
				return nil, err
			}
			continue
		}
		k := string(name)
		v, err := dec.ReadValue()
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make(map[string]jsontext.Value, 4)
		}
		out[k] = v.Clone()
	}
	_, err := dec.ReadToken()
	return out, err
}

// InputError is a problem with the user's input, located in a file.
type InputError struct {
	File      string
	Line, Col int // 0 when unknown
	Offset    int64
	Msg       string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	case e.Offset > 0:
		fmt.Fprintf(&b, ": byte %d", e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// jsonError turns a decoder error into an InputError with the byte offset;
// the CLI turns offsets into line and column when it can re-read the file.
func jsonError(name string, dec *jsontext.Decoder, err error) error {
	if ie, ok := errors.AsType[*InputError](err); ok {
		return ie
	}
	e := &InputError{File: name, Offset: dec.InputOffset()}
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &se):
		e.Offset = se.ByteOffset
		msg := se.Err.Error()
		if errors.Is(se.Err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of JSON input (is the file truncated?)"
		}
		e.Msg = "invalid JSON: " + msg
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		e.Msg = "unexpected end of JSON input (is the file truncated?)"
	default:
		e.Msg = "invalid JSON: " + err.Error()
	}
	return e
}

// LocateOffset fills in Line and Col from Offset using the file's content.
func (e *InputError) LocateOffset(content []byte) {
	if e.Line > 0 || e.Offset <= 0 {
		return
	}
	off := min(int(e.Offset), len(content))
	line, col := 1, 1
	for _, c := range content[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	e.Line, e.Col = line, col
}
