package plan

import (
	"encoding/json"

	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"
)

// goToCty converts a value decoded from JSON (numbers as json.Number) to
// cty; unknown is the matching part of after_unknown.
func goToCty(v, unknown any) cty.Value {
	if u, ok := unknown.(bool); ok && u {
		return cty.DynamicVal
	}
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		if n, ok := markedNumber(x); ok {
			return n
		}
		return cty.StringVal(x)
	case bool:
		return cty.BoolVal(x)
	case json.Number:
		if n, ok := markedNumber(numberMark + string(x)); ok {
			return n
		}
		return cty.DynamicVal
	case float64:
		return cty.NumberFloatVal(x)
	case map[string]any:
		um, _ := unknown.(map[string]any)
		attrs := make(map[string]cty.Value, len(x)+len(um))
		var written map[string]string // see rawToCtyChecked
		for k, e := range x {
			nk := k
			if !isASCII(k) {
				nk = norm.NFC.String(k)
			}
			v := goToCty(e, um[k])
			if was, dup := written[nk]; dup && was != k || !dup && nk != k && hasAttr(x, nk) {
				v = cty.DynamicVal // keys differing only by normalisation: which wins is not knowable
			}
			if written == nil {
				written = map[string]string{}
			}
			if _, dup := written[nk]; dup {
				v = cty.DynamicVal
			}
			written[nk] = k
			attrs[nk] = v
		}
		for k, u := range um {
			if _, ok := x[k]; !ok {
				if b, ok := u.(bool); ok && b {
					attrs[k] = cty.DynamicVal
				}
			}
		}
		return cty.ObjectVal(attrs)
	case []any:
		ul, _ := unknown.([]any)
		if len(x) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(x))
		for i, e := range x {
			var u any
			if i < len(ul) {
				u = ul[i]
			}
			elems[i] = goToCty(e, u)
		}
		return cty.TupleVal(elems)
	}
	return cty.DynamicVal
}

func hasAttr(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}
