package settings

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// catalogSettings are the catalog and policies a scan runs with once the
// repository's .sovlint.hcl has had its say.
type catalogSettings struct {
	Catalog *providers.Catalog
	Policy  rules.Policy
	Class   analyzer.ClassificationPolicy
}

// catalogConfig turns a configuration (nil when there is none) into the
// catalog, rule policy and classification policy of a scan at now: the
// embedded catalog extended with the file's source and provider blocks,
// and the defaults changed by its policy block. Errors are hcl.Diagnostics
// naming the configuration file and line.
func catalogConfig(cfg *config.Config, now time.Time) (catalogSettings, error) {
	cat := providers.Default()
	if cfg != nil && cfg.Catalog != nil {
		ext, err := providers.Extend(cat, cfg.Catalog, cfg.Path)
		if err != nil {
			return catalogSettings{}, err
		}
		cat = ext
	}
	set := catalogSettings{Catalog: cat, Policy: rules.DefaultPolicy(cat, now), Class: analyzer.DefaultPolicy()}
	if cfg == nil || cfg.Policy == nil {
		return set, nil
	}
	var diags hcl.Diagnostics
	pol := cfg.Policy
	if pol.Residency != nil {
		res, d := residencyPolicy(cat, pol)
		diags = append(diags, d...)
		set.Policy.Residency = res
	}
	if pol.ClassificationKeys != nil {
		if len(pol.ClassificationKeys) == 0 {
			diags = append(diags, configError(pol.DefRange, "classification_keys is empty: no resource could ever be classified"))
		}
		set.Class.Keys = nil
		for _, k := range pol.ClassificationKeys {
			set.Class.Keys = append(set.Class.Keys, analyzer.NormaliseTagKey(k))
		}
	}
	if len(pol.Levels) > 0 {
		levels, require, d := classificationLevels(pol.Levels)
		diags = append(diags, d...)
		set.Class.Levels = levels
		set.Policy.Require = require
	}
	diags = append(diags, unknownClassification(pol, set.Policy.Require)...)
	if diags.HasErrors() {
		return catalogSettings{}, diags
	}
	return set, nil
}

var countryCodeRe = regexp.MustCompile(`^[A-Z]{2}$`)

// residencyPolicy reads policy.residency: country group names the catalog
// knows ("eu", "eea"), otherwise ISO country codes ("CH").
func residencyPolicy(cat *providers.Catalog, pol *config.Policy) (providers.ResidencyPolicy, hcl.Diagnostics) {
	var (
		groups, extra []string
		diags         hcl.Diagnostics
	)
	if len(pol.Residency) == 0 {
		diags = append(diags, configError(pol.DefRange, "residency is empty: no location would be acceptable (the default is [\"eu\"])"))
	}
	for _, entry := range pol.Residency {
		e := strings.TrimSpace(entry)
		switch {
		case cat.CountryGroup(e) != nil:
			groups = append(groups, strings.ToLower(e))
		case countryCodeRe.MatchString(strings.ToUpper(e)):
			extra = append(extra, strings.ToUpper(e))
		default:
			diags = append(diags, configError(pol.DefRange, "residency: %q is neither a country group (eu, eea) nor an ISO 3166-1 alpha-2 country code", entry))
		}
	}
	return cat.Residency(groups, extra), diags
}

// classificationLevels reads the level blocks: the tag values that mean
// each level, most restrictive first, and the rules each level requires.
func classificationLevels(blocks []config.Level) ([]analyzer.Level, map[string][]string, hcl.Diagnostics) {
	var (
		levels  []analyzer.Level
		require = map[string][]string{}
		diags   hcl.Diagnostics
	)
	for _, lb := range blocks {
		name := strings.ToLower(strings.TrimSpace(lb.Name))
		switch {
		case name == "" || name == "unknown" || name == "ignore":
			diags = append(diags, configError(lb.DefRange, "level %q: this name is reserved", lb.Name))
			continue
		case require[name] != nil:
			diags = append(diags, configError(lb.DefRange, "level %q is declared twice", lb.Name))
			continue
		}
		lvl := analyzer.Level{Name: name}
		for _, v := range lb.Values {
			lvl.Values = append(lvl.Values, strings.ToLower(strings.TrimSpace(norm.NFC.String(v))))
		}
		ids := []string{}
		for _, id := range lb.Require {
			r := rules.ByID(strings.TrimSpace(id))
			if r == nil || r.Check == nil {
				diags = append(diags, configError(lb.DefRange, "level %q requires %q, which is not a rule sovlint checks (%s)", lb.Name, id, checkedRules()))
				continue
			}
			if !slices.Contains(ids, r.ID) {
				ids = append(ids, r.ID)
			}
		}
		slices.Sort(ids)
		levels = append(levels, lvl)
		require[name] = ids
	}
	return levels, require, diags
}

// unknownClassification sets which level a resource whose classification
// cannot be determined is held to: "sensitive" by default (fail closed),
// any declared level, or "ignore". With levels declared and no choice
// made, it is the level named sensitive, else the most restrictive one.
func unknownClassification(pol *config.Policy, require map[string][]string) hcl.Diagnostics {
	choice := strings.ToLower(strings.TrimSpace(pol.UnknownClassification))
	if choice == "" {
		if len(pol.Levels) == 0 {
			return nil // the default policy already holds unknown to sensitive
		}
		choice = "sensitive"
		if _, ok := require[choice]; !ok {
			choice = strings.ToLower(strings.TrimSpace(pol.Levels[0].Name))
		}
	}
	if choice == "ignore" {
		delete(require, "unknown")
		return nil
	}
	ids, ok := require[choice]
	if !ok || choice == "unknown" {
		return hcl.Diagnostics{configError(pol.DefRange, "unknown_classification = %q names no level (want a declared level, \"sensitive\" or \"ignore\")", pol.UnknownClassification)}
	}
	require["unknown"] = slices.Clone(ids)
	return nil
}

func checkedRules() string {
	var ids []string
	for _, r := range rules.All {
		if r.Check != nil {
			ids = append(ids, r.ID)
		}
	}
	return "known: " + strings.Join(ids, ", ")
}

func configError(rng hcl.Range, format string, args ...any) *hcl.Diagnostic {
	r := rng
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf(format, args...), Subject: &r}
}
