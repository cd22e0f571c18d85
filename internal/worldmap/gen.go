//go:build ignore

// gen turns Natural Earth's 1:50m admin-0 countries, as world-atlas
// redistributes them in TopoJSON (testdata/countries-50m.json, see
// testdata/PROVENANCE.md), into countries.bin: the shapes the report's map
// draws, simplified and keyed by ISO 3166-1 alpha-2 code.
//
//	go generate                   # rewrites countries.bin (go run gen.go)
//	go run gen.go -o /tmp/x.bin   # what TestEmbeddedDataIsGenerated runs
//
// Simplification runs on TopoJSON arcs, the borders two countries share,
// so neighbours keep meeting exactly; islands too small to see at the
// Europe view's scale are dropped, except a country's largest piece.
package main

import (
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

const (
	// tolerance is the Douglas-Peucker distance in degrees: about 2 km, a
	// third of a pixel in the Europe view.
	tolerance = 0.02
	// quantum is the stored coordinates' unit in degrees.
	quantum = 0.01
	// minIsland drops rings smaller than this many square degrees unless
	// they are their country's largest.
	minIsland = 0.01
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type point [2]float64 // lon, lat

type country struct {
	code, name string
	polys      [][][]point // polygons of rings; a polygon's first ring is its outline
	label      point
}

func main() {
	in := flag.String("i", "testdata/countries-50m.json", "world-atlas TopoJSON")
	out := flag.String("o", "countries.bin", "output")
	flag.Parse()
	data, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var topo topology
	if err := json.Unmarshal(data, &topo); err != nil {
		log.Fatalf("%s: %v", *in, err)
	}
	arcs := decodeArcs(&topo)
	for i := range arcs {
		arcs[i] = simplifyArc(arcs[i])
	}
	countries := map[string]*country{}
	var unkeyed []*country
	for _, g := range topo.Objects.Countries.Geometries {
		code := ""
		if g.ID != "" {
			r, err := language.ParseRegion(g.ID)
			if err != nil {
				log.Fatalf("%s (%s): %v", g.ID, g.Properties.Name, err)
			}
			code = r.String()
		}
		if code == "AQ" { // nobody's data lands there, and it would take a sixth of the world view
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			must(json.Unmarshal(g.Arcs, &p))
			polys = [][][]int{p}
		case "MultiPolygon":
			must(json.Unmarshal(g.Arcs, &polys))
		default:
			log.Fatalf("%s: geometry type %s", g.Properties.Name, g.Type)
		}
		c := countries[code]
		if c == nil || code == "" {
			c = &country{code: code, name: g.Properties.Name}
			if code == "" {
				unkeyed = append(unkeyed, c)
			} else {
				countries[code] = c
			}
		}
		for _, p := range polys {
			outline := splitAntimeridian(ring(arcs, p[0]))
			var holes [][]point
			for _, r := range p[1:] {
				h := splitAntimeridian(ring(arcs, r))
				if len(h) != 1 || len(outline) != 1 {
					log.Fatalf("%s: a hole crosses the antimeridian, or lies in an outline that does", g.Properties.Name)
				}
				holes = append(holes, h[0])
			}
			for _, o := range outline {
				c.polys = append(c.polys, append([][]point{o}, holes...))
			}
		}
	}
	var all []*country
	for _, c := range countries {
		all = append(all, c)
	}
	slices.SortFunc(all, func(a, b *country) int { return strings.Compare(a.code, b.code) })
	slices.SortFunc(unkeyed, func(a, b *country) int { return strings.Compare(a.name, b.name) })
	all = append(all, unkeyed...)

	b := []byte("sovlint-worldmap-1\n")
	b = binary.AppendUvarint(b, uint64(len(all)))
	points := 0
	for _, c := range all {
		c.label = labelPoint(c.polys)
		prune(c)
		b = appendString(b, c.code)
		b = appendString(b, c.name)
		lon, lat := q(c.label[0]), q(c.label[1])
		b = binary.AppendVarint(b, lon)
		b = binary.AppendVarint(b, lat)
		b = binary.AppendUvarint(b, uint64(len(c.polys)))
		for _, p := range c.polys {
			b = binary.AppendUvarint(b, uint64(len(p)))
			for _, r := range p {
				b = binary.AppendUvarint(b, uint64(len(r)))
				for _, pt := range r {
					x, y := q(pt[0]), q(pt[1])
					b = binary.AppendVarint(b, x-lon)
					b = binary.AppendVarint(b, y-lat)
					lon, lat = x, y
					points++
				}
			}
		}
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d countries, %d points, %d bytes\n", *out, len(all), points, len(b))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func q(v float64) int64 { return int64(math.Round(v / quantum)) }

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeArcs undoes TopoJSON's quantisation and delta encoding.
func decodeArcs(t *topology) [][]point {
	out := make([][]point, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([]point, len(arc))
		for j, d := range arc {
			x += d[0]
			y += d[1]
			pts[j] = point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = unwrap(pts)
	}
	return out
}

// unwrap makes an arc's longitudes continuous: an arc that crosses the
// antimeridian (Russia's Chukotka, Fiji) goes on past 180° instead of
// jumping to -180°, so that simplifying it does not cut across the world.
func unwrap(a []point) []point {
	shift := 0.0
	for j := 1; j < len(a); j++ {
		a[j][0] += shift
		switch d := a[j][0] - a[j-1][0]; {
		case d > 180:
			shift -= 360
			a[j][0] -= 360
		case d < -180:
			shift += 360
			a[j][0] += 360
		}
	}
	return a
}

// ring joins arcs into a closed ring; a negative index ~i is arc i
// reversed. An arc is shifted by 360° where needed to continue where the
// previous one ended (their longitudes may have been unwrapped apart).
func ring(arcs [][]point, idx []int) []point {
	var out []point
	for _, i := range idx {
		a := slices.Clone(arcs[max(i, ^i)])
		if i < 0 {
			slices.Reverse(a)
		}
		if len(out) > 0 {
			shift := math.Round((out[len(out)-1][0]-a[0][0])/360) * 360
			for j := range a {
				a[j][0] += shift
			}
			a = a[1:] // the previous arc ended where this one starts
		}
		out = append(out, a...)
	}
	return dedupe(out)
}

// splitAntimeridian cuts a ring that runs past ±180° into the pieces on
// either side, each within [-180°, 180°].
func splitAntimeridian(r []point) [][]point {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range r {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	if lo >= -180 && hi <= 180 {
		return [][]point{r}
	}
	var out [][]point
	for _, shift := range []float64{-360, 0, 360} {
		s := make([]point, len(r))
		for i, p := range r {
			s[i] = point{p[0] + shift, p[1]}
		}
		s = clipLon(clipLon(s, -180, false), 180, true)
		if s = dedupe(s); len(s) >= 3 {
			out = append(out, s)
		}
	}
	return out
}

// clipLon is one Sutherland-Hodgman pass: the part of a ring west (or
// east) of a meridian.
func clipLon(r []point, lon float64, west bool) []point {
	inside := func(p point) bool { return (p[0] <= lon) == west || p[0] == lon }
	var out []point
	if len(r) == 0 {
		return out
	}
	prev := r[len(r)-1]
	for _, cur := range r {
		cin, pin := inside(cur), inside(prev)
		if cin != pin {
			t := (lon - prev[0]) / (cur[0] - prev[0])
			out = append(out, point{lon, prev[1] + t*(cur[1]-prev[1])})
		}
		if cin {
			out = append(out, cur)
		}
		prev = cur
	}
	return out
}

// dedupe drops points that quantise to the previous one.
func dedupe(r []point) []point {
	var out []point
	for _, p := range r {
		if len(out) > 0 {
			last := out[len(out)-1]
			if q(last[0]) == q(p[0]) && q(last[1]) == q(p[1]) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// simplifyArc is Douglas-Peucker that keeps an arc's end points, so the
// arcs still join. A closed arc (an island) is split at its farthest
// point first, or it would collapse to its start.
func simplifyArc(a []point) []point {
	if len(a) < 3 {
		return a
	}
	if a[0] == a[len(a)-1] {
		far, best := 0, -1.0
		for i, p := range a {
			if d := dist2(p, a[0]); d > best {
				far, best = i, d
			}
		}
		first := douglasPeucker(a[:far+1])
		return append(first, douglasPeucker(a[far:])[1:]...)
	}
	return douglasPeucker(a)
}

func douglasPeucker(a []point) []point {
	keep := make([]bool, len(a))
	keep[0], keep[len(a)-1] = true, true
	var rec func(lo, hi int)
	rec = func(lo, hi int) {
		far, best := -1, tolerance
		for i := lo + 1; i < hi; i++ {
			if d := segDist(a[i], a[lo], a[hi]); d > best {
				far, best = i, d
			}
		}
		if far >= 0 {
			keep[far] = true
			rec(lo, far)
			rec(far, hi)
		}
	}
	rec(0, len(a)-1)
	var out []point
	for i, k := range keep {
		if k {
			out = append(out, a[i])
		}
	}
	return out
}

func dist2(a, b point) float64 {
	dx, dy := a[0]-b[0], a[1]-b[1]
	return dx*dx + dy*dy
}

// segDist is the distance from p to the segment a-b.
func segDist(p, a, b point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Sqrt(dist2(p, a))
	}
	t := max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	return math.Sqrt(dist2(p, point{a[0] + t*dx, a[1] + t*dy}))
}

// area is a ring's shoelace area in square degrees, unsigned.
func area(r []point) float64 {
	s := 0.0
	for i := range r {
		j := (i + 1) % len(r)
		s += r[i][0]*r[j][1] - r[j][0]*r[i][1]
	}
	return math.Abs(s / 2)
}

// labelPoint is the centroid of the country's largest outline, where the
// map puts a marker for a country too small to shade.
func labelPoint(polys [][][]point) point {
	var best []point
	for _, p := range polys {
		if len(p) > 0 && (best == nil || area(p[0]) > area(best)) {
			best = p[0]
		}
	}
	var cx, cy, a2 float64
	for i := range best {
		j := (i + 1) % len(best)
		cross := best[i][0]*best[j][1] - best[j][0]*best[i][1]
		cx += (best[i][0] + best[j][0]) * cross
		cy += (best[i][1] + best[j][1]) * cross
		a2 += cross
	}
	if a2 == 0 {
		return best[0]
	}
	return point{cx / (3 * a2), cy / (3 * a2)}
}

// prune drops degenerate rings and islands too small to see, keeping the
// country's largest outline whatever its size (Malta, Singapore).
func prune(c *country) {
	largest := -1
	for i, p := range c.polys {
		if largest < 0 || area(p[0]) > area(c.polys[largest][0]) {
			largest = i
		}
	}
	var polys [][][]point
	for i, p := range c.polys {
		if i != largest && (len(p[0]) < 4 || area(p[0]) < minIsland) {
			continue
		}
		rings := [][]point{trimClosing(p[0])}
		for _, hole := range p[1:] {
			if len(hole) >= 4 && area(hole) >= minIsland {
				rings = append(rings, trimClosing(hole))
			}
		}
		polys = append(polys, rings)
	}
	c.polys = polys
}

// trimClosing drops a ring's repeated first point: SVG closes paths itself.
func trimClosing(r []point) []point {
	if len(r) > 1 && q(r[0][0]) == q(r[len(r)-1][0]) && q(r[0][1]) == q(r[len(r)-1][1]) {
		return r[:len(r)-1]
	}
	return r
}
