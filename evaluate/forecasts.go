package evaluate

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// Forecasts are the forecasts a command works on, tallied overall and by
// group.
type Forecasts struct {
	By       []string // the group columns; empty when not grouped
	Cluster  []string // the columns (or record fields) that name a cluster; empty when not clustered
	Overall  *Group   // every forecast
	Groups   []*Group // one per key, in key order; empty when not grouped
	Records  bool     // read from datasets of records (true) or flat tables
	Datasets []*forecasts.Dataset
	Inputs   []provenance.Input // what was read, with its SHA-256
	input    Input              // how it was read, for the provenance

	// Categorical holds a categorical table's forecasts (questions with
	// options); nil for records, whose Datasets hold theirs.
	Categorical *CategoricalForecasts
}

// Group is one group's forecasts.
type Group struct {
	Key      []string // the values of Forecasts.By; empty for the overall group
	Tally    analysis.Tally
	Excluded map[string]int // forecasts not scored, by outcome or reason (Excluded…)
	Scored   []ScoredRecord // records only, in dataset and file order
	Warnings []analysis.Warning
	// Clusters are the group's forecasts split by the values of
	// Forecasts.Cluster, in the order of those values; nil when not
	// clustered.
	Clusters []analysis.Table

	clusters map[string]*analysis.Tally // while loading: Clusters by key
}

// ScoredRecord is a record with the probability it is scored at, how it
// was coded, and its weight (1, unless repeated forecasts are weighted).
type ScoredRecord struct {
	Record *forecasts.Record
	P      float64
	Coding forecasts.Coding
	Weight float64
}

// Name is the group's key joined with "/", as legends and tables show it.
func (g *Group) Name() string { return strings.Join(g.Key, "/") }

func (g *Group) exclude(reason string, n int) {
	if g.Excluded == nil {
		g.Excluded = map[string]int{}
	}
	g.Excluded[reason] += n
}

// cluster returns the tally of the group's cluster of the given key.
func (g *Group) cluster(key []string) *analysis.Tally {
	if g.clusters == nil {
		g.clusters = map[string]*analysis.Tally{}
	}
	id := strings.Join(key, "\x00")
	t := g.clusters[id]
	if t == nil {
		t = new(analysis.Tally)
		g.clusters[id] = t
	}
	return t
}

// finishClusters sets every group's Clusters from its cluster tallies.
func (f *Forecasts) finishClusters() {
	if len(f.Cluster) == 0 {
		return
	}
	for _, g := range f.All() {
		g.Clusters = make([]analysis.Table, 0, len(g.clusters))
		for _, id := range slices.Sorted(maps.Keys(g.clusters)) {
			g.Clusters = append(g.Clusters, g.clusters[id].Table())
		}
		g.clusters = nil
	}
}

// All returns the overall group followed by the groups.
func (f *Forecasts) All() []*Group { return append([]*Group{f.Overall}, f.Groups...) }

// Load reads the forecasts the input names and tallies them by group.
func Load(in Input) (*Forecasts, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	if in.HasTables() {
		return loadTables(&in)
	}
	ds, err := in.Datasets("")
	if err != nil {
		return nil, err
	}
	return FromRecords(in, ds)
}

// groupSet finds or makes the group of a key.
type groupSet map[string]*Group

func (s groupSet) get(key []string) *Group {
	id := strings.Join(key, "\x00")
	g := s[id]
	if g == nil {
		g = &Group{Key: key}
		s[id] = g
	}
	return g
}

func (s groupSet) sorted() []*Group {
	var out []*Group
	for _, k := range slices.Sorted(maps.Keys(s)) {
		out = append(out, s[k])
	}
	return out
}

// checkRecordColumns reports a column of flag that is neither a record
// field (RecordFields, and extra) nor a tag key of the datasets.
func checkRecordColumns(ds []*forecasts.Dataset, extra []string, flags ...flagColumns) error {
	keys := tagKeys(ds)
	fields := append(slices.Clone(extra), forecasts.RecordFields...)
	for _, f := range flags {
		for _, c := range f.cols {
			if !slices.Contains(fields, c) && !slices.Contains(keys, c) {
				return usagef("%s %q: not a record field or tag; fields: %s; %s",
					f.flag, c, strings.Join(fields, ", "), tagsNamed(keys))
			}
		}
	}
	return nil
}

// flagColumns are the columns a flag names.
type flagColumns struct {
	flag string
	cols []string
}

// recordValues returns a record's values of the columns, "(none)" where it
// has no such field or tag.
func recordValues(r *forecasts.Record, cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		v, ok := r.Field(c)
		if !ok {
			v = "(none)"
		}
		out[i] = v
	}
	return out
}

// recordUpdate places a record in its forecaster's run of updates on its
// question (the same question text), for weighting and --latest. The
// question closes when it was resolved, or else at its horizon.
func recordUpdate(r *forecasts.Record) analysis.Update {
	u := analysis.Update{Run: r.Forecaster + "\x00" + r.Question, Time: float64(r.Issued.First().Unix())}
	switch {
	case !r.Resolved.IsZero():
		u.End, u.HasEnd = float64(r.Resolved.First().Unix()), true
	case !r.ResolvesBy.IsZero():
		u.End, u.HasEnd = float64(r.ResolvesBy.Last().Unix()), true
	}
	return u
}

// coded is a scored record as the datasets give it, before weighting.
type coded struct {
	ScoredRecord
	dataset *forecasts.Dataset
	update  analysis.Update
}

