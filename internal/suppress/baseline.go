package suppress

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/inputfile"
)

// baselineVersion is the version of the baseline file format. A reader
// rejects versions it does not know rather than guessing. Version 1 had no
// roots: its entries match in every root module.
const (
	baselineVersion       = 2
	baselineVersionNoRoot = 1
)

// baselineFile is a baseline: the findings a repository accepted on the day
// it adopted sovlint. Entries are rule + root + address, never a line, so
// that moving code does not resurrect them, and a finding accepted in one
// root module does not hide the same address in another.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule    string `json:"rule"`
	Root    string `json:"root,omitempty"`
	Address string `json:"address"`
}

// baselineRoot is the root an entry records: "." for the scanned input
// itself, whichever way a finding spells it.
func baselineRoot(root string) string {
	if finding.IsTop(root) {
		return "."
	}
	return root
}

// WriteBaseline records the findings that count today (and those an earlier
// baseline already accepted), sorted and without duplicates, and returns
// how many it wrote. Findings suppressed inline or by an exception are left
// to those, and SOV000 findings are never baselined: a broken suppression
// must be fixed, not accepted.
func WriteBaseline(w io.Writer, findings []finding.Finding) (int, error) {
	out := baselineFile{Version: baselineVersion, Tool: "sovlint", Findings: []baselineEntry{}}
	for _, f := range findings {
		if f.RuleID == finding.SuppressionRuleID {
			continue
		}
		if f.Suppression != nil && f.Suppression.Kind != finding.SuppressedBaseline {
			continue
		}
		out.Findings = append(out.Findings, baselineEntry{Rule: f.RuleID, Root: baselineRoot(f.Root), Address: f.Address})
	}
	slices.SortFunc(out.Findings, func(a, b baselineEntry) int {
		return cmp.Or(strings.Compare(a.Root, b.Root), strings.Compare(a.Address, b.Address), strings.Compare(a.Rule, b.Rule))
	})
	out.Findings = slices.Compact(out.Findings)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return 0, fmt.Errorf("writing baseline: %w", err)
	}
	return len(out.Findings), nil
}

// LoadBaseline reads a baseline file into a Waiver that suppresses the
// findings it lists. Entries that no longer match are not reported: a
// baseline is expected to shrink as findings are fixed. A version 1
// baseline, written before roots were recorded, still loads: its entries
// match in every root, and the Waiver says so (AnyRoot) for the scan to
// warn. Errors name the file, and the line and column when there is one;
// they never quote the file's content.
func LoadBaseline(path string) (*Waiver, error) {
	b, err := inputfile.ReadFile(path, inputfile.BaselineLimit, inputfile.Named)
	if err != nil {
		return nil, &finding.InputError{File: path, Msg: "cannot read the baseline: " + inputfile.Detail(err)}
	}
	bom, foreign := inputfile.Encoding(b)
	if foreign != "" {
		return nil, &finding.InputError{File: path, Line: 1, Col: 1, Msg: "the baseline " + inputfile.EncodingMsg(foreign)}
	}
	if bom > 0 {
		b = append([]byte("   "), b[bom:]...) // blanks keep every position
	}
	var bf baselineFile
	if err := json.Unmarshal(b, &bf); err != nil {
		return nil, baselineError(path, b, err)
	}
	anyRoot := bf.Version == baselineVersionNoRoot
	if bf.Version != baselineVersion && !anyRoot {
		ie := &finding.InputError{File: path, Msg: fmt.Sprintf("baseline version %d is not supported (want %d; write a new one with --baseline-write)", bf.Version, baselineVersion)}
		ie.Line, ie.Col = inputfile.Locate(b, memberOffset(b, "version"))
		return nil, ie
	}
	accepted := make(map[baselineEntry]bool, len(bf.Findings))
	for _, e := range bf.Findings {
		e.Root = baselineRoot(e.Root)
		if anyRoot {
			e.Root = ""
		}
		accepted[e] = true
	}
	return &Waiver{
		Kind: finding.SuppressedBaseline,
		Matches: func(f *finding.Finding) bool {
			root := baselineRoot(f.Root)
			if anyRoot {
				root = ""
			}
			return accepted[baselineEntry{Rule: f.RuleID, Root: root, Address: f.Address}]
		},
		Reason:  "recorded in the baseline " + path,
		Range:   hcl.Range{Filename: path},
		What:    "baseline " + path,
		AnyRoot: anyRoot,
	}, nil
}

// baselineError places a decoding error. encoding/json's messages quote
// what they could not read (a number, a character): they are replaced by
// what was expected.
func baselineError(path string, b []byte, err error) error {
	ie := &finding.InputError{File: path, Msg: "not a baseline: invalid JSON"}
	off := int64(len(b))
	if se, ok := errors.AsType[*json.SyntaxError](err); ok {
		off = min(max(se.Offset-1, 0), off)
	}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		off = min(max(te.Offset-1, 0), off)
		ie.Msg = fmt.Sprintf("not a baseline: %s should be %s", cmp.Or(te.Field, "the file"), jsonKind(te.Type.Kind()))
	}
	ie.Line, ie.Col = inputfile.Locate(b, off)
	return ie
}

func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	default:
		return "another kind of value"
	}
}

// memberOffset is where the value of a top-level member starts in a JSON
// object already decoded; 0 when it is not found.
func memberOffset(b []byte, name string) int64 {
	dec := jsontext.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return 0
	}
	for dec.PeekKind() == '"' {
		tok, err := dec.ReadToken()
		if err != nil {
			return 0
		}
		if tok.String() == name {
			off := dec.InputOffset()
			for off < int64(len(b)) && strings.IndexByte(" \t\r\n:", b[off]) >= 0 {
				off++
			}
			return off
		}
		if dec.SkipValue() != nil {
			return 0
		}
	}
	return 0
}
