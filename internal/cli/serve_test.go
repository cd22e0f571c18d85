package cli

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/runtask/runtasktest"
	"github.com/sovlint/sovlint/internal/serve"
)

// lockedBuffer is a stderr written by the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeEndToEnd runs `sovlint serve` against a fake Terraform API with
// real plans from testdata/plans, a policy for the organization and one for
// sandbox workspaces, then stops it as SIGTERM would.
func TestServeEndToEnd(t *testing.T) {
	const token = "atlasv1.SECRET-run-token"
	const key = "0123456789abcdef-hmac"
	api := runtasktest.NewAPI(token)
	defer api.Close()
	for _, name := range []string{"count-foreach", "default-tags"} {
		plan, err := os.ReadFile(filepath.Join("..", "..", "testdata", "plans", name, "plan.json"))
		if err != nil {
			t.Fatal(err)
		}
		api.SetPlan(name, plan)
	}
	dir := t.TempDir()
	f := &serveFlags{
		terraformURL: api.URL(),
		// The key file ends with a newline, as `echo key > file` leaves it.
		hmacKeyFile:    writeFile(t, dir, "hmac", key+"\n"),
		config:         writeFile(t, dir, "org.sovlint.hcl", `policy { fail_on = "notice" }`),
		workspaces:     []string{"sandbox-*=" + writeFile(t, dir, "sandbox.sovlint.hcl", "rule \"SOV001\" { enabled = false }\nrule \"SOV002\" { enabled = false }\nrule \"SOV003\" { enabled = false }\n")},
		maxPlanMiB:     64,
		maxRunsInQueue: 100,
		runTimeout:     time.Minute,
		shutdownGrace:  30 * time.Second,
		logLevel:       "info",
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stderr := &lockedBuffer{}
	s := &Streams{Out: &bytes.Buffer{}, Err: stderr, Getenv: func(string) string { return "" }}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, s, f, ln) }()

	url := "http://" + ln.Addr().String() + "/"
	for _, run := range []runtasktest.Run{
		{ID: "a", Organization: "ministere", Workspace: "prod-paris", PlanID: "count-foreach"},
		{ID: "b", Organization: "ministere", Workspace: "sandbox-7", PlanID: "count-foreach"},
		{ID: "c", Organization: "ministere", Workspace: "prod-lyon", PlanID: "default-tags", Stage: "pre_apply"},
	} {
		code, err := runtasktest.Post(http.DefaultClient, url, []byte(key), api.Payload(run))
		if err != nil || code != http.StatusOK {
			t.Fatalf("run %s: %d %v", run.ID, code, err)
		}
	}
	// A request signed with another key is refused.
	if code, err := runtasktest.Post(http.DefaultClient, url, []byte("wrong"), api.Payload(runtasktest.Run{ID: "x"})); err != nil || code != http.StatusUnauthorized {
		t.Errorf("wrong key: %d %v", code, err)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v\n%s", err, stderr)
	}

	want := map[string]struct{ status, message string }{
		"a": {"failed", "6 findings on 3 of 7 resources: 3 SOV001 not-secnumcloud, 3 SOV002 extraterritorial-law (policy: " + f.config + ")"},
		"b": {"passed", "No finding on 7 resources (policy: " + strings.TrimPrefix(f.workspaces[0], "sandbox-*=") + ")"},
		"c": {"failed", "3 findings on 1 of 2 resources: 1 SOV001 not-secnumcloud, 1 SOV002 extraterritorial-law, 1 SOV003 outside-eu (policy: " + f.config + ")"},
	}
	for id, w := range want {
		got := api.Callbacks(id)
		if len(got) != 1 {
			t.Errorf("run %s: %d callbacks, want 1", id, len(got))
			continue
		}
		if got[0].Status != w.status || got[0].Message != w.message {
			t.Errorf("run %s: %s %q\nwant %s %q", id, got[0].Status, got[0].Message, w.status, w.message)
		}
	}
	if n := len(api.Callbacks("x")); n != 0 {
		t.Errorf("refused run called back %d times", n)
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"serving run tasks"`, `"msg":"run"`, `"run_id":"run-a"`, `"workspace":"sandbox-7"`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
	for _, secret := range []string{token, key} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs hold a secret:\n%s", logs)
		}
	}
}

func TestServeRefusesBadSetups(t *testing.T) {
	dir := t.TempDir()
	keyFile := writeFile(t, dir, "hmac", "k")
	badConfig := writeFile(t, dir, "bad.sovlint.hcl", "policy {\n  fail_on = \"sometimes\"\n}\n")
	tests := []struct {
		name string
		env  string
		args []string
		want string
	}{
		{"no key", "", []string{"serve"}, "no HMAC key: set $SOVLINT_HMAC_KEY or --hmac-key-file"},
		{"key twice", "k", []string{"serve", "--hmac-key-file", keyFile}, "give it once"},
		{"key as a flag", "", []string{"serve", "--hmac-key", "k"}, "unknown flag: --hmac-key"},
		{"empty key file", "", []string{"serve", "--hmac-key-file", writeFile(t, dir, "empty", "\n")}, "is empty"},
		{"missing key file", "", []string{"serve", "--hmac-key-file", filepath.Join(dir, "nope")}, "--hmac-key-file: open"},
		{"bad terraform URL", "k", []string{"serve", "--terraform-url", "ftp://tfe.example.org"}, "the scheme must be https"},
		{"bad workspace spec", "k", []string{"serve", "--workspace-config", "sandbox"}, "want GLOB=FILE"},
		{"bad glob", "k", []string{"serve", "--workspace-config", "[=" + keyFile}, ""},
		{"bad policy", "k", []string{"serve", "--config", badConfig}, "bad.sovlint.hcl:1:1: Invalid fail_on"},
		{"missing policy", "k", []string{"serve", "--config", filepath.Join(dir, "nope.hcl")}, "nope.hcl: no such file or directory"},
		{"bad log level", "k", []string{"serve", "--log-level", "loud"}, "--log-level"},
		{"arguments", "k", []string{"serve", "plan.json"}, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			env := tt.env
			code := Main(tt.args, Streams{Out: &out, Err: &errb, Getenv: func(k string) string {
				if k == hmacKeyEnv {
					return env
				}
				return ""
			}})
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if !strings.Contains(errb.String(), tt.want) || strings.Count(strings.TrimSpace(errb.String()), "\n") > 0 {
				t.Errorf("stderr %q, want one line containing %q", errb.String(), tt.want)
			}
		})
	}
}

// The Kubernetes example must start: its arguments are flags `sovlint
// serve` has, the files they name are the ones the Secret and ConfigMap
// mount, and the policies in the ConfigMap load.
func TestKubernetesExampleMatchesTheCLI(t *testing.T) {
	dir := filepath.Join("..", "..", "deploy", "kubernetes")
	var deploy struct {
		Spec struct {
			Template struct {
				Spec struct {
					Containers []struct {
						Args         []string `yaml:"args"`
						VolumeMounts []struct {
							Name      string `yaml:"name"`
							MountPath string `yaml:"mountPath"`
						} `yaml:"volumeMounts"`
					} `yaml:"containers"`
				} `yaml:"spec"`
			} `yaml:"template"`
		} `yaml:"spec"`
	}
	var cm struct {
		Data map[string]string `yaml:"data"`
	}
	var secret struct {
		StringData map[string]string `yaml:"stringData"`
	}
	for file, v := range map[string]any{"deployment.yaml": &deploy, "configmap.yaml": &cm, "secret.yaml": &secret} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if err := yaml.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	c := deploy.Spec.Template.Spec.Containers[0]
	if len(c.Args) == 0 || c.Args[0] != "serve" {
		t.Fatalf("args %q do not start with serve", c.Args)
	}
	cmd := newServe(&Streams{})
	if err := cmd.ParseFlags(c.Args[1:]); err != nil {
		t.Fatalf("sovlint serve refuses the example's flags: %v", err)
	}
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		mounts[m.Name] = m.MountPath
	}
	fl := cmd.Flags()
	keyFile, _ := fl.GetString("hmac-key-file")
	if _, ok := secret.StringData[filepath.Base(keyFile)]; !ok || filepath.Dir(keyFile) != mounts["hmac"] {
		t.Errorf("--hmac-key-file %s is not the Secret's key mounted at %s", keyFile, mounts["hmac"])
	}
	cfgFile, _ := fl.GetString("config")
	files := []string{cfgFile}
	specs, _ := fl.GetStringArray("workspace-config")
	for _, s := range specs {
		_, f, _ := strings.Cut(s, "=")
		files = append(files, f)
	}
	for _, f := range files {
		src, ok := cm.Data[filepath.Base(f)]
		if !ok || filepath.Dir(f) != mounts["policies"] {
			t.Errorf("%s is not a ConfigMap policy mounted at %s", f, mounts["policies"])
			continue
		}
		cfg, err := config.Parse([]byte(src), f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if _, err := serve.New(serve.Options{Base: serve.Policy{Config: cfg}}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
