package analyzer

import (
	"slices"
	"testing"
)

// hasKey answers as NormaliseTagKey and Keys do, without making the key.
func TestHasKeyAsNormalised(t *testing.T) {
	p := DefaultPolicy()
	for _, key := range []string{
		"DataClassification", "data_classification", "Data-Classification", "data.classification", "data classification",
		"Data\tClassification", "CLASSIFICATION", "classification ", " Classification", "Classif", "classificationx",
		"Sensitivity", "confidentiality", "Name", "", "-", "données", "Classificación", "CLASSIFICATION\u00a0", "sensitivity\u2003",
		"DataClassification\x00", "data__classification", "Confidential-ity",
	} {
		want := slices.Contains(p.Keys, NormaliseTagKey(key))
		if got := p.hasKey(key); got != want {
			t.Errorf("hasKey(%q) = %v, want %v", key, got, want)
		}
	}
}
