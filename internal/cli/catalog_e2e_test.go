package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanReport is the part of `sovlint scan --format json` these tests read.
type scanReport struct {
	Resources []struct {
		Address string `json:"address"`
		Region  string `json:"region"`
		Country string `json:"country"`
		Variant string `json:"variant"`
	} `json:"resources"`
	Findings []struct {
		Rule    string `json:"rule"`
		Address string `json:"address"`
	} `json:"findings"`
}

// placement is where a resource landed and the rules that fired on it.
type placement struct {
	Region, Country, Variant string
	Rules                    []string
}

func placements(t *testing.T, stdout string) map[string]placement {
	t.Helper()
	var rep scanReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("scan output is not JSON: %v\n%s", err, stdout)
	}
	out := map[string]placement{}
	for _, r := range rep.Resources {
		out[r.Address] = placement{Region: r.Region, Country: r.Country, Variant: r.Variant}
	}
	for _, f := range rep.Findings {
		p := out[f.Address]
		p.Rules = append(p.Rules, f.Rule)
		slices.Sort(p.Rules)
		out[f.Address] = p
	}
	return out
}

const (
	volume    = "openstack_blockstorage_volume_v3.records"
	container = "openstack_objectstorage_container_v1.archive"
	canary    = "CANARY-openstack-password-do-not-print"
)

// TestScanUsesAProviderDeclaredInConfig is the end-to-end check of issue 4:
// a private OpenStack that the catalog cannot know is declared in the
// repository's .sovlint.hcl, found upward from the plan, and the scan
// resolves its country and operator instead of reporting SOV005.
func TestScanUsesAProviderDeclaredInConfig(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("testdata", "catalog-extension"))
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := sovlint(t, fixture, "scan", "--format", "json", "--as-of", "2026-11-23", "plan.json")
	if code != ExitFindings || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := map[string]placement{
		// The declared region: French, EU-controlled, qualified offer.
		volume: {Region: "regionone", Country: "FR", Variant: "acme-private"},
		// A region the declaration lacks is still reported.
		container: {Region: "regiontwo", Variant: "acme-private", Rules: []string{"SOV005"}},
	}
	if diff := cmp.Diff(want, placements(t, stdout)); diff != "" {
		t.Errorf("with the declaration (-want +got):\n%s", diff)
	}

	// The same plan without the declaration: the catalog knows OpenStack
	// only as a family, so neither region nor operator is vouched for.
	bare := t.TempDir()
	plan, err := os.ReadFile(filepath.Join(fixture, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bare, "plan.json"), plan, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = sovlint(t, bare, "scan", "--format", "json", "--as-of", "2026-11-23", "plan.json")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	unknownCloud := []string{"SOV001", "SOV002", "SOV005"}
	want = map[string]placement{
		volume:    {Region: "regionone", Rules: unknownCloud},
		container: {Region: "regiontwo", Rules: unknownCloud},
	}
	if diff := cmp.Diff(want, placements(t, stdout)); diff != "" {
		t.Errorf("without the declaration (-want +got):\n%s", diff)
	}
}

func TestScanWithDeclaredProviderPrintsNoSecret(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("testdata", "catalog-extension"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		_, stdout, stderr := sovlint(t, fixture, "scan", "--format", format, "plan.json")
		if strings.Contains(stdout+stderr, canary) {
			t.Errorf("the %s output prints the provider password", format)
		}
	}
}

func TestScanRejectsABrokenCatalogExtension(t *testing.T) {
	dir := t.TempDir()
	plan, err := os.ReadFile(filepath.Join("testdata", "catalog-extension", "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plan.json"), plan, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := "provider \"openstack\" {\n  regions {\n    source   = [\"my_notes\"]\n    as_of    = \"2026-10\"\n    verified = \"primary\"\n    region \"RegionOne\" { country = \"FR\" }\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, ".sovlint.hcl"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := sovlint(t, dir, "scan", "plan.json")
	if code != ExitError || stdout != "" {
		t.Errorf("exit %d, stdout %q: want exit %d and nothing on stdout", code, stdout, ExitError)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, ".sovlint.hcl:6") || !strings.Contains(stderr, `unknown source "my_notes"`) {
		t.Errorf("stderr %q: want one line naming .sovlint.hcl:6 and the unknown source", stderr)
	}
}
