//go:build unix

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// The hostile-input suite runs sovlint as a CI job would, on inputs an
// attacker wrote, one class of attack per case, and proves for each: exit
// status 2 (unless the case says otherwise) with one line on stderr naming
// the input, within a time and a memory bound, no Go stack trace, no
// canary (a secret planted in the input) in any output, and no marker (a
// file that code from the scanned tree would create).
//
// Each case runs in a child process (the test binary as sovlint-bare), so
// that a hang is killed and its peak memory measured. The bounds catch a
// hang or a blow-up, not a slowdown: speed is measured by benchmarks.

const (
	hostileTimeout = 60 * time.Second
	hostileMaxRSS  = 1 << 30 // bytes
)

// hostileCase is one attack.
type hostileCase struct {
	name string
	// files are written under the case's directory, which is the child's
	// working directory; links are symlinks (name → target).
	files map[string]string
	links map[string]string
	// setup prepares what files cannot say (a FIFO, a generated input).
	setup func(t *testing.T, dir string)
	args  []string
	// stdin is the child's standard input; extra is its file descriptor 3
	// (/dev/fd/3: what <(…) gives a command).
	stdin, extra string
	env          []string
	// exit is the expected status; stderr the regexp the one line on
	// stderr must match after "sovlint: " (empty: no line expected).
	exit   int
	stderr string
	// canary must appear in no output; marker (relative to the case's
	// directory) must not exist afterwards.
	canary string
	marker string
	// noControls says stdout must hold no terminal control character.
	noControls bool
	// stdout, when set, is a regexp stdout must match.
	stdout string
}

func runHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "sovlint-bare")
	if err := os.Symlink(exe, bin); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range c.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			for name, target := range c.links {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, p); err != nil {
					t.Fatal(err)
				}
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, args...)
			cmd.Dir = dir
			cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
			for _, e := range c.env {
				cmd.Env = append(cmd.Env, strings.ReplaceAll(e, "$DIR", dir)) // a later PATH wins
			}
			cmd.Stdin = strings.NewReader(c.stdin)
			if c.extra != "" {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				go func() {
					_, _ = w.WriteString(c.extra)
					w.Close()
				}()
				defer r.Close()
				cmd.ExtraFiles = []*os.File{r}
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			elapsed := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("still running after %s: killed", hostileTimeout)
			}
			code := 0
			if ee, ok := errors.AsType[*exec.ExitError](err); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			rss := maxRSS(cmd.ProcessState)
			t.Logf("%s: exit %d in %s, peak RSS %d MiB", c.name, code, elapsed.Round(time.Millisecond), rss>>20)
			want := c.exit
			if want == 0 && c.stderr != "" {
				want = ExitError
			}
			if code != want {
				t.Errorf("exit status %d, want %d\nstderr: %s", code, want, stderr.String())
			}
			if rss > hostileMaxRSS {
				t.Errorf("peak RSS %d MiB, over %d MiB", rss>>20, hostileMaxRSS>>20)
			}
			errText := stderr.String()
			if strings.Contains(errText, "goroutine ") || strings.Contains(errText, "panic") {
				t.Errorf("stderr has a stack trace or panic:\n%s", errText)
			}
			if c.stderr != "" {
				re := regexp.MustCompile("^sovlint: " + strings.ReplaceAll(c.stderr, "$DIR", regexp.QuoteMeta(dir)) + "\n$")
				if !re.MatchString(errText) {
					t.Errorf("stderr =\n%s\nwant one line matching %s", errText, re)
				}
			}
			if c.canary != "" {
				outs := stdout.String() + errText
				_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
					if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".out") {
						b, _ := os.ReadFile(p)
						outs += string(b)
					}
					return nil
				})
				if strings.Contains(outs, c.canary) {
					t.Errorf("the canary %q reached an output", c.canary)
				}
			}
			if c.stdout != "" && !regexp.MustCompile(c.stdout).MatchString(stdout.String()) {
				t.Errorf("stdout does not match %s:\n%.2000s", c.stdout, stdout.String())
			}
			if c.noControls {
				if i := strings.IndexFunc(stdout.String(), isTerminalControl); i >= 0 {
					t.Errorf("stdout has the control character %U at %d: %q", firstRune(stdout.String()[i:]), i, stdout.String()[max(0, i-40):min(stdout.Len(), i+40)])
				}
			}
			if c.marker != "" {
				if _, err := os.Stat(filepath.Join(dir, c.marker)); err == nil {
					t.Errorf("the marker %s exists: code from the scanned tree ran", c.marker)
				}
			}
		})
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isTerminalControl reports whether a terminal or a log would interpret r:
// C0 controls but line feed and tab, DEL, C1, bidirectional formatting.
func isTerminalControl(r rune) bool {
	switch {
	case r == '\n', r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// maxRSS is a finished child's peak resident set, in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss // bytes there, KiB on Linux
	}
	return ru.Maxrss << 10
}

