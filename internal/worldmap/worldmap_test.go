package worldmap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/providers"
)

// TestEmbeddedDataIsGenerated rebuilds countries.bin from the source file
// and compares: the embedded shapes are what gen.go makes of the data
// PROVENANCE.md names, nothing edited by hand.
func TestEmbeddedDataIsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs gen.go")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out := filepath.Join(t.TempDir(), "countries.bin")
	cmd := exec.Command(goBin, "run", "gen.go", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, countriesBin) {
		t.Errorf("countries.bin differs from what gen.go makes of testdata/countries-50m.json (%d bytes vs %d): run go generate's command in gen.go", len(countriesBin), len(got))
	}
}

// TestCatalogCountriesHaveShapes: every country a catalog region lies in
// can be shaded ("EU", several member states, is the page's to list).
func TestCatalogCountriesHaveShapes(t *testing.T) {
	cat := providers.Default()
	seen := map[string]bool{}
	check := func(o *providers.Offering) {
		for _, r := range o.Regions {
			for _, c := range r.Countries {
				if c == "EU" || seen[c] {
					continue
				}
				seen[c] = true
				if _, ok := Name(c); !ok {
					t.Errorf("region %s is in %s, which the map has no shape for", r.Code, c)
				}
			}
		}
	}
	for _, p := range cat.Providers {
		check(&p.Offering)
		for _, v := range p.Variants {
			check(&v.Offering)
		}
	}
	if len(seen) < 20 {
		t.Fatalf("only %d countries in the catalog's regions: the walk is broken", len(seen))
	}
}

func TestName(t *testing.T) {
	for code, want := range map[string]string{"FR": "France", "DE": "Germany", "MT": "Malta", "SG": "Singapore", "HK": "Hong Kong", "US": "United States of America", "NO": "Norway"} {
		if got, ok := Name(code); !ok || got != want {
			t.Errorf("Name(%q) = %q, %v; want %q", code, got, ok, want)
		}
	}
	for _, code := range []string{"", "EU", "AQ", "ZZ", "fr"} {
		if got, ok := Name(code); ok {
			t.Errorf("Name(%q) = %q, true; want no shape", code, got)
		}
	}
}

func TestDecodeRejectsCorruptData(t *testing.T) {
	if _, err := decode([]byte("not a map")); err == nil {
		t.Error("decode accepted data without the magic line")
	}
	for _, n := range []int{len(magic) + 1, len(countriesBin) / 2, len(countriesBin) - 1} {
		if _, err := decode(countriesBin[:n]); err == nil {
			t.Errorf("decode accepted the data cut at %d bytes", n)
		}
	}
	if _, err := decode(append(bytes.Clone(countriesBin), 0)); err == nil {
		t.Error("decode accepted trailing bytes")
	}
	huge := append([]byte(magic), 0xff, 0xff, 0xff, 0xff, 0x0f) // a count far past the data
	if _, err := decode(huge); err == nil {
		t.Error("decode accepted a count larger than the data")
	}
}

func TestProjections(t *testing.T) {
	near := func(got, want float64) bool { return math.Abs(got-want) < 1e-4 }
	// Equal Earth's published extent: x = 2.7066 at 180°E on the equator,
	// y = 1.3174 at the pole (Šavrič et al., table 1).
	if x, y := equalEarth(lonLat{180, 0}); !near(x, 2.706629) || !near(y, 0) {
		t.Errorf("equalEarth(180, 0) = %v, %v", x, y)
	}
	if x, y := equalEarth(lonLat{0, 90}); !near(x, 0) || !near(y, -1.317363) {
		t.Errorf("equalEarth(0, 90) = %v, %v", x, y)
	}
	if x, y := laeaEurope(lonLat{10, 52}); !near(x, 0) || !near(y, 0) {
		t.Errorf("laeaEurope(center) = %v, %v", x, y)
	}
	// East of the center is right, north is up (SVG's y grows down).
	if x, y := laeaEurope(lonLat{20, 60}); x <= 0 || y >= 0 {
		t.Errorf("laeaEurope(20E 60N) = %v, %v: want right and up of the center", x, y)
	}
}

func TestBins(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 1, 9: 1, 10: 2, 99: 2, 100: 3, 999: 3, 1000: 4, 9999: 4, 10000: 5, 1 << 30: 5} {
		if got := Bin(n); got != want {
			t.Errorf("Bin(%d) = %d, want %d", n, got, want)
		}
	}
	var labels []string
	for b := 1; b <= len(Bins); b++ {
		labels = append(labels, BinLabel(b))
	}
	if diff := cmp.Diff([]string{"1–9", "10–99", "100–999", "1000–9999", "10000 or more"}, labels); diff != "" {
		t.Error(diff)
	}
}

var counts = map[string]Count{
	"FR": {Resources: 120, Verdict: NonCompliant, Label: `France <"&'>`},
	"DE": {Resources: 8, Verdict: Compliant},
	"US": {Resources: 1500, Verdict: NonCompliant},
	"MT": {Resources: 3, Verdict: Waived},
	"EU": {Resources: 4, Verdict: NonCompliant}, // no shape: ignored
	"IT": {Resources: 0, Verdict: NonCompliant}, // nothing to shade
}

