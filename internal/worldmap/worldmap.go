// Package worldmap draws where things land as inline SVG: a map of Europe
// and one of the world, each country shaded by a count and marked by a
// verdict, with text alternatives.
//
// The country shapes are Natural Earth's 1:50m admin-0 countries (public
// domain, https://www.naturalearthdata.com/about/terms-of-use/), version
// 4.1.0 as the world-atlas 2.0.2 package redistributes them (ISC license,
// Copyright 2013-2019 Michael Bostock), simplified by gen.go into the
// embedded countries.bin. testdata/PROVENANCE.md says where the source
// file came from; NOTICE repeats the licenses.
package worldmap

import (
	"math"
	"slices"
	"strconv"
	"sync"
)

// Verdict is what a country's resources come to; the worst wins.
type Verdict uint8

// Verdicts, from best to worst.
const (
	None Verdict = iota
	Compliant
	Waived
	NonCompliant
)

// Count is what the map shows of one country.
type Count struct {
	Resources int     // shades the country
	Verdict   Verdict // marks it
	Label     string  // its text alternative: "France (FR): 3 resources, 1 non-compliant"
}

// View is one of the maps.
type View uint8

// The maps: Europe, where most of a European public body's resources
// should land, and the world, for what lands elsewhere.
const (
	Europe View = iota
	World
)

// viewSpec says how a view is drawn.
type viewSpec struct {
	id      string // prefix of the SVG's ids and classes
	title   string
	width   float64
	project func(lonLat) (x, y float64)
	// window is the projected area shown; nil shows every shape whole.
	window *[4]float64 // x0, y0, x1, y1
	marker float64     // a verdict marker's radius
	// tolerance is how far in pixels a simplified ring may stray.
	tolerance float64
}

var specs = [...]viewSpec{
	Europe: {id: "eu", title: "Europe", width: 600, project: laeaEurope, window: europeWindow(), marker: 9, tolerance: 0.4},
	World:  {id: "world", title: "World", width: 1000, project: equalEarth, marker: 8, tolerance: 0.6},
}

// europeWindow frames Iceland to Cyprus and Crete to the North Cape.
func europeWindow() *[4]float64 {
	x0, _ := laeaEurope(lonLat{-24, 64})
	x1, _ := laeaEurope(lonLat{36, 36})
	_, y0 := laeaEurope(lonLat{25, 71.5})
	_, y1 := laeaEurope(lonLat{22, 34.3})
	return &[4]float64{x0, y0, x1, y1}
}

// drawn is a shape in a view's pixels.
type drawn struct {
	d      string  // SVG path data; "" when nothing of it shows
	area   float64 // in square pixels
	lx, ly float64 // label point
	inView bool    // its label point is in the view
}

// prepared is a view ready to draw: the shapes do not change between
// reports, so their paths are computed once.
type prepared struct {
	spec          viewSpec
	width, height float64
	shapes        []drawn
}

var (
	preparedOnce [len(specs)]sync.Once
	preparedView [len(specs)]*prepared
)

func prepare(v View) *prepared {
	preparedOnce[v].Do(func() {
		loadShapes()
		preparedView[v] = prepareView(specs[v])
	})
	return preparedView[v]
}

func prepareView(spec viewSpec) *prepared {
	var minX, minY, maxX, maxY float64
	if w := spec.window; w != nil {
		minX, minY, maxX, maxY = w[0], w[1], w[2], w[3]
	} else {
		minX, minY, maxX, maxY = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, s := range shapes {
			for _, p := range s.polys {
				for _, pt := range p[0] {
					x, y := spec.project(pt)
					minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
				}
			}
		}
	}
	const pad = 4 // pixels around the land, so borders are not cut
	scale := (spec.width - 2*pad) / (maxX - minX)
	f := frame{minX: minX - pad/scale, minY: minY - pad/scale, scale: scale}
	pv := &prepared{spec: spec, width: spec.width, height: math.Ceil((maxY-minY)*scale + 2*pad)}
	pv.shapes = make([]drawn, len(shapes))
	for i := range shapes {
		pv.shapes[i] = pv.draw(&shapes[i], f)
	}
	return pv
}

