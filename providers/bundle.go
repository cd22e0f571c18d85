package providers

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/sovlint/sovlint/internal/inputfile"
)

// OriginEmbedded is the Origin of the catalog built into the binary.
const OriginEmbedded = "embedded"

// extendsEmbedded is the bundle block's extends value for a bundle loaded
// on top of the embedded catalog.
const extendsEmbedded = "embedded"

// versionRe is compiled when a bundle is first checked, not at every start.
var versionRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$`) })

// Limits on a bundle, so that a wrong path (a home directory, a log file)
// fails fast instead of being read whole.
const (
	maxBundleFiles = 256
	maxBundleBytes = 32 << 20
)

// LoadBundle reads a catalog bundle: the *.hcl files of a directory (not
// its subdirectories), or one file. Its bundle block says whether it
// replaces the embedded catalog or, with extends = "embedded", amends it as
// a .sovlint.hcl extension would (a provider block with a known ID amends
// that provider, an offer replaces the offer of the same ID) and may also
// replace the embedded catalog's sources. Either way it is held to the
// standard of the embedded data: every fact sourced, dated and leveled,
// every source a public document. Errors are hcl.Diagnostics naming the
// file and line, or an error naming the path.
func LoadBundle(path string) (*Catalog, error) {
	files, err := readBundle(path)
	if err != nil {
		return nil, err
	}
	units, err := parseFiles(files)
	if err != nil {
		return nil, err
	}
	var bundles []*bundleBlock
	for i := range units {
		for j := range units[i].blocks.Bundles {
			bundles = append(bundles, &units[i].blocks.Bundles[j])
		}
	}
	if len(bundles) == 0 {
		r := hcl.Range{Filename: units[0].file, Start: hcl.InitialPos, End: hcl.InitialPos}
		return nil, hcl.Diagnostics{errAt(r, "%s is not a catalog bundle: it has no bundle block (version, as_of, and extends = %q to amend the embedded catalog)", path, extendsEmbedded)}
	}
	if e := bundles[0].Extends; e != "" && e != extendsEmbedded {
		// Decided before anything else: it says what the files are on top of.
		return nil, hcl.Diagnostics{errAt(bundles[0].DefRange, "bundle: extends must be %q (on top of the embedded catalog) or absent (instead of it), not %q", extendsEmbedded, e)}
	}
	var a *assembly
	if bundles[0].Extends == extendsEmbedded {
		a = newAssembly(Default(), true)
		a.overlay = true
	} else {
		a = newAssembly(nil, true)
	}
	a.add(units)
	c, err := a.finish()
	if err != nil {
		return nil, err
	}
	c.Origin = path
	if a.overlay {
		c.Base = Default().Version
	}
	return c, nil
}

// readBundle reads the files of a bundle path.
func readBundle(path string) (map[string][]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("catalog bundle: %w", err)
	}
	var names []string
	if info.IsDir() {
		if names, err = filepath.Glob(filepath.Join(path, "*.hcl")); err != nil {
			return nil, fmt.Errorf("catalog bundle %s: %w", path, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("catalog bundle %s: the directory has no .hcl file", path)
		}
		if len(names) > maxBundleFiles {
			return nil, fmt.Errorf("catalog bundle %s: %d .hcl files, more than the %d a bundle may have", path, len(names), maxBundleFiles)
		}
	} else {
		names = []string{path}
	}
	files := make(map[string][]byte, len(names))
	total := int64(0)
	for _, n := range names {
		// Read within what is left of the bundle's budget, so that a file
		// that grows after it was measured is refused all the same; regular
		// files only, whatever a symlink points at.
		b, err := inputfile.ReadFile(n, maxBundleBytes-total, inputfile.Tree)
		if _, ok := errors.AsType[*inputfile.TooLargeError](err); ok {
			return nil, fmt.Errorf("catalog bundle %s: more than %d MiB of data", path, maxBundleBytes>>20)
		}
		if err != nil {
			return nil, fmt.Errorf("catalog bundle: %w", err)
		}
		total += int64(len(b))
		files[n] = b
	}
	return files, nil
}

// DataFiles returns the data files of the embedded catalog by base name
// ("aws.hcl"): what `sovlint catalog export` writes, and a bundle that
// replaces the embedded catalog when loaded back.
func DataFiles() (map[string][]byte, error) {
	names, err := fs.Glob(embedded, "data/*.hcl")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(embedded, n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimPrefix(n, "data/")] = b
	}
	return out, nil
}
