package evaluate

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
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
	Lean    Lean // which way P leaned against the outcome
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
		d.Rows = append(d.Rows, Contribution{ID: id, Name: name, P: c.P, Outcome: c.Outcome, Lean: LeanOf(c.P, c.Outcome), Score: rule(c.P, c.Outcome == forecasts.Yes)})
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

// Lean says on which side of 50% a forecast fell against what happened.
// It is the same for both framings of one event: a forecast of 93% that
// the Khmer Rouge would hold Phnom Penh (they did not) and one of 7% that
// Vietnam would capture it (it did) both leaned the wrong way.
type Lean string

// The leans of a scored forecast.
const (
	WrongWay Lean = "wrong way" // P(event) above 50% and it did not happen, or below and it did
	RightWay Lean = "right way" // P(event) above 50% and it happened, or below and it did not
	Even     Lean = "even"      // exactly 50%: leaned neither way
)

// LeanOf is the lean of a forecast of P(event) p with a scored outcome;
// it is "" for an outcome not scored.
func LeanOf(p float64, o forecasts.Outcome) Lean {
	switch {
	case !o.Scored():
		return ""
	case p == 0.5:
		return Even
	case (p > 0.5) == (o == forecasts.Yes):
		return RightWay
	}
	return WrongWay
}

// A Phrase is the words of a statement that the coder turned into a
// probability ("assured", "could not", "fairly good"), or a phrase given
// with --term, and what it was read as.
type Phrase struct {
	Text string // the words, as in the statement
	// Records names the records whose statements carry the phrase read
	// this way (their labels, or ids); none for a given phrase.
	Records []string
	// Scale and Term are the scale term the phrase was read as; both ""
	// for a range or a probability.
	Scale, Term string
	// Interval is what the phrase was read as, for the statement as
	// worded: for "could not capture" read as "almost certain", 0.87–0.99
	// that it could not, not P(capture).
	Interval forecasts.Interval
	// Negated is true when the statements deny the event: P(event) is
	// then 1 − Interval.
	Negated bool
	// Given is true for a phrase given with --term.
	Given bool
}

// Reading says what the phrase was read as, in words: `Kent "almost
// certain"`, "a range", "a probability".
func (p Phrase) Reading() string {
	switch {
	case p.Term != "":
		return fmt.Sprintf("%s %q", p.Scale, p.Term)
	case p.Interval.Low == p.Interval.High:
		return "a probability"
	}
	return "a range"
}

// PhraseOf finds the words of a record's statement that its coder read,
// by the first rule that gives some:
//
//  1. the estimate's term, or a synonym of it, when the statement
//     contains it, as a word or the start of one ("probably" for Kent's
//     "probable", "remotely" for ICD 203's "remote");
//  2. the first phrase of at most four words that the coder_note quotes
//     (in "double quotes") and that the statement contains: the coder's
//     own pointer to the words read ("Assured" reports a judgment …);
//  3. the whole statement.
//
// A record with no statement has no phrase: ok is false. Matching
// ignores case; the phrase is returned as the statement writes it.
func PhraseOf(r *forecasts.Record, scales *forecasts.Scales) (string, bool) {
	st := strings.Join(strings.Fields(r.Statement.Text), " ")
	if st == "" {
		return "", false
	}
	// find finds w in the statement at word boundaries or, with stem, at
	// the start of a word ("remote" in "remotely"), and returns the
	// statement's words, whole.
	find := func(w string, stem bool) (string, bool) {
		w = strings.Join(strings.Fields(w), " ")
		if w == "" {
			return "", false
		}
		i := wordIndex(strings.ToLower(st), strings.ToLower(w), stem)
		if i < 0 {
			return "", false
		}
		end := i + len(w)
		for end < len(st) && isWordByte(st[end]) {
			end++
		}
		return st[i:end], true
	}
	if r.Estimate.Term != "" && scales != nil {
		words := []string{r.Estimate.Term}
		if sc, ok := scales.Get(r.Estimate.Scale); ok {
			if t, ok := sc.Lookup(r.Estimate.Term); ok {
				words = append([]string{t.Term}, t.Synonyms...)
			}
		}
		for _, w := range words {
			if got, ok := find(w, true); ok {
				return got, true
			}
		}
	}
	note := r.CoderNote
	for {
		i := strings.IndexByte(note, '"')
		if i < 0 {
			break
		}
		j := strings.IndexByte(note[i+1:], '"')
		if j < 0 {
			break
		}
		q := note[i+1 : i+1+j]
		note = note[i+1+j+1:]
		if n := len(strings.Fields(q)); n > 0 && n <= 4 {
			if w, ok := find(q, false); ok {
				return w, true
			}
		}
	}
	return st, true
}

