package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkHTML returns what is wrong with a page, or nil. No HTML validator
// is packaged for Debian, so this holds the printer to what matters:
//
//   - the markup is well formed (every element closed, in order, no
//     duplicate attribute) and the HTML5 parser builds exactly the tree it
//     spells out, with no element moved, closed or inserted by the error
//     recovery rules;
//   - it is self-contained and safe: no URL loads anything, no attribute
//     runs script or carries a style, and the Content Security Policy
//     allows the page's one style sheet and one script by their hashes;
//   - it is navigable: ids are unique and every in-page link, label
//     reference and heading level resolves.
func checkHTML(page []byte) []string {
	var errs []string
	fail := func(format string, args ...any) {
		if len(errs) < 40 {
			errs = append(errs, fmt.Sprintf(format, args...))
		}
	}

	tokens, err := tokenEvents(page, fail)
	if err != nil {
		return []string{err.Error()}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{"html.Parse: " + err.Error()}
	}
	var tree []string
	treeEvents(doc, &tree)
	if i := firstDifference(tokens, tree); i >= 0 {
		fail("the parser builds another tree than the markup spells out, at event %d: markup %q, tree %q", i, around(tokens, i), around(tree, i))
	}

	ids := map[string]bool{}
	var refs []string // "#id" targets and aria references
	var headings []int
	var styles, scripts []string
	var csp string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for i, a := range n.Attr {
			for _, b := range n.Attr[i+1:] {
				if a.Key == b.Key && a.Namespace == b.Namespace {
					fail("<%s> has two %s attributes", n.Data, a.Key)
				}
			}
			switch {
			case strings.HasPrefix(a.Key, "on"):
				fail("<%s %s>: an event handler attribute", n.Data, a.Key)
			case a.Key == "style":
				fail("<%s style>: an inline style the CSP blocks", n.Data)
			case a.Key == "src" || a.Key == "srcset" || a.Key == "action" || a.Key == "formaction" || a.Key == "xlink:href" || (a.Key == "href" && n.Data != "a"):
				fail("<%s %s=%q>: the page loads or submits to a URL", n.Data, a.Key, a.Val)
			case a.Key == "id":
				if ids[a.Val] {
					fail("id %q is used twice", a.Val)
				}
				ids[a.Val] = true
			case a.Key == "href":
				switch {
				case strings.HasPrefix(a.Val, "#"):
					refs = append(refs, a.Val[1:])
				case !regexp.MustCompile(`^https?://\S+$`).MatchString(a.Val):
					fail("<a href=%q>: a link that is neither in the page nor http(s)", a.Val)
				}
			case a.Key == "aria-labelledby" || a.Key == "aria-describedby" || a.Key == "for":
				refs = append(refs, strings.Fields(a.Val)...)
			}
		}
		switch n.DataAtom {
		case atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Base, atom.Audio, atom.Video:
			fail("<%s>: the page must not embed or load anything", n.Data)
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			headings = append(headings, int(n.Data[1]-'0'))
		case atom.Style:
			styles = append(styles, textOf(n))
		case atom.Script:
			scripts = append(scripts, textOf(n))
		case atom.Meta:
			if attr(n, "http-equiv") == "Content-Security-Policy" {
				csp = attr(n, "content")
			}
		case atom.Th:
			if s := attr(n, "scope"); s != "col" && s != "row" {
				fail("<th> %q without scope", textOf(n))
			}
		case atom.A:
			if strings.TrimSpace(textOf(n)) == "" && attr(n, "aria-label") == "" {
				fail("<a href=%q> has no text", attr(n, "href"))
			}
		case atom.Select:
			if n.Parent == nil || n.Parent.DataAtom != atom.Label {
				fail("<select name=%q> outside a <label>", attr(n, "name"))
			}
		case atom.Svg:
			if attr(n, "aria-hidden") != "true" && attr(n, "aria-labelledby") == "" && attr(n, "aria-label") == "" {
				fail("<svg> without a text alternative or aria-hidden")
			}
		default:
		}
	})
	for _, id := range refs {
		if !ids[id] {
			fail("a link or label points at id %q, which no element has", id)
		}
	}
	if len(headings) == 0 || headings[0] != 1 || slices.Index(headings[1:], 1) >= 0 {
		fail("headings %v: want one h1, first", headings)
	}
	for i := 1; i < len(headings); i++ {
		if headings[i] > headings[i-1]+1 {
			fail("heading h%d follows h%d: a level is skipped", headings[i], headings[i-1])
		}
	}
	if len(styles) != 1 || len(scripts) != 1 {
		fail("%d style and %d script elements, want one of each", len(styles), len(scripts))
	}
	for _, s := range append(styles, scripts...) {
		sum := sha256.Sum256([]byte(s))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			fail("the CSP %q does not allow a style or script whose hash is %s", csp, h)
		}
	}
	if !strings.Contains(csp, "default-src 'none'") {
		fail("the CSP %q does not deny by default", csp)
	}
	return errs
}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// tokenEvents is the page as its tags spell it: "<name k=v ...>",
// "</name>", and text with whitespace collapsed. It fails on an end tag
// that does not close the innermost open element, and on anything left open.
func tokenEvents(page []byte, fail func(string, ...any)) ([]string, error) {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out, stack []string
	var text strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(text.String()), " "); t != "" {
			out = append(out, t)
		}
		text.Reset()
	}
	for {
		tt := z.Next()
		tok := z.Token()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return nil, z.Err()
			}
			flush()
			if len(stack) > 0 {
				fail("elements left open at the end: %v", stack)
			}
			return out, nil
		case html.TextToken:
			text.WriteString(tok.Data)
		case html.StartTagToken, html.SelfClosingTagToken:
			flush()
			out = append(out, startEvent(tok.Data, tok.Attr))
			inSVG := slices.Contains(stack, "svg") || tok.Data == "svg"
			switch {
			case tt == html.SelfClosingTagToken && !inSVG && !voidElements[tok.Data]:
				fail("<%s/> self-closes outside SVG", tok.Data)
				out = append(out, "</"+tok.Data+">")
			case tt == html.SelfClosingTagToken && inSVG:
				out = append(out, "</"+tok.Data+">")
			case !voidElements[tok.Data]:
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			flush()
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				fail("</%s> closes %v", tok.Data, stack)
			} else {
				stack = stack[:len(stack)-1]
			}
			out = append(out, "</"+tok.Data+">")
		case html.CommentToken, html.DoctypeToken:
		}
	}
}

