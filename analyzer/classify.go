package analyzer

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"

	"github.com/sovlint/sovlint/internal/addrs"
)

// ClassificationPolicy says which tag keys carry a data classification and
// which values mean which level, and how resources no tag classifies are
// classified.
type ClassificationPolicy struct {
	// Keys are tag keys, normalised with NormaliseTagKey.
	Keys []string
	// Levels are checked in order: the first level any classification tag
	// matches wins, so the most restrictive level comes first.
	Levels []Level
	// Defaults classify the resources no tag and no inline annotation
	// classifies; the first that selects a resource wins.
	Defaults []DefaultClass
}

// Classification sources: what decided a resource's classification.
const (
	ClassifiedByTag     = "tag"     // one of its tags (or its provider's default tags)
	ClassifiedByInline  = "inline"  // a # sovlint:classification comment on its block or module call
	ClassifiedByDefault = "default" // a classify block of .sovlint.hcl
)

// DefaultClass is a classify block of .sovlint.hcl: a level for the
// untagged resources it selects.
type DefaultClass struct {
	Level     string
	Addresses []addrs.Glob // resource address globs
	Modules   []addrs.Glob // module calls; each covers everything inside it
	Types     []string     // resource type globs
	Range     hcl.Range
}

// Selects reports whether the block selects an instance: it matches every
// selector the block sets.
func (d *DefaultClass) Selects(in *Instance) bool {
	if len(d.Addresses) > 0 && !slices.ContainsFunc(d.Addresses, func(g addrs.Glob) bool { return g.Match(in.Address) }) {
		return false
	}
	if len(d.Modules) > 0 && (in.Module == "" || !slices.ContainsFunc(d.Modules, func(g addrs.Glob) bool { return g.Match(in.Module) })) {
		return false
	}
	if len(d.Types) > 0 && !slices.ContainsFunc(d.Types, func(t string) bool { ok, _ := path.Match(t, in.Type); return ok }) {
		return false
	}
	return true
}

// InlineClass is a classification written in the sources on a resource
// block or on a module call that contains it:
//
//	# sovlint:classification sensitive
type InlineClass struct {
	Value string
	Range hcl.Range // the comment
}

// Level is a named classification level and the tag values that mean it.
// Values are compared normalised as tag keys are (NormaliseTagKey): the
// official marking "Diffusion Restreinte", DIFFUSION_RESTREINTE and
// diffusion-restreinte are one value.
type Level struct {
	Name   string
	Values []string
}

// matches reports whether a tag value, already normalised, is one of the
// level's values.
func (l *Level) matches(normalised string) bool {
	return slices.ContainsFunc(l.Values, func(v string) bool {
		// The level's values as written, normalised without a copy.
		eq, ascii := normalisedEqual(v, normalised)
		return eq || (!ascii && NormaliseTagKey(v) == normalised)
	})
}

// DefaultPolicy is the classification of DESIGN.md.
func DefaultPolicy() ClassificationPolicy {
	return ClassificationPolicy{
		Keys: []string{"dataclassification", "classification", "datasensitivity", "sensitivity", "confidentiality"},
		Levels: []Level{{
			Name:   "sensitive",
			Values: []string{"sensitive", "sensible", "secret", "restricted", "diffusion-restreinte", "dr"},
		}},
	}
}

