package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/sovlint/sovlint/finding"
)

// What the machine formats read of a finding, beyond its fields.

// fingerprint identifies a finding across runs. It hashes what names the
// problem (rule, resource address, ...) and never the line, so that it does
// not change when code moves.
func fingerprint(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// findingFingerprint hashes the rule, the address and, for a root other
// than the scanned input itself, the root: two roots declaring the same
// address are two alerts, and a single-root scan keeps the fingerprints it
// had before roots were recorded.
func findingFingerprint(f *finding.Finding, more ...string) string {
	parts := []string{f.RuleID, f.Address}
	parts = append(parts, more...)
	if !finding.IsTop(f.Root) {
		parts = append(parts, "root="+f.Root)
	}
	return fingerprint(parts...)
}

// displayRoot is a root as printed beside a finding: "" for the top root.
func displayRoot(root string) string {
	if finding.IsTop(root) {
		return ""
	}
	return root
}

// position is "file:line", "file" when the line is unknown, or "".
func position(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

// checkName is "SOV001 not-secnumcloud", or the bare ID for an unknown rule.
func (r *Report) checkName(id string) string {
	if rule := r.rule(id); rule != nil {
		return rule.ID + " " + rule.Name
	}
	return id
}
