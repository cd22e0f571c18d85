package evalbudget

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

func TestNestedForStops(t *testing.T) {
	src := "[for a in range(1024) : [for b in range(1024) : [for c in range(1024) : 1]]]"
	expr, diags := hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	expr = GuardExpr(expr)
	b := New()
	ctx := &hcl.EvalContext{Functions: Functions(map[string]function.Function{"range": stdlib.RangeFunc}, nil, b, nil)}
	start := time.Now()
	_, diags = expr.Value(ctx)
	t.Logf("%s, %d diagnostics, stopped %v", time.Since(start), len(diags), b.Stopped())
}

// TestVisitReachesWhatVisitAllDoes: the guards' walk reaches every node
// hclsyntax's own walk does, on the corpus and on every kind of
// expression.
func TestVisitReachesWhatVisitAllDoes(t *testing.T) {
	srcs := []string{`
a = {for k, v in var.m : upper(k) => v... if v != null}
b = { for x in local.l : x => x }
c = var.list[*].id
d = var.obj.*.name
e = "${var.a}-%{ if var.b }x%{ else }y%{ endif }-%{ for s in var.c }${s}%{ endfor }"
f = <<EOT
  hello ${var.name}
EOT
g = (1 + 2) * -3 % 4 / 5 - !true ? f(x...) : g()[0].h
h = { "${var.k}" = 1, (var.j) = 2, plain = 3 }
resource "x" "y" {
  dynamic "z" {
    for_each = var.zs
    content { v = z.value }
  }
}
`}
	files, _ := filepath.Glob("../../testdata/plans/*/*.tf")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	for i, src := range srcs {
		f, diags := hclsyntax.ParseConfig([]byte(src), "x.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("source %d: %s", i, diags)
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			t.Fatalf("source %d: not native syntax", i)
		}
		want := map[hclsyntax.Node]bool{}
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			switch n.(type) {
			case hclsyntax.ChildScope, hclsyntax.Attributes, hclsyntax.Blocks:
			default:
				want[n] = true
			}
			return nil
		})
		got := map[hclsyntax.Node]bool{}
		visit(body, func(n hclsyntax.Node) {
			switch n.(type) {
			case hclsyntax.Attributes, hclsyntax.Blocks:
				t.Errorf("visit passed a %T", n)
			default:
				got[n] = true
			}
		})
		for n := range want {
			if !got[n] {
				t.Errorf("source %d: visit missed a %T at %s", i, n, n.Range())
			}
		}
	}
}
