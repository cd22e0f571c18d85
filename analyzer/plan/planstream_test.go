package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/addrs"
	"github.com/sovlint/sovlint/providers"
)

// The streaming plan reader must build the instances a plain decode of the
// whole file gives: encoding/json into generic values, then the attribute
// conversion the reader had before it streamed (parseJSON's values through
// goToCty). It is checked on every plan in testdata, on edge cases written
// by hand, and with readers that return a byte at a time, so that every
// value straddles a refill of the stream's buffer somewhere.

// oracleInstances decodes a whole plan with encoding/json and builds its
// instances without the stream.
func oracleInstances(t *testing.T, b []byte, attrs, providerAttrs []string) ([]*analyzer.Instance, bool) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var top map[string]any
	if dec.Decode(&top) != nil {
		return nil, false
	}
	if !oraclePlanShape(top) {
		return nil, false
	}
	var cfg *tfjson.Config
	if raw, ok := top["configuration"]; ok {
		cfg = new(tfjson.Config)
		if remarshal(raw, cfg) != nil {
			return nil, false
		}
	}
	var vars map[string]*tfjson.PlanVariable
	if raw, ok := top["variables"]; ok && remarshal(raw, &vars) != nil {
		return nil, false
	}
	want := map[string]bool{}
	for _, a := range attrs {
		want[a] = true
	}
	idx := newConfigIndex(cfg, vars, providerAttrs)
	rcs, _ := top["resource_changes"].([]any)
	var out []*analyzer.Instance
	for _, e := range rcs {
		rc, ok := e.(map[string]any)
		if !ok {
			return nil, false
		}
		str := func(k string) (string, bool) {
			switch v := rc[k].(type) {
			case nil:
				return "", true
			case string:
				return v, true
			}
			return "", false
		}
		var f [7]string
		for i, k := range []string{"address", "module_address", "mode", "type", "name", "provider_name", "deposed"} {
			if f[i], ok = str(k); !ok {
				return nil, false
			}
		}
		change, _ := rc["change"].(map[string]any)
		kept := false
		if actions, ok := change["actions"].([]any); ok {
			for _, a := range actions {
				switch a {
				case "create", "update", "no-op":
					kept = true
				}
			}
		}
		if !kept || f[2] == "data" || f[6] != "" {
			continue
		}
		module := addrs.StripInstanceKeys(f[1])
		in := &analyzer.Instance{Address: f[0], ConfigAddress: addrs.Join(module, f[3]+"."+f[4]), Module: f[1], Mode: f[2], Type: f[3], Name: f[4], ProviderSource: f[5]}
		cr := idx.resources[in.ConfigAddress]
		if cr != nil {
			key, legacy := idx.normaliseKey(cr.ProviderConfigKey, module)
			in.ProviderKey = key
			in.ProviderConfig = idx.provider(key, legacy)
			in.Refs = &planRefs{cr: cr, module: module, x: idx}
		}
		after, _ := change["after"].(map[string]any)
		unknown, _ := change["after_unknown"].(map[string]any)
		for k, v := range after {
			if !want[k] {
				continue
			}
			if in.Attrs == nil {
				in.Attrs = analyzer.Attrs{}
			}
			a := analyzer.Attr{Value: goToCty(v, unknown[k]), Set: isSet(cr, k)}
			if !a.Value.IsWhollyKnown() {
				a.Why = "known only after apply"
			}
			in.Attrs[k] = a
		}
		for k, u := range unknown {
			if _, ok := after[k]; ok || !want[k] || u != true {
				continue
			}
			if in.Attrs == nil {
				in.Attrs = analyzer.Attrs{}
			}
			in.Attrs[k] = analyzer.Attr{Value: cty.DynamicVal, Set: isSet(cr, k), Why: "known only after apply"}
		}
		out = append(out, in)
	}
	return out, true
}

// oraclePlanShape is what makes a JSON object a plan sovlint reads.
func oraclePlanShape(top map[string]any) bool {
	for _, k := range []string{"format_version", "terraform_version"} {
		if v, ok := top[k]; ok && v != nil {
			if _, ok := v.(string); !ok {
				return false
			}
		}
	}
	fv, ok := top["format_version"]
	if !ok {
		return false
	}
	if s, _ := fv.(string); checkFormatVersion("", s) != nil {
		return false
	}
	has := func(k string) bool { _, ok := top[k]; return ok }
	switch {
	case has("values") && !has("planned_values") && !has("resource_changes"):
		return false
	case !has("planned_values") && !has("resource_changes") && !has("configuration"):
		return false
	}
	if rc, ok := top["resource_changes"]; ok && rc != nil {
		if _, ok := rc.([]any); !ok {
			return false
		}
	}
	return true
}

