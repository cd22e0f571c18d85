package report

import (
	"slices"

	"github.com/sovlint/sovlint/finding"
)

// forHumans returns the report with every text that comes from the input
// escaped (see Escape): what the human-facing printers (text, github,
// markdown, gitlab descriptions, junit, html, compact) print. The machine formats
// (json, sarif) rely on JSON's escaping. Resource rows are escaped as they
// are read; findings, warnings, roots and errors are copied only when one
// of them needs it, so that a report without such characters prints
// unchanged byte for byte.
func (r *Report) forHumans() *Report {
	c := *r
	if r.Resources != nil {
		c.Resources = escapedRows{r.Resources}
	}
	if r.clean() {
		return &c
	}
	c.Inputs = escapeAll(r.Inputs)
	c.Config = Escape(r.Config)
	c.Findings = slices.Clone(r.Findings)
	for i := range c.Findings {
		f := &c.Findings[i]
		for _, p := range []*string{
			&f.Address, &f.Root, &f.Message, &f.Range.Filename, &f.LocationRange.Filename,
			&f.Provider, &f.ProviderConfig, &f.Region, &f.Country, &f.Classification,
		} {
			*p = Escape(*p)
		}
		if f.Suppression != nil {
			sup := *f.Suppression
			for _, p := range []*string{&sup.Reason, &sup.Expires, &sup.Owner, &sup.Range.Filename} {
				*p = Escape(*p)
			}
			f.Suppression = &sup
		}
	}
	c.Warnings = slices.Clone(r.Warnings)
	for i := range c.Warnings {
		c.Warnings[i].Message = Escape(c.Warnings[i].Message)
		c.Warnings[i].File = Escape(c.Warnings[i].File)
	}
	c.Roots = slices.Clone(r.Roots)
	for i := range c.Roots {
		c.Roots[i].Name = Escape(c.Roots[i].Name)
		c.Roots[i].Path = Escape(c.Roots[i].Path)
	}
	c.Errors = slices.Clone(r.Errors)
	for i := range c.Errors {
		c.Errors[i].File = Escape(c.Errors[i].File)
		c.Errors[i].Msg = Escape(c.Errors[i].Msg)
	}
	return &c
}

// escapedRows escapes resource rows as they are read.
type escapedRows struct{ rows ResourceList }

func (e escapedRows) Len() int { return e.rows.Len() }

// Checked is the rows' own, when they can tell without making the row.
func (e escapedRows) Checked(i int) bool {
	if cl, ok := e.rows.(checkedList); ok {
		return cl.Checked(i)
	}
	return e.rows.At(i).Checked
}

func (e escapedRows) At(i int) finding.Resource {
	res := e.rows.At(i)
	for _, p := range []*string{
		&res.Address, &res.Root, &res.Type, &res.Provider, &res.ProviderConfig, &res.Region, &res.Zone,
		&res.Country, &res.Variant, &res.Classification, &res.ClassificationSource, &res.LocationSource, &res.LocationAttribute,
		&res.Unresolved, &res.Unexpanded, &res.File,
	} {
		*p = Escape(*p)
	}
	if dirtyAny(res.LocationVia) {
		res.LocationVia = escapeAll(res.LocationVia)
	}
	if dirtyAny(res.RegionCandidates) {
		res.RegionCandidates = escapeAll(res.RegionCandidates)
	}
	for j, rep := range res.Replicas {
		if dirtyAny([]string{rep.Via, rep.Region, rep.Country, rep.Unresolved}) {
			res.Replicas = slices.Clone(res.Replicas)
			for k := j; k < len(res.Replicas); k++ {
				rp := &res.Replicas[k]
				for _, p := range []*string{&rp.Via, &rp.Region, &rp.Country, &rp.Unresolved} {
					*p = Escape(*p)
				}
			}
			break
		}
	}
	return res
}

// clean reports whether no text of the report but its resource rows needs
// escaping.
func (r *Report) clean() bool {
	if dirtyAny(r.Inputs) || dirty(r.Config) {
		return false
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if dirty(f.Address, f.Root, f.Message, f.Range.Filename, f.LocationRange.Filename, f.Provider, f.ProviderConfig, f.Region, f.Country, f.Classification) {
			return false
		}
		if s := f.Suppression; s != nil && dirty(s.Reason, s.Expires, s.Owner, s.Range.Filename) {
			return false
		}
	}
	for _, w := range r.Warnings {
		if dirty(w.Message, w.File) {
			return false
		}
	}
	for _, root := range r.Roots {
		if dirty(root.Name, root.Path) {
			return false
		}
	}
	for _, e := range r.Errors {
		if dirty(e.File, e.Msg) {
			return false
		}
	}
	return true
}

func dirty(ss ...string) bool { return dirtyAny(ss) }

func dirtyAny(ss []string) bool {
	for _, s := range ss {
		if firstEscape(s) >= 0 {
			return true
		}
	}
	return false
}

func escapeAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Escape(s)
	}
	return out
}
