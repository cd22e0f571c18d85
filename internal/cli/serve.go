package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/runtask"
	"github.com/sovlint/sovlint/internal/serve"
)

// hmacKeyEnv is the environment variable that may hold the run task's HMAC
// key. The key is never a flag: flags show in process lists and shell
// history.
const hmacKeyEnv = "SOVLINT_HMAC_KEY"

type serveFlags struct {
	listen         string
	metricsListen  string
	terraformURL   string
	archiveURLs    []string
	hmacKeyFile    string
	config         string
	workspaces     []string // GLOB=FILE
	failOpen       bool
	maxPlanMiB     int64
	maxScans       int
	shutdownGrace  time.Duration
	logLevel       string
	catalog        string
	runTimeout     time.Duration
	maxRunsInQueue int
}

func newServe(s *Streams) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the run task protocol of HCP Terraform and Terraform Enterprise: check every plan before it is applied",
		Long: `serve is a run task endpoint for HCP Terraform and Terraform Enterprise.
Register its URL as a run task (post-plan or pre-apply stage) with an HMAC
key, and give the server the same key in the ` + hmacKeyEnv + ` environment
variable or in --hmac-key-file. Each run's plan JSON is downloaded from the
Terraform API, scanned with the policy of its workspace, and the verdict
(passed or failed, one outcome per finding) reported on the run.

GET /healthz and /readyz are the probes, GET /metrics the Prometheus metrics.
SIGTERM or SIGINT stops accepting runs and finishes those in flight.`,
		Example: `  SOVLINT_HMAC_KEY=… sovlint serve --listen :8080
  sovlint serve --terraform-url https://tfe.example.gouv.fr --hmac-key-file /run/secrets/hmac \
    --config /etc/sovlint/org.sovlint.hcl --workspace-config 'sandbox-*=/etc/sovlint/sandbox.sovlint.hcl'`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, s, &f, nil)
		},
	}
	fl := cmd.Flags()
	fl.SortFlags = false
	fl.StringVar(&f.listen, "listen", ":8080", "address to serve run tasks and probes on")
	fl.StringVar(&f.metricsListen, "metrics-listen", "", "serve /metrics on this address instead of --listen (keep it private)")
	fl.StringVar(&f.terraformURL, "terraform-url", runtask.DefaultTerraformURL, "base URL of the Terraform API: plan and callback URLs must be under it")
	fl.StringArrayVar(&f.archiveURLs, "archive-url", nil, "base URL the API may redirect plan downloads to, repeatable (default: https://archivist.terraform.io with app.terraform.io, none otherwise)")
	fl.StringVar(&f.hmacKeyFile, "hmac-key-file", "", "read the run task's HMAC key from FILE (else from $"+hmacKeyEnv+")")
	fl.StringVar(&f.config, "config", "", "the "+config.FileName+" policy of every workspace (default: built-in defaults)")
	fl.StringVar(&f.catalog, "catalog", "", "scan with this catalog bundle (a directory or file, see sovlint catalog export) instead of, or on top of, the embedded catalog")
	fl.StringArrayVar(&f.workspaces, "workspace-config", nil, `GLOB=FILE: the policy of the workspaces matching GLOB (a workspace name, or "org/workspace"), repeatable; the first match replaces --config`)
	fl.BoolVar(&f.failOpen, "fail-open", false, "pass runs whose plan cannot be downloaded or read, with a warning (default: fail them)")
	fl.Int64Var(&f.maxPlanMiB, "max-plan-size", 512, "largest plan JSON to download, in MiB")
	fl.IntVar(&f.maxScans, "max-concurrent-scans", 0, "plans downloaded and scanned at once (default: the number of CPUs)")
	fl.IntVar(&f.maxRunsInQueue, "max-runs", 1024, "runs accepted and not yet reported; beyond, requests get 503 and HCP Terraform retries")
	fl.DurationVar(&f.runTimeout, "run-timeout", 9*time.Minute, "time from a run's request to its result (HCP Terraform errors a task silent for 10 minutes)")
	fl.DurationVar(&f.shutdownGrace, "shutdown-grace", 25*time.Second, "on SIGTERM, time for runs in flight to finish (keep it under the pod's terminationGracePeriodSeconds)")
	fl.StringVar(&f.logLevel, "log-level", "info", "debug|info|warn|error")
	return cmd
}

