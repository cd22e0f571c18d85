package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"sync"

	version "github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/par"
)

// Plan is what sovlint keeps of a `terraform show -json` / `tofu show -json`
// plan: its versions, its managed resource instances and its configuration.
type Plan struct {
	FormatVersion    string
	TerraformVersion string
	Instances        []*analyzer.Instance
	// Config and Variables are the plan's configuration and root variable
	// values, kept for mapping resources back to their sources.
	Config    *tfjson.Config
	Variables map[string]*tfjson.PlanVariable
}

// planChange is one resource_changes entry, reduced to what the analysis
// reads. Whether an attribute is set in the configuration waits for the
// configuration, which Terraform writes after resource_changes.
type planChange struct {
	address, moduleAddress string
	*changeBlock
	attrs []keptAttr
}

// changeBlock is what the instances of a resource block share: a plan's
// changes are held until its configuration is read, and a pointer is a
// quarter of four strings.
type changeBlock struct {
	mode, typ, name, providerName string
}

// keptAttr is an attribute the catalog names, converted from change.after
// and change.after_unknown.
type keptAttr struct {
	value cty.Value
	attr  uint16 // the attribute's index in the names the loader was given
	// why says why the value is not wholly known: a code rather than the
	// text, as a large plan holds hundreds of thousands of these until its
	// configuration is read.
	why unknownWhy
}

// unknownWhy is why a value a plan gives is not wholly known.
type unknownWhy uint8

const (
	whyKnown      unknownWhy = iota
	whyAfterApply            // known only after apply
	whyCollided              // keys that normalise alike
)

// String is the reason as resources carry it.
func (w unknownWhy) String() string {
	switch w {
	case whyAfterApply:
		return "known only after apply"
	case whyCollided:
		return "two of its keys differ only by Unicode normalisation, which Terraform never writes"
	case whyKnown:
	}
	return ""
}

// rawAttr is a kept attribute before conversion: raw JSON from
// change.after and change.after_unknown, nil when the plan does not list it
// there.
type rawAttr struct {
	name           string
	after, unknown []byte
}

// planVersionConstraint is terraform-json's own accepted range, parsed
// (go-version compiles its regexps then) when a plan is first read rather
// than by every command at start.
var planVersionConstraint = sync.OnceValue(func() version.Constraints {
	return version.MustConstraints(version.NewConstraint(tfjson.PlanFormatVersionConstraints))
})

