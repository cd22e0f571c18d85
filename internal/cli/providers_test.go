package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/providers"
)

var update = flag.Bool("update", false, "rewrite the golden files under internal/cli/testdata")

// sovlint runs the command line in dir and returns its exit status and
// output streams.
func sovlint(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code = Main(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

func TestProvidersGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"outscale.txt", []string{"providers", "outscale", "--as-of", "2026-11-23"}},
		{"outscale.json", []string{"providers", "registry.opentofu.org/outscale/outscale", "--format", "json", "--as-of", "2026-11-23"}},
		{"ovh.txt", []string{"providers", "ovh", "--as-of", "2026-12-01"}},
		{"numspot.json", []string{"providers", "numspot/numspot", "--format", "json", "--as-of", "2026-11-23"}},
		{"summary.txt", []string{"providers", "--summary", "--as-of", "2026-12-01"}},
		{"summary.json", []string{"providers", "--summary", "--format", "json", "--as-of", "2026-12-01"}},
	}
	goldenDir, err := filepath.Abs(filepath.Join("testdata", "providers"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := sovlint(t, t.TempDir(), tt.args...)
			if code != ExitClean || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			path := filepath.Join(goldenDir, tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(stdout), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// TestProvidersListsTheWholeCatalog checks the full JSON listing against the
// catalog itself: every provider, every region with its countries and three
// verdicts, and every source a listed fact cites; twice the same bytes.
func TestProvidersListsTheWholeCatalog(t *testing.T) {
	args := []string{"providers", "--format", "json", "--as-of", "2026-11-23"}
	_, first, _ := sovlint(t, t.TempDir(), args...)
	code, stdout, stderr := sovlint(t, t.TempDir(), args...)
	if code != ExitClean || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if first != stdout {
		t.Error("two runs printed different listings")
	}
	var got catalogListing
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	cat := providers.Default()
	var ids []string
	for _, p := range got.Providers {
		ids = append(ids, p.ID)
	}
	var want []string
	for _, p := range cat.Providers {
		want = append(want, p.ID)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("providers (-want +got):\n%s", diff)
	}
	regions := 0
	checkFact := func(what string, f factRecord) {
		if len(f.Sources) == 0 || f.AsOf == "" || f.Verified == "" {
			t.Errorf("%s: incomplete provenance %+v", what, f)
		}
		for _, k := range f.Sources {
			if _, ok := got.Sources[k]; !ok {
				t.Errorf("%s cites %q, which the listing's sources lack", what, k)
			}
		}
	}
	checkOffering := func(owner string, o offeringListing) {
		for _, r := range o.Regions {
			regions++
			what := owner + " region " + r.Code
			checkFact(what, r.Fact)
			if len(r.Countries) == 0 && !r.Global {
				t.Errorf("%s has no country", what)
			}
			v := r.Verdicts
			if v.EUResidency.Outcome == "" || v.EULegalControl.Outcome == "" || len(v.SecNumCloud) == 0 {
				t.Errorf("%s lacks a verdict: %+v", what, v)
			}
		}
		if o.Operator != nil {
			checkFact(owner+" operator", o.Operator.Fact)
		}
		for _, off := range o.Offers {
			checkFact(owner+" offer "+off.ID, off.Fact)
		}
	}
	for _, p := range got.Providers {
		checkOffering(p.ID, p.Offering)
		for _, v := range p.Variants {
			checkOffering(p.ID+"/"+v.ID, v.Offering)
		}
	}
	if regions < 300 {
		t.Errorf("the listing has %d regions; the catalog has more", regions)
	}
	if !slices.ContainsFunc(got.Warnings, func(w string) bool { return strings.Contains(w, "ANSSI decision 2118") }) {
		t.Errorf("the Outscale qualification ends within 30 days of 2026-11-23 and is not reported: %q", got.Warnings)
	}
}

func TestProvidersErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.hcl")
	if err := os.WriteFile(bad, []byte("\npolicy {\n  residency = [\"moon\"]\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string // part of the one line on stderr
	}{
		{[]string{"providers", "nimbus"}, `unknown provider "nimbus"`},
		{[]string{"providers", "--format", "yaml"}, `--format: want text or json, not "yaml"`},
		{[]string{"providers", "--as-of", "tomorrow"}, `--as-of: "tomorrow" is not a date`},
		{[]string{"providers", "--config", bad}, "bad.hcl:2"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := sovlint(t, dir, tt.args...)
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if stdout != "" || !strings.Contains(stderr, tt.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stdout %q, stderr %q: want one line containing %q", stdout, stderr, tt.want)
			}
		})
	}
}

// TestCatalogTextIsEscaped checks that the catalog's text printers escape
// the values they print: a bundle or a .sovlint.hcl can hold a control
// character in any string, and the listing, the summary and the diff are
// read on terminals.
func TestCatalogTextIsEscaped(t *testing.T) {
	const hostile = "x\x1b]0;owned\x07\u202e"
	fact := factRecord{Sources: []string{hostile}, AsOf: "2026-01-01", Verified: "primary"}
	listing := catalogListing{
		Version: "1", Origin: hostile, Warnings: []string{hostile},
		Providers: []providerListing{{
			ID: hostile, Name: hostile, Registry: []string{hostile},
			Location: &locationListing{ResourceAttributes: []string{hostile}},
			Offering: offeringListing{
				Operator: &operatorRecord{Name: hostile, Fact: fact},
				Offers:   []offerRecord{{ID: hostile, Name: hostile, Regions: []string{hostile}, Fact: fact}},
				Regions:  []regionListing{{Code: hostile, Countries: []string{hostile}, Fact: fact}},
			},
		}},
		Sources: map[string]sourceRecord{hostile: {Title: hostile, URL: hostile}},
	}
	summary := catalogSummary{Origin: hostile, Providers: []providerSummary{{
		ID: hostile, Operator: hostile, Jurisdiction: hostile, Qualified: []offerSummary{{ID: hostile}},
	}}}
	diff := catalogDiffReport{
		Old:     catalogID{Origin: hostile},
		Changes: []changeRecord{{Kind: providers.Added, Key: hostile, New: &statementRecord{Value: hostile, Fact: &fact}}},
		Sources: map[string]sourceRecord{hostile: {Title: hostile}},
	}
	for name, print := range map[string]func(io.Writer) error{
		"listing": func(w io.Writer) error { return printListing(w, listing) },
		"summary": func(w io.Writer) error { return printSummary(w, "text", summary) },
		"diff":    func(w io.Writer) error { return printCatalogDiff(w, diff) },
	} {
		var b strings.Builder
		if err := print(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s: a control character reached the output:\n%q", name, out)
		}
		if !strings.Contains(out, `x\x1b]0;owned\x07\u202e`) {
			t.Errorf("%s: the value is not shown escaped:\n%q", name, out)
		}
	}
}
