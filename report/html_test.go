package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// TestHTMLValid holds every test report's page to checkHTML.
func TestHTMLValid(t *testing.T) {
	for _, tr := range append(testReports, testReport{"hostile", func(*testing.T) *report.Report { return hostileReport() }}) {
		t.Run(tr.name, func(t *testing.T) {
			page := render(t, "html", tr.build(t))
			for _, e := range checkHTML(page) {
				t.Error(e)
			}
		})
	}
}

// TestHTMLCheckerCatches feeds checkHTML pages with one defect each: a
// checker that passes everything would make TestHTMLValid worthless.
func TestHTMLCheckerCatches(t *testing.T) {
	good := string(render(t, "html", handmadeReport()))
	if errs := checkHTML([]byte(good)); len(errs) > 0 {
		t.Fatalf("the handmade page is not valid to start with: %v", errs)
	}
	broken := map[string]func(string) string{
		"misnested":       func(s string) string { return strings.Replace(s, "<dt>", "<dt><b>", 1) },
		"table cell text": func(s string) string { return strings.Replace(s, "<tbody>", "<tbody>stray", 1) },
		"div in p": func(s string) string {
			return strings.Replace(s, "<p class=\"note\">", "<p class=\"note\"><div>x</div>", 1)
		},
		"duplicate id":  func(s string) string { return strings.Replace(s, "id=\"map-h\"", "id=\"summary-h\"", 1) },
		"dangling link": func(s string) string { return strings.Replace(s, "href=\"#rules\"", "href=\"#nowhere\"", 1) },
		"image": func(s string) string {
			return strings.Replace(s, "<main id=\"main\">", "<main id=\"main\"><img src=\"https://example.com/x.png\" alt=\"\">", 1)
		},
		"inline style": func(s string) string {
			return strings.Replace(s, "<main id=\"main\">", "<main id=\"main\" style=\"color:red\">", 1)
		},
		"handler": func(s string) string {
			return strings.Replace(s, "<main id=\"main\">", "<main id=\"main\" onclick=\"x()\">", 1)
		},
		"script edited": func(s string) string { return strings.Replace(s, "\"use strict\";", "\"use strict\"; ", 1) },
		"unclosed":      func(s string) string { return strings.Replace(s, "</main>", "<section></main>", 1) },
		"skipped heading": func(s string) string {
			return strings.Replace(s, "<h2 id=\"rules-h\">Rules</h2>", "<h2 id=\"rules-h\">Rules</h2><h4>x</h4>", 1)
		},
		"javascript link": func(s string) string { return strings.Replace(s, "href=\"#rules\"", "href=\"javascript:alert(1)\"", 1) },
	}
	for name, edit := range broken {
		page := edit(good)
		if page == good {
			t.Errorf("%s: the edit did not apply", name)
			continue
		}
		if errs := checkHTML([]byte(page)); len(errs) == 0 {
			t.Errorf("%s: checkHTML found nothing wrong", name)
		}
	}
}

func TestHTMLDeterministic(t *testing.T) {
	for _, tr := range testReports {
		rep := tr.build(t)
		first := render(t, "html", rep)
		for range 3 {
			if again := render(t, "html", rep); !bytes.Equal(first, again) {
				t.Fatalf("%s: two renderings differ:\n%s", tr.name, lineDiff(string(first), string(again)))
			}
		}
	}
}

