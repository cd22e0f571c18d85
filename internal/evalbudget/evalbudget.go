// Package evalbudget bounds the evaluation of what a pull request wrote.
package evalbudget

import (
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/sovlint/sovlint/internal/nesting"
)

// Evaluation runs on what a pull request wrote, so it has a budget:
// setproduct(range(1024), range(1024), range(1024)), locals that double a
// list forty times, a module count times a resource count, a for_each over
// a million elements, tostring(1e99999999) or a module tree that doubles at
// every level would otherwise exhaust the runner's memory or never end.
//
// What costs is charged as it happens, in units of elements iterated or
// built, characters and instances: a for expression's collection, a
// splat's source, a template's parts, every function call's arguments and
// result, every instance. Past the budget, evaluation stops (every later
// expression is unknown, which unwinds it quickly) and the scan fails
// with an error naming where it went past. A watchdog stops it too past a
// time and a memory limit, whatever it is doing. Values larger than a
// configuration needs (a string of millions of characters, a number with
// thousands of digits) are unknown instead, with the reason: the locations
// they feed are unresolved, never passed.
const (
	// callUnits is what a function call costs besides its arguments and
	// result: cty's machinery (type checks, conversions) weighs more than
	// an element.
	callUnits = 10
	// iterUnits is what each element a for expression or a splat
	// iterates over costs: a child scope, the body's evaluation.
	iterUnits = 10
	// Units bounds the work of one root module's evaluation: some
	// seconds of it. The largest configurations of the corpus and the
	// benchmark trees use a few thousand.
	Units int64 = 5_000_000
	// Timeout and HeapLimit bound one evaluation's time and the
	// process's heap while it runs, whatever the evaluation is doing.
	Timeout          = 30 * time.Second
	HeapLimit uint64 = 2 << 30
	// MaxValueUnits bounds one value: a local, an output, an attribute, a
	// function's argument or result.
	MaxValueUnits int64 = 1_000_000
	// MaxNumberExp10 bounds the magnitude of numbers (10^4096): writing a
	// number as text takes time quadratic in its digits, and
	// tostring(1e99999999) would not end.
	MaxNumberExp10 = 4096
	// MaxInstances bounds the resource and module instances of one
	// root module.
	MaxInstances = 200_000
	// MaxModules bounds the module calls of a configuration tree,
	// which a tree of modules calling each other twice at every level
	// makes exponential without any count.
	MaxModules = 10_000
)

// maxNumberExp2 is MaxNumberExp10 in powers of two, as big.Float keeps it.
const maxNumberExp2 = MaxNumberExp10 * 3322 / 1000

// Budget is one evaluation's: units left, and whether and why it stopped.
type Budget struct {
	left atomic.Int64
	stop atomic.Bool
	mu   sync.Mutex
	why  string
	at   hcl.Range
}

// New is a budget of Units.
func New() *Budget {
	return WithUnits(Units)
}

// WithUnits is a budget of n units: fuzz tests spend less per input.
func WithUnits(n int64) *Budget {
	b := &Budget{}
	b.left.Store(n)
	return b
}

// Exceed stops the evaluation; the first reason is the one reported.
func (b *Budget) Exceed(at hcl.Range, why string) {
	b.mu.Lock()
	if b.why == "" {
		b.why, b.at = why, at
	}
	b.mu.Unlock()
	b.stop.Store(true)
}

// Stopped reports whether the evaluation is to stop.
func (b *Budget) Stopped() bool { return b.stop.Load() }

// Place gives the reason a place when the code that stopped the budget
// did not know it (a function): the evaluator passes the expression it
// was evaluating.
func (b *Budget) Place(at hcl.Range) {
	b.mu.Lock()
	if b.at.Filename == "" {
		b.at = at
	}
	b.mu.Unlock()
}

// Reason is why the evaluation stopped, and where; "" when it did not.
func (b *Budget) Reason() (string, hcl.Range) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.why, b.at
}

// Charge spends n units on what is at rng, and reports whether the budget
// allows it.
func (b *Budget) Charge(n int64, rng hcl.Range, what string) bool {
	if b.Stopped() {
		return false
	}
	if b.left.Add(-n) < 0 {
		b.Exceed(rng, fmt.Sprintf("%s goes past sovlint's evaluation budget (%d elements, characters and instances in all)", what, Units))
		return false
	}
	return true
}

