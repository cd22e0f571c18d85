package plan

import (
	"bytes"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"
)

// The helpers below read JSON that jsonStream has already validated: they
// do not check syntax again, which is what makes them cheap enough to run
// on every resource of a large plan.

// rawSpace returns the index of the first non-whitespace byte from i.
func rawSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// rawStringEnd returns the index just past the string whose opening quote
// is at b[i].
func rawStringEnd(b []byte, i int) int {
	i++
	for {
		j := bytes.IndexByte(b[i:], '"')
		if j < 0 {
			return len(b)
		}
		k := i + j
		n := 0 // backslashes before the quote: an odd count escapes it
		for k-1-n >= i && b[k-1-n] == '\\' {
			n++
		}
		if n%2 == 0 {
			return k + 1
		}
		i = k + 1
	}
}

// rawValueEnd returns the index just past the value that starts at b[i].
func rawValueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return rawStringEnd(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = rawStringEnd(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(b)
	}
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r', ',', '}', ']':
			return i
		}
		i++
	}
	return i
}

// unquote returns a quoted string's content: the raw bytes when it has no
// escapes, else the unescaped value (invalid UTF-8 and lone surrogates
// become U+FFFD, as the jsontext decoder gives them).
func unquote(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw[1 : len(raw)-1]
	}
	b, _ := jsontext.AppendUnquote(nil, raw)
	return b
}

// unquoteText is unquote for strings that end up in resources and
// reports: invalid UTF-8 becomes U+FFFD, as the jsontext decoder gave it.
func unquoteText(raw []byte) []byte {
	s := raw[1 : len(raw)-1]
	if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return s
	}
	b, _ := jsontext.AppendUnquote(nil, raw)
	return b
}

// rawString is unquoteText as a string.
func rawString(raw []byte) string { return string(unquoteText(raw)) }

// rawMembers calls fn for each member of the object at b[i] with its raw
// name (quoted) and the bounds of its value.
func rawMembers(b []byte, i int, fn func(name []byte, lo, hi int)) {
	i = rawSpace(b, i+1)
	if b[i] == '}' {
		return
	}
	for {
		end := rawStringEnd(b, i)
		name := b[i:end]
		lo := rawSpace(b, rawSpace(b, end)+1) // past ':'
		hi := rawValueEnd(b, lo)
		fn(name, lo, hi)
		i = rawSpace(b, hi)
		if b[i] == '}' {
			return
		}
		i = rawSpace(b, i+1) // past ','
	}
}

// rawElements is rawMembers for an array.
func rawElements(b []byte, i int, fn func(lo, hi int)) {
	i = rawSpace(b, i+1)
	if b[i] == ']' {
		return
	}
	for {
		hi := rawValueEnd(b, i)
		fn(i, hi)
		i = rawSpace(b, hi)
		if b[i] == ']' {
			return
		}
		i = rawSpace(b, i+1)
	}
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// rawToCty converts a validated JSON value to cty like goToCty(parseJSON(b),
// unknown), without building the intermediate Go values.
func rawToCty(b []byte, unknown any) cty.Value {
	v, _ := rawToCtyChecked(b, unknown)
	return v
}

// rawToCtyChecked is rawToCty, also reporting whether two keys of an
// object differed only by Unicode normalisation: cty keeps keys composed
// (NFC), so such keys are one, and which value it kept would depend on map
// order. The value is unknown instead (Terraform, whose values are cty's,
// never writes such a plan).
func rawToCtyChecked(b []byte, unknown any) (v cty.Value, collided bool) {
	if u, ok := unknown.(bool); ok && u {
		return cty.DynamicVal, false
	}
	v, _ = rawValue(b, rawSpace(b, 0), unknown, &collided)
	return v, collided
}

// rawValue converts the value at b[i] and returns it with the index just
// past it, in one pass: linear in the value's size whatever its depth
// (finding each element's end before converting it, as a first version
// did, made a value nested 10,000 deep cost 10,000 times its size).
func rawValue(b []byte, i int, unknown any, collided *bool) (cty.Value, int) {
	if i >= len(b) {
		return cty.DynamicVal, i
	}
	if u, ok := unknown.(bool); ok && u {
		return cty.DynamicVal, rawValueEnd(b, i)
	}
	switch b[i] {
	case 'n':
		return cty.NullVal(cty.DynamicPseudoType), i + len("null")
	case 't':
		return cty.True, i + len("true")
	case 'f':
		return cty.False, i + len("false")
	case '"':
		end := rawStringEnd(b, i)
		return cty.StringVal(rawString(b[i:end])), end
	case '{':
		um, _ := unknown.(map[string]any)
		attrs := make(map[string]cty.Value, len(um))
		i = rawSpace(b, i+1)
		// Keys as written, where cty's (composed) differs or once two
		// collided: see rawToCtyChecked.
		var written map[string]string
		for i < len(b) && b[i] != '}' {
			end := rawStringEnd(b, i)
			k := rawString(b[i:end])
			i = rawSpace(b, rawSpace(b, end)+1) // past ':'
			var v cty.Value
			v, i = rawValue(b, i, um[k], collided)
			nk := k
			if !isASCII(k) {
				nk = norm.NFC.String(k)
			}
			if _, exists := attrs[nk]; exists {
				was, ok := written[nk]
				if !ok {
					was = nk
				}
				if was != k || was == "\x00" {
					*collided, v = true, cty.DynamicVal
					k = "\x00" // remembered as collided: a later duplicate keeps it unknown
				}
			}
			if k != nk {
				if written == nil {
					written = map[string]string{}
				}
				written[nk] = k
			}
			k = nk
			attrs[k] = v
			if i = rawSpace(b, i); i < len(b) && b[i] == ',' {
				i = rawSpace(b, i+1)
			}
		}
		for k, u := range um {
			if _, ok := attrs[k]; !ok {
				if t, ok := u.(bool); ok && t {
					attrs[k] = cty.DynamicVal
				}
			}
		}
		return cty.ObjectVal(attrs), i + 1
	case '[':
		ul, _ := unknown.([]any)
		var elems []cty.Value
		i = rawSpace(b, i+1)
		for i < len(b) && b[i] != ']' {
			var u any
			if len(elems) < len(ul) {
				u = ul[len(elems)]
			}
			var v cty.Value
			v, i = rawValue(b, i, u, collided)
			elems = append(elems, v)
			if i = rawSpace(b, i); i < len(b) && b[i] == ',' {
				i = rawSpace(b, i+1)
			}
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal, i + 1
		}
		return cty.TupleVal(elems), i + 1
	}
	end := rawValueEnd(b, i)
	num := string(b[i:end])
	if f, ok := new(big.Float).SetString(num); ok {
		return cty.NumberVal(f), end
	}
	if n, err := strconv.ParseFloat(num, 64); err == nil {
		return cty.NumberFloatVal(n), end
	}
	return cty.StringVal(num), end
}
