package tfconfig

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// ExtraFile is a configuration file another tool writes into a root module
// before Terraform runs: a Terragrunt generate block's contents, or a
// unit's own files copied beside the module it deploys.
type ExtraFile struct {
	// Name is the file name it is written as ("provider.tf"): it decides
	// the syntax and whether it is an override file.
	Name string
	Src  []byte
	// Filename and Start say where the text is written, for positions:
	// the terragrunt.hcl of a generate block and the first line of its
	// contents, or the copied file itself at hcl.InitialPos.
	Filename string
	Start    hcl.Pos
	// Replace says what happens when the module already has a file of
	// that name: true replaces it, false leaves the module's file and
	// drops this one.
	Replace bool
}

// LoadUnit is LoadConfig for a root module made of dir's configuration
// files and extra ones, as Terragrunt assembles a unit: each extra file
// takes the place of the module's file of the same name, or gives way to
// it (Replace). Child modules resolve from dir. The assembled module is
// not cached: several units may deploy the same dir with different files.
func (l *SourceLoader) LoadUnit(dir string, extra []ExtraFile) (*Config, error) {
	primary, overrides, err := l.configFiles(dir)
	if err != nil {
		return nil, dirError(dir, err)
	}
	byName := map[string]ExtraFile{}
	for _, x := range extra {
		byName[x.Name] = x
	}
	var files []*sourceFile
	var diags hcl.Diagnostics
	for _, p := range slices.Concat(primary, overrides) {
		if x, ok := byName[filepath.Base(p)]; ok {
			if x.Replace {
				continue
			}
			delete(byName, x.Name)
		}
		sf, ds := l.parseFile(p)
		diags = append(diags, ds...)
		files = append(files, sf)
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		x := byName[name]
		if configExt(name) == "" {
			continue
		}
		pos := x.Start
		if pos.Line == 0 {
			pos = hcl.InitialPos
		}
		filename := x.Filename
		if filename == "" {
			filename = filepath.Join(dir, name)
		}
		sf := &sourceFile{path: filename, src: x.Src, override: isOverride(name), generated: x.Filename != ""}
		var ds hcl.Diagnostics
		sf.file, sf.calls, ds = parseHCLAt(x.Src, filename, strings.HasSuffix(name, ".json"), pos)
		diags = append(diags, ds...)
		files = append(files, sf)
	}
	if diags.HasErrors() {
		return nil, errorsOnly(diags)
	}
	// Primary files before override files, as Terraform reads them.
	slices.SortStableFunc(files, func(a, b *sourceFile) int {
		switch {
		case a.override == b.override:
			return 0
		case a.override:
			return 1
		}
		return -1
	})
	mod, ds := decodeModule(dir, files)
	if ds = errorsOnly(ds); ds.HasErrors() {
		return nil, ds
	}
	return l.configFrom(dir, mod)
}