func remarshal(v, dst any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}

var ctyEqual = cmp.Comparer(func(a, b cty.Value) bool { return a.RawEquals(b) })

func comparePlan(t *testing.T, name string, b []byte) {
	t.Helper()
	cat := providers.Default()
	attrs, pattrs := cat.ResourceAttributeNames(), cat.ProviderAttributeNames()
	want, ok := oracleInstances(t, b, attrs, pattrs)
	readers := map[string]func() io.Reader{
		"whole":     func() io.Reader { return bytes.NewReader(b) },
		"bytewise":  func() io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		"half-read": func() io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
	}
	for rname, r := range readers {
		p, err := LoadPlan(r(), name, attrs, pattrs)
		if !ok {
			continue
		}
		if err != nil {
			t.Errorf("%s (%s): LoadPlan: %v", name, rname, err)
			continue
		}
		for _, in := range p.Instances {
			for k, a := range in.Attrs {
				if a.Known != analyzer.KnownUnset && (a.Known == analyzer.KnownWholly) != analyzer.WhollyKnown(a.Value) {
					t.Errorf("%s (%s): %s.%s: cached knownness %v is wrong", name, rname, in.Address, k, a.Known)
				}
			}
		}
		if diff := cmp.Diff(want, p.Instances, ctyEqual, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(analyzer.Attr{}, "Known"), cmpopts.IgnoreFields(analyzer.Instance{}, "Refs")); diff != "" {
			t.Errorf("%s (%s): instances differ from a whole decode (-decode +stream):\n%s", name, rname, diff)
		}
	}
}

func TestStreamedPlanMatchesWholeDecode(t *testing.T) {
	plans, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*", "plan.json"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "public", "plan", "*", "*.json"))
	plans = append(plans, more...)
	if len(plans) < 10 {
		t.Fatalf("found only %d plans under testdata", len(plans))
	}
	for _, path := range plans {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		comparePlan(t, path, b)
	}
	for name, plan := range edgePlans {
		comparePlan(t, name, []byte(plan))
	}
}

// edgePlans are shapes the corpus lacks.
var edgePlans = map[string]string{
	"escapes and odd spacing":        "{ \"format_version\" : \"1.2\" ,\n\t\"resource_changes\" : [ { \"address\" : \"aws_s3_bucket.b\\u0031\" , \"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b1\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],\"after\":{\"tags\":{\"data_classification\":\"sensitive\",\"k\\\"ey\":\"v\\n\\u00e9\\ud83d\\ude00\", \"\\u0072egion\" : \"x\"},\"r\\u0065gion\":\"eu-west-3\", \"bucket\":\"skipped\"},\"after_unknown\":{\"tags_all\":true,\"region\":false}}} ] }",
	"unknown leaves, numbers, nulls": `{"format_version":"1.2","resource_changes":[{"address":"x.y","mode":"managed","type":"x","name":"y","provider_name":"p/x","change":{"actions":["update"],"after":{"replica":[{"region_name":"eu-west-1","n":-1.5e3},{"region_name":null}],"labels":{},"zone":null,"metadata":[]},"after_unknown":{"replica":[{},{"region_name":true,"extra":true}],"labels":{"a":true}}}}]}`,
	"dropped changes": `{"format_version":"1.2","resource_changes":[
		{"address":"data.x.y","mode":"data","type":"x","name":"y","change":{"actions":["read"]}},
		{"address":"x.old","mode":"managed","type":"x","name":"old","deposed":"abc","change":{"actions":["delete"]}},
		{"address":"x.gone","mode":"managed","type":"x","name":"gone","change":{"actions":["delete"]}},
		{"address":"x.kept","mode":"managed","type":"x","name":"kept","change":{"actions":["delete","create"],"after":null,"after_unknown":true}},
		{"address":"x.nulls","module_address":null,"mode":"managed","type":"x","name":"nulls","provider_name":null,"change":{"actions":["no-op"],"after":{"region":"a","region":"b"}}}
	]}`,
	"after before after_unknown and duplicates": `{"format_version":"1.2","resource_changes":[{"change":{"after_unknown":{"region":true},"actions":["create"]},"address":"a.b","mode":"managed","type":"a","name":"b"},{"address":"a.c","mode":"managed","type":"a","name":"c","change":{"actions":["create"],"after":{"zone":"z1"},"after":{"zone":"z2"}}}],"resource_changes":[{"address":"a.d","mode":"managed","type":"a","name":"d","change":{"actions":["create"]}}]}`,
	"repeated change":     `{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],"after":{"zone":"z"}},"change":{"after_unknown":{"region":true}}},{"address":"a.c","mode":"managed","type":"a","name":"c","change":{"actions":["create"],"after":{"zone":"z"}},"change":{"actions":["update"]}}]}`,
	"configuration first": `{"configuration":{"provider_config":{"aws":{"name":"aws","expressions":{"region":{"constant_value":"eu-west-3"}}}},"root_module":{"resources":[{"address":"aws_s3_bucket.b","provider_config_key":"aws","expressions":{"tags":{"constant_value":{"a":"b"}}}}]}},"format_version":"1.2","planned_values":{"root_module":{}},"resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"after":{"tags":{"a":"b"}},"after_unknown":{"tags_all":true}}}]}`,
	"invalid UTF-8":       "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\xff\",\"mode\":\"managed\",\"type\":\"a\",\"name\":\"b\xff\",\"change\":{\"actions\":[\"create\"],\"after\":{\"tags\":{\"k\xfe\":\"v\xff\"}}}}]}",
}

