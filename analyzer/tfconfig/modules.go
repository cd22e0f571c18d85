package tfconfig

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/internal/addrs"
	"github.com/sovlint/sovlint/internal/evalbudget"
	"github.com/sovlint/sovlint/internal/inputfile"
)

// Config is a root module and the tree of modules it calls, decoded but not
// evaluated.
type Config struct {
	Dir      string
	root     *moduleNode
	nodes    map[string]*moduleNode // by configuration path
	warnings []Warning
	loader   *SourceLoader
}

// Warning is a problem that does not stop the scan but leaves part of the
// configuration unchecked: a remote module that was not fetched.
type Warning struct {
	Message string
	Range   hcl.Range
}

// moduleNode is a module in the configuration tree: one module call, before
// count and for_each expand it.
type moduleNode struct {
	path     string // "", "module.a", "module.a.module.b"
	key      string // modules.json key: "", "a", "a.b"
	mod      *module
	parent   *moduleNode
	call     *moduleCallDecl // the call in the parent; nil for the root
	children map[string]*moduleNode
	// notScanned says why the module's sources are not there; mod is nil.
	notScanned string
}

// maxModuleDepth stops runaway module nesting that is not a plain cycle.
const maxModuleDepth = 64

// LoadConfig reads the root module in dir and every module it calls: local
// sources from disk, remote ones from where `terraform init` fetched them
// (.terraform/modules/modules.json). Configuration errors come back as
// hcl.Diagnostics.
func (l *SourceLoader) LoadConfig(dir string) (*Config, error) {
	rootMod, diags := l.module(dir)
	if diags.HasErrors() {
		return nil, diags
	}
	return l.configFrom(dir, rootMod)
}

// configFrom reads the modules a decoded root module calls.
func (l *SourceLoader) configFrom(dir string, rootMod *module) (*Config, error) {
	var diags hcl.Diagnostics
	c := &Config{Dir: dir, loader: l, nodes: map[string]*moduleNode{}}
	c.root = &moduleNode{mod: rootMod, children: map[string]*moduleNode{}}
	c.nodes[""] = c.root
	var manifest map[string]string
	if l.list(dir).dotTerraform {
		manifest = readManifest(dir)
	}
	level := []*moduleNode{c.root}
	for depth := 0; len(level) > 0; depth++ {
		type pending struct {
			parent *moduleNode
			call   *moduleCallDecl
			dir    string
		}
		var todo []pending
		for _, n := range level {
			if n.mod == nil {
				continue
			}
			for _, name := range slices.Sorted(maps.Keys(n.mod.calls)) {
				call := n.mod.calls[name]
				child := &moduleNode{
					path:     addrs.Join(n.path, "module."+name),
					key:      joinKey(n.key, name),
					parent:   n,
					call:     call,
					children: map[string]*moduleNode{},
				}
				n.children[name] = child
				c.nodes[child.path] = child
				if len(c.nodes) > evalbudget.MaxModules {
					// Modules that call each other twice at every level
					// (through a symlink, or a shared module) make a tree
					// exponential in its depth.
					return nil, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Too many modules", Detail: fmt.Sprintf("The configuration calls more than %d modules, more than sovlint reads (do modules call each other in a loop through a symlink, or call a shared module at every level?).", evalbudget.MaxModules), Subject: call.defRange.Ptr()}}
				}
				childDir, why, diag := l.resolveSource(dir, n, call, child.key, manifest)
				switch {
				case diag != nil:
					diags = append(diags, diag)
				case why != "":
					child.notScanned = why
					c.warnings = append(c.warnings, Warning{Message: fmt.Sprintf("%s not scanned: %s", child.path, why), Range: call.defRange})
				case depth >= maxModuleDepth:
					diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Modules nested too deeply", Detail: fmt.Sprintf("%s is nested more than %d modules deep.", child.path, maxModuleDepth), Subject: call.defRange.Ptr()})
				default:
					if d := l.checkModuleCycle(child, childDir); d != nil {
						diags = append(diags, d)
						continue
					}
					todo = append(todo, pending{parent: n, call: call, dir: childDir})
					child.mod = &module{dir: childDir} // placeholder until read
				}
			}
		}
		if diags.HasErrors() {
			return nil, diags
		}
		dirs := make([]string, len(todo))
		for i, p := range todo {
			dirs[i] = p.dir
		}
		l.readModules(dirs)
		var next []*moduleNode
		for _, p := range todo {
			child := p.parent.children[p.call.name]
			mod, ds := l.module(p.dir)
			diags = append(diags, ds...)
			child.mod = mod
			next = append(next, child)
		}
		if diags.HasErrors() {
			return nil, diags
		}
		level = next
	}
	return c, nil
}

func joinKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// isLocalSource reports whether a module source is a local path, which
// Terraform reads in place rather than installing.
func isLocalSource(src string) bool {
	return strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") ||
		strings.HasPrefix(src, ".\\") || strings.HasPrefix(src, "..\\") || src == "." || src == ".."
}

// resolveSource finds the directory of a module call: a local path relative
// to the calling module, or the directory modules.json records for a remote
// source. It returns why the module is not scanned when its sources are not
// on disk, or a diagnostic when a local source is missing.
func (l *SourceLoader) resolveSource(rootDir string, parent *moduleNode, call *moduleCallDecl, key string, manifest map[string]string) (string, string, *hcl.Diagnostic) {
	if call.source == "" {
		return "", "", nil // reported when decoding the call
	}
	if isLocalSource(call.source) {
		dir := filepath.Join(parent.mod.dir, filepath.FromSlash(call.source))
		if !l.isDir(dir) {
			return "", "", &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Module directory not found",
				Detail:   fmt.Sprintf("module %q: source %q resolves to %s, which is not a directory.", call.name, call.source, dir),
				Subject:  call.sourceRange.Ptr(),
			}
		}
		return dir, "", nil
	}
	if rel, ok := manifest[key]; ok {
		dir := filepath.Join(rootDir, filepath.FromSlash(rel))
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir, "", nil
		}
	}
	return "", fmt.Sprintf("remote source %q is not fetched (run `terraform init` or `tofu init` in %s first)", redactSource(call.source), rootDir), nil
}

// checkModuleCycle reports a module that calls, directly or through others,
// the directory it is in.
func (l *SourceLoader) checkModuleCycle(child *moduleNode, dir string) *hcl.Diagnostic {
	abs := l.realPath(dir)
	for n := child.parent; n != nil; n = n.parent {
		if n.mod != nil && l.realPath(n.mod.dir) == abs {
			where := n.path
			if where == "" {
				where = "the root module"
			}
			return &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Module cycle",
				Detail:   fmt.Sprintf("%s calls %q, the directory of %s, which calls it in turn.", child.path, redactSource(child.call.source), where),
				Subject:  child.call.sourceRange.Ptr(),
			}
		}
	}
	return nil
}

// isDir reports whether dir is a directory: one the loader has listed, or
// one the system says is.
func (l *SourceLoader) isDir(dir string) bool {
	l.mu.Lock()
	li := l.listings[filepath.Clean(dir)]
	l.mu.Unlock()
	if li != nil && li.err == nil {
		return true
	}
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

// realPath is the package's realPath, each directory resolved once: from
// its parent's resolution and one Lstat of its own, unless it is a
// symbolic link. EvalSymlinks looks at every component of the path each
// time, and a monorepo checks thousands of module calls.
func (l *SourceLoader) realPath(p string) string {
	a := l.abs(p)
	l.mu.Lock()
	r, ok := l.real[a]
	l.mu.Unlock()
	if ok {
		return r
	}
	parent := filepath.Dir(a)
	switch fi, err := os.Lstat(a); {
	case parent == a:
		r = a // the file system's root
	case err != nil || fi.Mode()&os.ModeSymlink != 0:
		r = realPath(a)
	default:
		r = filepath.Join(l.realPath(parent), filepath.Base(a))
	}
	l.mu.Lock()
	l.real[a] = r
	l.mu.Unlock()
	return r
}

// realPath is a directory's absolute path with symlinks resolved: a module
// that calls "./loop", a symlink to its own directory, calls itself.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return absPath(r)
	}
	return absPath(p)
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// readManifest reads .terraform/modules/modules.json: module key ("a.b") →
// directory relative to the root module. A missing or unreadable manifest
// is empty: every remote module is then reported as not scanned.
func readManifest(rootDir string) map[string]string {
	b, err := inputfile.ReadFile(filepath.Join(rootDir, ".terraform", "modules", "modules.json"), inputfile.SourceLimit, inputfile.Tree)
	if err != nil {
		return nil
	}
	var m struct {
		Modules []struct {
			Key, Source, Dir string
		}
	}
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	out := make(map[string]string, len(m.Modules))
	for _, e := range m.Modules {
		if e.Key != "" {
			out[e.Key] = e.Dir
		}
	}
	return out
}

