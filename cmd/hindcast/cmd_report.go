package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/hindcast/hindcast/reports/page"
	"github.com/spf13/cobra"
)

// reportOptions are the flags of `hindcast report`.
type reportOptions struct {
	input     inputFlags
	output    string
	format    string
	force     bool
	bootstrap int
	seed      uint64
	handout   handoutFlags // --format pdf
}

// ownerFile marks a folder as a hindcast report and lists the files
// hindcast wrote there, so that a later run replaces those and nothing else.
const ownerFile = ".hindcast-report"

// newReportCmd makes `hindcast report`; runF, when not nil, runs in place of
// reportRun with the parsed options.
func newReportCmd(s *streams, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the teaching report: a section per dataset, opening with its answer",
		Long: `Write a report on the chosen datasets (the built-in ones by default) or
flat tables into a folder: index.html, one self-contained page (inline charts
and styles, no scripts, nothing fetched, readable on a phone and on paper);
with --format markdown, report.md and every chart as PNG instead; with
--format pdf, handout.pdf, a printable handout.

Each dataset (or table) gets its own section, and no figure mixes datasets.
A section opens with a first screen: how many forecasts, whose, how they were
chosen, the Brier score against always saying 50%, the costliest forecasts
(ties named as ties) and why they cost, and the verdict on each verbal scale;
the same for each forecaster (or each group of --by) when there are two to
six. Then a card per case (collapsed to one line; open when printed), every
score in a plain sentence, the charts, how much the verdict depends on how the
words were coded, and a table by group. A glossary, the formulas, the tests of
calibration (on a set not sampled, with what they cannot say), references and
the provenance (version, commit, command, inputs with SHA-256, options) close
it.

Past 200 forecasts in a section the cards give way to the costliest forecasts,
the biggest hits and a table by forecast band. A flat table (--data FILE.csv,
--input FILE, with the table flags of score) has no cards, words or timeline:
the report says so in a line each.

The folder is created if needed. A folder hindcast wrote before is updated:
the files it wrote are replaced and nothing else is touched. Any other folder
that is not empty is refused unless --force, which writes hindcast's files
there and leaves the others alone.`,
		Example: `  hindcast report
  hindcast report --dataset cpc -o cpc-report
  hindcast report --data seminar/ --scale icd-203 -o seminar-report
  hindcast report --data sim.csv --by group -o sim-report
  hindcast report --format markdown -o notes
  hindcast report --dataset cpc --format pdf -o handout`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return reportRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addFlags(f)
	f.StringVarP(&opts.output, "output", "o", "hindcast-report", "the folder to write the report into")
	f.StringVar(&opts.format, "format", "html", "html (index.html, the charts inline), markdown (report.md and the charts as PNG) or pdf (handout.pdf, a printable handout)")
	opts.handout.addFlags(f)
	f.BoolVar(&opts.force, "force", false, "write into a folder that is not empty and was not written by hindcast (files already there are never replaced)")
	f.IntVar(&opts.bootstrap, "bootstrap", analysis.DefaultReplicates, "bootstrap replicates for the intervals")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the bootstrap and the random codings")
	return cmd
}

func reportRun(s *streams, o *reportOptions) error {
	if err := checkFormat(o.format, "html", "markdown", "pdf"); err != nil {
		return err
	}
	if err := o.handout.check(o.format); err != nil {
		return err
	}
	if o.output == "" {
		return usageErrorf("-o needs a folder name")
	}
	in := o.input.input(s)
	if o.bootstrap < 0 {
		return usageErrorf("--bootstrap %d: use 0 or more", o.bootstrap)
	}
	dir, err := reportDir(o.output, o.force)
	if err != nil {
		return err
	}
	if o.format == "pdf" {
		return handoutRun(s, in, dir, o.bootstrap, o.seed, o.handout)
	}
	// Everything is computed before anything is written: bad data leaves the folder as it was.
	rep, err := evaluate.Report(in, evaluate.ReportOptions{Bootstrap: o.bootstrap, Seed: o.seed, Version: version})
	if err != nil {
		return err
	}
	files, skipped, err := page.RenderReport(rep, o.format)
	if err != nil {
		return err
	}
	if err := fileout.WriteOwnedFolder(dir, ownerFile, files); err != nil {
		return err
	}
	main := "index.html"
	if o.format == "markdown" {
		main = "report.md"
	}
	fmt.Fprintf(s.out, "wrote %s (%d %s)\n", filepath.Join(dir, main), len(files), plural(len(files), "file", "files"))
	if len(skipped) > 0 {
		fmt.Fprintf(s.err, "not drawn for these data, as the report says:\n  %s\n", strings.Join(skipped, "\n  "))
	}
	return nil
}

// reportDir checks that dir may receive a report: it does not exist, is
// empty, holds a report hindcast wrote, or force is given.
func reportDir(dir string, force bool) (string, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return dir, nil
	case err != nil:
		return "", fmt.Errorf("%s: %w", dir, cleanPathError(err))
	case !info.IsDir():
		return "", fmt.Errorf("%s is a file, not a folder: choose another with -o", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, cleanPathError(err))
	}
	if len(fileout.UsersEntries(entries)) == 0 || force {
		return dir, nil
	}
	if _, err := os.Stat(filepath.Join(dir, ownerFile)); err == nil {
		return dir, nil
	}
	return "", fmt.Errorf("%s is not empty and hindcast did not write it; choose another folder with -o, or give --force to add the report's files there (files of yours are never replaced)", dir)
}