// draw projects, clips and rounds one shape into path data. Coordinates
// are whole pixels, written relative to the previous point: the page
// carries both maps, so their size matters more than sub-pixel detail.
func (pv *prepared) draw(s *shape, f frame) drawn {
	const margin = 2.0
	x0, y0, x1, y1 := -margin, -margin, pv.width+margin, pv.height+margin
	var out drawn
	out.lx, out.ly = f.apply(pv.spec.project(s.label))
	out.inView = out.lx >= 0 && out.ly >= 0 && out.lx <= pv.width && out.ly <= pv.height
	var b []byte
	var px, py int
	for _, poly := range s.polys {
		for _, ring := range poly {
			if pv.spec.window != nil && !facesEurope(ring) {
				continue
			}
			pts := make([][2]float64, len(ring))
			for i, p := range ring {
				pts[i][0], pts[i][1] = f.apply(pv.spec.project(p))
			}
			if pv.spec.window != nil {
				pts = clipRing(pts, x0, y0, x1, y1)
			}
			r := roundRing(simplify(pts, pv.spec.tolerance))
			if len(r) < 3 {
				continue
			}
			out.area += ringArea(r)
			// A path's first "m" is absolute (from 0,0); later ones are
			// relative to the previous ring's start, where "z" left the pen.
			b = append(b, 'm')
			b = appendPair(b, r[0][0]-px, r[0][1]-py, true)
			b = append(b, 'l')
			for i := 1; i < len(r); i++ {
				b = appendPair(b, r[i][0]-r[i-1][0], r[i][1]-r[i-1][1], i == 1)
			}
			b = append(b, 'z')
			px, py = r[0][0], r[0][1] // "z" returns to the ring's start
		}
	}
	out.d = string(b)
	return out
}

// roundRing rounds to whole pixels and drops repeated points and spikes
// (a point that returns to where it came from).
func roundRing(pts [][2]float64) [][2]int {
	out := make([][2]int, 0, len(pts))
	for _, p := range pts {
		q := [2]int{int(math.Round(p[0])), int(math.Round(p[1]))}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		if n := len(out); n > 1 && out[n-2] == q {
			out = out[:n-1]
			continue
		}
		out = append(out, q)
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

func ringArea(r [][2]int) float64 {
	s := 0
	for i := range r {
		j := (i + 1) % len(r)
		s += r[i][0]*r[j][1] - r[j][0]*r[i][1]
	}
	return math.Abs(float64(s) / 2)
}

// appendPair writes "dx dy" with the separators SVG path data needs: none
// before a minus sign, a space otherwise (except at the start).
func appendPair(b []byte, dx, dy int, first bool) []byte {
	if !first && dx >= 0 {
		b = append(b, ' ')
	}
	b = strconv.AppendInt(b, int64(dx), 10)
	if dy >= 0 {
		b = append(b, ' ')
	}
	return strconv.AppendInt(b, int64(dy), 10)
}

// Bins are the shading classes' lower bounds: decades, so that a map of
// three resources and one of thirty thousand read the same way.
var Bins = []int{1, 10, 100, 1000, 10000}

// Bin returns the shading class of a count: 0 for none, 1 to len(Bins).
func Bin(n int) int {
	i, _ := slices.BinarySearch(Bins, n+1)
	return i
}

// BinLabel describes a shading class: "1–9", "10000 or more".
func BinLabel(bin int) string {
	lo := strconv.Itoa(Bins[bin-1])
	if bin == len(Bins) {
		return lo + " or more"
	}
	return lo + "–" + strconv.Itoa(Bins[bin]-1)
}

// facesEurope reports whether some point of a ring lies within 90° of the
// Europe view's center. Rings wholly on the far side (New Zealand) are
// left out rather than clipped: near the projection's antipodal circle, a
// ring's points land on opposite sides and its edges would cross Europe.
func facesEurope(ring []lonLat) bool {
	const lon0, lat0 = 10 * rad, 52 * rad
	sin0, cos0 := math.Sincos(lat0)
	for _, p := range ring {
		sinPhi, cosPhi := math.Sincos(p.lat * rad)
		if sin0*sinPhi+cos0*cosPhi*math.Cos(p.lon*rad-lon0) > 0 {
			return true
		}
	}
	return false
}

// simplify is Douglas-Peucker in pixels, per ring. Neighbours' shared
// borders are simplified apart and may part by up to the tolerance, less
// than the border line's width.
func simplify(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) < 4 || tol <= 0 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	stack := [][2]int{{0, len(pts) - 1}}
	for len(stack) > 0 {
		lo, hi := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		far, best := -1, tol
		for i := lo + 1; i < hi; i++ {
			if d := segDist(pts[i], pts[lo], pts[hi]); d > best {
				far, best = i, d
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, [2]int{lo, far}, [2]int{far, hi})
		}
	}
	out := pts[:0:0]
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

// segDist is the distance from p to the segment a-b.
func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}