const providerTF = "provider \"aws\" {\n  region = \"eu-west-3\"\n}\n"

// TestHostileFiles: what stands where a file is expected is refused unless
// it is one (devices, FIFOs in the tree, symlinks to them), every input is
// read within a limit, and errors are placed from what was read — right
// for stdin and <(…) too.
func TestHostileFiles(t *testing.T) {
	fifo := func(name string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			t.Helper()
			if err := syscall.Mkfifo(filepath.Join(dir, name), 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}
	}
	badPlan := "{\"format_version\": \"1.2\",\n  \"planned_values\": {}, \"x\": tru}\n"
	runHostile(t, []hostileCase{
		{name: "plan is /dev/zero", args: []string{"scan", "/dev/zero"}, stderr: `/dev/zero: is a device, not a regular file`},
		{name: "forced plan is /dev/urandom", args: []string{"scan", "--plan", "/dev/urandom"}, stderr: `/dev/urandom: is a device, not a regular file`},
		{name: "plan is a symlink to /dev/zero", links: map[string]string{"plan.json": "/dev/zero"}, args: []string{"scan", "plan.json"}, stderr: `plan.json: is a device, not a regular file`},
		{name: "config is /dev/zero", files: map[string]string{"live/main.tf": providerTF}, args: []string{"scan", "--config", "/dev/zero", "live"}, stderr: `/dev/zero: cannot read the configuration: is a device, not a regular file`},
		{name: "discovered config is a symlink to /dev/zero", files: map[string]string{"live/main.tf": providerTF}, links: map[string]string{"live/.sovlint.hcl": "/dev/zero"}, args: []string{"scan", "live"}, stderr: `live/\.sovlint\.hcl: cannot read the configuration: is a device, not a regular file`},
		{name: "baseline is /dev/zero", files: map[string]string{"live/main.tf": providerTF}, args: []string{"scan", "--baseline", "/dev/zero", "live"}, stderr: `/dev/zero: cannot read the baseline: is a device, not a regular file`},
		{name: "var-file is /dev/urandom", files: map[string]string{"live/main.tf": providerTF}, args: []string{"scan", "--var-file", "/dev/urandom", "live"}, stderr: `/dev/urandom: Cannot read variable definitions file; is a device, not a regular file`},
		{name: "tf file is a symlink to /dev/zero", links: map[string]string{"live/main.tf": "/dev/zero"}, args: []string{"scan", "live"}, stderr: `live/main\.tf: Cannot read configuration file; is a device, not a regular file`},
		{name: "terraform.tfvars is a symlink to /dev/zero", files: map[string]string{"live/main.tf": providerTF}, links: map[string]string{"live/terraform.tfvars": "/dev/zero"}, args: []string{"scan", "live"}, stderr: `live/terraform\.tfvars: Cannot read variable definitions file; is a device, not a regular file`},
		{name: "tf file is a FIFO", files: map[string]string{"live/a.tf": providerTF}, setup: fifo("live/main.tf"), args: []string{"scan", "live"}, stderr: `live/main\.tf: Cannot read configuration file; is a FIFO, not a regular file`},
		{name: "auto.tfvars is a FIFO", files: map[string]string{"live/main.tf": providerTF}, setup: fifo("live/x.auto.tfvars"), args: []string{"scan", "live"}, stderr: `live/x\.auto\.tfvars: Cannot read variable definitions file; is a FIFO, not a regular file`},
		{name: "plan on stdin placed", stdin: badPlan, args: []string{"scan", "-"}, stderr: `<stdin>:2:33: invalid JSON: invalid character '}' in literal true \(expecting 'e'\)`},
		{name: "plan from process substitution placed", extra: badPlan, args: []string{"scan", "/dev/fd/3"}, stderr: `/dev/fd/3:2:33: invalid JSON: invalid character '}' in literal true \(expecting 'e'\)`},
		{name: "forced plan from process substitution placed", extra: badPlan, args: []string{"scan", "--plan", "/dev/fd/3"}, stderr: `/dev/fd/3:2:33: invalid JSON: .*`},
		{name: "named FIFO plan without a writer", setup: fifo("plan.json"), args: []string{"scan", "--plan", "plan.json"}, stderr: `plan\.json:1:1: unexpected end of JSON input \(is the file truncated\?\)`},
	})
}