// runServe starts the server and blocks until ctx ends. ln, when not nil,
// replaces --listen (tests listen on a free port).
func runServe(ctx context.Context, s *Streams, f *serveFlags, ln net.Listener) (err error) {
	if ln != nil {
		// Serve closes it; on an early error nothing else would.
		defer func() {
			if err != nil {
				_ = ln.Close()
			}
		}()
	}
	key, err := hmacKey(s, f.hmacKeyFile)
	if err != nil {
		return usageError("%s", err)
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return usageError("--log-level: %q is not one of debug, info, warn, error", f.logLevel)
	}
	log := slog.New(slog.NewJSONHandler(s.Err, &slog.HandlerOptions{Level: level}))

	opt, err := servePolicies(f)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	opt.Version = version()
	opt.CatalogPath = f.catalog
	scanner, err := serve.New(opt)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if f.maxPlanMiB <= 0 {
		return usageError("--max-plan-size must be positive")
	}
	srv, err := runtask.New(runtask.Config{
		TerraformURL:       f.terraformURL,
		ArchiveURLs:        f.archiveURLs,
		HMACKey:            key,
		Scanner:            scanner,
		FailOpen:           f.failOpen,
		MaxPlanBytes:       f.maxPlanMiB << 20,
		MaxConcurrentScans: f.maxScans,
		MaxRuns:            f.maxRunsInQueue,
		RunTimeout:         f.runTimeout,
		Logger:             log,
		SeparateMetrics:    f.metricsListen != "",
	})
	if err != nil {
		return usageError("%s", strings.TrimPrefix(err.Error(), "runtask: "))
	}
	if ln == nil {
		if ln, err = net.Listen("tcp", f.listen); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--listen: %w", err)}
		}
	}
	if f.metricsListen != "" {
		mln, err := net.Listen("tcp", f.metricsListen)
		if err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--metrics-listen: %w", err)}
		}
		ms := &http.Server{Handler: srv.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		go func() { _ = ms.Serve(mln) }()
		defer func() { _ = ms.Close() }()
	}
	policies := []string{"*=" + opt.Base.Name()}
	for _, o := range opt.Overrides {
		policies = append(policies, o.Pattern+"="+o.Policy.Name())
	}
	log.Info("serving run tasks", "listen", ln.Addr().String(), "terraform_url", f.terraformURL,
		"policies", policies, "fail_open", f.failOpen, "version", opt.Version)
	if err := srv.Serve(ctx, ln, f.shutdownGrace); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return &exitError{code: ExitError, err: err}
	}
	return nil
}

// hmacKey reads the key from --hmac-key-file or the environment, never
// both: a second source would leave the operator unsure which one is used.
func hmacKey(s *Streams, file string) ([]byte, error) {
	env := s.Getenv(hmacKeyEnv)
	switch {
	case file != "" && env != "":
		return nil, fmt.Errorf("the HMAC key is given both in --hmac-key-file and in $%s: give it once", hmacKeyEnv)
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--hmac-key-file: %w", err)
		}
		// A key file written by an editor or `echo` ends with a newline
		// that is not part of the key typed into HCP Terraform.
		b = bytes.TrimRight(b, "\r\n")
		if len(b) == 0 {
			return nil, fmt.Errorf("--hmac-key-file %s is empty", file)
		}
		return b, nil
	case env != "":
		return []byte(env), nil
	}
	return nil, fmt.Errorf("no HMAC key: set $%s or --hmac-key-file to the key the run task is registered with", hmacKeyEnv)
}

// servePolicies reads --config and every --workspace-config.
func servePolicies(f *serveFlags) (serve.Options, error) {
	var opt serve.Options
	if f.config != "" {
		cfg, err := config.Load(f.config, inputfile.Named)
		if err != nil {
			return opt, configError("--config", err)
		}
		opt.Base.Config = cfg
	}
	for _, spec := range f.workspaces {
		glob, file, ok := strings.Cut(spec, "=")
		if !ok || glob == "" || file == "" {
			return opt, fmt.Errorf("--workspace-config %q: want GLOB=FILE", spec)
		}
		cfg, err := config.Load(file, inputfile.Named)
		if err != nil {
			return opt, configError("--workspace-config", err)
		}
		opt.Overrides = append(opt.Overrides, serve.Override{Pattern: glob, Policy: serve.Policy{Config: cfg}})
	}
	return opt, nil
}

// configError names the flag when the file cannot be read; HCL
// diagnostics already name the file and line (printError gives them a line
// each).
func configError(flag string, err error) error {
	if _, ok := errors.AsType[*os.PathError](err); ok {
		return fmt.Errorf("%s: %w", flag, err)
	}
	return err
}
