package main

import (
	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/textout"
	"github.com/spf13/cobra"
)

// compareOptions are the flags of `hindcast compare`.
type compareOptions struct {
	input        inputFlags // --by names the competitors
	question     []string
	within       []string
	score        string
	clip         float64
	permutations int
	bootstrap    int
	level        float64
	seed         uint64
	minShared    int
	minQuestions int
	pairs        string
	baseline     string
	crowd        bool
	format       string
	clipSet      bool // --clip was given
}

// newCompareCmd makes `hindcast compare`; runF, when not nil, runs in place
// of compareRun with the parsed options.
func newCompareCmd(s *streams, runF func(*compareOptions) error) *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare --by FIELD",
		Short: "Compare forecasters pair by pair on the questions both answered",
		Long: `Compare competitors (forecasters, methods, teams: the values of --by) on the
questions both answered, pair by pair, and rank them by relative skill.

For each pair A, B: the number of questions both answered, each one's mean
score on them, the mean difference A − B with a percentile bootstrap interval
(--bootstrap, --level), and the p-value of a two-sided paired sign-flip
permutation test of A − B = 0: exact (all 2^n sign flips) up to 20 shared
questions, otherwise --permutations random flips (seeded: the same --seed
gives the same output). Holm's adjustment for the number of pairs is shown
beside it. Pairs sharing fewer than --min-shared questions are flagged and
enter no relative skill.

The relative skill of a competitor is the geometric mean, over the
competitors it shares questions with and itself (a ratio of 1), of the ratio
of its mean score to theirs on the shared questions (Cramer et al. 2022, as
in scoringutils' pairwise comparison).
Lower is better; --baseline NAME divides every relative skill by NAME's.
Ranked: a finite, positive relative skill. Listed apart, with the reason:
competitors sharing fewer than --min-shared questions with every other, or
answering fewer than --min-questions (these take no part in any pair), and
relative skills that a mean score of 0 makes 0, infinite or undefined.
--crowd-relative adds each competitor's crowd-relative score, as forecasting
tournaments report it: on each question, its score minus the median score of
the other competitors there, averaged over its questions that anyone else
answered; below 0 is better than the typical other forecaster.
--pairs summary lists only the pairs of the 10 best-ranked (the default
above 100 competitors); the relative skills are the same.

A question is the record's question text, or the record fields and tags named
by --question. For flat tables (--data FILE.csv) --question is required: the
columns that together name a question (for example a date and an event).
When a competitor made several forecasts on one question, its score on that
question is the mean of their scores: each counts once, or as --weight says
(question: the same; time: by how long each stood), or only the last with
--latest. Who made a forecast is the record's forecaster, or in a flat table
the --forecaster-col columns. --within COL compares separately within
each value of COL (like scoringutils' "by").

The Brier score or the log score (--score log); the log score clips every
probability to [--clip, 1 − --clip] (default 1e-15), so that a wrong forecast
of 0 or 1 has a large finite score and every difference is finite.`,
		Example: `  hindcast compare --by forecaster
  hindcast compare --by forecaster --score log --format markdown
  hindcast compare --data flares.csv --by group --question forecast_date,event_threshold --within event_threshold
  hindcast compare --data flares.csv --by group --question forecast_date,event_threshold --within event_threshold --baseline CLIM120 --format json`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
			opts.clipSet = cmd.Flags().Changed("clip")
			if runF != nil {
				return runF(opts)
			}
			return compareRun(s, opts)
		}),
	}
	f := cmd.Flags()
	opts.input.addFlags(f)
	f.Lookup("by").Usage = "the record fields, tags or table columns that name a competitor (comma-separated: joined with /)"
	f.MarkHidden("counts")     // rejected: a comparison needs each forecast
	f.MarkHidden("weight-col") // rejected: every question weighs the same
	f.StringSliceVar(&opts.question, "question", nil, "the record fields, tags or table columns that name a question (comma-separated); records default to the question text")
	f.StringSliceVar(&opts.within, "within", nil, "compare separately within each value of these fields or columns (comma-separated)")
	f.StringVar(&opts.score, "score", "brier", "the score compared: brier or log")
	f.Float64Var(&opts.clip, "clip", analysis.DefaultLogClip, "with --score log: clip probabilities to [EPS, 1-EPS] so that every score is finite")
	f.IntVar(&opts.permutations, "permutations", analysis.DefaultPermutations, "random sign flips for pairs sharing more than 20 questions; 0 for no test of those")
	f.IntVar(&opts.bootstrap, "bootstrap", analysis.DefaultReplicates, "bootstrap replicates for the interval of each mean difference; 0 for none")
	f.Float64Var(&opts.level, "level", analysis.DefaultLevel, "coverage of the intervals")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the sign flips and the bootstrap; the same seed gives the same output")
	f.IntVar(&opts.minShared, "min-shared", analysis.DefaultMinShared, "pairs sharing fewer questions are flagged and enter no relative skill")
	f.IntVar(&opts.minQuestions, "min-questions", 0, "leave out of every pair, unranked, competitors answering fewer questions")
	f.StringVar(&opts.pairs, "pairs", "", "pairs listed: all, summary or none (default: all up to 100 competitors)")
	f.StringVar(&opts.baseline, "baseline", "", "also give each relative skill divided by this competitor's")
	f.BoolVar(&opts.crowd, "crowd-relative", false, "also give each competitor's score minus the median of the others' on the same questions (VS CROWD)")
	f.StringVar(&opts.format, "format", "table", "output format: table, json, csv or markdown")
	return cmd
}

func compareRun(s *streams, o *compareOptions) error {
	if err := checkFormat(o.format, "table", "json", "csv", "markdown"); err != nil {
		return err
	}
	if o.clipSet && o.score != "log" {
		return usageErrorf("--clip applies to the log score: give --score log")
	}
	cmp, err := evaluate.Compare(o.input.input(s), evaluate.CompareOptions{
		Question: o.question, Within: o.within, Score: o.score, Clip: o.clip, Crowd: o.crowd,
		Pairwise: analysis.PairwiseOptions{
			Permutations: o.permutations, Bootstrap: o.bootstrap, Level: o.level,
			MinShared: o.minShared, Baseline: o.baseline, Seed: o.seed, MinQuestions: o.minQuestions, Pairs: o.pairs,
		},
	})
	if err != nil {
		return err
	}
	switch o.format {
	case "json":
		return textout.WriteCompareJSON(s.out, cmp)
	case "csv":
		return textout.WriteCompareCSV(s.out, cmp)
	case "markdown":
		return textout.WriteCompareMarkdown(s.out, cmp)
	}
	return textout.WriteCompareTable(s.out, cmp)
}
