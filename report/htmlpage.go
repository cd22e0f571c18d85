package report

import (
	"strings"

	"github.com/sovlint/sovlint/internal/worldmap"
)

// htmlPage is what the HTML report shows, aggregated from a Report by
// buildHTMLPage: the writer below only lays it out.
type htmlPage struct {
	Tool, Version, Date, CatalogAsOf string
	Inputs                           []string

	Resources, Checked, Findings, Suppressed int
	NonCompliant                             int // checked resources with an active finding
	BySeverity                               map[string]int
	Rules                                    []htmlRule // every rule, in ID order
	Policy                                   []htmlPolicy

	Countries []htmlCountry // map's table: countries, then places without one
	Landing   []htmlLanding

	// Roots and RefusedRoots count the root modules and plans read; Errors
	// say why the refused ones could not be.
	Roots, RefusedRoots int
	Errors              []htmlError

	FindingRoots   []htmlRoot // active findings by root module and resource
	SuppressedRows []htmlSuppressed
	Unresolved     []htmlUnresolved
	Warnings       []Warning
	Sources        []htmlSource // cited catalog sources, numbered from 1

	// Filter choices, sorted.
	FilterRules, FilterProviders, FilterCountries, FilterRoots []string
	RootLabels                                                 map[string]string // root name → what the page shows
	// InlineFixes repeats each rule's fix under every finding: for a short
	// report; a long one links to the rule instead.
	InlineFixes bool
}

type htmlRule struct {
	ID, Name, Summary, Severity, Remediation, URL string
	Findings                                      int
	Severities                                    string // of its active findings: "error" or "error, warning"
}

type htmlPolicy struct {
	Level string
	Rules []string
}

// htmlVerdicts counts checked resources by verdict.
type htmlVerdicts struct {
	Compliant, Waived, NonCompliant, Findings int
}

func (v *htmlVerdicts) total() int { return v.Compliant + v.Waived + v.NonCompliant }

func (v *htmlVerdicts) add(verdict worldmap.Verdict, findings int) {
	switch verdict {
	case worldmap.NonCompliant:
		v.NonCompliant++
	case worldmap.Waived:
		v.Waived++
	default:
		v.Compliant++
	}
	v.Findings += findings
}

func (v *htmlVerdicts) worst() worldmap.Verdict {
	switch {
	case v.NonCompliant > 0:
		return worldmap.NonCompliant
	case v.Waived > 0:
		return worldmap.Waived
	case v.Compliant > 0:
		return worldmap.Compliant
	}
	return worldmap.None
}

type htmlCountry struct {
	Code string // "" for a row that is no country (unresolved, global, EU)
	Name string
	htmlVerdicts
}

type htmlLanding struct {
	Provider, Operator, Jurisdiction, Region, Country string
	htmlVerdicts
}

type htmlError struct {
	Root, Where, Message string
}

type htmlRoot struct {
	Name      string // the root's name, for the filter
	Label     string // what the heading shows
	Path      string // the directory or plan, as the user gave it
	Resources []*htmlResource
	Findings  int
}

type htmlResource struct {
	Address, Type, File string
	Line                int
	Provider, Region    string
	Countries           string // space-separated codes, for the filter
	Place               string // "AWS · eu-west-3 (FR)"
	Findings            []htmlFinding
	Rules               string // space-separated rule IDs, for the filter
}

type htmlFinding struct {
	Rule, Severity, Message string
	Sources                 []int
	LocationFile            string
	LocationLine            int
}

type htmlSuppressed struct {
	Rule, Address, Root, Provider, Countries string
	Kind, Reason, Expires, Owner, Where      string
}

type htmlUnresolved struct {
	Address, Type, Root, Provider, Why, Where string
	Checked                                   bool
	Rules                                     string
}

type htmlSource struct {
	Key, Ref, URL string
	Checked       [][2]string // as_of and verified of each fact it backs, in citation order
	Findings      int
}

// chunkRows is how many rows a collapsed block of a long table holds: a
// 30,000-resource report opens fast because the browser lays out only the
// open blocks.
const chunkRows = 200

