package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/engine"
	"github.com/sovlint/sovlint/rules"
)

// failThreshold is the severity at which findings fail the run: --fail-on
// when given, else the configuration's policy fail_on, else the flag's
// default.
func failThreshold(flag string, flagSet bool, cfg *config.Config) (rules.Severity, error) {
	if !flagSet && cfg != nil && cfg.Policy != nil && cfg.Policy.FailOn != "" {
		sev, err := rules.ParseSeverity(cfg.Policy.FailOn)
		if err != nil {
			return rules.SeverityInvalid, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid fail_on",
				Detail:   err.Error(),
				Subject:  cfg.Policy.DefRange.Ptr(),
			}}
		}
		return sev, nil
	}
	sev, err := rules.ParseSeverity(flag)
	if err != nil {
		return rules.SeverityInvalid, fmt.Errorf("--fail-on: %w", err)
	}
	return sev, nil
}

// writeBaseline records the findings in a baseline file and says so on
// stderr.
func writeBaseline(s *Streams, path string, findings []rules.Finding) error {
	var buf bytes.Buffer
	n, err := engine.WriteBaseline(&buf, findings)
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

// relativeToWorkDir returns a discovered (absolute) path relative to the
// working directory when it lies below it: findings and suppressions point
// into the configuration file, and CI annotations need repository-relative
// paths, as the user gave the inputs.
func relativeToWorkDir(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
