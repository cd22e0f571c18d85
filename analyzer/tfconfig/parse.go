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
//
// Each directory is listed once (the listing is kept for the scan), and
// each file read and parsed once: FindRoots reads the files ahead, finds
// module calls in their tokens, and keeps their text until they are parsed.
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

	// listings are the directories listed so far, by clean path.
	listings map[string]*listing
	// sources are files FindRoots read ahead, until they are parsed;
	// sourceBytes is their size, at most keptSourceBytes.
	sources     map[string][]byte
	sourceBytes int
	// search is the last FindRoots, for CheckRoots.
	search *rootSearch
	// varFiles are the --var-files read so far, by path as given.
	varFiles par.Memo[string, varFileLoad]

	cwdOnce sync.Once
	cwd     string
	// real are directories' paths with symbolic links resolved.
	real map[string]string

	// counts are what the loader did, for tests.
	counts struct{ lists, reads, parses atomic.Int64 }
}

// keptSourceBytes bounds the text of the files FindRoots reads ahead and
// keeps until they are parsed; past it, a file is read again when parsed.
const keptSourceBytes = 64 << 20

// keptModuleBytes bounds the sources of the modules FindRoots has to decode
// to find their calls (JSON files, override files with module blocks) and
// keeps decoded for the scans that follow: about 60 MB of syntax trees.
// Beyond it, such a module is parsed again when its root module is loaded.
const keptModuleBytes = 1 << 20

// NewSourceLoader returns a loader that evaluates the given resource and
// provider attributes.
func NewSourceLoader(resourceAttrs, providerAttrs []string) *SourceLoader {
	return &SourceLoader{
		ResourceAttrs: resourceAttrs,
		ProviderAttrs: providerAttrs,
		modules:       map[string]*moduleLoad{},
		users:         map[string]int{},
		parsers:       make(chan struct{}, runtime.GOMAXPROCS(0)),
		listings:      map[string]*listing{},
		sources:       map[string][]byte{},
		real:          map[string]string{},
	}
}

// abs is filepath.Abs with the working directory looked up once: Abs asks
// the system for it (two system calls) every time, and a monorepo's scan
// compares thousands of paths.
func (l *SourceLoader) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	l.cwdOnce.Do(func() { l.cwd, _ = os.Getwd() })
	if l.cwd == "" {
		return absPath(p)
	}
	return filepath.Join(l.cwd, p)
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
	alongside(len(dirs), func(i int) { _, _ = l.module(dirs[i]) })
}

// alongside runs work for 0..n-1 on up to GOMAXPROCS goroutines, the
// caller's among them: a module of one file is parsed where it is loaded.
// A new goroutine grows its stack again for every parse (the parser
// recurses deeply), which was 6% of a monorepo's CPU.
func alongside(n int, work func(i int)) {
	var next atomic.Int64
	loop := func() {
		for {
			i := int(next.Add(1)) - 1
			if i >= n {
				return
			}
			work(i)
		}
	}
	var wg par.Group
	for range min(n, runtime.GOMAXPROCS(0)) - 1 {
		wg.Go(loop)
	}
	loop()
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

// IsConfigFile reports whether a file of that name (a base name) is one
// the loader reads as configuration: what a caller adding files to a
// module (LoadUnit's extra files) must test with, or it counts files the
// loader then skips.
func IsConfigFile(name string) bool { return configExt(name) != "" }

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

// listing is what one listing of a directory tells the loader.
type listing struct {
	err error
	// primary and overrides are the configuration files, as configFiles
	// gives them.
	primary, overrides []string
	// varFiles are the root variable files Terraform reads by itself, in
	// its order: terraform.tfvars, terraform.tfvars.json, then
	// *.auto.tfvars and *.auto.tfvars.json in lexical order.
	varFiles []string
	// dotTerraform says the directory has a .terraform entry, where
	// modules.json may be.
	dotTerraform bool
	// walk are the subdirectories and terragrunt.hcl files, in lexical
	// order, for FindRoots' walk; dropped once it is done.
	walk []walkEntry
}

type walkEntry struct {
	name string
	dir  bool
}

// list lists a directory, once for the loader's lifetime: a scan reads a
// directory's files, variable files and module manifest from one listing.
func (l *SourceLoader) list(dir string) *listing {
	key := filepath.Clean(dir)
	l.mu.Lock()
	li := l.listings[key]
	l.mu.Unlock()
	if li != nil {
		return li
	}
	li = readListing(dir)
	l.counts.lists.Add(1)
	l.mu.Lock()
	if prev := l.listings[key]; prev != nil {
		li = prev
	} else {
		l.listings[key] = li
	}
	l.mu.Unlock()
	return li
}

// readListing lists a directory. Configuration files are those
// configFiles returns; a symbolic link counts when it leads to a file.
func readListing(dir string) *listing {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return &listing{err: err}
	}
	li := &listing{}
	present := map[string]bool{}
	var names, auto []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			li.walk = append(li.walk, walkEntry{name: name, dir: true})
		case name == TerragruntFile:
			li.walk = append(li.walk, walkEntry{name: name})
		}
		switch {
		case name == ".terraform":
			li.dotTerraform = true
		case name == "terraform.tfvars" || name == "terraform.tfvars.json":
			if isFileEntry(dir, e) {
				li.varFiles = append(li.varFiles, filepath.Join(dir, name))
			}
		case !e.IsDir() && (strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")):
			auto = append(auto, filepath.Join(dir, name))
		}
		if configExt(name) == "" || ignoredFile(name) || e.IsDir() {
			continue
		}
		if e.Type()&os.ModeSymlink != 0 && !isFileEntry(dir, e) {
			continue
		}
		present[name] = true
		names = append(names, name)
	}
	// terraform.tfvars comes before terraform.tfvars.json in a listing.
	slices.Sort(auto)
	li.varFiles = append(li.varFiles, auto...)
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
			li.overrides = append(li.overrides, path)
		} else {
			li.primary = append(li.primary, path)
		}
	}
	return li
}

