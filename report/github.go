package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// GitHub prints GitHub Actions workflow commands (::error file=…,line=…::…),
// which the runner turns into annotations on the pull request's files. Only
// active findings are printed: a suppressed finding is not a problem.
func GitHub(w io.Writer, r *Report, o Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	// Refused roots first: GitHub shows only the first annotations of each
	// type, and a part of the repository that was not scanned matters more
	// than any one finding.
	for i := range r.Errors {
		e := &r.Errors[i]
		shown["error"]++
		githubCommand(bw, "error", o.githubPath(e.File), e.Line, 0, "sovlint: not scanned", errorLine(e))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		title := r.checkName(f.RuleID)
		msg := f.Message
		if f.IsResource() {
			msg = finding.Qualified(f.Root, f.Address) + ": " + msg
			if rule := r.rule(f.RuleID); rule != nil {
				msg += "\nfix: " + rule.Remediation
			}
		}
		level := levelOf(f.Severity).github
		shown[level]++
		githubCommand(bw, level, o.githubPath(f.Range.Filename), f.Range.Start.Line, f.Range.End.Line, title, msg)
	}
	for _, wn := range r.Warnings {
		shown["warning"]++
		githubCommand(bw, "warning", o.githubPath(wn.File), wn.Line, 0, "sovlint", wn.Message)
	}
	githubOverflow(bw, shown)
	if !o.Quiet {
		fmt.Fprintln(bw, summaryLine(r))
	}
	return bw.Flush()
}

// githubCommand writes one workflow command. Properties are escaped more
// strictly than the message, as the runner's parser requires.
func githubCommand(w io.Writer, command, file string, line, endLine int, title, msg string) {
	var props []string
	if file != "" {
		props = append(props, "file="+githubProperty(file))
		if line > 0 {
			props = append(props, fmt.Sprintf("line=%d", line))
			if endLine > line {
				props = append(props, fmt.Sprintf("endLine=%d", endLine))
			}
		}
	}
	props = append(props, "title="+githubProperty(title))
	fmt.Fprintf(w, "::%s %s::%s\n", command, strings.Join(props, ","), githubData(msg))
}

// githubData escapes a command's message: %, CR and LF.
func githubData(s string) string {
	return githubDataEscapes.Replace(s)
}

// The escapes are built once: building a Replacer for every annotation
// was a fifth of the GitHub format's time.
var (
	githubDataEscapes     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubPropertyEscapes = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubProperty escapes a command property's value: as a message, plus
// the ":" and "," that delimit properties.
func githubProperty(s string) string {
	return githubPropertyEscapes.Replace(s)
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
