//go:build unix

package engine

import (
	"os/exec"
	"syscall"
)

// killGroup runs the command in a process group of its own and has a
// canceled context kill the whole group: the providers Terraform starts
// are its children, and must not outlive it.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