// validates runs the stream's validator over a whole document, read from
// r as a stream and, when b is given, held in memory (the path workers
// take), and requires both to agree.
func validates(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	check := func(s *jsonStream) error {
		if err := s.skip(); err != nil {
			return err
		}
		if _, ok := s.peek(); ok {
			return errors.New("trailing data")
		}
		return nil
	}
	streamed := check(newJSONStream(iotest.HalfReader(bytes.NewReader(b))))
	inMemory := check(memStream(b, 0, 0))
	if (streamed == nil) != (inMemory == nil) {
		return fmt.Errorf("the stream says %w, in memory %w", streamed, inMemory)
	}
	return streamed
}

// jsontextValidates is the reference: the decoder the plan loader used to
// read plans with, and its options.
func jsontextValidates(b []byte) error {
	dec := jsontext.NewDecoder(bytes.NewReader(b), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if err := dec.SkipValue(); err != nil {
		return err
	}
	if _, err := dec.ReadToken(); !errors.Is(err, io.EOF) {
		return errors.New("trailing data")
	}
	return nil
}

var syntaxCases = []string{
	`{}`, `[]`, `""`, `0`, `-0`, `-0.5e+10`, `1E9`, `true`, `false`, `null`, ` {"a" : [ 1 , 2 ] } `,
	`{"a":{"b":[{"c":"\"\\\/\b\f\n\r\t\u00e9"}]}}`, "\"a\xffb\"", `{"a":1,"a":2}`,
	``, ` `, `{`, `[`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{1:2}`, `[1 2]`, `{"a":1 "b":2}`,
	`"unterminated`, "\"ctl\x01\"", `"\x"`, `"\u12"`, `"\u12g4"`, `01`, `-`, `1.`, `1.e5`, `1e`, `1e+`, `.5`, `+1`,
	`tru`, `truex`, `nul`, `nulll`, `[true false]`, `1 2`, `{}{}`, `{} x`, `[1]]`, `{]`, `[}`, "\ufeff{}", `NaN`, `Infinity`,
	`["a",1e5,-2,{"x":[[],{}]}]`, `123abc`, `[1,2`, `{"a":"b`, `{"a":"b"`, `[[[[[[[[[[]]]]]]]]]]`,
	strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth),
	strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1),
}

func TestStreamValidatesLikeJSONText(t *testing.T) {
	for _, c := range syntaxCases {
		want := jsontextValidates([]byte(c))
		for _, r := range []io.Reader{strings.NewReader(c), iotest.OneByteReader(strings.NewReader(c))} {
			got := validates(r)
			if (got == nil) != (want == nil) || got != nil && strings.HasPrefix(got.Error(), "the stream says") {
				t.Errorf("%.40q: stream says %v, jsontext says %v", c, got, want)
			}
		}
	}
}

func FuzzStreamValidatesLikeJSONText(f *testing.F) {
	for _, c := range syntaxCases {
		if len(c) < 1000 {
			f.Add([]byte(c))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := jsontextValidates(b)
		got := validates(bytes.NewReader(b))
		if (got == nil) != (want == nil) || got != nil && strings.HasPrefix(got.Error(), "the stream says") {
			t.Errorf("%q: stream says %v, jsontext says %v", b, got, want)
		}
	})
}