// hostileReport puts markup, quotes, control characters, invalid UTF-8
// and a javascript: URL in every string the page shows.
func hostileReport() *report.Report {
	const evil = "\"><script>alert(1)</script><img src=x onerror=alert(2)>'&\x00\x1b\xff\u0085"
	res := finding.Resource{
		Address: "aws_s3_bucket.b" + evil, Type: "aws_s3_bucket" + evil, Provider: "hashicorp/aws" + evil,
		File: "main.tf" + evil, Line: 3, Region: "eu-west-3" + evil, Country: "FR,EU,ZZ" + evil,
		Classification: "sensitive", Checked: true,
		ProviderName: "AWS" + evil, Operator: "op" + evil, OperatorCountry: "US" + evil, EULegalControl: "no" + evil, Laws: []string{"law" + evil},
	}
	unresolved := finding.Resource{
		Address: "aws_s3_bucket.u" + evil, Type: "aws_s3_bucket", Provider: "hashicorp/aws",
		File: "main.tf", Line: 9, Unresolved: "region from " + evil, Classification: "sensitive", Checked: true,
	}
	cite := []finding.Citation{
		{Key: "k" + evil, Ref: "javascript:alert(3)", AsOf: "2026" + evil, Verified: "x" + evil},
		{Key: "ok", Ref: "https://example.org/a?b=1&c=\"2\"", AsOf: "2026-01-01", Verified: "primary"},
	}
	return &report.Report{
		Tool: "sovlint", Version: "v" + evil, Inputs: []string{"plan.json" + evil}, CatalogAsOf: "2026" + evil, Date: "d" + evil,
		Policy:    map[string][]string{"sensitive" + evil: {"SOV001" + evil}},
		Resources: report.Rows{res, unresolved},
		Rules:     rules.Docs(),
		Findings: []finding.Finding{
			{
				RuleID: "SOV001", Severity: finding.SeverityError, Address: res.Address, Message: "m" + evil, Range: rng(res.File, 3, 4),
				LocationRange: rng("p.tf"+evil, 1, 1), Provider: res.Provider, Region: res.Region, Country: res.Country, Sources: cite,
			},
			{
				RuleID: "SOV002" + evil, Severity: finding.SeverityWarning, Address: res.Address, Message: evil, Range: rng(res.File, 3, 4),
				Provider: res.Provider, Region: res.Region, Country: res.Country,
				Suppression: &finding.Suppression{Kind: "config" + evil, Reason: "r" + evil, Expires: "e" + evil, Owner: "o" + evil, Range: hcl.Range{Filename: ".sovlint.hcl" + evil}},
			},
			{RuleID: "SOV004", Severity: finding.SeverityError, Address: unresolved.Address, Message: "u" + evil, Range: rng("main.tf", 9, 9), Provider: "hashicorp/aws"},
		},
		Warnings: []report.Warning{{Message: "w" + evil, File: "f" + evil, Line: 2}},
		Roots:    []finding.Root{{Name: ".", Path: "plan.json" + evil}, {Name: "r" + evil, Path: "p" + evil, Refused: true}},
		Errors:   []finding.InputError{{Root: "r" + evil, File: "f" + evil, Line: 1, Col: 2, Msg: "m" + evil}},
	}
}

// TestHTMLHostileStrings: nothing a scanned value holds becomes markup, a
// link or a script.
func TestHTMLHostileStrings(t *testing.T) {
	page := render(t, "html", hostileReport())
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	scripts, links := 0, 0
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Script:
			scripts++
		case atom.Img:
			t.Error("an <img> element came from a scanned value")
		case atom.A:
			if strings.Contains(attr(n, "href"), "javascript") {
				t.Errorf("a javascript: link: %q", attr(n, "href"))
			}
			if strings.HasPrefix(attr(n, "href"), "https://example.org") {
				links++
			}
		default:
		}
	})
	if scripts != 1 {
		t.Errorf("%d <script> elements, want the page's own only", scripts)
	}
	if links != 1 {
		t.Errorf("the https source is linked %d times, want once (in Sources)", links)
	}
	if bytes.ContainsAny(page, "\x00\x1b") || !bytes.Contains(page, []byte("\uFFFD")) {
		t.Error("control characters or invalid UTF-8 reached the page")
	}
}

