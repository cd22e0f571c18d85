// Package config reads .sovlint.hcl: the policy, rule settings, exceptions
// and catalog extensions of a repository.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/nesting"
)

// FileName is the configuration file sovlint looks for.
const FileName = ".sovlint.hcl"

// Config is a decoded .sovlint.hcl. Zero values mean "use the default".
type Config struct {
	Path       string // the file it was read from; "" for defaults
	Policy     *Policy
	Rules      []RuleSetting
	Exceptions []Exception
	// Exclude lists doublestar globs, relative to the file's directory, of
	// directories a recursive scan skips; ExcludeRange is where it is set.
	Exclude      []string
	ExcludeRange hcl.Range
	// Catalog holds the file's catalog blocks (source, provider, override)
	// for providers.Extend, which decodes them with the catalog's schema.
	Catalog hcl.Body
	// Bundle is the catalog { path = "…" } block: a catalog bundle to load
	// instead of, or on top of, the embedded catalog.
	Bundle *Bundle
	// Source is the file's bytes, kept to render diagnostics.
	Source []byte
}

// Policy changes which resources are checked and against what.
type Policy struct {
	// Preset starts the policy from a jurisdiction's doctrine
	// ("fr-cloud-au-centre", "de-bsi-c5", "it-acn", "es-ens", "eu-csf"):
	// its residency, certifications and rules, which the other
	// attributes and the level blocks then change.
	Preset string `hcl:"preset,optional"`
	// Certifications names the certifications resources must hold, as
	// "scheme" or "scheme:minimum-level" ("bsi-c5:type2", "acn:QC3"), at
	// every level that requires rules and sets none of its own.
	Certifications []string `hcl:"certifications,optional"`
	// Residency lists country groups ("eu", "eea") and ISO country codes
	// that count as acceptable locations. Default: ["eu"].
	Residency []string `hcl:"residency,optional"`
	// ClassificationKeys replaces the tag keys that carry a classification.
	ClassificationKeys []string `hcl:"classification_keys,optional"`
	// Levels replace the classification levels (most restrictive first).
	Levels []Level `hcl:"level,block"`
	// UnknownClassification is the level given to resources whose
	// classification cannot be determined: "sensitive" (default, fail
	// closed) or "ignore".
	UnknownClassification string `hcl:"unknown_classification,optional"`
	// FailOn is the default for --fail-on.
	FailOn string `hcl:"fail_on,optional"`
	// Classify gives a classification to resources no tag classifies, by
	// address, module or type: a repository or module that holds health
	// data is sensitive throughout.
	Classify []Classify `hcl:"classify,block"`
	DefRange hcl.Range  `hcl:",def_range"`
}

// Classify is a default classification for the untagged resources it
// selects. A resource is selected when it matches every selector the
// block sets (any one of its patterns); a block without selectors selects
// every untagged resource. The first block that selects a resource wins.
type Classify struct {
	Level     string    `hcl:"level"`
	Addresses []string  `hcl:"addresses,optional"` // address globs: module.health.*, aws_s3_bucket.records
	Modules   []string  `hcl:"modules,optional"`   // module calls: module.health covers everything inside it
	Types     []string  `hcl:"types,optional"`     // resource type globs: aws_db_*
	DefRange  hcl.Range `hcl:",def_range"`
}

// Level is a classification level: the tag values that mean it and the
// rules resources of that level must pass.
type Level struct {
	Name    string   `hcl:"name,label"`
	Values  []string `hcl:"values"`
	Require []string `hcl:"require"` // rule IDs
	// Certifications replaces the policy's certifications for this level.
	Certifications []string  `hcl:"certifications,optional"`
	DefRange       hcl.Range `hcl:",def_range"`
}

// Bundle names a catalog bundle: a directory of data files, or one file.
type Bundle struct {
	// Path is relative to the configuration file's directory.
	Path     string    `hcl:"path"`
	DefRange hcl.Range `hcl:",def_range"`
}

// BundlePath returns the bundle's path as the process can open it: made
// relative to the configuration file's directory.
func (c *Config) BundlePath() string {
	if c == nil || c.Bundle == nil || c.Bundle.Path == "" {
		return ""
	}
	if filepath.IsAbs(c.Bundle.Path) {
		return c.Bundle.Path
	}
	return filepath.Join(filepath.Dir(c.Path), c.Bundle.Path)
}

