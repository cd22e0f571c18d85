package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/internal/settings"
	"github.com/sovlint/sovlint/internal/synth"
)

func scan(t *testing.T, path string) map[string]string {
	t.Helper()
	rep, err := engine.Scan([]engine.Input{{Path: path}}, engine.Options{
		Settings: settings.Default(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)),
	})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for r := range rep.ResourceRows() {
		m[r.Address] = r.Region + " " + r.Classification
	}
	for _, f := range rep.Findings {
		m[f.Address] += " " + f.RuleID
	}
	return m
}

// With n = 2 the generator must reproduce what real Terraform wrote.
func TestPlanReproducesTheTemplate(t *testing.T) {
	root := filepath.Join("..", "..")
	out := filepath.Join(t.TempDir(), "plan.json")
	var buf bytes.Buffer
	if err := synth.Plan(&buf, filepath.Join(root, synth.PlanTemplate), 2); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(scan(t, filepath.Join(root, synth.PlanTemplate)), scan(t, out)); diff != "" {
		t.Errorf("synthetic plan (n=2) differs from the Terraform one (-terraform +synth):\n%s", diff)
	}
}

func TestPlanScalesAndIsDeterministic(t *testing.T) {
	tmpl := filepath.Join("..", "..", synth.PlanTemplate)
	var a, b bytes.Buffer
	if err := synth.Plan(&a, tmpl, 7); err != nil {
		t.Fatal(err)
	}
	if err := synth.Plan(&b, tmpl, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs with the same n differ")
	}
	out := filepath.Join(t.TempDir(), "plan.json")
	if err := os.WriteFile(out, a.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	got := scan(t, out)
	if len(got) != 7*30 {
		t.Fatalf("got %d resources, want %d", len(got), 7*30)
	}
	// svc_paris[6] is sensitive (6 % 3 == 0) in Paris; svc_us[5] is not.
	if want := "eu-west-3 sensitive SOV001 SOV002"; got["module.svc_paris[6].aws_sqs_queue.q"] != want {
		t.Errorf("svc_paris[6] queue: %q, want %q", got["module.svc_paris[6].aws_sqs_queue.q"], want)
	}
	if want := "us-east-1 internal"; got["module.svc_us[5].aws_sqs_queue.q"] != want {
		t.Errorf("svc_us[5] queue: %q, want %q", got["module.svc_us[5].aws_sqs_queue.q"], want)
	}
}

func TestTree(t *testing.T) {
	dir := t.TempDir()
	files, err := synth.Tree(dir, filepath.Join("..", ".."), 4)
	if err != nil {
		t.Fatal(err)
	}
	if files != 10 {
		t.Errorf("4 roots gave %d .tf files, want 10", files)
	}
	if _, err := os.Stat(filepath.Join(dir, "team-001", "count-foreach", "tenant", "main.tf")); err != nil {
		t.Error(err)
	}
}