// TestHostileSavedPlan: a saved plan in a hostile tree never makes sovlint
// run the tree's code. The tree plants a provider under the plan's
// .terraform/providers that would leave a marker; a terraform on PATH that
// starts the providers of its working directory (as the real one does)
// leaves a log if it runs at all.
func TestHostileSavedPlan(t *testing.T) {
	zip := "PK\x03\x04\x14\x00\x00\x00tfplan"
	plant := func(t *testing.T, dir string) {
		t.Helper()
		provider := filepath.Join(dir, "repo", ".terraform", "providers", "registry.terraform.io", "hashicorp", "aws", "5.0.0", "linux_amd64", "terraform-provider-aws_v5.0.0")
		writeExecutable(t, provider, "#!/bin/sh\ntouch "+filepath.Join(dir, "PWNED")+"\n")
		writeExecutable(t, filepath.Join(dir, "tools", "terraform"), "#!/bin/sh\necho \"$(pwd)\" >> "+filepath.Join(dir, "TERRAFORM_RAN")+"\nfind .terraform/providers -type f 2>/dev/null | while read p; do \"$p\"; done\necho '{\"format_version\":\"1.2\",\"planned_values\":{}}'\n")
	}
	files := map[string]string{"repo/tfplan": zip, "repo/plan.json": zip}
	path := []string{"PATH=$DIR/tools:" + os.Getenv("PATH")}
	var cases []hostileCase
	for _, c := range []hostileCase{
		{name: "saved plan without the flag", args: []string{"scan", "repo/tfplan"}, stderr: `repo/tfplan: this is a saved plan file, not its JSON: .*--convert-binary-plan --terraform-bin PATH.*`},
		{name: "zip named .json", args: []string{"scan", "repo/plan.json"}, stderr: `repo/plan\.json: is a zip archive \(a saved plan\?\), not JSON as its name says: .*`},
		{name: "zip named .json with the flags", args: []string{"scan", "--plan", "--convert-binary-plan", "--terraform-bin", "$DIR/tools/terraform", "repo/plan.json"}, stderr: `repo/plan\.json: is a zip archive .*`},
		{name: "flag without terraform-bin", args: []string{"scan", "--convert-binary-plan", "repo/tfplan"}, stderr: `--convert-binary-plan needs --terraform-bin PATH: .*`},
		{name: "terraform-bin without the flag", args: []string{"scan", "--terraform-bin", "$DIR/tools/terraform", "repo/tfplan"}, stderr: `--terraform-bin is only used with --convert-binary-plan`},
		{name: "saved plan on stdin", stdin: zip, args: []string{"scan", "-"}, stderr: `<stdin>: this is a saved plan file \(a zip archive\), not its JSON: .*`},
	} {
		c.files, c.setup, c.env, c.marker = files, plant, path, "TERRAFORM_RAN"
		cases = append(cases, c)
	}
	// Asked to, sovlint converts it with the terraform named, in its own
	// working directory: the tree's provider does not run.
	cases = append(cases, hostileCase{
		name: "saved plan converted as asked", files: files, setup: plant, env: path,
		args: []string{"scan", "--convert-binary-plan", "--terraform-bin", "$DIR/tools/terraform", "repo/tfplan"},
		exit: ExitClean, marker: "PWNED",
	})
	runHostile(t, cases)
}

func writeExecutable(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o700); err != nil {
		t.Fatal(err)
	}
}

