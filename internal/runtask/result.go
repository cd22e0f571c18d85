package runtask

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Status is the final state of a task result.
type Status string

// The two final statuses the protocol accepts.
const (
	StatusPassed Status = "passed"
	StatusFailed Status = "failed"
)

// Level is the color HCP Terraform gives an outcome tag.
type Level string

// Tag levels the protocol accepts.
const (
	LevelNone    Level = "none"
	LevelInfo    Level = "info"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

// Verdict is a scanner's answer for one plan.
type Verdict struct {
	Status Status
	// Message is one line shown on the run page ("3 findings: 2 SOV001, 1
	// SOV003"). Longer text is cut; line breaks become spaces.
	Message string
	// Outcomes are the findings, one each, in the order to show them.
	Outcomes []Outcome
}

// Outcome is one finding as HCP Terraform shows it under the task result.
type Outcome struct {
	Rule     string // rule ID, e.g. SOV001; the outcome's identifier
	Severity string // the finding's severity as the report names it (error, warning, notice)
	Level    Level  // how HCP Terraform colors the severity
	Address  string // the resource address
	Message  string // what is wrong, one line
	// Details is optional Markdown shown when the outcome is opened:
	// rationale, remediation, the evidence.
	Details string
	// URL is where the fact behind the finding is published (the catalog
	// source) or the rule's documentation; dropped unless http(s).
	URL string
	// Warning marks a problem with the check rather than a finding (an
	// old catalog, an input only partly read): shown, never failing.
	Warning bool
}

// Limits that keep a callback within what the Terraform API accepts and the
// UI can show. The API documents a 5 MB ceiling per outcome body.
const (
	maxMessageRunes     = 300
	maxDescriptionRunes = 300
	maxBodyBytes        = 64 << 10
	// DefaultMaxOutcomes bounds the outcomes of one result; the message
	// says when there were more.
	DefaultMaxOutcomes = 250
)

// callbackBody is the JSON:API document PATCHed to the callback URL.
type callbackBody struct {
	Data callbackData `json:"data"`
}

type callbackData struct {
	Type          string                 `json:"type"`
	Attributes    callbackAttributes     `json:"attributes"`
	Relationships *callbackRelationships `json:"relationships,omitempty"`
}

type callbackAttributes struct {
	Status  Status `json:"status"`
	Message string `json:"message,omitempty"`
	URL     string `json:"url,omitempty"`
}

type callbackRelationships struct {
	Outcomes struct {
		Data []outcomeResource `json:"data"`
	} `json:"outcomes"`
}

type outcomeResource struct {
	Type       string            `json:"type"`
	Attributes outcomeAttributes `json:"attributes"`
}

type outcomeAttributes struct {
	OutcomeID   string           `json:"outcome-id"`
	Description string           `json:"description"`
	Body        string           `json:"body,omitempty"`
	URL         string           `json:"url,omitempty"`
	Tags        map[string][]tag `json:"tags,omitempty"`
}

type tag struct {
	Label string `json:"label"`
	Level Level  `json:"level,omitempty"`
}

// encodeResult builds the callback document. Outcomes are sent only when
// the request said HCP Terraform accepts them (capabilities.outcomes);
// beyond maxOutcomes the message says how many were left out.
func encodeResult(v Verdict, withOutcomes bool, maxOutcomes int) ([]byte, error) {
	msg := v.Message
	n := len(v.Outcomes)
	if withOutcomes && n > maxOutcomes {
		msg = fmt.Sprintf("%s (the first %d of %d findings are listed)", strings.TrimSpace(msg), maxOutcomes, n)
	}
	doc := callbackBody{Data: callbackData{
		Type:       "task-results",
		Attributes: callbackAttributes{Status: v.Status, Message: oneLine(msg, maxMessageRunes)},
	}}
	if withOutcomes {
		rel := &callbackRelationships{}
		rel.Outcomes.Data = make([]outcomeResource, 0, min(n, maxOutcomes))
		for _, o := range v.Outcomes[:min(n, maxOutcomes)] {
			rel.Outcomes.Data = append(rel.Outcomes.Data, outcomeJSON(o))
		}
		doc.Data.Relationships = rel
	}
	return json.Marshal(doc)
}

func outcomeJSON(o Outcome) outcomeResource {
	desc := o.Message
	if o.Address != "" {
		desc = o.Address + ": " + o.Message
	}
	tags := map[string][]tag{"Status": {{Label: "Failed", Level: LevelError}}}
	if o.Warning {
		tags["Status"] = []tag{{Label: "Warning", Level: LevelWarning}}
	}
	if o.Severity != "" {
		tags["Severity"] = []tag{{Label: titleCase(o.Severity), Level: validLevel(o.Level)}}
	}
	if o.Rule != "" {
		tags["Rule"] = []tag{{Label: o.Rule}}
	}
	return outcomeResource{
		Type: "task-result-outcomes",
		Attributes: outcomeAttributes{
			OutcomeID:   o.Rule,
			Description: oneLine(desc, maxDescriptionRunes),
			Body:        outcomeBody(o),
			URL:         webURL(o.URL),
			Tags:        tags,
		},
	}
}

// outcomeBody is the Markdown detail of an outcome: the address, the
// message in full, then the scanner's details.
func outcomeBody(o Outcome) string {
	var b strings.Builder
	if o.Address != "" {
		fmt.Fprintf(&b, "**Resource:** `%s`\n\n", strings.ReplaceAll(o.Address, "`", "'"))
	}
	b.WriteString(o.Message)
	if d := strings.TrimSpace(o.Details); d != "" {
		b.WriteString("\n\n")
		b.WriteString(d)
	}
	return truncateBytes(b.String(), maxBodyBytes)
}

func validLevel(l Level) Level {
	switch l {
	case LevelNone, LevelInfo, LevelWarning, LevelError:
		return l
	}
	return LevelNone
}

// webURL returns u when it is an absolute http(s) URL, else "": the API
// refuses a result whose URL it cannot read.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return u
}

// oneLine folds whitespace and control characters into single spaces and
// cuts the text to maxRunes runes, ending with an ellipsis when it was cut.
func oneLine(s string, maxRunes int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	if utf8.RuneCountInString(s) <= maxRunes {
		return s
	}
	return string([]rune(s)[:maxRunes-1]) + "…"
}

// truncateBytes cuts s to at most n bytes on a rune boundary.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
