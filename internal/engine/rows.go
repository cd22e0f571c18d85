package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// subjectRows shows assessed resources as rows, made as printers read
// them. Resources that share a catalog profile share its verdicts: a large
// plan has thousands of resources and a few dozen profiles.
//
// Certifications are listed only when the policy checks some (SOV007): the
// rows of every other policy stay as they were.
type subjectRows struct {
	subjects subjectList
	roots    []rootSpan // which root each run of subjects belongs to
	verdicts map[*providers.Profile]*profileRow
}

func newSubjectRows(subjects subjectList, roots []rootSpan, pol *rules.Policy) *subjectRows {
	verdicts := map[*providers.Profile]*profileRow{}
	listCerts := pol.ChecksCertifications()
	for s := range subjects.All() {
		if p := s.Profile; p != nil && verdicts[p] == nil {
			pr := &profileRow{verdicts: finding.Verdicts{
				SecNumCloud:    p.SecNumCloud.Outcome.String(),
				EULegalControl: p.LegalControl.Outcome.String(),
				EUResidency:    p.Residency.Outcome.String(),
			}}
			if listCerts {
				pr.certifications(p, pol)
			}
			verdicts[p] = pr
		}
	}
	return &subjectRows{subjects: subjects, roots: roots, verdicts: verdicts}
}

func (r *subjectRows) Len() int { return r.subjects.Len() }

// Checked reports whether resource i is checked, without making its row.
func (r *subjectRows) Checked(i int) bool { return len(r.subjects.At(i).Required) > 0 }

func (r *subjectRows) At(i int) finding.Resource {
	row := row(r.subjects.At(i), r.verdicts)
	// The spans are in subject order: the first that ends after i holds it.
	if k, _ := slices.BinarySearchFunc(r.roots, i, func(s rootSpan, i int) int { return cmp.Compare(s.end, i+1) }); k < len(r.roots) {
		row.Root = r.roots[k].name
	}
	return row
}

// profileRow is what the rows of the resources sharing a profile show.
type profileRow struct {
	verdicts finding.Verdicts
	certs    []finding.Certification
}

// certifications fills the profile's certification outcomes and the
// certifications that cover it: SecNumCloud's offer first, then the other
// schemes' facts in declaration order.
func (pr *profileRow) certifications(p *providers.Profile, pol *rules.Policy) {
	for _, cv := range p.Certifications {
		pr.verdicts.Certifications = append(pr.verdicts.Certifications, finding.RequiredCertification{
			Requirement: cv.Requirement.String(), Outcome: cv.Outcome.String(),
		})
	}
	if o := p.Offer; o != nil {
		pr.certs = append(pr.certs, finding.Certification{
			ID: o.ID, Scheme: providers.SchemeSecNumCloud, Status: o.Status, CertificateID: o.Decision,
			ValidFrom: o.QualifiedFrom, ValidUntil: o.ValidUntil, Outcome: p.SecNumCloud.Outcome.String(), Sources: o.Sources,
		})
	}
	for _, c := range p.Held {
		holder := p.Provider.Name
		if p.Variant != nil {
			holder = p.Variant.Name
		}
		pr.certs = append(pr.certs, finding.Certification{
			ID: c.ID, Scheme: c.Scheme, Level: c.Level, Status: c.Status, SchemeVersion: c.SchemeVersion, CertificateID: c.CertificateID,
			ValidFrom: c.ValidFrom, ValidUntil: c.ValidUntil,
			Outcome: c.Standing(pol.Catalog.Scheme(c.Scheme), holder, pol.Now).Outcome.String(), Sources: c.Sources,
		})
	}
}

func row(s *rules.Subject, verdicts map[*providers.Profile]*profileRow) finding.Resource {
	r := s.Resource
	row := finding.Resource{
		Address:              r.Address,
		Type:                 r.Type,
		Provider:             r.Provider,
		ProviderConfig:       r.ProviderConfig,
		Region:               r.Location.Region,
		Zone:                 r.Location.Zone,
		Country:              r.Location.Country,
		Classification:       r.Classification.Level,
		ClassificationSource: r.Classification.Source,
		LocationSource:       string(r.Location.Source.Kind),
		LocationAttribute:    r.Location.Source.Attribute,
		LocationVia:          r.Location.Source.Via,
		Unresolved:           r.Location.Unresolved,
		Unexpanded:           r.Unexpanded,
		File:                 r.Range.Filename,
		Line:                 int(r.Range.Start.Line),
		Checked:              len(s.Required) > 0,
	}
	if r.Location.Unresolved != "" {
		row.Region = ""
	}
	if cands := r.Location.Candidates; len(cands) > 0 {
		row.RegionCandidates = make([]string, len(cands))
		var places []string
		for i, c := range cands {
			row.RegionCandidates[i] = c.Region
			places = append(places, fmt.Sprintf("%s (%s)", c.Region, cmp.Or(c.Country, "?")))
		}
		if row.Country == "" && row.Unresolved == "" {
			// Not even the country is known: the location is unresolved,
			// whatever the verdicts say.
			row.Unresolved = "one of several regions in different countries: " + strings.Join(places, ", ")
		}
	}
	if r.Variant != nil {
		row.Variant = r.Variant.ID
	}
	if len(r.Replicas) > 0 {
		row.Replicas = make([]finding.Replica, len(r.Replicas))
		for i, rep := range r.Replicas {
			row.Replicas[i] = finding.Replica{Via: rep.Via, Region: rep.Region, Country: rep.Country, Unresolved: rep.Unresolved, Resource: rep.Resource}
		}
	}
	if p := s.Profile; p != nil {
		pr := verdicts[p]
		row.Verdicts = &pr.verdicts
		row.Certifications = pr.certs
		switch {
		case p.Variant != nil: // named for itself: "AWS European Sovereign Cloud"
			row.ProviderName = p.Variant.Name
		case p.Provider != nil:
			row.ProviderName = p.Provider.Name
		}
		if op := p.Operator; op != nil {
			row.Operator, row.EULegalControl, row.Laws = op.Name, op.EULegalControl, op.Laws
			row.OperatorCountry = op.ParentCountry
			if row.OperatorCountry == "" {
				row.OperatorCountry = op.Country
			}
		}
	}
	return row
}
