package plan

import (
	"encoding/binary"
	"math/bits"
)

// The plan reader's one goroutine finds where each resource_changes
// element (and each resource of planned_values) ends, for workers to
// validate and read: a scan of strings and nesting only, over most of the
// plan's bytes. Byte by byte it was a sixth of a scan's CPU, most of it
// branches mispredicted at every string's start and end. rawBlocks reads
// 64 bytes at a time instead, as simdjson does: bitmasks of the quotes,
// backslashes and brackets, escaped characters found from the runs of
// backslashes, the bytes inside strings from a prefix XOR of the quotes,
// and the nesting from counts of the brackets outside strings.
//
// Its rules are the byte loop's (skipRawBytes): a backslash escapes the
// byte after it, a quote that is not escaped starts or ends a string,
// brackets outside strings nest. On valid JSON they find where every value
// ends; on anything else they find some end, and the worker that validates
// the bytes reports the first error, which comes before any place the two
// could differ.

// rawState is the scan's state between blocks.
type rawState struct {
	depth    int
	inString uint64 // all ones when a block starts inside a string
	escaped  uint64 // 1 when a block's first byte is escaped
}

const (
	evenBits = 0x5555555555555555
	low7     = 0x7f7f7f7f7f7f7f7f
)

// byteMask is the bitmask (bit k for byte k) of the bytes of x equal to
// the byte c is repeated in.
func byteMask(x, c uint64) uint64 {
	t := x ^ c
	z := ^(((t & low7) + low7) | t | low7) // 0x80 in each zero byte, exactly
	return ((z >> 7) * 0x0102040810204080) >> 56
}

// blockMasks are a 64-byte block's quotes, backslashes, openers ('{' and
// '[') and closers ('}' and ']').
func blockMasks(p []byte) (quote, backslash, opener, closer uint64) {
	_ = p[63]
	for w := range 8 {
		x := binary.LittleEndian.Uint64(p[w*8:])
		y := x | lsb*0x20 // '[' and '{' alike, ']' and '}' alike
		shift := uint(w * 8)
		quote |= byteMask(x, lsb*'"') << shift
		backslash |= byteMask(x, lsb*'\\') << shift
		opener |= byteMask(y, lsb*'{') << shift
		closer |= byteMask(y, lsb*'}') << shift
	}
	return
}

// escapedBytes returns the bytes of a block that follow an odd run of
// backslashes, carrying a run's oddness into the next block
// (simdjson's find_odd_backslash_sequences).
func escapedBytes(backslash uint64, carry *uint64) uint64 {
	if backslash == 0 {
		e := *carry
		*carry = 0
		return e
	}
	startEdges := backslash &^ (backslash << 1)
	evenStartMask := evenBits ^ *carry
	evenStarts := startEdges & evenStartMask
	oddStarts := startEdges &^ evenStartMask
	evenCarries := backslash + evenStarts
	oddCarries, overflow := bits.Add64(backslash, oddStarts, 0)
	oddCarries |= *carry
	*carry = overflow
	evenCarryEnds := evenCarries &^ backslash
	oddCarryEnds := oddCarries &^ backslash
	return evenCarryEnds&^evenBits | oddCarryEnds&evenBits
}

// prefixXor sets each bit to the XOR of it and the bits below it.
func prefixXor(x uint64) uint64 {
	x ^= x << 1
	x ^= x << 2
	x ^= x << 4
	x ^= x << 8
	x ^= x << 16
	x ^= x << 32
	return x
}

// block scans 64 bytes; it returns the index past the bracket that brings
// the depth back to zero, or -1 when the value goes on.
func (st *rawState) block(p []byte) int {
	quote, backslash, opener, closer := blockMasks(p)
	esc := escapedBytes(backslash, &st.escaped)
	quote &^= esc
	opener &^= esc
	closer &^= esc
	// Bits inside strings, opening quotes included.
	in := prefixXor(quote) ^ st.inString
	st.inString = 0
	if in>>63 != 0 {
		st.inString = ^uint64(0)
	}
	opener &^= in
	closer &^= in
	if st.depth > bits.OnesCount64(closer) {
		st.depth += bits.OnesCount64(opener) - bits.OnesCount64(closer)
		return -1
	}
	for m := opener | closer; m != 0; m &= m - 1 {
		b := uint64(1) << bits.TrailingZeros64(m)
		if opener&b != 0 {
			st.depth++
			continue
		}
		st.depth--
		if st.depth == 0 {
			return bits.TrailingZeros64(m) + 1
		}
	}
	return -1
}