// calls names the functions the configuration's files call; nil (all) when
// one of them is JSON, whose templates are parsed only when evaluated.
func (c *Config) calls() map[string]bool {
	out := map[string]bool{}
	for _, n := range c.nodes {
		if n.mod == nil {
			continue
		}
		for _, f := range n.mod.files {
			if f.calls == nil {
				return nil
			}
			for name := range f.calls {
				out[name] = true
			}
		}
	}
	return out
}

// Warnings are the problems that left part of the configuration unscanned.
func (c *Config) Warnings() []Warning { return c.warnings }

// ResourceRange returns where a resource block is declared, from its
// configuration address (module.a.aws_s3_bucket.b).
func (c *Config) ResourceRange(configAddr string) (hcl.Range, bool) {
	rd := c.resource(configAddr)
	if rd == nil {
		return hcl.Range{}, false
	}
	return rd.defRange, true
}

// resource finds a resource block from its configuration address.
func (c *Config) resource(configAddr string) *resourceDecl {
	path, local := addrs.SplitModule(configAddr)
	n := c.nodes[path]
	if n == nil || n.mod == nil {
		return nil
	}
	return n.mod.resources[local]
}

// Ignores returns the inline suppressions of every module of the
// configuration, each with the addresses it covers, sorted by position.
func (c *Config) Ignores() []Ignore {
	byRange := map[hcl.Range]*Ignore{}
	var out []*Ignore
	for _, path := range slices.Sorted(maps.Keys(c.nodes)) {
		n := c.nodes[path]
		if n.mod == nil {
			continue
		}
		for _, mi := range n.mod.ignores {
			ig := byRange[mi.Range]
			if ig == nil {
				cp := mi
				ig = &cp
				byRange[mi.Range] = ig
				out = append(out, ig)
			}
			if mi.Block != "" {
				ig.Targets = append(ig.Targets, addrs.Join(path, mi.Block))
			}
		}
	}
	slices.SortFunc(out, func(a, b *Ignore) int { return rangeCompare(a.Range, b.Range) })
	res := make([]Ignore, len(out))
	for i, ig := range out {
		res[i] = *ig
	}
	return res
}

// redactSource drops what a module source may carry besides the place:
// credentials (git::https://user:token@host/…) and query arguments
// other than the ref (?sshkey=<private key>).
func redactSource(source string) string {
	prefix, rest, forced := strings.Cut(source, "::")
	if !forced {
		prefix, rest = "", source
	} else {
		prefix += "::"
	}
	if scheme, after, ok := strings.Cut(rest, "://"); ok {
		// The credentials end at the last @ before the query, as URL
		// parsers and git read them: a password may hold an @ (and a /).
		// A path with an @ loses its beginning too, which errs on the
		// side of saying less.
		head, _, _ := strings.Cut(after, "?")
		if at := strings.LastIndexByte(head, '@'); at >= 0 {
			after = "…@" + after[at+1:]
		}
		rest = scheme + "://" + after
	}
	if base, query, ok := strings.Cut(rest, "?"); ok {
		params := strings.Split(query, "&")
		for i, p := range params {
			if !strings.HasPrefix(p, "ref=") { // a version says where, not who
				params[i] = "…"
			}
		}
		rest = base + "?" + strings.Join(params, "&")
	}
	return excerpt(prefix+rest, 200)
}

// excerpt bounds what an error quotes of the input: at most n bytes, cut on
// a character boundary and marked with an ellipsis. Messages quote it with
// %q, which escapes control characters.
func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
