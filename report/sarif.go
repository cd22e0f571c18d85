package report

import (
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
)

// SARIF 2.1.0 as GitHub code scanning reads it. The types are hand-written
// rather than taken from a SARIF library: the libraries we looked at
// (owenrumney/go-sarif) mark `suppressions` omitempty, which turns "not
// suppressed" ([]) into "unknown" (absent), and emit dozens of empty arrays
// and -1 placeholders. These structs hold only what sovlint fills in, and
// the output is checked against the official schema in a test.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// sarifFingerprintKey names sovlint's partial fingerprint: a hash of the
	// rule and the resource address, stable when lines move.
	sarifFingerprintKey = "sovlintFindingHash/v1"
	informationURI      = "https://github.com/sovlint/sovlint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// AutomationDetails.ID names the analysis ("category/"): code scanning
	// keeps one set of results per category, and Azure DevOps refuses a
	// log without it.
	AutomationDetails sarifAutomation   `json:"automationDetails"`
	Invocations       []sarifInvocation `json:"invocations"`
	Results           []sarifResult     `json:"results"`
	// ColumnKind is stated although sovlint emits no columns (see
	// sarifRegion): a consumer must never guess it.
	ColumnKind string `json:"columnKind"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name     string `json:"name"`
	FullName string `json:"fullName"`
	Version  string `json:"version,omitempty"`
	// SemanticVersion is set for releases only: "dev" is not SemVer.
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProps are the rule's properties GitHub reads: with the
// "security" tag, security-severity (a CVSS-like score) makes code
// scanning rank results Critical, High, Medium or Low instead of only
// error, warning or note.
type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	Properties                 *sarifInvocationBag `json:"properties,omitempty"`
}

// sarifInvocationBag is the invocation's property bag: the configuration
// file the scan applied.
type sarifInvocationBag struct {
	Config string `json:"sovlintConfig"`
}

type sarifNotification struct {
	Level      string                  `json:"level"`
	Message    sarifMessage            `json:"message"`
	Locations  []sarifLocation         `json:"locations,omitempty"`
	Properties *sarifNotificationProps `json:"properties,omitempty"`
}

// sarifNotificationProps names the root module or plan an error stopped.
type sarifNotificationProps struct {
	Root string `json:"root"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Suppressions is never nil: SARIF reads an empty list as "not
	// suppressed" and an absent one as "unknown".
	Suppressions []sarifSuppression `json:"suppressions"`
	Properties   *sarifResultProps  `json:"properties,omitempty"`
}

// sarifResultProps is the evidence a finding rests on; never an attribute
// value other than these.
type sarifResultProps struct {
	// Root is the root module or plan, for multi-root scans.
	Root           string `json:"root,omitempty"`
	Provider       string `json:"provider,omitempty"`
	ProviderConfig string `json:"providerConfig,omitempty"`
	Region         string `json:"region,omitempty"`
	Country        string `json:"country,omitempty"`
	Classification string `json:"classification,omitempty"`
}

