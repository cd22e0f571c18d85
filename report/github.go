package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/sovlint/sovlint/finding"
)

// GitHub prints GitHub Actions workflow commands (::error file=…,line=…::…),
// which the runner turns into annotations on the pull request's files. Only
// active findings are printed: a suppressed finding is not a problem. A
// large plan's commands (megabytes) are encoded on every core.
func GitHub(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	// Refused roots first: GitHub shows only the first annotations of each
	// type, and a part of the repository that was not scanned matters more
	// than any one finding.
	var b []byte
	for i := range r.Errors {
		e := &r.Errors[i]
		shown["error"]++
		b = appendGitHubCommand(b[:0], "error", o.githubPath(e.File), e.Line, 0, "sovlint: not scanned", errorLine(e))
		_, _ = bw.Write(b) // bufio keeps the error for Flush
	}
	for f := range r.Active() {
		shown[levelOf(f.Severity).github]++
	}
	var cw chunkWriter
	err := cw.write(bw, len(r.Findings), func(b []byte, lo, hi int) ([]byte, error) {
		paths := map[string]string{} // a plan's findings share one file
		for i := lo; i < hi; i++ {
			f := &r.Findings[i]
			if !f.Active() {
				continue
			}
			path, ok := paths[f.Range.Filename]
			if !ok {
				path = o.githubPath(f.Range.Filename)
				paths[f.Range.Filename] = path
			}
			b = appendGitHubFinding(b, r, f, path)
		}
		return b, nil
	})
	if err != nil {
		return err
	}
	for _, wn := range r.Warnings {
		shown["warning"]++
		b = appendGitHubCommand(b[:0], "warning", o.githubPath(wn.File), wn.Line, 0, "sovlint", wn.Message)
		_, _ = bw.Write(b) // bufio keeps the error for Flush
	}
	githubOverflow(bw, shown)
	if !o.Quiet {
		fmt.Fprintln(bw, summaryLine(r))
	}
	return bw.Flush()
}

// appendGitHubFinding appends a finding's command: for a resource, the
// message names it and ends with the rule's fix.
func appendGitHubFinding(b []byte, r *Report, f *finding.Finding, path string) []byte {
	b = appendGitHubHead(b, levelOf(f.Severity).github, path, f.Range.Start.Line, f.Range.End.Line, r.checkName(f.RuleID))
	if f.IsResource() {
		if !finding.IsTop(f.Root) {
			b = appendGitHubEscaped(b, f.Root, false)
			b = append(b, ": "...)
		}
		b = appendGitHubEscaped(b, f.Address, false)
		b = append(b, ": "...)
	}
	b = appendGitHubEscaped(b, f.Message, false)
	if f.IsResource() {
		if rule := r.rule(f.RuleID); rule != nil {
			b = append(b, "%0Afix: "...)
			b = appendGitHubEscaped(b, rule.Remediation, false)
		}
	}
	return append(b, '\n')
}

// appendGitHubCommand appends one workflow command.
func appendGitHubCommand(b []byte, command, file string, line, endLine int, title, msg string) []byte {
	b = appendGitHubHead(b, command, file, line, endLine, title)
	b = appendGitHubEscaped(b, msg, false)
	return append(b, '\n')
}

// appendGitHubHead appends a command up to its message:
// ::command file=…,line=…,endLine=…,title=…::
func appendGitHubHead(b []byte, command, file string, line, endLine int, title string) []byte {
	b = append(b, "::"...)
	b = append(b, command...)
	b = append(b, ' ')
	if file != "" {
		b = append(b, "file="...)
		b = appendGitHubEscaped(b, file, true)
		b = append(b, ',')
		if line > 0 {
			b = append(b, "line="...)
			b = strconv.AppendInt(b, int64(line), 10)
			b = append(b, ',')
			if endLine > line {
				b = append(b, "endLine="...)
				b = strconv.AppendInt(b, int64(endLine), 10)
				b = append(b, ',')
			}
		}
	}
	b = append(b, "title="...)
	b = appendGitHubEscaped(b, title, true)
	return append(b, "::"...)
}

// appendGitHubEscaped appends s escaped as the runner's parser requires:
// %, CR and LF in a message; a property's value also escapes the ":" and
// "," that delimit properties.
func appendGitHubEscaped(b []byte, s string, property bool) []byte {
	start := 0
	for i := range len(s) {
		var esc string
		switch s[i] {
		case '%':
			esc = "%25"
		case '\r':
			esc = "%0D"
		case '\n':
			esc = "%0A"
		case ':':
			if property {
				esc = "%3A"
			}
		case ',':
			if property {
				esc = "%2C"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

// githubAnnotationLimit is how many annotations of each type (error,
// warning, notice) GitHub shows for one step; it drops the rest silently.
const githubAnnotationLimit = 10

// githubOverflow says, in the log, how many annotations of each type
// GitHub will not show and where they are, so that a pull request with 25
// errors does not look like one with 10.
func githubOverflow(w io.Writer, shown map[string]int) {
	for _, level := range []string{"error", "warning", "notice"} {
		if n := shown[level] - githubAnnotationLimit; n > 0 {
			fmt.Fprintf(w, "sovlint: GitHub shows the first %d %s annotations of a step: %d more %s not annotated; all %d are in the job summary, the SARIF report (code scanning) and this log above\n",
				githubAnnotationLimit, level, n, plural(n, level+" is", level+"s are"), shown[level])
		}
	}
}

// githubPath is a file as annotations need it: relative to the repository
// root (GitHub matches annotations to the pull request's files by that
// path); as given when it is outside the root.
func (o Options) githubPath(name string) string {
	p, _ := o.repoPath(name)
	return p
}
