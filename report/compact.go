package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Compact prints one line per active finding, the way compilers and most
// linters do, for editors' problem matchers, grep and sort:
//
//	infra/main.tf:12: error: aws_s3_bucket.b: region "us-east-1" is in US, outside the EU [SOV003 outside-eu]
//
// A finding without a line has FILE: only; one without a file (a plan read
// from stdin) has "(stdin):". Nothing else is printed: the exit status and
// the other formats carry the rest.
func Compact(w io.Writer, r *Report, _ Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Active() {
			continue
		}
		pos := f.Range.Filename
		if pos == "" {
			pos = stdinPath
		}
		if f.Range.Start.Line > 0 {
			pos += fmt.Sprintf(":%d", f.Range.Start.Line)
		}
		msg := f.Message
		if f.IsResource() {
			msg = f.Address + ": " + msg
		}
		// One line whatever the message holds.
		msg = strings.Join(strings.Fields(msg), " ")
		fmt.Fprintf(bw, "%s: %s: %s [%s]\n", pos, f.Severity, msg, r.checkName(f.RuleID))
	}
	return bw.Flush()
}
