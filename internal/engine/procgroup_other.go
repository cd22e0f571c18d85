//go:build !unix

package engine

import "os/exec"

// killGroup leaves the default: a cancelled context kills the process.
func killGroup(*exec.Cmd) {}
