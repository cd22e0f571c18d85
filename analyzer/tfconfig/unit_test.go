package tfconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// A unit's extra files join the module's: a generated file replaces the
// module's file of the same name, or gives way to it, and its positions
// are where the text is written.
func TestLoadUnit(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"main.tf":     "resource \"aws_s3_bucket\" \"b\" {}\n",
		"provider.tf": "provider \"aws\" {\n  region = \"us-east-1\"\n}\n",
		"keep.tf":     "provider \"aws\" {\n  alias  = \"kept\"\n  region = \"eu-west-1\"\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l := NewSourceLoader([]string{"region"}, []string{"region"})
	cfg, err := l.LoadUnit(dir, []ExtraFile{
		{Name: "provider.tf", Src: []byte("provider \"aws\" {\n  region = \"eu-west-3\"\n}\n"), Filename: "live/terragrunt.hcl", Start: hcl.Pos{Line: 10, Column: 1}, Replace: true},
		{Name: "keep.tf", Src: []byte("not even HCL {"), Filename: "live/terragrunt.hcl", Start: hcl.Pos{Line: 20, Column: 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	instances, err := cfg.Evaluate(VarOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(instances) != 1 {
		t.Fatalf("%d instances, want 1", len(instances))
	}
	pc := instances[0].ProviderConfig
	if pc == nil || pc.Attrs["region"].Value.AsString() != "eu-west-3" {
		t.Fatalf("provider configuration %+v, want the generated region", pc)
	}
	if r := pc.Attrs["region"].Range; r.Filename != "live/terragrunt.hcl" || r.Start.Line != 11 {
		t.Errorf("region set at %s:%d, want live/terragrunt.hcl:11", r.Filename, r.Start.Line)
	}
	if _, ok := cfg.root.mod.providers["aws.kept"]; !ok {
		t.Errorf("the module's keep.tf was replaced although its extra file does not replace: providers %v", cfg.root.mod.providers)
	}
}
