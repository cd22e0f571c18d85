package report

import (
	"cmp"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/worldmap"
)

// inlineFixesUpTo is the number of active findings up to which the page
// repeats each rule's fix under every finding.
const inlineFixesUpTo = 300

// HTML prints a self-contained HTML page for the people who sign off on
// where a system's data lands: a summary, maps of Europe and the world
// shaded by where checked resources land, who operates them under which
// law, the findings by root module and resource, what is suppressed and
// what could not be located. It loads nothing: no script, style, font or
// image comes from outside the file.
func HTML(w io.Writer, r *Report, _ Options) error {
	p := buildHTMLPage(r)
	o := &htmlOut{w: w, b: make([]byte, 0, 96<<10)}
	writeHTMLPage(o, p)
	return o.flush()
}

// resourceVerdict is what a checked resource's findings come to.
func resourceVerdict(active int, suppressed bool) worldmap.Verdict {
	switch {
	case active > 0:
		return worldmap.NonCompliant
	case suppressed:
		return worldmap.Waived
	}
	return worldmap.Compliant
}

func buildHTMLPage(r *Report) *htmlPage {
	s := r.Summarize()
	p := &htmlPage{
		Tool: r.Tool, Version: r.Version, CatalogAsOf: r.CatalogAsOf, Inputs: r.Inputs, Date: r.Date,
		Resources: s.Resources, Checked: s.Sensitive, Findings: s.Findings, Suppressed: s.Suppressed,
		BySeverity: s.BySeverity, Warnings: r.Warnings,
		InlineFixes: s.Findings <= inlineFixesUpTo,
	}

	// Per address: active finding count and whether any is suppressed.
	type tally struct {
		active     int
		suppressed bool
	}
	byAddr := make(map[string]*tally, len(r.Findings))
	severities := map[string][]string{}
	for i := range r.Findings {
		f := &r.Findings[i]
		t := byAddr[f.Address]
		if t == nil {
			t = &tally{}
			byAddr[f.Address] = t
		}
		if f.Active() {
			t.active++
			if sev := f.Severity.String(); !slices.Contains(severities[f.RuleID], sev) {
				severities[f.RuleID] = append(severities[f.RuleID], sev)
			}
		} else {
			t.suppressed = true
		}
	}
	for _, rule := range r.Rules {
		p.Rules = append(p.Rules, htmlRule{
			ID: rule.ID, Name: rule.Name, Summary: rule.Summary, Severity: rule.Severity.String(),
			Remediation: rule.Remediation, URL: rule.URL,
			Findings: s.ByRule[rule.ID], Severities: strings.Join(severities[rule.ID], ", "),
		})
	}
	for _, level := range sortedKeys(r.Policy) {
		p.Policy = append(p.Policy, htmlPolicy{Level: level, Rules: r.Policy[level]})
	}

	countries := map[string]*htmlCountry{}
	landing := map[string]*htmlLanding{}
	typeOf := make(map[string]string, len(r.Resources))
	for i := range r.Resources {
		res := &r.Resources[i]
		typeOf[res.Address] = res.Type
		if res.Unresolved != "" || res.Unexpanded != "" {
			why := res.Unresolved
			if why == "" {
				why = res.Unexpanded
			}
			p.Unresolved = append(p.Unresolved, htmlUnresolved{
				Address: res.Address, Type: res.Type, Root: rootOf(r, res.File), Provider: res.Provider,
				Why: why, Where: position(res.File, res.Line), Checked: res.Checked,
			})
		}
		if !res.Checked {
			continue
		}
		t := byAddr[res.Address]
		if t == nil {
			t = &tally{}
		}
		v := resourceVerdict(t.active, t.suppressed)
		for _, c := range placeKeys(res.Country, res.Unresolved != "", res.Region == "global") {
			row := countries[c.code+"\x00"+c.name]
			if row == nil {
				row = &htmlCountry{Code: c.code, Name: c.name}
				countries[c.code+"\x00"+c.name] = row
			}
			row.add(v, t.active)
		}
		l := landingOf(res)
		key := l.Provider + "\x00" + l.Operator + "\x00" + l.Jurisdiction + "\x00" + l.Region + "\x00" + l.Country
		row := landing[key]
		if row == nil {
			row = &l
			landing[key] = row
		}
		row.add(v, t.active)
		if v == worldmap.NonCompliant {
			p.NonCompliant++
		}
	}
	for _, c := range countries {
		p.Countries = append(p.Countries, *c)
	}
	slices.SortFunc(p.Countries, func(a, b htmlCountry) int {
		// Countries first, by name; then the rows that are no country.
		return cmp.Or(cmpBool(a.Code == "", b.Code == ""), strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	for _, l := range landing {
		p.Landing = append(p.Landing, *l)
	}
	slices.SortFunc(p.Landing, func(a, b htmlLanding) int {
		return cmp.Or(strings.Compare(a.Provider, b.Provider), strings.Compare(a.Operator, b.Operator),
			strings.Compare(a.Region, b.Region), strings.Compare(a.Country, b.Country), strings.Compare(a.Jurisdiction, b.Jurisdiction))
	})

	// Sources are numbered in the order findings first cite them.
	sourceIndex := map[string]int{}
	cite := func(c finding.Citation) int {
		key := c.Key + "\x00" + c.Ref
		i, ok := sourceIndex[key]
		if !ok {
			p.Sources = append(p.Sources, htmlSource{Key: c.Key, Ref: c.Ref, URL: safeURL(c.Ref), AsOf: c.AsOf, Verified: c.Verified})
			i = len(p.Sources)
			sourceIndex[key] = i
		}
		p.Sources[i-1].Findings++
		return i
	}

	roots := map[string]*htmlRoot{}
	resIndex := map[string]int{} // root+address → index in its root's Resources
	filterRules, filterProviders, filterCountries := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		root := rootOf(r, f.Range.Filename)
		countriesOf := strings.Join(countryCodes(f.Country), " ")
		filterRules[f.RuleID] = true
		if f.Provider != "" {
			filterProviders[f.Provider] = true
		}
		for _, c := range countryCodes(f.Country) {
			filterCountries[c] = true
		}
		if sup := f.Suppression; sup != nil {
			p.SuppressedRows = append(p.SuppressedRows, htmlSuppressed{
				Rule: f.RuleID, Address: f.Address, Root: root, Provider: f.Provider, Countries: countriesOf,
				Kind: sup.Kind, Reason: sup.Reason, Expires: sup.Expires, Owner: sup.Owner,
				Where: position(sup.Range.Filename, sup.Range.Start.Line),
			})
			continue
		}
		rt := roots[root]
		if rt == nil {
			rt = &htmlRoot{Name: root}
			roots[root] = rt
		}
		rt.Findings++
		key := root + "\x00" + f.Address
		j, ok := resIndex[key]
		if !ok {
			res := htmlResource{
				Address: f.Address, File: f.Range.Filename, Line: f.Range.Start.Line,
				Provider: f.Provider, Region: f.Region, Countries: countriesOf, Place: placeOf(f),
			}
			if f.IsResource() {
				res.Type = typeOf[f.Address]
			}
			rt.Resources = append(rt.Resources, res)
			j = len(rt.Resources) - 1
			resIndex[key] = j
		}
		res := &rt.Resources[j]
		hf := htmlFinding{Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message}
		if f.LocationRange.Filename != "" && (f.LocationRange.Filename != f.Range.Filename || f.LocationRange.Start.Line != f.Range.Start.Line) {
			hf.LocationFile, hf.LocationLine = f.LocationRange.Filename, f.LocationRange.Start.Line
		}
		for _, c := range f.Sources {
			hf.Sources = append(hf.Sources, cite(c))
		}
		res.Findings = append(res.Findings, hf)
		if !strings.Contains(" "+res.Rules+" ", " "+f.RuleID+" ") {
			res.Rules = strings.TrimSpace(res.Rules + " " + f.RuleID)
		}
	}
	for i := range p.Unresolved {
		u := &p.Unresolved[i]
		if j, ok := resIndex[u.Root+"\x00"+u.Address]; ok {
			u.Rules = roots[u.Root].Resources[j].Rules
		}
	}
	for _, rt := range roots {
		p.Roots = append(p.Roots, *rt)
	}
	slices.SortFunc(p.Roots, func(a, b htmlRoot) int { return strings.Compare(a.Name, b.Name) })
	rootNames := map[string]bool{}
	for _, rt := range p.Roots {
		rootNames[rt.Name] = true
	}
	for _, s := range p.SuppressedRows {
		rootNames[s.Root] = true
	}
	for _, u := range p.Unresolved {
		rootNames[u.Root] = true
		if u.Provider != "" {
			filterProviders[u.Provider] = true
		}
	}
	p.FilterRules, p.FilterProviders = sortedKeys(filterRules), sortedKeys(filterProviders)
	p.FilterCountries, p.FilterRoots = sortedKeys(filterCountries), sortedKeys(rootNames)
	return p
}

// rootOf names the root module a file belongs to. The report does not
// record roots yet; until it does, a plan is its own root and a source
// file belongs to the input directory it was found under.
func rootOf(r *Report, file string) string {
	if file == "" {
		return "."
	}
	for _, in := range r.Inputs {
		if file == in || strings.HasPrefix(file, strings.TrimSuffix(in, "/")+"/") {
			return in
		}
	}
	if len(r.Inputs) == 1 {
		return r.Inputs[0]
	}
	return path.Dir(file)
}

// countryCodes splits a location's country ("FR", "BE,NL") into codes.
func countryCodes(country string) []string {
	if country == "" {
		return nil
	}
	return strings.Split(country, ",")
}

type placeKey struct{ code, name string }

// placeKeys are the rows of the country table a checked resource counts
// in: each of its countries, or one row saying why it has none.
func placeKeys(country string, unresolved, global bool) []placeKey {
	switch {
	case unresolved:
		return []placeKey{{"", "Location unresolved"}}
	case global:
		return []placeKey{{"", "Global service (no single country)"}}
	case country == "":
		return []placeKey{{"", "Country unknown to the catalog"}}
	}
	var out []placeKey
	for _, c := range countryCodes(country) {
		if name, ok := worldmap.Name(c); ok {
			out = append(out, placeKey{c, name})
		} else if c == "EU" {
			out = append(out, placeKey{"", "Several EU member states (EU)"})
		} else {
			out = append(out, placeKey{"", "Country " + c})
		}
	}
	return out
}

// placeOf is where a finding's resource lands, in words.
func placeOf(f *finding.Finding) string {
	if !f.IsResource() {
		return ""
	}
	switch {
	case f.Region != "" && f.Country != "":
		return f.Provider + " · " + f.Region + " (" + f.Country + ")"
	case f.Region != "":
		return f.Provider + " · " + f.Region
	}
	return f.Provider + " · location unresolved"
}

// landingOf is the provider, operator, jurisdiction and region row of a
// checked resource.
func landingOf(res *finding.Resource) htmlLanding {
	l := htmlLanding{Provider: res.ProviderName, Region: res.Region, Country: res.Country}
	if l.Provider == "" {
		l.Provider = res.Provider + " (unknown to the catalog)"
	}
	if res.Unresolved != "" {
		l.Region, l.Country = "unresolved", ""
	}
	if res.Operator == "" {
		l.Operator, l.Jurisdiction = "unknown", "unknown"
		return l
	}
	l.Operator = res.Operator
	l.Jurisdiction = jurisdiction(res.OperatorCountry, res.EULegalControl, res.Laws)
	return l
}

// jurisdiction says under which law an operator holds the data: "EU (FR)",
// "non-EU (US): the US CLOUD Act, FISA section 702", "unknown".
func jurisdiction(where, control string, laws []string) string {
	var s string
	switch control {
	case "yes":
		s = "EU"
	case "no":
		s = "non-EU"
	default:
		s = "unknown"
	}
	if where != "" {
		s += " (" + where + ")"
	}
	if len(laws) > 0 {
		s += ": " + strings.Join(laws, ", ")
	}
	return s
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
