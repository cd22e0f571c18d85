package rules

import "testing"

// TestDocURLPinned: a release's reports link to the rule text of that
// release, not to main, which may have changed since.
func TestDocURLPinned(t *testing.T) {
	if got, want := docURL("v1.4.0", "SOV003"), "https://github.com/sovlint/sovlint/blob/v1.4.0/rules/docs/SOV003.md"; got != want {
		t.Errorf("docURL(v1.4.0) = %s, want %s", got, want)
	}
	if got, want := docURL("", "SOV003"), "https://github.com/sovlint/sovlint/blob/main/rules/docs/SOV003.md"; got != want {
		t.Errorf("docURL of a development build = %s, want %s", got, want)
	}
}
