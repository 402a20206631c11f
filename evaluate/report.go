package evaluate

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
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

// ReportLarge is the most scored forecasts a section of the report shows
// a card for each of. Past it, the cards give way to the costliest
// forecasts, the biggest hits and a table by forecast band.
const ReportLarge = 200

// ReportHeadlineGroups is the most forecaster groups (or groups of --by)
// whose own figures a section's first screen gives; with more, they are
// in the section's table by group only.
const ReportHeadlineGroups = 6

// reportListed is how many of the costliest forecasts, and of the biggest
// hits, a large section lists.
const reportListed = 10

// reportLargeSamples is the number of random codings behind the sampled
// sensitivity ranges (reliability, CORP, AUC) of a large section: each
// coding sorts every forecast, so 2,000 of them over five scales would
// take minutes for 10,000 records. The exact Brier and log ranges do not
// depend on it, and the chart says how many codings its ranges are over.
const reportLargeSamples = 20

// tieTolerance: two Brier contributions this close cost the same (0.93²
// and (0.07 − 1)² differ in their last bits).
const tieTolerance = 1e-9

// Report computes everything the teaching report shows: a section per
// dataset (or per flat table), each with its own figures, never mixed.
func Report(in Input, opts ReportOptions) (*ReportResult, error) {
	if opts.Bootstrap < 0 {
		return nil, usagef("--bootstrap %d: use 0 or more", opts.Bootstrap)
	}
	if opts.Samples == 0 {
		opts.Samples = reportSamples
	}
	if err := in.Check(); err != nil {
		return nil, err
	}
	r := &ReportResult{Version: opts.Version, Scale: in.Scale, Reading: string(in.reading()), Seed: opts.Seed, Large: ReportLarge}
	var inputs []provenance.Input
	if in.HasTables() {
		_, tables := in.Split()
		for i, name := range tables {
			one := in
			one.Data, one.Tables = nil, []string{name}
			s, err := reportTable(one, opts, name, i)
			if err != nil {
				return nil, err
			}
			r.Sections = append(r.Sections, s)
			inputs = append(inputs, s.Inputs...)
		}
	} else {
		ds, err := in.Datasets("")
		if err != nil {
			return nil, err
		}
		if err := checkRecordColumns(ds, nil, flagColumns{"--by", in.By}); err != nil {
			return nil, err
		}
		for _, d := range ds {
			s, err := reportDataset(in, opts, d)
			if err != nil {
				return nil, err
			}
			if s == nil {
				continue // no record of this dataset is left
			}
			r.Sections = append(r.Sections, s)
			inputs = append(inputs, s.Inputs...)
			if s.Sensitivity != nil {
				r.Words = true
			}
		}
		if r.Words {
			r.Scales = forecasts.BuiltinScales().All()
		}
	}
	r.Provenance = in.provenanceOf(inputs, intOption("bootstrap", opts.Bootstrap),
		provenance.Option{Key: "seed", Value: strconv.FormatUint(opts.Seed, 10)}, intOption("samples", opts.Samples),
		provenance.Option{Key: "bins", Value: binsText(analysis.DefaultBins)})
	return r, nil
}

// reportGroupCols are the columns whose groups a section's first screen
// gives: those of --by, else the forecaster.
func reportGroupCols(in Input) []string {
	if len(in.By) > 0 {
		return in.By
	}
	return []string{"forecaster"}
}

