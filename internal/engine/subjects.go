package engine

import (
	"iter"
	"sort"

	"github.com/sovlint/sovlint/rules"
)

// subjectList holds a scan's assessed resources in scan order, in runs:
// each root's, cut into runs of subjectRun. A plan of 300,000 resources
// needed 30 MB of subjects in one block, which the memory its reading
// leaves behind (freed, but in pieces) could not hold, so that it came on
// top; runs of 26 KiB fit there. Roots' subjects are added without being
// copied.
type subjectList struct {
	runs   [][]rules.Subject
	starts []int // starts[k] is the index of runs[k][0]
	n      int
}

// subjectRun is how many subjects a run holds.
const subjectRun = 256

// newSubjects makes room for n subjects.
func newSubjects(n int) subjectList {
	var l subjectList
	for lo := 0; lo < n; lo += subjectRun {
		l.starts = append(l.starts, lo)
		l.runs = append(l.runs, make([]rules.Subject, min(subjectRun, n-lo)))
	}
	l.n = n
	return l
}

// Len is the number of subjects.
func (l *subjectList) Len() int { return l.n }

// At returns subject i.
func (l *subjectList) At(i int) *rules.Subject {
	k := sort.SearchInts(l.starts, i+1) - 1
	return &l.runs[k][i-l.starts[k]]
}

// at is At for a list newSubjects made, whose runs are all subjectRun long
// but the last.
func (l *subjectList) at(i int) *rules.Subject {
	return &l.runs[i/subjectRun][i%subjectRun]
}

// add appends the subjects of m, which it takes.
func (l *subjectList) add(m subjectList) {
	for k, run := range m.runs {
		l.starts = append(l.starts, l.n+m.starts[k])
		l.runs = append(l.runs, run)
	}
	l.n += m.n
}

// All yields every subject, in order.
func (l *subjectList) All() iter.Seq[*rules.Subject] {
	return func(yield func(*rules.Subject) bool) {
		for _, run := range l.runs {
			for i := range run {
				if !yield(&run[i]) {
					return
				}
			}
		}
	}
}

// flat copies the subjects into one slice.
func (l *subjectList) flat() []rules.Subject {
	out := make([]rules.Subject, 0, l.n)
	for _, run := range l.runs {
		out = append(out, run...)
	}
	return out
}
