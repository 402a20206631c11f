package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/fileout"
	"github.com/spf13/cobra"
)

type addOptions struct {
	to     string
	draft  forecasts.Draft
	rng    string // --range LO,HI
	source forecasts.DraftSource
	tags   []string // --tag key=value
	// interactive is true when missing fields may be asked for: standard
	// input is a terminal.
	interactive bool
}

const addLong = `Append one record to a dataset's records file: a single-file dataset, or a
record file of a dataset folder (--to FOLDER picks its records.yaml).

Give the fields as flags. Fields that are required and missing (id, question,
forecaster, issued, the estimate, outcome; the scale of a term; the wording
of a statement) are asked for one by one when standard input is a terminal;
otherwise they are a usage error. One source can be given with the
--source-* flags; add more, and anything else, by editing the file.

The record is checked together with the whole dataset it joins, as
'hindcast forecasts validate' checks it: a duplicate id, an unknown term, a
bad date or any other problem is printed as FILE:LINE:COL: FIELD: message
(positions as in the file with the record added), the exit code is 1 and the
file is not changed. Otherwise the record's YAML is inserted after the last
record, and every other byte of the file — comments, order, formatting — is
kept; the file is replaced in one step (a temporary file, synced, renamed)
and keeps its permissions, and its owner and group where the system allows.
A file with hard links is replaced under the name given only (a warning
says so).

Adds to one folder take turns: add holds a lock on the folder the file is
in (flock(2) on the folder; where that cannot be done, on the file
.hindcast.lock in it) while it reads, checks and writes, so that records added at once by several hindcast
commands are all kept and their ids checked against each other. A command
that cannot have the lock within 10 seconds fails, writing nothing.`

func newForecastsAddCmd(s *streams) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use:   "add --to FILE [flags]",
		Short: "Append a record to a dataset file, checked with the whole dataset",
		Long:  addLong,
		Example: `  hindcast forecasts add --to seminar/records.yaml --id treaty-1990 \
    --question "Will the treaty be signed by 31 December 1990?" \
    --forecaster "Desk A" --issued 1990-03 --resolves-by 1990-12-31 \
    --statement "signature is unlikely this year" --wording verbatim \
    --term unlikely --scale icd-203 --outcome no \
    --source-title "Memorandum of 12 March 1990" --source-author "Desk A" \
    --tag region=Europe
  hindcast forecasts add --to seminar/records.yaml   # asks for each required field`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			opts.interactive = inputIsTerminal(s.in)
			return forecastsAdd(s, &opts)
		}),
	}
	fl := cmd.Flags()
	d := &opts.draft
	fl.StringVar(&opts.to, "to", "", "the dataset file, or a dataset folder's record file, to add to (required)")
	fl.StringVar(&d.ID, "id", "", "unique id: letters, digits and - _ . :")
	fl.StringVar(&d.Label, "label", "", "a short name for charts and tables, ending with when it was issued: \"Shah will stay (Aug 1978)\"")
	fl.StringVar(&d.Question, "question", "", "the yes/no question, with its horizon")
	fl.StringVar(&d.Forecaster, "forecaster", "", "who made the judgment")
	fl.StringVar(&d.Audience, "audience", "", "for whom")
	fl.StringVar(&d.Issued, "issued", "", "when: YYYY, YYYY-MM or YYYY-MM-DD")
	fl.StringVar(&d.IssuedNote, "issued-note", "", "how the issue date is known")
	fl.StringVar(&d.ResolvesBy, "resolves-by", "", "the horizon: the last day the event counts")
	fl.StringVar(&d.Resolved, "resolved", "", "when the outcome happened or became known")
	fl.StringVar(&d.Statement, "statement", "", "the judgment as the source words it")
	fl.StringVar(&d.Wording, "wording", "", "how close the statement is to the source: verbatim, paraphrase or unconfirmed")
	fl.BoolVar(&d.Negated, "negated", false, "the statement says the event will NOT happen")
	fl.StringVar(&d.Probability, "probability", "", "the estimate as a probability in [0, 1]")
	fl.StringVar(&opts.rng, "range", "", "the estimate as an interval LO,HI (or a term's narrower interval)")
	fl.StringVar(&d.Term, "term", "", "the estimate as a term on --scale")
	fl.StringVar(&d.Scale, "scale", "", "the scale of --term (hindcast scales list)")
	fl.StringVar(&d.CoderNote, "coder-note", "", "why this term, range or horizon")
	fl.StringVar(&d.Outcome, "outcome", "", "yes, no, unresolved or ambiguous")
	fl.StringVar(&d.OutcomeNote, "outcome-note", "", "what happened")
	fl.StringVar(&opts.source.Title, "source-title", "", "a source's title")
	fl.StringVar(&opts.source.Author, "source-author", "", "its author")
	fl.StringVar(&opts.source.Publisher, "source-publisher", "", "its publisher")
	fl.StringVar(&opts.source.Date, "source-date", "", "its date")
	fl.StringVar(&opts.source.Page, "source-page", "", "the page")
	fl.StringVar(&opts.source.URL, "source-url", "", "its URL")
	fl.StringVar(&opts.source.Quote, "source-quote", "", "the passage the statement rests on")
	fl.StringArrayVar(&d.Notes, "note", nil, "a free note (repeatable)")
	fl.StringArrayVar(&opts.tags, "tag", nil, "a tag key=value (repeatable)")
	return cmd
}

