package report_test

import (
	"strings"
	"testing"

	"github.com/sovlint/sovlint/report"
)

// TestConfigNamed: every format but GitLab Code Quality (an array of
// issues, with no place for it) says which configuration the scan applied,
// since one can disable rules; SARIF stays valid.
func TestConfigNamed(t *testing.T) {
	rep := handmadeReport()
	rep.Config = "infra/.sovlint.hcl"
	want := map[string]string{
		"text":     "; configuration infra/.sovlint.hcl)",
		"github":   "; configuration infra/.sovlint.hcl)",
		"markdown": "Configuration `infra/.sovlint.hcl`.",
		"json":     `"config": "infra/.sovlint.hcl"`,
		"sarif":    `"sovlintConfig": "infra/.sovlint.hcl"`,
		"junit":    `<property name="sovlint.config" value="infra/.sovlint.hcl"></property>`,
	}
	for _, format := range report.Formats() {
		out := string(render(t, format, rep))
		if w, ok := want[format]; ok && !strings.Contains(out, w) {
			t.Errorf("%s does not name the configuration (want %q):\n%s", format, w, out)
		}
	}
	if err := validate(t, sarifSchema(t), render(t, "sarif", rep)); err != nil {
		t.Errorf("SARIF with a configuration does not validate: %v", err)
	}
	// Without one, nothing is said (the golden files hold the bytes).
	rep.Config = ""
	for _, format := range report.Formats() {
		if out := string(render(t, format, rep)); strings.Contains(out, "configuration infra") || strings.Contains(out, "sovlintConfig") || strings.Contains(out, `"config": "infra`) {
			t.Errorf("%s names a configuration that was not used", format)
		}
	}
}
