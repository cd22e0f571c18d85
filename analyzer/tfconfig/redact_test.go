package tfconfig

import (
	"strings"
	"testing"
)

// TestRedactSource: a module source keeps where it points and loses who it
// is: credentials up to the last @ (a password may hold one, or a /), and
// query arguments but the ref.
func TestRedactSource(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"git::https://user:p@ss@example.com/org/repo.git?ref=v1", "git::https://…@example.com/org/repo.git?ref=v1"},
		{"https://user:pa/ss@w@example.com/x", "https://…@example.com/x"},
		{"git::ssh://git@example.com/repo.git?sshkey=AAAA&ref=main", "git::ssh://…@example.com/repo.git?…&ref=main"},
		{"git::https://token@example.com/a?ref=x@y", "git::https://…@example.com/a?ref=x@y"},
		{"terraform-aws-modules/vpc/aws", "terraform-aws-modules/vpc/aws"},
		{"git@github.com:org/repo.git", "git@github.com:org/repo.git"},
	} {
		if got := redactSource(c.in); got != c.want {
			t.Errorf("redactSource(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := "https://example.com/" + strings.Repeat("é", 500)
	if got := redactSource(long); len(got) > 204 || !strings.HasSuffix(got, "…") {
		t.Errorf("a long source is quoted whole: %d bytes", len(got))
	}
}
