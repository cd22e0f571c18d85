// Package settings reads a scan's settings once: the repository's
// .sovlint.hcl (found upward from the first input up to the repository
// root, or named by --config)
// and the command-line flags become one Settings value that the engine,
// the suppression stage and the exit status read.
package settings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/config"
	"github.com/sovlint/sovlint/finding"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/pathglob"
	"github.com/sovlint/sovlint/internal/suppress"
	"github.com/sovlint/sovlint/providers"
	"github.com/sovlint/sovlint/rules"
)

// Settings is everything a scan runs with once .sovlint.hcl and the flags
// have had their say.
type Settings struct {
	// Config is the repository's .sovlint.hcl; nil when there is none.
	Config  *config.Config
	Catalog *providers.Catalog
	// Policy has the configuration's rule blocks applied: severity
	// overrides, and disabled rules removed from every level's
	// requirements.
	Policy rules.Policy
	Class  analyzer.ClassificationPolicy
	// Exceptions are the configuration's exception blocks as waivers.
	Exceptions []*suppress.Waiver
	// FailOn is the severity at which findings fail the run.
	FailOn finding.Severity
	// ConfigExclude are the configuration's exclude globs, relative to
	// its directory: directories a recursive scan skips.
	ConfigExclude pathglob.Globs
	rules         ruleSettings
}

// Default returns the settings of a scan at now without a configuration.
func Default(now time.Time) *Settings {
	s, err := FromConfig(nil, now)
	if err != nil {
		panic(err) // the embedded catalog and default policy are tested
	}
	return s
}

// Flags are the command-line flags that settings depend on.
type Flags struct {
	// ConfigPath is --config; "" to discover .sovlint.hcl upward from
	// FirstInput.
	ConfigPath string
	FirstInput string
	// FailOn is --fail-on; FailOnSet says whether the user gave it, since
	// the configuration's fail_on applies otherwise.
	FailOn    string
	FailOnSet bool
	Now       time.Time
	// CatalogPath is --catalog: a catalog bundle (directory or file) that
	// takes the place of the configuration's catalog { path }.
	CatalogPath string
	// Rules are --enable-rule, --disable-rule and --only, which win over
	// the configuration's rule blocks.
	Rules RuleFlags
}

// RuleFlags turn rules on and off from the command line.
type RuleFlags struct {
	Enable  []string // run these even if the configuration disables them
	Disable []string // do not run these
	Only    []string // run these and no other (SOV000 included)
}

// Load reads the configuration the flags point at, if any, and returns the
// settings. Errors name the configuration file and line.
func Load(f Flags) (*Settings, error) {
	cfg, err := loadConfig(f.ConfigPath, f.FirstInput)
	if err != nil {
		return nil, err
	}
	s, err := fromConfig(cfg, f.CatalogPath, f.Now, f.Rules)
	if err != nil {
		return nil, err
	}
	if s.FailOn, err = failThreshold(f.FailOn, f.FailOnSet, cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// FromConfig returns the settings of a scan at now with a configuration
// (nil when there is none) and the flags' defaults.
func FromConfig(cfg *config.Config, now time.Time) (*Settings, error) {
	return fromConfig(cfg, "", now, RuleFlags{})
}

// FromConfigAndCatalog is FromConfig with a catalog bundle (--catalog; ""
// for none) in place of the configuration's catalog { path }.
func FromConfigAndCatalog(cfg *config.Config, catalogPath string, now time.Time) (*Settings, error) {
	return fromConfig(cfg, catalogPath, now, RuleFlags{})
}

func fromConfig(cfg *config.Config, bundle string, now time.Time, flags RuleFlags) (*Settings, error) {
	set, err := catalogConfig(cfg, bundle, now)
	if err != nil {
		return nil, err
	}
	s := &Settings{Config: cfg, Catalog: set.Catalog, Policy: set.Policy, Class: set.Class, FailOn: finding.SeverityNotice}
	s.rules = ruleSettings{severity: map[string]finding.Severity{}, disabled: map[string]bool{}}
	if cfg != nil {
		if s.rules, err = ruleSettingsFrom(cfg); err != nil {
			return nil, err
		}
		if s.Exceptions, err = suppress.Exceptions(cfg); err != nil {
			return nil, err
		}
		if s.ConfigExclude, err = pathglob.Compile(filepath.Dir(cfg.Path), cfg.Exclude); err != nil {
			return nil, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid exclude",
				Detail:   err.Error(),
				Subject:  cfg.ExcludeRange.Ptr(),
			}}
		}
	}
	if err := s.rules.override(flags); err != nil {
		return nil, err
	}
	s.rules.applyTo(&s.Policy)
	if cfg == nil {
		return s, nil
	}
	if cfg.Policy != nil && cfg.Policy.FailOn != "" {
		if s.FailOn, err = failThreshold("", false, cfg); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Settle applies the rule settings to the suppression stage's own (SOV000)
// findings, which no rule's Check produces: dropped when SOV000 is
// disabled, else given its configured severity.
func (s *Settings) Settle(meta []finding.Finding) []finding.Finding {
	return s.rules.settle(meta)
}

// failThreshold is the severity at which findings fail the run: --fail-on
// when given, else the configuration's policy fail_on, else the flag's
// default.
func failThreshold(flag string, flagSet bool, cfg *config.Config) (finding.Severity, error) {
	if !flagSet && cfg != nil && cfg.Policy != nil && cfg.Policy.FailOn != "" {
		sev, err := finding.ParseSeverity(cfg.Policy.FailOn)
		if err != nil {
			return finding.SeverityInvalid, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid fail_on",
				Detail:   err.Error(),
				Subject:  cfg.Policy.DefRange.Ptr(),
			}}
		}
		return sev, nil
	}
	sev, err := finding.ParseSeverity(flag)
	if err != nil {
		return finding.SeverityInvalid, fmt.Errorf("--fail-on: %w", err)
	}
	return sev, nil
}

// loadConfig reads --config, else the .sovlint.hcl found upward from the
// first input. A file named explicitly must exist; a missing implicit one is
// fine.
func loadConfig(explicit, firstInput string) (*config.Config, error) {
	path, origin := explicit, inputfile.Named
	if path == "" && firstInput != "-" && firstInput != "" {
		origin = inputfile.Tree
		var err error
		if path, err = config.Discover(firstInput); err != nil {
			return nil, err
		}
		path = relativeToWorkDir(path)
	}
	if path == "" {
		return nil, nil
	}
	cfg, err := config.Load(path, origin)
	if err != nil {
		if _, diags := errors.AsType[hcl.Diagnostics](err); diags {
			return nil, err
		}
		return nil, &finding.InputError{File: path, Msg: "cannot read the configuration: " + inputfile.Detail(err)}
	}
	return cfg, nil
}

// relativeToWorkDir returns a discovered (absolute) path relative to the
// working directory when it lies below it: findings and suppressions point
// into the configuration file, and CI annotations need repository-relative
// paths, as the user gave the inputs.
func relativeToWorkDir(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
