package evaluate

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// ForecastGroups turns the forecasts into the charts' groups: one per
// group key, or one for everything, each with its named cases when the
// forecasts are records.
func (f *Forecasts) ForecastGroups() []ForecastGroup {
	groups := f.Groups
	if len(groups) == 0 {
		groups = []*Group{f.Overall}
	}
	out := make([]ForecastGroup, 0, len(groups))
	for _, g := range groups {
		fg := ForecastGroup{Name: g.Name(), Table: g.Tally.Table()}
		for _, sr := range g.Scored {
			fg.Cases = append(fg.Cases, Case{ID: sr.Record.ID, Label: sr.Record.Label, P: sr.P, Outcome: sr.Record.Outcome})
		}
		out = append(out, fg)
	}
	return out
}

// Cases lists every record as a named case: the scored ones at the
// probability they are scored at, the others as coded (charts name them
// as not scored). Records left out by --latest are not cases.
func (f *Forecasts) Cases() []Case {
	scored := map[*forecasts.Record]float64{}
	for _, sr := range f.Overall.Scored {
		scored[sr.Record] = sr.P
	}
	var out []Case
	for _, d := range f.Datasets {
		for _, r := range d.Records {
			p, ok := scored[r]
			if !ok {
				if r.Outcome.Scored() {
					continue // superseded by --latest
				}
				p = r.Event.Point
			}
			out = append(out, Case{ID: r.ID, Label: r.Label, P: p, Outcome: r.Outcome})
		}
	}
	return out
}

// The data of the charts: each function below takes the forecast groups
// (or cases) and the chart's options and returns the values the chart
// draws. Package reports lays them out; it computes nothing.

// ChartGroup is a ForecastGroup checked for a chart: its table built, its
// scored cases at hand, its place among the groups given.
type ChartGroup struct {
	Name     string
	Index    int            // position among the groups given
	Table    analysis.Table // the scored forecasts
	Cases    []Case         // the scored cases; nil when there are none named
	Unscored []string       // ids of the cases not scored
}

// ChartGroups are the groups of a chart: Scored, those with scored
// forecasts, and Empty, those without, in the order given.
type ChartGroups struct {
	Scored, Empty []*ChartGroup
}

// checkGroups validates the groups of a chart and builds their tables. A
// chart of several groups draws those with scored forecasts and names
// the others; it fails only when no group has a scored forecast.
func checkGroups(groups []ForecastGroup) (ChartGroups, error) {
	var out ChartGroups
	if len(groups) == 0 {
		return out, errors.New("no forecasts to chart")
	}
	for i, g := range groups {
		name := g.Name
		if name == "" && len(groups) > 1 {
			return out, fmt.Errorf("group %d of %d has no name", i+1, len(groups))
		}
		cg := &ChartGroup{Name: name, Index: i}
		for _, c := range g.Cases {
			if !(c.P >= 0 && c.P <= 1) {
				return out, fmt.Errorf("%s: P(event) %v of %s is outside 0–1", groupLabel(name), c.P, caseLabel(c))
			}
			if c.Outcome.Scored() {
				cg.Cases = append(cg.Cases, c)
			} else {
				cg.Unscored = append(cg.Unscored, c.ID)
			}
		}
		cg.Table = g.Table
		if len(cg.Table.Cells) == 0 {
			cg.Table = casesTable(g.Cases)
		}
		if cg.Table.N() <= 0 {
			out.Empty = append(out.Empty, cg)
			continue
		}
		out.Scored = append(out.Scored, cg)
	}
	switch {
	case len(out.Scored) > 0:
		return out, nil
	case len(groups) == 1 && groups[0].Name != "":
		return out, fmt.Errorf("%s has no scored forecasts", groupLabel(groups[0].Name))
	case len(groups) > 1:
		return out, errors.New("no group has scored forecasts: none has the outcome yes or no")
	}
	return out, errors.New("no scored forecasts: none has the outcome yes or no")
}

