package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GitHub prints GitHub Actions workflow commands (::error file=…,line=…::…),
// which the runner turns into annotations on the pull request's files. Only
// active findings are printed: a suppressed finding is not a problem.
func GitHub(w io.Writer, r *Report, _ Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		title := r.checkName(f.RuleID)
		msg := f.Message
		if f.IsResource() {
			msg = f.Address + ": " + msg
			if rule := r.rule(f.RuleID); rule != nil {
				msg += "\nfix: " + rule.Remediation
			}
		}
		githubCommand(bw, levelOf(f.Severity).github, f.Range.Filename, f.Range.Start.Line, f.Range.End.Line, title, msg)
	}
	for _, wn := range r.Warnings {
		githubCommand(bw, "warning", wn.File, wn.Line, 0, "sovlint", wn.Message)
	}
	fmt.Fprintln(bw, summaryLine(r))
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
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a command property's value: as a message, plus
// the ":" and "," that delimit properties.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
