package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports"
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
}

// ownerFile marks a folder as a hindcast report and lists the files
// hindcast wrote there, so that a later run replaces those and nothing else.
const ownerFile = ".hindcast-report"

func newReportCmd(s *streams) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the teaching report: cases, scores explained, charts, sensitivity, methods",
		Long: `Write a report on the chosen datasets (the built-in ones by default) into a
folder: index.html, one self-contained page (inline charts and styles, no
scripts, nothing fetched, readable on a phone and on paper), report.md, and
every chart as SVG and PNG.

The report says what the data is and how it was chosen, gives a card per case
(question, wording and its provenance, the coded probability and interval,
outcome, sources, coder's note), explains every score in a plain sentence about
this data, shows the charts, how much the verdict depends on how the words
were coded, the comparison by forecaster, figures from the literature for
context, and the methods with their formulas.

The folder is created if needed. A folder hindcast wrote before is updated:
the files it wrote are replaced and nothing else is touched. Any other folder
that is not empty is refused unless --force, which writes hindcast's files
there and leaves the others alone.`,
		Example: `  hindcast report
  hindcast report --dataset cpc -o cpc-report
  hindcast report --data seminar/ --scale icd-203 -o seminar-report
  hindcast report --format markdown -o notes`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			return reportRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addRecordFlags(f, "group the charts by these record fields or tag keys (comma-separated)")
	f.StringVarP(&opts.output, "output", "o", "hindcast-report", "the folder to write the report into")
	f.StringVar(&opts.format, "format", "html", "html (index.html, report.md and the charts) or markdown (report.md and the charts)")
	f.BoolVar(&opts.force, "force", false, "write into a folder that is not empty and was not written by hindcast (files already there are never replaced)")
	f.IntVar(&opts.bootstrap, "bootstrap", analysis.DefaultReplicates, "bootstrap replicates for the intervals")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the bootstrap and the random codings")
	return cmd
}

func reportRun(s *streams, o *reportOptions) error {
	if err := checkFormat(o.format, "html", "markdown"); err != nil {
		return err
	}
	in := o.input.input(s)
	if in.HasTables() {
		return usageErrorf("report reads datasets of records; for a flat table use score and plot")
	}
	if o.bootstrap < 0 {
		return usageErrorf("--bootstrap %d: use 0 or more", o.bootstrap)
	}
	dir, err := reportDir(o.output, o.force)
	if err != nil {
		return err
	}
	// Everything is computed before anything is written: bad data leaves the folder as it was.
	rep, err := evaluate.Report(in, evaluate.ReportOptions{Bootstrap: o.bootstrap, Seed: o.seed, Version: version})
	if err != nil {
		return err
	}
	files, err := reports.RenderReport(rep, o.format)
	if err != nil {
		return err
	}
	if err := writeReport(dir, files); err != nil {
		return err
	}
	main := "index.html"
	if o.format == "markdown" {
		main = "report.md"
	}
	fmt.Fprintf(s.out, "wrote %s (%d files)\n", filepath.Join(dir, main), len(files))
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(s.err, "not drawn for these data, as the report says:\n  %s\n", strings.Join(rep.Skipped, "\n  "))
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
	if len(entries) == 0 || force {
		return dir, nil
	}
	if _, err := os.Stat(filepath.Join(dir, ownerFile)); err == nil {
		return dir, nil
	}
	return "", fmt.Errorf("%s is not empty and hindcast did not write it; choose another folder with -o, or give --force to add the report's files there (files of yours are never replaced)", dir)
}

// ownedFiles reads the names the folder's list says an earlier report
// wrote: plain names of files in dir, from a regular file only (a link
// there is not hindcast's list).
func ownedFiles(dir string) map[string]bool {
	owned := map[string]bool{}
	path := filepath.Join(dir, ownerFile)
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		return owned
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return owned
	}
	for _, name := range strings.Split(string(data), "\n") {
		// The first line is a comment.
		if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") {
			continue
		}
		owned[name] = true
	}
	return owned
}

// writeReport writes each file atomically into dir, removes files a
// previous report wrote that this one does not, and records the files it
// owns last.
func writeReport(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, cleanPathError(err))
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	// A file of the user's that has a name of the report's is never
	// replaced, --force or not.
	owned := ownedFiles(dir)
	var theirs []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil && !owned[name] {
			theirs = append(theirs, filepath.Join(dir, name))
		}
	}
	if len(theirs) > 0 {
		return fmt.Errorf("%s: hindcast did not write %s and will not replace %s; move %s, or choose another folder with -o",
			strings.Join(theirs, ", "), plural(len(theirs), "this file", "these files"), plural(len(theirs), "it", "them"), plural(len(theirs), "it", "them"))
	}
	// The list names the old files and the new before any is written, so
	// a run cut short (a full disk, Ctrl-C) leaves no file of hindcast's
	// that the next run would take for the user's.
	writeList := func(names []string) error {
		list := "# hindcast wrote these files and replaces them on the next run\n" + strings.Join(names, "\n") + "\n"
		return writeFileHere(filepath.Join(dir, ownerFile), []byte(list))
	}
	both := slices.Sorted(maps.Keys(owned))
	for _, name := range names {
		if !owned[name] {
			both = append(both, name)
		}
	}
	slices.Sort(both)
	if err := writeList(both); err != nil {
		return err
	}
	// The files are written into dir itself: a symbolic link there named
	// like one of them is replaced, not followed out of the folder.
	for _, name := range names {
		if err := writeFileHere(filepath.Join(dir, name), files[name]); err != nil {
			return err
		}
	}
	for name := range owned {
		if files[name] == nil {
			os.Remove(filepath.Join(dir, name))
		}
	}
	return writeList(names)
}