type sarifLocation struct {
	ID               *int                   `json:"id,omitempty"`
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifMessage          `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

// sarifRegion carries lines only. hcl counts columns in grapheme clusters
// and SARIF in code points; converting needs the source text, which
// printers do not read, and code scanning places results by line.
type sarifRegion struct {
	StartLine int `json:"startLine"`
	EndLine   int `json:"endLine,omitempty"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// SARIF prints the report as a SARIF 2.1.0 log with one run, formatted as
// encoding/json indents the SARIF types (the golden files and code
// scanning's diffs depend on every byte). A large plan's log is tens of
// megabytes: it is written by hand, the results in chunks on every core,
// rather than by reflection on one; a test holds the two to the same
// bytes.
func SARIF(w io.Writer, r *Report, o Options) error {
	category := o.SARIFCategory
	if category == "" {
		category = "sovlint"
	}
	out := &jsonOut{w: w, b: make([]byte, 0, 96<<10), v1: true}
	out.open('{')
	out.strField("$schema", sarifSchema)
	out.strField("version", sarifVersion)
	out.key("runs")
	out.open('[')
	out.elem()
	out.open('{')
	out.key("tool")
	out.open('{')
	out.key("driver")
	out.open('{')
	out.strField("name", r.Tool)
	out.strField("fullName", fullName(r.Tool, r.Version))
	out.optStr("version", r.Version)
	out.optStr("semanticVersion", semanticVersion(r.Version))
	out.strField("informationUri", informationURI)
	out.key("rules")
	out.open('[')
	index := make(map[string]int, len(r.Rules))
	for i := range r.Rules {
		index[r.Rules[i].ID] = i
		out.elem()
		appendSARIFRule(out, &r.Rules[i])
	}
	out.close(']')
	out.close('}')
	out.close('}')
	out.key("automationDetails")
	out.open('{')
	out.strField("id", strings.TrimSuffix(category, "/")+"/")
	out.close('}')
	out.key("invocations")
	out.open('[')
	out.elem()
	out.open('{')
	// A refused root is an error notification, and the run did not
	// succeed: code scanning must not read its missing results as fixed.
	out.key("executionSuccessful")
	out.bool(len(r.Errors) == 0)
	out.key("toolExecutionNotifications")
	out.open('[')
	for _, wn := range r.Warnings {
		out.elem()
		o.appendSARIFNotification(out, "warning", wn.Message, wn.File, wn.Line, nil)
	}
	for i := range r.Errors {
		e := &r.Errors[i]
		out.elem()
		o.appendSARIFNotification(out, "error", errorLine(e), e.File, e.Line, &e.Root)
	}
	out.close(']')
	if r.Config != "" {
		out.key("properties")
		out.open('{')
		out.strField("sovlintConfig", r.Config)
		out.close('}')
	}
	out.close('}')
	out.close(']')
	out.key("results")
	out.open('[')
	out.elems(len(r.Findings), func(c *jsonOut, i int) { o.appendSARIFResult(c, &r.Findings[i], index) })
	out.close(']')
	out.strField("columnKind", "unicodeCodePoints")
	out.close('}')
	out.close(']')
	out.close('}')
	out.b = append(out.b, '\n')
	return out.flush()
}

// appendSARIFRule writes a rule as sarifRuleOf makes it.
func appendSARIFRule(out *jsonOut, rule *finding.RuleDoc) {
	out.open('{')
	out.strField("id", rule.ID)
	out.strField("name", rule.Name)
	out.key("shortDescription")
	appendSARIFMessage(out, rule.Summary, "")
	out.key("fullDescription")
	appendSARIFMessage(out, plainText(description(rule.Doc, rule.Summary)), "")
	out.key("help")
	appendSARIFMessage(out, rule.Doc, rule.Doc)
	out.strField("helpUri", rule.URL)
	out.key("defaultConfiguration")
	out.open('{')
	out.strField("level", levelOf(rule.Severity).sarif)
	out.close('}')
	out.key("properties")
	out.open('{')
	out.key("tags")
	out.strs(sarifRuleTags)
	out.strField("security-severity", securitySeverity(rule.Severity))
	out.strField("precision", "high")
	out.close('}')
	out.close('}')
}

// sarifRuleTags are every rule's tags.
var sarifRuleTags = []string{"security", "sovereignty", "terraform", "opentofu"}

func appendSARIFMessage(out *jsonOut, text, markdown string) {
	out.open('{')
	out.strField("text", text)
	out.optStr("markdown", markdown)
	out.close('}')
}

// appendSARIFNotification writes a tool execution notification: a warning,
// or an error naming the root it stopped.
func (o Options) appendSARIFNotification(out *jsonOut, level, text, file string, line int, root *string) {
	out.open('{')
	out.strField("level", level)
	out.key("message")
	appendSARIFMessage(out, text, "")
	if file != "" {
		out.key("locations")
		out.open('[')
		out.elem()
		out.open('{')
		out.key("physicalLocation")
		o.appendSARIFPhysical(out, file, line, line)
		out.close('}')
		out.close(']')
	}
	if root != nil {
		out.key("properties")
		out.open('{')
		out.strField("root", *root)
		out.close('}')
	}
	out.close('}')
}

// appendSARIFResult writes a finding as sarifResultOf makes it.
func (o Options) appendSARIFResult(out *jsonOut, f *finding.Finding, index map[string]int) {
	out.open('{')
	out.strField("ruleId", f.RuleID)
	out.intField("ruleIndex", index[f.RuleID])
	out.strField("level", levelOf(f.Severity).sarif)
	out.key("message")
	text := f.Message
	if f.IsResource() {
		text = finding.Qualified(f.Root, f.Address) + ": " + f.Message
	}
	appendSARIFMessage(out, text, "")
	out.key("locations")
	out.open('[')
	if f.Range.Filename != "" || f.IsResource() {
		out.elem()
		out.open('{')
		if f.Range.Filename != "" {
			out.key("physicalLocation")
			o.appendSARIFPhysical(out, f.Range.Filename, f.Range.Start.Line, f.Range.End.Line)
		}
		if f.IsResource() {
			out.key("logicalLocations")
			out.open('[')
			out.elem()
			out.open('{')
			out.strField("fullyQualifiedName", f.Address)
			out.strField("kind", "resource")
			out.close('}')
			out.close(']')
		}
		out.close('}')
	}
	out.close(']')
	if lr := f.LocationRange; lr.Filename != "" {
		out.key("relatedLocations")
		out.open('[')
		out.elem()
		out.open('{')
		out.intField("id", 1)
		out.key("physicalLocation")
		o.appendSARIFPhysical(out, lr.Filename, lr.Start.Line, lr.End.Line)
		out.key("message")
		appendSARIFMessage(out, "the location (region) is set here", "")
		out.close('}')
		out.close(']')
	}
	out.key("partialFingerprints")
	out.open('{')
	out.strField(sarifFingerprintKey, findingFingerprint(f))
	out.close('}')
	out.key("suppressions")
	out.open('[')
	if s := f.Suppression; s != nil {
		kind := "external"
		if s.Kind == finding.SuppressedInline {
			kind = "inSource"
		}
		out.elem()
		out.open('{')
		out.strField("kind", kind)
		out.strField("status", "accepted")
		out.strField("justification", justification(s))
		if s.Range.Filename != "" {
			out.key("location")
			out.open('{')
			out.key("physicalLocation")
			o.appendSARIFPhysical(out, s.Range.Filename, s.Range.Start.Line, s.Range.End.Line)
			out.close('}')
		}
		out.close('}')
	}
	out.close(']')
	if f.IsResource() {
		out.key("properties")
		out.open('{')
		out.optStr("root", displayRoot(f.Root))
		out.optStr("provider", f.Provider)
		out.optStr("providerConfig", f.ProviderConfig)
		out.optStr("region", f.Region)
		out.optStr("country", f.Country)
		out.optStr("classification", f.Classification)
		out.close('}')
	}
	out.close('}')
}

// appendSARIFPhysical writes a physical location as sarifPhysical makes it,
// for a file that is not empty.
func (o Options) appendSARIFPhysical(out *jsonOut, file string, line, endLine int) {
	name, _ := o.repoPath(file)
	out.open('{')
	out.key("artifactLocation")
	out.open('{')
	out.strField("uri", fileURI(name))
	out.close('}')
	if line > 0 {
		out.key("region")
		out.open('{')
		out.intField("startLine", line)
		if endLine > line {
			out.intField("endLine", endLine)
		}
		out.close('}')
	}
	out.close('}')
}

// sarifLogOf is the report as the SARIF types hold it: the specification
// SARIF's hand-written printer must match byte for byte, as encoding/json
// writes it (ReferenceSARIF, in tests).
func sarifLogOf(r *Report, o Options) sarifLog {
	category := o.SARIFCategory
	if category == "" {
		category = "sovlint"
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            r.Tool,
			FullName:        fullName(r.Tool, r.Version),
			Version:         r.Version,
			SemanticVersion: semanticVersion(r.Version),
			InformationURI:  informationURI,
			Rules:           make([]sarifRule, 0, len(r.Rules)),
		}},
		AutomationDetails: sarifAutomation{ID: strings.TrimSuffix(category, "/") + "/"},
		Invocations:       []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}},
		Results:           make([]sarifResult, 0, len(r.Findings)),
		ColumnKind:        "unicodeCodePoints",
	}
	if r.Config != "" {
		run.Invocations[0].Properties = &sarifInvocationBag{Config: r.Config}
	}
	index := map[string]int{}
	for i := range r.Rules {
		rule := &r.Rules[i]
		index[rule.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rule))
	}
	for _, wn := range r.Warnings {
		n := sarifNotification{Level: "warning", Message: sarifMessage{Text: wn.Message}}
		if loc := o.sarifPhysical(hcl.Range{Filename: wn.File, Start: hcl.Pos{Line: wn.Line}, End: hcl.Pos{Line: wn.Line}}); loc != nil {
			n.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
	}
	// A refused root is an error notification, and the run did not
	// succeed: code scanning must not read its missing results as fixed.
	inv := &run.Invocations[0]
	for i := range r.Errors {
		e := &r.Errors[i]
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: errorLine(e)}, Properties: &sarifNotificationProps{Root: e.Root}}
		if loc := o.sarifPhysical(hcl.Range{Filename: e.File, Start: hcl.Pos{Line: e.Line}, End: hcl.Pos{Line: e.Line}}); loc != nil {
			n.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
		inv.ExecutionSuccessful = false
	}
	for i := range r.Findings {
		run.Results = append(run.Results, o.sarifResultOf(&r.Findings[i], index))
	}
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func sarifRuleOf(rule *finding.RuleDoc) sarifRule {
	doc := rule.Doc
	return sarifRule{
		ID:                   rule.ID,
		Name:                 rule.Name,
		ShortDescription:     sarifMessage{Text: rule.Summary},
		FullDescription:      sarifMessage{Text: plainText(description(doc, rule.Summary))},
		Help:                 sarifMessage{Text: doc, Markdown: doc},
		HelpURI:              rule.URL,
		DefaultConfiguration: sarifConfiguration{Level: levelOf(rule.Severity).sarif},
		Properties: sarifRuleProps{
			Tags:             []string{"security", "sovereignty", "terraform", "opentofu"},
			SecuritySeverity: securitySeverity(rule.Severity),
			Precision:        "high",
		},
	}
}