// writeChunked writes a table of n rows; past chunkRows, as collapsed
// blocks of chunkRows rows ("Resources 201–400 of 6,672"), the first open.
// head opens the table up to its <tbody>.
func writeChunked(o *htmlOut, n int, what, head string, row func(i int)) {
	chunked := n > chunkRows
	for start := 0; start < n; start += chunkRows {
		end := min(start+chunkRows, n)
		if chunked {
			o.raw("<details class=\"chunk\"")
			if start == 0 {
				o.raw(" open")
			}
			o.raw("><summary>")
			o.raw(what)
			o.raw(" ")
			o.count(start + 1)
			o.raw("–")
			o.count(end)
			o.raw(" of ")
			o.count(n)
			o.raw("</summary>\n")
		}
		o.raw(head)
		for i := start; i < end; i++ {
			row(i)
		}
		o.raw("</tbody>\n</table>\n")
		if chunked {
			o.raw("</details>\n")
		}
	}
}

// writeHTMLPage lays the page out.
func writeHTMLPage(o *htmlOut, p *htmlPage) {
	o.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	o.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	o.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
	o.text(htmlCSP())
	o.raw("\">\n<meta name=\"generator\" content=\"")
	o.text(p.Tool + " " + p.Version)
	o.raw("\">\n<title>")
	o.text(p.Tool + " posture report: ")
	o.raw(pluralCount(p.Findings, "finding", "findings"))
	if len(p.Inputs) > 0 {
		o.text(" — " + strings.Join(p.Inputs, ", "))
	}
	o.raw("</title>\n<style>")
	o.raw(htmlCSS)
	o.raw("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n")

	o.raw("<header class=\"top\">\n<h1>Sovereignty posture report</h1>\n<p>")
	o.raw(pluralCount(p.Resources, "resource", "resources"))
	o.raw(" scanned in ")
	for i, in := range p.Inputs {
		if i > 0 {
			o.raw(", ")
		}
		o.raw("<code>")
		o.text(in)
		o.raw("</code>")
	}
	o.raw("</p>\n<p>")
	if p.Date != "" {
		o.raw("Scanned on ")
		o.text(p.Date)
		o.raw(" by ")
	} else {
		o.raw("Made by ")
	}
	o.text(p.Tool + " " + p.Version)
	if p.CatalogAsOf != "" {
		o.raw(" with its catalog as of ")
		o.text(p.CatalogAsOf)
	}
	o.raw("</p>\n</header>\n")

	o.raw("<nav class=\"toc\" aria-label=\"Sections\"><a href=\"#summary\">Summary</a><a href=\"#map\">Map</a><a href=\"#landing\">Providers</a><a href=\"#findings\">Findings</a>")
	o.raw("<a href=\"#suppressed\">Suppressed</a><a href=\"#unresolved\">Unresolved</a>")
	if len(p.Errors) > 0 {
		o.raw("<a href=\"#errors\">Not scanned</a>")
	}
	if len(p.Warnings) > 0 {
		o.raw("<a href=\"#warnings\">Warnings</a>")
	}
	o.raw("<a href=\"#rules\">Rules</a><a href=\"#sources\">Sources</a></nav>\n<main id=\"main\">\n")

	writeHTMLSummary(o, p)
	writeHTMLErrors(o, p)
	writeHTMLMap(o, p)
	writeHTMLLanding(o, p)
	writeHTMLFindings(o, p)
	writeHTMLSuppressed(o, p)
	writeHTMLUnresolved(o, p)
	writeHTMLWarnings(o, p)
	writeHTMLRules(o, p)
	writeHTMLSources(o, p)

	o.raw("</main>\n<footer><p>Made by ")
	o.text(p.Tool + " " + p.Version)
	o.raw(". Every verdict rests on the catalog sources listed above; a fact the catalog cannot establish fails closed. ")
	o.raw("Country shapes: Natural Earth (public domain), via world-atlas (ISC license).</p></footer>\n<script>")
	o.raw(htmlJS)
	o.raw("</script>\n</body>\n</html>\n")
}

