package tfconfig

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/internal/inputfile"
	"github.com/sovlint/sovlint/internal/nesting"
	"github.com/sovlint/sovlint/internal/par"
)

// SourceLoader reads Terraform/OpenTofu configuration directories. It parses
// files several at a time and is safe for concurrent use, so a monorepo's
// root modules can share the child modules they call. A decoded module is
// kept until the last root module known to use it is released: the syntax
// trees of a monorepo weigh some 60 times its sources, and keeping them all
// made memory grow with the size of the repository.
type SourceLoader struct {
	// ResourceAttrs and ProviderAttrs are the attribute names the catalog
	// reads (Catalog.ResourceAttributeNames, ProviderAttributeNames): only
	// these are evaluated, so secrets elsewhere in the sources are never
	// touched.
	ResourceAttrs []string
	ProviderAttrs []string
	// ZoneDataSources maps the data source types whose values are zones of
	// their provider configuration's region to the location attributes
	// that would place them elsewhere (Catalog.ZoneDataSources).
	ZoneDataSources map[string][]string

	mu      sync.Mutex
	modules map[string]*moduleLoad
	// users counts, for the module directories RootModules found, the root
	// modules not yet released that call them (themselves included).
	users   map[string]int
	parsers chan struct{} // one token per file parsed at a time
}

// keptSourceBytes bounds the sources whose decoded modules RootModules
// keeps for the scans that follow (about 60 MB of syntax trees); beyond it,
// a module is parsed again when its root module is loaded.
const keptSourceBytes = 1 << 20

// NewSourceLoader returns a loader that evaluates the given resource and
// provider attributes.
func NewSourceLoader(resourceAttrs, providerAttrs []string) *SourceLoader {
	return &SourceLoader{
		ResourceAttrs: resourceAttrs,
		ProviderAttrs: providerAttrs,
		modules:       map[string]*moduleLoad{},
		users:         map[string]int{},
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
	var wg par.Group
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
	// calls are the functions the file calls; nil for a JSON file, whose
	// templates are parsed only when evaluated.
	calls map[string]bool
	// generated is text another tool writes (a Terragrunt generate
	// block), positioned where it is written: its inline ignores are not
	// read.
	generated bool
}

// parseFile parses one configuration file (native syntax or JSON).
func parseFile(path string) (*sourceFile, hcl.Diagnostics) {
	src, err := inputfile.ReadFile(path, inputfile.SourceLimit, inputfile.Tree)
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
	sf.file, sf.calls, diags = parseHCL(src, path)
	return sf, diags
}

// parseHCL parses native or JSON syntax by the file's name. The parsers'
// detail texts quote what they could not read ("hunter2" is not a valid
// JSON keyword), and configuration and tfvars files hold passwords: only
// the summary and the position reach the user. Native syntax trees are
// guarded (evalbudget.GuardSyntax), and calls names the functions they
// call; nil for JSON.
func parseHCL(src []byte, path string) (f *hcl.File, calls map[string]bool, diags hcl.Diagnostics) {
	return parseHCLAt(src, path, strings.HasSuffix(path, ".json"), hcl.InitialPos)
}

// parseHCLAt is parseHCL for text that starts at pos in the file path.
func parseHCLAt(src []byte, path string, json bool, pos hcl.Pos) (f *hcl.File, calls map[string]bool, diags hcl.Diagnostics) {
	bom, foreign := inputfile.Encoding(src)
	if foreign != "" {
		return nil, nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Unsupported text encoding",
			Detail:   "The file " + inputfile.EncodingMsg(foreign) + ".",
			Subject:  &hcl.Range{Filename: path, Start: pos, End: pos},
		}}
	}
	if json {
		if bom > 0 {
			// The JSON parser does not skip a byte order mark (HCL's
			// native one does): blanks keep every position.
			src = append([]byte("   "), src[bom:]...)
		}
		if d := nesting.JSON(src, path); d != nil {
			return nil, nil, hcl.Diagnostics{d}
		}
		f, diags = hcljson.Parse(src, path)
	} else {
		if d := nesting.Config(src, path); d != nil {
			return nil, nil, hcl.Diagnostics{d}
		}
		f, diags = hclsyntax.ParseConfig(src, path, pos)
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			calls = evalbudget.GuardSyntax(body)
		}
	}
	for _, d := range diags {
		d.Detail = ""
	}
	return f, calls, diags
}

