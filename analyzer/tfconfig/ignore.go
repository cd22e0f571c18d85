package tfconfig

import (
	"bytes"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/sovlint/sovlint/analyzer"
)

// Ignore is an inline suppression written in the sources:
//
//	# sovlint:ignore SOV001,SOV002 reason="pilot, migrating in Q3" expires=2026-12-31
//
// on the line of a resource or module block, or in the comment lines just
// above it. A module block's ignore covers everything inside that call.
type Ignore struct {
	Rules   []string // rule IDs; empty means every rule
	Reason  string
	Expires string // YYYY-MM-DD as written
	Owner   string
	Range   hcl.Range // the comment

	// Block is the annotated block: "aws_s3_bucket.b", "module.network";
	// "" when the comment annotates no resource or module block.
	Block string
	// Targets are the configuration addresses the block stands for, in
	// every place its module is called: resource addresses for a resource,
	// module paths for a module call.
	Targets []string
}

const ignoreMarker = "sovlint:ignore"

// scanIgnores finds the ignore comments of a file and the blocks they
// annotate.
func scanIgnores(f *sourceFile, entities []*entity) []Ignore {
	var out []Ignore
	for _, a := range annotations(f, entities, ignoreMarker) {
		ig := parseIgnore(a.text)
		ig.Range, ig.Block = a.rng, a.block
		out = append(out, ig)
	}
	return out
}

const classificationMarker = "sovlint:classification"

// scanClassifications finds the classification comments of a file, by the
// block they annotate ("aws_s3_bucket.b", "module.health"); one that
// annotates no block is ignored.
func scanClassifications(f *sourceFile, entities []*entity, into map[string]*analyzer.InlineClass) {
	for _, a := range annotations(f, entities, classificationMarker) {
		value, _, _ := strings.Cut(a.text, " ")
		if a.block == "" || value == "" {
			continue
		}
		into[a.block] = &analyzer.InlineClass{Value: value, Range: a.rng}
	}
}

// annotation is a marker comment with what follows the marker and the
// block it annotates.
type annotation struct {
	text  string
	rng   hcl.Range
	block string // "aws_s3_bucket.b", "module.network"; "" when none
}

// annotations finds the comments of a file that carry a marker, and the
// resource or module block each annotates: the block on the comment's own
// line, else the first block after the run of comment lines the comment
// belongs to. Only files that mention the marker are lexed a second time.
func annotations(f *sourceFile, entities []*entity, marker string) []annotation {
	if !bytes.Contains(f.src, []byte(marker)) || strings.HasSuffix(f.path, ".json") {
		return nil
	}
	tokens, _ := hclsyntax.LexConfig(f.src, f.path, hcl.InitialPos)
	lines := bytes.Split(f.src, []byte("\n"))
	commentOnly := func(line int) bool {
		if line < 1 || line > len(lines) {
			return false
		}
		l := bytes.TrimSpace(lines[line-1])
		return bytes.HasPrefix(l, []byte("#")) || bytes.HasPrefix(l, []byte("//")) || bytes.HasPrefix(l, []byte("/*"))
	}
	// The blocks of this file that a comment may annotate, by header line.
	byLine := map[int]string{}
	for _, e := range entities {
		if e.defRange.Filename != f.path {
			continue
		}
		switch e.kind {
		case "resource":
			byLine[e.defRange.Start.Line] = e.labels[0] + "." + e.labels[1]
		case "module":
			byLine[e.defRange.Start.Line] = "module." + e.labels[0]
		}
	}
	var out []annotation
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		_, after, found := strings.Cut(string(tok.Bytes), marker)
		if !found || (after != "" && !strings.ContainsAny(after[:1], " \t\r\n*")) {
			continue // sovlint:classifications is not sovlint:classification
		}
		a := annotation{text: commentBody(after), rng: tok.Range}
		line := tok.Range.Start.Line
		block, ok := byLine[line]
		for next := line + 1; !ok && commentOnly(line) && next <= len(lines); next++ {
			if block, ok = byLine[next]; ok || !commentOnly(next) {
				break
			}
		}
		if ok {
			a.block = block
		}
		out = append(out, a)
	}
	return out
}

// commentBody strips what closes a comment.
func commentBody(s string) string {
	s = strings.TrimSuffix(strings.TrimRight(s, "\r\n"), "*/")
	return strings.TrimSpace(s)
}

// parseIgnore reads what follows the marker: rule IDs separated by commas or
// spaces, then key=value pairs (reason, expires, owner) whose values may be
// double-quoted.
func parseIgnore(s string) Ignore {
	var ig Ignore
	for s != "" {
		s = strings.TrimLeft(s, " \t,")
		if s == "" {
			break
		}
		end := strings.IndexAny(s, " \t,=")
		if end < 0 {
			end = len(s)
		}
		word := s[:end]
		s = s[end:]
		if !strings.HasPrefix(s, "=") {
			if id := strings.ToUpper(word); !slices.Contains(ig.Rules, id) {
				ig.Rules = append(ig.Rules, id)
			}
			continue
		}
		var value string
		value, s = ignoreValue(s[1:])
		switch strings.ToLower(word) {
		case "reason":
			ig.Reason = value
		case "expires":
			ig.Expires = value
		case "owner":
			ig.Owner = value
		}
	}
	return ig
}

// ignoreValue reads a value: a double-quoted string with backslash escapes,
// or a bare word up to the next space.
func ignoreValue(s string) (value, rest string) {
	if !strings.HasPrefix(s, `"`) {
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			return s, ""
		}
		return s[:end], s[end:]
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '"':
			return b.String(), s[i+1:]
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), "" // unterminated: take the rest
}