// reportDataset computes the section of one dataset; nil when the
// selection left it no record.
func reportDataset(in Input, opts ReportOptions, d *forecasts.Dataset) (*ReportSection, error) {
	if len(d.Records) == 0 {
		return nil, nil
	}
	ds := []*forecasts.Dataset{d}
	f, err := FromRecords(in, ds)
	if err != nil {
		return nil, err
	}
	a := analysis.Options{Replicates: opts.Bootstrap, Seed: opts.Seed}
	sc, err := Score(f, ScoreOptions{Analysis: a})
	if err != nil {
		return nil, err
	}
	s := &ReportSection{ID: d.Name, Dataset: d, Score: sc, Inputs: f.Inputs, Coded: map[string]float64{}, ChartErrors: map[string]error{}}
	s.Records = slices.Clone(d.Records)
	forecasts.SortRecords(s.Records)
	for _, sr := range f.Overall.Scored {
		s.Coded[sr.Record.ID] = sr.P
	}
	s.Large = f.Overall.Tally.Table().N() > ReportLarge

	// The groups: forecasters unless --by names others.
	gin := in
	gin.By = reportGroupCols(in)
	s.GroupBy = gin.By
	gf, err := FromRecords(gin, ds)
	if err != nil {
		return nil, err
	}
	if len(gf.Groups) > 1 {
		if s.ByGroup, err = Score(gf, ScoreOptions{Analysis: analysis.Options{Seed: opts.Seed}}); err != nil {
			return nil, err
		}
	}

	termCoded := 0
	for _, rec := range d.Records {
		if rec.Estimate.Term != "" && rec.Outcome.Scored() {
			termCoded++
		}
	}
	sensOpts := SensitivityOptions{Samples: opts.Samples, Seed: opts.Seed, Args: in.Args}
	if s.Large {
		sensOpts.Samples = min(sensOpts.Samples, reportLargeSamples)
	}
	if termCoded > 0 {
		s.Sensitivity = Sensitivity(ds, sensOpts)
	} else {
		s.Omitted = append(s.Omitted, Omission{"words", "What the words meant", "no record is coded as a word on a scale (every estimate is a number or a range), so no scale can change a figure"})
	}

	cases := f.Cases()
	s.Headline = recordHeadline("", f.Overall, cases, &sc.Overall.Summary, s.Sensitivity)
	if g := gf.Groups; len(g) > 1 && len(g) <= ReportHeadlineGroups {
		for i, grp := range g {
			var sens *SensitivityResult
			if s.Sensitivity != nil {
				// A group's first screen gives the exact Brier ranges only:
				// no random codings.
				sens = Sensitivity([]*forecasts.Dataset{subset(d, grp)}, SensitivityOptions{Seed: opts.Seed})
				if sens.TermCoded == 0 {
					sens = nil
				}
			}
			s.Groups = append(s.Groups, recordHeadline(grp.Name(), grp, groupCases(grp), &s.ByGroup.Groups[i].Summary, sens))
		}
	}

	var err2 error
	keep := func(name string, err error) {
		if err != nil {
			s.ChartErrors[name] = err
		}
	}
	s.Contributions, err2 = Contributions(cases, false)
	keep("contributions", err2)
	if s.Large {
		s.Omitted = append(s.Omitted, Omission{"cases", "The cases", fmt.Sprintf("more than %d forecasts: in place of a card each, the costliest forecasts, the biggest hits and a table by forecast band", ReportLarge)})
		if s.Contributions != nil {
			s.Costly, s.Hits = costlyRecords(s.Contributions.Rows)
		}
	}
	groups := f.ForecastGroups()
	s.Reliability, err2 = Reliability(groups, ReliabilityOptions{Seed: opts.Seed})
	keep("reliability", err2)
	s.ROC, err2 = ROC(groups)
	keep("roc", err2)
	s.Sharpness, err2 = Sharpness(groups, 0)
	keep("sharpness", err2)
	s.Murphy, err2 = Murphy(groups, 0)
	keep("murphy", err2)
	return s, nil
}