// ErrSpent is the error guards return once the budget is spent: the
// expression becomes unknown, and the evaluation unwinds.
var ErrSpent = fmt.Errorf("sovlint's evaluation budget is spent")

// ValueCost measures a value in units (elements, characters), stopping past
// limit; huge is true when it holds a number beyond MaxNumberExp10.
func ValueCost(v cty.Value, limit int64) (cost int64, huge bool) {
	var walk func(v cty.Value)
	walk = func(v cty.Value) {
		if cost > limit || huge {
			return
		}
		cost++
		v, _ = v.Unmark()
		if !v.IsKnown() || v.IsNull() {
			return
		}
		ty := v.Type()
		switch {
		case ty == cty.String:
			cost += int64(len(v.AsString()))
		case ty == cty.Number:
			huge = HugeNumber(v.AsBigFloat())
		case ty.IsListType() || ty.IsSetType() || ty.IsTupleType() || ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				k, e := it.Element()
				if ty.IsMapType() {
					cost += int64(len(k.AsString()))
				}
				walk(e)
				if cost > limit || huge {
					return
				}
			}
		}
	}
	walk(v)
	return cost, huge
}

// HugeNumber reports whether a number is beyond MaxNumberExp10.
func HugeNumber(f *big.Float) bool {
	if f.IsInf() {
		return false // "+Inf" is short
	}
	exp := f.MantExp(nil)
	return exp > maxNumberExp2 || exp < -maxNumberExp2
}

// HeapInUse is the heap's live and not-yet-collected bytes.
func HeapInUse() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// TooLarge is the function a number literal beyond MaxNumberExp10 is
// replaced with: it is unknown, and evaluators name it as the reason.
const TooLarge = "__sovlint_too_large"

// maxUnguardedParts is how many interpolations a template may have before
// its parts are charged one by one.
const maxUnguardedParts = 16

// Guards are functions the parsed syntax trees call (GuardSyntax puts
// them there): each evaluator binds them to its budget.
const (
	guardIter     = "__sovlint_iterate"  // a for expression's collection, a splat's source
	guardText     = "__sovlint_template" // a template's interpolated part
	guardTooLarge = TooLarge
)

// GuardSyntax makes a parsed file's (or expression's) syntax tree charge
// the budget: a for
// expression's collection and a splat's source go through guardIter, a
// template's parts through guardText, arithmetic results are refused past
// MaxNumberExp10, and number literals past it are unknown. JSON files are
// parsed as they are evaluated: the function guards, the value bounds and
// the watchdog cover them.
//
// It returns the names of the functions the tree calls, so that an
// evaluator binds only those to its budget.
func GuardSyntax(root hclsyntax.Node) (calls map[string]bool) {
	calls = map[string]bool{}
	wrap := func(name string, e hclsyntax.Expression) hclsyntax.Expression {
		r := e.Range()
		return &hclsyntax.FunctionCallExpr{Name: name, Args: []hclsyntax.Expression{e}, NameRange: r, OpenParenRange: r, CloseParenRange: r}
	}
	visit(root, func(n hclsyntax.Node) {
		switch e := n.(type) {
		case *hclsyntax.ForExpr:
			e.CollExpr = wrap(guardIter, e.CollExpr)
		case *hclsyntax.SplatExpr:
			e.Source = wrap(guardIter, e.Source)
		case *hclsyntax.TemplateExpr:
			// Every value a part can refer to is bounded (MaxValueUnits,
			// MaxNumberExp10): a template of a few parts is too. One of
			// many parts could repeat a large value until memory runs out.
			parts := 0
			for _, p := range e.Parts {
				if _, literal := p.(*hclsyntax.LiteralValueExpr); !literal {
					parts++
				}
			}
			if parts <= maxUnguardedParts {
				break
			}
			for i, p := range e.Parts {
				if _, literal := p.(*hclsyntax.LiteralValueExpr); !literal {
					e.Parts[i] = wrap(guardText, p)
				}
			}
		case *hclsyntax.BinaryOpExpr:
			if op := guardedOps[e.Op]; op != nil {
				e.Op = op
			}
		case *hclsyntax.ObjectConsExpr:
			for i, item := range e.Items {
				e.Items[i].ValueExpr = tooLargeLiteral(item.ValueExpr)
			}
		case *hclsyntax.TupleConsExpr:
			for i, x := range e.Exprs {
				e.Exprs[i] = tooLargeLiteral(x)
			}
		case *hclsyntax.Body:
			for _, a := range e.Attributes {
				a.Expr = tooLargeLiteral(a.Expr)
			}
		case *hclsyntax.FunctionCallExpr:
			calls[e.Name] = true
			for i, x := range e.Args {
				e.Args[i] = tooLargeLiteral(x)
			}
		case *hclsyntax.ConditionalExpr:
			e.TrueResult, e.FalseResult = tooLargeLiteral(e.TrueResult), tooLargeLiteral(e.FalseResult)
		case *hclsyntax.UnaryOpExpr:
			e.Val = tooLargeLiteral(e.Val)
		}
	})
	return calls
}