// TestHostileNesting: HCL and JSON some 100,000 levels deep (a few hundred
// KB) overflowed the stack inside the parser, which no recover catches;
// nesting is measured before parsing, in every file HCL reads.
func TestHostileNesting(t *testing.T) {
	const n = 100000
	parens := strings.Repeat("(", n) + "1" + strings.Repeat(")", n)
	deep := "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	live := map[string]string{"live/main.tf": providerTF + "variable \"x\" {\n  type    = any\n  default = null\n}\n"}
	with := func(extra map[string]string) map[string]string {
		out := maps.Clone(live)
		maps.Copy(out, extra)
		return out
	}
	const tooDeep = `Nested too deeply; This goes more than 1000 levels of brackets, blocks, templates or operators deep, which sovlint does not read\.`
	runHostile(t, []hostileCase{
		{name: "tf parentheses", files: with(map[string]string{"live/deep.tf": "locals {\n  a = " + parens + "\n}\n"}), args: []string{"scan", "live"}, stderr: `live/deep\.tf:2:1005: ` + tooDeep},
		{name: "tf blocks", files: with(map[string]string{"live/deep.tf": "resource \"aws_s3_bucket\" \"b\" {\n" + strings.Repeat("x {\n", n) + strings.Repeat("}\n", n) + "}\n"}), args: []string{"scan", "live"}, stderr: `live/deep\.tf:1000:3: ` + tooDeep},
		{name: "tf templates", files: with(map[string]string{"live/deep.tf": "locals {\n  a = " + strings.Repeat(`"${`, n) + "1" + strings.Repeat(`}"`, n) + "\n}\n"}), args: []string{"scan", "live"}, stderr: `live/deep\.tf:2:\d+: ` + tooDeep},
		{name: "tf operators", files: with(map[string]string{"live/deep.tf": "locals {\n  a = 1" + strings.Repeat(" + 1", 10*n) + "\n}\n"}), args: []string{"scan", "live"}, stderr: `live/deep\.tf:2:\d+: ` + tooDeep},
		{name: "tf.json arrays", files: with(map[string]string{"live/deep.tf.json": `{"locals": {"a": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}}`}), args: []string{"scan", "live"}, stderr: `live/deep\.tf\.json:1:\d+: ` + tooDeep},
		{name: "tf.json template", files: with(map[string]string{"live/deep.tf.json": `{"locals": {"a": "${` + parens + `}"}}`}), args: []string{"scan", "live"}, stderr: `live/deep\.tf\.json:1:\d+: ` + tooDeep},
		{name: "terraform.tfvars", files: with(map[string]string{"live/terraform.tfvars": deep}), args: []string{"scan", "live"}, stderr: `live/terraform\.tfvars:1:1004: ` + tooDeep},
		{name: "var-file", files: with(map[string]string{"deep.tfvars": deep}), args: []string{"scan", "--var-file", "deep.tfvars", "live"}, stderr: `deep\.tfvars:1:1004: ` + tooDeep},
		{name: "var", files: live, args: []string{"scan", "--var", "x=" + strings.Repeat("[", n/2) + strings.Repeat("]", n/2), "live"}, stderr: `variable "x": the value given on the command line or in TF_VAR_x is not a valid expression for its type`},
		{name: "TF_VAR", files: live, env: []string{"TF_VAR_x=" + strings.Repeat("(", n/2) + strings.Repeat(")", n/2)}, args: []string{"scan", "live"}, stderr: `variable "x": the value given on the command line or in TF_VAR_x is not a valid expression for its type`},
		{name: "sovlint.hcl", files: with(map[string]string{"live/.sovlint.hcl": "policy {\n  residency = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n}\n"}), args: []string{"scan", "live"}, stderr: `live/\.sovlint\.hcl:2:1013: ` + tooDeep},
	})
}

// TestHostileSecrets: secrets in the input reach no output and no error.
func TestHostileSecrets(t *testing.T) {
	const canaryNumber = "4242424242424242424242e400"
	bigVar := `{"format_version": "1.2", "variables": {"db_password": {"value": ` + canaryNumber + `}},
"resource_changes": [], "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": ` + canaryNumber + `}}}},
"root_module": {"variables": {"db_password": {"default": ` + canaryNumber + `, "sensitive": true}}}}}`
	misplaced := `{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {"resources": [{"address": ` + canaryNumber + `}]}}}`
	module := providerTF + `module "m" {
  source = "git::https://deploy:hunter2canary@corp@example.com/infra/modules.git?ref=v1&sshkey=canarykey"
}
`
	runHostile(t, []hostileCase{
		{name: "number beyond float64 in variables and constant_value", files: map[string]string{"plan.json": bigVar}, args: []string{"scan", "--format", "json", "plan.json"}, exit: ExitClean, canary: "424242"},
		{name: "number beyond float64 where a string goes", files: map[string]string{"plan.json": misplaced}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:1:\d+: configuration: root_module\.resources\.address is a number, where the plan format has a string`, canary: "424242"},
		{name: "module source password with an @ (text)", files: map[string]string{"live/main.tf": module}, args: []string{"scan", "live"}, exit: ExitClean, canary: "canary"},
		{name: "module source password with an @ (json)", files: map[string]string{"live/main.tf": module}, args: []string{"scan", "--format", "json", "live"}, exit: ExitClean, canary: "canary"},
		{name: "huge format_version", files: map[string]string{"plan.json": `{"format_version": "` + strings.Repeat("canary", 200000) + `"}`}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:1:20: invalid plan format_version "…"`, canary: "canary"},
	})
}

