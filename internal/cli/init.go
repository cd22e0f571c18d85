package cli

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sovlint/sovlint/config"
)

// starterConfig is the commented .sovlint.hcl that `sovlint init` writes.
//
//go:embed starter.sovlint.hcl
var starterConfig []byte

func newInit(s *Streams) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName + " in DIR (default: the current directory)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path := filepath.Join(dir, config.FileName)
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(path, flags, 0o644) //nolint:gosec // a configuration file, committed to the repository
			if errors.Is(err, os.ErrExist) {
				return usageError("%s already exists (use --force to overwrite it)", path)
			}
			if err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("writing %s: %w", path, err)}
			}
			_, err = f.Write(starterConfig)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return &exitError{code: ExitError, err: fmt.Errorf("writing %s: %w", path, err)}
			}
			fmt.Fprintf(s.Out, "wrote %s: sovlint scan reads it from this directory and those below\n", path)
			fmt.Fprintf(s.Out, "sovlint checks resources tagged as sensitive (DataClassification = \"sensitive\"...): policy.classification_keys and level blocks in the file say which tags count\n")
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing "+config.FileName)
	return cmd
}
