package finding

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// InputErrors gives the lines the command line prints: one per diagnostic,
// each error of a join, an InputError as it is, anything else as text.
func TestInputErrors(t *testing.T) {
	diags := hcl.Diagnostics{
		{Severity: hcl.DiagError, Summary: "Duplicate resource block", Detail: "aws_s3_bucket.a is\n already declared.", Subject: &hcl.Range{Filename: "envs/a/main.tf", Start: hcl.Pos{Line: 2, Column: 1}}},
		{Severity: hcl.DiagError, Summary: "No position", Subject: &hcl.Range{Filename: "x.tfvars"}},
		{Severity: hcl.DiagError, Summary: "No subject"},
	}
	plan := &InputError{File: "plan.json", Offset: 12, Msg: "invalid JSON"}
	err := errors.Join(fmt.Errorf("reading configuration: %w", diags), plan, errors.New("something else"))
	var got []string
	for _, ie := range InputErrors(err) {
		got = append(got, ie.Error())
	}
	want := []string{
		"envs/a/main.tf:2:1: Duplicate resource block; aws_s3_bucket.a is already declared.",
		"x.tfvars: No position",
		"No subject",
		"plan.json: byte 12: invalid JSON",
		"something else",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("InputErrors (-want +got):\n%s", diff)
	}
	if InputErrors(nil) != nil {
		t.Error("InputErrors(nil) is not empty")
	}
}

func TestQualified(t *testing.T) {
	for _, tt := range []struct{ root, want string }{
		{"", "aws_s3_bucket.data"},
		{".", "aws_s3_bucket.data"},
		{"envs/prod", "envs/prod: aws_s3_bucket.data"},
	} {
		if got := Qualified(tt.root, "aws_s3_bucket.data"); got != tt.want {
			t.Errorf("Qualified(%q) = %q, want %q", tt.root, got, tt.want)
		}
	}
}