// NormaliseTagKey lowercases a tag key (or a classification value) and
// drops '-', '_', '.' and spaces, so that Data-Classification,
// data_classification and DataClassification are one key, and "Diffusion
// Restreinte" and DIFFUSION_RESTREINTE one value. It is in Unicode's
// composed form (NFC): "confidentialité" typed with a combining accent is
// the same key as with a precomposed é.
func NormaliseTagKey(k string) string {
	if isNormalTagKey(k) {
		return k // the common case, which needs no copy
	}
	var b strings.Builder
	b.Grow(len(k))
	for _, r := range strings.ToLower(norm.NFC.String(k)) {
		if r == '-' || r == '_' || r == '.' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hasKey reports whether a tag key, as written, is one of the policy's
// keys: NormaliseTagKey(key) in Keys, without making the normalised key,
// which for every tag of every resource of a large plan showed in
// profiles.
func (p ClassificationPolicy) hasKey(key string) bool {
	for _, k := range p.Keys {
		if eq, ascii := normalisedEqual(key, k); eq || (!ascii && NormaliseTagKey(key) == k) {
			return true
		}
	}
	return false
}

// normalisedEqual reports whether NormaliseTagKey(raw) is want, for a raw
// key in ASCII; ascii is false, and the answer unknown, otherwise.
func normalisedEqual(raw, want string) (eq, ascii bool) {
	j := 0
	for i := range len(raw) {
		c := raw[i]
		switch {
		case c >= 0x80:
			return false, false
		case c == '-' || c == '_' || c == '.' || c == ' ' || c >= '\t' && c <= '\r':
			continue // dropped, as NormaliseTagKey drops them (ASCII spaces)
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if j >= len(want) || want[j] != c {
			// Still check the rest is ASCII: the answer is then known.
			for ; i < len(raw); i++ {
				if raw[i] >= 0x80 {
					return false, false
				}
			}
			return false, true
		}
		j++
	}
	return j == len(want), true
}

func isNormalTagKey(k string) bool {
	for i := range len(k) {
		switch c := k[i]; {
		case c >= 'A' && c <= 'Z', c >= 0x80, c <= ' ', c == '-', c == '_', c == '.':
			return false
		}
	}
	return true
}

// tag is one tag with where it was written.
type tag struct {
	key   string
	value cty.Value
	rng   Range
	why   string
}

// Classify derives a resource's classification: from its tags (the
// provider's effective attribute, tags_all, when known, else the
// provider's default tags overridden by the resource's own); else from an
// inline annotation on its block or module call, which also settles tags
// that cannot be known; else from the first default that selects it.
func (p ClassificationPolicy) Classify(in *Instance, spec TagSpecView) Classification {
	c := p.fromTags(in, spec)
	if c.Level != "" && c.Level != "unknown" {
		c.Source = ClassifiedByTag
		return c
	}
	if in.Inline != nil {
		lvl, matched := p.LevelOf(in.Inline.Value)
		return Classification{Level: lvl, Matched: matched, Source: ClassifiedByInline, Range: RangeOf(in.Inline.Range)}
	}
	if c.Level == "unknown" {
		c.Source = ClassifiedByTag
		return c
	}
	for i := range p.Defaults {
		if d := &p.Defaults[i]; d.Selects(in) {
			lvl, matched := p.LevelOf(d.Level)
			return Classification{Level: lvl, Matched: matched, Source: ClassifiedByDefault, Range: RangeOf(d.Range)}
		}
	}
	return c
}

// LevelOf reads a level written by a person (an inline annotation, a
// classify block): a level's name or one of its values, compared as tag
// values are; else the text lowercased, which no level requires.
func (p ClassificationPolicy) LevelOf(s string) (string, bool) {
	n := NormaliseTagKey(s)
	for i := range p.Levels {
		if lvl := &p.Levels[i]; NormaliseTagKey(lvl.Name) == n || lvl.matches(n) {
			return lvl.Name, true
		}
	}
	return strings.ToLower(strings.TrimSpace(s)), false
}

// fromTags classifies a resource by its tags alone.
func (p ClassificationPolicy) fromTags(in *Instance, spec TagSpecView) Classification {
	// Only the tags the policy reads are collected: building every tag of
	// every resource was a third of a large plan's garbage.
	found, unknown := collectTags(in, spec, p.hasKey)
	if unknown != "" {
		return Classification{Level: "unknown", Unknown: unknown}
	}
	if len(found) == 0 {
		return Classification{}
	}
	// Several tags may carry a classification: keys that differ only by
	// case or separators are distinct tags to the provider. The most
	// restrictive level any of them means wins; ties go by key, then
	// value, so that the result never depends on the order the tags came
	// in.
	slices.SortStableFunc(found, func(a, b tag) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(tagText(a.value), tagText(b.value)))
	})
	for i := range p.Levels {
		lvl := &p.Levels[i]
		for _, t := range found {
			if !t.value.IsKnown() || t.value.IsNull() || t.value.Type() != cty.String {
				continue
			}
			if lvl.matches(NormaliseTagKey(t.value.AsString())) {
				return Classification{Level: lvl.Name, Matched: true, Key: t.key, Range: t.rng}
			}
		}
	}
	// No level matched: an unknown classification value might have.
	for _, t := range found {
		if !t.value.IsKnown() {
			return Classification{
				Level: "unknown", Key: t.key, Range: t.rng,
				Unknown: fmt.Sprintf("tag %q is not known statically%s", t.key, Because(t.why)),
			}
		}
	}
	t := found[0]
	level := ""
	if t.value.Type() == cty.String && !t.value.IsNull() {
		level = levelValue(t.value.AsString())
	}
	return Classification{Level: level, Key: t.key, Range: t.rng}
}

// levelValue is a classification tag's value as levels list theirs:
// lowercase, trimmed, composed (NFC).
func levelValue(s string) string {
	return strings.ToLower(strings.TrimSpace(norm.NFC.String(s)))
}

// tagText orders tag values: known strings by their text, the rest first.
func tagText(v cty.Value) string {
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		return "\x01" + v.AsString()
	}
	return ""
}

