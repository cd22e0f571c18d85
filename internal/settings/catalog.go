package settings

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/addrs"
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
// embedded catalog, or the bundle given with --catalog (else the file's
// catalog { path }), extended with the file's source and provider blocks,
// and the defaults changed by its policy block. Errors are hcl.Diagnostics
// naming the configuration file and line.
func catalogConfig(cfg *config.Config, bundle string, now time.Time) (catalogSettings, error) {
	cat := providers.Default()
	if bundle == "" {
		bundle = cfg.BundlePath()
	}
	if bundle != "" {
		b, err := providers.LoadBundle(bundle)
		if err != nil {
			return catalogSettings{}, err
		}
		cat = b
	}
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
	// Certifications the policy block (or its preset) names for every
	// level that requires rules; certsSet tells an empty list from none.
	var (
		policyCerts []string
		certsSet    bool
	)
	if pol.Preset != "" {
		pr := PresetByName(pol.Preset)
		if pr == nil {
			diags = append(diags, configError(pol.DefRange, "preset %q is not a preset sovlint knows (%s)", pol.Preset, presetNames()))
		} else {
			set.Policy.Residency = cat.Residency(pr.Residency, nil)
			ids := slices.Sorted(slices.Values(pr.Rules))
			set.Policy.Require = map[string][]string{"sensitive": ids, "unknown": slices.Clone(ids)}
			policyCerts, certsSet = pr.Certifications, true
		}
	}
	if pol.Residency != nil {
		res, d := residencyPolicy(cat, pol)
		diags = append(diags, d...)
		set.Policy.Residency = res
	}
	if pol.Certifications != nil {
		policyCerts, certsSet = pol.Certifications, true
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
	certs, d := certificationPolicy(cat, pol, set.Policy.Require, policyCerts, certsSet)
	diags = append(diags, d...)
	unknownLevel, d := unknownClassification(pol, set.Policy.Require)
	diags = append(diags, d...)
	switch _, held := set.Policy.Require["unknown"]; {
	case !held: // the policy ignores unclassifiable resources
		delete(certs, "unknown")
	case unknownLevel != "unknown":
		if c, ok := certs[unknownLevel]; ok {
			certs["unknown"] = c
		}
	}
	diags = append(diags, requireCertificationRules(pol, set.Policy.Require, certs)...)
	if len(certs) > 0 {
		set.Policy.Certifications = certs
	}
	defaults, d := classifyBlocks(pol.Classify, set.Class, set.Policy.Require)
	diags = append(diags, d...)
	set.Class.Defaults = defaults
	if diags.HasErrors() {
		return catalogSettings{}, diags
	}
	return set, nil
}

// certificationPolicy reads which certifications each level requires: a
// level block's own certifications, else the policy's (or its preset's)
// for every level that requires rules. The "unknown" level of a policy
// with level blocks follows the level it is held to.
func certificationPolicy(cat *providers.Catalog, pol *config.Policy, require map[string][]string, policyCerts []string, certsSet bool) (map[string][]providers.Requirement, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	out := map[string][]providers.Requirement{}
	shared, d := parseRequirements(cat, policyCerts, "policy", pol.DefRange)
	diags = append(diags, d...)
	own := map[string]bool{}
	for _, lb := range pol.Levels {
		if lb.Certifications == nil {
			continue
		}
		name := strings.ToLower(strings.TrimSpace(lb.Name))
		reqs, d := parseRequirements(cat, lb.Certifications, fmt.Sprintf("level %q", lb.Name), lb.DefRange)
		diags = append(diags, d...)
		own[name] = true
		if len(reqs) > 0 {
			out[name] = reqs
		}
	}
	if !certsSet || len(shared) == 0 {
		return out, diags
	}
	for level, ids := range require {
		if !own[level] && len(ids) > 0 {
			out[level] = shared
		}
	}
	return out, diags
}

// parseRequirements reads a certifications list: each entry a scheme the
// catalog knows, at most once, with an optional minimum level.
func parseRequirements(cat *providers.Catalog, list []string, where string, rng hcl.Range) ([]providers.Requirement, hcl.Diagnostics) {
	var (
		out   []providers.Requirement
		diags hcl.Diagnostics
	)
	for _, entry := range list {
		req, err := cat.ParseRequirement(entry)
		if err != nil {
			diags = append(diags, configError(rng, "%s certifications: %v", where, err))
			continue
		}
		if slices.ContainsFunc(out, func(r providers.Requirement) bool { return r.Scheme == req.Scheme }) {
			diags = append(diags, configError(rng, "%s certifications name %s twice: give one minimum level", where, req.Scheme.ID))
			continue
		}
		out = append(out, req)
	}
	return out, diags
}

// requireCertificationRules adds to each level the rules its
// certifications are checked by: SOV001 for SecNumCloud, SOV007 for the
// other schemes. A level that requires SOV007 without any certification
// is a mistake worth saying: the rule would check nothing.
func requireCertificationRules(pol *config.Policy, require map[string][]string, certs map[string][]providers.Requirement) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for level, ids := range require {
		reqs := certs[level]
		add := func(id string) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		for _, r := range reqs {
			if r.Scheme.ID == providers.SchemeSecNumCloud {
				add(rules.NotSecNumCloud.ID)
			} else {
				add(rules.MissingCertification.ID)
			}
		}
		needs := slices.ContainsFunc(reqs, func(r providers.Requirement) bool { return r.Scheme.ID != providers.SchemeSecNumCloud })
		if slices.Contains(ids, rules.MissingCertification.ID) && !needs && level != "unknown" {
			rng := pol.DefRange
			for _, lb := range pol.Levels {
				if strings.EqualFold(strings.TrimSpace(lb.Name), level) {
					rng = lb.DefRange
				}
			}
			diags = append(diags, configError(rng, "level %q requires SOV007 but names no certification other than secnumcloud for it to check (set certifications)", level))
		}
		slices.Sort(ids)
		require[level] = ids
	}
	return diags
}

