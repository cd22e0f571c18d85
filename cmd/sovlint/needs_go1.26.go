//go:build !go1.26

package main

// This file is compiled only by a Go older than 1.26, which cannot build
// sovlint (pre-commit's `go install ./...` with an old system Go, say): the
// name below is undefined on purpose, so that the compiler's error says
// what is wrong instead of a list of errors about newer language features.
var _ = sovlint_needs_Go_1_26_or_later__install_a_newer_Go_or_use_a_release_binary