// casesTable is the table of the scored cases.
func casesTable(cases []Case) analysis.Table {
	var t analysis.Tally
	for _, c := range cases {
		if c.Outcome.Scored() {
			t.Add(c.P, c.Outcome == forecasts.Yes)
		}
	}
	return t.Table()
}

func groupLabel(name string) string {
	if name == "" {
		return "the forecasts"
	}
	return "group " + strconv.Quote(name)
}

func caseLabel(c Case) string {
	if c.ID == "" {
		return "a case"
	}
	return c.ID
}

// Point is a point of a curve in data units.
type Point struct{ X, Y float64 }

// ReliabilityOptions are the choices of a reliability diagram.
type ReliabilityOptions struct {
	// Bins is the number of equal-width bins; zero means 10.
	Bins int
	// Replicates is the number of resamples of the consistency band
	// (analysis.ConsistencyBands); zero means 1000, and a negative number
	// gives no band.
	Replicates int
	// Seed seeds the resamples: the same seed gives the same band.
	Seed uint64
}

// ReliabilityData is what a reliability diagram draws.
type ReliabilityData struct {
	ChartGroups
	Bins       int    // the number of equal-width bins
	Replicates int    // of the bands; 0 or less for none
	Seed       uint64 // of the bands
	// Groups holds the figures of each of ChartGroups.Scored, in order.
	Groups []*ReliabilityGroup
}

// ReliabilityGroup is one group's reliability diagram.
type ReliabilityGroup struct {
	Bins  []analysis.Bin
	CORP  analysis.CORPDecomposition
	Steps []Point // the CORP recalibration as a step line
	Band  *analysis.ConsistencyBand
}

// Reliability prepares the reliability diagram of each group: its bins,
// its CORP decomposition and step line, and its consistency band.
func Reliability(groups []ForecastGroup, opt ReliabilityOptions) (*ReliabilityData, error) {
	cg, err := checkGroups(groups)
	if err != nil {
		return nil, err
	}
	nb := opt.Bins
	if nb == 0 {
		nb = analysis.DefaultBins
	}
	if nb < 0 {
		return nil, fmt.Errorf("%d bins: the number of bins must be positive", nb)
	}
	reps := opt.Replicates
	if reps == 0 {
		reps = analysis.DefaultReplicates
	}
	d := &ReliabilityData{ChartGroups: cg, Bins: nb, Replicates: reps, Seed: opt.Seed}
	for _, g := range cg.Scored {
		r := &ReliabilityGroup{
			Bins: analysis.Bins(g.Table, nb),
			CORP: analysis.CORP(g.Table, analysis.BrierContribution),
		}
		r.Steps = corpSteps(g.Table, r.CORP)
		if reps > 0 {
			b := analysis.ConsistencyBands(g.Table, analysis.Options{BandReplicates: reps, Seed: opt.Seed})
			r.Band = &b
		}
		d.Groups = append(d.Groups, r)
	}
	return d, nil
}

// corpSteps is the CORP recalibration as a step line: from each distinct
// forecast value to the next at its recalibrated probability, then up to
// the next one's. One value gives one point.
func corpSteps(t analysis.Table, corp analysis.CORPDecomposition) []Point {
	var pts []Point
	for i, c := range t.Cells {
		y := corp.Recalibrated[i]
		if i > 0 && pts[len(pts)-1].Y != y {
			pts = append(pts, Point{X: c.P, Y: pts[len(pts)-1].Y})
		}
		pts = append(pts, Point{X: c.P, Y: y})
	}
	// Drop the points in the middle of a flat run.
	out := pts[:0]
	for i, p := range pts {
		if i > 0 && i < len(pts)-1 && pts[i-1].Y == p.Y && pts[i+1].Y == p.Y {
			continue
		}
		out = append(out, p)
	}
	return out
}

// SharpnessData is what a sharpness histogram draws.
type SharpnessData struct {
	ChartGroups
	Bins int // the number of equal-width bins from 0 to 100%
	// Groups holds the figures of each of ChartGroups.Scored, in order.
	Groups []*SharpnessGroup
}

