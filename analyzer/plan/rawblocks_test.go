package plan

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// rawEnd scans b as skipRaw does when its buffer ends at each of cuts:
// blocks of 64 bytes, then the bytes left one at a time.
func rawEnd(b []byte, cuts []int, blocks bool) int {
	var st rawState
	i := 0
	for _, end := range append(cuts, len(b)) {
		end = min(max(end, i), len(b))
		for blocks && i+64 <= end {
			if e := st.block(b[i : i+64]); e >= 0 {
				return i + e
			}
			i += 64
		}
		if e := st.bytes(b[:end], i); e >= 0 {
			return e
		}
		i = end
	}
	return -1
}

func checkRawEnd(t *testing.T, b []byte, cuts []int) {
	t.Helper()
	want := rawEnd(b, nil, false)
	if got := rawEnd(b, cuts, true); got != want {
		t.Fatalf("%q cut at %v: blocks end at %d, bytes at %d", b, cuts, got, want)
	}
}

// Reading 64 bytes at a time finds the end the byte loop finds, whatever
// the input and wherever the buffer ends: runs of backslashes, quotes and
// brackets inside and outside strings, across blocks and refills.
func TestRawBlocksMatchBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte(`{}[]"\\\\\\a ,:`)
	for n := range 20000 {
		size := 1 + rng.IntN(400)
		b := make([]byte, size)
		b[0] = "{["[rng.IntN(2)]
		for i := 1; i < size; i++ {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var cuts []int
		for range rng.IntN(4) {
			cuts = append(cuts, rng.IntN(size+1))
		}
		if n%2 == 0 {
			cuts = nil
		}
		checkRawEnd(t, b, sortInts(cuts))
	}
	for _, s := range []string{
		`{"a":"b"}`, `{"a":"}"}`, `{"a":"\"}"}`, `{"a":"\\"}`, `[1,[2,[3]]]`,
		`{"x":"` + strings.Repeat(`\\`, 40) + `\"` + strings.Repeat("y", 30) + `"}`,
		`{"` + strings.Repeat("a", 62) + `\` + `"}"}`,
	} {
		for cut := range len(s) + 1 {
			checkRawEnd(t, []byte(s), []int{cut})
		}
	}
}

func sortInts(a []int) []int {
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			if a[j] < a[i] {
				a[i], a[j] = a[j], a[i]
			}
		}
	}
	return a
}

func FuzzRawBlocksMatchBytes(f *testing.F) {
	f.Add([]byte(`{"a":"b\"c","d":[1,{"e":"\\"}]}`), uint16(7))
	f.Add([]byte(`[`+strings.Repeat(`"\\`, 40)+`]`), uint16(64))
	f.Fuzz(func(t *testing.T, b []byte, cut uint16) {
		if len(b) == 0 || b[0] != '{' && b[0] != '[' {
			return
		}
		checkRawEnd(t, b, []int{int(cut)})
	})
}