// FuzzStreamedPlanMatchesWholeDecode: whatever a plan holds, the stream
// agrees with a whole decode when both read it.
func FuzzStreamedPlanMatchesWholeDecode(f *testing.F) {
	for _, p := range edgePlans {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			return
		}
		comparePlan(t, "fuzz.json", b)
	})
}

// rawToCty must convert as the generic path does.
func FuzzRawToCty(f *testing.F) {
	f.Add([]byte(`{"a":[1,"b",{"c":null}],"d":true}`), []byte(`{"a":[false,true],"e":true}`))
	f.Add([]byte(`"\u00e9\ud800"`), []byte(`true`))
	f.Fuzz(func(t *testing.T, b, u []byte) {
		if !json.Valid(b) || !json.Valid(u) || validates(bytes.NewReader(b)) != nil {
			return
		}
		v, err := parseJSON(b)
		if err != nil {
			return
		}
		unknown, _ := parseJSON(u)
		want := goToCty(v, unknown)
		if got := rawToCty(b, unknown); !got.RawEquals(want) {
			t.Errorf("rawToCty(%s, %s) = %#v, want %#v", b, u, got, want)
		}
	})
}

// planSlots are the places in a plan where any JSON value is acceptable:
// the ones the loader skips (validated on other goroutines), keeps (after)
// or reads around.
var planSlots = []string{
	`{"format_version":"1.2","planned_values":%s,"resource_changes":[]}`,
	`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],"before":%s,"after":{"tags":{}}}}]}`,
	`{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["create"],"after":{"tags":%s,"bucket":%s}}}]}`,
	`{"format_version":"1.2","resource_changes":[{"address":"a.b","x":%s,"mode":"managed","type":"a","name":"b","change":{"actions":["create"]}},{"address":"a.c"}],"prior_state":%s}`,
	`{"format_version":"1.2","prior_state":%s,"configuration":{},"timestamp":%s}`,
	// The values representations and resource_drift, read down to their
	// resources, which other goroutines validate.
	`{"format_version":"1.2","planned_values":{"outputs":%s,"root_module":{"resources":[%s,{"a":1}],"child_modules":[{"resources":[{"b":%s}],"child_modules":%s}]}}}`,
	`{"format_version":"1.2","planned_values":{"root_module":%s},"resource_drift":[{"address":"a.b"},%s],"prior_state":{"values":{"root_module":{"resources":[[%s]]}}}}`,
}

// TestPlanRejectsWhatJSONTextRejects: validating a plan on several
// goroutines must reject exactly the documents the decoder did.
func TestPlanRejectsWhatJSONTextRejects(t *testing.T) {
	cat := providers.Default()
	for _, c := range syntaxCases {
		for _, slot := range planSlots {
			doc := strings.ReplaceAll(slot, "%s", c)
			checkPlanSyntax(t, cat, []byte(doc))
		}
	}
}

