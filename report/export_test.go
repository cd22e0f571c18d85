package report

import (
	"bufio"
	stdjson "encoding/json"
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// ReferenceJSON is the JSON format as reflection writes it from the struct
// types: the specification the hand-written printer must match byte for
// byte. It is the printer JSON replaced.
func ReferenceJSON(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := jsontext.NewEncoder(bw, jsontext.WithIndent("  "), jsontext.EscapeForHTML(false))
	opts := json.Deterministic(true)
	field := func(name string, v any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		return json.MarshalEncode(enc, v, opts)
	}
	array := func(name string, n int, elem func(i int) any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		if err := enc.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for i := range n {
			if err := json.MarshalEncode(enc, elem(i), opts); err != nil {
				return err
			}
		}
		return enc.WriteToken(jsontext.EndArray)
	}
	steps := []func() error{
		func() error { return enc.WriteToken(jsontext.BeginObject) },
		func() error { return field("tool", r.Tool) },
		func() error { return field("version", r.Version) },
		func() error { return field("inputs", nonNil(r.Inputs)) },
		func() error { return field("catalog_as_of", r.CatalogAsOf) },
		func() error { return field("summary", r.Summarize()) },
		func() error {
			return array("resources", r.ResourceCount(), func(i int) any { res := r.Resources.At(i); return resourceJSON(&res) })
		},
		func() error {
			return array("findings", len(r.Findings), func(i int) any { return r.findingJSON(r.Findings[i]) })
		},
		func() error { return field("warnings", nonNil(r.Warnings)) },
		func() error { return field("errors", errorsJSON(r.Errors)) },
		func() error { return enc.WriteToken(jsontext.EndObject) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReferenceSARIF is the SARIF format as encoding/json writes it from the
// SARIF types: the specification the hand-written printer must match byte
// for byte. It is the printer SARIF replaced.
func ReferenceSARIF(w io.Writer, r *Report, o Options) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLogOf(r, o))
}

// ReferenceGitLab is the GitLab Code Quality format as encoding/json writes
// it from the issue types: the specification the hand-written printer must
// match byte for byte. It is the printer GitLab replaced.
func ReferenceGitLab(w io.Writer, r *Report, o Options) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(gitlabIssuesOf(r, o))
}
