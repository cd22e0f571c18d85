package providers

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func writeBundle(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const overlayHeader = `bundle {
  version = "2026.12.10"
  as_of   = "2026-12-10"
  extends = "embedded"
}
`

// An overlay amends the embedded catalog: a newer edition of a source
// replaces it, a renewed offer replaces the offer, the rest is untouched.
func TestOverlayBundle(t *testing.T) {
	dir := writeBundle(t, map[string]string{"renewal.hcl": overlayHeader + `
source "snc_ref_32" {
  title = "ANSSI, SecNumCloud requirements, a later edition"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-12-10"
}
provider "outscale" {
  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "2026-11-30"
    valid_until    = "2029-11-30"
    decision       = "4242"
    source         = ["snc_ref_32"]
    as_of          = "2026-12-10"
    verified       = "primary"
  }
}
`})
	c, err := LoadBundle(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{c.Version, c.AsOf, c.Origin, c.Base, c.Sources["snc_ref_32"].Date}
	want := []string{"2026.12.10", "2026-12-10", dir, Default().Version, "2026-12-10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var renewed *Offer
	for _, o := range c.ByID("outscale").Offers {
		if o.ID == "iaas-cloudgouv" {
			renewed = o
		}
	}
	if renewed == nil || renewed.Decision != "4242" || offerVerdict(renewed, day("2026-12-15")).Outcome != Pass {
		t.Errorf("the renewal does not replace the lapsed offer: %+v", renewed)
	}
	if Default().Sources["snc_ref_32"].Date != "2022-03-08" {
		t.Error("loading a bundle changed the embedded catalog")
	}
	if changes := Diff(Default(), c); len(changes) != 2 {
		t.Errorf("the overlay changes %d statements, want the offer and the source: %+v", len(changes), changes)
	}
}

// The exported data files, loaded as a bundle, are the embedded catalog.
func TestExportedDataIsABundle(t *testing.T) {
	files, err := DataFiles()
	if err != nil {
		t.Fatal(err)
	}
	str := map[string]string{}
	for n, b := range files {
		str[n] = string(b)
	}
	c, err := LoadBundle(writeBundle(t, str))
	if err != nil {
		t.Fatal(err)
	}
	if c.Version != Default().Version || c.AsOf != Default().AsOf || c.Base != "" {
		t.Errorf("version %q as of %q base %q", c.Version, c.AsOf, c.Base)
	}
	if changes := Diff(Default(), c); len(changes) != 0 {
		t.Errorf("the export differs from the embedded catalog: %+v", changes[0])
	}
}

func TestBundleErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string
		line  int
		want  string
	}{
		{
			name:  "no bundle block",
			files: map[string]string{"a.hcl": validPrefix + goodProvider},
			file:  "a.hcl", line: 1, want: "has no bundle block",
		},
		{
			name:  "two bundle blocks",
			files: map[string]string{"a.hcl": overlayHeader, "b.hcl": overlayHeader},
			file:  "b.hcl", line: 1, want: "second bundle block (the first is at",
		},
		{
			name:  "a version that is not one",
			files: map[string]string{"a.hcl": strings.Replace(overlayHeader, `"2026.12.10"`, `"next week"`, 1)},
			file:  "a.hcl", line: 1, want: `version "next week" must be`,
		},
		{
			name:  "extends something else",
			files: map[string]string{"a.hcl": strings.Replace(overlayHeader, `extends = "embedded"`, `extends = "https://example.org/catalog"`, 1)},
			file:  "a.hcl", line: 1, want: `extends must be "embedded"`,
		},
		{
			name: "a fact newer than the bundle",
			files: map[string]string{"a.hcl": strings.Replace(overlayHeader, `as_of   = "2026-12-10"`, `as_of   = "2026-01-01"`, 1) +
				"provider \"outscale\" {\n  regions {\n    source   = [\"outscale_regions_doc\"]\n    as_of    = \"2026-02\"\n    verified = \"primary\"\n    region \"eu-test-9\" { country = \"FR\" }\n  }\n}\n"},
			file: "a.hcl", line: 11, want: `is as of 2026-02, after the bundle's as_of 2026-01-01`,
		},
		{
			name:  "a source without a URL",
			files: map[string]string{"a.hcl": overlayHeader + "source \"mine\" {\n  title = \"our notes\"\n  date  = \"2026-12-01\"\n}\n"},
			file:  "a.hcl", line: 6, want: `source "mine" has no url`,
		},
		{
			name:  "a source declared twice in the bundle",
			files: map[string]string{"a.hcl": overlayHeader + "source \"anssi_2118\" {\n  url  = \"https://example.org/a\"\n  date = \"2026-12-01\"\n}\nsource \"anssi_2118\" {\n  url  = \"https://example.org/b\"\n  date = \"2026-12-01\"\n}\n"},
			file:  "a.hcl", line: 10, want: `duplicate source "anssi_2118"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeBundle(t, tt.files)
			_, err := LoadBundle(dir)
			diags, ok := err.(hcl.Diagnostics) //nolint:errorlint // LoadBundle returns hcl.Diagnostics itself
			if !ok {
				t.Fatalf("LoadBundle returned %v (%T), want hcl.Diagnostics", err, err)
			}
			if !hasDiag(diags, filepath.Join(dir, tt.file), tt.line, tt.want) {
				t.Errorf("no diagnostic at %s:%d containing %q; got:\n%s", tt.file, tt.line, tt.want, describe(diags))
			}
		})
	}
}

// A configuration file amends the catalog; it cannot pose as a bundle.
func TestBundleBlockInAConfigurationIsAnError(t *testing.T) {
	_, err := extendSrc(overlayHeader)
	if err == nil || !strings.Contains(err.Error(), "a bundle block belongs in a catalog bundle") {
		t.Errorf("got %v", err)
	}
}

func TestBundlePathErrors(t *testing.T) {
	if _, err := LoadBundle(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "catalog bundle") {
		t.Errorf("a missing path: %v", err)
	}
	if _, err := LoadBundle(t.TempDir()); err == nil || !strings.Contains(err.Error(), "has no .hcl file") {
		t.Errorf("an empty directory: %v", err)
	}
}

// TestBundleLimits: a bundle is bounded in files and bytes, over all its
// files, and holds regular files only; each is refused before it is
// parsed, with one line that says why.
func TestBundleLimits(t *testing.T) {
	big := strings.Repeat("# padding\n", 2<<20) // 20 MiB of comments
	cases := map[string]struct {
		setup func(t *testing.T) string
		want  string
	}{
		"too many files": {func(t *testing.T) string {
			t.Helper()
			files := map[string]string{}
			for i := range maxBundleFiles + 1 {
				files[fmt.Sprintf("f%03d.hcl", i)] = "# empty\n"
			}
			return writeBundle(t, files)
		}, "more than the 256 a bundle may have"},
		"too many bytes over two files": {func(t *testing.T) string {
			t.Helper()
			return writeBundle(t, map[string]string{"a.hcl": big, "b.hcl": big})
		}, "more than 32 MiB of data"},
		"one file too large": {func(t *testing.T) string {
			t.Helper()
			dir := writeBundle(t, nil)
			if err := os.WriteFile(filepath.Join(dir, "a.hcl"), []byte(big+big), 0o600); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(dir, "a.hcl")
		}, "more than 32 MiB of data"},
		"a device among the files": {func(t *testing.T) string {
			t.Helper()
			dir := writeBundle(t, map[string]string{"a.hcl": "# empty\n"})
			if err := os.Symlink(os.DevNull, filepath.Join(dir, "z.hcl")); err != nil {
				t.Skip(err)
			}
			return dir
		}, "is a device, not a regular file"},
		"a FIFO among the files": {func(t *testing.T) string {
			t.Helper()
			dir := writeBundle(t, map[string]string{"a.hcl": "# empty\n"})
			if err := syscall.Mkfifo(filepath.Join(dir, "z.hcl"), 0o600); err != nil {
				t.Skip(err)
			}
			return dir
		}, "is a FIFO, not a regular file"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := LoadBundle(c.setup(t))
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line with %q", err, c.want)
			}
		})
	}
}

// Every statement of the embedded catalog has its own key: a diff keyed
// by statement loses nothing.
func TestStatementKeysAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range Default().Statements() {
		if seen[st.Key] {
			t.Errorf("two statements are keyed %q", st.Key)
		}
		seen[st.Key] = true
	}
	if len(seen) < 500 {
		t.Errorf("only %d statements: the catalog is not all there", len(seen))
	}
}