// reportTable computes the section of one flat table.
func reportTable(in Input, opts ReportOptions, name string, i int) (*ReportSection, error) {
	f, err := Load(in)
	if err != nil {
		return nil, err
	}
	sc, err := Score(f, ScoreOptions{Analysis: analysis.Options{Replicates: opts.Bootstrap, Seed: opts.Seed}})
	if err != nil {
		return nil, err
	}
	s := &ReportSection{ID: fmt.Sprintf("table-%d", i+1), Table: name, Score: sc, Inputs: f.Inputs, ChartErrors: map[string]error{}, GroupBy: in.By}
	s.Large = f.Overall.Tally.Table().N() > ReportLarge
	if len(f.Groups) > 1 {
		s.ByGroup = sc
	}
	t := f.Overall.Tally.Table()
	s.Headline = tableHeadline("", t, &sc.Overall.Summary)
	s.Costly, s.Hits = costlyCells(t)
	if len(f.Groups) > 1 && len(f.Groups) <= ReportHeadlineGroups {
		for k, g := range f.Groups {
			s.Groups = append(s.Groups, tableHeadline(g.Name(), g.Tally.Table(), &sc.Groups[k].Summary))
		}
	}
	s.Omitted = append(s.Omitted,
		Omission{"cases", "The cases", "a flat table holds probabilities and outcomes, not records with questions and sources: there are no cases to show, only the costliest forecast values"},
		Omission{"words", "What the words meant", "a flat table holds numeric probabilities: no word was coded, so no scale can change a figure"},
		Omission{"timeline", "Timeline", "a flat table's rows carry no dates hindcast reads"})
	groups := f.ForecastGroups()
	var err2 error
	keep := func(name string, err error) {
		if err != nil {
			s.ChartErrors[name] = err
		}
	}
	s.Reliability, err2 = Reliability(groups, ReliabilityOptions{Seed: opts.Seed})
	keep("reliability", err2)
	s.ROC, err2 = ROC(groups)
	keep("roc", err2)
	s.Sharpness, err2 = Sharpness(groups, 0)
	keep("sharpness", err2)
	s.Murphy, err2 = Murphy(groups, 0)
	keep("murphy", err2)
	return s, nil
}

// subset is a dataset with only the records a group scored or excluded:
// its manifest, and the records whose group this is.
func subset(d *forecasts.Dataset, g *Group) *forecasts.Dataset {
	ids := map[*forecasts.Record]bool{}
	for _, sr := range g.Scored {
		ids[sr.Record] = true
	}
	out := &forecasts.Dataset{Manifest: d.Manifest, Files: d.Files, Builtin: d.Builtin}
	for _, r := range d.Records {
		if ids[r] {
			out.Records = append(out.Records, r)
		}
	}
	return out
}

// groupCases lists a group's scored records as cases.
func groupCases(g *Group) []Case {
	out := make([]Case, 0, len(g.Scored))
	for _, sr := range g.Scored {
		out = append(out, Case{ID: sr.Record.ID, Label: sr.Record.Label, P: sr.P, Outcome: sr.Record.Outcome})
	}
	return out
}

// recordHeadline gives the first-screen figures of a set of records: a
// dataset's, or one group's within it.
func recordHeadline(name string, g *Group, cases []Case, sum *analysis.Summary, sens *SensitivityResult) ReportHeadline {
	h := ReportHeadline{Name: name, N: sum.N, Yes: sum.Yes, Excluded: sumCounts(g.Excluded), Brier: sum.Brier, BaseRate: sum.BaseRate, Summary: sum}
	who := map[string]int{}
	negated := map[string]*forecasts.Record{}
	for _, sr := range g.Scored {
		who[sr.Record.Forecaster]++
		negated[sr.Record.ID] = sr.Record
	}
	for _, k := range slices.Sorted(maps.Keys(who)) {
		h.Who = append(h.Who, NameCount{k, who[k]})
	}
	slices.SortStableFunc(h.Who, func(a, b NameCount) int { return cmp.Compare(b.N, a.N) })
	if c, err := Contributions(cases, false); err == nil {
		for _, row := range c.Rows {
			if row.Score < c.Rows[0].Score-tieTolerance {
				break
			}
			cc := CostlyCase{ID: row.ID, Name: row.Name, P: row.P, Outcome: row.Outcome, Score: row.Score, Count: 1}
			if rec := negated[row.ID]; rec != nil {
				cc.Negated, cc.Estimate = rec.Negated, rec.Estimate.String()
			}
			h.Costliest = append(h.Costliest, cc)
		}
	}
	if sens != nil {
		h.Scales = sens.Scales
		h.TermCoded = sens.TermCoded
	}
	return h
}

