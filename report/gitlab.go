package report

import (
	"encoding/json"
	"io"
)

// GitLab Code Quality (a subset of the Code Climate issue format): a JSON
// array that GitLab shows in the merge request widget and diff. Only
// active findings are listed; Code Quality has no notion of suppression.

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

// GitLab prints the report as a GitLab Code Quality report.
func GitLab(w io.Writer, r *Report, _ Options) error {
	issues := []gitlabIssue{}
	h := r.forHumans() // for descriptions; fingerprints keep the raw text
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		desc := h.Findings[i].Message
		if f.IsResource() {
			desc = h.Findings[i].Address + ": " + desc
		}
		// GitLab requires a line; a plan finding without sources has none,
		// so it points at the plan file's first line.
		line := max(f.Range.Start.Line, 1)
		issues = append(issues, gitlabIssue{
			Description: desc,
			CheckName:   r.checkName(f.RuleID),
			// The path is part of the fingerprint because the same address
			// can appear in two scanned plans; the line is not, so that an
			// issue survives code moving.
			Fingerprint: fingerprint(f.RuleID, f.Address, f.Range.Filename),
			Severity:    levelOf(f.Severity).gitlab,
			Location:    gitlabLocation{Path: f.Range.Filename, Lines: gitlabLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