func (o Options) sarifResultOf(f *finding.Finding, index map[string]int) sarifResult {
	res := sarifResult{
		RuleID:              f.RuleID,
		RuleIndex:           index[f.RuleID],
		Level:               levelOf(f.Severity).sarif,
		Message:             sarifMessage{Text: f.Message},
		Locations:           []sarifLocation{},
		PartialFingerprints: map[string]string{sarifFingerprintKey: findingFingerprint(f)},
		Suppressions:        []sarifSuppression{},
	}
	loc := sarifLocation{PhysicalLocation: o.sarifPhysical(f.Range)}
	if f.IsResource() {
		res.Message.Text = finding.Qualified(f.Root, f.Address) + ": " + f.Message
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: f.Address, Kind: "resource"}}
		res.Properties = &sarifResultProps{
			Root:           displayRoot(f.Root),
			Provider:       f.Provider,
			ProviderConfig: f.ProviderConfig,
			Region:         f.Region,
			Country:        f.Country,
			Classification: f.Classification,
		}
	}
	if loc.PhysicalLocation != nil || loc.LogicalLocations != nil {
		res.Locations = append(res.Locations, loc)
	}
	if p := o.sarifPhysical(f.LocationRange); p != nil {
		id := 1
		res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: p, Message: &sarifMessage{Text: "the location (region) is set here"}}}
	}
	if s := f.Suppression; s != nil {
		sup := sarifSuppression{Kind: "external", Status: "accepted", Justification: justification(s)}
		if s.Kind == finding.SuppressedInline {
			sup.Kind = "inSource"
		}
		if p := o.sarifPhysical(s.Range); p != nil {
			sup.Location = &sarifLocation{PhysicalLocation: p}
		}
		res.Suppressions = append(res.Suppressions, sup)
	}
	return res
}