// LoadPlan reads a plan in Terraform's JSON format. It streams
// resource_changes and decodes only the attributes named in attrs (plus the
// configuration), so memory follows the number of resources, not the size
// of the file. name is used in errors.
func LoadPlan(r io.Reader, name string, attrs, providerAttrs []string) (*Plan, error) {
	instances, p, err := StreamPlan(r, name, attrs, providerAttrs, func(in *analyzer.Instance) *analyzer.Instance { return in })
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
func StreamPlan[T any](r io.Reader, name string, attrs, providerAttrs []string, fn func(*analyzer.Instance) T) ([]T, *Plan, error) {
	return streamPlan(r, name, attrs, providerAttrs, fn, false)
}

// StreamPlanTransient is StreamPlan for an fn that keeps nothing of the
// instance it is given, neither the instance nor its Attrs map (a resolver
// keeps the values, which are not reused): each goroutine builds every
// instance in the same memory, which spares a large plan hundreds of bytes
// of garbage per resource.
func StreamPlanTransient[T any](r io.Reader, name string, attrs, providerAttrs []string, fn func(*analyzer.Instance) T) ([]T, *Plan, error) {
	return streamPlan(r, name, attrs, providerAttrs, fn, true)
}

func streamPlan[T any](r io.Reader, name string, attrs, providerAttrs []string, fn func(*analyzer.Instance) T, reuse bool) ([]T, *Plan, error) {
	p, batches, err := readPlan(r, name, attrs)
	if err != nil {
		return nil, nil, err
	}
	idx := newConfigIndex(p.Config, p.Variables, providerAttrs)
	idx.attrNames = attrs
	// starts[k] is the index of batch k's first change in plan order.
	starts := make([]int, len(batches)+1)
	for k, b := range batches {
		starts[k+1] = starts[k] + len(b)
	}
	n := starts[len(batches)]
	out := make([]T, n)
	par.Chunks(n, func(lo, hi int) {
		var bc blockCache
		var inst *analyzer.Instance
		if reuse {
			inst = &analyzer.Instance{}
		}
		k := sort.SearchInts(starts, lo+1) - 1 // the batch holding change lo
		for i := lo; i < hi; {
			b := batches[k]
			for j := i - starts[k]; j < len(b) && i < hi; j, i = j+1, i+1 {
				out[i] = fn(idx.instance(&b[j], &bc, inst))
				b[j] = planChange{} // let the raw values go as we convert
			}
			if starts[k] >= lo && starts[k+1] <= hi {
				batches[k] = nil // and the batch, once it is all converted
			}
			k++
		}
	})
	return out, p, nil
}

// readPlan is the streaming pass: versions, variables and configuration
// decoded, resource_changes reduced to planChanges, the rest validated and
// skipped. The goroutine that reads the file only finds where values end;
// validating them and picking fields out of resource_changes happens on
// the others, so that a plan is read at the speed of that one scan.
func readPlan(r io.Reader, name string, attrs []string) (*Plan, [][]planChange, error) {
	pr := &planReader{s: newJSONStream(r), name: name, want: make(map[string]uint16, len(attrs))}
	if len(attrs) >= math.MaxUint16 {
		panic("plan: the catalog names more attributes than a keptAttr can index")
	}
	for i, a := range attrs {
		if _, dup := pr.want[a]; !dup {
			pr.want[a] = uint16(i + 1)
			pr.wantFilter.add(a)
		}
	}
	p, err := pr.read()
	if werr := pr.wait(); werr != nil && (err == nil || isEarlier(werr, err)) {
		err = werr
	}
	if err != nil {
		return nil, nil, planError(name, err)
	}
	var list [][]planChange
	if c := pr.changes; c != nil {
		list = c.results
	}
	switch {
	case !pr.seen["format_version"]:
		return nil, nil, &finding.InputError{File: name, Msg: "not a Terraform plan: it has no format_version (expected the output of `terraform show -json PLANFILE`)"}
	case pr.seen["values"] && !pr.seen["planned_values"] && !pr.seen["resource_changes"]:
		return nil, nil, &finding.InputError{File: name, Msg: "this is a Terraform state, not a plan: run `terraform show -json PLANFILE` on a saved plan"}
	case !pr.seen["planned_values"] && !pr.seen["resource_changes"] && !pr.seen["configuration"]:
		return nil, nil, &finding.InputError{File: name, Msg: "not a Terraform plan: it has none of planned_values, resource_changes or configuration"}
	}
	return p, list, nil
}

// planReader is one read of a plan: the scanning goroutine's state and the
// errors the others report.
type planReader struct {
	s    *jsonStream
	name string
	want map[string]uint16 // attribute names kept → index + 1
	// wantFilter rules out most other names before want is looked up:
	// a resource's after holds dozens of attributes, and hashing each name
	// showed in profiles.
	wantFilter nameFilter
	seen       map[string]bool
	changes    *changeReader // the last resource_changes: a repeated name wins
	// values validates the resources of planned_values and prior_state,
	// and resource_drift's changes, on the workers.
	values *changeReader
	chunks chan []byte // buffers for values validated elsewhere

	wg   par.Group // Wait re-panics a worker's panic in the reading goroutine
	mu   sync.Mutex
	errs []error
}

// placedError is an error found at an input offset: of all the errors the
// goroutines find, the first in the file is the one reported.
type placedError struct {
	offset int64
	err    error
}

func (e *placedError) Error() string { return e.err.Error() }
func (e *placedError) Unwrap() error { return e.err }

func (pr *planReader) fail(err error) {
	pr.mu.Lock()
	pr.errs = append(pr.errs, err)
	pr.mu.Unlock()
}

// wait waits for every goroutine the read started and returns the first
// error in the file any of them found.
func (pr *planReader) wait() error {
	if pr.changes != nil {
		pr.changes.close()
	}
	if pr.values != nil {
		pr.values.close()
	}
	pr.wg.Wait()
	var first error
	for _, err := range pr.errs {
		if first == nil || isEarlier(err, first) {
			first = err
		}
	}
	return first
}

func (pr *planReader) read() (*Plan, error) {
	s := pr.s
	p := &Plan{}
	pr.seen = map[string]bool{}
	c, ok := s.peek()
	if !ok {
		return nil, s.eof()
	}
	if c != '{' {
		if err := s.skip(); err != nil {
			return nil, err
		}
		return nil, &finding.InputError{File: pr.name, Line: 1, Col: 1, Msg: "not a Terraform plan: expected a JSON object"}
	}
	err := s.members(true, func(key []byte) error {
		k := string(key)
		pr.seen[k] = true
		switch k {
		case "format_version":
			if _, err := s.next(); err != nil {
				return err
			}
			start := s.offset()
			if err := streamString(s, &p.FormatVersion); err != nil {
				return err
			}
			if err := checkFormatVersion(pr.name, p.FormatVersion); err != nil {
				err.Offset = start
				return &placedError{offset: start, err: err}
			}
			return nil
		case "terraform_version":
			return streamString(s, &p.TerraformVersion)
		case "variables":
			if _, err := s.next(); err != nil {
				return err
			}
			start := s.offset()
			v, err := s.capture()
			if err != nil {
				return err
			}
			// Values decode as json.Number: exact, whatever their size.
			if err := decodeNumbers(v, &p.Variables); err != nil {
				return decodeError(pr.name, "variables", start, err)
			}
		case "configuration":
			if _, err := s.next(); err != nil {
				return err
			}
			start := s.offset()
			v, err := s.capture()
			if err != nil {
				return err
			}
			p.Config = new(tfjson.Config)
			if err := json.Unmarshal(markNumbers(v), p.Config); err != nil {
				return decodeError(pr.name, "configuration", start, err)
			}
			if path, at := nullObject(p.Config, v); path != "" {
				return &placedError{offset: start + int64(at), err: &finding.InputError{File: pr.name, Offset: start + int64(at), Msg: "configuration." + path + " is null where the plan format has an object"}}
			}
		case "planned_values":
			return pr.skipValues()
		case "prior_state":
			return pr.skipObject(map[string]func() error{"values": pr.skipValues})
		case "resource_drift":
			return pr.skipElements()
		case "resource_changes":
			if pr.changes != nil {
				pr.changes.close()
			}
			pr.changes = newChangeReader(pr, false)
			return pr.changes.read(s)
		default:
			return pr.skip()
		}
		return nil
	})
	if err == nil {
		err = s.end()
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// skip passes over a value the analysis does not read. Objects and arrays
// (planned_values, prior_state: a third of a plan) are validated on another
// goroutine as their bytes go by; scalars at once.
func (pr *planReader) skip() error {
	s := pr.s
	c, err := s.next()
	if err != nil {
		return err
	}
	if c != '{' && c != '[' {
		return s.skip()
	}
	if pr.chunks == nil {
		pr.chunks = make(chan []byte, 8)
	}
	pieces := make(chan []byte, 4)
	v := &jsonStream{r: &chunkReader{chunks: pieces, free: pr.chunks}, buf: make([]byte, 0, 64<<10), keep: -1, off: s.offset(), depth: s.depth}
	pr.wg.Go(func() {
		// Let the scan finish whatever the validator found, and even if
		// it panicked: the scan would otherwise wait on it for ever.
		defer func() {
			for range pieces {
			}
		}()
		err := v.skip()
		if err == nil {
			if _, ok := v.peek(); ok {
				err = v.errorf("invalid character %s after value", quoteChar(v.buf[v.pos]))
			}
		}
		if err != nil {
			pr.fail(err)
		}
	})
	var cur []byte
	err = s.skipRaw(func(b []byte) {
		for len(b) > 0 {
			if cur == nil {
				select {
				case cur = <-pr.chunks:
					cur = cur[:0]
				default:
					cur = make([]byte, 0, 128<<10)
				}
			}
			n := copy(cur[len(cur):cap(cur)], b)
			cur, b = cur[:len(cur)+n], b[n:]
			if len(cur) == cap(cur) {
				pieces <- cur
				cur = nil
			}
		}
	})
	if cur != nil {
		pieces <- cur
	}
	close(pieces)
	return err
}

// The values representations (planned_values, prior_state's values) and
// resource_drift are a third of a plan and are only validated. They are
// read down to their resources, whose objects workers validate as they do
// resource_changes' elements, in memory and in one pass: validated as a
// stream beside the reader, they cost a tenth of a scan's CPU.

// skipValues validates a values representation: {outputs, root_module}.
func (pr *planReader) skipValues() error {
	return pr.skipObject(map[string]func() error{"root_module": pr.skipModule})
}

// skipModule validates a module of a values representation: its
// resources on the workers, its child modules likewise.
func (pr *planReader) skipModule() error {
	return pr.skipObject(map[string]func() error{
		"resources":     pr.skipElements,
		"child_modules": func() error { return pr.skipArray(pr.skipModule) },
	})
}

// skipObject validates an object, reading the members named in read with
// their functions and skipping the others; a value of another kind is
// skipped.
func (pr *planReader) skipObject(read map[string]func() error) error {
	s := pr.s
	if c, err := s.next(); err != nil || c != '{' {
		return pr.skip()
	}
	return s.members(true, func(name []byte) error {
		if f := read[string(name)]; f != nil {
			return f()
		}
		return pr.skip()
	})
}

// skipArray validates an array, reading each element with elem; a value
// of another kind is skipped.
func (pr *planReader) skipArray(elem func() error) error {
	s := pr.s
	if c, err := s.next(); err != nil || c != '[' {
		return pr.skip()
	}
	return s.array(elem)
}

// skipElements has the workers validate the elements of an array.
func (pr *planReader) skipElements() error {
	s := pr.s
	if c, err := s.next(); err != nil || c != '[' {
		return pr.skip()
	}
	if pr.values == nil {
		pr.values = newChangeReader(pr, true)
	}
	return pr.values.elements(s)
}

// chunkReader reads the pieces of a value sent over a channel, handing
// each buffer back when it is consumed.
type chunkReader struct {
	chunks <-chan []byte
	free   chan<- []byte
	cur    []byte
	off    int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for r.off == len(r.cur) {
		if r.cur != nil {
			select {
			case r.free <- r.cur:
			default:
			}
		}
		c, ok := <-r.chunks
		if !ok {
			r.cur = nil
			return 0, io.EOF
		}
		r.cur, r.off = c, 0
	}
	n := copy(p, r.cur[r.off:])
	r.off += n
	return n, nil
}

func checkFormatVersion(name, v string) *finding.InputError {
	shown := v
	if len(shown) > 20 {
		shown = "…" // a version is short: this is not one, and may be anything
	}
	ver, err := version.NewVersion(v)
	if err != nil {
		return &finding.InputError{File: name, Msg: fmt.Sprintf("invalid plan format_version %q", shown)}
	}
	if !planVersionConstraint().Check(ver) {
		return &finding.InputError{File: name, Msg: fmt.Sprintf("unsupported plan format_version %q: sovlint reads %s", shown, tfjson.PlanFormatVersionConstraints)}
	}
	return nil
}

// streamString reads a string; null leaves dst empty, as Terraform writes
// null for absent optional strings in some versions.
func streamString(s *jsonStream, dst *string) error {
	return readText(s, func(b []byte) { *dst = string(b) })
}

// readText reads a string or null (which leaves it unset), handing set the
// unquoted bytes, valid until the stream is read again.
func readText(s *jsonStream, set func([]byte)) error {
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
		set(unquoteText(v))
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
// goroutines while the scan goes on. Elements travel in batches of raw
// bytes; results are put back in plan order at the end.
type changeReader struct {
	pr      *planReader
	work    chan *changeBatch
	free    chan *changeBatch
	mu      sync.Mutex
	results [][]planChange // each batch's, in plan order
	batch   *changeBatch
	seq     int
	closed  bool
	// validateOnly says the elements are only validated: the resources of
	// planned_values and prior_state, and resource_drift's changes.
	validateOnly bool
}

// changeBatch is a run of consecutive resource_changes elements.
type changeBatch struct {
	seq   int
	depth int
	data  []byte
	ends  []int   // end of each element in data
	offs  []int64 // input offset of each element, for errors
}

const changeBatchBytes = 256 << 10

func newChangeReader(pr *planReader, validateOnly bool) *changeReader {
	workers := runtime.GOMAXPROCS(0)
	c := &changeReader{
		pr:           pr,
		validateOnly: validateOnly,
		work:         make(chan *changeBatch, 2*workers),
		free:         make(chan *changeBatch, 3*workers),
	}
	for range workers {
		pr.wg.Go(func() {
			// A worker that panicked keeps taking batches, so that the
			// reader never waits on it; Wait then re-panics.
			defer func() {
				for range c.work {
				}
			}()
			c.reduce()
		})
	}
	return c
}

// read scans the resource_changes array, handing its elements out.
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
		k, err := s.next()
		if err != nil {
			return err
		}
		off := s.offset()
		if k != '{' {
			if err := s.skip(); err != nil {
				return err
			}
			return &syntaxError{Offset: off, Msg: "resource_changes: expected an object, found " + kindName(k)}
		}
		return c.hand(s, off)
	})
}

// hand copies the value next in s, which starts at off, and adds it to
// the batch for the workers.
func (c *changeReader) hand(s *jsonStream, off int64) error {
	start, outer := s.hold()
	err := s.skipRaw(nil)
	v := s.release(start, outer)
	if err != nil {
		return err
	}
	c.add(v, off, s.depth)
	return nil
}

func (c *changeReader) add(v []byte, off int64, depth int) {
	b := c.batch
	if b != nil && b.depth != depth {
		// A batch's elements share a depth (planned_values' resources are
		// at every module's).
		c.work <- b
		b, c.batch = nil, nil
	}
	if b == nil {
		select {
		case b = <-c.free:
			b.data, b.ends, b.offs = b.data[:0], b.ends[:0], b.offs[:0]
		default:
			b = &changeBatch{data: make([]byte, 0, changeBatchBytes+4<<10)}
		}
		b.seq, b.depth = c.seq, depth
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

// validate is a worker that only validates: each element must be one
// value, as a decode would find it.
func (c *changeReader) validate() {
	for b := range c.work {
		start := 0
		for i, end := range b.ends {
			s := memStream(b.data[start:end], b.offs[i], b.depth)
			err := s.skip()
			if err == nil {
				if _, ok := s.peek(); ok {
					err = s.errorf("invalid character %s after value", quoteChar(s.buf[s.pos]))
				}
			}
			if err != nil {
				c.pr.fail(err)
				break
			}
			start = end
		}
		select {
		case c.free <- b:
		default:
		}
	}
}

// elements hands each element of the array next in s to the workers,
// objects and arrays whole; other values are validated at once.
func (c *changeReader) elements(s *jsonStream) error {
	return s.array(func() error {
		k, err := s.next()
		if err != nil {
			return err
		}
		if k != '{' && k != '[' {
			return s.skip()
		}
		if c.validateOnly {
			// An element already in the buffer is validated here, in the
			// one pass that finds its end: handed to a worker it was
			// scanned twice (its end found here, then validated there) and
			// copied, a twentieth of a large plan's CPU. Anything else (an
			// element the buffer cuts, or an error, whose message and
			// place the workers' path settles) goes the workers' way.
			if end, msg := scanValue(s.buf, s.pos, s.depth); msg == "" {
				s.pos = end
				return nil
			}
		}
		return c.hand(s, s.offset())
	})
}

// close hands out the last batch and lets the workers end.
func (c *changeReader) close() {
	if c.closed {
		return
	}
	c.closed = true
	if c.batch != nil {
		c.work <- c.batch
		c.batch = nil
	}
	close(c.work)
}

// reduce is a worker: it validates batches of raw elements and turns them
// into planChanges.
func (c *changeReader) reduce() {
	if c.validateOnly {
		c.validate()
		return
	}
	w := changeWorker{want: c.pr.want, wantFilter: &c.pr.wantFilter, strings: map[string]string{}, values: map[string]keptAttr{}, blocks: map[changeBlock]*changeBlock{}}
	for b := range c.work {
		out := make([]planChange, 0, len(b.ends)) // at most one each: no growth to waste
		start := 0
		for i, end := range b.ends {
			pc, keep, err := w.change(b.data[start:end], b.offs[i], b.depth)
			if err != nil {
				c.pr.fail(err)
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
		c.mu.Unlock()
		select {
		case c.free <- b:
		default:
		}
	}
}

// changeWorker is one worker's state: the strings it interns (types,
// names, providers repeat across thousands of resources) and the values it
// has converted. The resources of a module instance usually carry the same
// tags: converting each distinct raw value once made conversion a tenth of
// what it was on the corpus plans.
type changeWorker struct {
	want       map[string]uint16
	wantFilter *nameFilter
	strings    map[string]string
	blocks     map[changeBlock]*changeBlock
	module     string // the last module address, which runs of resources share
	raw        []rawAttr
	values     map[string]keptAttr // raw after + NUL + raw after_unknown → converted
	key        []byte
}

// block returns the worker's copy of a change block.
func (w *changeWorker) block(cb changeBlock) *changeBlock {
	if p, ok := w.blocks[cb]; ok {
		return p
	}
	p := &cb
	if len(w.blocks) < 1<<16 {
		w.blocks[cb] = p
	}
	return p
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

// convert turns the raw attributes of a change into values, as the
// generic path did: goToCty(after, after_unknown) over decoded values.
func (w *changeWorker) convert() []keptAttr {
	var out []keptAttr
	for _, a := range w.raw {
		w.key = append(append(append(w.key[:0], a.after...), 0), a.unknown...)
		k, ok := w.values[string(w.key)]
		if !ok {
			k = convertAttr(a)
			if len(w.values) >= 1<<12 {
				clear(w.values)
			}
			w.values[string(w.key)] = k
		}
		if k.value == cty.NilVal {
			continue
		}
		if out == nil {
			out = make([]keptAttr, 0, len(w.raw))
		}
		k.attr = w.want[a.name] - 1
		out = append(out, k)
	}
	return out
}

// convertAttr converts one attribute; the result has no value when the
// plan lists it only as known after apply, with false.
func convertAttr(a rawAttr) keptAttr {
	var u any
	if a.unknown != nil {
		// after_unknown holds only objects, arrays and booleans.
		_ = json.Unmarshal(a.unknown, &u)
	}
	var k keptAttr
	collided := false
	switch {
	case a.after != nil:
		k.value, collided = rawToCtyChecked(a.after, u)
	case u == true:
		k.value = cty.DynamicVal
	default:
		return k
	}
	switch {
	case collided:
		k.why = whyCollided
	case !analyzer.WhollyKnown(k.value):
		k.why = whyAfterApply
	}
	return k
}

// change validates one resource_changes element, at input offset off and
// nesting depth depth, and reduces it; keep is false for what will not
// exist after apply, and for data sources.
func (w *changeWorker) change(b []byte, off int64, depth int) (pc planChange, keep bool, err error) {
	s := memStream(b, off, depth)
	w.raw = w.raw[:0]
	var deposed string
	var actions []string
	var cb changeBlock
	text := func(dst *string, interned bool) error {
		return readText(s, func(v []byte) {
			if interned {
				*dst = w.intern(v)
			} else {
				*dst = string(v)
			}
		})
	}
	err = s.members(true, func(name []byte) error {
		switch string(name) {
		case "address":
			return text(&pc.address, false)
		case "module_address":
			return readText(s, func(v []byte) {
				if string(v) != w.module {
					w.module = string(v)
				}
				pc.moduleAddress = w.module
			})
		case "mode":
			return text(&cb.mode, true)
		case "type":
			return text(&cb.typ, true)
		case "name":
			return text(&cb.name, true)
		case "provider_name":
			return text(&cb.providerName, true)
		case "deposed":
			return text(&deposed, false)
		case "change":
			actions, w.raw = actions[:0], w.raw[:0] // a repeated change replaces the first
			if k, err := s.next(); err != nil || k != '{' {
				return s.skip()
			}
			return s.members(true, func(name []byte) error {
				switch string(name) {
				case "actions":
					if k, err := s.next(); err != nil || k != '[' {
						return s.skip()
					}
					actions = actions[:0]
					return s.array(func() error {
						var a string
						err := text(&a, true)
						actions = append(actions, a)
						return err
					})
				case "after":
					return w.wanted(s, false)
				case "after_unknown":
					return w.wanted(s, true)
				}
				return s.skip()
			})
		}
		return s.skip()
	})
	if err == nil {
		if _, ok := s.peek(); ok {
			err = s.errorf("invalid character %s after value", quoteChar(s.buf[s.pos]))
		}
	}
	if err != nil {
		return planChange{}, false, err
	}
	if cb.mode == "data" || deposed != "" {
		return planChange{}, false, nil
	}
	for _, a := range actions {
		switch a {
		case "create", "update", "no-op":
			pc.changeBlock = w.block(cb)
			pc.attrs = w.convert()
			return pc, true, nil
		}
	}
	return planChange{}, false, nil // delete, read, forget
}

// wanted keeps the raw values of the attributes the catalog names from the
// object next in s (change.after or change.after_unknown). A repeated
// member replaces what the first one gave, as in a decode. The values point
// into the batch, which outlives the change.
func (w *changeWorker) wanted(s *jsonStream, unknown bool) error {
	for j := range w.raw {
		if unknown {
			w.raw[j].unknown = nil
		} else {
			w.raw[j].after = nil
		}
	}
	if k, err := s.next(); err != nil || k != '{' {
		return s.skip()
	}
	return s.members(true, func(name []byte) error {
		if !w.wantFilter.may(name) || w.want[string(name)] == 0 {
			return s.skip()
		}
		v, err := s.capture()
		if err != nil {
			return err
		}
		for j := range w.raw {
			if w.raw[j].name == string(name) {
				if unknown {
					w.raw[j].unknown = v
				} else {
					w.raw[j].after = v
				}
				return nil
			}
		}
		a := rawAttr{name: w.intern(name)}
		if unknown {
			a.unknown = v
		} else {
			a.after = v
		}
		w.raw = append(w.raw, a)
		return nil
	})
}

// nameFilter says whether a name may be one of a set: a bit per length
// and first byte. A name it rules out is not in the set.
type nameFilter [64]uint64

func (f *nameFilter) add(name string) {
	if name == "" {
		f[0] |= 1
		return
	}
	f[len(name)&63] |= 1 << (name[0] & 63)
}

func (f *nameFilter) may(name []byte) bool {
	if len(name) == 0 {
		return f[0]&1 != 0
	}
	return f[len(name)&63]&(1<<(name[0]&63)) != 0
}

func isEarlier(a, b error) bool {
	return errorOffset(a) < errorOffset(b)
}

// errorOffset is where in the input an error was found; -1 when unknown.
func errorOffset(err error) int64 {
	if se, ok := errors.AsType[*syntaxError](err); ok {
		return se.Offset
	}
	if pe, ok := errors.AsType[*placedError](err); ok {
		return pe.offset
	}
	return -1
}

// planError turns a stream error into an InputError with the byte offset;
// the CLI turns offsets into line and column when it can re-read the file.
func planError(name string, err error) error {
	if ie, ok := errors.AsType[*finding.InputError](err); ok {
		return ie
	}
	if se, ok := errors.AsType[*syntaxError](err); ok {
		ie := &finding.InputError{File: name, Offset: se.Offset, Msg: "invalid JSON: " + se.Msg}
		if se.Msg == errTruncated.Error() {
			ie.Msg = "unexpected end of JSON input (is the file truncated?)"
		}
		if se.Offset == 0 {
			ie.Line, ie.Col = 1, 1 // an offset of 0 means none to the caller
		}
		return ie
	}
	return &finding.InputError{File: name, Msg: "cannot read the plan: " + inputfile.Detail(err)}
}

// VariableValues returns the plan's root variable values, as the sources'
// evaluator takes them.
func (p *Plan) VariableValues() map[string]cty.Value {
	out := make(map[string]cty.Value, len(p.Variables))
	for name, v := range p.Variables {
		if v != nil {
			out[name] = goToCty(v.Value, nil)
		}
	}
	return out
}
