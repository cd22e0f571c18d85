package settings

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/rules"
)

// ruleSettings are the configuration's rule blocks: severity overrides and
// disabled rules, by rule ID.
type ruleSettings struct {
	severity map[string]finding.Severity
	disabled map[string]bool
}

func ruleSettingsFrom(cfg *config.Config) (ruleSettings, error) {
	s := ruleSettings{severity: map[string]finding.Severity{}, disabled: map[string]bool{}}
	var diags hcl.Diagnostics
	seen := map[string]bool{}
	bad := func(rs *config.RuleSetting, format string, args ...any) {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid rule setting", Detail: fmt.Sprintf(format, args...), Subject: rs.DefRange.Ptr()})
	}
	for i := range cfg.Rules {
		rs := &cfg.Rules[i]
		rule := rules.ByID(rs.ID)
		if rule == nil {
			bad(rs, "unknown rule %q (see sovlint explain)", rs.ID)
			continue
		}
		if seen[rule.ID] {
			bad(rs, "rule %s is configured twice", rule.ID)
			continue
		}
		seen[rule.ID] = true
		if rs.Severity != "" {
			sev, err := finding.ParseSeverity(rs.Severity)
			if err != nil {
				bad(rs, "%s: %v", rule.ID, err)
				continue
			}
			s.severity[rule.ID] = sev
		}
		if rs.Enabled != nil && !*rs.Enabled {
			s.disabled[rule.ID] = true
		}
	}
	if diags.HasErrors() {
		return ruleSettings{}, diags
	}
	return s, nil
}

// override applies the command line's --only, --disable-rule and
// --enable-rule, in that order, over the configuration's rule blocks. An
// unknown rule ID is an error, not a rule silently left running.
func (s *ruleSettings) override(f RuleFlags) error {
	ids := func(flag string, list []string) ([]string, error) {
		var out []string
		for _, id := range list {
			r := rules.ByID(id)
			if r == nil {
				return nil, fmt.Errorf("--%s: unknown rule %q (see sovlint explain)", flag, id)
			}
			out = append(out, r.ID)
		}
		return out, nil
	}
	only, err := ids("only", f.Only)
	if err != nil {
		return err
	}
	disable, err := ids("disable-rule", f.Disable)
	if err != nil {
		return err
	}
	enable, err := ids("enable-rule", f.Enable)
	if err != nil {
		return err
	}
	if len(only) > 0 {
		for _, r := range rules.All {
			s.disabled[r.ID] = !slices.Contains(only, r.ID)
		}
	}
	for _, id := range disable {
		s.disabled[id] = true
	}
	for _, id := range enable {
		delete(s.disabled, id)
	}
	return nil
}

// applyTo overrides the policy's severities and removes disabled rules
// from every classification level's requirements, so that a disabled rule
// never runs. It copies what it changes: policies share their slices.
func (s ruleSettings) applyTo(pol *rules.Policy) {
	if len(s.severity) > 0 {
		sev := maps.Clone(pol.Severity)
		if sev == nil {
			sev = map[string]finding.Severity{}
		}
		maps.Copy(sev, s.severity)
		pol.Severity = sev
	}
	if len(s.disabled) > 0 {
		req := make(map[string][]string, len(pol.Require))
		for level, ids := range pol.Require {
			req[level] = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return s.disabled[id] })
		}
		pol.Require = req
	}
}

// settle applies the rule settings to the suppression stage's own (SOV000)
// findings, which no rule's Check produces: dropped when SOV000 is
// disabled, else given its configured severity.
func (s ruleSettings) settle(meta []finding.Finding) []finding.Finding {
	id := finding.SuppressionRuleID
	if s.disabled[id] {
		return nil
	}
	if sev, ok := s.severity[id]; ok {
		for i := range meta {
			meta[i].Severity = sev
		}
	}
	return meta
}
