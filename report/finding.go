package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// What the machine formats read of a finding, beyond its fields.

// fingerprint identifies a finding across runs. It hashes what names the
// problem (rule, resource address, ...) and never the line, so that it does
// not change when code moves.
func fingerprint(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
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