// SharpnessGroup is one group's histogram.
type SharpnessGroup struct {
	Counts []float64 // forecasts per bin, empty bins too
	// Distance is the mean distance of the forecasts from 50%,
	//
	//	Σ n_i |p_i − 0.5| / N
	Distance float64
}

// DefaultSharpnessBins is the number of bins a sharpness histogram counts
// forecasts in unless told otherwise: bands of 10 points, the bins of the
// reliability diagram and of `hindcast score`.
const DefaultSharpnessBins = analysis.DefaultBins

// Sharpness counts each group's forecasts in bins equal-width bins from
// 0 to 100% (zero means DefaultSharpnessBins).
func Sharpness(groups []ForecastGroup, bins int) (*SharpnessData, error) {
	cg, err := checkGroups(groups)
	if err != nil {
		return nil, err
	}
	if bins == 0 {
		bins = DefaultSharpnessBins
	}
	if bins < 0 {
		return nil, fmt.Errorf("%d bins: the number of bins must be positive", bins)
	}
	d := &SharpnessData{ChartGroups: cg, Bins: bins}
	for _, g := range cg.Scored {
		h := &SharpnessGroup{Counts: make([]float64, bins)}
		for _, b := range analysis.Bins(g.Table, bins) {
			h.Counts[b.Index] = b.N
		}
		var sum float64
		for _, c := range g.Table.Cells {
			sum += c.N * math.Abs(c.P-0.5)
		}
		h.Distance = sum / g.Table.N()
		d.Groups = append(d.Groups, h)
	}
	return d, nil
}

// ROCData is what a ROC chart draws.
type ROCData struct {
	ChartGroups
	// Groups holds the curve of each of ChartGroups.Scored, in order.
	Groups []*ROCGroup
}

// ROCGroup is one group's ROC curve and its area. A group with no events
// or no non-events has no curve: AUC is NaN and Points nil.
type ROCGroup struct {
	Points []analysis.ROCPoint
	AUC    float64
}

// ROC computes each group's ROC curve and AUC.
func ROC(groups []ForecastGroup) (*ROCData, error) {
	cg, err := checkGroups(groups)
	if err != nil {
		return nil, err
	}
	d := &ROCData{ChartGroups: cg}
	for _, g := range cg.Scored {
		r := &ROCGroup{AUC: analysis.AUC(g.Table)}
		if !math.IsNaN(r.AUC) {
			r.Points = analysis.ROC(g.Table)
		}
		d.Groups = append(d.Groups, r)
	}
	return d, nil
}

// DefaultMurphyGrid is the number of equal steps of θ a Murphy diagram
// is computed at unless told otherwise.
const DefaultMurphyGrid = 200

// MurphyData is what a Murphy diagram draws.
type MurphyData struct {
	ChartGroups
	// Groups holds the curve of each of ChartGroups.Scored, in order.
	Groups []*MurphyGroup
}

// MurphyGroup is one group's curve: the mean elementary score at each θ,
// and the Brier score.
type MurphyGroup struct {
	Theta, Score []float64
	Brier        float64
	// Half and BaseRate are the curves of always forecasting 50% and
	// always the group's base rate, on the group's outcomes.
	Half, BaseRate MurphyReference
}

// MurphyReference is the Murphy curve of one constant forecast P on a
// group's outcomes, with its Brier score.
type MurphyReference struct {
	P            float64
	Theta, Score []float64
	Brier        float64
}

// murphyReference computes the curve of always forecasting p on n
// forecasts of which yes came true.
func murphyReference(p, n, yes float64, grid int) MurphyReference {
	t := analysis.NewTable([]analysis.Cell{{P: p, N: n, Yes: yes}})
	theta, score := murphyPoints(t, grid)
	return MurphyReference{P: p, Theta: theta, Score: score, Brier: analysis.Brier(t)}
}

