package tfconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// panicExpr is an expression whose evaluation panics, as a bug in the
// evaluator or a library it calls would.
type panicExpr struct{ hcl.Expression }

func (panicExpr) Value(*hcl.EvalContext) (cty.Value, hcl.Diagnostics) { panic("kaboom") }
func (panicExpr) Variables() []hcl.Traversal                          { return nil }

// A panic the evaluator recovers from makes the value unknown, so the scan
// fails closed; it must also be said, as a warning, rather than pass as an
// ordinary SOV004.
func TestRecoveredPanicIsAWarning(t *testing.T) {
	dir := t.TempDir()
	src := "provider \"aws\" {\n  region = \"eu-west-3\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := NewSourceLoader([]string{"region"}, []string{"region"}).LoadConfig(dir)
	if err != nil {
		t.Fatal(err)
	}
	attr := cfg.root.mod.providers["aws"].body.attrs["region"]
	attr.Expr = panicExpr{attr.Expr}
	instances, err := cfg.Evaluate(VarOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(instances) != 1 || instances[0].ProviderConfig.Attrs["region"].Value.IsKnown() {
		t.Fatalf("the region should be unknown after the panic: %+v", instances)
	}
	var found bool
	for _, w := range cfg.Warnings() {
		if strings.Contains(w.Message, "internal error while evaluating") && strings.Contains(w.Message, "kaboom") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning about the recovered panic: %+v", cfg.Warnings())
	}
}