func writeHTMLSummary(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")
	if p.RefusedRoots > 0 {
		o.raw("<p class=\"status nc\">")
		o.raw(worldmap.MarkerSVG(worldmap.NonCompliant))
		o.raw(pluralCount(p.RefusedRoots, "root module or plan", "root modules or plans"))
		o.raw(" could not be scanned: nothing in them is checked (see <a href=\"#errors\">Not scanned</a>)</p>\n")
	}
	if p.Findings > 0 {
		o.raw("<p class=\"status nc\">")
		o.raw(worldmap.MarkerSVG(worldmap.NonCompliant))
		o.raw(pluralCount(p.Findings, "finding", "findings"))
		o.raw(" on ")
		o.raw(pluralCount(p.NonCompliant, "resource", "resources"))
		o.raw(" that the policy checks</p>\n")
	} else {
		o.raw("<p class=\"status ok\">")
		o.raw(worldmap.MarkerSVG(worldmap.Compliant))
		o.raw("No finding: every checked resource meets the policy</p>\n")
	}
	o.raw("<dl class=\"figures\">")
	figure := func(label string, n int) {
		o.raw("<div><dt>")
		o.raw(label)
		o.raw("</dt><dd>")
		o.count(n)
		o.raw("</dd></div>")
	}
	figure("Resources scanned", p.Resources)
	figure("Checked by the policy", p.Checked)
	figure("Findings", p.Findings)
	figure("Suppressed findings", p.Suppressed)
	figure("Unresolved locations", len(p.Unresolved))
	if p.Roots > 1 || p.RefusedRoots > 0 {
		figure("Root modules scanned", p.Roots-p.RefusedRoots)
		figure("Root modules not scanned", p.RefusedRoots)
	}
	o.raw("</dl>\n<div class=\"cols\">\n<table>\n<caption>Findings by rule</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"n\">Findings</th></tr></thead>\n<tbody>\n")
	for _, r := range p.Rules {
		o.raw("<tr><td><a href=\"#rule-")
		o.text(r.ID)
		o.raw("\">")
		o.text(r.ID)
		o.raw("</a> ")
		o.text(r.Name)
		o.raw("</td><td>")
		sev := r.Severities
		if sev == "" {
			sev = r.Severity
		}
		o.text(sev)
		o.raw("</td><td class=\"n\">")
		o.count(r.Findings)
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n<div>\n<table>\n<caption>Findings by severity</caption>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\" class=\"n\">Findings</th></tr></thead>\n<tbody>\n")
	for _, s := range []string{"error", "warning", "notice"} {
		o.raw("<tr><td><span class=\"sev sev-")
		o.raw(s)
		o.raw("\">")
		o.raw(s)
		o.raw("</span></td><td class=\"n\">")
		o.count(p.BySeverity[s])
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n<table>\n<caption>Policy</caption>\n<thead><tr><th scope=\"col\">Classification</th><th scope=\"col\">Rules required</th></tr></thead>\n<tbody>\n")
	if len(p.Policy) == 0 {
		o.raw("<tr><td colspan=\"2\">Not recorded in this report.</td></tr>\n")
	}
	for _, pl := range p.Policy {
		o.raw("<tr><td>")
		o.text(pl.Level)
		o.raw("</td><td>")
		if len(pl.Rules) == 0 {
			o.raw("none")
		}
		o.text(strings.Join(pl.Rules, ", "))
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n<p class=\"note\">Catalog as of ")
	if p.CatalogAsOf != "" {
		o.text(p.CatalogAsOf)
	} else {
		o.raw("(unknown)")
	}
	o.raw(", shipped with ")
	o.text(p.Tool + " " + p.Version)
	o.raw(".</p>\n</div>\n</div>\n</section>\n")
}

