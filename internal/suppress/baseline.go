package suppress

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/finding"
)

// baselineVersion is the version of the baseline file format. A reader
// rejects versions it does not know rather than guessing. Version 1 had no
// roots: its entries match in every root module.
const (
	baselineVersion       = 2
	baselineVersionNoRoot = 1
)

// baselineFile is a baseline: the findings a repository accepted on the day
// it adopted sovlint. Entries are rule + root + address, never a line, so
// that moving code does not resurrect them, and a finding accepted in one
// root module does not hide the same address in another.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule    string `json:"rule"`
	Root    string `json:"root,omitempty"`
	Address string `json:"address"`
}

// baselineRoot is the root an entry records: "." for the scanned input
// itself, whichever way a finding spells it.
func baselineRoot(root string) string {
	if finding.IsTop(root) {
		return "."
	}
	return root
}

// WriteBaseline records the findings that count today (and those an earlier
// baseline already accepted), sorted and without duplicates, and returns
// how many it wrote. Findings suppressed inline or by an exception are left
// to those, and SOV000 findings are never baselined: a broken suppression
// must be fixed, not accepted.
func WriteBaseline(w io.Writer, findings []finding.Finding) (int, error) {
	out := baselineFile{Version: baselineVersion, Tool: "sovlint", Findings: []baselineEntry{}}
	for _, f := range findings {
		if f.RuleID == finding.SuppressionRuleID {
			continue
		}
		if f.Suppression != nil && f.Suppression.Kind != finding.SuppressedBaseline {
			continue
		}
		out.Findings = append(out.Findings, baselineEntry{Rule: f.RuleID, Root: baselineRoot(f.Root), Address: f.Address})
	}
	slices.SortFunc(out.Findings, func(a, b baselineEntry) int {
		return cmp.Or(strings.Compare(a.Root, b.Root), strings.Compare(a.Address, b.Address), strings.Compare(a.Rule, b.Rule))
	})
	out.Findings = slices.Compact(out.Findings)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return 0, fmt.Errorf("writing baseline: %w", err)
	}
	return len(out.Findings), nil
}

// LoadBaseline reads a baseline file into a Waiver that suppresses the
// findings it lists. Entries that no longer match are not reported: a
// baseline is expected to shrink as findings are fixed. A version 1
// baseline, written before roots were recorded, still loads: its entries
// match in every root, and the Waiver says so (AnyRoot) for the scan to
// warn.
func LoadBaseline(path string) (*Waiver, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var bf baselineFile
	if err := json.Unmarshal(b, &bf); err != nil {
		return nil, fmt.Errorf("reading baseline %s: %w", path, err)
	}
	anyRoot := bf.Version == baselineVersionNoRoot
	if bf.Version != baselineVersion && !anyRoot {
		return nil, fmt.Errorf("reading baseline %s: version %d is not supported (want %d; write a new one with --baseline-write)", path, bf.Version, baselineVersion)
	}
	accepted := make(map[baselineEntry]bool, len(bf.Findings))
	for _, e := range bf.Findings {
		e.Root = baselineRoot(e.Root)
		if anyRoot {
			e.Root = ""
		}
		accepted[e] = true
	}
	return &Waiver{
		Kind: finding.SuppressedBaseline,
		Matches: func(f *finding.Finding) bool {
			root := baselineRoot(f.Root)
			if anyRoot {
				root = ""
			}
			return accepted[baselineEntry{Rule: f.RuleID, Root: root, Address: f.Address}]
		},
		Reason:  "recorded in the baseline " + path,
		Range:   hcl.Range{Filename: path},
		What:    "baseline " + path,
		AnyRoot: anyRoot,
	}, nil
}
