package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// Compact prints one line per active finding, the way compilers and most
// linters do, for editors' problem matchers, grep and sort:
//
//	infra/main.tf:12: error: aws_s3_bucket.b: region "us-east-1" is in US, outside the EU [SOV003 outside-eu]
//
// A finding without a line has FILE: only; one without a file (a plan read
// from stdin) has "(stdin):". Nothing else is printed: the exit status and
// the other formats carry the rest. A large plan's lines are encoded on
// every core.
func Compact(w io.Writer, r *Report, _ Options) error {
	r = r.forHumans()
	bw := bufio.NewWriter(w)
	var cw chunkWriter
	if err := cw.write(bw, len(r.Findings), func(b []byte, lo, hi int) ([]byte, error) {
		for i := lo; i < hi; i++ {
			if f := &r.Findings[i]; f.Active() {
				b = appendCompact(b, r, f)
			}
		}
		return b, nil
	}); err != nil {
		return err
	}
	return bw.Flush()
}

// appendCompact appends a finding's line: FILE:LINE: severity: ADDRESS:
// message [RULE name], the message on one line whatever it holds.
func appendCompact(b []byte, r *Report, f *finding.Finding) []byte {
	if f.Range.Filename == "" {
		b = append(b, stdinPath...)
	} else {
		b = append(b, f.Range.Filename...)
	}
	if f.Range.Start.Line > 0 {
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Range.Start.Line), 10)
	}
	b = append(b, ": "...)
	b = append(b, f.Severity.String()...)
	b = append(b, ": "...)
	msg := f.Message
	if f.IsResource() {
		msg = f.Address + ": " + msg
	}
	first := true
	for field := range strings.FieldsSeq(msg) {
		if !first {
			b = append(b, ' ')
		}
		b = append(b, field...)
		first = false
	}
	b = append(b, " ["...)
	b = append(b, r.checkName(f.RuleID)...)
	return append(b, "]\n"...)
}