func writeHTMLMap(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"map\" aria-labelledby=\"map-h\">\n<h2 id=\"map-h\">Where checked resources land</h2>\n")
	counts := map[string]worldmap.Count{}
	placed := 0
	for _, c := range p.Countries {
		if c.Code == "" {
			continue
		}
		placed++
		counts[c.Code] = worldmap.Count{Resources: c.total(), Verdict: c.worst(), Label: countryLabel(&c)}
	}
	o.raw("<p class=\"note\">Each country is shaded by the number of checked resources located there and marked with the worst verdict among them. Select a country to reach its row in the table, which says the same in words.</p>\n")
	o.raw("<div class=\"maps\">\n<figure><figcaption>Europe</figcaption>")
	o.b = worldmap.Append(o.b, worldmap.Europe, counts, worldmap.Options{LinkPrefix: "#country-"})
	// The world, the legend and the table fill the column beside Europe,
	// which is the taller map.
	o.raw("</figure>\n<div class=\"map-side\">\n<figure><figcaption>World</figcaption>")
	o.b = worldmap.Append(o.b, worldmap.World, counts, worldmap.Options{LinkPrefix: "#country-"})
	o.raw("</figure>\n<ul class=\"legend\" aria-label=\"Legend\">")
	for bin := 1; bin <= len(worldmap.Bins); bin++ {
		o.raw("<li><span class=\"wm-key wm-n")
		o.int(bin)
		o.raw("\"></span>")
		o.raw(worldmap.BinLabel(bin))
		o.raw(" resources</li>")
	}
	o.raw("<li>")
	o.raw(worldmap.MarkerSVG(worldmap.NonCompliant))
	o.raw("some non-compliant</li><li>")
	o.raw(worldmap.MarkerSVG(worldmap.Waived))
	o.raw("some waived, none non-compliant</li><li>")
	o.raw(worldmap.MarkerSVG(worldmap.Compliant))
	o.raw("all compliant</li></ul>\n")

	o.raw("<table id=\"countries\">\n<caption>Checked resources by country</caption>\n<thead><tr><th scope=\"col\">Country</th><th scope=\"col\">Verdict</th><th scope=\"col\" class=\"n\">Resources</th><th scope=\"col\" class=\"n\">Non-compliant</th><th scope=\"col\" class=\"n\">Waived</th><th scope=\"col\" class=\"n\">Compliant</th><th scope=\"col\" class=\"n\">Findings</th></tr></thead>\n<tbody>\n")
	if len(p.Countries) == 0 {
		o.raw("<tr><td colspan=\"7\">No resource is checked by the policy.</td></tr>\n")
	}
	for i := range p.Countries {
		c := &p.Countries[i]
		o.raw("<tr")
		if c.Code != "" {
			o.raw(" id=\"country-")
			o.text(c.Code)
			o.raw("\"")
		}
		o.raw("><th scope=\"row\">")
		if c.Code != "" {
			o.raw("<a href=\"#findings\" data-filter-country=\"")
			o.text(c.Code)
			o.raw("\">")
			o.text(c.Name)
			o.raw("</a> <span class=\"mono\">")
			o.text(c.Code)
			o.raw("</span>")
		} else {
			o.text(c.Name)
		}
		o.raw("</th><td>")
		writeVerdict(o, c.worst())
		o.raw("</td><td class=\"n\">")
		o.count(c.total())
		o.raw("</td><td class=\"n\">")
		o.count(c.NonCompliant)
		o.raw("</td><td class=\"n\">")
		o.count(c.Waived)
		o.raw("</td><td class=\"n\">")
		o.count(c.Compliant)
		o.raw("</td><td class=\"n\">")
		o.count(c.Findings)
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n")
	if placed < len(p.Countries) {
		o.raw("<p class=\"note\">Rows without a country code are not on the map: a location sovlint could not resolve, a global service, or a region the catalog places in several EU member states.</p>\n")
	}
	o.raw("</div>\n</div>\n</section>\n")
}

func countryLabel(c *htmlCountry) string {
	var b strings.Builder
	b.WriteString(c.Name)
	b.WriteString(" (")
	b.WriteString(c.Code)
	b.WriteString("): ")
	b.WriteString(pluralCount(c.total(), "checked resource", "checked resources"))
	var parts []string
	if c.NonCompliant > 0 {
		parts = append(parts, pluralCount(c.NonCompliant, "non-compliant", "non-compliant"))
	}
	if c.Waived > 0 {
		parts = append(parts, pluralCount(c.Waived, "waived", "waived"))
	}
	if c.Compliant > 0 {
		parts = append(parts, pluralCount(c.Compliant, "compliant", "compliant"))
	}
	b.WriteString(", ")
	b.WriteString(strings.Join(parts, ", "))
	return b.String()
}

