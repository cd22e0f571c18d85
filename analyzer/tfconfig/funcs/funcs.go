// Package funcs is the Terraform function library the configuration
// evaluator calls: cty's standard library, try and can, Terraform's own
// variants, and the functions sovlint deliberately leaves unevaluated.
package funcs

import (
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Unevaluated are the Terraform functions sovlint knows but does not
// run: they read files, the clock, randomness or the network's shape, or
// hash values. They evaluate to unknown, with their name as the reason.
var Unevaluated = map[string]bool{
	"file": true, "fileexists": true, "fileset": true, "filebase64": true, "templatefile": true,
	"filemd5": true, "filesha1": true, "filesha256": true, "filesha512": true,
	"filebase64sha256": true, "filebase64sha512": true, "abspath": true, "pathexpand": true,
	"timestamp": true, "plantimestamp": true, "timeadd": true, "timecmp": true,
	"uuid": true, "uuidv5": true, "bcrypt": true, "rsadecrypt": true,
	"md5": true, "sha1": true, "sha256": true, "sha512": true, "base64sha256": true, "base64sha512": true,
	"base64encode": true, "base64decode": true, "base64gzip": true, "textencodebase64": true, "textdecodebase64": true,
	"urlencode": true, "yamlencode": true, "yamldecode": true,
	"cidrhost": true, "cidrnetmask": true, "cidrsubnet": true, "cidrsubnets": true,
	"transpose": true, "matchkeys": true,
	"ephemeralasnull": true, "issensitive": true, "templatestring": true,
}

var (
	functionsOnce sync.Once
	functionTable map[string]function.Function
)

// Terraform returns the functions configurations use, from cty's
// standard library and hcl's try/can, with Terraform's own semantics where
// they differ. The table is built once and shared: functions are values
// without state.
func Terraform() map[string]function.Function {
	functionsOnce.Do(func() {
		f := map[string]function.Function{
			"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
			"log": stdlib.LogFunc, "max": stdlib.MaxFunc, "min": stdlib.MinFunc,
			"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "signum": stdlib.SignumFunc,

			"chomp": stdlib.ChompFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
			"indent": stdlib.IndentFunc, "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc,
			"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "split": stdlib.SplitFunc,
			"substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc, "trim": stdlib.TrimFunc,
			"trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
			"trimspace": stdlib.TrimSpaceFunc, "upper": stdlib.UpperFunc,
			"replace": replaceFunc, "startswith": startsWithFunc, "endswith": endsWithFunc,
			// Path names are common in names and tags ("ex-${basename(path.cwd)}").
			"basename": stringFunc(filepath.Base), "dirname": stringFunc(filepath.Dir), "strrev": stringFunc(reverse),
			"strcontains": strContainsFunc,

			"chunklist": stdlib.ChunklistFunc, "coalesce": coalesceFunc,
			"coalescelist": stdlib.CoalesceListFunc, "compact": stdlib.CompactFunc,
			"concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc, "distinct": stdlib.DistinctFunc,
			"element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc, "keys": stdlib.KeysFunc,
			"length": lengthFunc, "lookup": lookupFunc, "merge": stdlib.MergeFunc,
			"range": stdlib.RangeFunc, "reverse": stdlib.ReverseListFunc,
			"setintersection": stdlib.SetIntersectionFunc, "setproduct": stdlib.SetProductFunc,
			"setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc,
			"slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "values": stdlib.ValuesFunc,
			"zipmap": stdlib.ZipmapFunc, "index": indexFunc, "one": oneFunc,
			"alltrue": allTrueFunc, "anytrue": anyTrueFunc, "sum": sumFunc,

			"jsonencode": stdlib.JSONEncodeFunc, "jsondecode": stdlib.JSONDecodeFunc,
			"csvdecode": stdlib.CSVDecodeFunc, "formatdate": stdlib.FormatDateFunc,

			"tostring": toFunc(cty.String), "tonumber": toFunc(cty.Number), "tobool": toFunc(cty.Bool),
			"tolist": toFunc(cty.List(cty.DynamicPseudoType)), "toset": toFunc(cty.Set(cty.DynamicPseudoType)),
			"tomap": toFunc(cty.Map(cty.DynamicPseudoType)),

			"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
			"sensitive": identityFunc, "nonsensitive": identityFunc,
		}
		for name := range Unevaluated {
			f[name] = unknownFunc
		}
		functionTable = f
	})
	return functionTable
}

var anyParam = &function.Parameter{
	Name: "args", Type: cty.DynamicPseudoType,
	AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true,
}

// unknownFunc stands for a function sovlint does not run.
var unknownFunc = function.New(&function.Spec{
	VarParam: anyParam,
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

// identityFunc is sensitive() and nonsensitive(): sovlint keeps no marks,
// since it never prints attribute values other than locations.
var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, _ := args[0].UnmarkDeep()
		return v, nil
	},
})