func forecastsAdd(s *streams, opts *addOptions) error {
	if opts.to == "" {
		return usageErrorf("--to is required: the dataset file, or the dataset folder's record file, to add to")
	}
	file, dataset, err := forecasts.AddTarget(opts.to)
	var te *forecasts.TargetError
	if errors.As(err, &te) {
		return usageErrorf("%v", te)
	} else if err != nil {
		return err
	}
	d := opts.draft
	if opts.rng != "" {
		parts := strings.Split(strings.Trim(strings.TrimSpace(opts.rng), "[]"), ",")
		if len(parts) != 2 {
			return usageErrorf("--range %q: write LO,HI, such as 0.2,0.45", opts.rng)
		}
		d.Range = []string{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}
	}
	for _, t := range opts.tags {
		k, v, ok := strings.Cut(t, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return usageErrorf("--tag %q: write key=value, such as region=Europe", t)
		}
		d.Tags = append(d.Tags, forecasts.Tag{Key: strings.TrimSpace(k), Value: v})
	}
	if !opts.source.IsZero() {
		d.Sources = append(d.Sources, opts.source)
	}
	if missing := missingFlags(&d); len(missing) > 0 {
		if !opts.interactive {
			return usageErrorf("missing %s: give them as flags, or run on a terminal to be asked for them", strings.Join(missing, ", "))
		}
		if err := d.Ask(bufio.NewReader(s.in), s.err); err != nil {
			return err
		}
	}

	// Writers take turns: under the folder's lock, the file is read,
	// checked with its whole dataset and replaced as one step, so that a
	// record added meanwhile by another hindcast is neither lost nor given
	// the same id.
	lock, err := forecasts.LockFolder(filepath.Dir(file), addLockWait)
	if err != nil {
		var le *forecasts.LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%s is locked by another hindcast writing to %s (waited %s); try again; nothing written", file, le.Dir, le.Waited)
		}
		return err
	}
	defer lock.Unlock()
	data, err := forecasts.ReadYAMLFile(file, forecasts.MaxYAMLBytes)
	if err != nil {
		return err
	}
	out, line, err := forecasts.AppendRecord(file, data, &d)
	if err != nil {
		return err
	}
	ds, err := (&forecasts.Loader{Scales: forecasts.BuiltinScales()}).LoadReplaced(dataset, file, out)
	if err != nil {
		var list forecasts.ErrorList
		if errors.As(err, &list) {
			list = append(list, &forecasts.Error{File: file, Msg: fmt.Sprintf(
				"not changed. The record would have started at line %d; positions from there on are in the file as it would have been.", line)})
			return list
		}
		return err
	}
	links, err := fileout.ReplaceKeepingOwner(file, out)
	if err != nil {
		return err
	}
	if links > 1 {
		fmt.Fprintf(s.err, "%s: warning: the file had %d names (hard links); it was replaced under this name only, and the others keep the old records\n", file, links)
	}
	n := 0
	for _, x := range ds {
		n += len(x.Records)
	}
	_, err = fmt.Fprintf(s.out, "%s:%d: added %s; %s now holds %s\n", file, line, d.ID, ds[0].Name, count(n, "record"))
	return err
}

// addLockWait is how long add waits for another hindcast writing to the
// same folder.
var addLockWait = forecasts.LockWait

// inputIsTerminal reports whether r is a terminal one can be asked
// questions on: a character device, but not the null device, which is one
// too (hindcast ... < /dev/null).
func inputIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok || !isTerminal(f) {
		return false
	}
	info, err := f.Stat()
	null, nerr := os.Stat(os.DevNull)
	return err == nil && (nerr != nil || !os.SameFile(info, null))
}

// missingFlags names the flags of the fields the draft still needs.
func missingFlags(d *forecasts.Draft) []string {
	out := d.Missing()
	for i, f := range out {
		out[i] = "--" + f
		if f == "estimate" {
			out[i] = "the estimate (--probability, --range or --term)"
		}
	}
	return out
}
