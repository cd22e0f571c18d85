package report

import (
	"bufio"
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A checked resource's verdict: whether its findings count.
const (
	verdictCompliant    = "compliant"
	verdictWaived       = "waived"
	verdictNonCompliant = "non-compliant"
)

// place is one provider and region that checked resources land on.
type place struct {
	provider, region, country string
	verdicts                  map[string]int // resources by verdict
	findings                  int            // active findings
}

func (p *place) total() int {
	return p.verdicts[verdictCompliant] + p.verdicts[verdictWaived] + p.verdicts[verdictNonCompliant]
}

func (p *place) regionLabel() string {
	if p.region == "" {
		return "unresolved"
	}
	return p.region
}

// landing groups the resources the policy checks by provider and region,
// with each resource's verdict, sorted by provider and region.
func landing(r *Report) []*place {
	// A resource is its root and address: two roots may declare the same
	// address, and one's findings must not decide the other's verdict.
	type resourceKey struct{ root, address string }
	active, suppressed := map[resourceKey]int{}, map[resourceKey]bool{}
	for _, f := range r.Findings {
		k := resourceKey{f.Root, f.Address}
		if f.Active() {
			active[k]++
		} else {
			suppressed[k] = true
		}
	}
	byKey := map[string]*place{}
	var out []*place
	for res := range r.CheckedRows() {
		region := res.Region
		key := res.Provider + "\x00" + region
		p := byKey[key]
		if p == nil {
			p = &place{provider: res.Provider, region: region, country: res.Country, verdicts: map[string]int{}}
			byKey[key] = p
			out = append(out, p)
		}
		k := resourceKey{res.Root, res.Address}
		switch {
		case active[k] > 0:
			p.verdicts[verdictNonCompliant]++
			p.findings += active[k]
		case suppressed[k]:
			p.verdicts[verdictWaived]++
		default:
			p.verdicts[verdictCompliant]++
		}
	}
	slices.SortFunc(out, func(a, b *place) int {
		return cmp.Or(strings.Compare(a.provider, b.provider), strings.Compare(a.region, b.region))
	})
	return out
}

// writeMermaid draws provider → region → verdict as a Mermaid flowchart,
// which GitHub and GitLab render in Markdown. Edges carry resource counts.
func writeMermaid(w *bufio.Writer, places []*place) {
	fmt.Fprint(w, "```mermaid\nflowchart LR\n")
	providers := map[string]string{}
	verdictIDs := map[string]string{verdictCompliant: "v_pass", verdictWaived: "v_waived", verdictNonCompliant: "v_fail"}
	used := map[string]bool{}
	for i, p := range places {
		pid, ok := providers[p.provider]
		if !ok {
			pid = fmt.Sprintf("p%d", len(providers))
			providers[p.provider] = pid
			fmt.Fprintf(w, "  %s[\"%s\"]\n", pid, mermaidLabel(p.provider))
		}
		rid := fmt.Sprintf("r%d", i)
		label := p.regionLabel()
		if p.country != "" {
			label += " (" + p.country + ")"
		}
		fmt.Fprintf(w, "  %s[\"%s\"]\n", rid, mermaidLabel(label))
		fmt.Fprintf(w, "  %s -->|%d| %s\n", pid, p.total(), rid)
		for _, v := range []string{verdictNonCompliant, verdictWaived, verdictCompliant} {
			if n := p.verdicts[v]; n > 0 {
				used[v] = true
				fmt.Fprintf(w, "  %s -->|%d| %s\n", rid, n, verdictIDs[v])
			}
		}
	}
	for _, v := range []string{verdictNonCompliant, verdictWaived, verdictCompliant} {
		if used[v] {
			fmt.Fprintf(w, "  %s([\"%s\"]):::%s\n", verdictIDs[v], v, verdictIDs[v])
		}
	}
	fmt.Fprint(w, "  classDef v_fail fill:#f8d7da,stroke:#842029,color:#842029\n")
	fmt.Fprint(w, "  classDef v_waived fill:#fff3cd,stroke:#664d03,color:#664d03\n")
	fmt.Fprint(w, "  classDef v_pass fill:#d1e7dd,stroke:#0f5132,color:#0f5132\n")
	fmt.Fprint(w, "```\n\n")
}

// mermaidLabel escapes text for a quoted Mermaid label with Mermaid's
// numeric entity codes ("#" first, since the codes use it).
func mermaidLabel(s string) string {
	return mermaidEntities.Replace(s)
}

var mermaidEntities = strings.NewReplacer("#", "#35;", `"`, "#34;", "<", "#60;", ">", "#62;", "\n", " ", "\r", " ")