func checkPlanSyntax(t *testing.T, cat *providers.Catalog, doc []byte) {
	t.Helper()
	want := jsontextValidates(doc)
	for _, r := range []io.Reader{bytes.NewReader(doc), iotest.OneByteReader(bytes.NewReader(doc))} {
		_, err := LoadPlan(r, "p.json", cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
		switch {
		case want != nil && err == nil:
			t.Errorf("%.80q: accepted, jsontext says %v", doc, want)
		case want != nil && !isSyntax(err):
			t.Errorf("%.80q: %v, want a JSON syntax error", doc, err)
		case want == nil && err != nil && isSyntax(err):
			t.Errorf("%.80q: %v, but jsontext accepts it", doc, err)
		}
	}
}

func isSyntax(err error) bool {
	return strings.Contains(err.Error(), "invalid JSON") || strings.Contains(err.Error(), "unexpected end of JSON input")
}

func FuzzPlanRejectsWhatJSONTextRejects(f *testing.F) {
	for _, c := range syntaxCases {
		if len(c) < 100 {
			f.Add(c, uint8(0))
		}
	}
	cat := providers.Default()
	f.Fuzz(func(t *testing.T, value string, slot uint8) {
		doc := strings.ReplaceAll(planSlots[int(slot)%len(planSlots)], "%s", value)
		checkPlanSyntax(t, cat, []byte(doc))
	})
}

// The goroutines that validate a plan find errors in any order; the one
// reported is the first in the file.
func TestPlanReportsTheFirstError(t *testing.T) {
	cat := providers.Default()
	bad := map[string]string{
		"planned_values": `{"x":[1,,2]}`,
		"element":        `{"address":"a.b","change":{"after":{"tags":{"k":tru}}}}`,
		"prior_state":    `{"y":"\q"}`,
	}
	good := map[string]string{"planned_values": `{}`, "element": `{"address":"a.b"}`, "prior_state": `{}`}
	for first := range bad {
		doc := `{"format_version":"1.2","planned_values":` + pick(first, "planned_values", bad, good) +
			`,"resource_changes":[` + strings.Repeat(`{"address":"a.b","mode":"managed","change":{"actions":["create"]}},`, 3000) + pick(first, "element", bad, good) +
			`],"prior_state":` + pick(first, "prior_state", bad, good) + `}`
		// Every later slot is broken too.
		for _, later := range []string{"planned_values", "element", "prior_state"} {
			if strings.Index(doc, good[later]) > strings.Index(doc, bad[first]) {
				doc = strings.Replace(doc, good[later], bad[later], 1)
			}
		}
		_, err := LoadPlan(iotest.HalfReader(strings.NewReader(doc)), "p.json", cat.ResourceAttributeNames(), cat.ProviderAttributeNames())
		ie, ok := errors.AsType[*finding.InputError](err)
		if !ok {
			t.Fatalf("%s first: %v, want an InputError", first, err)
		}
		at := int64(strings.Index(doc, bad[first]))
		if ie.Offset < at || ie.Offset > at+int64(len(bad[first])) {
			t.Errorf("%s first: error at byte %d (%s), want within bytes %d-%d", first, ie.Offset, ie.Msg, at, at+int64(len(bad[first])))
		}
	}
}

func pick(first, slot string, bad, good map[string]string) string {
	if first == slot {
		return bad[slot]
	}
	return good[slot]
}

// TestValuesErrorsWhereverTheBufferCuts: the resources of planned_values
// are validated where the reader finds them when the buffer holds them
// whole, and by the workers otherwise (a buffer that cuts one, an error).
// Read whole, byte by byte and in halves, the same plan must give the same
// error, at the same offset, wherever a resource breaks it and whatever
// breaks it: a bad byte, a truncation, depth past the limit.
func TestValuesErrorsWhereverTheBufferCuts(t *testing.T) {
	cat := providers.Default()
	attrs, pattrs := cat.ResourceAttributeNames(), cat.ProviderAttributeNames()
	resource := `{"address":"aws_s3_bucket.b%d","mode":"managed","values":{"bucket":"b%d","tags":{"k":"v\"\\"},"n":[1,2.5e3,-0,{"x":null}]}}`
	breaks := []string{
		`{"address":"x","values":{"a":[1,,2]}}`,
		`{"address":"x","values":{"a":"\q"}}`,
		`{"address":"x","values":{"a":tru}}`,
		`{"address":"x","values":{"a":1}`, // one closer short: the array's ']' is taken for it
		strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth),
	}
	// Resources of some 100 bytes each: the 256 KiB reader buffer cuts
	// several of them, and the breaks land before, across and after a cut.
	for _, at := range []int{0, 1, 2600, 5000} {
		for _, br := range breaks {
			var b strings.Builder
			b.WriteString(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[`)
			for i := range 6000 {
				if i > 0 {
					b.WriteByte(',')
				}
				if i == at {
					b.WriteString(br)
					continue
				}
				fmt.Fprintf(&b, resource, i, i)
			}
			b.WriteString(`]}},"resource_changes":[]}`)
			doc := b.String()
			var first string
			idx := int64(strings.Index(doc, br))
			for rname, r := range map[string]io.Reader{
				"whole":     strings.NewReader(doc),
				"bytewise":  iotest.OneByteReader(strings.NewReader(doc)),
				"half-read": iotest.HalfReader(strings.NewReader(doc)),
			} {
				_, err := LoadPlan(r, "p.json", attrs, pattrs)
				ie, ok := errors.AsType[*finding.InputError](err)
				if !ok {
					t.Fatalf("break %.20q at %d (%s): %v, want an InputError", br, at, rname, err)
				}
				if ie.Offset < idx || ie.Offset > idx+int64(len(br))+1 {
					t.Errorf("break %.20q at %d (%s): error at byte %d (%s), want within bytes %d-%d", br, at, rname, ie.Offset, ie.Msg, idx, idx+int64(len(br))+1)
				}
				got := fmt.Sprintf("byte %d: %s", ie.Offset, ie.Msg)
				if first == "" {
					first = got
				} else if got != first {
					t.Errorf("break %.20q at %d: %s read gives %q, another reader %q", br, at, rname, got, first)
				}
			}
		}
	}
}
