package report

import (
	"cmp"
	"io"
	"maps"
	"slices"
	"strconv"
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
	p := buildHTMLPage(r.forHumans())
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
	p.Roots, p.RefusedRoots = s.Roots, s.RefusedRoots
	for _, e := range r.Errors {
		p.Errors = append(p.Errors, htmlError{Root: e.Root, Where: errorPosition(&e), Message: e.Msg})
	}
	b := &pageBuilder{p: p, byKey: map[resKey]int{}, byRoot: map[string]*htmlRoot{}, rootPaths: map[string]string{}}
	for _, root := range r.Roots {
		b.rootPaths[root.Name] = root.Path
	}
	if len(r.Roots) == 0 && len(r.Inputs) == 1 { // a report that lists no roots: its input is the one
		b.rootPaths["."] = r.Inputs[0]
	}
	b.findings = make([]htmlFinding, 0, len(r.Findings))
	b.numbers = make([]int, 0, 2*len(r.Findings))
	for i := range r.Findings {
		b.addFinding(&r.Findings[i])
	}
	b.addResources(r)

	for _, rule := range r.Rules {
		p.Rules = append(p.Rules, htmlRule{
			ID: rule.ID, Name: rule.Name, Summary: rule.Summary, Severity: rule.Severity.String(),
			Remediation: rule.Remediation, URL: rule.URL,
			Findings: s.ByRule[rule.ID], Severities: strings.Join(b.severities[rule.ID], ", "),
		})
	}
	for _, level := range slices.Sorted(maps.Keys(r.Policy)) {
		p.Policy = append(p.Policy, htmlPolicy{Level: level, Rules: r.Policy[level]})
	}
	for _, rt := range b.byRoot {
		p.FindingRoots = append(p.FindingRoots, *rt)
	}
	slices.SortFunc(p.FindingRoots, func(a, b htmlRoot) int { return strings.Compare(a.Name, b.Name) })

	rootNames := map[string]bool{}
	for _, rt := range p.FindingRoots {
		rootNames[rt.Name] = true
	}
	for _, s := range p.SuppressedRows {
		rootNames[s.Root] = true
	}
	for _, u := range p.Unresolved {
		rootNames[u.Root] = true
		if u.Provider != "" {
			b.filterProviders[u.Provider] = true
		}
	}
	p.FilterRules, p.FilterProviders = slices.Sorted(maps.Keys(b.filterRules)), slices.Sorted(maps.Keys(b.filterProviders))
	for _, e := range p.Errors {
		rootNames[e.Root] = true
	}
	p.FilterCountries, p.FilterRoots = slices.Sorted(maps.Keys(b.filterCountries)), slices.Sorted(maps.Keys(rootNames))
	p.RootLabels = map[string]string{}
	for name := range rootNames {
		p.RootLabels[name] = b.rootLabel(name)
	}
	return p
}

// resKey names a resource: two roots may hold the same address.
type resKey struct{ root, address string }

// resInfo is what the findings say of one resource.
type resInfo struct {
	active     int
	suppressed bool
	row        *htmlResource // in the findings table; nil when all its findings are suppressed
}

// pageBuilder aggregates a report in one pass over the findings and one
// over the resources, with one map entry per resource that has findings:
// a 30,000-resource report costs less to build than to print as JSON.
type pageBuilder struct {
	p         *htmlPage
	rootPaths map[string]string // root name → the directory or plan, as given

	byKey  map[resKey]int // → info
	info   []resInfo
	byRoot map[string]*htmlRoot
	slab   []htmlResource // rows are allocated here, a block at a time
	// A resource's findings are consecutive (they sort by file, line and
	// address): the previous finding's resource is found without the map,
	// and the findings of a row are a slice of one array.
	last     resKey
	lastInfo int
	findings []htmlFinding

	severities                                    map[string][]string // of each rule's active findings
	filterRules, filterProviders, filterCountries map[string]bool

	sourceIndex map[sourceKey]int
	numbers     []int // the source numbers of every finding, in one array
	recent      [4]citedList
}

type sourceKey struct{ key, ref string }

// citedList is a citation list already numbered: the findings of one rule
// cite the same facts, so most lists are numbered once.
type citedList struct {
	cs   []finding.Citation
	nums []int
}

