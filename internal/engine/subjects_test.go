package engine

import (
	"strconv"
	"testing"

	"github.com/sovlint/sovlint/analyzer"
)

// Subjects in runs read as one list: roots of any size, added one after
// the other, each subject where its index says.
func TestSubjectList(t *testing.T) {
	var all subjectList
	var want []string
	for _, n := range []int{0, 1, subjectRun - 1, subjectRun, 2*subjectRun + 3, 5} {
		l := newSubjects(n)
		for i := range n {
			addr := strconv.Itoa(len(want))
			l.at(i).Resource = &analyzer.Resource{Address: addr}
			want = append(want, addr)
		}
		all.add(l)
	}
	if all.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", all.Len(), len(want))
	}
	for i, w := range want {
		if got := all.At(i).Resource.Address; got != w {
			t.Fatalf("At(%d) = %s, want %s", i, got, w)
		}
	}
	i := 0
	for s := range all.All() {
		if s.Resource.Address != want[i] {
			t.Fatalf("All()[%d] = %s, want %s", i, s.Resource.Address, want[i])
		}
		i++
	}
	flat := all.flat()
	if len(flat) != len(want) || flat[len(flat)-1].Resource.Address != want[len(want)-1] {
		t.Errorf("flat: %d subjects, want %d", len(flat), len(want))
	}
	var none subjectList
	if none.Len() != 0 || len(none.flat()) != 0 {
		t.Error("the empty list is not empty")
	}
}