// sarifPhysical is a range as a SARIF physical location: the file, relative
// to the repository root when it is inside it, and its lines when known. A
// plan finding without sources has the plan file and no region. It returns
// nil when there is no file (a plan read from stdin).
func (o Options) sarifPhysical(rng hcl.Range) *sarifPhysicalLocation {
	if rng.Filename == "" {
		return nil
	}
	name, _ := o.repoPath(rng.Filename)
	p := &sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: fileURI(name)}}
	if rng.Start.Line > 0 {
		p.Region = &sarifRegion{StartLine: rng.Start.Line}
		if rng.End.Line > rng.Start.Line {
			p.Region.EndLine = rng.End.Line
		}
	}
	return p
}

// fileURI turns a path as the user gave it into a URI reference: relative
// paths stay relative (code scanning resolves them against the repository
// root), absolute ones become file URIs, and characters URIs do not allow
// are percent-encoded.
func fileURI(name string) string {
	p := filepath.ToSlash(name)
	u := url.URL{Path: p}
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(p, "/") {
			u.Path = "/" + p // a Windows drive letter
		}
		u.Scheme = "file"
	}
	return u.String()
}

// justification says why a finding is suppressed, with the waiver's expiry
// and owner when it has them.
func justification(s *finding.Suppression) string {
	text := s.Reason
	var extra []string
	if s.Expires != "" {
		extra = append(extra, "expires "+s.Expires)
	}
	if s.Owner != "" {
		extra = append(extra, "owner "+s.Owner)
	}
	extra = append(extra, s.Kind)
	return text + " (" + strings.Join(extra, ", ") + ")"
}

