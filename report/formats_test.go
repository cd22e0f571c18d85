package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// The JUnit output read back through encoding/xml, in the shape GitLab's
// and Jenkins' parsers read.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitRoundTrip(t *testing.T) {
	out := render(t, "junit", handmadeReport())
	var doc junitDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("JUnit output does not parse: %v", err)
	}
	type tc struct{ Suite, Name, Classname, Failure, Type string }
	var got []tc
	tests, failures := 0, 0
	for _, s := range doc.Suites {
		suiteFailures := 0
		for _, c := range s.Cases {
			row := tc{Suite: s.Name, Name: c.Name, Classname: c.Classname}
			if len(c.Failures) > 1 {
				t.Errorf("%s has %d failure elements; GitLab reads one", c.Name, len(c.Failures))
			}
			if len(c.Failures) == 1 {
				row.Failure, row.Type = c.Failures[0].Message, c.Failures[0].Type
				suiteFailures++
			}
			got = append(got, row)
		}
		if s.Tests != len(s.Cases) || s.Failures != suiteFailures {
			t.Errorf("suite %s counts tests=%d failures=%d, has %d cases and %d failures", s.Name, s.Tests, s.Failures, len(s.Cases), suiteFailures)
		}
		tests += s.Tests
		failures += s.Failures
	}
	if doc.Tests != tests || doc.Failures != failures {
		t.Errorf("testsuites counts tests=%d failures=%d, suites add up to %d and %d", doc.Tests, doc.Failures, tests, failures)
	}
	want := []tc{
		{Suite: ".sovlint.hcl", Name: `exception for "module.legacy.*"`, Classname: "suppression", Failure: "1 finding: SOV000", Type: "warning"},
		{Suite: "infra/main.tf", Name: "aws_db_instance.legacy", Classname: "aws_db_instance", Failure: "1 finding: SOV004", Type: "notice"},
		{Suite: "infra/modules/x/main.tf", Name: `module.x["a"].aws_s3_bucket.b`, Classname: "aws_s3_bucket", Failure: "2 findings: SOV001, SOV002", Type: "error"},
		{Suite: "infra/outscale.tf", Name: "outscale_vm.qualified", Classname: "outscale_vm"},
		{Suite: "infra/stockage données.tf", Name: "google_storage_bucket.records", Classname: "google_storage_bucket", Failure: "1 finding: SOV003", Type: "warning"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("test cases (-want +got):\n%s", diff)
	}
	// Text survives the round trip, escaping included; suppressed findings
	// are in system-out, not failures.
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			switch c.Name {
			case "aws_db_instance.legacy":
				if !strings.Contains(c.Failures[0].Text, "region unresolved | 100% unknown: set it, then re-run <plan> & *check* _it_ #1\nsecond line") {
					t.Errorf("failure text lost the message: %q", c.Failures[0].Text)
				}
				if !strings.Contains(c.SystemOut, "suppressed SOV001") {
					t.Errorf("system-out does not list the baselined finding: %q", c.SystemOut)
				}
			case "google_storage_bucket.records":
				if strings.Contains(c.Failures[0].Text, "SOV001") || !strings.Contains(c.SystemOut, "migration to S3NS tracked in INFRA-42") {
					t.Errorf("suppressed findings belong in system-out: failure %q, system-out %q", c.Failures[0].Text, c.SystemOut)
				}
			}
		}
	}
}