// TestHostileClear: an input error is one line on stderr, with the file
// and, when there is one, the position.
func TestHostileClear(t *testing.T) {
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, c := range []byte(s) {
			b = append(b, c, 0)
		}
		return string(b)
	}
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = "{}[]()=\"$#x \n"[i*7919%13]
	}
	plan := `{"format_version": "1.2", "planned_values": {}}`
	runHostile(t, []hostileCase{
		{name: "garbage tf", files: map[string]string{"live/main.tf": string(garbage)}, args: []string{"scan", "live"}, stderr: `live/main\.tf:\d+:\d+: [^\n]* \(and \d+ more; --verbose for all\)`},
		{name: "UTF-16 tf", files: map[string]string{"live/main.tf": utf16(providerTF)}, args: []string{"scan", "live"}, stderr: `live/main\.tf:1:1: Unsupported text encoding; The file is UTF-16 \(little-endian\) text; .*`},
		{name: "UTF-16 plan", files: map[string]string{"plan.json": utf16(plan)}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:1:1: the plan is UTF-16 \(little-endian\) text; .*`},
		{name: "UTF-8 BOM plan", files: map[string]string{"plan.json": "\xef\xbb\xbf" + plan}, args: []string{"scan", "plan.json"}, exit: ExitClean},
		{name: "BOM plan error placed", files: map[string]string{"plan.json": "\xef\xbb\xbf{\"format_version\": \"1.2\",\n x}"}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:2:2: invalid JSON: .*`},
		{name: "format_version placed", files: map[string]string{"plan.json": "{\"planned_values\": {},\n  \"format_version\": \"7.0\"}"}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:2:21: unsupported plan format_version "7\.0": sovlint reads >= 0\.1, < 2\.0`},
		{name: "null configuration object", files: map[string]string{"plan.json": "{\"format_version\": \"1.2\", \"resource_changes\": [],\n\"configuration\": {\"root_module\": {\"module_calls\": {\"net\": {\"module\": {\"resources\": [null]}}}}}}"}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:2:85: configuration\.root_module\.module_calls\.net\.module\.resources\[0\] is null where the plan format has an object`},
		{name: "baseline not JSON", files: map[string]string{"plan.json": plan, "base.json": "{\n  \"version\": 1,\n  \"findings\": [tru]\n}"}, args: []string{"scan", "--baseline", "base.json", "plan.json"}, stderr: `base\.json:3:\d+: not a baseline: invalid JSON`},
		{name: "baseline version", files: map[string]string{"plan.json": plan, "base.json": "{\n  \"findings\": [],\n  \"version\": 9\n}"}, args: []string{"scan", "--baseline", "base.json", "plan.json"}, stderr: `base\.json:3:14: baseline version 9 is not supported .*`},
		{name: "baseline wrong type", files: map[string]string{"plan.json": plan, "base.json": "{\"version\": 1, \"findings\": [{\"rule\": 12345678901234567890}]}"}, args: []string{"scan", "--baseline", "base.json", "plan.json"}, stderr: `base\.json:1:\d+: not a baseline: findings\.rule should be a string`, canary: "1234567890"},
		{name: "baseline UTF-16", files: map[string]string{"plan.json": plan, "base.json": utf16(`{"version": 1, "findings": []}`)}, args: []string{"scan", "--baseline", "base.json", "plan.json"}, stderr: `base\.json:1:1: the baseline is UTF-16 \(little-endian\) text; .*`},
	})
}