var (
	verdictText  = [...]string{worldmap.None: "none", worldmap.Compliant: "compliant", worldmap.Waived: "waived", worldmap.NonCompliant: "non-compliant"}
	verdictClass = [...]string{worldmap.None: "", worldmap.Compliant: "v-ok", worldmap.Waived: "v-waived", worldmap.NonCompliant: "v-nc"}
)

func writeVerdict(o *htmlOut, v worldmap.Verdict) {
	if v == worldmap.None {
		o.raw("—")
		return
	}
	o.raw("<span class=\"verdict ")
	o.raw(verdictClass[v])
	o.raw("\">")
	o.raw(worldmap.MarkerSVG(v))
	o.raw(verdictText[v])
	o.raw("</span>")
}

func writeHTMLLanding(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"landing\" aria-labelledby=\"landing-h\">\n<h2 id=\"landing-h\">Provider, operator, jurisdiction, region</h2>\n")
	o.raw("<p class=\"note\">Who holds the checked resources and under which law: the operator is the legal entity that runs the infrastructure, the jurisdiction the law it answers to.</p>\n")
	o.raw("<table>\n<thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Operator</th><th scope=\"col\">Jurisdiction</th><th scope=\"col\">Region</th><th scope=\"col\">Verdict</th><th scope=\"col\" class=\"n\">Resources</th><th scope=\"col\" class=\"n\">Non-compliant</th><th scope=\"col\" class=\"n\">Waived</th><th scope=\"col\" class=\"n\">Compliant</th></tr></thead>\n<tbody>\n")
	if len(p.Landing) == 0 {
		o.raw("<tr><td colspan=\"9\">No resource is checked by the policy.</td></tr>\n")
	}
	prev := ""
	for i := range p.Landing {
		l := &p.Landing[i]
		o.raw("<tr><td>")
		if l.Provider != prev {
			o.raw("<strong>")
			o.text(l.Provider)
			o.raw("</strong>")
		} else {
			o.raw("<span class=\"sub\">")
			o.text(l.Provider)
			o.raw("</span>")
		}
		prev = l.Provider
		o.raw("</td><td>")
		o.text(l.Operator)
		o.raw("</td><td>")
		o.text(l.Jurisdiction)
		o.raw("</td><td>")
		o.text(l.Region)
		if l.Country != "" {
			o.raw(" <span class=\"mono\">")
			o.text(l.Country)
			o.raw("</span>")
		}
		o.raw("</td><td>")
		writeVerdict(o, l.worst())
		o.raw("</td><td class=\"n\">")
		o.count(l.total())
		o.raw("</td><td class=\"n\">")
		o.count(l.NonCompliant)
		o.raw("</td><td class=\"n\">")
		o.count(l.Waived)
		o.raw("</td><td class=\"n\">")
		o.count(l.Compliant)
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n</section>\n")
}

func writeHTMLFilters(o *htmlOut, p *htmlPage) {
	// hidden until the script shows it: without the script it cannot work.
	o.raw("<form class=\"filters\" id=\"filters\" hidden aria-label=\"Filter the findings, suppressed findings and unresolved resources\">\n")
	sel := func(name, label, all string, values []string) {
		o.raw("<label>")
		o.raw(label)
		o.raw(" <select name=\"")
		o.raw(name)
		o.raw("\"><option value=\"\">")
		o.raw(all)
		o.raw("</option>")
		for _, v := range values {
			o.raw("<option value=\"")
			o.text(v)
			o.raw("\">")
			switch label, ok := p.RootLabels[v]; {
			case name == "country":
				if n, ok := worldmap.Name(v); ok {
					o.text(n + " (" + v + ")")
				} else {
					o.text(v)
				}
			case name == "root" && ok:
				o.text(label)
			default:
				o.text(v)
			}
			o.raw("</option>")
		}
		o.raw("</select></label>\n")
	}
	sel("rule", "Rule", "All rules", p.FilterRules)
	sel("provider", "Provider", "All providers", p.FilterProviders)
	sel("country", "Country", "All countries", p.FilterCountries)
	sel("root", "Root module", "All root modules", p.FilterRoots)
	o.raw("<button type=\"reset\">Clear filters</button>\n<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n")
}

