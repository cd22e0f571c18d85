package main

import (
	"os"
	"testing"
)

func TestNextGCPercent(t *testing.T) {
	for live, want := range map[uint64]int{
		0:                96 * 100, // a tiny live heap: room for heapFloor, counted from 1 MiB
		heapFloor / 4:    400,      // collect after heapFloor more
		heapFloor / 2:    200,
		heapFloor - 1:    100, // (rounded down)
		heapFloor:        100, // from there, GOGC=100: twice the live heap
		heapFloor * 3:    100,
		heapFloor * 1000: 100,
	} {
		if got := nextGCPercent(live); got != want {
			t.Errorf("nextGCPercent(%d) = %d, want %d", live, got, want)
		}
	}
}

// /dev/null is a character device but no terminal: text sent there must
// not be colored.
func TestDevNullIsNoTerminal(t *testing.T) {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
}