// element is a parsed SVG element, enough to check structure.
type element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []element  `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (e *element) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (e *element) walk(f func(*element)) {
	f(e)
	for i := range e.Children {
		e.Children[i].walk(f)
	}
}

func parse(t *testing.T, b []byte) *element {
	t.Helper()
	var root element
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	if err := d.Decode(&root); err != nil {
		t.Fatalf("the map is not well-formed XML: %v", err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		t.Fatalf("content after the <svg> element: %v", err)
	}
	return &root
}

func TestWrite(t *testing.T) {
	for _, v := range []View{Europe, World} {
		var buf bytes.Buffer
		if err := Write(&buf, v, counts, Options{LinkPrefix: "#country-"}); err != nil {
			t.Fatal(err)
		}
		root := parse(t, buf.Bytes())
		if root.XMLName.Local != "svg" || root.attr("role") != "group" || root.attr("aria-labelledby") == "" {
			t.Fatalf("root %v: want an <svg> group labeled by its title", root)
		}
		shaded := map[string]string{} // code → bin class
		links := map[string]string{}
		labels := map[string]string{}
		markers := 0
		root.walk(func(e *element) {
			switch {
			case e.XMLName.Local == "a":
				links[e.Children[0].attr("data-country")] = e.attr("href")
				labels[e.Children[0].attr("data-country")] = e.attr("aria-label")
			case e.attr("data-country") != "":
				shaded[e.attr("data-country")] = e.attr("class")
				if e.Children[0].XMLName.Local != "title" || e.Children[0].Text == "" {
					t.Errorf("%s: no <title> first", e.attr("data-country"))
				}
				for _, c := range e.Children[1:] {
					checkPath(t, c.attr("d"))
				}
			case e.attr("class") == "wm-land":
				checkPath(t, e.attr("d"))
			case strings.HasPrefix(e.attr("class"), "wm-mk "):
				markers++
			}
		})
		want := map[string]string{"FR": "wm-c wm-n3", "DE": "wm-c wm-n1", "MT": "wm-c wm-n1"}
		if v == World {
			want["US"] = "wm-c wm-n4"
		}
		if diff := cmp.Diff(want, shaded); diff != "" {
			t.Errorf("view %d: shaded countries (-want +got):\n%s", v, diff)
		}
		if links["FR"] != "#country-FR" || labels["FR"] != `France <"&'>` {
			t.Errorf("view %d: France's link %q, label %q", v, links["FR"], labels["FR"])
		}
		if markers != len(want) {
			t.Errorf("view %d: %d verdict markers, want %d", v, markers, len(want))
		}
		if !strings.Contains(buf.String(), `aria-label="France &lt;&#34;&amp;&#39;&gt;"`) {
			t.Errorf("view %d: the label is not escaped", v)
		}
	}
}

func checkPath(t *testing.T, d string) {
	t.Helper()
	if d != "" && !pathData.MatchString(d) {
		t.Errorf("path data %.60q… is not moves and lines", d)
	}
}

var pathData = regexp.MustCompile(`^([mM]-?\d+ ?-?\d+l(-?\d+ ?-?\d+ ?)+z)+$`)

func TestWriteTinyCountryIsADisc(t *testing.T) {
	b := Append(nil, Europe, map[string]Count{"MT": {Resources: 1, Verdict: Waived}}, Options{})
	if !bytes.Contains(b, []byte(`class="wm-tiny"`)) {
		t.Error("Malta has no disc in the Europe view")
	}
	if bytes.Contains(b, []byte("<a ")) {
		t.Error("a link without a LinkPrefix")
	}
	b = Append(nil, Europe, map[string]Count{"FR": {Resources: 1, Verdict: Waived}}, Options{})
	if bytes.Contains(b, []byte(`class="wm-tiny"`)) {
		t.Error("France drawn as a disc")
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	first := Append(nil, World, counts, Options{LinkPrefix: "#c-"})
	for range 5 {
		if again := Append(nil, World, counts, Options{LinkPrefix: "#c-"}); !bytes.Equal(first, again) {
			t.Fatal("two renderings of the same counts differ")
		}
	}
}

// TestMapSize keeps both maps small enough to carry in every report.
func TestMapSize(t *testing.T) {
	all := map[string]Count{}
	for _, s := range loadAll() {
		all[s] = Count{Resources: 5, Verdict: NonCompliant}
	}
	size := len(Append(nil, Europe, all, Options{LinkPrefix: "#country-"})) + len(Append(nil, World, all, Options{LinkPrefix: "#country-"}))
	if size > 160<<10 {
		t.Errorf("both maps with every country shaded take %d KiB, want at most 160", size>>10)
	}
	t.Logf("%d bytes with every country shaded", size)
}

func loadAll() []string {
	loadShapes()
	var codes []string
	for c := range byCode {
		codes = append(codes, c)
	}
	return codes
}

func BenchmarkAppend(b *testing.B) {
	prepare(Europe)
	prepare(World)
	buf := make([]byte, 0, 128<<10)
	for b.Loop() {
		buf = Append(buf[:0], Europe, counts, Options{LinkPrefix: "#c-"})
		buf = Append(buf, World, counts, Options{LinkPrefix: "#c-"})
	}
}