// collectTags returns the resource's effective tags whose key keep
// accepts, or why they cannot be known.
func collectTags(in *Instance, spec TagSpecView, keep func(key string) bool) ([]tag, string) {
	if spec.Effective != "" {
		if a, ok := in.Attrs[spec.Effective]; ok && a.Value != cty.NilVal && a.IsWhollyKnown() && !a.Value.IsNull() {
			return tagsOf(&a, keep), ""
		}
	}
	merged := map[string]tag{}
	var order []string
	add := func(a Attr) string {
		if a.Value == cty.NilVal || a.Value.IsNull() {
			return ""
		}
		if !a.Value.IsKnown() {
			if !a.Set {
				return "" // computed by the provider, not a classification anyone wrote
			}
			return "the tags are not known statically" + Because(a.Why)
		}
		for _, t := range tagsOf(&a, keep) {
			if _, seen := merged[t.key]; !seen {
				order = append(order, t.key)
			}
			merged[t.key] = t
		}
		return ""
	}
	if in.ProviderConfig != nil {
		for _, name := range spec.ProviderAttributes {
			if why := add(in.ProviderConfig.Attrs[name]); why != "" {
				return nil, "the provider's default tags are not known statically" + Because(in.ProviderConfig.Attrs[name].Why)
			}
		}
	}
	for _, name := range spec.ResourceAttributes {
		a, _ := lookupAttr(in.Attrs, name) // a path into a block: settings.user_labels
		if why := add(a); why != "" {
			return nil, why
		}
	}
	out := make([]tag, 0, len(order))
	for _, k := range order {
		out = append(out, merged[k])
	}
	return out, ""
}

// tagsOf reads, of the tag shapes providers use, the tags whose key keep
// accepts: a map or object (AWS, Azure, Google labels), a list of {key,
// value} objects (Outscale tags blocks), or a list of "key=value" /
// "key:value" strings (Scaleway, DigitalOcean).
func tagsOf(a *Attr, keep func(key string) bool) []tag {
	v := a.Value
	var out []tag
	// Each kind asks keep before it makes the value: most tags are not
	// read, and looking their values up showed in plan profiles.
	add := func(key string, value cty.Value) {
		out = append(out, tag{key: key, value: value, rng: a.Range, why: a.Why})
	}
	t := v.Type()
	switch {
	case t.IsObjectType():
		// In any order: callers sort, and an object's keys are unique. cty's
		// own iterator sorts them first, which showed in plan profiles.
		for k := range t.AttributeTypes() {
			if keep(k) {
				add(k, v.GetAttr(k))
			}
		}
	case t.IsMapType():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if key := k.AsString(); keep(key) {
				add(key, e)
			}
		}
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsKnown() || e.IsNull() {
				continue
			}
			et := e.Type()
			switch {
			case et == cty.String:
				s := e.AsString()
				if i := strings.IndexAny(s, "=:"); i > 0 && keep(s[:i]) {
					add(s[:i], cty.StringVal(s[i+1:]))
				}
			case et.IsObjectType() || et.IsMapType():
				k, val := objAttr(e, "key"), objAttr(e, "value")
				if k.IsKnown() && !k.IsNull() && k.Type() == cty.String && keep(k.AsString()) {
					add(k.AsString(), val)
				}
			}
		}
	}
	return out
}

func objAttr(v cty.Value, name string) cty.Value {
	t := v.Type()
	if t.IsObjectType() {
		if t.HasAttribute(name) {
			return v.GetAttr(name)
		}
		return cty.NullVal(cty.String)
	}
	if v.HasIndex(cty.StringVal(name)).True() {
		return v.Index(cty.StringVal(name))
	}
	return cty.NullVal(cty.String)
}
