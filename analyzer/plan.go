package analyzer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

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
	attrs                                                 []rawAttr
}

// rawAttr is one attribute the catalog names, as raw JSON from change.after
// and change.after_unknown; nil when the plan does not list it there.
type rawAttr struct {
	name           string
	after, unknown []byte
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
// CPU.
func ParallelChunks(n int, work func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		work(0, n)
		return
	}
	var wg sync.WaitGroup
	size := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += size {
		wg.Go(func() { work(lo, min(lo+size, n)) })
	}
	wg.Wait()
}

// readPlan is the streaming pass: versions, variables and configuration
// decoded, resource_changes reduced to planChanges, the rest validated and
// skipped. One goroutine scans the file; the resource_changes elements it
// finds are reduced on the others, so the scan is the only serial work.
func readPlan(r io.Reader, name string, attrs []string) (*Plan, []planChange, error) {
	s := newJSONStream(r)
	p := &Plan{}
	seen := map[string]bool{}
	var changes *changeReader
	fail := func(err error) (*Plan, []planChange, error) {
		if changes != nil {
			if _, werr := changes.finish(); werr != nil && isEarlier(werr, err) {
				err = werr
			}
		}
		return nil, nil, planError(name, err)
	}
	c, ok := s.peek()
	if !ok {
		return fail(s.eof())
	}
	if c != '{' {
		if err := s.skip(); err != nil {
			return fail(err)
		}
		return nil, nil, &InputError{File: name, Line: 1, Col: 1, Msg: "not a Terraform plan: expected a JSON object"}
	}
	err := s.members(true, func(key []byte) error {
		k := string(key)
		seen[k] = true
		switch k {
		case "format_version":
			if err := streamString(s, &p.FormatVersion); err != nil {
				return err
			}
			return checkFormatVersion(name, p.FormatVersion)
		case "terraform_version":
			return streamString(s, &p.TerraformVersion)
		case "variables":
			v, err := s.capture()
			if err != nil {
				return err
			}
			if err := json.Unmarshal(v, &p.Variables); err != nil {
				return &InputError{File: name, Msg: "reading variables: " + err.Error()}
			}
		case "configuration":
			v, err := s.capture()
			if err != nil {
				return err
			}
			p.Config = new(tfjson.Config)
			if err := json.Unmarshal(v, p.Config); err != nil {
				return &InputError{File: name, Msg: "reading configuration: " + err.Error()}
			}
		case "resource_changes":
			if changes != nil { // a duplicate name: the last one wins
				changes.finish()
			}
			changes = newChangeReader(attrs)
			return changes.read(s)
		default:
			return s.skip()
		}
		return nil
	})
	if err == nil {
		err = s.end()
	}
	if err != nil {
		return fail(err)
	}
	var list []planChange
	if changes != nil {
		if list, err = changes.finish(); err != nil {
			return nil, nil, planError(name, err)
		}
	}
	switch {
	case !seen["format_version"]:
		return nil, nil, &InputError{File: name, Msg: "not a Terraform plan: it has no format_version (expected the output of `terraform show -json PLANFILE`)"}
	case seen["values"] && !seen["planned_values"] && !seen["resource_changes"]:
		return nil, nil, &InputError{File: name, Msg: "this is a Terraform state, not a plan: run `terraform show -json PLANFILE` on a saved plan"}
	case !seen["planned_values"] && !seen["resource_changes"] && !seen["configuration"]:
		return nil, nil, &InputError{File: name, Msg: "not a Terraform plan: it has none of planned_values, resource_changes or configuration"}
	}
	return p, list, nil
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

// streamString reads a string; null leaves dst empty, as Terraform writes
// null for absent optional strings in some versions.
func streamString(s *jsonStream, dst *string) error {
	c, err := s.next()
	if err != nil {
		return err
	}
	switch c {
	case 'n':
		return s.skip()
	case '"':
		v, err := s.capture()
		if err != nil {
			return err
		}
		*dst = string(unquoteText(v))
		return nil
	}
	off := s.offset()
	if err := s.skip(); err != nil {
		return err
	}
	return &syntaxError{Offset: off, Msg: "expected a string, found " + kindName(c)}
}

func kindName(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '"':
		return "a string"
	}
	return "a number"
}

// changeReader reduces resource_changes elements to planChanges on worker
// goroutines while the stream goes on. Elements travel in batches of raw
// bytes; results are put back in plan order at the end.
type changeReader struct {
	want    map[string]bool
	work    chan *changeBatch
	free    chan *changeBatch
	wg      sync.WaitGroup
	mu      sync.Mutex
	results [][]planChange
	errs    []error
	batch   *changeBatch
	seq     int
}

