package main

import (
	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/spf13/cobra"
)

// scoreOptions are the flags of `hindcast score`.
type scoreOptions struct {
	input      inputFlags
	format     string
	bins       string
	clip       float64
	brierScale float64
	bootstrap  int
	seed       uint64
	level      float64
	reference  string
	cluster    []string
	responses  string // a class's answer sheet (cmd_exercise.go)
	anonymise  bool
	others     bool

	categorical categoricalFlags // questions with options in flat tables
}

// newScoreCmd makes `hindcast score`; runF, when not nil, runs in place of
// scoreRun with the parsed options (for tests of the flags).
func newScoreCmd(s *streams, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{}
	cmd := &cobra.Command{
		Use:   "score",
		Short: "Score forecasts: Brier, log, skill, decompositions, calibration, AUC, with intervals",
		Long: `Score the forecasts of the chosen datasets or flat tables: the Brier score and
its skill, the log and spherical scores, the Murphy and CORP decompositions,
calibration (in the large, Spiegelhalter's test, ECE, logistic slope and
intercept), the ROC AUC, and bootstrap intervals for them. Warnings about
small samples, sparse bins, selection and excluded records come with them.
Forecasts on one question are not independent, so the bootstrap resamples
whole clusters of them: --cluster COL, by default the question where one is
known (a record's question text, a table's --question-col).

Flat tables (CSV or JSON Lines, one forecast per row, any size) are read with
--data FILE.csv|FILE.jsonl or --input FILE; they are streamed, never loaded
whole. Pre-aggregated tables (--counts: probability, n, n_yes) can come from
a GROUP BY in a database.`,
		Example: `  hindcast score
  hindcast score --dataset cpc
  hindcast score --by forecaster --format markdown
  hindcast score --others
  hindcast score --scale icd-203 --reading low
  hindcast score --data flares.csv --by group,event_threshold --clip 1e-15 --format json
  hindcast score --data flares.csv --by group,event_threshold --cluster forecast_date
  hindcast score --data counts.csv --counts --by method`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addFlags(f)
	f.StringVar(&opts.format, "format", "table", "output format: table, json, csv or markdown")
	f.StringVar(&opts.bins, "bins", "10", "bins for the Murphy decomposition, ECE and reliability: distinct (one per forecast value, exact) or a number of equal-width bins")
	f.Float64Var(&opts.clip, "clip", 0, "clip forecasts to [EPS, 1-EPS] for the log score, e.g. 1e-15 (by default none: a wrong forecast of 0 or 1 makes the log score infinite)")
	f.Float64Var(&opts.brierScale, "brier-scale", 1, "1 for the 0-1 Brier score, 2 for the original two-category 0-2 form")
	f.IntVar(&opts.bootstrap, "bootstrap", analysis.DefaultReplicates, "bootstrap replicates for the intervals; 0 for none")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the bootstrap; the same seed gives the same intervals")
	f.Float64Var(&opts.level, "level", analysis.DefaultLevel, "coverage of the intervals")
	f.StringVar(&opts.reference, "reference", "", "also give each group's Brier skill against this group (a value of --by)")
	f.BoolVar(&opts.input.crowd, "crowd-relative", false, "also give the crowd-relative Brier score: each forecaster's score minus the median of the others' on the same question")
	opts.input.data.addSumToleranceFlag(f)
	opts.categorical.addFlags(f)
	f.StringSliceVar(&opts.cluster, "cluster", nil, "the bootstrap resamples whole clusters of forecasts that share these record fields, tags or table columns (default: the question: records' question text, a table's --question-col); none resamples single forecasts")
	f.StringVar(&opts.responses, "responses", "", "score a class's answer sheet (CSV: a name column, one column per question by id or question text) against the outcomes and the analysts (hindcast exercise writes one)")
	f.BoolVar(&opts.anonymise, "anonymise", false, "with --responses: name the students Student 1, 2, … in the order of the sheet's rows")
	f.BoolVar(&opts.others, "others", false, "also set the overall figures next to published studies' (Mandel & Barnes 2014; Friedman et al. 2018), with the selection warning; table and markdown formats")
	return cmd
}

// analysisOptions turns the flags into analysis options.
func (o *scoreOptions) analysisOptions() (analysis.Options, error) {
	bins, err := evaluate.ParseBins(o.bins)
	if err != nil {
		return analysis.Options{}, err
	}
	opts := analysis.Options{
		Bins:       bins,
		LogClip:    o.clip,
		BrierScale: o.brierScale,
		Replicates: o.bootstrap,
		Level:      o.level,
		Seed:       o.seed,
	}
	return opts, evaluate.CheckAnalysisOptions(opts)
}

func scoreRun(s *streams, o *scoreOptions) error {
	if o.responses != "" || o.anonymise {
		return classRun(s, o)
	}
	if err := checkFormat(o.format, "table", "json", "csv", "markdown"); err != nil {
		return err
	}
	aopts, err := o.analysisOptions()
	if err != nil {
		return err
	}
	if o.reference != "" && len(o.input.by) == 0 {
		return usageErrorf("--reference names a group: give --by too")
	}
	if o.others && (o.format == "json" || o.format == "csv") {
		return usageErrorf("--others writes a table for reading: use --format table or markdown")
	}
	in := o.input.input(s)
	in.Cluster = o.cluster
	o.categorical.apply(&in)
	f, err := evaluate.Load(in)
	if err != nil {
		return err
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: aopts, Reference: o.reference})
	if err != nil {
		return err
	}
	switch o.format {
	case "json":
		return textout.WriteScoreAllJSON(s.out, sc)
	case "csv":
		return textout.WriteScoreAllCSV(s.out, sc)
	case "markdown":
		if err := textout.WriteScoreAllMarkdown(s.out, sc); err != nil || !o.others {
			return err
		}
		return textout.WriteOthersMarkdown(s.out, evaluate.Others(sc, f.Datasets))
	}
	if err := textout.WriteScoreAllTable(s.out, sc); err != nil || !o.others {
		return err
	}
	return textout.WriteOthers(s.out, evaluate.Others(sc, f.Datasets))
}