// TestHostileControlCharacters: terminal control characters in a region,
// an address (a for_each key) and a tag value reach no human-facing
// format raw.
func TestHostileControlCharacters(t *testing.T) {
	const evil = `\u001b]0;pwned\u0007\u001b[2J\u0000\u009b\u202egnp.\u2066\r`
	plan := `{"format_version": "1.2", "resource_changes": [
  {"address": "aws_s3_bucket.b[\"k` + evil + `\"]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": "k",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["create"], "after": {"region": "eu-west-3` + evil + `", "tags": {"classification": "sensitive` + evil + `"}}}},
  {"address": "aws_s3_bucket.c", "mode": "managed", "type": "aws_s3_bucket", "name": "c",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["create"], "after": {"region": "us-east-1` + evil + `", "tags": {"classification": "sensitive"}}}}
]}`
	var cases []hostileCase
	for _, format := range []string{"text", "github", "markdown", "gitlab", "junit", "compact", "html"} {
		cases = append(cases, hostileCase{
			name: format, files: map[string]string{"plan.json": plan},
			args: []string{"scan", "--format", format, "--color", "always", "plan.json"},
			exit: ExitFindings, noControls: format != "text",
		})
	}
	// Text in color has its own escape sequences: without color, none.
	cases = append(cases, hostileCase{
		name: "text without color", files: map[string]string{"plan.json": plan},
		args: []string{"scan", "--format", "text", "plan.json"}, exit: ExitFindings, noControls: true,
	})
	runHostile(t, cases)
}

// TestHostileConfigAbove: a .sovlint.hcl above the repository (a shared CI
// workspace, /tmp, $HOME) that disables every rule is not applied, and the
// configuration that is applied is named.
func TestHostileConfigAbove(t *testing.T) {
	plan := `{"format_version": "1.2", "resource_changes": [
  {"address": "aws_s3_bucket.c", "mode": "managed", "type": "aws_s3_bucket", "name": "c",
   "provider_name": "registry.terraform.io/hashicorp/aws",
   "change": {"actions": ["create"], "after": {"region": "us-east-1", "tags": {"classification": "sensitive"}}}}]}`
	var disable strings.Builder
	for _, id := range []string{"SOV000", "SOV001", "SOV002", "SOV003", "SOV004", "SOV005", "SOV006", "SOV007"} {
		disable.WriteString("rule \"" + id + "\" {\n  enabled = false\n}\n")
	}
	files := map[string]string{".sovlint.hcl": disable.String(), "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/infra/plan.json": plan}
	runHostile(t, []hostileCase{
		{name: "config above the repository", files: files, args: []string{"scan", "repo/infra/plan.json"}, exit: ExitFindings},
		{
			name: "config in the repository is named", files: map[string]string{".sovlint.hcl": disable.String(), "repo/.git/HEAD": "x", "repo/infra/plan.json": plan, "repo/.sovlint.hcl": "policy {}\n"},
			args: []string{"scan", "--format", "json", "--format", "text:out.txt", "repo/infra/plan.json"}, exit: ExitFindings,
			setup: func(t *testing.T, dir string) {
				t.Helper()
				t.Cleanup(func() {
					b, err := os.ReadFile(filepath.Join(dir, "out.txt"))
					if err != nil || !strings.Contains(string(b), "; configuration repo/.sovlint.hcl)") {
						t.Errorf("the text summary does not name the configuration:\n%s", b)
					}
				})
			},
		},
	})
}

