package evaluate

import (
	"slices"
	"strconv"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// SensitivityOptions are the choices of a sensitivity analysis: the random
// codings for the ranges that are not exact, and their seed.
type SensitivityOptions struct {
	Samples int
	Seed    uint64
	Args    []string // the command line, for the provenance
}

// Check reports bad options as a *UsageError.
func (o SensitivityOptions) Check() error {
	if o.Samples < 0 {
		return usagef("--samples %d: use 0 or more", o.Samples)
	}
	return nil
}

// SampleBudget bounds the random codings of a sensitivity analysis:
// samples × scored records is at most this (4 million forecasts coded per
// scale, a second or so), so that 30,000 records get 133 codings, not the
// 2,000 asked. The reduction is reported (SensitivityResult.SamplesAsked).
const SampleBudget = 4_000_000

// minSamples is the fewest random codings a budget leaves.
const minSamples = 20

// surveyScale is the scale of what readers read into the words.
const surveyScale = "mauboussin-2018"

// Sensitivity scores the scored records of the datasets under every scale:
// as coded, and read on each built-in scale through the crosswalk.
func Sensitivity(ds []*forecasts.Dataset, opts SensitivityOptions) *SensitivityResult {
	samples, seed := opts.Samples, opts.Seed
	scales, cw := forecasts.BuiltinScales(), forecasts.BuiltinCrosswalk()
	var recs []*forecasts.Record
	out := &SensitivityResult{Samples: samples, Seed: seed}
	for _, d := range ds {
		out.Datasets = append(out.Datasets, d.Name)
		if d.Selection == forecasts.SelectChosenForFailure {
			out.ChosenForFailure = append(out.ChosenForFailure, d.Name)
		}
		for _, r := range d.Records {
			if r.Outcome.Scored() {
				recs = append(recs, r)
			} else {
				out.Excluded = append(out.Excluded, r.ID)
			}
		}
	}
	out.N = len(recs)
	if out.N > 0 && samples > SampleBudget/out.N {
		// Each coding sorts every record: past the budget, fewer codings
		// (the sampled ranges only narrow, and are marked as sampled).
		out.SamplesAsked, samples = samples, max(SampleBudget/out.N, minSamples)
		out.Samples = samples
	}
	for _, r := range recs {
		if r.Estimate.Term != "" {
			out.TermCoded++
		}
	}
	targets := append([]string{""}, scales.Names()...) // "" is each record as coded
	perRecord := make([]RecordSensitivity, len(recs))
	for i, r := range recs {
		perRecord[i] = RecordSensitivity{ID: r.ID, Outcome: string(r.Outcome), Estimate: r.Estimate.String(), Negated: r.Negated}
	}
	for _, target := range targets {
		fs := make([]analysis.IntervalForecast, len(recs))
		row := ScaleSensitivity{Scale: target}
		if target == "" {
			row.Scale = AsCoded
		}
		for i, r := range recs {
			c := cw.Recode(r, scales, target)
			fs[i] = analysis.IntervalForecast{Lo: c.Event.Low, Point: c.Event.Point, Hi: c.Event.High, Yes: r.Outcome == forecasts.Yes}
			switch {
			case c.Missing:
				row.NoCounterpart = append(row.NoCounterpart, r.ID)
			case c.Translated:
				row.Translated++
			}
			perRecord[i].Codings = append(perRecord[i].Codings, RecordCoding{Scale: row.Scale, Term: c.Term, PEvent: c.Event, Missing: c.Missing})
		}
		row.Brier = analysis.SeparableSpan(fs, analysis.BrierContribution)
		row.Log = analysis.SeparableSpan(fs, analysis.LogContribution)
		spans := analysis.SampledSpansSeeded(fs, samples, seed,
			func(t analysis.Table) float64 { return analysis.Murphy(t, analysis.Distinct).Reliability },
			func(t analysis.Table) float64 { return analysis.CORP(t, analysis.BrierContribution).Miscalibration },
			func(t analysis.Table) float64 { return analysis.CORP(t, analysis.BrierContribution).Discrimination },
			analysis.AUC)
		row.Reliability, row.Miscalibration, row.Discrimination, row.AUC = spans[0], spans[1], spans[2], spans[3]
		out.Scales = append(out.Scales, row)
	}
	out.Readers = readersView(recs, cw, scales)
	for i, r := range recs {
		lo, hi := 0.0, 0.0
		for j, c := range perRecord[i].Codings {
			a := analysis.BrierContribution(c.PEvent.Low, r.Outcome == forecasts.Yes)
			b := analysis.BrierContribution(c.PEvent.High, r.Outcome == forecasts.Yes)
			if j == 0 {
				lo, hi = min(a, b), max(a, b)
			}
			lo, hi = min(lo, a, b), max(hi, a, b)
		}
		perRecord[i].Swing = (hi - lo) / float64(len(recs))
	}
	slices.SortStableFunc(perRecord, func(a, b RecordSensitivity) int {
		switch {
		case a.Swing > b.Swing:
			return -1
		case a.Swing < b.Swing:
			return 1
		}
		return 0
	})
	out.Records = perRecord
	if inputs, err := datasetInputs(ds); err == nil {
		in := Input{Args: opts.Args}
		out.Provenance = in.provenanceOf(inputs, intOption("samples", out.Samples), provenance.Option{Key: "seed", Value: strconv.FormatUint(seed, 10)})
	}
	return out
}

// readersView scores the records as the survey's readers read the words:
// each phrase at the readers' 25th percentile, median and 75th
// percentile. The percentile is of the statement as worded, so for a
// negated statement P(event) is one minus it.
func readersView(recs []*forecasts.Record, cw *forecasts.Crosswalk, scales *forecasts.Scales) ReadersView {
	var v ReadersView
	v.Scale = surveyScale
	quantiles := []func(forecasts.Interval) float64{
		func(iv forecasts.Interval) float64 { return iv.Low },
		func(iv forecasts.Interval) float64 { return iv.Point },
		func(iv forecasts.Interval) float64 { return iv.High },
	}
	for q, pick := range quantiles {
		var brier, logs float64
		for _, r := range recs {
			p := r.Event.Point
			if r.Estimate.Term != "" {
				c := cw.Recode(r, scales, surveyScale)
				if c.Missing {
					if q == 0 {
						v.NoCounterpart = append(v.NoCounterpart, r.ID)
					}
				} else {
					stmt := c.Event
					if r.Negated {
						stmt = stmt.Complement()
					}
					p = pick(stmt)
					if r.Negated {
						p = 1 - p
					}
				}
			}
			yes := r.Outcome == forecasts.Yes
			brier += analysis.BrierContribution(p, yes)
			logs += analysis.LogContribution(p, yes)
		}
		n := float64(len(recs))
		v.Brier[q], v.Log[q] = brier/n, logs/n
	}
	return v
}
