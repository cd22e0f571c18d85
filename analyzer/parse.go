package analyzer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// SourceLoader reads Terraform/OpenTofu configuration directories. It parses
// every file once, several at a time, and is safe for concurrent use, so a
// monorepo's root modules can share the child modules they call.
type SourceLoader struct {
	// ResourceAttrs and ProviderAttrs are the attribute names the catalog
	// reads (Catalog.ResourceAttributeNames, ProviderAttributeNames): only
	// these are evaluated, so secrets elsewhere in the sources are never
	// touched.
	ResourceAttrs []string
	ProviderAttrs []string

	mu      sync.Mutex
	modules map[string]*moduleLoad
	parsers chan struct{} // one token per file parsed at a time
}

// NewSourceLoader returns a loader that evaluates the given resource and
// provider attributes.
func NewSourceLoader(resourceAttrs, providerAttrs []string) *SourceLoader {
	return &SourceLoader{
		ResourceAttrs: resourceAttrs,
		ProviderAttrs: providerAttrs,
		modules:       map[string]*moduleLoad{},
		parsers:       make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
}

type moduleLoad struct {
	once  sync.Once
	mod   *module
	diags hcl.Diagnostics
}

// module returns the decoded module in dir, reading it on first use.
func (l *SourceLoader) module(dir string) (*module, hcl.Diagnostics) {
	key := filepath.Clean(dir)
	l.mu.Lock()
	ml, ok := l.modules[key]
	if !ok {
		ml = &moduleLoad{}
		l.modules[key] = ml
	}
	l.mu.Unlock()
	ml.once.Do(func() { ml.mod, ml.diags = l.readModule(key) })
	return ml.mod, ml.diags
}

// readModules reads several module directories at once.
func (l *SourceLoader) readModules(dirs []string) {
	var wg sync.WaitGroup
	for _, d := range dirs {
		wg.Go(func() { _, _ = l.module(d) })
	}
	wg.Wait()
}

// Configuration file extensions, longest first so that ".tf.json" is not
// taken for ".json".
var configExts = []string{".tofu.json", ".tf.json", ".tofu", ".tf"}

// configExt returns a configuration file's extension, or "".
func configExt(name string) string {
	for _, ext := range configExts {
		if strings.HasSuffix(name, ext) && len(name) > len(ext) {
			return ext
		}
	}
	return ""
}

// isOverride reports whether a file is an override file: override.tf or
// *_override.tf, in any of the extensions.
func isOverride(name string) bool {
	base := strings.TrimSuffix(name, configExt(name))
	return base == "override" || strings.HasSuffix(base, "_override")
}

// ignoredFile reports whether Terraform skips a file: hidden files and
// editor leftovers.
func ignoredFile(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"))
}

// configFiles lists a directory's configuration files in lexical order,
// primary files first. A .tofu file takes the place of the .tf file of the
// same name (and .tofu.json of .tf.json), as OpenTofu does.
func configFiles(dir string) (primary, overrides []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	present := map[string]bool{}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if configExt(name) == "" || ignoredFile(name) {
			continue
		}
		if e.IsDir() {
			continue
		}
		if e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.IsDir() {
				continue
			}
		}
		present[name] = true
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		switch ext := configExt(name); ext {
		case ".tf", ".tf.json":
			tofu := strings.TrimSuffix(name, ext) + strings.Replace(ext, ".tf", ".tofu", 1)
			if present[tofu] {
				continue
			}
		}
		path := filepath.Join(dir, name)
		if isOverride(name) {
			overrides = append(overrides, path)
		} else {
			primary = append(primary, path)
		}
	}
	return primary, overrides, nil
}

// sourceFile is one parsed configuration file.
type sourceFile struct {
	path     string
	src      []byte
	file     *hcl.File
	override bool
}

// parseFile parses one configuration file (native syntax or JSON).
func parseFile(path string) (*sourceFile, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read configuration file",
			Detail:   errorDetail(err),
			Subject:  &hcl.Range{Filename: path},
		}}
	}
	sf := &sourceFile{path: path, src: src, override: isOverride(filepath.Base(path))}
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		sf.file, diags = hcljson.Parse(src, path)
	} else {
		sf.file, diags = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	}
	return sf, diags
}

// errorDetail is an OS error without the path it repeats.
func errorDetail(err error) string {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// readModule parses a directory's files in parallel and decodes them into a
// module.
func (l *SourceLoader) readModule(dir string) (*module, hcl.Diagnostics) {
	primary, overrides, err := configFiles(dir)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read module directory",
			Detail:   fmt.Sprintf("%s: %s", dir, errorDetail(err)),
			Subject:  &hcl.Range{Filename: dir},
		}}
	}
	paths := slices.Concat(primary, overrides)
	files := make([]*sourceFile, len(paths))
	fileDiags := make([]hcl.Diagnostics, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() {
			l.parsers <- struct{}{}
			defer func() { <-l.parsers }()
			files[i], fileDiags[i] = parseFile(p)
		})
	}
	wg.Wait()
	var diags hcl.Diagnostics
	for _, d := range fileDiags {
		diags = append(diags, d...)
	}
	if diags.HasErrors() {
		return nil, errorsOnly(diags)
	}
	mod, ds := decodeModule(dir, files)
	return mod, errorsOnly(ds)
}

// errorsOnly drops warnings: sovlint reports configuration errors, and
// Terraform's own warnings are Terraform's to give.
func errorsOnly(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	return out
}

// HasConfigFiles reports whether dir holds Terraform/OpenTofu configuration
// files of its own.
func HasConfigFiles(dir string) bool {
	p, o, err := configFiles(dir)
	return err == nil && len(p)+len(o) > 0
}

// RootModules finds the root modules below dir: the directories holding
// configuration files that no module below dir calls by a local path.
// Hidden directories (and so .terraform) are skipped. Every directory found
// is parsed, in parallel, and kept for the scans that follow.
func (l *SourceLoader) RootModules(dir string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if HasConfigFiles(p) {
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.readModules(dirs)
	called := map[string]bool{}
	var diags hcl.Diagnostics
	for _, d := range dirs {
		mod, ds := l.module(d)
		diags = append(diags, ds...)
		if mod == nil {
			continue
		}
		for _, c := range mod.calls {
			if isLocalSource(c.source) {
				called[absPath(filepath.Join(d, filepath.FromSlash(c.source)))] = true
			}
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	var roots []string
	for _, d := range dirs {
		if !called[absPath(d)] {
			roots = append(roots, d)
		}
	}
	return roots, nil
}