// TestHostileEvaluation: what would exhaust memory or never end in the
// evaluation of sources fails closed within bounds: an error naming the
// file and line (exit 2), or the location it feeds unresolved with the
// reason (a finding, exit 1).
func TestHostileEvaluation(t *testing.T) {
	region := func(expr string) map[string]string {
		return map[string]string{"live/main.tf": "locals {\n  big = " + expr + "\n}\nprovider \"aws\" {\n  region = \"eu-west-${min(3, length(local.big))}\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  tags = { classification = \"sensitive\" }\n}\n"}
	}
	doubling := "locals {\n  l0 = [\"aaaaaaaaaaaaaaaa\"]\n"
	for i := range 40 {
		doubling += fmt.Sprintf("  l%d = concat(local.l%d, local.l%d)\n", i+1, i, i)
	}
	doubling += "}\nprovider \"aws\" {\n  region = \"eu-west-${min(3, length(local.l40))}\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  tags = { classification = \"sensitive\" }\n}\n"
	dag := map[string]string{"live/main.tf": providerTF + "module \"a\" {\n  source = \"../m0\"\n}\n", "m30/main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n"}
	for i := range 30 {
		dag[fmt.Sprintf("m%d/main.tf", i)] = fmt.Sprintf("module \"x\" {\n  source = \"../m%d\"\n}\nmodule \"y\" {\n  source = \"../m%d\"\n}\n", i+1, i+1)
	}
	unresolved := func(why string) string { return `"unresolved": "[^\n]*` + why }
	runHostile(t, []hostileCase{
		{name: "setproduct of three range(1024)", files: region("setproduct(range(1024), range(1024), range(1024))"), args: []string{"scan", "--format", "json", "live"}, exit: ExitFindings, stdout: unresolved(`setproduct\(\) would make more than 1000000 combinations`)},
		{name: "doubling locals", files: map[string]string{"live/main.tf": doubling}, args: []string{"scan", "--format", "json", "live"}, exit: ExitFindings, stdout: unresolved("larger than sovlint evaluates")},
		{name: "tostring(1e99999999)", files: region("tostring(1e99999999)"), args: []string{"scan", "--format", "json", "live"}, exit: ExitFindings, stdout: unresolved(`beyond 10\^4096`)},
		{name: "nested for over a billion elements", files: region("[for a in range(1024) : [for b in range(1024) : [for c in range(1024) : 1]]]"), args: []string{"scan", "live"}, stderr: `live/main\.tf:2:\d+: iterating over a collection goes past sovlint's evaluation budget .*`},
		{name: "module count times resource count", files: map[string]string{"live/main.tf": providerTF + "module \"m\" {\n  source = \"./m\"\n  count  = 100000\n}\n", "live/m/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  count = 100000\n}\n"}, args: []string{"scan", "live"}, stderr: `live/m/main\.tf:2:\d+: the count of module\.m\[\d+\]\.aws_s3_bucket\.b makes the configuration more than 200000 resource and module instances, more than sovlint evaluates`},
		{name: "for_each over a million-element set", files: map[string]string{"live/main.tf": providerTF + "locals {\n  s = toset([for p in setproduct(range(1000), range(1000)) : join(\"-\", p)])\n}\nresource \"aws_s3_bucket\" \"b\" {\n  for_each = local.s\n  tags     = { classification = \"sensitive\" }\n}\n"}, args: []string{"scan", "--format", "json", "live"}, exit: ExitFindings, stdout: `"unexpanded": "the for_each of aws_s3_bucket\.b is not known statically`},
		{name: "module tree doubling at every level", files: dag, args: []string{"scan", "live"}, stderr: `m\d+/main\.tf:\d+:\d+: Too many modules; .*`},
		{
			name: "module calling itself through a symlink", files: map[string]string{"live/main.tf": providerTF + "module \"a\" {\n  source = \"./m\"\n}\n", "live/m/main.tf": "module \"x\" {\n  source = \"./l1\"\n}\nmodule \"y\" {\n  source = \"./l2\"\n}\n"},
			links: map[string]string{"live/m/l1": ".", "live/m/l2": "."}, args: []string{"scan", "live"}, stderr: `live/m/main\.tf:2:\d+: Module cycle; .* \(and 1 more; --verbose for all\)`,
		},
	})
}

// TestHostileDeepPlan: a plan whose kept attributes are nested just under
// the JSON depth limit, 2 MB of it, took minutes to convert (quadratic in
// the depth); conversion is one pass.
func TestHostileDeepPlan(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format_version": "1.2", "resource_changes": [`)
	for i := range 100 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"address": "aws_s3_bucket.b%d", "mode": "managed", "type": "aws_s3_bucket", "name": "b%d", "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["create"], "after": {"region": "eu-west-3", "tags": %s%d%s}}}`,
			i, i, strings.Repeat("[", 9990), i, strings.Repeat("]", 9990))
	}
	b.WriteString("]}")
	runHostile(t, []hostileCase{
		{name: "2 MB nested 9990 deep", files: map[string]string{"plan.json": b.String()}, args: []string{"scan", "plan.json"}, exit: ExitClean},
		{name: "nested past the limit", files: map[string]string{"plan.json": `{"format_version": "1.2", "x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`}, args: []string{"scan", "plan.json"}, stderr: `plan\.json:1:\d+: invalid JSON: .*`},
	})
}
