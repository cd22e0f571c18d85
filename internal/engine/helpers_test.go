package engine

import (
	"testing"

	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// scanned is a report with the assessed resources behind its rows.
type scanned struct {
	*report.Report
	Assessments []rules.Subject
}

func runScan(t *testing.T, inputs []Input, opt Options) (*scanned, error) {
	t.Helper()
	rep, subjects, err := run(inputs, opt)
	if err != nil {
		return nil, err
	}
	return &scanned{Report: rep, Assessments: subjects}, nil
}