// isFileEntry reports whether a directory entry is a file or a symbolic
// link to one.
func isFileEntry(dir string, e fs.DirEntry) bool {
	if e.Type()&os.ModeSymlink == 0 {
		return !e.IsDir()
	}
	fi, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && !fi.IsDir()
}

// configFiles lists a directory's configuration files in lexical order,
// primary files first. A .tofu file takes the place of the .tf file of the
// same name (and .tofu.json of .tf.json), as OpenTofu does.
func configFiles(dir string) (primary, overrides []string, err error) {
	li := readListing(dir)
	return li.primary, li.overrides, li.err
}

// configFiles is the package's configFiles from the loader's listing.
func (l *SourceLoader) configFiles(dir string) (primary, overrides []string, err error) {
	li := l.list(dir)
	return li.primary, li.overrides, li.err
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
	return parseSource(path, src, err)
}

// parseFile is the package's parseFile, taking the text FindRoots read
// ahead when it has it.
func (l *SourceLoader) parseFile(path string) (*sourceFile, hcl.Diagnostics) {
	l.mu.Lock()
	src, ok := l.sources[path]
	if ok {
		delete(l.sources, path)
		l.sourceBytes -= len(src)
	}
	l.mu.Unlock()
	l.counts.parses.Add(1)
	if ok {
		return parseSource(path, src, nil)
	}
	l.counts.reads.Add(1)
	return parseFile(path)
}

// parseSource parses the text of a file, or reports why it could not be
// read.
func parseSource(path string, src []byte, err error) (*sourceFile, hcl.Diagnostics) {
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read configuration file",
			Detail:   inputfile.Detail(err),
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

// dirError is the diagnostic for a module directory that cannot be
// listed.
func dirError(dir string, err error) hcl.Diagnostics {
	return hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Cannot read module directory",
		Detail:   fmt.Sprintf("%s: %s", dir, inputfile.Detail(err)),
		Subject:  &hcl.Range{Filename: dir},
	}}
}

// readModule parses a directory's files in parallel and decodes them into a
// module.
func (l *SourceLoader) readModule(dir string) (mod *module, _ hcl.Diagnostics) {
	defer func() { l.checked(dir, mod) }()
	primary, overrides, err := l.configFiles(dir)
	if err != nil {
		return nil, dirError(dir, err)
	}
	paths := slices.Concat(primary, overrides)
	files := make([]*sourceFile, len(paths))
	fileDiags := make([]hcl.Diagnostics, len(paths))
	alongside(len(paths), func(i int) {
		l.parsers <- struct{}{}
		defer func() { <-l.parsers }()
		files[i], fileDiags[i] = l.parseFile(paths[i])
	})
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

// HasConfigFiles is the package's HasConfigFiles from the loader's
// listing, which loading the directory then reuses.
func (l *SourceLoader) HasConfigFiles(dir string) bool {
	p, o, err := l.configFiles(dir)
	return err == nil && len(p)+len(o) > 0
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