// TestHTMLContent reads the handmade page as a person would: the figures,
// the map's table, the findings under their root and resource, the
// suppressed findings with reason and expiry, the unresolved resource.
func TestHTMLContent(t *testing.T) {
	doc, err := html.Parse(bytes.NewReader(render(t, "html", handmadeReport())))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	walk(doc, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
	})
	text := func(id string) string {
		n := byID[id]
		if n == nil {
			t.Fatalf("no element with id %q", id)
		}
		return words(n)
	}
	rows := func(id string) []string {
		var out []string
		walk(byID[id], func(n *html.Node) {
			if n.DataAtom == atom.Tr && n.Parent.DataAtom == atom.Tbody {
				out = append(out, words(n))
			}
		})
		return out
	}

	for _, want := range []string{
		"5 findings on 3 resources that the policy checks",
		"Resources scanned 5", "Checked by the policy 4", "Findings 5", "Suppressed findings 3", "Unresolved locations 1",
		"SOV003 outside-eu warning 1", "SOV005 unknown-provider error 0", "error 2", "warning 2", "notice 1",
	} {
		if !strings.Contains(text("summary"), want) {
			t.Errorf("summary lacks %q:\n%s", want, text("summary"))
		}
	}
	if diff := cmp.Diff([]string{
		"France FR non-compliant 2 1 0 1 2",
		"United States of America US non-compliant 1 1 0 0 1",
		"Location unresolved non-compliant 1 1 0 0 1",
	}, rows("countries")); diff != "" {
		t.Errorf("country table (-want +got):\n%s", diff)
	}
	for _, code := range []string{"FR", "US"} {
		if byID["country-"+code] == nil {
			t.Errorf("no row for the map's link to %s", code)
		}
	}
	findings := text("findings")
	for _, want := range []string{
		"Root module infra: 5 findings on 4 resources",
		`module.x["a"].aws_s3_bucket.b aws_s3_bucket · infra/modules/x/main.tf:12`,
		"SOV001 Amazon Web Services is not SecNumCloud-qualified (region eu-west-3, FR) location set at infra/providers.tf:3 [1]",
		"Fix: move the resource to a SecNumCloud-qualified offer",
		"region unresolved | 100% unknown: set it, then re-run <plan> & *check* _it_ #1 second line",
		`exception for "module.legacy.*" .sovlint.hcl:15 warning SOV000 exception for "module.legacy.*" matches no finding: remove it`,
	} {
		if !strings.Contains(findings, want) {
			t.Errorf("findings lack %q:\n%s", want, findings)
		}
	}
	if diff := cmp.Diff([]string{
		"SOV001 aws_db_instance.legacy baseline .sovlint-baseline.json recorded in the baseline .sovlint-baseline.json never",
		"SOV001 google_storage_bucket.records inline infra/stockage données.tf:4 migration to S3NS tracked in INFRA-42 2027-03-31",
		"SOV002 google_storage_bucket.records config .sovlint.hcl:7 contract with EU data boundary, reviewed by DPO 2027-01-31 team-data",
	}, rows("suppressed")); diff != "" {
		t.Errorf("suppressed findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{
		"aws_db_instance.legacy aws_db_instance · infra/main.tf:40 hashicorp/aws region comes from AWS_REGION yes",
	}, rows("unresolved")); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}
	if got := text("src-1"); !strings.Contains(got, "https://cyber.gouv.fr/produits-services-qualifies") {
		t.Errorf("source 1 is %q", got)
	}
}

