package cli

import (
	"fmt"
	"io"

	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/suppress"
)

// writeBaseline records the findings in a baseline file and says so on
// stderr.
func writeBaseline(s *Streams, path string, findings []finding.Finding) error {
	var n int
	err := streamToFile(path, func(w io.Writer) (err error) {
		n, err = suppress.WriteBaseline(w, findings)
		return err
	})
	if err != nil {
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
