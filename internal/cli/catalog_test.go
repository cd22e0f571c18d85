package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/providers"
)

// golden compares out with the file at path, or rewrites it under -update.
func golden(t *testing.T, path, out string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), out); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}

// TestCatalogDiffGolden: two versions of a bundle, compared as a reviewer
// of the update would see them: a renewed qualification, an operator fact
// re-read, a region removed and one added, each with its sources.
func TestCatalogDiffGolden(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("testdata", "catalog-diff"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"diff.txt", []string{"catalog", "diff", "old", "new"}},
		{"diff.json", []string{"catalog", "diff", "--format", "json", "old", "new"}},
		{"diff-reverse.txt", []string{"catalog", "diff", "new", "old"}},
		{"diff-same.txt", []string{"catalog", "diff", "old", "old"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := sovlint(t, dir, tt.args...)
			if code != ExitClean || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			golden(t, filepath.Join(dir, tt.golden), stdout)
		})
	}
	// The JSON is the text's content: counts that add up.
	_, stdout, _ := sovlint(t, dir, "catalog", "diff", "--format", "json", "old", "new")
	var d catalogDiffReport
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.Added != 2 || d.Removed != 1 || d.Changed != 4 || len(d.Changes) != 7 {
		t.Errorf("counts %d/%d/%d over %d changes, want 2 added, 1 removed, 4 changed", d.Added, d.Removed, d.Changed, len(d.Changes))
	}
}

// TestCatalogExportRoundTrip: the exported data files are a bundle that
// loads back into the embedded catalog, fact for fact; exporting over them
// needs --force.
func TestCatalogExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := sovlint(t, dir, "catalog", "export", "exported")
	if code != ExitClean || !strings.Contains(stderr, "data files of catalog "+providers.Default().Version) {
		t.Fatalf("export: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = sovlint(t, dir, "catalog", "export", "exported")
	if code != ExitError || !strings.Contains(stderr, "already exists (--force overwrites it)") {
		t.Errorf("a second export over the first: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr = sovlint(t, dir, "catalog", "export", "--force", "exported"); code != ExitClean {
		t.Errorf("export --force: exit %d, stderr %q", code, stderr)
	}
	code, stdout, stderr := sovlint(t, dir, "catalog", "diff", "embedded", "exported")
	if code != ExitClean || stderr != "" || !strings.Contains(stdout, "\n0 added, 0 removed, 0 changed\n") {
		t.Errorf("diff embedded exported: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	// Loaded with --catalog, the export lists what the embedded catalog does.
	args := []string{"providers", "--format", "json", "--as-of", "2026-11-23"}
	_, embedded, _ := sovlint(t, dir, args...)
	_, loaded, stderr := sovlint(t, dir, append(args, "--catalog", "exported")...)
	if stderr != "" {
		t.Fatal(stderr)
	}
	loaded = strings.Replace(loaded, `"origin": "exported"`, `"origin": "embedded"`, 1)
	loaded = strings.ReplaceAll(loaded, `"file": "exported/`, `"file": "data/`)
	if diff := cmp.Diff(embedded, loaded); diff != "" {
		t.Errorf("the exported catalog lists differently (-embedded +exported):\n%s", diff)
	}
}

// unpublishedSource matches what gives away a document a reader cannot
// open: the project's research notes, relays known only by a nickname.
var unpublishedSource = regexp.MustCompile(`(?i)research/|shared/|research draft|relay|\bR[12]\b`)

// TestProvidersJSONListsOnlyPublicSources is issue 12's test: every source
// `sovlint providers --format json` prints has a public URL and cites no
// unpublished file.
func TestProvidersJSONListsOnlyPublicSources(t *testing.T) {
	code, stdout, stderr := sovlint(t, t.TempDir(), "providers", "--format", "json", "--as-of", "2026-11-26")
	if code != ExitClean || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var l catalogListing
	if err := json.Unmarshal([]byte(stdout), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Sources) < 100 {
		t.Fatalf("only %d sources listed: the listing is not the whole catalog", len(l.Sources))
	}
	for k, src := range l.Sources {
		if !strings.HasPrefix(src.URL, "https://") && !strings.HasPrefix(src.URL, "http://") {
			t.Errorf("source %q has no public URL: %+v", k, src)
		}
		if m := unpublishedSource.FindString(src.Title + " " + src.Note); m != "" {
			t.Errorf("source %q cites an unpublished document (%q): %s", k, m, src.Title)
		}
		if src.Date == "" {
			t.Errorf("source %q has no date", k)
		}
	}
}

func TestVersionNamesTheCatalog(t *testing.T) {
	code, stdout, _ := sovlint(t, t.TempDir(), "--version")
	cat := providers.Default()
	want := "catalog " + cat.Version + " (facts as of " + cat.AsOf + ")\n"
	if code != ExitClean || !strings.HasPrefix(stdout, "sovlint ") || !strings.HasSuffix(stdout, want) {
		t.Errorf("--version: exit %d, printed %q, want it to end with %q", code, stdout, want)
	}
}

// TestSummaryIsOneLinePerProvider: --summary prints a header, a column
// line and one line per provider of the catalog.
func TestSummaryIsOneLinePerProvider(t *testing.T) {
	code, stdout, stderr := sovlint(t, t.TempDir(), "providers", "--summary", "--as-of", "2026-12-01")
	if code != ExitClean || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if got, want := len(lines), 3+len(providers.Default().Providers); got != want {
		t.Errorf("%d lines, want %d (header, blank, columns, one per provider)", got, want)
	}
	for _, want := range []string{
		"iaas-cloudgouv #2118 lapsed 2026-11-30",
		"s3ns/premi3ns #2057 to 2028-12-17",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
}
