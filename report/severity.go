package report

import "github.com/sovlint/sovlint/finding"

// levelNames is one severity in each machine format's vocabulary.
type levelNames struct {
	sarif  string // result.level
	junit  string // failure type
	github string // workflow command
	gitlab string // Code Quality severity
}

// levels is the one table that maps sovlint severities to the formats', so
// the formats cannot disagree on how serious a finding is.
var levels = map[finding.Severity]levelNames{
	finding.SeverityError:   {sarif: "error", junit: "error", github: "error", gitlab: "major"},
	finding.SeverityWarning: {sarif: "warning", junit: "warning", github: "warning", gitlab: "minor"},
	finding.SeverityNotice:  {sarif: "note", junit: "notice", github: "notice", gitlab: "info"},
}

// levelOf returns a severity's names; an invalid severity is printed as an
// error, so that a bug cannot soften a finding.
func levelOf(s finding.Severity) levelNames {
	if l, ok := levels[s]; ok {
		return l
	}
	return levels[finding.SeverityError]
}
