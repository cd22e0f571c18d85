package providers

import "testing"

// BenchmarkBuildEmbedded builds the embedded catalog from its snapshot, as
// every sovlint command does once before anything else (Default).
func BenchmarkBuildEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		a := newAssembly(nil, true)
		a.add(snapshotUnits)
		if _, err := a.finish(); err != nil {
			b.Fatal(err)
		}
	}
}