func TestJUnitClean(t *testing.T) {
	var doc junitDoc
	if err := xml.Unmarshal(render(t, "junit", buildReport(t, "clean")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 0 || doc.Failures != 0 || len(doc.Suites) != 0 {
		t.Errorf("clean report: got %+v", doc)
	}
}

func TestGitLabCodeQuality(t *testing.T) {
	var issues []struct {
		Description string `json:"description"`
		CheckName   string `json:"check_name"`
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
			} `json:"lines"`
		} `json:"location"`
	}
	for _, tr := range testReports {
		out := render(t, "gitlab", tr.build(t))
		if err := json.Unmarshal(out, &issues); err != nil {
			t.Fatalf("%s: %v", tr.name, err)
		}
		if issues == nil {
			t.Errorf("%s: want a JSON array, even when empty", tr.name)
		}
		seen := map[string]bool{}
		for _, is := range issues {
			if is.Description == "" || is.CheckName == "" || is.Location.Path == "" || is.Location.Lines.Begin < 1 {
				t.Errorf("%s: issue lacks a field GitLab requires: %+v", tr.name, is)
			}
			switch is.Severity {
			case "info", "minor", "major", "critical", "blocker":
			default:
				t.Errorf("%s: severity %q is not one GitLab knows", tr.name, is.Severity)
			}
			if seen[is.Fingerprint] {
				t.Errorf("%s: fingerprint %s is not unique", tr.name, is.Fingerprint)
			}
			seen[is.Fingerprint] = true
		}
	}
	// Suppressed findings are left out: the handmade report has 5 active.
	if err := json.Unmarshal(render(t, "gitlab", handmadeReport()), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 5 {
		t.Errorf("got %d issues, want the 5 active findings", len(issues))
	}
}

// githubCommand is one workflow command read back as the runner does.
type githubCommand struct {
	Command string
	Props   map[string]string
	Message string
}

var commandLine = regexp.MustCompile(`^::([a-z]+) ([^:]*)::(.*)$`)

func parseGitHub(t *testing.T, out []byte) []githubCommand {
	t.Helper()
	var cmds []githubCommand
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := commandLine.FindStringSubmatch(sc.Text())
		if m == nil {
			if strings.HasPrefix(sc.Text(), "::") {
				t.Errorf("malformed command %q", sc.Text())
			}
			continue
		}
		c := githubCommand{Command: m[1], Props: map[string]string{}, Message: unescapeGitHub(t, m[3])}
		for kv := range strings.SplitSeq(m[2], ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Errorf("malformed property %q in %q", kv, sc.Text())
			}
			c.Props[k] = unescapeGitHub(t, v)
		}
		cmds = append(cmds, c)
	}
	return cmds
}

func unescapeGitHub(t *testing.T, s string) string {
	t.Helper()
	u, err := url.PathUnescape(s)
	if err != nil {
		t.Errorf("bad escape in %q: %v", s, err)
	}
	return u
}