func writeHTMLFindings(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n")
	writeHTMLFilters(o, p)
	if len(p.FindingRoots) == 0 {
		o.raw("<p>No finding.</p>\n</section>\n")
		return
	}
	o.raw("<p class=\"note\">Grouped by root module, then by resource. Each finding gives its reason, the catalog sources it rests on (numbered as in <a href=\"#sources\">Sources</a>) and the fix (")
	if p.InlineFixes {
		o.raw("under each finding, and ")
	}
	o.raw("in <a href=\"#rules\">Rules</a>).</p>\n")
	for ri := range p.FindingRoots {
		root := &p.FindingRoots[ri]
		o.raw("<details class=\"root\"")
		if ri == 0 || len(p.FindingRoots) <= 5 {
			o.raw(" open")
		}
		o.raw("><summary>Root module <code>")
		o.text(root.Label)
		o.raw("</code>: ")
		o.raw(pluralCount(root.Findings, "finding", "findings"))
		o.raw(" on ")
		o.raw(pluralCount(len(root.Resources), "resource", "resources"))
		o.raw("</summary>\n")
		writeChunked(o, len(root.Resources), "Resources",
			"<table class=\"res\">\n<thead><tr><th scope=\"col\">Resource</th><th scope=\"col\">Lands on</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n",
			func(i int) { writeHTMLResource(o, p, root, root.Resources[i]) })
		o.raw("</details>\n")
	}
	o.raw("</section>\n")
}

func writeHTMLResource(o *htmlOut, p *htmlPage, root *htmlRoot, r *htmlResource) {
	o.raw("<tr data-rules=\"")
	o.text(r.Rules)
	o.raw("\" data-provider=\"")
	o.text(r.Provider)
	o.raw("\" data-country=\"")
	o.text(r.Countries)
	o.raw("\" data-root=\"")
	o.text(root.Name)
	o.raw("\"><td><code>")
	o.address(r.Address)
	o.raw("</code>")
	// A plan scanned without its sources is the root and the file of all
	// its resources: the root's heading names it once.
	file := r.File
	if file == root.Path && r.Line == 0 {
		file = ""
	}
	if file != "" || r.Type != "" {
		o.raw("<span class=\"sub\">")
		o.text(r.Type)
		if file != "" {
			if r.Type != "" {
				o.raw(" · ")
			}
			o.text(position(file, r.Line))
		}
		o.raw("</span>")
	}
	o.raw("</td><td>")
	o.text(r.Place)
	o.raw("</td><td><ul class=\"fl\">")
	for _, f := range r.Findings {
		o.raw("<li><span class=\"sev sev-")
		o.text(f.Severity)
		o.raw("\">")
		o.text(f.Severity)
		o.raw("</span>")
		writeRuleRef(o, p, f.Rule)
		o.raw(" ")
		o.text(f.Message)
		if f.LocationFile != "" {
			o.raw(" <span class=\"sub\">location set at ")
			o.text(position(f.LocationFile, f.LocationLine))
			o.raw("</span>")
		}
		if len(f.Sources) > 0 {
			o.raw(" <span class=\"src\">")
			for _, s := range f.Sources {
				o.raw("<a href=\"#src-")
				o.int(s)
				o.raw("\" aria-label=\"source ")
				o.int(s)
				o.raw("\">[")
				o.int(s)
				o.raw("]</a>")
			}
			o.raw("</span>")
		}
		if p.InlineFixes {
			if rule := p.rule(f.Rule); rule != nil && rule.Remediation != "" {
				o.raw("<span class=\"fix\">Fix: ")
				o.text(rule.Remediation)
				o.raw("</span>")
			}
		}
		o.raw("</li>")
	}
	o.raw("</ul></td></tr>\n")
}

// writeRuleRef links a rule ID to its card, when sovlint has the rule.
func writeRuleRef(o *htmlOut, p *htmlPage, id string) {
	if p.rule(id) == nil {
		o.text(id)
		return
	}
	o.raw("<a href=\"#rule-")
	o.text(id)
	o.raw("\">")
	o.text(id)
	o.raw("</a>")
}

