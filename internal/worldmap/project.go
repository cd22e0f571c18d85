package worldmap

import "math"

const rad = math.Pi / 180

// equalEarth is the Equal Earth projection (Šavrič, Patterson and Jenny,
// 2018): equal-area, so a country's shaded surface is not inflated by its
// latitude as in Web Mercator, and the world still looks familiar.
func equalEarth(p lonLat) (x, y float64) {
	const a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
	lambda, phi := p.lon*rad, p.lat*rad
	theta := math.Asin(math.Sqrt(3) / 2 * math.Sin(phi))
	t2 := theta * theta
	t6 := t2 * t2 * t2
	x = 2 * math.Sqrt(3) * lambda * math.Cos(theta) / (3 * (9*a4*t6*t2 + 7*a3*t6 + 3*a2*t2 + a1))
	y = theta * (a1 + a2*t2 + t6*(a3+a4*t2))
	return x, -y // SVG's y grows downwards
}

// laeaEurope is the Lambert azimuthal equal-area projection centered on
// 10°E 52°N, the one the EU's statistics use for Europe (ETRS89-LAEA,
// EPSG:3035), on the unit sphere.
func laeaEurope(p lonLat) (x, y float64) {
	const lon0, lat0 = 10 * rad, 52 * rad
	lambda, phi := p.lon*rad, p.lat*rad
	sinPhi, cosPhi := math.Sincos(phi)
	sinDL, cosDL := math.Sincos(lambda - lon0)
	sin0, cos0 := math.Sincos(lat0)
	den := 1 + sin0*sinPhi + cos0*cosPhi*cosDL
	if den < 1e-9 { // the antipode of the center: off the map anyway
		den = 1e-9
	}
	k := math.Sqrt(2 / den)
	return k * cosPhi * sinDL, -k * (cos0*sinPhi - sin0*cosPhi*cosDL)
}

// frame maps projected coordinates onto a view's pixels.
type frame struct {
	minX, minY, scale float64
}

func (f frame) apply(x, y float64) (float64, float64) {
	return (x - f.minX) * f.scale, (y - f.minY) * f.scale
}

// clipRing is Sutherland-Hodgman against the rectangle [x0,x1]×[y0,y1]:
// what the Europe view keeps of Russia or Algeria. The clipped ring may run
// along the rectangle's edge, which lies outside the visible area.
func clipRing(r [][2]float64, x0, y0, x1, y1 float64) [][2]float64 {
	type edge struct {
		inside func(p [2]float64) bool
		cross  func(a, b [2]float64) [2]float64
	}
	lerpX := func(a, b [2]float64, x float64) [2]float64 {
		t := (x - a[0]) / (b[0] - a[0])
		return [2]float64{x, a[1] + t*(b[1]-a[1])}
	}
	lerpY := func(a, b [2]float64, y float64) [2]float64 {
		t := (y - a[1]) / (b[1] - a[1])
		return [2]float64{a[0] + t*(b[0]-a[0]), y}
	}
	edges := []edge{
		{func(p [2]float64) bool { return p[0] >= x0 }, func(a, b [2]float64) [2]float64 { return lerpX(a, b, x0) }},
		{func(p [2]float64) bool { return p[0] <= x1 }, func(a, b [2]float64) [2]float64 { return lerpX(a, b, x1) }},
		{func(p [2]float64) bool { return p[1] >= y0 }, func(a, b [2]float64) [2]float64 { return lerpY(a, b, y0) }},
		{func(p [2]float64) bool { return p[1] <= y1 }, func(a, b [2]float64) [2]float64 { return lerpY(a, b, y1) }},
	}
	out := r
	for _, e := range edges {
		if len(out) == 0 {
			break
		}
		in := out
		out = make([][2]float64, 0, len(in))
		prev := in[len(in)-1]
		for _, cur := range in {
			switch cin, pin := e.inside(cur), e.inside(prev); {
			case cin && pin:
				out = append(out, cur)
			case cin:
				out = append(out, e.cross(prev, cur), cur)
			case pin:
				out = append(out, e.cross(prev, cur))
			}
			prev = cur
		}
	}
	return out
}
