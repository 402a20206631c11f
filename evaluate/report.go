package evaluate

import (
	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// ReportOptions are the choices of the teaching report.
type ReportOptions struct {
	Bootstrap int    // bootstrap replicates of the intervals
	Seed      uint64 // of the bootstrap, the consistency band and the random codings
	Samples   int    // random codings of the sensitivity ranges; 0 for 2000
	Version   string // hindcast's, for the report's footer
}

// reportSamples is the number of random codings behind the report's
// sensitivity ranges.
const reportSamples = 2000

// Report computes everything the teaching report shows, for the records
// of the input (flat tables are refused): the scores overall and by
// forecaster, the sensitivity to the coding of words, the cases and the
// groups its charts draw.
func Report(in Input, opts ReportOptions) (*ReportResult, error) {
	if in.HasTables() {
		return nil, usagef("report reads datasets of records; for a flat table use score and plot")
	}
	if opts.Bootstrap < 0 {
		return nil, usagef("--bootstrap %d: use 0 or more", opts.Bootstrap)
	}
	if opts.Samples == 0 {
		opts.Samples = reportSamples
	}
	f, err := Load(in)
	if err != nil {
		return nil, err
	}
	sc, err := Score(f, ScoreOptions{Analysis: analysis.Options{Replicates: opts.Bootstrap, Seed: opts.Seed}})
	if err != nil {
		return nil, err
	}
	byIn := in
	byIn.By = []string{"forecaster"}
	byF, err := FromRecords(byIn, f.Datasets)
	if err != nil {
		return nil, err
	}
	bySc, err := Score(byF, ScoreOptions{Analysis: analysis.Options{Replicates: 0, Seed: opts.Seed}})
	if err != nil {
		return nil, err
	}
	recs := AllRecords(f.Datasets)
	forecasts.SortRecords(recs)
	coded := map[string]float64{}
	for _, sr := range f.Overall.Scored {
		coded[sr.Record.ID] = sr.P
	}
	r := &ReportResult{
		Version: opts.Version, Datasets: f.Datasets, Records: recs, Coded: coded,
		Scale: in.Scale, Reading: string(in.reading()), Score: sc, ByForecaster: bySc,
		Sensitivity: Sensitivity(f.Datasets, SensitivityOptions{Samples: opts.Samples, Seed: opts.Seed}),
		Scales:      forecasts.BuiltinScales().All(), Seed: opts.Seed, ChartErrors: map[string]error{},
	}
	groups := f.ForecastGroups()
	keep := func(name string, err error) {
		if err != nil {
			r.ChartErrors[name] = err
		}
	}
	var err2 error
	r.Contributions, err2 = Contributions(f.Cases(), false)
	keep("contributions", err2)
	r.Reliability, err2 = Reliability(groups, ReliabilityOptions{Seed: opts.Seed})
	keep("reliability", err2)
	r.ROC, err2 = ROC(groups)
	keep("roc", err2)
	r.Sharpness, err2 = Sharpness(groups, 0)
	keep("sharpness", err2)
	r.Murphy, err2 = Murphy(groups, 0)
	keep("murphy", err2)
	return r, nil
}
