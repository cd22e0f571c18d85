package report

import "slices"

// forHumans returns the report with every text that comes from the input
// escaped (see Escape): what the human-facing printers (text, github,
// markdown, gitlab descriptions, junit) print. A report without such
// characters is returned as it is, so that their output is unchanged byte
// for byte; the machine formats (json, sarif) rely on JSON's escaping.
func (r *Report) forHumans() *Report {
	if r.clean() {
		return r
	}
	c := *r
	c.Inputs = escapeAll(r.Inputs)
	c.Config = Escape(r.Config)
	c.Findings = slices.Clone(r.Findings)
	for i := range c.Findings {
		f := &c.Findings[i]
		for _, p := range []*string{
			&f.Address, &f.Message, &f.Range.Filename, &f.LocationRange.Filename,
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
	c.Resources = slices.Clone(r.Resources)
	for i := range c.Resources {
		res := &c.Resources[i]
		for _, p := range []*string{
			&res.Address, &res.Type, &res.Provider, &res.ProviderConfig, &res.Region, &res.Zone,
			&res.Country, &res.Variant, &res.Classification, &res.LocationSource, &res.LocationAttribute,
			&res.Unresolved, &res.Unexpanded, &res.File,
		} {
			*p = Escape(*p)
		}
		res.LocationVia = escapeAll(res.LocationVia)
		res.Replicas = slices.Clone(res.Replicas)
		for j := range res.Replicas {
			rep := &res.Replicas[j]
			for _, p := range []*string{&rep.Via, &rep.Region, &rep.Country, &rep.Unresolved} {
				*p = Escape(*p)
			}
		}
	}
	c.Warnings = slices.Clone(r.Warnings)
	for i := range c.Warnings {
		c.Warnings[i].Message = Escape(c.Warnings[i].Message)
		c.Warnings[i].File = Escape(c.Warnings[i].File)
	}
	return &c
}

// clean reports whether no text of the report needs escaping.
func (r *Report) clean() bool {
	dirty := func(ss ...string) bool {
		for _, s := range ss {
			if firstEscape(s) >= 0 {
				return true
			}
		}
		return false
	}
	if dirty(r.Inputs...) || dirty(r.Config) {
		return false
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if dirty(f.Address, f.Message, f.Range.Filename, f.LocationRange.Filename, f.Provider, f.ProviderConfig, f.Region, f.Country, f.Classification) {
			return false
		}
		if s := f.Suppression; s != nil && dirty(s.Reason, s.Expires, s.Owner, s.Range.Filename) {
			return false
		}
	}
	for i := range r.Resources {
		res := &r.Resources[i]
		if dirty(res.Address, res.Type, res.Provider, res.ProviderConfig, res.Region, res.Zone, res.Country, res.Variant,
			res.Classification, res.LocationSource, res.LocationAttribute, res.Unresolved, res.Unexpanded, res.File) || dirty(res.LocationVia...) {
			return false
		}
		for _, rep := range res.Replicas {
			if dirty(rep.Via, rep.Region, rep.Country, rep.Unresolved) {
				return false
			}
		}
	}
	for _, w := range r.Warnings {
		if dirty(w.Message, w.File) {
			return false
		}
	}
	return true
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