// codeRecords codes every scored record of the datasets as the input asks
// (scale, reading), calls skip for each unscored one, and names those with
// no counterpart on the scale and those with an unconfirmed wording.
func (in *Input) codeRecords(ds []*forecasts.Dataset, skip func(*forecasts.Record)) (out []coded, missing, unconfirmed []string) {
	scales, cw := forecasts.BuiltinScales(), forecasts.BuiltinCrosswalk()
	for _, d := range ds {
		for _, r := range d.Records {
			if r.Categorical() {
				continue // scored apart (categorical.go)
			}
			if !r.Outcome.Scored() {
				skip(r)
				continue
			}
			c := cw.Recode(r, scales, in.Scale)
			if c.Missing {
				missing = append(missing, r.ID)
			}
			if r.Statement.Wording == forecasts.Unconfirmed {
				unconfirmed = append(unconfirmed, r.ID)
			}
			out = append(out, coded{
				ScoredRecord: ScoredRecord{Record: r, Coding: c, P: c.Event.Read(in.reading()), Weight: 1},
				dataset:      d, update: recordUpdate(r),
			})
		}
	}
	return out, missing, unconfirmed
}

// weigh sets the weights of repeated forecasts as the input asks, and
// returns the reason a forecast of weight 0 is left out.
func (in *Input) weigh(cs []coded) (string, error) {
	if !in.weighted() {
		return "", nil
	}
	us := make([]analysis.Update, len(cs))
	for i, c := range cs {
		us[i] = c.update
	}
	if in.weighting() == analysis.WeightTime {
		if err := recordsWithoutEnd(cs); err != nil {
			return "", err
		}
	}
	for i, w := range analysis.UpdateWeights(us, in.weighting(), in.Latest) {
		cs[i].Weight = w
	}
	if in.Latest {
		return ExcludedSuperseded, nil
	}
	return ExcludedNoTime, nil
}

// recordsWithoutEnd reports the records that --weight time cannot weigh:
// updated forecasts whose question has neither a resolved nor a
// resolves_by date, so that how long the last one stood is unknown.
func recordsWithoutEnd(cs []coded) error {
	runs := map[string]int{}
	for _, c := range cs {
		runs[c.update.Run]++
	}
	var errs forecasts.ErrorList
	for _, c := range cs {
		if runs[c.update.Run] > 1 && !c.update.HasEnd {
			r := c.Record
			errs.Add(r.Pos.File, r.Pos.Line, r.Pos.Col, "resolved", "%s: --weight time needs when the question closed (resolved or resolves_by), to know how long the last forecast stood", r.ID)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// FromRecords tallies the scored records of the datasets by group.
func FromRecords(in Input, ds []*forecasts.Dataset) (*Forecasts, error) {
	if err := checkRecordColumns(ds, nil, flagColumns{"--by", in.By}); err != nil {
		return nil, err
	}
	inputs, err := datasetInputs(ds)
	if err != nil {
		return nil, err
	}
	cluster := in.clusterCols(true)
	if len(in.Cluster) > 0 {
		if err := checkRecordColumns(ds, []string{"question", "id"}, flagColumns{"--cluster", cluster}); err != nil {
			return nil, err
		}
	}
	f := &Forecasts{By: in.By, Cluster: cluster, Overall: &Group{}, Records: true, Datasets: ds, Inputs: inputs, input: in}
	groups := groupSet{}
	targets := func(r *forecasts.Record) []*Group {
		if len(in.By) == 0 {
			return []*Group{f.Overall}
		}
		return []*Group{f.Overall, groups.get(recordValues(r, in.By))}
	}
	cs, missing, unconfirmed := in.codeRecords(ds, func(r *forecasts.Record) {
		for _, t := range targets(r) {
			t.exclude(string(r.Outcome), 1)
		}
	})
	zero, err := in.weigh(cs)
	if err != nil {
		return nil, err
	}
	selection := map[*Group]map[string]forecasts.Selection{}
	for _, c := range cs {
		for _, t := range targets(c.Record) {
			if c.Weight == 0 {
				t.exclude(zero, 1)
				continue
			}
			t.Tally.AddWeighted(c.P, c.Record.Outcome == forecasts.Yes, c.Weight)
			if len(cluster) > 0 {
				t.cluster(recordValues(c.Record, cluster)).AddWeighted(c.P, c.Record.Outcome == forecasts.Yes, c.Weight)
			}
			t.Scored = append(t.Scored, c.ScoredRecord)
			if selection[t] == nil {
				selection[t] = map[string]forecasts.Selection{}
			}
			selection[t][c.dataset.Name] = c.dataset.Selection
		}
	}
	f.Groups = groups.sorted()
	f.finishClusters()
	for _, g := range f.All() {
		g.Warnings = append(g.Warnings, selectionWarnings(selection[g], scoreSelection)...)
		g.Warnings = append(g.Warnings, mixedWarning(selection[g], "--by dataset (or --dataset NAME)")...)
		g.Warnings = append(g.Warnings, excludedWarning(g.Excluded)...)
		g.Warnings = append(g.Warnings, codingWarnings(in.Scale, g.scoredAmong(missing), g.scoredAmong(unconfirmed))...)
	}
	return f, nil
}

// scoredAmong returns the ids of the group's scored records that are in ids.
func (g *Group) scoredAmong(ids []string) []string {
	var out []string
	for _, sr := range g.Scored {
		if slices.Contains(ids, sr.Record.ID) {
			out = append(out, sr.Record.ID)
		}
	}
	return out
}

// WrongCertain lists the group's records forecast at 0 or 1 whose outcome
// went the other way, each with its position.
func (g *Group) WrongCertain() []string {
	var ids []string
	for _, sr := range g.Scored {
		yes := sr.Record.Outcome == forecasts.Yes
		if (sr.P == 0 && yes) || (sr.P == 1 && !yes) {
			ids = append(ids, fmt.Sprintf("%s (%s)", sr.Record.ID, sr.Record.Pos))
		}
	}
	return ids
}
