package worldmap

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// countries.bin is made by gen.go from testdata/countries-50m.json; its
// layout is what decode reads.
//
//go:embed countries.bin
var countriesBin []byte

//go:generate go run gen.go

const magic = "sovlint-worldmap-1\n"

// quantum is the stored coordinates' unit in degrees (gen.go's too).
const quantum = 0.01

// lonLat is a position in degrees.
type lonLat struct{ lon, lat float64 }

// shape is one country's outline: polygons of rings, the first ring of a
// polygon its outline and the others its holes.
type shape struct {
	code  string // ISO 3166-1 alpha-2; "" for a territory without one (Kosovo, Somaliland)
	name  string // Natural Earth's English short name
	label lonLat // centroid of the largest piece, for markers
	polys [][][]lonLat
}

var (
	shapesOnce sync.Once
	shapes     []shape
	byCode     map[string]int
)

// loadShapes decodes the embedded shapes once. A decoding error is a
// build defect (the data is embedded and tested), hence the panic.
func loadShapes() {
	shapesOnce.Do(func() {
		s, err := decode(countriesBin)
		if err != nil {
			panic("worldmap: embedded countries.bin: " + err.Error())
		}
		shapes = s
		byCode = make(map[string]int, len(s))
		for i, c := range s {
			if c.code != "" {
				byCode[c.code] = i
			}
		}
	})
}

// reader reads varints and strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length and checks it against what is left, so a corrupt
// length cannot allocate much.
func (r *reader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n) //nolint:gosec // at most len(r.b), checked above
}

func (r *reader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated or corrupt")
	}
	r.b = nil
}

func decode(b []byte) ([]shape, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("not a worldmap shape file")
	}
	r := &reader{b: b[len(magic):]}
	n := r.count()
	out := make([]shape, 0, n)
	for range n {
		s := shape{code: r.str(), name: r.str()}
		lon, lat := r.varint(), r.varint()
		s.label = lonLat{float64(lon) * quantum, float64(lat) * quantum}
		polys := r.count()
		for range polys {
			rings := r.count()
			poly := make([][]lonLat, 0, rings)
			for range rings {
				pts := r.count()
				ring := make([]lonLat, 0, pts)
				for range pts {
					lon += r.varint()
					lat += r.varint()
					ring = append(ring, lonLat{float64(lon) * quantum, float64(lat) * quantum})
				}
				poly = append(poly, ring)
			}
			s.polys = append(s.polys, poly)
		}
		if r.err != nil {
			return nil, fmt.Errorf("country %d: %w", len(out), r.err)
		}
		out = append(out, s)
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%d bytes after the last country", len(r.b))
	}
	return out, r.err
}

// Name returns a country's English short name (Natural Earth's), and
// whether the map has a shape for the code.
func Name(code string) (string, bool) {
	loadShapes()
	i, ok := byCode[code]
	if !ok {
		return "", false
	}
	return shapes[i].name, true
}
