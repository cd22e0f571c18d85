package plan

import (
	"encoding/json"

	"github.com/zclconf/go-cty/cty"
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
		for k, e := range x {
			attrs[k] = goToCty(e, um[k])
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

func isNumberByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}