// changeBatch is a run of consecutive resource_changes elements.
type changeBatch struct {
	seq  int
	data []byte
	ends []int   // end of each element in data
	offs []int64 // input offset of each element, for errors
}

const changeBatchBytes = 256 << 10

func newChangeReader(attrs []string) *changeReader {
	want := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		want[a] = true
	}
	workers := runtime.GOMAXPROCS(0)
	c := &changeReader{
		want: want,
		work: make(chan *changeBatch, 2*workers),
		free: make(chan *changeBatch, 3*workers),
	}
	for range workers {
		c.wg.Go(c.reduce)
	}
	return c
}

// read streams the resource_changes array, handing its elements out.
func (c *changeReader) read(s *jsonStream) error {
	k, err := s.next()
	if err != nil {
		return err
	}
	switch k {
	case 'n':
		return s.skip()
	case '[':
	default:
		off := s.offset()
		if err := s.skip(); err != nil {
			return err
		}
		return &syntaxError{Offset: off, Msg: "resource_changes: expected an array, found " + kindName(k)}
	}
	return s.array(func() error {
		off := s.offset()
		v, err := s.capture()
		if err != nil {
			return err
		}
		if v[0] != '{' {
			return &syntaxError{Offset: off, Msg: "resource_changes: expected an object, found " + kindName(v[0])}
		}
		c.add(v, off)
		return nil
	})
}

func (c *changeReader) add(v []byte, off int64) {
	b := c.batch
	if b == nil {
		select {
		case b = <-c.free:
			b.data, b.ends, b.offs = b.data[:0], b.ends[:0], b.offs[:0]
		default:
			b = &changeBatch{data: make([]byte, 0, changeBatchBytes+4<<10)}
		}
		b.seq = c.seq
		c.seq++
		c.batch = b
	}
	b.data = append(b.data, v...)
	b.ends = append(b.ends, len(b.data))
	b.offs = append(b.offs, off)
	if len(b.data) >= changeBatchBytes {
		c.work <- b
		c.batch = nil
	}
}

// finish waits for the workers and returns the kept changes in plan
// order, or the first error in the input.
func (c *changeReader) finish() ([]planChange, error) {
	if c.batch != nil {
		c.work <- c.batch
		c.batch = nil
	}
	close(c.work)
	c.wg.Wait()
	var first error
	for _, err := range c.errs {
		if first == nil || isEarlier(err, first) {
			first = err
		}
	}
	if first != nil {
		return nil, first
	}
	n := 0
	for _, r := range c.results {
		n += len(r)
	}
	out := make([]planChange, 0, n)
	for _, r := range c.results {
		out = append(out, r...)
	}
	return out, nil
}

// reduce is a worker: it turns batches of raw elements into planChanges.
func (c *changeReader) reduce() {
	w := changeWorker{want: c.want, strings: map[string]string{}}
	for b := range c.work {
		var out []planChange
		var err error
		start := 0
		for i, end := range b.ends {
			var pc planChange
			var keep bool
			pc, keep, err = w.change(b.data[start:end], b.offs[i])
			if err != nil {
				break
			}
			if keep {
				out = append(out, pc)
			}
			start = end
		}
		c.mu.Lock()
		for len(c.results) <= b.seq {
			c.results = append(c.results, nil)
		}
		c.results[b.seq] = out
		if err != nil {
			c.errs = append(c.errs, err)
		}
		c.mu.Unlock()
		select {
		case c.free <- b:
		default:
		}
	}
}

// changeWorker is one worker's state: the strings it interns (types,
// names, providers repeat across thousands of resources) and the arena the
// kept raw values are copied to.
type changeWorker struct {
	want    map[string]bool
	strings map[string]string
	module  string // the last module address, which runs of resources share
	arena   []byte
}