// wordIndex is the index of w in s where it starts and ends at word
// boundaries (with stem, where it starts at one), or −1.
func wordIndex(s, w string, stem bool) int {
	for from := 0; from <= len(s)-len(w); {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (stem || end == len(s) || !isWordByte(s[end])) {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// ParsePhrase reads a phrase given as "TEXT=LO-HI" or "TEXT=P": the
// probability the phrase is read as, as a fraction or a percentage
// ("fairly good=0.60-0.95", "fairly good=60-95%", "slam dunk=0.95").
func ParsePhrase(s string) (Phrase, error) {
	text, val, ok := strings.Cut(s, "=")
	text = strings.Join(strings.Fields(text), " ")
	if !ok || text == "" || strings.TrimSpace(val) == "" {
		return Phrase{}, fmt.Errorf("%q: write PHRASE=LOW-HIGH or PHRASE=P, e.g. \"fairly good=0.60-0.95\"", s)
	}
	val = strings.ReplaceAll(strings.TrimSpace(val), " ", "")
	pct := strings.HasSuffix(val, "%")
	val = strings.ReplaceAll(val, "%", "")
	parts := strings.SplitN(strings.ReplaceAll(val, "–", "-"), "-", 2)
	var xs []float64
	for _, p := range parts {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || math.IsNaN(x) {
			return Phrase{}, fmt.Errorf("%q: %q is not a probability", s, p)
		}
		if pct {
			x /= 100
		}
		if x < 0 || x > 1 {
			return Phrase{}, fmt.Errorf("%q: %s is outside 0-1 (or 0-100%%)", s, p)
		}
		xs = append(xs, x)
	}
	iv := forecasts.Interval{Low: xs[0], Point: xs[0], High: xs[0]}
	if len(xs) == 2 {
		if xs[0] > xs[1] {
			return Phrase{}, fmt.Errorf("%q: the low end %g is above the high end %g", s, xs[0], xs[1])
		}
		iv = forecasts.Interval{Low: xs[0], Point: math.Round((xs[0]+xs[1])/2*1e12) / 1e12, High: xs[1]}
	}
	return Phrase{Text: text, Interval: iv, Given: true}, nil
}

// WordsData is what the words chart draws: the phrases, and the scales
// they are read on and set beside.
type WordsData struct {
	// Phrases are the records' phrases, one for each distinct phrase and
	// reading, the most probable first, then the phrases given.
	Phrases []Phrase
	// Scales are the scales the phrases are set beside, in the order given.
	Scales []*forecasts.Scale
	// NoStatement names the records that have no statement, so no phrase.
	NoStatement []string
}

// Words gathers the phrases of the records (see PhraseOf) with what they
// were read as, merging records whose phrase and reading are the same,
// and adds the phrases given.
func Words(records []*forecasts.Record, scales *forecasts.Scales, given []Phrase) (*WordsData, error) {
	if scales == nil {
		return nil, errors.New("no scales to set the phrases beside")
	}
	d := &WordsData{Scales: scales.All()}
	at := map[string]int{}
	for _, r := range records {
		text, ok := PhraseOf(r, scales)
		if !ok {
			d.NoStatement = append(d.NoStatement, r.Name())
			continue
		}
		iv := r.Event
		if r.Negated {
			iv = iv.Complement()
		}
		p := Phrase{Text: text, Interval: iv, Negated: r.Negated}
		if r.Estimate.Term != "" {
			p.Scale, p.Term = r.Estimate.Scale, r.Estimate.Term
			if sc, ok := scales.Get(p.Scale); ok {
				if t, ok := sc.Lookup(p.Term); ok {
					p.Scale, p.Term = sc.Name, t.Term
				}
			}
		}
		key := fmt.Sprintf("%s\x00%s\x00%s\x00%v\x00%v", strings.ToLower(text), p.Scale, p.Term, iv, r.Negated)
		if i, dup := at[key]; dup {
			d.Phrases[i].Records = append(d.Phrases[i].Records, r.Name())
			continue
		}
		at[key] = len(d.Phrases)
		p.Records = []string{r.Name()}
		d.Phrases = append(d.Phrases, p)
	}
	slices.SortStableFunc(d.Phrases, func(a, b Phrase) int {
		if c := cmp.Compare(b.Interval.Point, a.Interval.Point); c != 0 {
			return c
		}
		return strings.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text))
	})
	for _, g := range given {
		g.Given = true
		d.Phrases = append(d.Phrases, g)
	}
	if len(d.Phrases) == 0 {
		return nil, errors.New("no phrases to chart: the records have no statements, and no --term was given")
	}
	return d, nil
}

// ScaleTerm is a term of a named scale.
type ScaleTerm struct {
	Scale *forecasts.Scale
	Term  *forecasts.Term
}

// WordMatch is what a word given to --highlight names: a level of the
// ladder ("likely"), or else the scale terms that have it as their term or
// a synonym ("probable": Kent's "probable", ICD 203's "likely", PHIA's
// "likely or probable"), and the phrases with those words ("fairly good").
type WordMatch struct {
	Word    string
	Level   forecasts.Level
	Terms   []ScaleTerm
	Phrases []Phrase
}

// UnknownWordError is a word to highlight that no level, scale term or
// phrase has; Nearest are the known words closest to it.
type UnknownWordError struct {
	Word    string
	Nearest []string
}

func (e *UnknownWordError) Error() string {
	return fmt.Sprintf("no scale term, level or phrase %q to highlight; the nearest are %s", e.Word, strings.Join(quoteAll(e.Nearest), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// MatchWord resolves a word to highlight against the levels of the
// ladder, the terms and synonyms of the scales, and the phrases, ignoring
// case and spacing. A level wins over a term of the same name (ICD 203's
// "likely" is also a level). A word none of them knows is an
// *UnknownWordError naming the three nearest by edit distance.
func MatchWord(word string, scales []*forecasts.Scale, phrases []Phrase) (*WordMatch, error) {
	w := strings.Join(strings.Fields(strings.ToLower(word)), " ")
	m := &WordMatch{Word: strings.Join(strings.Fields(word), " ")}
	if w == "" {
		return nil, errors.New("an empty word to highlight")
	}
	for _, l := range forecasts.Levels {
		if string(l) == w || strings.ReplaceAll(string(l), "-", " ") == w {
			m.Level = l
			return m, nil
		}
	}
	for _, sc := range scales {
		if t, ok := sc.Lookup(w); ok {
			m.Terms = append(m.Terms, ScaleTerm{Scale: sc, Term: t})
		}
	}
	for _, p := range phrases {
		if strings.EqualFold(strings.Join(strings.Fields(p.Text), " "), w) {
			m.Phrases = append(m.Phrases, p)
		}
	}
	if len(m.Terms) > 0 || len(m.Phrases) > 0 {
		return m, nil
	}
	known := map[string]bool{}
	for _, l := range forecasts.Levels {
		known[string(l)] = true
	}
	for _, sc := range scales {
		for _, t := range sc.Terms {
			known[strings.ToLower(t.Term)] = true
			for _, s := range t.Synonyms {
				known[strings.ToLower(s)] = true
			}
		}
	}
	for _, p := range phrases {
		known[strings.ToLower(p.Text)] = true
	}
	names := slices.Sorted(maps.Keys(known))
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(editDistance(w, a), editDistance(w, b)) })
	return nil, &UnknownWordError{Word: word, Nearest: names[:min(3, len(names))]}
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
