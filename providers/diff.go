package providers

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Statement is one thing a catalog says, in words, with its provenance:
// what `sovlint catalog diff` compares.
type Statement struct {
	// Key names the statement: "aws region eu-west-3", "outscale offer
	// iaas-cloudgouv", "source anssi_2118".
	Key string
	// Value is what the statement says, canonically written.
	Value string
	// Fact is its provenance; zero for sources and variant selectors.
	Fact Fact
}

// Statements lists every statement of the catalog, sorted by key.
func (c *Catalog) Statements() []Statement {
	var out []Statement
	add := func(key, value string, f Fact) {
		out = append(out, Statement{Key: key, Value: value, Fact: f})
	}
	for _, k := range slices.Sorted(maps.Keys(c.Sources)) {
		s := c.Sources[k]
		add("source "+k, joinParts(s.Title, s.URL, "date "+s.Date, notePart(s.Note)), Fact{})
	}
	for _, name := range slices.Sorted(maps.Keys(c.groups)) {
		g := c.groups[name]
		add("country group "+name, strings.Join(g.Countries, ", "), g.Fact)
	}
	offering := func(owner string, o *Offering) {
		if op := o.Operator; op != nil {
			who := op.Who()
			if op.Parent != "" {
				who += " → " + entity(op.Parent, op.ParentCountry)
			}
			add(owner+" operator", joinParts(who, "EU legal control "+op.EULegalControl, listPart("laws", op.Laws), notePart(op.Note)), op.Fact)
		}
		if st := o.SecNumCloud; st != nil {
			add(owner+" secnumcloud", joinParts(st.Status, notePart(st.Note)), st.Fact)
		}
		if o.DefaultRegion != "" {
			add(owner+" default region", o.DefaultRegion, Fact{})
		}
		for _, off := range o.Offers {
			validity := ""
			if off.QualifiedFrom != "" || off.ValidUntil != "" {
				validity = off.QualifiedFrom + " → " + off.ValidUntil
			}
			listed := ""
			if off.ListedOnly {
				listed = "listed only"
			}
			decision := ""
			if off.Decision != "" {
				decision = "decision " + off.Decision
			}
			add(owner+" offer "+off.ID, joinParts(off.Status, off.Name, listPart("in", off.Regions), listPart("for", off.ResourceTypes), validity, decision, listed, notePart(off.Note)), off.Fact)
		}
		for _, r := range o.Regions {
			where := r.Country()
			if r.Global {
				where = "global"
			}
			pair := ""
			if r.Pair != "" {
				pair = "pair " + r.Pair
			}
			add(owner+" region "+r.Code, joinParts(where, r.Name, listPart("zones", r.Zones), listPart("aliases", r.Aliases), pair, notePart(r.Note)), r.Fact)
		}
	}
	for _, p := range c.Providers {
		add("provider "+p.ID, joinParts(p.Name, listPart("registry", p.Registry)), Fact{})
		offering(p.ID, &p.Offering)
		for _, g := range p.Global {
			add(p.ID+" global service "+g.Name, joinParts(listPart("for", g.ResourceTypes), notePart(g.Note)), g.Fact)
		}
		for _, r := range p.Replications {
			add(p.ID+" replication "+r.Name, joinParts(listPart("for", r.ResourceTypes), "through "+r.Path, listPart("when", r.WhenValues), notePart(r.Note)), r.Fact)
		}
		for _, v := range p.Variants {
			owner := p.ID + "/" + v.ID
			add("variant "+owner, joinParts(v.Name, "when "+v.When.Describe()), Fact{})
			offering(owner, &v.Offering)
		}
	}
	slices.SortStableFunc(out, func(a, b Statement) int { return strings.Compare(a.Key, b.Key) })
	return out
}

func joinParts(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "; ")
}

func listPart(label string, items []string) string {
	if len(items) == 0 {
		return ""
	}
	return label + " " + strings.Join(items, ", ")
}

func notePart(note string) string {
	if note == "" {
		return ""
	}
	return "note: " + note
}

// Provenance is a fact's sources, date and level in one bracketed phrase:
// "[anssi_2118; as of 2026-11-26; secondary]"; "" for none.
func (f Fact) Provenance() string {
	if len(f.Sources) == 0 && f.AsOf == "" && f.Verified == "" {
		return ""
	}
	return fmt.Sprintf("[%s; as of %s; %s]", strings.Join(f.Sources, ", "), f.AsOf, f.Verified)
}

// Change kinds.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Change is one statement that differs between two catalogs. Old is nil
// for an added statement, New for a removed one.
type Change struct {
	Kind     string
	Key      string
	Old, New *Statement
}

// Diff lists what changed from before to after, by statement key: a statement
// changes when what it says or its provenance (sources, as_of, level)
// does.
func Diff(before, after *Catalog) []Change {
	from := index(before.Statements())
	to := index(after.Statements())
	keys := slices.Sorted(maps.Keys(from))
	for k := range to {
		if _, ok := from[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Change
	for _, k := range keys {
		o, inOld := from[k]
		n, inNew := to[k]
		switch {
		case !inOld:
			out = append(out, Change{Kind: Added, Key: k, New: n})
		case !inNew:
			out = append(out, Change{Kind: Removed, Key: k, Old: o})
		case o.Value != n.Value || o.Fact.Provenance() != n.Fact.Provenance():
			out = append(out, Change{Kind: Changed, Key: k, Old: o, New: n})
		}
	}
	return out
}

func index(list []Statement) map[string]*Statement {
	m := make(map[string]*Statement, len(list))
	for i := range list {
		m[list[i].Key] = &list[i]
	}
	return m
}
