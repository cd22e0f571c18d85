package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/providers"
)

const catalogFlagUsage = `load the catalog bundle at PATH (a directory of .hcl data files, or one file) instead of, or with extends = "embedded" on top of, the embedded catalog; overrides the configuration's catalog { path }`

func newCatalog(s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Move the sovereignty catalog without a new binary: export it, compare two versions",
		Long: `The catalog is data: its files can be exported, edited or replaced by a
newer bundle, and loaded with --catalog PATH (or catalog { path = "…" } in
.sovlint.hcl) without upgrading sovlint. A bundle is a directory of .hcl
files (or one file) in the schema of the embedded data, with one bundle
block:

  bundle {
    version = "2026.12.01"
    as_of   = "2026-12-01"
    extends = "embedded"   # on top of the embedded catalog; omit to replace it
  }

It is checked as strictly as the embedded data: every fact sourced, dated
and leveled, every source a public document with a URL. sovlint never
fetches a catalog: bundles are files you review and commit.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCatalogExport(s), newCatalogDiff(s))
	return cmd
}

func newCatalogExport(s *Streams) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the embedded catalog's data files to DIR",
		Long: `Write the embedded catalog's data files to DIR (created if needed). The
directory is a bundle that replaces the embedded catalog when loaded with
--catalog DIR: edit it, and review the edit with sovlint catalog diff.`,
		Example: `  sovlint catalog export catalog/
  sovlint catalog diff embedded catalog/`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return runCatalogExport(s, args[0], force)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite data files DIR already has")
	return cmd
}

func runCatalogExport(s *Streams, dir string, force bool) error {
	files, err := providers.DataFiles()
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return &exitError{code: ExitError, err: fmt.Errorf("catalog export: %w", err)}
	}
	names := slices.Sorted(maps.Keys(files))
	if !force {
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
				return &exitError{code: ExitError, err: fmt.Errorf("catalog export: %s already exists (--force overwrites it)", filepath.Join(dir, n))}
			} else if !errors.Is(err, fs.ErrNotExist) {
				return &exitError{code: ExitError, err: fmt.Errorf("catalog export: %w", err)}
			}
		}
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil { //nolint:gosec // data files meant to be committed and read
			return &exitError{code: ExitError, err: fmt.Errorf("catalog export: %w", err)}
		}
	}
	cat := providers.Default()
	fmt.Fprintf(s.Err, "sovlint: wrote the %d data files of catalog %s (as of %s) to %s\n", len(names), cat.Version, cat.AsOf, dir)
	return nil
}

func newCatalogDiff(s *Streams) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Print what changed between two catalogs: facts added, removed and changed, with their sources",
		Long: `Print what changed between two catalogs, fact by fact: added (+), removed
(-) and changed (~, the old and the new statement), each with its sources,
date and level, then the sources the changes cite. OLD and NEW are bundle
paths (a directory or a file), or "embedded" for the catalog built into
this sovlint. A bundle that extends the embedded catalog is compared as
loaded, on top of it.`,
		Example: `  sovlint catalog diff embedded catalog/
  sovlint catalog diff catalog-2026-11/ catalog-2026-12/ --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			return runCatalogDiff(s, args[0], args[1], format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text|json")
	return cmd
}

// loadCatalogArg reads a catalog named on the command line.
func loadCatalogArg(arg string) (*providers.Catalog, error) {
	if arg == providers.OriginEmbedded {
		return providers.Default(), nil
	}
	return providers.LoadBundle(arg)
}

func runCatalogDiff(s *Streams, oldArg, newArg, format string) error {
	if format != "text" && format != "json" {
		return usageError("--format: want text or json, not %q", format)
	}
	oldCat, err := loadCatalogArg(oldArg)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	newCat, err := loadCatalogArg(newArg)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	d := newCatalogDiffReport(oldCat, newCat, providers.Diff(oldCat, newCat))
	if format == "json" {
		return writeJSON(s.Out, d)
	}
	return printCatalogDiff(s.Out, d)
}

// The JSON shape of `sovlint catalog diff --format json`. Fields are
// added, never renamed or removed.

type catalogDiffReport struct {
	Old     catalogID               `json:"old"`
	New     catalogID               `json:"new"`
	Added   int                     `json:"added"`
	Removed int                     `json:"removed"`
	Changed int                     `json:"changed"`
	Changes []changeRecord          `json:"changes"`
	Sources map[string]sourceRecord `json:"sources"` // the sources the changes cite, as each catalog has them
}

type catalogID struct {
	Origin  string `json:"origin"`
	Version string `json:"version"`
	AsOf    string `json:"as_of"`
	Base    string `json:"base,omitempty"`
}

type changeRecord struct {
	Kind string           `json:"kind"`
	Key  string           `json:"key"`
	Old  *statementRecord `json:"old,omitempty"`
	New  *statementRecord `json:"new,omitempty"`
}

type statementRecord struct {
	Value string      `json:"value"`
	Fact  *factRecord `json:"fact,omitempty"`
}

func newCatalogDiffReport(oldCat, newCat *providers.Catalog, changes []providers.Change) catalogDiffReport {
	id := func(c *providers.Catalog) catalogID {
		return catalogID{Origin: c.Origin, Version: c.Version, AsOf: c.AsOf, Base: c.Base}
	}
	d := catalogDiffReport{Old: id(oldCat), New: id(newCat), Changes: []changeRecord{}, Sources: map[string]sourceRecord{}}
	record := func(st *providers.Statement, cat *providers.Catalog) *statementRecord {
		if st == nil {
			return nil
		}
		r := &statementRecord{Value: st.Value}
		if st.Fact.Provenance() != "" {
			r.Fact = &factRecord{Sources: nonNil(st.Fact.Sources), AsOf: st.Fact.AsOf, Verified: st.Fact.Verified}
			citeSources(d.Sources, cat, st.Fact.Sources)
		}
		return r
	}
	for _, ch := range changes {
		// Old sources first: a source both catalogs cite is shown as the
		// new catalog has it.
		rec := changeRecord{Kind: ch.Kind, Key: ch.Key, Old: record(ch.Old, oldCat)}
		rec.New = record(ch.New, newCat)
		d.Changes = append(d.Changes, rec)
		switch ch.Kind {
		case providers.Added:
			d.Added++
		case providers.Removed:
			d.Removed++
		default:
			d.Changed++
		}
	}
	return d
}

func (id catalogID) text() string {
	t := fmt.Sprintf("%s (catalog %s, as of %s", id.Origin, id.Version, id.AsOf)
	if id.Base != "" {
		t += ", on top of embedded " + id.Base
	}
	return t + ")"
}

func printCatalogDiff(out io.Writer, d catalogDiffReport) error {
	bw := bufio.NewWriter(out)
	w := escapingWriter{bw}
	fmt.Fprintf(w, "catalog diff: %s → %s\n", d.Old.text(), d.New.text())
	fmt.Fprintf(w, "%d added, %d removed, %d changed\n", d.Added, d.Removed, d.Changed)
	line := func(prefix string, st *statementRecord) {
		fmt.Fprintf(w, "%s%s", prefix, st.Value)
		if st.Fact != nil {
			fmt.Fprintf(w, "  [%s; as of %s; %s]", strings.Join(st.Fact.Sources, ", "), st.Fact.AsOf, st.Fact.Verified)
		}
		fmt.Fprintln(w)
	}
	for _, ch := range d.Changes {
		switch ch.Kind {
		case providers.Added:
			line("\n+ "+ch.Key+": ", ch.New)
		case providers.Removed:
			line("\n- "+ch.Key+": ", ch.Old)
		default:
			fmt.Fprintf(w, "\n~ %s\n", ch.Key)
			line("    was: ", ch.Old)
			line("    now: ", ch.New)
		}
	}
	if len(d.Sources) > 0 {
		fmt.Fprintln(w, "\nsources")
		for _, k := range slices.Sorted(maps.Keys(d.Sources)) {
			src := d.Sources[k]
			fmt.Fprintf(w, "  %s: %s (%s)\n", k, sourceText(src), src.Date)
		}
	}
	return bw.Flush()
}
