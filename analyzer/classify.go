package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"golang.org/x/text/unicode/norm"
)

// ClassificationPolicy says which tag keys carry a data classification and
// which values mean which level.
type ClassificationPolicy struct {
	// Keys are tag keys, normalised with NormaliseTagKey.
	Keys []string
	// Levels are checked in order: the first level any classification tag
	// matches wins, so the most restrictive level comes first.
	Levels []Level
}

// Level is a named classification level and the tag values that mean it.
type Level struct {
	Name   string
	Values []string // lowercase
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

// NormaliseTagKey lowercases a tag key and drops '-', '_', '.' and spaces,
// so that Data-Classification, data_classification and DataClassification
// are one key. It is in Unicode's composed form (NFC): "confidentialité"
// typed with a combining accent is the same key as with a precomposed é.
func NormaliseTagKey(k string) string {
	if isNormalTagKey(k) {
		return k // the common case, which needs no copy
	}
	var b strings.Builder
	b.Grow(len(k))
	for _, r := range strings.ToLower(norm.NFC.String(k)) {
		switch r {
		case '-', '_', '.', ' ', '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isNormalTagKey(k string) bool {
	for i := range len(k) {
		switch c := k[i]; {
		case c >= 'A' && c <= 'Z', c >= 0x80, c == '-', c == '_', c == '.', c == ' ', c == '\t':
			return false
		}
	}
	return true
}

// tag is one tag with where it was written.
type tag struct {
	key   string
	value cty.Value
	attr  *Attr
}

// Classify derives a resource's classification from its tags: the provider's
// effective attribute (tags_all) when known, else the provider's default
// tags overridden by the resource's own.
func (p ClassificationPolicy) Classify(in *Instance, spec TagSpecView) Classification {
	tags, unknown := collectTags(in, spec)
	if unknown != "" {
		return Classification{Level: "unknown", Unknown: unknown}
	}
	var found []tag
	for _, t := range tags {
		if slices.Contains(p.Keys, NormaliseTagKey(t.key)) {
			found = append(found, t)
		}
	}
	if len(found) == 0 {
		return Classification{}
	}
	// Several tags may carry a classification: keys that differ only by
	// case, separators or Unicode normalisation are distinct tags to the
	// provider. The most restrictive level any of them means wins; ties
	// go by key, then value, so that the result never depends on the
	// order the tags came in.
	slices.SortStableFunc(found, func(a, b tag) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(tagText(a.value), tagText(b.value)))
	})
	for _, lvl := range p.Levels {
		for _, t := range found {
			if !t.value.IsKnown() || t.value.IsNull() || t.value.Type() != cty.String {
				continue
			}
			if slices.Contains(lvl.Values, levelValue(t.value.AsString())) {
				return Classification{Level: lvl.Name, Matched: true, Key: t.key, Range: t.attr.Range}
			}
		}
	}
	// No level matched: an unknown classification value might have.
	for _, t := range found {
		if !t.value.IsKnown() {
			return Classification{
				Level: "unknown", Key: t.key, Range: t.attr.Range,
				Unknown: fmt.Sprintf("tag %q is not known statically%s", t.key, Because(t.attr.Why)),
			}
		}
	}
	t := found[0]
	level := ""
	if t.value.Type() == cty.String && !t.value.IsNull() {
		level = levelValue(t.value.AsString())
	}
	return Classification{Level: level, Key: t.key, Range: t.attr.Range}
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

// collectTags returns the resource's effective tags, or why they cannot be
// known.
func collectTags(in *Instance, spec TagSpecView) ([]tag, string) {
	if spec.Effective != "" {
		if a, ok := in.Attrs[spec.Effective]; ok && a.Value != cty.NilVal && a.IsWhollyKnown() && !a.Value.IsNull() {
			return tagsOf(&a), ""
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
		for _, t := range tagsOf(&a) {
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
		if why := add(in.Attrs[name]); why != "" {
			return nil, why
		}
	}
	out := make([]tag, 0, len(order))
	for _, k := range order {
		out = append(out, merged[k])
	}
	return out, ""
}

// tagsOf reads the tag shapes providers use: a map or object (AWS, Azure,
// Google labels), a list of {key, value} objects (Outscale tags blocks), or
// a list of "key=value" / "key:value" strings (Scaleway, DigitalOcean).
func tagsOf(a *Attr) []tag {
	v := a.Value
	var out []tag
	t := v.Type()
	switch {
	case t.IsObjectType():
		// In any order: callers sort, and an object's keys are unique. cty's
		// own iterator sorts them first, which showed in plan profiles.
		out = make([]tag, 0, len(t.AttributeTypes()))
		for k := range t.AttributeTypes() {
			out = append(out, tag{key: k, value: v.GetAttr(k), attr: a})
		}
	case t.IsMapType():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out = append(out, tag{key: k.AsString(), value: e, attr: a})
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
				if i := strings.IndexAny(s, "=:"); i > 0 {
					out = append(out, tag{key: s[:i], value: cty.StringVal(s[i+1:]), attr: a})
				}
			case et.IsObjectType() || et.IsMapType():
				k, val := objAttr(e, "key"), objAttr(e, "value")
				if k.IsKnown() && !k.IsNull() && k.Type() == cty.String {
					out = append(out, tag{key: k.AsString(), value: val, attr: a})
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