// errorDetail is a read error without the path it repeats.
func errorDetail(err error) string {
	return inputfile.Detail(err)
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
	var wg par.Group
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

// RootSearch tunes FindRoots.
type RootSearch struct {
	// Skip says whether to leave out a directory below the top one, and
	// everything below it (--exclude); nil skips none.
	Skip func(dir string) bool
}

// FoundRoots is what FindRoots finds below a directory.
type FoundRoots struct {
	// Roots are the root modules, in lexical order. A directory that
	// cannot be read is one of them, unless another directory calls it
	// (that one then fails to load): loading it reports what is wrong.
	Roots []string
	// Terragrunt are the directories holding a terragrunt.hcl, in lexical
	// order: Terragrunt generates part of their configuration.
	Terragrunt []string
}

// RootModules is FindRoots without options, returning the roots only.
func (l *SourceLoader) RootModules(dir string) ([]string, error) {
	found, err := l.FindRoots(dir, RootSearch{})
	return found.Roots, err
}

// TerragruntFile is the configuration file of a Terragrunt unit.
const TerragruntFile = "terragrunt.hcl"

// FindRoots finds the root modules below dir: the directories holding
// configuration files that no module below dir calls by a local path.
// Hidden directories (and so .terraform and .terragrunt-cache) are
// skipped. Every directory found is parsed, in parallel; the first
// megabyte of sources stays decoded for the scans that follow, which
// Release lets go of root by root. One directory that does not parse does
// not stop the search: it is a root that will fail to load.
func (l *SourceLoader) FindRoots(dir string, opt RootSearch) (FoundRoots, error) {
	var dirs []string
	var found FoundRoots
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			if d.Name() == TerragruntFile {
				found.Terragrunt = append(found.Terragrunt, filepath.Dir(p))
			}
			return nil
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || (opt.Skip != nil && opt.Skip(p))) {
			return filepath.SkipDir
		}
		if HasConfigFiles(p) {
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return FoundRoots{}, err
	}
	calls := make([][]string, len(dirs)) // each directory's local module sources
	var kept atomic.Int64
	var next atomic.Int64
	var wg par.Group
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(dirs) {
					return
				}
				key := filepath.Clean(dirs[i])
				mod, ds := l.readModule(key)
				if mod == nil {
					continue
				}
				for _, c := range mod.calls {
					if isLocalSource(c.source) {
						calls[i] = append(calls[i], absPath(filepath.Join(dirs[i], filepath.FromSlash(c.source))))
					}
				}
				if kept.Add(int64(mod.sourceBytes())) <= keptSourceBytes {
					l.keep(key, mod, ds)
				}
			}
		})
	}
	wg.Wait()
	called := map[string]bool{}
	index := make(map[string]int, len(dirs)) // absolute path → dirs index
	for i, d := range dirs {
		index[absPath(d)] = i
		for _, c := range calls[i] {
			called[c] = true
		}
	}
	var roots []string
	for _, d := range dirs {
		if !called[absPath(d)] {
			roots = append(roots, d)
		}
	}
	// Count the roots that reach each directory through local calls.
	users := map[string]int{}
	for _, root := range roots {
		seen := map[int]bool{}
		var visit func(i int)
		visit = func(i int) {
			if seen[i] {
				return
			}
			seen[i] = true
			users[filepath.Clean(dirs[i])]++
			for _, c := range calls[i] {
				if j, ok := index[c]; ok {
					visit(j)
				}
			}
		}
		visit(index[absPath(root)])
	}
	l.mu.Lock()
	for d, n := range users {
		l.users[d] += n
	}
	l.mu.Unlock()
	found.Roots = roots
	return found, nil
}

// keep caches a module read outside module().
func (l *SourceLoader) keep(key string, mod *module, diags hcl.Diagnostics) {
	ml := &moduleLoad{mod: mod, diags: diags}
	ml.once.Do(func() {})
	l.mu.Lock()
	if _, ok := l.modules[key]; !ok {
		l.modules[key] = ml
	}
	l.mu.Unlock()
}

// Release says a configuration is evaluated: the modules no other root
// module still to be loaded uses are dropped from the cache.
func (l *SourceLoader) Release(c *Config) {
	l.mu.Lock()
	defer l.mu.Unlock()
	done := map[string]bool{}
	for _, n := range c.nodes {
		if n.mod == nil {
			continue
		}
		key := filepath.Clean(n.mod.dir)
		if done[key] {
			continue
		}
		done[key] = true
		l.users[key]--
		if l.users[key] <= 0 {
			delete(l.users, key)
			delete(l.modules, key)
		}
	}
}