// tableHeadline gives the first-screen figures of a flat table (or one
// group of it).
func tableHeadline(name string, t analysis.Table, sum *analysis.Summary) ReportHeadline {
	h := ReportHeadline{Name: name, N: sum.N, Yes: sum.Yes, Brier: sum.Brier, BaseRate: sum.BaseRate, Summary: sum}
	costly, _ := costlyCells(t)
	for _, c := range costly {
		if c.Score < costly[0].Score-tieTolerance {
			break
		}
		h.Costliest = append(h.Costliest, c)
	}
	return h
}

// costlyRecords returns the costliest forecasts (costliest first) and
// the biggest hits: right, and the most confident (lowest cost) first.
func costlyRecords(rows []Contribution) (costly, hits []CostlyCase) {
	for i, r := range rows {
		if i == reportListed {
			break
		}
		costly = append(costly, CostlyCase{ID: r.ID, Name: r.Name, P: r.P, Outcome: r.Outcome, Score: r.Score, Count: 1})
	}
	for i := len(rows) - 1; i >= 0 && len(hits) < reportListed; i-- {
		r := rows[i]
		if r.Score >= 0.25 {
			break // not a hit: no better than 50%
		}
		hits = append(hits, CostlyCase{ID: r.ID, Name: r.Name, P: r.P, Outcome: r.Outcome, Score: r.Score, Count: 1})
	}
	return costly, hits
}

// costlyCells returns the forecast values of a table whose forecasts cost
// most, each with how many there were (costliest first), and the values
// of the biggest hits (right, lowest cost first).
func costlyCells(t analysis.Table) (costly, hits []CostlyCase) {
	var all []CostlyCase
	for _, c := range t.Cells {
		if no := c.N - c.Yes; no > 0 {
			all = append(all, CostlyCase{P: c.P, Outcome: forecasts.No, Score: analysis.BrierContribution(c.P, false), Count: no})
		}
		if c.Yes > 0 {
			all = append(all, CostlyCase{P: c.P, Outcome: forecasts.Yes, Score: analysis.BrierContribution(c.P, true), Count: c.Yes})
		}
	}
	slices.SortStableFunc(all, func(a, b CostlyCase) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(b.Count, a.Count), cmp.Compare(a.P, b.P))
	})
	costly = all[:min(len(all), reportListed)]
	for i := len(all) - 1; i >= 0 && len(hits) < reportListed; i-- {
		if all[i].Score >= 0.25 {
			break
		}
		hits = append(hits, all[i])
	}
	return slices.Clone(costly), hits
}

// IsRecords reports whether the section is a dataset of records (not a
// flat table).
func (s *ReportSection) IsRecords() bool { return s.Dataset != nil }

// Name is the section's dataset name, or its table's.
func (s *ReportSection) Name() string {
	if s.Dataset != nil {
		return s.Dataset.Name
	}
	return s.Table
}

// Title is the dataset's title, or the table's name.
func (s *ReportSection) Title() string {
	if s.Dataset != nil && s.Dataset.Title != "" {
		return s.Dataset.Title
	}
	return s.Name()
}

// NotASample reports whether the section's records were not drawn as a
// sample (chosen for failure, notable, or chosen in a way not known): its
// calibration tests then say nothing about the forecasters in general.
func (s *ReportSection) NotASample() bool {
	if s.Dataset == nil {
		return false
	}
	switch s.Dataset.Selection {
	case forecasts.SelectAll, forecasts.SelectRandom:
		return false
	}
	return true
}

// OmissionOf returns the omission of a part by its key; the zero
// Omission when the section does not leave it out.
func (s *ReportSection) OmissionOf(key string) Omission {
	for _, o := range s.Omitted {
		if o.Key == key {
			return o
		}
	}
	return Omission{}
}