func (p *htmlPage) rule(id string) *htmlRule {
	for i := range p.Rules {
		if p.Rules[i].ID == id {
			return &p.Rules[i]
		}
	}
	return nil
}

func writeHTMLSuppressed(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"suppressed\" aria-labelledby=\"suppressed-h\">\n<h2 id=\"suppressed-h\">Suppressed findings</h2>\n")
	if len(p.SuppressedRows) == 0 {
		o.raw("<p>No finding is suppressed.</p>\n</section>\n")
		return
	}
	o.raw("<p class=\"note\">Findings an inline ignore, a configured exception or a baseline waives, with the reason given and when the waiver expires.</p>\n")
	o.raw("<div class=\"filterable\">\n")
	writeChunked(o, len(p.SuppressedRows), "Suppressed findings",
		"<table>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th><th scope=\"col\">Suppressed by</th><th scope=\"col\">Reason</th><th scope=\"col\">Expires</th><th scope=\"col\">Owner</th></tr></thead>\n<tbody>\n",
		func(i int) { writeHTMLSuppressedRow(o, p, &p.SuppressedRows[i]) })
	o.raw("</div>\n</section>\n")
}

func writeHTMLSuppressedRow(o *htmlOut, p *htmlPage, s *htmlSuppressed) {
	o.raw("<tr data-rules=\"")
	o.text(s.Rule)
	o.raw("\" data-provider=\"")
	o.text(s.Provider)
	o.raw("\" data-country=\"")
	o.text(s.Countries)
	o.raw("\" data-root=\"")
	o.text(s.Root)
	o.raw("\"><td>")
	writeRuleRef(o, p, s.Rule)
	o.raw("</td><td><code>")
	o.text(s.Address)
	o.raw("</code></td><td>")
	o.text(s.Kind)
	if s.Where != "" {
		o.raw("<span class=\"sub\">")
		o.text(s.Where)
		o.raw("</span>")
	}
	o.raw("</td><td>")
	o.text(s.Reason)
	o.raw("</td><td>")
	if s.Expires == "" {
		o.raw("never")
	} else {
		o.text(s.Expires)
	}
	o.raw("</td><td>")
	o.text(s.Owner)
	o.raw("</td></tr>\n")
}

func writeHTMLUnresolved(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"unresolved\" aria-labelledby=\"unresolved-h\">\n<h2 id=\"unresolved-h\">Unresolved locations</h2>\n")
	if len(p.Unresolved) == 0 {
		o.raw("<p>sovlint established the location of every resource.</p>\n</section>\n")
		return
	}
	o.raw("<p class=\"note\">Resources whose provider or region sovlint could not establish from the input, and why. A checked one fails closed (SOV004).</p>\n")
	o.raw("<div class=\"filterable\">\n")
	writeChunked(o, len(p.Unresolved), "Resources",
		"<table>\n<thead><tr><th scope=\"col\">Resource</th><th scope=\"col\">Provider</th><th scope=\"col\">Why</th><th scope=\"col\">Checked</th></tr></thead>\n<tbody>\n",
		func(i int) { writeHTMLUnresolvedRow(o, &p.Unresolved[i]) })
	o.raw("</div>\n</section>\n")
}

func writeHTMLUnresolvedRow(o *htmlOut, u *htmlUnresolved) {
	o.raw("<tr data-rules=\"")
	o.text(u.Rules)
	o.raw("\" data-provider=\"")
	o.text(u.Provider)
	o.raw("\" data-country=\"\" data-root=\"")
	o.text(u.Root)
	o.raw("\"><td><code>")
	o.text(u.Address)
	o.raw("</code><span class=\"sub\">")
	o.text(u.Type)
	if u.Where != "" {
		o.raw(" · ")
		o.text(u.Where)
	}
	o.raw("</span></td><td>")
	o.text(u.Provider)
	o.raw("</td><td>")
	o.text(u.Why)
	o.raw("</td><td>")
	if u.Checked {
		o.raw("yes")
	} else {
		o.raw("no")
	}
	o.raw("</td></tr>\n")
}