func TestGitHubCommands(t *testing.T) {
	rep := handmadeReport()
	rep.Warnings[0].File = "infra/a,b:c.tf" // property delimiters in a value
	cmds := parseGitHub(t, render(t, "github", rep))
	type row struct{ Command, File, Line, Title, FirstLine string }
	var got []row
	for _, c := range cmds {
		got = append(got, row{c.Command, c.Props["file"], c.Props["line"], c.Props["title"], strings.SplitN(c.Message, "\n", 2)[0]})
	}
	want := []row{
		{"warning", ".sovlint.hcl", "15", "SOV000 suppression", `exception for "module.legacy.*" matches no finding: remove it`},
		{"notice", "infra/main.tf", "40", "SOV004 unresolved-location", "aws_db_instance.legacy: region unresolved | 100% unknown: set it, then re-run <plan> & *check* _it_ #1"},
		{"error", "infra/modules/x/main.tf", "12", "SOV001 not-secnumcloud", `module.x["a"].aws_s3_bucket.b: Amazon Web Services is not SecNumCloud-qualified (region eu-west-3, FR)`},
		{"error", "infra/modules/x/main.tf", "12", "SOV002 extraterritorial-law", `module.x["a"].aws_s3_bucket.b: operated by Amazon Web Services, Inc. (US), subject to the US CLOUD Act and FISA section 702`},
		{"warning", "infra/stockage données.tf", "5", "SOV003 outside-eu", `google_storage_bucket.records: region "us-central1" is in US, outside the EU`},
		{"warning", "infra/a,b:c.tf", "30", "sovlint", `module "vpc" has a registry source and was not fetched: run terraform init`},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("commands (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(cmds[1].Message, "aws_db_instance.legacy: region unresolved | 100% unknown: set it, then re-run <plan> & *check* _it_ #1\nsecond line\nfix: ") {
		t.Errorf("multi-line message did not survive escaping: %q", cmds[1].Message)
	}
	// A plan finding has a file and no line.
	for _, c := range parseGitHub(t, render(t, "github", buildReport(t, "var-default-region"))) {
		if _, ok := c.Props["line"]; ok || c.Props["file"] != "testdata/plans/var-default-region/plan.json" {
			t.Errorf("plan finding: want file=plan.json and no line, got %v", c.Props)
		}
	}
}

// TestMarkdownTables: every table row has as many cells as its header, so
// the message's "|" and line break did not break the table.
func TestMarkdownTables(t *testing.T) {
	out := string(render(t, "markdown", handmadeReport()))
	unescapedPipe := regexp.MustCompile(`(^|[^\\])\|`)
	cells := func(line string) int { return len(unescapedPipe.FindAllString(line, -1)) }
	header := 0
	rows := 0
	for line := range strings.SplitSeq(out, "\n") {
		switch {
		case !strings.HasPrefix(line, "|"):
			header = 0
		case header == 0:
			header = cells(line)
		default:
			rows++
			if n := cells(line); n != header {
				t.Errorf("row has %d cell separators, header %d: %s", n, header, line)
			}
		}
	}
	if rows < 10 {
		t.Errorf("found only %d table rows", rows)
	}
	for _, want := range []string{"```mermaid\nflowchart LR\n", "p1 -->|1| r2", "r3 -->|1| v_pass", "<details><summary>3 suppressed findings</summary>", "| SOV003 | outside-eu | warning | 1 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(out, "<plan>") {
		t.Error("markdown passes HTML through from a message")
	}
}

func TestMarkdownMermaidLabels(t *testing.T) {
	rep := handmadeReport()
	rows, _ := rep.Resources.(report.Rows)
	rows[0].Provider = `evil"]-->x["#`
	out := string(render(t, "markdown", rep))
	if !strings.Contains(out, `["evil#34;]--#62;x[#34;#35;"]`) {
		t.Errorf("provider label not escaped for Mermaid:\n%s", out)
	}
	for _, n := range []int{0, 1, 2, 3} {
		if !strings.Contains(out, "  r"+strconv.Itoa(n)+`["`) {
			t.Errorf("region node r%d missing", n)
		}
	}
}

// Two roots may declare the same address: the Markdown landing table must
// not give one root's resource the other's verdict (dev is compliant, prod
// is not).
func TestMarkdownLandingKeysOnRoot(t *testing.T) {
	row := func(root string) finding.Resource {
		return finding.Resource{Root: root, Address: "aws_s3_bucket.data", Type: "aws_s3_bucket", Provider: "hashicorp/aws", Region: "eu-west-3", Country: "FR", Classification: "sensitive", Checked: true}
	}
	rep := &report.Report{
		Tool: "sovlint", Version: "test", Rules: rules.Docs(),
		Resources: report.Rows{row("envs/dev"), row("envs/prod")},
		Findings: []finding.Finding{{
			RuleID: "SOV001", Severity: finding.SeverityError, Address: "aws_s3_bucket.data", Root: "envs/prod",
			Message: "not qualified", Provider: "hashicorp/aws", Region: "eu-west-3", Country: "FR", Classification: "sensitive",
		}},
	}
	out := string(render(t, "markdown", rep))
	if !strings.Contains(out, "| hashicorp/aws | eu-west-3 | FR | 2 | 1 | 0 | 1 | 1 |") {
		t.Errorf("want one compliant (dev) and one non-compliant (prod) resource:\n%s", out)
	}
}