// words is an element's text as a reader sees it: a space between
// elements, whitespace collapsed.
func words(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			b.WriteByte(' ')
		default:
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestHTMLLongTablesAreChunked: past 200 rows, the findings, suppressed
// and unresolved tables are collapsed blocks of 200, the first open, and
// every row is still in the page.
func TestHTMLLongTablesAreChunked(t *testing.T) {
	rep := &report.Report{Tool: "sovlint", Version: "test", Inputs: []string{"plan.json"}, Rules: rules.Docs()}
	var rows report.Rows
	for i := range 450 {
		addr := fmt.Sprintf("aws_s3_bucket.b[%d]", i)
		rows = append(rows, finding.Resource{
			Address: addr, Type: "aws_s3_bucket", Provider: "hashicorp/aws", File: "plan.json",
			Unresolved: "region from AWS_REGION", Classification: "sensitive", Checked: true,
		})
		rep.Findings = append(rep.Findings,
			finding.Finding{RuleID: "SOV004", Severity: finding.SeverityError, Address: addr, Message: "unresolved", Range: hcl.Range{Filename: "plan.json"}, Provider: "hashicorp/aws"},
			finding.Finding{
				RuleID: "SOV001", Severity: finding.SeverityError, Address: addr, Message: "not qualified", Range: hcl.Range{Filename: "plan.json"}, Provider: "hashicorp/aws",
				Suppression: &finding.Suppression{Kind: finding.SuppressedBaseline, Reason: "baseline"},
			})
	}
	rep.Resources = rows
	page := render(t, "html", rep)
	if errs := checkHTML(page); len(errs) > 0 {
		t.Fatal(errs)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, section := range []string{"findings", "suppressed", "unresolved"} {
		var summaries []string
		var open []bool
		rows := 0
		walk(doc, func(n *html.Node) {
			if n.DataAtom != atom.Section || attr(n, "id") != section {
				return
			}
			walk(n, func(c *html.Node) {
				switch {
				case c.DataAtom == atom.Details && attr(c, "class") == "chunk":
					summaries = append(summaries, words(c.FirstChild))
					open = append(open, hasAttr(c, "open"))
				case c.DataAtom == atom.Tr && attr(c, "data-rules") != "":
					rows++
				}
			})
		})
		what := "Resources"
		if section == "suppressed" {
			what = "Suppressed findings"
		}
		want := []string{what + " 1–200 of 450", what + " 201–400 of 450", what + " 401–450 of 450"}
		if diff := cmp.Diff(want, summaries); diff != "" {
			t.Errorf("%s blocks (-want +got):\n%s", section, diff)
		}
		if diff := cmp.Diff([]bool{true, false, false}, open); diff != "" {
			t.Errorf("%s blocks open (-want +got):\n%s", section, diff)
		}
		if rows != 450 {
			t.Errorf("%s has %d rows, want 450", section, rows)
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestHTMLSameAddressInTwoInputs: two plans may hold the same address;
// each resource's verdict comes from its own findings, and each root lists
// its own.
func TestHTMLSameAddressInTwoInputs(t *testing.T) {
	row := func(root, country string) finding.Resource {
		return finding.Resource{
			Root: root, Address: "aws_s3_bucket.b", Type: "aws_s3_bucket", Provider: "hashicorp/aws", File: root,
			Region: "r", Country: country, Classification: "sensitive", Checked: true,
		}
	}
	rep := &report.Report{
		Tool: "sovlint", Version: "test", Inputs: []string{"prod/plan.json", "dev/plan.json"}, Rules: rules.Docs(),
		Roots:     []finding.Root{{Name: "prod/plan.json", Path: "prod/plan.json"}, {Name: "dev/plan.json", Path: "dev/plan.json"}},
		Resources: report.Rows{row("prod/plan.json", "FR"), row("dev/plan.json", "DE")},
		Findings: []finding.Finding{{
			Root: "prod/plan.json", RuleID: "SOV001", Severity: finding.SeverityError, Address: "aws_s3_bucket.b", Message: "not qualified",
			Range: hcl.Range{Filename: "prod/plan.json"}, Provider: "hashicorp/aws", Region: "r", Country: "FR",
		}},
	}
	doc, err := html.Parse(bytes.NewReader(render(t, "html", rep)))
	if err != nil {
		t.Fatal(err)
	}
	var countries []string
	walk(doc, func(n *html.Node) {
		if n.DataAtom == atom.Tr && strings.HasPrefix(attr(n, "id"), "country-") {
			countries = append(countries, words(n))
		}
	})
	want := []string{
		"France FR non-compliant 1 1 0 0 1",
		"Germany DE compliant 1 0 0 1 0",
	}
	if diff := cmp.Diff(want, countries); diff != "" {
		t.Errorf("country rows (-want +got):\n%s", diff)
	}
}
