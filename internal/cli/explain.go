package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/rules"
)

func newExplain(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:               "explain RULE",
		Short:             "Print a rule's rationale and remediation (RULE is an ID or a name; no argument lists the rules)",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRules,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, r := range rules.All {
					fmt.Fprintf(s.Out, "%s  %-22s %-8s %s\n", r.ID, r.Name, r.Severity, r.Summary)
				}
				return nil
			}
			r := rules.ByID(args[0])
			if r == nil {
				ids := make([]string, len(rules.All))
				for i, r := range rules.All {
					ids[i] = r.ID
				}
				return usageError("unknown rule %q (rules: %s)", args[0], strings.Join(ids, ", "))
			}
			fmt.Fprint(s.Out, r.Doc())
			fmt.Fprintf(s.Out, "\nDefault severity: %s\nRemediation: %s\nDocumentation: %s\n", r.Severity, r.Remediation, r.URL())
			return nil
		},
	}
}