func (b *pageBuilder) infoOf(key resKey) *resInfo {
	if len(b.info) > 0 && key == b.last {
		return &b.info[b.lastInfo]
	}
	i, ok := b.byKey[key]
	if !ok {
		i = len(b.info)
		b.info = append(b.info, resInfo{})
		b.byKey[key] = i
	}
	b.last, b.lastInfo = key, i
	return &b.info[i]
}

func (b *pageBuilder) addFinding(f *finding.Finding) {
	p := b.p
	if b.severities == nil {
		b.severities = map[string][]string{}
		b.filterRules, b.filterProviders, b.filterCountries = map[string]bool{}, map[string]bool{}, map[string]bool{}
		b.sourceIndex = map[sourceKey]int{}
	}
	root := f.Root
	countriesOf := strings.ReplaceAll(f.Country, ",", " ")
	b.filterRules[f.RuleID] = true
	if f.Provider != "" {
		b.filterProviders[f.Provider] = true
	}
	for c := range strings.FieldsSeq(countriesOf) {
		b.filterCountries[c] = true
	}
	info := b.infoOf(resKey{root, f.Address})
	if sup := f.Suppression; sup != nil {
		info.suppressed = true
		p.SuppressedRows = append(p.SuppressedRows, htmlSuppressed{
			Rule: f.RuleID, Address: f.Address, Root: root, Provider: f.Provider, Countries: countriesOf,
			Kind: sup.Kind, Reason: sup.Reason, Expires: sup.Expires, Owner: sup.Owner,
			Where: position(sup.Range.Filename, sup.Range.Start.Line),
		})
		return
	}
	info.active++
	if sev := f.Severity.String(); !slices.Contains(b.severities[f.RuleID], sev) {
		b.severities[f.RuleID] = append(b.severities[f.RuleID], sev)
	}
	res := info.row
	if res == nil {
		rt := b.byRoot[root]
		if rt == nil {
			rt = &htmlRoot{Name: root, Label: b.rootLabel(root), Path: b.rootPath(root)}
			b.byRoot[root] = rt
		}
		if len(b.slab) == cap(b.slab) {
			b.slab = make([]htmlResource, 0, 256)
		}
		b.slab = append(b.slab, htmlResource{
			Address: f.Address, File: f.Range.Filename, Line: f.Range.Start.Line,
			Provider: f.Provider, Region: f.Region, Countries: countriesOf,
			Place: placeOf(f, ""), // until the resource row names the provider
		})
		res = &b.slab[len(b.slab)-1]
		info.row = res
		rt.Resources = append(rt.Resources, res)
	}
	b.byRoot[root].Findings++ // the root of a row's findings is the row's
	hf := htmlFinding{Rule: f.RuleID, Severity: f.Severity.String(), Message: f.Message, Sources: b.cite(f.Sources)}
	if f.LocationRange.Filename != "" && (f.LocationRange.Filename != f.Range.Filename || f.LocationRange.Start.Line != f.Range.Start.Line) {
		hf.LocationFile, hf.LocationLine = f.LocationRange.Filename, f.LocationRange.Start.Line
	}
	// findings never grows past its capacity, so its slices stay put.
	n := len(res.Findings)
	if n == 0 || &res.Findings[0] == &b.findings[len(b.findings)-n] {
		b.findings = append(b.findings, hf)
		res.Findings = b.findings[len(b.findings)-n-1 : len(b.findings) : len(b.findings)]
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

// cite numbers a finding's sources in the order findings first cite them.
func (b *pageBuilder) cite(cs []finding.Citation) []int {
	if len(cs) == 0 {
		return nil
	}
	for i := range b.recent {
		if r := &b.recent[i]; slices.Equal(r.cs, cs) {
			for _, n := range r.nums {
				b.p.Sources[n-1].Findings++
			}
			return r.nums
		}
	}
	start := len(b.numbers)
	for _, c := range cs {
		n, ok := b.sourceIndex[sourceKey{c.Key, c.Ref}]
		if !ok {
			b.p.Sources = append(b.p.Sources, htmlSource{Key: c.Key, Ref: c.Ref, URL: safeURL(c.Ref)})
			n = len(b.p.Sources)
			b.sourceIndex[sourceKey{c.Key, c.Ref}] = n
		}
		src := &b.p.Sources[n-1]
		src.Findings++
		// One source backs facts checked on different dates.
		if !slices.Contains(src.Checked, [2]string{c.AsOf, c.Verified}) {
			src.Checked = append(src.Checked, [2]string{c.AsOf, c.Verified})
		}
		b.numbers = append(b.numbers, n)
	}
	nums := b.numbers[start:len(b.numbers):len(b.numbers)]
	copy(b.recent[1:], b.recent[:len(b.recent)-1])
	b.recent[0] = citedList{cs, nums}
	return nums
}

// addResources counts checked resources by country and by provider,
// operator and region, lists the unresolved ones, and names the provider
// of each findings row.
func (b *pageBuilder) addResources(r *Report) {
	p := b.p
	countries := map[placeKey]*htmlCountry{}
	landing := map[landingKey]*htmlLanding{}
	laws := map[*string]string{} // a catalog operator's laws, joined once
	type place struct{ provider, region, country string }
	places := map[place]string{}
	for i := range r.ResourceCount() {
		resRow := r.Resources.At(i)
		res := &resRow
		var info resInfo
		if k, ok := b.byKey[resKey{res.Root, res.Address}]; ok {
			info = b.info[k]
		}
		if row := info.row; row != nil {
			row.Type = res.Type
			if res.ProviderName != "" {
				pl := place{res.ProviderName, row.Region, row.Countries}
				text, ok := places[pl]
				if !ok {
					text = placeText(res.ProviderName, row.Region, strings.ReplaceAll(row.Countries, " ", ","))
					places[pl] = text
				}
				row.Place = text
			}
		}
		if res.Unresolved != "" || res.Unexpanded != "" {
			why := res.Unresolved
			if why == "" {
				why = res.Unexpanded
			}
			u := htmlUnresolved{
				Address: res.Address, Type: res.Type, Root: res.Root, Provider: res.Provider,
				Why: why, Where: position(res.File, res.Line), Checked: res.Checked,
			}
			if info.row != nil {
				u.Rules = info.row.Rules
			}
			p.Unresolved = append(p.Unresolved, u)
		}
		if !res.Checked {
			continue
		}
		v := resourceVerdict(info.active, info.suppressed)
		forEachPlace(res.Country, res.Unresolved != "", res.Region == "global", func(k placeKey) {
			row := countries[k]
			if row == nil {
				row = &htmlCountry{Code: k.code, Name: k.name}
				countries[k] = row
			}
			row.add(v, info.active)
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
		row.add(v, info.active)
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
}

// landingKey groups checked resources into the rows of the provider view.
type landingKey struct {
	provider, providerName, operator, operatorCountry, control, laws, region, country string
	unresolved                                                                        bool
}

// rootPath is a root's directory or plan as the user gave it.
func (b *pageBuilder) rootPath(name string) string {
	if path := b.rootPaths[name]; path != "" || !finding.IsTop(name) {
		return path
	}
	return b.rootPaths["."]
}

// rootLabel is how the page names a root: its directory or plan as the
// user would write it ("mono/live/prod"), else its name.
func (b *pageBuilder) rootLabel(name string) string {
	if path := b.rootPath(name); path != "" {
		return path
	}
	if finding.IsTop(name) {
		return "."
	}
	return name
}

// errorPosition is "file:line:column", as much of it as is known.
func errorPosition(e *finding.InputError) string {
	pos := position(e.File, e.Line)
	if e.Line > 0 && e.Col > 0 {
		pos += ":" + strconv.Itoa(e.Col)
	}
	return pos
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
// Services · eu-west-3 (France)"; providerName is the catalog's name,
// the registry address stands in without it.
func placeOf(f *finding.Finding, providerName string) string {
	if !f.IsResource() {
		return ""
	}
	if providerName == "" {
		providerName = f.Provider
	}
	return placeText(providerName, f.Region, f.Country)
}

func placeText(who, region, country string) string {
	switch {
	case region != "" && country != "":
		return who + " · " + region + " (" + countryNames(country) + ")"
	case region != "":
		return who + " · " + region
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