// countryCodeRe is compiled when first needed, not by every command at start.
var countryCodeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]{2}$`) })

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
		case countryCodeRe().MatchString(strings.ToUpper(e)):
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
func unknownClassification(pol *config.Policy, require map[string][]string) (string, hcl.Diagnostics) {
	choice := strings.ToLower(strings.TrimSpace(pol.UnknownClassification))
	if choice == "" {
		if len(pol.Levels) == 0 {
			return "unknown", nil // the default policy already holds unknown to sensitive
		}
		choice = "sensitive"
		if _, ok := require[choice]; !ok {
			choice = strings.ToLower(strings.TrimSpace(pol.Levels[0].Name))
		}
	}
	if choice == "ignore" {
		delete(require, "unknown")
		return "", nil
	}
	ids, ok := require[choice]
	if !ok || choice == "unknown" {
		return "", hcl.Diagnostics{configError(pol.DefRange, "unknown_classification = %q names no level (want a declared level, \"sensitive\" or \"ignore\")", pol.UnknownClassification)}
	}
	require["unknown"] = slices.Clone(ids)
	return choice, nil
}

// classifyBlocks reads the classify blocks: default classifications for
// untagged resources. The level must be one the policy knows, by name or
// by one of its values; the selectors must parse.
func classifyBlocks(blocks []config.Classify, class analyzer.ClassificationPolicy, require map[string][]string) ([]analyzer.DefaultClass, hcl.Diagnostics) {
	var (
		out   []analyzer.DefaultClass
		diags hcl.Diagnostics
	)
	for _, cb := range blocks {
		d := analyzer.DefaultClass{Level: cb.Level, Types: cb.Types, Range: cb.DefRange}
		level, matched := class.LevelOf(cb.Level)
		if _, ok := require[level]; !ok || !matched {
			diags = append(diags, configError(cb.DefRange, "classify: level %q is not a level of the policy (%s)", cb.Level, levelNames(class)))
			continue
		}
		for _, list := range []struct {
			what  string
			pats  []string
			globs *[]addrs.Glob
		}{{"addresses", cb.Addresses, &d.Addresses}, {"modules", cb.Modules, &d.Modules}} {
			for _, p := range list.pats {
				g, err := addrs.ParseGlob(p)
				if err != nil || (list.what == "modules" && !strings.HasPrefix(strings.TrimSpace(p), "module.")) {
					diags = append(diags, configError(cb.DefRange, "classify: %s entry %q is not a valid %s", list.what, p, map[string]string{"addresses": "address glob", "modules": "module call (module.NAME…)"}[list.what]))
					continue
				}
				*list.globs = append(*list.globs, g)
			}
		}
		for _, t := range cb.Types {
			if _, err := path.Match(t, ""); err != nil {
				diags = append(diags, configError(cb.DefRange, "classify: types entry %q is not a valid glob", t))
			}
		}
		out = append(out, d)
	}
	return out, diags
}

func levelNames(class analyzer.ClassificationPolicy) string {
	names := make([]string, len(class.Levels))
	for i, l := range class.Levels {
		names[i] = l.Name
	}
	return "levels: " + strings.Join(names, ", ")
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
