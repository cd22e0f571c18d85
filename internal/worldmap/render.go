package worldmap

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// tinyArea is the area in square pixels under which a country is drawn
// as a disc as well as a shape: Malta, Luxembourg or Singapore would
// otherwise be shaded where nobody can see it.
const tinyArea = 40

// Options tune a map.
type Options struct {
	// LinkPrefix, when set, makes each counted country a link to
	// LinkPrefix+code (the page's table row for it), so that the map can
	// be walked with the keyboard.
	LinkPrefix string
}

// Write draws a view as one inline <svg> element. Counts are keyed by ISO
// 3166-1 alpha-2 code; codes the map has no shape for are ignored (the
// page's table lists them). The output depends only on its arguments.
func Write(w io.Writer, v View, counts map[string]Count, o Options) error {
	_, err := w.Write(Append(nil, v, counts, o))
	return err
}

// Append is Write into a byte slice.
func Append(b []byte, v View, counts map[string]Count, o Options) []byte {
	pv := prepare(v)
	id := "wm-" + pv.spec.id
	w, h := strconv.FormatFloat(pv.width, 'f', -1, 64), strconv.FormatFloat(pv.height, 'f', -1, 64)

	var shown []int // shapes with a count, in code order
	for code, c := range counts {
		if i, ok := byCode[code]; ok && c.Resources > 0 && (pv.shapes[i].d != "" || pv.shapes[i].inView) {
			shown = append(shown, i)
		}
	}
	slices.SortFunc(shown, func(a, b int) int { return strings.Compare(shapes[a].code, shapes[b].code) })

	b = append(b, `<svg class="wm" id="`...)
	b = append(b, id...)
	b = append(b, `" viewBox="0 0 `...)
	b = append(b, w...)
	b = append(b, ' ')
	b = append(b, h...)
	b = append(b, `" role="group" aria-labelledby="`...)
	b = append(b, id...)
	b = append(b, `-t"><title id="`...)
	b = append(b, id...)
	b = append(b, `-t">`...)
	b = append(b, pv.spec.title...)
	b = append(b, ": "...)
	b = strconv.AppendInt(b, int64(len(shown)), 10)
	if len(shown) == 1 {
		b = append(b, " country"...)
	} else {
		b = append(b, " countries"...)
	}
	b = append(b, ` shaded</title><rect class="wm-sea" width="`...)
	b = append(b, w...)
	b = append(b, `" height="`...)
	b = append(b, h...)
	b = append(b, `"/>`...)

	// Every country without a count is one path: the bulk of the map in
	// one element, cheap for the browser and for the file.
	b = append(b, `<path class="wm-land" d="`...)
	for i := range pv.shapes {
		if pv.shapes[i].d != "" && !slices.Contains(shown, i) {
			b = appendRebased(b, pv.shapes[i].d)
		}
	}
	b = append(b, `"/>`...)

	for _, i := range shown {
		s, d := &shapes[i], &pv.shapes[i]
		c := counts[s.code]
		label := c.Label
		if label == "" {
			label = s.name + " (" + s.code + "): " + strconv.Itoa(c.Resources)
		}
		link := o.LinkPrefix != ""
		if link {
			b = append(b, `<a href="`...)
			b = appendEscaped(b, o.LinkPrefix+s.code)
			b = append(b, `" aria-label="`...)
			b = appendEscaped(b, label)
			b = append(b, `">`...)
		}
		b = append(b, `<g class="wm-c wm-n`...)
		b = strconv.AppendInt(b, int64(Bin(c.Resources)), 10)
		b = append(b, `" data-country="`...)
		b = append(b, s.code...) // two ASCII letters, from the embedded data
		b = append(b, `"><title>`...)
		b = appendEscaped(b, label)
		b = append(b, `</title>`...)
		if d.d != "" {
			b = append(b, `<path d="`...)
			b = append(b, d.d...)
			b = append(b, `"/>`...)
		}
		if d.area < tinyArea && d.inView {
			b = append(b, `<circle class="wm-tiny" cx="`...)
			b = appendCoord(b, d.lx)
			b = append(b, `" cy="`...)
			b = appendCoord(b, d.ly)
			b = append(b, `" r="`...)
			b = appendCoord(b, pv.spec.marker*1.6)
			b = append(b, `"/>`...)
		}
		b = append(b, `</g>`...)
		if link {
			b = append(b, `</a>`...)
		}
	}

	// Verdict markers go above every country, so that a neighbour's shape
	// never covers them; the links above already carry their meaning.
	b = append(b, `<g class="wm-marks" aria-hidden="true">`...)
	for _, i := range shown {
		d := &pv.shapes[i]
		if v := counts[shapes[i].code].Verdict; v != None && d.inView {
			b = appendMarker(b, v, d.lx, d.ly, pv.spec.marker)
		}
	}
	b = append(b, `</g></svg>`...)
	return b
}