// description is what a rule's documentation says it fires on: the first
// paragraph after the title, and the list that follows it when the
// paragraph ends with a colon (SOV000's was cut at "cannot be trusted:").
// fallback when there is none.
func description(doc, fallback string) string {
	paras := strings.Split(doc, "\n\n")
	for i, para := range paras {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "#") {
			continue
		}
		text := strings.Join(strings.Fields(para), " ")
		if strings.HasSuffix(text, ":") && i+1 < len(paras) {
			if items := listItems(paras[i+1]); len(items) > 0 {
				text += " " + strings.Join(items, " ")
			}
		}
		return text
	}
	return fallback
}

// listItems returns the items of a Markdown "- " list, each on one line,
// or nil when block is not a list.
func listItems(block string) []string {
	var items []string
	for line := range strings.SplitSeq(strings.TrimSpace(block), "\n") {
		switch {
		case strings.HasPrefix(line, "- "):
			items = append(items, strings.TrimSpace(line[2:]))
		case len(items) > 0 && strings.HasPrefix(line, "  "):
			items[len(items)-1] += " " + strings.TrimSpace(line)
		default:
			return nil
		}
	}
	return items
}

// securitySeverity is the score GitHub maps to its security severities:
// over 9.0 Critical, 7.0 to 8.9 High, 4.0 to 6.9 Medium, below Low. An
// error (sensitive data where the policy forbids it) is High, a warning
// Medium, a notice Low; none is Critical, which GitHub keeps for
// exploitable vulnerabilities.
func securitySeverity(s finding.Severity) string {
	switch s {
	case finding.SeverityError:
		return "8.0"
	case finding.SeverityWarning:
		return "5.0"
	default:
		return "2.0"
	}
}

// fullName is the tool's name with its version, as SARIF viewers show it.
func fullName(tool, version string) string {
	if version == "" || version == "dev" {
		return tool + " (development build)"
	}
	return tool + " " + version
}

// semver is compiled when first needed, not by every command at start.
var semver = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)
})

// semanticVersion is version when it is a SemVer 2.0 version, else "".
func semanticVersion(version string) string {
	if v := strings.TrimPrefix(version, "v"); semver().MatchString(v) {
		return v
	}
	return ""
}

// plainTextMarks are the Markdown marks plainText removes: a Replacer is
// built once, not for every call.
var plainTextMarks = strings.NewReplacer("**", "", "`", "", "*", "")

// plainText strips the Markdown emphasis and code marks from one paragraph.
func plainText(md string) string {
	return plainTextMarks.Replace(md)
}
