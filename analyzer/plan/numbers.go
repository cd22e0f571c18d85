package plan

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/finding"
)

// Terraform numbers have arbitrary precision: a sensitive `default =
// 1e400` is valid, and so is a constant_value of 1e400 in a plan. But
// terraform-json decodes the configuration's values into float64, which
// fails on such a number, and encoding/json's error quotes the number: a
// secret in an error message. So numbers in the configuration that are
// not small integers are carried through that decoding as marked strings
// holding their literal, and goToCty reads them back as exact numbers, as
// the sources' evaluator reads a literal.

// numberMark starts a string that carries a number's literal. No JSON
// string of a configuration starts with a NUL.
const numberMark = "\x00sovlint-number:"

// markNumbers returns b (a validated JSON configuration) with every number
// in a constant_value or a default that is not a small integer turned into
// a marked string; b itself when there is none. Numbers elsewhere, where
// the format has a string, stay what they are, and decoding rejects them.
func markNumbers(b []byte) []byte {
	var out []byte
	last := 0
	depth := 0
	open := -1    // depth at which the constant being read ends; -1 outside one
	next := false // the next value is a constant
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			end := rawStringEnd(b, i)
			if j := rawSpace(b, end); j < len(b) && b[j] == ':' {
				if open < 0 {
					switch rawString(b[i:end]) {
					case "constant_value", "default":
						next = true
					}
				}
				i = j + 1
				continue
			}
			next = false
			i = end
		case c == '{' || c == '[':
			if next {
				open, next = depth, false
			}
			depth++
			i++
		case c == '}' || c == ']':
			depth--
			if depth == open {
				open = -1
			}
			i++
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(b) && isNumberByte(b[j]) {
				j++
			}
			if lit := b[i:j]; (next || open >= 0) && !smallInteger(lit) {
				out = append(out, b[last:i]...)
				out = append(out, '"')
				out = append(out, `\u0000sovlint-number:`...)
				out = append(out, lit...)
				out = append(out, '"')
				last = j
			}
			next = false
			i = j
		case c == 't' || c == 'f' || c == 'n':
			next = false
			i++
		default:
			i++
		}
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// smallInteger reports whether a number literal is an integer a float64
// holds exactly (up to 15 digits).
func smallInteger(lit []byte) bool {
	digits := bytes.TrimPrefix(lit, []byte("-"))
	if len(digits) == 0 || len(digits) > 15 {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// markedNumber returns the number a marked string carries.
func markedNumber(s string) (cty.Value, bool) {
	lit, ok := strings.CutPrefix(s, numberMark)
	if !ok {
		return cty.NilVal, false
	}
	v, err := cty.ParseNumberVal(lit)
	if err != nil {
		// Past what a big.Float holds (1e9999999999): as large as a
		// number gets.
		if strings.HasPrefix(lit, "-") {
			return cty.NegativeInfinity, true
		}
		return cty.PositiveInfinity, true
	}
	return v, true
}

// decodeNumbers decodes JSON with numbers as json.Number, which goToCty
// reads exactly.
func decodeNumbers(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// decodeError explains why a section of the plan (variables,
// configuration) does not decode, at the input offset of what is wrong.
// encoding/json's own messages quote numbers ("number 1e400"): they are
// not used.
func decodeError(name, section string, start int64, err error) error {
	ie := &finding.InputError{File: name, Msg: section + ": not in the format of a plan"}
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		kind, _, _ := strings.Cut(te.Value, " ")
		ie.Offset = start + max(te.Offset-1, 0)
		ie.Msg = fmt.Sprintf("%s: %s is %s %s, where the plan format has %s", section, cmp.Or(te.Field, "the value"), article(kind), kind, jsonKind(te.Type))
	}
	if ie.Offset == 0 {
		ie.Offset = start
	}
	return &placedError{offset: ie.Offset, err: ie}
}

func article(kind string) string {
	if kind != "" && strings.IndexByte("aeiou", kind[0]) >= 0 {
		return "an"
	}
	return "a"
}

// jsonKind names the JSON a Go type decodes from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int64, reflect.Float64, reflect.Uint64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	default:
		return "another kind of value"
	}
}