// treeEvents is the parsed tree in the same form as tokenEvents.
func treeEvents(n *html.Node, out *[]string) {
	switch n.Type {
	case html.TextNode:
		if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
			// Adjacent text (split by a comment) merges, as in tokenEvents.
			if k := len(*out) - 1; k >= 0 && !strings.HasPrefix((*out)[k], "<") {
				(*out)[k] += " " + t
			} else {
				*out = append(*out, t)
			}
		}
		return
	case html.ElementNode:
		*out = append(*out, startEvent(n.Data, n.Attr))
	default: // the document, the doctype and comments add no event
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		treeEvents(c, out)
	}
	if n.Type == html.ElementNode && (!voidElements[n.Data] || n.Namespace != "") {
		*out = append(*out, "</"+strings.ToLower(n.Data)+">")
	}
}

func startEvent(name string, attrs []html.Attribute) string {
	parts := []string{strings.ToLower(name)}
	for _, a := range attrs {
		k := strings.ToLower(a.Key)
		if a.Namespace != "" {
			k = a.Namespace + ":" + k
		}
		parts = append(parts, k+"="+a.Val)
	}
	slices.Sort(parts[1:])
	return "<" + strings.Join(parts, " ") + ">"
}

func firstDifference(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

func around(events []string, i int) []string {
	return events[max(0, i-2):min(len(events), i+3)]
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
