package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/spf13/cobra"
)

type initOptions struct {
	dir string
}

func newForecastsInitCmd(s *streams) *cobra.Command {
	var opts initOptions
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Start a dataset folder: a commented manifest, example records, coding conventions",
		Long: `Create the dataset folder DIR with three files:

  manifest.yaml  every manifest field, each with a comment on what it means
                 (selection above all: a set chosen for failure cannot
                 measure calibration)
  records.yaml   four example records, one for each form of estimate (a
                 probability, a range, a term on a scale, a negated
                 statement), commented field by field; replace them
  README.md      coding conventions: the question and its horizon, wording
                 and provenance, negation, terms and scales, sources

The dataset is named after the folder (lower case; characters other than
letters, digits and _ become -). The folder passes 'hindcast forecasts
validate DIR' as it is. DIR must not exist or be empty: init never
overwrites anything (exit 1 and nothing written otherwise).`,
		Example: `  hindcast forecasts init seminar-2026
  hindcast forecasts validate seminar-2026
  hindcast forecasts add --to seminar-2026/records.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: run(func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			return forecastsInit(s, &opts)
		}),
	}
}

func forecastsInit(s *streams, opts *initOptions) error {
	dir := opts.dir
	if strings.TrimSpace(dir) == "" {
		return usageErrorf("init needs the name of the folder to create: hindcast forecasts init DIR")
	}
	created := false
	switch entries, err := os.ReadDir(dir); {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("%s: %w", dir, cleanPathError(err))
		}
		created = true
	case err != nil:
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return fmt.Errorf("%s exists and is a file; give the name of a new or empty folder", dir)
		}
		return fmt.Errorf("%s: %w", dir, cleanPathError(err))
	case len(entries) > 0:
		return fmt.Errorf("%s exists and is not empty (%d %s); give the name of a new or empty folder: init writes nothing over existing files", dir, len(entries), plural(len(entries), "entry", "entries"))
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	name := forecasts.DatasetName(filepath.Base(abs))
	var written []string
	for _, f := range forecasts.StarterFolder(name) {
		path := filepath.Join(dir, f.Name)
		// O_EXCL: never replace a file that appeared since the check.
		file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = file.Write(f.Data)
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			for _, p := range written {
				os.Remove(p)
			}
			if created {
				os.Remove(dir)
			}
			return fmt.Errorf("%s: %w", path, cleanPathError(err))
		}
		written = append(written, path)
	}
	for _, p := range written {
		fmt.Fprintf(s.out, "created %s\n", p)
	}
	fmt.Fprintf(s.out, "\nDataset %q: edit manifest.yaml, replace the example records, then check it:\n  hindcast forecasts validate %s\n", name, shellQuote(dir))
	return nil
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and _ . / - : ~.
func shellQuote(s string) string {
	plain := s != ""
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("_./-:~", c)) {
			plain = false
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// cleanPathError drops the path an *fs.PathError repeats, as the message
// names it already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