func (w *changeWorker) intern(b []byte) string {
	if s, ok := w.strings[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(w.strings) < 1<<16 {
		w.strings[s] = s
	}
	return s
}

// keepBytes copies a kept raw value out of the batch, which is reused.
func (w *changeWorker) keepBytes(b []byte) []byte {
	if len(b) > cap(w.arena)-len(w.arena) {
		w.arena = make([]byte, 0, max(64<<10, len(b)))
	}
	start := len(w.arena)
	w.arena = append(w.arena, b...)
	return w.arena[start:len(w.arena):len(w.arena)]
}

// change reduces one resource_changes element; keep is false for what will
// not exist after apply, and for data sources.
func (w *changeWorker) change(b []byte, off int64) (pc planChange, keep bool, err error) {
	var deposed string
	var actions []string
	str := func(dst *string, lo, hi int, interned bool) {
		switch {
		case err != nil:
		case b[lo] == 'n':
		case b[lo] != '"':
			err = &syntaxError{Offset: off + int64(lo), Msg: "expected a string, found " + kindName(b[lo])}
		case interned:
			*dst = w.intern(unquoteText(b[lo:hi]))
		default:
			*dst = string(unquoteText(b[lo:hi]))
		}
	}
	rawMembers(b, 0, func(name []byte, lo, hi int) {
		switch string(name[1 : len(name)-1]) {
		case "address":
			str(&pc.address, lo, hi, false)
		case "module_address":
			if v := b[lo:hi]; len(v) > 2 && v[0] == '"' && string(v[1:len(v)-1]) == w.module {
				pc.moduleAddress = w.module
			} else {
				str(&pc.moduleAddress, lo, hi, false)
				w.module = pc.moduleAddress
			}
		case "mode":
			str(&pc.mode, lo, hi, true)
		case "type":
			str(&pc.typ, lo, hi, true)
		case "name":
			str(&pc.name, lo, hi, true)
		case "provider_name":
			str(&pc.providerName, lo, hi, true)
		case "deposed":
			str(&deposed, lo, hi, false)
		case "change":
			actions, pc.attrs = actions[:0], pc.attrs[:0] // a repeated change replaces the first
			if b[lo] != '{' {
				return
			}
			rawMembers(b, lo, func(name []byte, lo, hi int) {
				switch string(name[1 : len(name)-1]) {
				case "actions":
					if b[lo] != '[' {
						return
					}
					actions = actions[:0]
					rawElements(b, lo, func(lo, hi int) {
						var a string
						str(&a, lo, hi, true)
						actions = append(actions, a)
					})
				case "after":
					w.wanted(&pc, b, lo, false)
				case "after_unknown":
					w.wanted(&pc, b, lo, true)
				}
			})
		}
	})
	if err != nil {
		return planChange{}, false, err
	}
	if pc.mode == "data" || deposed != "" {
		return planChange{}, false, nil
	}
	for _, a := range actions {
		switch a {
		case "create", "update", "no-op":
			return pc, true, nil
		}
	}
	return planChange{}, false, nil // delete, read, forget
}

// wanted keeps the raw values of the attributes the catalog names from the
// object at b[i] (change.after or change.after_unknown). A repeated member
// replaces what the first one gave, as in a decode.
func (w *changeWorker) wanted(pc *planChange, b []byte, i int, unknown bool) {
	for j := range pc.attrs {
		if unknown {
			pc.attrs[j].unknown = nil
		} else {
			pc.attrs[j].after = nil
		}
	}
	if b[i] != '{' {
		return
	}
	rawMembers(b, i, func(name []byte, lo, hi int) {
		n := unquote(name)
		if !w.want[string(n)] {
			return
		}
		v := w.keepBytes(b[lo:hi])
		for j := range pc.attrs {
			if pc.attrs[j].name == string(n) {
				if unknown {
					pc.attrs[j].unknown = v
				} else {
					pc.attrs[j].after = v
				}
				return
			}
		}
		a := rawAttr{name: w.intern(n)}
		if unknown {
			a.unknown = v
		} else {
			a.after = v
		}
		pc.attrs = append(pc.attrs, a)
	})
}

func isEarlier(a, b error) bool {
	return errorOffset(a) < errorOffset(b)
}

func errorOffset(err error) int64 {
	if se, ok := errors.AsType[*syntaxError](err); ok {
		return se.Offset
	}
	return 1 << 62
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

// planError turns a stream error into an InputError with the byte offset;
// the CLI turns offsets into line and column when it can re-read the file.
func planError(name string, err error) error {
	if ie, ok := errors.AsType[*InputError](err); ok {
		return ie
	}
	if se, ok := errors.AsType[*syntaxError](err); ok {
		msg := se.Msg
		if msg == errTruncated.Error() {
			return &InputError{File: name, Offset: se.Offset, Msg: "unexpected end of JSON input (is the file truncated?)"}
		}
		return &InputError{File: name, Offset: se.Offset, Msg: "invalid JSON: " + msg}
	}
	return &InputError{File: name, Msg: "reading the plan: " + err.Error()}
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