// Murphy computes each group's Murphy diagram at grid equal steps across
// (0, 1) (zero means DefaultMurphyGrid) and at every distinct forecast
// value and just below it, so that the jumps are drawn upright where
// they are.
func Murphy(groups []ForecastGroup, grid int) (*MurphyData, error) {
	cg, err := checkGroups(groups)
	if err != nil {
		return nil, err
	}
	if grid == 0 {
		grid = DefaultMurphyGrid
	}
	if grid < 0 {
		return nil, fmt.Errorf("a grid of %d steps: the number of steps must be positive", grid)
	}
	d := &MurphyData{ChartGroups: cg}
	for _, g := range cg.Scored {
		theta, score := murphyPoints(g.Table, grid)
		n, yes := g.Table.N(), g.Table.Yes()
		d.Groups = append(d.Groups, &MurphyGroup{Theta: theta, Score: score, Brier: analysis.Brier(g.Table),
			Half: murphyReference(0.5, n, yes, grid), BaseRate: murphyReference(yes/n, n, yes, grid)})
	}
	return d, nil
}

// murphyPoints computes the Murphy diagram of t at grid equal steps
// across (0, 1), at each distinct forecast value p inside (0, 1) and at
// the largest float64 below p, where the curve has its left limit, and at
// the float64s nearest 0 and 1, where it has its limits at the ends: the
// points, joined by straight lines, are the curve exactly, for it is
// linear between forecast values.
func murphyPoints(t analysis.Table, grid int) (theta, score []float64) {
	theta = append(theta, math.Nextafter(0, 1), math.Nextafter(1, 0))
	for k := 1; k < grid; k++ {
		theta = append(theta, float64(k)/float64(grid))
	}
	for _, c := range t.Cells {
		if c.P > 0 && c.P < 1 {
			theta = append(theta, math.Nextafter(c.P, 0), c.P)
		}
	}
	slices.Sort(theta)
	theta = slices.Compact(theta)
	return theta, analysis.MurphyDiagram(t, theta)
}

// Contribution is one scored case's score.
type Contribution struct {
	ID      string // the case's, or "case N" when it has none
	Name    string // what the chart calls it: its label, or else ID
	P       float64
	Outcome forecasts.Outcome
	Score   float64
}

// ContributionsData is what the contributions chart draws.
type ContributionsData struct {
	Log      bool           // the log score, not the Brier score
	Rows     []Contribution // every scored case, costliest first (ties by id)
	Unscored []string       // the names of the cases not scored (unresolved, ambiguous)
	Total    float64        // the sum of the scores of Rows
	Mean     float64        // their mean
	Half     float64        // the score of always forecasting 50%
}

// Contributions scores each case by the Brier score, (P − outcome)², or
// with log by the log score, −ln P(what happened), costliest first.
func Contributions(cases []Case, log bool) (*ContributionsData, error) {
	rule, half := analysis.ScoringRule(analysis.BrierContribution), 0.25
	if log {
		rule, half = analysis.LogContribution, math.Ln2
	}
	d := &ContributionsData{Log: log, Half: half}
	for i, c := range cases {
		if !(c.P >= 0 && c.P <= 1) {
			return nil, fmt.Errorf("P(event) %v of %s is outside 0–1", c.P, caseLabel(c))
		}
		id, name := c.ID, c.Name()
		if id == "" {
			id = fmt.Sprintf("case %d", i+1)
		}
		if name == "" {
			name = id
		}
		if !c.Outcome.Scored() {
			d.Unscored = append(d.Unscored, name)
			continue
		}
		d.Rows = append(d.Rows, Contribution{ID: id, Name: name, P: c.P, Outcome: c.Outcome, Score: rule(c.P, c.Outcome == forecasts.Yes)})
	}
	if len(d.Rows) == 0 {
		return nil, errors.New("no scored cases to chart")
	}
	var sum float64
	for _, r := range d.Rows {
		sum += r.Score
	}
	d.Total, d.Mean = sum, sum/float64(len(d.Rows))
	slices.SortStableFunc(d.Rows, func(a, b Contribution) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return d, nil
}
