package suppress

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/addrs"
	"github.com/sovlint/sovlint/internal/pathglob"
	"github.com/sovlint/sovlint/rules"
)

// Exceptions turns the configuration's exception blocks into Waivers.
// A block that cannot be applied as written (an address that does not
// parse, an unknown rule, a date that is not YYYY-MM-DD) is a configuration
// error, reported with its file and line: a typo must not silently waive
// nothing, nor everything. A missing reason and an expired date are not
// errors: the suppression stage reports them as SOV000 findings.
func Exceptions(cfg *config.Config) ([]*Waiver, error) {
	var waivers []*Waiver
	var diags hcl.Diagnostics
	base := filepath.Dir(cfg.Path)
	for i := range cfg.Exceptions {
		ex := &cfg.Exceptions[i]
		w, err := exceptionWaiver(ex, base)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid exception",
				Detail:   err.Error(),
				Subject:  ex.DefRange.Ptr(),
			})
			continue
		}
		waivers = append(waivers, w)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return waivers, nil
}

func exceptionWaiver(ex *config.Exception, base string) (*Waiver, error) {
	if len(ex.Addresses) == 0 {
		return nil, fmt.Errorf("addresses is empty: name the resources it covers (globs such as module.legacy.* are allowed)")
	}
	globs := make([]addrs.Glob, 0, len(ex.Addresses))
	quoted := make([]string, 0, len(ex.Addresses))
	for _, a := range ex.Addresses {
		g, err := addrs.ParseGlob(a)
		if err != nil {
			return nil, fmt.Errorf("address %q: %w", a, err)
		}
		globs = append(globs, g)
		quoted = append(quoted, strconv.Quote(a))
	}
	var ids []string
	for _, id := range ex.Rules {
		rule := rules.ByID(id)
		switch rule {
		case nil:
			return nil, fmt.Errorf("unknown rule %q (see sovlint explain)", id)
		case rules.SuppressionRule:
			return nil, fmt.Errorf("%s reports suppressions themselves and cannot be waived", rule.ID)
		}
		ids = append(ids, rule.ID)
	}
	if ex.Expires != "" {
		if _, err := time.Parse(time.DateOnly, ex.Expires); err != nil {
			return nil, fmt.Errorf("expires = %q is not a date (YYYY-MM-DD)", ex.Expires)
		}
	}
	var inRoot func(string) bool
	if ex.Roots != nil {
		if len(ex.Roots) == 0 {
			return nil, fmt.Errorf("roots is empty: name the root module directories it covers, relative to %s, or leave it out for every root", config.FileName)
		}
		roots, err := pathglob.Compile(base, ex.Roots)
		if err != nil {
			return nil, fmt.Errorf("roots: %w", err)
		}
		inRoot = roots.Match
		var quotedRoots []string
		for _, r := range ex.Roots {
			quotedRoots = append(quotedRoots, strconv.Quote(r))
		}
		quoted[len(quoted)-1] += " in " + strings.Join(quotedRoots, ", ")
	}
	return &Waiver{
		Kind:  finding.SuppressedConfig,
		Rules: ids,
		Matches: func(f *finding.Finding) bool {
			for _, g := range globs {
				if g.Match(f.Address) {
					return true
				}
			}
			return false
		},
		Reason:       strings.TrimSpace(ex.Reason),
		Expires:      ex.Expires,
		Owner:        ex.Owner,
		Range:        ex.DefRange,
		What:         "exception for " + strings.Join(quoted, ", "),
		ReportUnused: true,
		InRoot:       inRoot,
	}, nil
}
