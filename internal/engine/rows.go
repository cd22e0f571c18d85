package engine

import (
	"cmp"
	"slices"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// subjectRows shows assessed resources as rows, made as printers read
// them. Resources that share a catalog profile share its verdicts: a large
// plan has thousands of resources and a few dozen profiles.
type subjectRows struct {
	subjects []rules.Subject
	roots    []rootSpan // which root each run of subjects belongs to
	verdicts map[*providers.Profile]*finding.Verdicts
}

func newSubjectRows(subjects []rules.Subject, roots []rootSpan) *subjectRows {
	verdicts := map[*providers.Profile]*finding.Verdicts{}
	for i := range subjects {
		if p := subjects[i].Profile; p != nil && verdicts[p] == nil {
			verdicts[p] = &finding.Verdicts{
				SecNumCloud:    p.SecNumCloud.Outcome.String(),
				EULegalControl: p.LegalControl.Outcome.String(),
				EUResidency:    p.Residency.Outcome.String(),
			}
		}
	}
	return &subjectRows{subjects: subjects, roots: roots, verdicts: verdicts}
}

func (r *subjectRows) Len() int { return len(r.subjects) }

func (r *subjectRows) At(i int) finding.Resource {
	row := row(&r.subjects[i], r.verdicts)
	// The spans are in subject order: the first that ends after i holds it.
	if k, _ := slices.BinarySearchFunc(r.roots, i, func(s rootSpan, i int) int { return cmp.Compare(s.end, i+1) }); k < len(r.roots) {
		row.Root = r.roots[k].name
	}
	return row
}

func row(s *rules.Subject, verdicts map[*providers.Profile]*finding.Verdicts) finding.Resource {
	r := s.Resource
	row := finding.Resource{
		Address:           r.Address,
		Type:              r.Type,
		Provider:          r.Provider,
		ProviderConfig:    r.ProviderConfig,
		Region:            r.Location.Region,
		Zone:              r.Location.Zone,
		Country:           r.Location.Country,
		Classification:    r.Classification.Level,
		LocationSource:    string(r.Location.Source.Kind),
		LocationAttribute: r.Location.Source.Attribute,
		LocationVia:       r.Location.Source.Via,
		Unresolved:        r.Location.Unresolved,
		Unexpanded:        r.Unexpanded,
		File:              r.Range.Filename,
		Line:              r.Range.Start.Line,
		Checked:           len(s.Required) > 0,
	}
	if r.Location.Unresolved != "" {
		row.Region = ""
	}
	if r.Variant != nil {
		row.Variant = r.Variant.ID
	}
	if len(r.Replicas) > 0 {
		row.Replicas = make([]finding.Replica, len(r.Replicas))
		for i, rep := range r.Replicas {
			row.Replicas[i] = finding.Replica{Via: rep.Via, Region: rep.Region, Country: rep.Country, Unresolved: rep.Unresolved}
		}
	}
	if s.Profile != nil {
		row.Verdicts = verdicts[s.Profile]
	}
	return row
}
