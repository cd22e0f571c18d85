package finding

// RuleDoc is what printers show of a rule: the rules package owns the
// checks, printers see only this.
type RuleDoc struct {
	ID          string // SOV001
	Name        string // not-secnumcloud
	Summary     string // one line, lowercase, no trailing period
	Severity    Severity
	Remediation string
	URL         string // the rule's documentation page
	Doc         string // the full documentation, Markdown
}
