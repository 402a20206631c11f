package evaluate

import (
	"cmp"
	"slices"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// The result values of the use cases. Package reports renders them: as
// text, JSON, CSV, Markdown, charts and the report. They hold figures,
// never words.

// ScoreResult is the result of `hindcast score`: the figures for all forecasts
// together and for each group.
type ScoreResult struct {
	By      []string      // the grouping columns, empty when not grouped
	Bins    int           // analysis.Distinct or the number of equal-width bins
	LogClip float64       // 0: the log score is unclipped (and may be infinite)
	Overall ScoreGroup    // every forecast
	Groups  []*ScoreGroup // one per distinct key, in key order
	// Reference names the group the reference skill is against; empty when none.
	Reference string
	// Cluster names the columns (or record fields) whose values are the
	// clusters the bootstrap resamples whole; empty when it resamples
	// single forecasts. Each group's number of clusters is its
	// Summary.Clusters.
	Cluster []string
	// SharedEvents are the happenings two or more scored records score
	// (records with the same event), and whether their questions are
	// worded in opposite directions; SharedEvents gives them.
	SharedEvents []SharedEvent
	// Provenance says what made these figures: hindcast's build, the
	// command line, the inputs with their SHA-256, the options.
	Provenance *provenance.Provenance
	// Crowd holds the crowd-relative Brier scores when asked; nil otherwise.
	Crowd *CrowdResult
	// Categorical holds the figures of questions with more than two
	// options, apart from the yes/no ones; nil when there are none.
	Categorical *CategoricalResult
}

// ScoreGroup holds the figures for one group of forecasts.
type ScoreGroup struct {
	Key      []string // values of ScoreResult.By, in order; empty for the overall figures
	Summary  analysis.Summary
	Excluded map[string]int // records not scored, by outcome (unresolved, ambiguous) or reason
	// Bins and ECE over the chosen bins (Summary.Bins and Summary.ECE are
	// over equal-width bins).
	Bins []analysis.Bin
	ECE  float64
	// ReferenceSkill is 1 − Brier/Brier(reference group); NaN when there is no reference.
	ReferenceSkill float64
}

// NExcluded counts the group's excluded records.
func (g *ScoreGroup) NExcluded() int {
	n := 0
	for _, c := range g.Excluded {
		n += c
	}
	return n
}

// Murphy returns the Murphy decomposition over the chosen bins.
func (s *ScoreResult) Murphy(g *ScoreGroup) analysis.MurphyDecomposition {
	if s.Bins == analysis.Distinct {
		return g.Summary.Murphy
	}
	return g.Summary.MurphyBinned
}

// LogScore returns the log score as chosen: clipped when LogClip > 0.
func (s *ScoreResult) LogScore(g *ScoreGroup) float64 {
	if s.LogClip > 0 {
		return g.Summary.LogScoreClipped
	}
	return g.Summary.LogScore
}

// CompareResult is the result of `hindcast compare`: competitors compared pair by
// pair on the questions both answered, once for all forecasts or once per
// value of the Within columns.
type CompareResult struct {
	By       []string // the columns that name a competitor
	Question []string // the columns (or record fields) that name a question
	Within   []string // separate comparisons for each value of these; empty for one
	Score    string   // "brier" or "log"
	LogClip  float64  // the log score's clip; 0 with the Brier score
	Options  analysis.PairwiseOptions
	Groups   []*CompareGroup
	Warnings []analysis.Warning // about the input as a whole
	// Provenance says what made these figures (see ScoreResult).
	Provenance *provenance.Provenance
}

// CompareGroup is one comparison: every competitor of one value of Within.
type CompareGroup struct {
	Key       []string // the values of CompareResult.Within; empty when not split
	Questions int      // questions forecast by at least one competitor
	Forecasts int      // forecasts scored
	Result    analysis.PairwiseResult
	Warnings  []analysis.Warning // about this group's input (a missing baseline, say)
	// Ranking holds the indices of Result.Competitors, best first; Pairs
	// the pairs in ranking order, each with the better-ranked competitor
	// as A. Rank sets both from Result.
	Ranking []int
	Pairs   []ComparePair
	// Crowd holds the crowd-relative scores, in the order of
	// Result.Competitors, when CompareOptions.Crowd asks for them.
	Crowd []analysis.CrowdScore
}

// ComparePair is a pair as shown: A is the competitor ranked higher (lower
// relative skill), so that a negative difference says the better-ranked
// competitor scored better.
type ComparePair struct {
	A, B           string
	Shared         int
	MeanA, MeanB   float64
	MeanDifference float64 // A − B
	Lo, Hi         float64 // bootstrap interval of MeanDifference
	Ratio          float64 // MeanA / MeanB
	P, PHolm       float64
	Exact          bool
	Permutations   int
	Warnings       []analysis.Warning
}

// Rank sets the group's Ranking and Pairs from its Result.
func (g *CompareGroup) Rank() {
	res := &g.Result
	g.Ranking = res.Ranking()
	rank := make([]int, len(res.Competitors))
	for r, i := range g.Ranking {
		rank[i] = r
	}
	type keyed struct {
		p      ComparePair
		ra, rb int
	}
	ks := make([]keyed, 0, len(res.Pairs))
	for _, p := range res.Pairs {
		cp := ComparePair{
			A: res.Competitors[p.A].Name, B: res.Competitors[p.B].Name, Shared: p.Shared,
			MeanA: p.MeanA, MeanB: p.MeanB, MeanDifference: p.MeanDifference, Lo: p.Lo, Hi: p.Hi,
			Ratio: p.Ratio, P: p.P, PHolm: p.PHolm, Exact: p.Exact, Permutations: p.Permutations, Warnings: p.Warnings,
		}
		ra, rb := rank[p.A], rank[p.B]
		if rb < ra {
			cp.A, cp.B, cp.MeanA, cp.MeanB = cp.B, cp.A, cp.MeanB, cp.MeanA
			cp.MeanDifference, cp.Lo, cp.Hi = 0-cp.MeanDifference, 0-cp.Hi, 0-cp.Lo // 0 − x: no −0
			cp.Ratio = cp.MeanA / cp.MeanB
			ra, rb = rb, ra
		}
		ks = append(ks, keyed{cp, ra, rb})
	}
	slices.SortFunc(ks, func(x, y keyed) int { return cmp.Or(cmp.Compare(x.ra, y.ra), cmp.Compare(x.rb, y.rb)) })
	g.Pairs = make([]ComparePair, len(ks))
	for i, k := range ks {
		g.Pairs[i] = k.p
	}
}

// AsCoded names the row of a SensitivityResult that reads each record on its own scale.
const AsCoded = "as coded"

// SensitivityResult is how the scores of a set of records depend on how their
// words were coded: per scale, per reader percentile and per record.
type SensitivityResult struct {
	Datasets         []string
	ChosenForFailure []string // the datasets chosen for their failures
	N                int      // scored records
	TermCoded        int      // of them, coded as a term on a scale
	Excluded         []string // records not scored
	Samples          int      // random codings behind the sampled spans
	SamplesAsked     int      // when more than Samples: what was asked, beyond SampleBudget
	Seed             uint64
	Scales           []ScaleSensitivity // AsCoded first, then each scale
	Readers          ReadersView
	Records          []RecordSensitivity // largest swing first
	// Provenance says what made these figures (see ScoreResult).
	Provenance *provenance.Provenance
}

// ScaleSensitivity holds the scores with every term-coded record read on one scale.
type ScaleSensitivity struct {
	Scale          string
	Translated     int      // records read through the crosswalk
	NoCounterpart  []string // records kept as coded for want of a term
	Brier          analysis.Span
	Log            analysis.Span
	Reliability    analysis.Span
	Miscalibration analysis.Span
	Discrimination analysis.Span
	AUC            analysis.Span
}

// ReadersView holds the scores with every phrase read as the survey's
// readers did: index 0, 1, 2 for their 25th percentile, median and 75th
// percentile.
type ReadersView struct {
	Scale         string
	Brier         [3]float64
	Log           [3]float64
	NoCounterpart []string
}

// RecordSensitivity is one record's P(event) under each scale, and how far
// its coding can move the mean Brier score.
type RecordSensitivity struct {
	ID       string
	Outcome  string
	Estimate string
	Negated  bool
	Codings  []RecordCoding
	// Swing is (max − min of its Brier penalty over every scale's interval) / n.
	Swing float64
}

// RecordCoding is a record's reading on one scale.
type RecordCoding struct {
	Scale   string
	Term    string
	PEvent  forecasts.Interval
	Missing bool // no counterpart on the scale: kept as coded
}

// A Case is one forecast with a name: the charts of a few forecasts
// label their marks with the ids, and the contributions chart gives each
// case a row.
type Case struct {
	ID      string
	Label   string            // the record's label; "" when it has none
	P       float64           // P(event), in [0, 1]
	Outcome forecasts.Outcome // only yes and no are scored
}

// Name is what a chart calls the case: its label, or else its id.
func (c Case) Name() string {
	if c.Label != "" {
		return c.Label
	}
	return c.ID
}

// A ForecastGroup is the forecasts one series of a chart draws: one
// forecaster's, one dataset's, one method's.
type ForecastGroup struct {
	// Name labels the group in legends and panel titles; it may be empty
	// when a chart has one group.
	Name string
	// Table holds the forecasts. When it has no cells, it is built from
	// the scored Cases.
	Table analysis.Table
	// Cases name the forecasts, when they have names; a chart of a few
	// labels its marks with their ids. Optional.
	Cases []Case
}

// ReportResult is everything the teaching report shows, as values: a
// section per dataset (or flat table), each with its own figures, never
// mixed, and what made them.
type ReportResult struct {
	Version    string
	Provenance *provenance.Provenance
	Scale      string // --scale, or "" for each record as coded
	Reading    string
	Seed       uint64
	Large      int // ReportLarge: past this many forecasts a section shows no cards
	Sections   []*ReportSection
	Words      bool               // some section has records coded as words
	Scales     []*forecasts.Scale // the verbal scales, when Words
}

// ReportSection is one dataset's (or one flat table's) part of the
// report: its own headline, groups, cases, scores and charts' data.
type ReportSection struct {
	ID      string             // the anchor and the charts' file prefix: the dataset's name, or table-N
	Dataset *forecasts.Dataset // nil for a flat table
	Table   string             // the flat table's name
	Inputs  []provenance.Input
	Records []*forecasts.Record // every record, in issue order; nil for a table
	// Coded gives P(event) as scored, by record id (after --scale and
	// --reading); records not scored are absent.
	Coded map[string]float64
	// Large: more than ReportLarge forecasts; no card per case.
	Large    bool
	Score    *ScoreResult
	GroupBy  []string     // the columns of the groups: --by, or forecaster
	ByGroup  *ScoreResult // by GroupBy; nil with fewer than two groups
	Headline ReportHeadline
	// Groups are the groups' own first-screen figures, when there are
	// two to ReportHeadlineGroups of them.
	Groups      []ReportHeadline
	Sensitivity *SensitivityResult // nil when no record is coded as words
	// Costly and Hits: a large section's costliest forecasts and biggest
	// hits (a table's, by forecast value with their counts).
	Costly, Hits []CostlyCase
	Omitted      []Omission
	// The data of the section's charts, at the charts' defaults; a chart
	// whose data these forecasts cannot give has none, and ChartErrors
	// says why, by the chart's name ("reliability").
	Contributions *ContributionsData
	Reliability   *ReliabilityData
	ROC           *ROCData
	Sharpness     *SharpnessData
	Murphy        *MurphyData
	ChartErrors   map[string]error
}

// ReportHeadline is the first screen's figures for one set of forecasts:
// a whole dataset (Name "") or one group of it.
type ReportHeadline struct {
	Name      string // the group's key, "/"-joined; "" for the whole section
	N         float64
	Excluded  int
	Who       []NameCount // forecasters by number of forecasts; nil for a table
	Yes       float64     // forecasts followed by the event (their weight)
	Brier     float64
	BaseRate  float64
	Costliest []CostlyCase // the costliest forecast and every one tied with it
	// Scales are the Brier and log scores of exactly these forecasts under
	// each scale (AsCoded first); nil when none is coded as words.
	Scales    []ScaleSensitivity
	TermCoded int
	// Summary is every figure of exactly these forecasts (the
	// overconfidence and its interval among them).
	Summary *analysis.Summary
}

// NameCount is a name with a count.
type NameCount struct {
	Name string
	N    int
}

// CostlyCase is a forecast (or, in a flat table, Count forecasts of one
// value with one outcome) and its Brier contribution.
type CostlyCase struct {
	ID, Name string // empty for a table's forecast value
	Estimate string // the estimate as coded ("almost certain (kent-1964)")
	Negated  bool   // the statement said the event would not happen
	P        float64
	Outcome  forecasts.Outcome
	Score    float64
	Count    float64
}

// Omission is a part of the report left out of a section, and why.
type Omission struct {
	Key, Title, Why string
}
