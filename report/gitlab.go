package report

import (
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

// GitLab prints the report as a GitLab Code Quality report: the bytes
// encoding/json writes, indented, from gitlabIssuesOf's issues (the
// specification; a test holds the two to the same bytes). A large plan's
// report is megabytes: it is written by hand, the findings in chunks on
// every core, rather than built as issues and encoded, then indented, in
// memory on one.
func GitLab(w io.Writer, r *Report, o Options) error {
	active := make([]int, 0, len(r.Findings))
	for i := range r.Findings {
		if r.Findings[i].Active() {
			active = append(active, i)
		}
	}
	out := &jsonOut{w: w, b: make([]byte, 0, 96<<10), v1: true}
	out.open('[')
	out.elems(len(active), func(c *jsonOut, k int) {
		f := &r.Findings[active[k]]
		path := o.gitlabPath(f.Range.Filename)
		appendGitLabIssue(c, r.gitlabDescription(f), r.checkName(f.RuleID), findingFingerprint(f, path), levelOf(f.Severity).gitlab, path, max(f.Range.Start.Line, 1))
	})
	for i := range r.Errors {
		g := o.gitlabErrorIssue(&r.Errors[i])
		out.elem()
		appendGitLabIssue(out, g.Description, g.CheckName, g.Fingerprint, g.Severity, g.Location.Path, g.Location.Lines.Begin)
	}
	out.close(']')
	out.b = append(out.b, '\n')
	return out.flush()
}

// appendGitLabIssue writes an issue as encoding/json writes gitlabIssue.
func appendGitLabIssue(out *jsonOut, description, checkName, fingerprint, severity, path string, line int) {
	out.open('{')
	out.strField("description", description)
	out.strField("check_name", checkName)
	out.strField("fingerprint", fingerprint)
	out.strField("severity", severity)
	out.key("location")
	out.open('{')
	out.strField("path", path)
	out.key("lines")
	out.open('{')
	out.intField("begin", line)
	out.close('}')
	out.close('}')
	out.close('}')
}

// gitlabDescription is a finding's message for people, with its resource
// before it: its text escaped as forHumans escapes it, while fingerprints
// keep the raw text.
func (r *Report) gitlabDescription(f *finding.Finding) string {
	desc := Escape(f.Message)
	if f.IsResource() {
		desc = finding.Qualified(Escape(f.Root), Escape(f.Address)) + ": " + desc
	}
	return desc
}

// gitlabIssuesOf is the report as Code Quality issues, in the order GitLab
// writes them; encoding/json over them is what GitLab prints (the
// reference, in tests).
func gitlabIssuesOf(r *Report, o Options) []gitlabIssue {
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
	for i := range r.Errors {
		issues = append(issues, o.gitlabErrorIssue(&r.Errors[i]))
	}
	return issues
}

// gitlabErrorIssue is a refused root as an issue: Code Quality has no
// other way to show that part of the merge request was not checked.
func (o Options) gitlabErrorIssue(e *finding.InputError) gitlabIssue {
	path := e.File
	if path == "" {
		path = e.Root
	}
	path = o.gitlabPath(path)
	return gitlabIssue{
		Description: errorLine(e),
		CheckName:   "sovlint input error",
		Fingerprint: fingerprint("input-error", e.Root, e.File, e.Msg),
		Severity:    "critical",
		Location:    gitlabLocation{Path: path, Lines: gitlabLines{Begin: max(e.Line, 1)}},
	}
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