// toFunc converts a value to a type, as tostring, tomap… do.
func toFunc(ty cty.Type) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "v", Type: cty.DynamicPseudoType, AllowNull: true, AllowDynamicType: true}},
		Type: func(args []cty.Value) (cty.Type, error) {
			got := args[0].Type()
			if got == cty.DynamicPseudoType {
				return ty, nil
			}
			conv := convert.GetConversionUnsafe(got, ty)
			if conv == nil {
				return cty.NilType, errors.New("cannot convert this value to the requested type")
			}
			if ty.HasDynamicTypes() {
				v, err := convert.Convert(cty.UnknownVal(got), ty)
				if err != nil {
					return cty.NilType, err
				}
				return v.Type(), nil
			}
			return ty, nil
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return convert.Convert(args[0], retType)
		},
	})
}

// lookupFunc is Terraform's lookup: its default is optional (cty's is
// not), and without one a missing key is an error, which try() catches.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowMarked: true, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch len(args) {
		case 3:
			return stdlib.LookupFunc.ReturnTypeForValues(args)
		case 2:
		default:
			return cty.NilType, errors.New("lookup takes a map, a key and an optional default")
		}
		ty := args[0].Type()
		switch {
		case ty.IsMapType():
			return ty.ElementType(), nil
		case ty.IsObjectType():
			key, _ := args[1].Unmark()
			if !key.IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			if !ty.HasAttribute(key.AsString()) {
				return cty.NilType, function.NewArgErrorf(1, "the given key does not identify an element of the map")
			}
			return ty.AttributeType(key.AsString()), nil
		}
		return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		if len(args) == 3 {
			return stdlib.LookupFunc.Call(args)
		}
		m, _ := args[0].UnmarkDeep()
		key, _ := args[1].Unmark()
		if !m.IsKnown() || !key.IsKnown() {
			return cty.UnknownVal(retType), nil
		}
		k := key.AsString()
		if m.Type().IsObjectType() {
			return m.GetAttr(k), nil
		}
		if m.HasIndex(cty.StringVal(k)).True() {
			return m.Index(cty.StringVal(k)), nil
		}
		return cty.NilVal, function.NewArgErrorf(1, "the given key does not identify an element of the map")
	},
})

// lengthFunc is Terraform's length: of a collection, or of a string in
// characters.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		if v.Type() == cty.String {
			return stdlib.Strlen(v)
		}
		return stdlib.Length(v)
	},
})

// replaceFunc is Terraform's replace: a substring, or a regular expression
// when the search string is written /like this/.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(re.ReplaceAllString(str, rep)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, rep)), nil
	},
})

// stringFunc wraps a pure string → string function.
func stringFunc(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

// reverse reverses a string by grapheme-agnostic runes, as Terraform's
// strrev does for the strings configurations use.
func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

func stringPredicate(f func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "s", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var (
	startsWithFunc  = stringPredicate(strings.HasPrefix)
	endsWithFunc    = stringPredicate(strings.HasSuffix)
	strContainsFunc = stringPredicate(strings.Contains)
)

// indexFunc is Terraform's index: the position of a value in a list.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}, {Name: "value", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		l := args[0]
		if !l.Type().IsListType() && !l.Type().IsTupleType() {
			return cty.NilVal, errors.New("index takes a list")
		}
		i := 0
		for it := l.ElementIterator(); it.Next(); i++ {
			_, e := it.Element()
			if eq := e.Equals(args[1]); eq.IsKnown() && eq.True() {
				return cty.NumberIntVal(int64(i)), nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// oneFunc is Terraform's one: the only element of a collection, or null.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		l := args[0]
		ty := l.Type()
		if !ty.IsListType() && !ty.IsTupleType() && !ty.IsSetType() {
			return cty.NilVal, errors.New("one takes a list, tuple or set")
		}
		switch l.LengthInt() {
		case 0:
			return cty.NullVal(cty.DynamicPseudoType), nil
		case 1:
			it := l.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, errors.New("must have no more than one element")
	},
})

func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if !e.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				if !e.IsNull() && e.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

var (
	allTrueFunc = boolFold(true)
	anyTrueFunc = boolFold(false)
)

// sumFunc is Terraform's sum of a list of numbers.
var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Number)}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		total := cty.Zero
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.IsNull() {
				return cty.NilVal, errors.New("sum of a list holding null")
			}
			total = total.Add(e)
		}
		return total, nil
	},
})

// coalesceFunc is Terraform's coalesce: the first argument that is neither
// null nor an empty string (cty's skips nulls only).
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, retType)
			if err != nil {
				return cty.NilVal, err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if v.IsNull() || (retType == cty.String && v.RawEquals(cty.StringVal(""))) {
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})