// visit calls f on n, then on its children as f left them, like
// hclsyntax.VisitAll without a closure per node (which made a scan of a
// thousand files allocate a fifth more).
func visit(n hclsyntax.Node, f func(hclsyntax.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch e := n.(type) {
	case *hclsyntax.Body:
		for _, a := range e.Attributes {
			visit(a, f)
		}
		for _, b := range e.Blocks {
			visit(b, f)
		}
	case *hclsyntax.Block:
		visit(e.Body, f)
	case *hclsyntax.Attribute:
		visit(e.Expr, f)
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.AnonSymbolExpr:
	case *hclsyntax.RelativeTraversalExpr:
		visit(e.Source, f)
	case *hclsyntax.FunctionCallExpr:
		for _, a := range e.Args {
			visit(a, f)
		}
	case *hclsyntax.ConditionalExpr:
		visit(e.Condition, f)
		visit(e.TrueResult, f)
		visit(e.FalseResult, f)
	case *hclsyntax.IndexExpr:
		visit(e.Collection, f)
		visit(e.Key, f)
	case *hclsyntax.TupleConsExpr:
		for _, x := range e.Exprs {
			visit(x, f)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, item := range e.Items {
			visit(item.KeyExpr, f)
			visit(item.ValueExpr, f)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		visit(e.Wrapped, f)
	case *hclsyntax.ForExpr:
		visit(e.CollExpr, f)
		visit(e.KeyExpr, f)
		visit(e.ValExpr, f)
		visit(e.CondExpr, f)
	case *hclsyntax.SplatExpr:
		visit(e.Source, f)
		visit(e.Each, f)
	case *hclsyntax.TemplateExpr:
		for _, p := range e.Parts {
			visit(p, f)
		}
	case *hclsyntax.TemplateJoinExpr:
		visit(e.Tuple, f)
	case *hclsyntax.TemplateWrapExpr:
		visit(e.Wrapped, f)
	case *hclsyntax.ParenthesesExpr:
		visit(e.Expression, f)
	case *hclsyntax.BinaryOpExpr:
		visit(e.LHS, f)
		visit(e.RHS, f)
	case *hclsyntax.UnaryOpExpr:
		visit(e.Val, f)
	default:
		// A node type this does not know (a newer hclsyntax): the
		// library's own walk reaches its children.
		_ = hclsyntax.VisitAll(n, func(c hclsyntax.Node) hcl.Diagnostics {
			if c != n {
				f(c)
			}
			return nil
		})
	}
}

// GuardExpr is GuardSyntax for an expression, which may itself be
// replaced (a number literal too large to evaluate).
func GuardExpr(x hclsyntax.Expression) hclsyntax.Expression {
	x = tooLargeLiteral(x)
	_ = GuardSyntax(x)
	return x
}

// tooLargeLiteral replaces a number literal past MaxNumberExp10 with a
// call that is unknown, and names it.
func tooLargeLiteral(x hclsyntax.Expression) hclsyntax.Expression {
	lit, ok := x.(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.Type() != cty.Number || !lit.Val.IsKnown() || lit.Val.IsNull() || !HugeNumber(lit.Val.AsBigFloat()) {
		return x
	}
	r := lit.SrcRange
	return &hclsyntax.FunctionCallExpr{Name: guardTooLarge, NameRange: r, OpenParenRange: r, CloseParenRange: r}
}

// guardedOps are the arithmetic operations with their results bounded.
var guardedOps = func() map[*hclsyntax.Operation]*hclsyntax.Operation {
	out := map[*hclsyntax.Operation]*hclsyntax.Operation{}
	for _, op := range []*hclsyntax.Operation{hclsyntax.OpAdd, hclsyntax.OpSubtract, hclsyntax.OpMultiply, hclsyntax.OpDivide, hclsyntax.OpModulo} {
		inner := op.Impl
		out[op] = &hclsyntax.Operation{Type: op.Type, Impl: function.New(&function.Spec{
			Params: inner.Params(),
			Type:   inner.ReturnTypeForValues,
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				v, err := inner.Call(args)
				if err == nil && v.IsKnown() && !v.IsNull() && v.Type() == cty.Number && HugeNumber(v.AsBigFloat()) {
					return cty.UnknownVal(cty.Number), fmt.Errorf("the result is beyond 10^%d, more than sovlint evaluates", MaxNumberExp10)
				}
				return v, err
			},
		})}
	}
	return out
}()

// notGuarded are the functions called as they are: try and can take their
// arguments unevaluated (a wrapper would evaluate them), and the
// functions sovlint does not run cost nothing.
func notGuarded(name string, unevaluated map[string]bool) bool {
	return name == "try" || name == "can" || unevaluated[name]
}

// Functions returns the function table bound to a budget: every
// function's arguments and result are charged and bounded, some are
// checked before they run (setproduct's size, format's widths), and the
// guards GuardSyntax inserts are defined.
//
// Only the functions in calls are bound (nil binds them all): a root
// module's evaluation binds its table once, and a table is some hundred
// functions.
func Functions(table map[string]function.Function, unevaluated map[string]bool, b *Budget, calls map[string]bool) map[string]function.Function {
	out := make(map[string]function.Function, len(calls)+3)
	for name, f := range table {
		if calls != nil && !calls[name] {
			continue
		}
		if notGuarded(name, unevaluated) {
			out[name] = f
			continue
		}
		out[name] = guardFunc(name, f, b)
	}
	maps.Copy(out, guards(b))
	return out
}

// guards are the functions GuardSyntax's calls name, bound to b.
func guards(b *Budget) map[string]function.Function {
	out := make(map[string]function.Function, 3)
	anyArg := function.Parameter{Name: "v", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}
	passThrough := func(check func(v cty.Value) error) function.Function {
		return function.New(&function.Spec{
			Params: []function.Parameter{anyArg},
			Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				if b.Stopped() {
					return cty.DynamicVal, ErrSpent
				}
				if err := check(args[0]); err != nil {
					return cty.DynamicVal, err
				}
				return args[0], nil
			},
		})
	}
	out[guardIter] = passThrough(func(v cty.Value) error {
		u, _ := v.Unmark()
		if u.IsKnown() && !u.IsNull() && u.CanIterateElements() && !b.Charge(iterUnits*int64(u.LengthInt()), hcl.Range{}, "iterating over a collection") {
			return ErrSpent
		}
		return nil
	})
	out[guardText] = passThrough(func(v cty.Value) error {
		cost, huge := ValueCost(v, MaxValueUnits)
		switch {
		case huge:
			return fmt.Errorf("a number beyond 10^%d cannot be written as text by sovlint", MaxNumberExp10)
		case cost > MaxValueUnits:
			return fmt.Errorf("a template part larger than %d characters is more than sovlint evaluates", MaxValueUnits)
		case !b.Charge(cost, hcl.Range{}, "a template"):
			return ErrSpent
		}
		return nil
	})
	out[guardTooLarge] = function.New(&function.Spec{
		Type: function.StaticReturnType(cty.Number),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) { return cty.UnknownVal(cty.Number), nil },
	})
	return out
}

// Const is the context for expressions that must be constants (a
// variable's default, a .tfvars value, a module source): no variables and
// no functions but the guards, bound to b.
func Const(b *Budget) *hcl.EvalContext {
	return &hcl.EvalContext{Functions: guards(b)}
}

// ConstFor is Const with a budget of its own, for syntax trees that call
// the functions in calls (GuardSyntax's result); the context is nil when
// they call no guard, as for JSON (calls nil), whose templates GuardSyntax
// does not reach: a nil context costs nothing, and constants need no
// function.
func ConstFor(calls map[string]bool) (*hcl.EvalContext, *Budget) {
	b := New()
	if calls[guardIter] || calls[guardText] || calls[guardTooLarge] {
		return Const(b), b
	}
	return nil, b
}

// guardFunc wraps one function with the budget's checks.
func guardFunc(name string, f function.Function, b *Budget) function.Function {
	spec := &function.Spec{
		Params: f.Params(),
		Type:   f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			if b.Stopped() {
				return cty.DynamicVal, ErrSpent
			}
			cost := int64(callUnits)
			for _, a := range args {
				c, huge := ValueCost(a, MaxValueUnits)
				switch {
				case huge:
					return cty.DynamicVal, fmt.Errorf("a number beyond 10^%d is more than sovlint evaluates", MaxNumberExp10)
				case c > MaxValueUnits:
					return cty.DynamicVal, fmt.Errorf("an argument of %s() is larger than sovlint evaluates", name)
				}
				cost += c
			}
			if err := precheck(name, args); err != nil {
				return cty.DynamicVal, err
			}
			if !b.Charge(cost, hcl.Range{}, "calling "+name+"()") {
				return cty.DynamicVal, ErrSpent
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			c, huge := ValueCost(v, MaxValueUnits)
			switch {
			case huge:
				return cty.DynamicVal, fmt.Errorf("%s() gives a number beyond 10^%d, more than sovlint evaluates", name, MaxNumberExp10)
			case c > MaxValueUnits:
				return cty.DynamicVal, fmt.Errorf("%s() gives a value larger than sovlint evaluates", name)
			case !b.Charge(c, hcl.Range{}, "the result of "+name+"()"):
				return cty.DynamicVal, ErrSpent
			}
			return v, nil
		},
	}
	if vp := f.VarParam(); vp != nil {
		spec.VarParam = vp
	}
	return function.New(spec)
}

// formatWidth finds the widths and precisions of a format string's verbs;
// compiled when first needed, not by every command at start.
var formatWidth = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%[-+# 0]*(\d+)?(?:\.(\d+))?`) })

// precheck refuses, before it runs, a call whose result would be far larger
// than its arguments.
func precheck(name string, args []cty.Value) error {
	known := func(v cty.Value) (cty.Value, bool) {
		v, _ = v.Unmark()
		return v, v.IsKnown() && !v.IsNull()
	}
	switch name {
	case "setproduct":
		n := int64(1)
		for _, a := range args {
			a, ok := known(a)
			if !ok || !a.CanIterateElements() {
				return nil
			}
			n *= int64(max(a.LengthInt(), 1))
			if n > MaxValueUnits {
				return fmt.Errorf("setproduct() would make more than %d combinations, more than sovlint evaluates", MaxValueUnits)
			}
		}
	case "format", "formatlist":
		if f, ok := known(args[0]); ok && f.Type() == cty.String {
			for _, m := range formatWidth().FindAllStringSubmatch(f.AsString(), -1) {
				for _, d := range m[1:] {
					if n, err := strconv.Atoi(d); d != "" && (err != nil || n > 10000) {
						return fmt.Errorf("%s() with a width or precision over 10000 is more than sovlint evaluates", name)
					}
				}
			}
		}
	case "indent":
		if n, ok := known(args[0]); ok && n.Type() == cty.Number {
			if i, acc := n.AsBigFloat().Int64(); acc != big.Exact || i > 10000 {
				return fmt.Errorf("indent() by more than 10000 spaces is more than sovlint evaluates")
			}
		}
	case "replace":
		s, ok1 := known(args[0])
		r, ok2 := known(args[2])
		if ok1 && ok2 && s.Type() == cty.String && r.Type() == cty.String && int64(len(s.AsString())+1)*int64(len(r.AsString())+1) > MaxValueUnits {
			return fmt.Errorf("replace() could make a string larger than sovlint evaluates")
		}
	case "parseint":
		if s, ok := known(args[0]); ok && s.Type() == cty.String && len(s.AsString()) > 1000 {
			return fmt.Errorf("parseint() of more than 1000 digits is more than sovlint evaluates")
		}
	case "jsondecode":
		if s, ok := known(args[0]); ok && s.Type() == cty.String {
			if d := nesting.JSON([]byte(s.AsString()), ""); d != nil {
				return fmt.Errorf("jsondecode() of JSON nested more than %d levels deep is more than sovlint evaluates", nesting.Limit)
			}
		}
	}
	return nil
}