// writeHTMLErrors lists what stopped root modules or plans from being
// scanned: their resources are in no table of the page, so the page says so.
func writeHTMLErrors(o *htmlOut, p *htmlPage) {
	if len(p.Errors) == 0 {
		return
	}
	o.raw("<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">Not scanned</h2>\n")
	o.raw("<p class=\"note\">These root modules or plans could not be read; the other roots are reported.</p>\n")
	o.raw("<table>\n<thead><tr><th scope=\"col\">Root module</th><th scope=\"col\">Where</th><th scope=\"col\">Problem</th></tr></thead>\n<tbody>\n")
	for _, e := range p.Errors {
		o.raw("<tr><td><code>")
		o.text(p.RootLabels[e.Root])
		o.raw("</code></td><td>")
		if e.Where != "" {
			o.raw("<code>")
			o.text(e.Where)
			o.raw("</code>")
		}
		o.raw("</td><td>")
		o.text(e.Message)
		o.raw("</td></tr>\n")
	}
	o.raw("</tbody>\n</table>\n</section>\n")
}

func writeHTMLWarnings(o *htmlOut, p *htmlPage) {
	if len(p.Warnings) == 0 {
		return
	}
	o.raw("<section id=\"warnings\" aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">Warnings</h2>\n<ul>\n")
	for _, w := range p.Warnings {
		o.raw("<li>")
		if pos := position(w.File, w.Line); pos != "" {
			o.raw("<code>")
			o.text(pos)
			o.raw("</code>: ")
		}
		o.text(w.Message)
		o.raw("</li>\n")
	}
	o.raw("</ul>\n</section>\n")
}

func writeHTMLRules(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"rules\" aria-labelledby=\"rules-h\">\n<h2 id=\"rules-h\">Rules</h2>\n")
	for _, r := range p.Rules {
		o.raw("<div class=\"rule\" id=\"rule-")
		o.text(r.ID)
		o.raw("\"><h3>")
		o.text(r.ID)
		o.raw(" ")
		o.text(r.Name)
		o.raw("</h3><p>")
		o.text(capitalize(r.Summary))
		o.raw(". Default severity: ")
		o.text(r.Severity)
		o.raw(".</p><p><strong>Fix:</strong> ")
		o.text(r.Remediation)
		o.raw("</p>")
		if u := safeURL(r.URL); u != "" {
			o.raw("<p><a href=\"")
			o.text(u)
			o.raw("\">Documentation of ")
			o.text(r.ID)
			o.raw("</a></p>")
		}
		o.raw("</div>\n")
	}
	o.raw("</section>\n")
}

func writeHTMLSources(o *htmlOut, p *htmlPage) {
	o.raw("<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Catalog sources</h2>\n")
	if len(p.Sources) == 0 {
		o.raw("<p>No finding cites a catalog source.</p>\n</section>\n")
		return
	}
	o.raw("<p class=\"note\">The public sources the findings rest on, with the date the catalog checked each and how (primary: the authority's own publication; secondary: a faithful transcription; unverified: not yet checked).</p>\n<ol class=\"sources\">\n")
	for i, s := range p.Sources {
		o.raw("<li id=\"src-")
		o.int(i + 1)
		o.raw("\"><code>")
		o.text(s.Key)
		o.raw("</code>: ")
		if s.URL != "" {
			o.raw("<a href=\"")
			o.text(s.URL)
			o.raw("\">")
			o.text(s.Ref)
			o.raw("</a>")
		} else {
			o.text(s.Ref)
		}
		o.raw(" <span class=\"sub\">")
		for i, c := range s.Checked {
			if i > 0 {
				o.raw("; ")
			}
			o.raw("as of ")
			o.text(c[0])
			o.raw(", ")
			o.text(c[1])
		}
		o.raw("; cited by ")
		o.raw(pluralCount(s.Findings, "finding", "findings"))
		o.raw("</span></li>\n")
	}
	o.raw("</ol>\n</section>\n")
}

// pluralCount is "1 finding" or "30,000 findings".
func pluralCount(n int, one, many string) string {
	b := appendThousands(nil, n)
	b = append(b, ' ')
	if n == 1 {
		return string(append(b, one...))
	}
	return string(append(b, many...))
}

// capitalize upper-cases an ASCII first letter: rule summaries are
// written lowercase for the CLI's one-line listings.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
