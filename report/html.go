package report

import (
	"cmp"
	"io"
	"maps"
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
	roots := newRootNamer(r.Inputs)

	// Each resource's active findings and whether one is suppressed, by
	// index: a 30,000-resource report is built without a map entry per
	// finding.
	index := make(map[string]int, len(r.Resources))
	for i := range r.Resources {
		index[r.Resources[i].Address] = i
	}
	active := make([]int, len(r.Resources))
	suppressed := make([]bool, len(r.Resources))
	severities := map[string][]string{}
	for i := range r.Findings {
		f := &r.Findings[i]
		j, isRow := index[f.Address]
		if !f.Active() {
			if isRow {
				suppressed[j] = true
			}
			continue
		}
		if isRow {
			active[j]++
		}
		if sev := f.Severity.String(); !slices.Contains(severities[f.RuleID], sev) {
			severities[f.RuleID] = append(severities[f.RuleID], sev)
		}
	}
	for _, rule := range r.Rules {
		p.Rules = append(p.Rules, htmlRule{
			ID: rule.ID, Name: rule.Name, Summary: rule.Summary, Severity: rule.Severity.String(),
			Remediation: rule.Remediation, URL: rule.URL,
			Findings: s.ByRule[rule.ID], Severities: strings.Join(severities[rule.ID], ", "),
		})
	}
	for _, level := range slices.Sorted(maps.Keys(r.Policy)) {
		p.Policy = append(p.Policy, htmlPolicy{Level: level, Rules: r.Policy[level]})
	}

	countries := map[placeKey]*htmlCountry{}
	landing := map[landingKey]*htmlLanding{}
	laws := map[*string]string{} // a catalog operator's laws, joined once
	for i := range r.Resources {
		res := &r.Resources[i]
		if res.Unresolved != "" || res.Unexpanded != "" {
			why := res.Unresolved
			if why == "" {
				why = res.Unexpanded
			}
			p.Unresolved = append(p.Unresolved, htmlUnresolved{
				Address: res.Address, Type: res.Type, Root: roots.of(res.File), Provider: res.Provider,
				Why: why, Where: position(res.File, res.Line), Checked: res.Checked,
			})
		}
		if !res.Checked {
			continue
		}
		v := resourceVerdict(active[i], suppressed[i])
		forEachPlace(res.Country, res.Unresolved != "", res.Region == "global", func(k placeKey) {
			row := countries[k]
			if row == nil {
				row = &htmlCountry{Code: k.code, Name: k.name}
				countries[k] = row
			}
			row.add(v, active[i])
		})
		k := landingKey{
			provider: res.Provider, providerName: res.ProviderName, operator: res.Operator, operatorCountry: res.OperatorCountry,
			control: res.EULegalControl, region: res.Region, country: res.Country, unresolved: res.Unresolved != "",
		}
		if len(res.Laws) > 0 {
			joined, ok := laws[&res.Laws[0]]
			if !ok {
				joined = strings.Join(res.Laws, ", ")
				laws[&res.Laws[0]] = joined
			}
			k.laws = joined
		}
		row := landing[k]
		if row == nil {
			l := landingOf(res)
			row = &l
			landing[k] = row
		}
		row.add(v, active[i])
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

	// Sources are numbered in the order findings first cite them; the
	// numbers of all findings share one backing array.
	type sourceKey struct{ key, ref string }
	sourceIndex := map[sourceKey]int{}
	numbers := make([]int, 0, 2*len(r.Findings))
	cite := func(cs []finding.Citation) []int {
		start := len(numbers)
		for _, c := range cs {
			n, ok := sourceIndex[sourceKey{c.Key, c.Ref}]
			if !ok {
				p.Sources = append(p.Sources, htmlSource{Key: c.Key, Ref: c.Ref, URL: safeURL(c.Ref)})
				n = len(p.Sources)
				sourceIndex[sourceKey{c.Key, c.Ref}] = n
			}
			src := &p.Sources[n-1]
			src.Findings++
			// One source backs facts checked on different dates.
			if !slices.Contains(src.Checked, [2]string{c.AsOf, c.Verified}) {
				src.Checked = append(src.Checked, [2]string{c.AsOf, c.Verified})
			}
			numbers = append(numbers, n)
		}
		return numbers[start:len(numbers):len(numbers)]
	}

	type resKey struct{ root, address string }
	byRoot := map[string]*htmlRoot{}
	resIndex := map[resKey]int{} // → index in its root's Resources
	// A resource's findings are consecutive (they sort by file, line and
	// address), so they are slices of one array, and the previous
	// finding's resource is looked up without the map.
	findings := make([]htmlFinding, 0, len(r.Findings))
	var last resKey
	var lastRes *htmlResource
	filterRules, filterProviders, filterCountries := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		root := roots.of(f.Range.Filename)
		countriesOf := strings.ReplaceAll(f.Country, ",", " ")
		filterRules[f.RuleID] = true
		if f.Provider != "" {
			filterProviders[f.Provider] = true
		}
		for c := range strings.FieldsSeq(countriesOf) {
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
		rt := byRoot[root]
		if rt == nil {
			rt = &htmlRoot{Name: root}
			byRoot[root] = rt
		}
		rt.Findings++
		key := resKey{root, f.Address}
		if lastRes == nil || key != last {
			j, ok := resIndex[key]
			if !ok {
				res := htmlResource{
					Address: f.Address, File: f.Range.Filename, Line: f.Range.Start.Line,
					Provider: f.Provider, Region: f.Region, Countries: countriesOf,
				}
				providerName := ""
				if k, isRow := index[f.Address]; isRow && f.IsResource() {
					res.Type, providerName = r.Resources[k].Type, r.Resources[k].ProviderName
				}
				res.Place = placeOf(f, providerName)
				rt.Resources = append(rt.Resources, res)
				j = len(rt.Resources) - 1
				resIndex[key] = j
			}
			lastRes, last = &rt.Resources[j], key
		}
		res := lastRes
		hf := htmlFinding{Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message, Sources: cite(f.Sources)}
		if f.LocationRange.Filename != "" && (f.LocationRange.Filename != f.Range.Filename || f.LocationRange.Start.Line != f.Range.Start.Line) {
			hf.LocationFile, hf.LocationLine = f.LocationRange.Filename, f.LocationRange.Start.Line
		}
		// findings never grows past its capacity, so its slices stay put.
		n := len(res.Findings)
		if n == 0 || &res.Findings[0] == &findings[len(findings)-n] {
			findings = append(findings, hf)
			res.Findings = findings[len(findings)-n-1 : len(findings) : len(findings)]
		} else {
			res.Findings = append(res.Findings, hf)
		}
		switch {
		case res.Rules == "":
			res.Rules = f.RuleID
		case !slices.Contains(strings.Fields(res.Rules), f.RuleID):
			res.Rules += " " + f.RuleID
		}
	}
	for i := range p.Unresolved {
		u := &p.Unresolved[i]
		if j, ok := resIndex[resKey{u.Root, u.Address}]; ok {
			u.Rules = byRoot[u.Root].Resources[j].Rules
		}
	}
	for _, rt := range byRoot {
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
	p.FilterRules, p.FilterProviders = slices.Sorted(maps.Keys(filterRules)), slices.Sorted(maps.Keys(filterProviders))
	p.FilterCountries, p.FilterRoots = slices.Sorted(maps.Keys(filterCountries)), slices.Sorted(maps.Keys(rootNames))
	return p
}

// landingKey groups checked resources into the rows of the provider view.
type landingKey struct {
	provider, providerName, operator, operatorCountry, control, laws, region, country string
	unresolved                                                                        bool
}

// rootNamer names the root module a file belongs to. The report does not
// record roots yet; until it does, a plan is its own root and a source
// file belongs to the input directory it was found under.
type rootNamer struct {
	inputs, prefixes []string
}

func newRootNamer(inputs []string) *rootNamer {
	n := &rootNamer{inputs: inputs}
	for _, in := range inputs {
		n.prefixes = append(n.prefixes, strings.TrimSuffix(in, "/")+"/")
	}
	return n
}

func (n *rootNamer) of(file string) string {
	if file == "" {
		return "."
	}
	for i, in := range n.inputs {
		if file == in || strings.HasPrefix(file, n.prefixes[i]) {
			return in
		}
	}
	if len(n.inputs) == 1 {
		return n.inputs[0]
	}
	return path.Dir(file)
}

type placeKey struct{ code, name string }

// forEachPlace calls f with each row of the country table a checked
// resource counts in: each of its countries, or one row saying why it has
// none.
func forEachPlace(country string, unresolved, global bool, f func(placeKey)) {
	switch {
	case unresolved:
		f(placeKey{"", "Location unresolved"})
		return
	case global:
		f(placeKey{"", "Global service (no single country)"})
		return
	case country == "":
		f(placeKey{"", "Country unknown to the catalog"})
		return
	}
	for c := range strings.SplitSeq(country, ",") {
		switch name, ok := worldmap.Name(c); {
		case ok:
			f(placeKey{c, name})
		case c == "EU":
			f(placeKey{"", "Several EU member states (EU)"})
		default:
			f(placeKey{"", "Country " + c})
		}
	}
}

// placeOf is where a finding's resource lands, in words: "Amazon Web
// Services · eu-west-3 (France)".
func placeOf(f *finding.Finding, providerName string) string {
	if !f.IsResource() {
		return ""
	}
	who := providerName
	if who == "" {
		who = f.Provider
	}
	switch {
	case f.Region != "" && f.Country != "":
		return who + " · " + f.Region + " (" + countryNames(f.Country) + ")"
	case f.Region != "":
		return who + " · " + f.Region
	}
	return who + " · location unresolved"
}

// countryNames spells out a location's countries: "FR" is "France",
// "BE,NL" "Belgium, Netherlands"; a code the map does not know stays a code.
func countryNames(country string) string {
	var names []string
	for c := range strings.SplitSeq(country, ",") {
		if name, ok := worldmap.Name(c); ok {
			c = name
		}
		names = append(names, c)
	}
	return strings.Join(names, ", ")
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
