package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports"
	"github.com/spf13/cobra"
)

// scoreOptions are the flags of `hindcast score`.
type scoreOptions struct {
	input      inputOptions
	format     string
	bins       string
	clip       float64
	brierScale float64
	bootstrap  int
	seed       uint64
	level      float64
	reference  string
}

func newScoreCmd(s *streams) *cobra.Command {
	opts := &scoreOptions{}
	cmd := &cobra.Command{
		Use:   "score",
		Short: "Score forecasts: Brier, log, skill, decompositions, calibration, AUC, with intervals",
		Long: `Score the forecasts of the chosen datasets or flat tables: the Brier score and
its skill, the log and spherical scores, the Murphy and CORP decompositions,
calibration (in the large, Spiegelhalter's test, ECE, logistic slope and
intercept), the ROC AUC, and bootstrap intervals for them. Warnings about
small samples, sparse bins, selection and excluded records come with them.

Flat tables (CSV or JSON Lines, one forecast per row, any size) are read with
--data FILE.csv|FILE.jsonl or --input FILE; they are streamed, never loaded
whole. Pre-aggregated tables (--counts: probability, n, n_yes) can come from
a GROUP BY in a database.`,
		Example: `  hindcast score
  hindcast score --dataset cpc
  hindcast score --by forecaster --format markdown
  hindcast score --scale icd-203 --reading low
  hindcast score --data flares.csv --by group,event_threshold --clip 1e-15 --format json
  hindcast score --data counts.csv --counts --by method`,
		Args: cobra.NoArgs,
		RunE: run(func(cmd *cobra.Command, args []string) error {
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
	return cmd
}

// analysisOptions turns the flags into analysis options.
func (o *scoreOptions) analysisOptions() (analysis.Options, int, error) {
	bins := analysis.Distinct
	if o.bins != "distinct" {
		n, err := strconv.Atoi(o.bins)
		if err != nil || n < 1 || n > 1000 {
			return analysis.Options{}, 0, usageErrorf("--bins %q: use distinct or a number of bins from 1 to 1000", o.bins)
		}
		bins = n
	}
	if o.clip < 0 || o.clip >= 0.5 {
		return analysis.Options{}, 0, usageErrorf("--clip %g: use a small positive number such as 1e-15", o.clip)
	}
	if o.brierScale != 1 && o.brierScale != 2 {
		return analysis.Options{}, 0, usageErrorf("--brier-scale %g: use 1 or 2", o.brierScale)
	}
	if o.bootstrap < 0 {
		return analysis.Options{}, 0, usageErrorf("--bootstrap %d: use 0 (none) or a number of replicates", o.bootstrap)
	}
	if !(o.level > 0 && o.level < 1) {
		return analysis.Options{}, 0, usageErrorf("--level %g: use a coverage between 0 and 1, such as 0.95", o.level)
	}
	opts := analysis.Options{
		Bins:       max(bins, 1),
		BrierScale: o.brierScale,
		Replicates: o.bootstrap,
		Level:      o.level,
		Seed:       o.seed,
	}
	if bins == analysis.Distinct {
		opts.Bins = analysis.DefaultBins
	}
	if o.clip > 0 {
		opts.LogClip = o.clip
	}
	return opts, bins, nil
}

func scoreRun(s *streams, o *scoreOptions) error {
	if err := checkFormat(o.format, "table", "json", "csv", "markdown"); err != nil {
		return err
	}
	aopts, bins, err := o.analysisOptions()
	if err != nil {
		return err
	}
	if o.reference != "" && len(o.input.by) == 0 {
		return usageErrorf("--reference names a group: give --by too")
	}
	in, err := o.input.load(s)
	if err != nil {
		return err
	}
	sc, err := score(in, aopts, bins, o.clip, o.reference)
	if err != nil {
		return err
	}
	switch o.format {
	case "json":
		return reports.WriteScoreJSON(s.out, sc)
	case "csv":
		return reports.WriteScoreCSV(s.out, sc)
	case "markdown":
		return reports.WriteScoreMarkdown(s.out, sc)
	}
	return reports.WriteScoreTable(s.out, sc)
}

// score summarizes the input overall and by group.
func score(in *scoreInput, opts analysis.Options, bins int, clip float64, reference string) (*reports.Score, error) {
	all := append([]*inputGroup{in.overall}, in.groups...)
	tables := make([]analysis.Table, len(all))
	for i, g := range all {
		tables[i] = g.tally.Table()
	}
	sums := analysis.SummarizeAll(tables, opts)
	sc := &reports.Score{By: in.by, Bins: bins, LogClip: clip, Reference: reference}
	for i, g := range all {
		sg := &reports.ScoreGroup{Key: g.key, Summary: sums[i], Excluded: g.excluded, ReferenceSkill: math.NaN()}
		if bins == analysis.Distinct {
			sg.Bins = analysis.Bins(tables[i], analysis.Distinct)
			sg.ECE = analysis.ECE(tables[i], analysis.Distinct)
		} else {
			sg.Bins, sg.ECE = sg.Summary.Bins, sg.Summary.ECE
		}
		sg.Summary.Warnings = append(sg.Summary.Warnings, g.warnings...)
		for k, w := range sg.Summary.Warnings {
			if w.Code != analysis.WarnInfiniteLogScore || clip > 0 {
				continue
			}
			// One warning per code: the records, when there are records,
			// and the way out go into the engine's.
			if ids := wrongCertain(g); len(ids) > 0 {
				sg.Summary.Warnings[k].Message += ". The records: " + strings.Join(ids, ", ")
			}
			sg.Summary.Warnings[k].Message += ". Give --clip EPS, such as 1e-15, for a finite log score"
		}
		if i == 0 {
			sc.Overall = *sg
		} else {
			sc.Groups = append(sc.Groups, sg)
		}
	}
	if reference != "" {
		var ref *reports.ScoreGroup
		var keys []string
		for _, g := range sc.Groups {
			k := strings.Join(g.Key, "/")
			keys = append(keys, k)
			if k == reference {
				ref = g
			}
		}
		if ref == nil {
			return nil, usageErrorf("--reference %q is not a group; groups: %s", reference, strings.Join(keys, ", "))
		}
		for _, g := range append(sc.Groups, &sc.Overall) {
			g.ReferenceSkill = analysis.SkillScore(g.Summary.Brier, ref.Summary.Brier)
		}
	}
	return sc, nil
}

// wrongCertain lists the records forecast at 0 or 1 whose outcome went the other way.
func wrongCertain(g *inputGroup) []string {
	var ids []string
	for _, sr := range g.scored {
		yes := sr.rec.Outcome == forecasts.Yes
		if (sr.p == 0 && yes) || (sr.p == 1 && !yes) {
			ids = append(ids, fmt.Sprintf("%s (%s)", sr.rec.ID, sr.rec.Pos))
		}
	}
	return ids
}
