package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/sovlint/sovlint/finding"
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
func GitLab(w io.Writer, r *Report, o Options) error {
	issues := []gitlabIssue{}
	h := r.forHumans() // for descriptions; fingerprints keep the raw text
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		desc := h.Findings[i].Message
		if f.IsResource() {
			desc = finding.Qualified(h.Findings[i].Root, h.Findings[i].Address) + ": " + desc
		}
		// GitLab requires a line; a plan finding without sources has none,
		// so it points at the plan file's first line.
		line := max(f.Range.Start.Line, 1)
		path := o.gitlabPath(f.Range.Filename)
		issues = append(issues, gitlabIssue{
			Description: desc,
			CheckName:   r.checkName(f.RuleID),
			// The path is part of the fingerprint because the same address
			// can appear in two scanned plans; the line is not, so that an
			// issue survives code moving.
			Fingerprint: findingFingerprint(f, path),
			Severity:    levelOf(f.Severity).gitlab,
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: line}},
		})
	}
	// A refused root is an issue too: Code Quality has no other way to
	// show that part of the merge request was not checked.
	for i := range r.Errors {
		e := &r.Errors[i]
		path := e.File
		if path == "" {
			path = e.Root
		}
		path = o.gitlabPath(path)
		issues = append(issues, gitlabIssue{
			Description: errorLine(e),
			CheckName:   "sovlint input error",
			Fingerprint: fingerprint("input-error", e.Root, e.File, e.Msg),
			Severity:    "critical",
			Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(e.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

// stdinPath stands for a plan read from standard input in reports that
// need a file path: there is no file to point at.
const stdinPath = "(stdin)"

// gitlabPath is a finding's file as GitLab needs it: relative to the
// repository root, never absolute (GitLab cannot place such an issue, and
// the fingerprint would change from one runner to the next) and never
// empty (GitLab rejects the report).
func (o Options) gitlabPath(name string) string {
	if name == "" {
		return stdinPath
	}
	p, inside := o.repoPath(name)
	switch {
	case inside:
		return p
	case o.Root != "":
		if rel, err := filepath.Rel(o.Root, p); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(p)
}
