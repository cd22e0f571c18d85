package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/report"
	"github.com/sovlint/sovlint/rules"
)

// Shell completion (sovlint completion bash|zsh|fish|powershell, from
// cobra) of what sovlint knows: formats, severities, rule IDs and provider
// IDs.

func completeWords(words ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeRules offers rule IDs with their summaries.
func completeRules(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := make([]cobra.Completion, 0, len(rules.All))
	for _, r := range rules.All {
		out = append(out, cobra.CompletionWithDesc(r.ID, r.Summary))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeProviders offers the catalog's provider IDs with their names.
func completeProviders(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, p := range providers.Default().Providers {
		out = append(out, cobra.CompletionWithDesc(p.ID, p.Name))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeFormats offers the formats, and FORMAT: for writing to a file.
func completeFormats(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if name, _, ok := strings.Cut(toComplete, ":"); ok {
		if _, err := report.Lookup(name); err == nil {
			return nil, cobra.ShellCompDirectiveDefault // a file name
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return report.Formats(), cobra.ShellCompDirectiveNoFileComp
}

func registerScanCompletions(cmd *cobra.Command) {
	severities := completeWords("notice", "warning", "error")
	for flag, fn := range map[string]cobra.CompletionFunc{
		"format":       completeFormats,
		"severity":     severities,
		"fail-on":      severities,
		"color":        completeWords("auto", "always", "never"),
		"only":         completeRules,
		"disable-rule": completeRules,
		"enable-rule":  completeRules,
	} {
		_ = cmd.RegisterFlagCompletionFunc(flag, fn) // the flags exist: an error is a typo caught by the tests
	}
}
