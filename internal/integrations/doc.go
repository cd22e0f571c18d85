// Package integrations has no code: its tests check the files that plug
// sovlint into other tools (the pre-commit hook, the GitHub Action, the
// GitLab CI template) by running them as those tools would.
package integrations
