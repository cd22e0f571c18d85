package providers

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCatalogSnapshotIsCurrent: catalog_snapshot.go must be data/*.hcl,
// decoded. After editing a data file, run go generate ./providers.
func TestCatalogSnapshotIsCurrent(t *testing.T) {
	want, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(SnapshotFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not data/*.hcl decoded: run go generate ./providers", SnapshotFile)
	}
}

// The catalog built from the snapshot is the one the data files give: the
// same builder runs on blocks decoded ahead of time instead of on HCL.
func TestDefaultCatalogIsTheDataFiles(t *testing.T) {
	parsed, err := Load(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	parsed.Origin = OriginEmbedded // Default says where it comes from
	opts := []cmp.Option{
		cmp.Exporter(func(reflect.Type) bool { return true }),
		// A provider's lookup cache fills as lookups run; it is no fact.
		cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".cache" }, cmp.Ignore()),
		cmp.Comparer(func(a, b *regexp.Regexp) bool {
			if a == nil || b == nil {
				return a == b
			}
			return a.String() == b.String()
		}),
	}
	if diff := cmp.Diff(parsed, Default(), opts...); diff != "" {
		t.Errorf("the snapshot's catalog differs from the data files' (-hcl +snapshot):\n%s", diff)
	}
}