// RuleSetting changes one rule.
type RuleSetting struct {
	ID       string    `hcl:"id,label"`
	Enabled  *bool     `hcl:"enabled,optional"`
	Severity string    `hcl:"severity,optional"`
	DefRange hcl.Range `hcl:",def_range"`
}

// Exception waives rules for resources matching address globs, in the
// root modules matching root globs (relative to the file's directory; empty:
// every root).
type Exception struct {
	Addresses []string  `hcl:"addresses"`
	Roots     []string  `hcl:"roots,optional"`
	Rules     []string  `hcl:"rules,optional"` // empty: every rule
	Reason    string    `hcl:"reason"`
	Expires   string    `hcl:"expires,optional"` // YYYY-MM-DD
	Owner     string    `hcl:"owner,optional"`
	DefRange  hcl.Range `hcl:",def_range"`
}

type file struct {
	Policy     *Policy        `hcl:"policy,block"`
	Rules      []RuleSetting  `hcl:"rule,block"`
	Exceptions []Exception    `hcl:"exception,block"`
	Bundle     *Bundle        `hcl:"catalog,block"`
	Exclude    hcl.Expression `hcl:"exclude,optional"`
	Rest       hcl.Body       `hcl:",remain"`
}

// Load reads a configuration file: one the user named (--config), which may
// be a pipe, or one found in the scanned tree, which must be a regular
// file. Errors are hcl.Diagnostics with the file and line.
func Load(path string, origin inputfile.Origin) (*Config, error) {
	src, err := inputfile.ReadFile(path, inputfile.ConfigLimit, origin)
	if err != nil {
		return nil, err
	}
	return Parse(src, path)
}

// Parse decodes configuration source.
func Parse(src []byte, name string) (*Config, error) {
	if _, foreign := inputfile.Encoding(src); foreign != "" {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unsupported text encoding",
			Detail:   "The file " + inputfile.EncodingMsg(foreign) + ".",
			Subject:  &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
		}}
	}
	if d := nesting.Config(src, name); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	f, diags := hclparse.NewParser().ParseHCL(src, name)
	if diags.HasErrors() {
		return nil, diags
	}
	var raw file
	if diags := gohcl.DecodeBody(f.Body, nil, &raw); diags.HasErrors() {
		return nil, diags
	}
	cfg := &Config{
		Path:       name,
		Policy:     raw.Policy,
		Rules:      raw.Rules,
		Exceptions: raw.Exceptions,
		Bundle:     raw.Bundle,
		Catalog:    raw.Rest,
		Source:     src,
	}
	if raw.Exclude != nil && !isNull(raw.Exclude) {
		if diags := gohcl.DecodeExpression(raw.Exclude, nil, &cfg.Exclude); diags.HasErrors() {
			return nil, diags
		}
		cfg.ExcludeRange = raw.Exclude.Range()
	}
	return cfg, nil
}

// isNull reports whether an optional attribute is absent: gohcl gives an
// absent expression-typed attribute a null expression.
func isNull(expr hcl.Expression) bool {
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsNull()
}

// Discover finds .sovlint.hcl in the directory of input (input itself when
// it is a directory) or its nearest parent, without leaving the repository:
// the search stops at the nearest directory holding .git. Outside a
// repository it stops at the working directory when input lies below it,
// and otherwise looks in input's own directory only. A configuration in
// /tmp, $HOME or a shared CI workspace above the checkout can disable every
// rule; it must not apply because it happens to be there. It returns ""
// when there is none.
func Discover(input string) (string, error) {
	abs, err := filepath.Abs(input)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	top := searchTop(abs)
	for {
		p := filepath.Join(abs, FileName)
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("looking for %s: %w", FileName, err)
		}
		parent := filepath.Dir(abs)
		if abs == top || parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// searchTop is the last directory Discover looks in, starting from dir:
// the repository root, else the working directory if dir is below it, else
// dir.
func searchTop(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d // a directory, or a file in a worktree or submodule
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return wd
		}
	}
	return dir
}