// appendRebased appends path data that starts with a relative move from
// the origin after other path data: the pen is then elsewhere, so the
// first move is made absolute ("M").
func appendRebased(b []byte, d string) []byte {
	return append(append(b, 'M'), d[1:]...)
}

// appendMarker draws a verdict's symbol centered on x, y: a cross in a
// circle for non-compliant, an exclamation mark in a diamond for waived, a
// tick in a circle for compliant. The shapes differ as well as the
// colors, so the map reads in grey too.
func appendMarker(b []byte, v Verdict, x, y, r float64) []byte {
	b = append(b, `<g class="wm-mk wm-mk-`...)
	b = append(b, verdictClass[v]...)
	b = append(b, `" transform="translate(`...)
	b = appendCoord(b, x)
	b = append(b, ' ')
	b = appendCoord(b, y)
	b = append(b, ") scale("...)
	b = appendCoord(b, r/6)
	b = append(b, `)">`...)
	b = append(b, markerBody[v]...)
	return append(b, `</g>`...)
}

var verdictClass = [...]string{None: "none", Compliant: "ok", Waived: "waived", NonCompliant: "nc"}

// markerBody is each symbol on a 6-pixel radius.
var markerBody = [...]string{
	None:         ``,
	Compliant:    `<circle r="6"/><path d="M-3 0l2 2.5 4-5"/>`,
	Waived:       `<path class="wm-mk-bg" d="M0-7 7 0 0 7-7 0z"/><path d="M0-3.5v4M0 2.5v1"/>`,
	NonCompliant: `<circle r="6"/><path d="M-3-3l6 6M3-3l-6 6"/>`,
}

// MarkerSVG is a verdict's symbol as a small standalone inline <svg>, for
// legends and tables beside the map.
func MarkerSVG(v Verdict) string {
	if v == None {
		return ""
	}
	b := []byte(`<svg class="wm-key-mk" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">`)
	b = appendMarker(b, v, 0, 0, 6)
	return string(append(b, `</svg>`...))
}

func appendCoord(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, float64(int(v*10+0.5*sign(v)))/10, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// appendEscaped escapes text for an HTML attribute value or element.
func appendEscaped(b []byte, s string) []byte {
	for i := range len(s) {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// CSS styles the maps, the legend swatches (class "wm-key wm-nN") and the
// markers; the page includes it in its one <style> element.
const CSS = `.wm{display:block;width:100%;height:auto}
.wm-sea{fill:#f4f8fb}
.wm-land,.wm-c{fill:#e3e5e8;stroke:#fff;stroke-width:.5;stroke-linejoin:round}
.wm-c{stroke:#41505e;stroke-width:.6}
.wm-n1,.wm-key.wm-n1{fill:#c6dbef;background:#c6dbef}
.wm-n2,.wm-key.wm-n2{fill:#9ecae1;background:#9ecae1}
.wm-n3,.wm-key.wm-n3{fill:#6baed6;background:#6baed6}
.wm-n4,.wm-key.wm-n4{fill:#3182bd;background:#3182bd}
.wm-n5,.wm-key.wm-n5{fill:#08519c;background:#08519c}
.wm-tiny{stroke:#41505e;stroke-width:.8}
a:focus-visible .wm-c,a:hover .wm-c{stroke:#111;stroke-width:1.5}
a:focus-visible{outline:none}
.wm-mk{pointer-events:none}
.wm-mk circle,.wm-mk .wm-mk-bg{stroke:#fff;stroke-width:1.5}
.wm-mk path{fill:none;stroke:#fff;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}
.wm-mk .wm-mk-bg{fill:#9a4d00}
.wm-mk-nc circle{fill:#b42318}
.wm-mk-ok circle{fill:#067647}
.wm-key{display:inline-block;width:1.1em;height:.8em;border:1px solid #41505e;vertical-align:middle}
.wm-key-mk{vertical-align:middle}
`
