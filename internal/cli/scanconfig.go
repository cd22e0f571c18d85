package cli

import (
	"bytes"
	"fmt"
	"os"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/suppress"
)

// writeBaseline records the findings in a baseline file and says so on
// stderr.
func writeBaseline(s *Streams, path string, findings []finding.Finding) error {
	var buf bytes.Buffer
	n, err := suppress.WriteBaseline(&buf, findings)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil { //nolint:gosec // a baseline is committed to the repository
		return &exitError{code: ExitError, err: fmt.Errorf("writing baseline: %w", err)}
	}
	fmt.Fprintf(s.Err, "sovlint: wrote %d %s to the baseline %s\n", n, pluralFindings(n), path)
	return nil
}

func pluralFindings(n int) string {
	if n == 1 {
		return "finding"
	}
	return "findings"
}
