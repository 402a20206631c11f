package evaluate

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/internal/provenance"
)

// ScoreOptions are the choices of a score: the analysis options, and the
// group the reference skill is against.
type ScoreOptions struct {
	Analysis analysis.Options
	// Reference names a group (its key joined with "/"); each group's
	// Brier skill against it is given. Empty for none.
	Reference string
}

// ParseBins reads a --bins value: "distinct" (analysis.BinsDistinct) or a
// number of equal-width bins from 1 to 1000.
func ParseBins(s string) (int, error) {
	if s == "distinct" {
		return analysis.BinsDistinct, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		return 0, usagef("--bins %q: use distinct or a number of bins from 1 to 1000", s)
	}
	return n, nil
}

// CheckAnalysisOptions reports options a user set that analysis cannot
// take, as a *UsageError naming the flag.
func CheckAnalysisOptions(o analysis.Options) error {
	switch {
	case !(o.LogClip == 0 || o.LogClip > 0 && o.LogClip < 0.5):
		return usagef("--clip %g: use a small positive number such as 1e-15", o.LogClip)
	case o.BrierScale != 0 && o.BrierScale != 1 && o.BrierScale != 2:
		return usagef("--brier-scale %g: use 1 or 2", o.BrierScale)
	case o.Replicates < 0:
		return usagef("--bootstrap %d: use 0 (none) or a number of replicates", o.Replicates)
	case !(o.Level == 0 || o.Level > 0 && o.Level < 1):
		return usagef("--level %g: use a coverage between 0 and 1, such as 0.95", o.Level)
	}
	return nil
}

// Score gives the figures of the forecasts overall and by group.
func Score(f *Forecasts, opts ScoreOptions) (*ScoreResult, error) {
	if err := CheckAnalysisOptions(opts.Analysis); err != nil {
		return nil, err
	}
	all := f.All()
	tables := make([]analysis.Table, len(all))
	for i, g := range all {
		tables[i] = g.Tally.Table()
	}
	var clusters [][]analysis.Table
	if len(f.Cluster) > 0 {
		clusters = make([][]analysis.Table, len(all))
		for i, g := range all {
			clusters[i] = g.Clusters
		}
	}
	sums := analysis.SummarizeClustered(tables, clusters, opts.Analysis)
	bins := opts.Analysis.Bins
	switch bins {
	case analysis.BinsDistinct:
		bins = analysis.Distinct
	case 0:
		bins = analysis.DefaultBins
	}
	sc := &ScoreResult{By: f.By, Bins: bins, Reference: opts.Reference, Cluster: f.Cluster, SharedEvents: SharedEvents(f)}
	if opts.Analysis.LogClip > 0 {
		sc.LogClip = opts.Analysis.LogClip
	}
	for i, g := range all {
		sg := &ScoreGroup{Key: g.Key, Summary: sums[i], Excluded: g.Excluded, ReferenceSkill: math.NaN()}
		sg.Bins, sg.ECE = sg.Summary.Bins, sg.Summary.ECE
		sg.Summary.Warnings = append(sg.Summary.Warnings, g.Warnings...)
		if b := sg.Summary.Bootstrap; b != nil && sc.LogClip == 0 && math.IsInf(sg.Summary.LogScore, 1) {
			// The replicates score the log clipped: an interval of finite
			// numbers around an infinite score would hide it.
			bc := *b
			bc.Lo.LogScore, bc.Hi.LogScore = math.NaN(), math.NaN()
			sg.Summary.Bootstrap = &bc
		}
		for k, w := range sg.Summary.Warnings {
			if w.Code == analysis.WarnFewClusters {
				sg.Summary.Warnings[k].Message += fmt.Sprintf(" (a cluster is %s; --cluster none resamples single forecasts)", clusterName(f.Cluster))
			}
			if w.Code != analysis.WarnInfiniteLogScore || sc.LogClip > 0 {
				continue
			}
			// One warning per code: the records, when there are records,
			// and the way out go into the engine's.
			if ids := g.WrongCertain(); len(ids) > 0 {
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
	if opts.Reference != "" {
		if len(f.By) == 0 {
			return nil, usagef("--reference names a group: give --by too")
		}
		var ref *ScoreGroup
		var keys []string
		for _, g := range sc.Groups {
			k := strings.Join(g.Key, "/")
			keys = append(keys, k)
			if k == opts.Reference {
				ref = g
			}
		}
		if ref == nil {
			return nil, usagef("--reference %q is not a group; groups: %s", opts.Reference, strings.Join(keys, ", "))
		}
		for _, g := range append(sc.Groups, &sc.Overall) {
			g.ReferenceSkill = analysis.SkillScore(g.Summary.Brier, ref.Summary.Brier)
		}
	}
	if f.input.Crowd {
		keys := make([][]string, len(sc.Groups))
		for i, g := range sc.Groups {
			keys[i] = g.Key
		}
		var err error
		if sc.Crowd, err = crowdOf(f.input, keys); err != nil {
			return nil, err
		}
		k := cmp.Or(opts.Analysis.BrierScale, 1)
		sc.Crowd.Overall.Mean *= k
		for i := range sc.Crowd.Groups {
			sc.Crowd.Groups[i].Mean *= k
		}
	}
	a := opts.Analysis
	sc.Provenance = f.input.provenanceOf(f.Inputs,
		provenance.Option{Key: "bins", Value: binsText(sc.Bins)},
		intOption("bootstrap", a.Replicates), provenance.Option{Key: "seed", Value: strconv.FormatUint(a.Seed, 10)},
		floatOption("level", cmp.Or(a.Level, analysis.DefaultLevel)), floatOption("clip", a.LogClip),
		floatOption("brier-scale", cmp.Or(a.BrierScale, 1)), provenance.Option{Key: "reference", Value: opts.Reference},
		boolOption("crowd-relative", f.input.Crowd), defaultCluster(f, a.Replicates))
	if sc.Categorical = scoreCategorical(f, opts, bins); sc.Categorical != nil {
		f.input.addCategoricalOptions(sc.Provenance)
	}
	return sc, nil
}

// binsText is a --bins value as the flag takes it.
func binsText(bins int) string {
	if bins == analysis.Distinct {
		return "distinct"
	}
	return strconv.Itoa(bins)
}

// clusterName says what one cluster is, for a message: "one question", or
// "one value of forecast_date" or "one value of (a, b)".
func clusterName(cols []string) string {
	switch {
	case len(cols) == 1 && cols[0] == "question":
		return "one question"
	case len(cols) == 1:
		return "one value of " + cols[0]
	}
	return "one value of (" + strings.Join(cols, ", ") + ")"
}

// defaultCluster records the clusters the bootstrap resampled when no
// --cluster was given (the question, by default), so that the provenance
// says how the intervals were made (nothing without a bootstrap); an explicit --cluster is recorded
// with the input's options.
func defaultCluster(f *Forecasts, replicates int) provenance.Option {
	if len(f.input.Cluster) > 0 || len(f.Cluster) == 0 || replicates == 0 {
		return provenance.Option{Key: "cluster"}
	}
	return provenance.Option{Key: "cluster", Value: strings.Join(f.Cluster, ",") + " (default)"}
}
