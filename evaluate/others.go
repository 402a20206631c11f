package evaluate

import (
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// OthersTable sets the figures of the scored forecasts next to those two
// large studies of geopolitical and intelligence forecasts published, for
// the figures that can be set side by side. Studies[0] is this data;
// every row has one value per study. The published figures are the ones
// hindcast's sources give (Mandel & Barnes 2014; Friedman et al. 2018),
// none other; a figure a study's summary does not give is not Reported.
type OthersTable struct {
	Studies []OthersStudy
	Rows    []OthersRow
	// Selections are this data's datasets with how each was chosen.
	Selections []DatasetSelection
	// Selected is true when any of this data's datasets was chosen for
	// its failures, or is not a sample (notable, unknown): its figures
	// are not comparable with the studies', which scored whole bodies of
	// forecasts. SelectionWarning says so in one sentence.
	Selected         bool
	SelectionWarning string
}

// DatasetSelection is a dataset's name and how its records were chosen.
type DatasetSelection struct {
	Name      string
	Selection forecasts.Selection
}

// OthersStudy is one column: a study, or this data.
type OthersStudy struct {
	Name   string // "this data", "Mandel & Barnes 2014"
	What   string // what was forecast, by whom
	Source string // the publication; empty for this data
	// Finding is the study's main finding in one sentence; empty for this data.
	Finding string
}

// OthersRow is one figure across the studies.
type OthersRow struct {
	Figure     string // its name
	Definition string // one line: what it measures and which way is better
	Values     []OthersValue
}

// OthersValue is one study's value of a figure.
type OthersValue struct {
	Reported bool    // false: the study's summary, as hindcast's sources give it, has no such figure
	Value    float64 // the figure; NaN when only Text is given
	Lo, Hi   float64 // this data's bootstrap interval; NaN when none
	// Text is a finding in words where the study gives a direction, not
	// a number ("mostly underconfident").
	Text string
	// Approximate marks a published figure given as "about".
	Approximate bool
	// SecondHand marks a published figure found only as reported by
	// others, not in the study itself: unconfirmed.
	SecondHand bool
	// Caveat says why this value is not comparable here; empty when it is.
	Caveat string
}

func notReported() OthersValue { return OthersValue{Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()} }

func published(v float64) OthersValue {
	return OthersValue{Reported: true, Value: v, Lo: math.NaN(), Hi: math.NaN()}
}

// Others builds the side-by-side table for the overall figures of sc, the
// score of the records of datasets.
func Others(sc *ScoreResult, datasets []*forecasts.Dataset) *OthersTable {
	sum := &sc.Overall.Summary
	scale := sum.Options.BrierScale
	if scale == 0 {
		scale = 1
	}
	ours := func(v float64, pick func(lo bool) float64) OthersValue {
		o := published(v)
		if sum.Bootstrap != nil && pick != nil {
			o.Lo, o.Hi = pick(true), pick(false)
		}
		return o
	}
	t := &OthersTable{
		Studies: []OthersStudy{
			{Name: "this data", What: "the forecasts scored here"},
			{Name: "Mandel & Barnes 2014", What: "strategic forecasts by Canada's Intelligence Assessment Secretariat, 2005-2011",
				Source:  "Mandel, D. R. & Barnes, A. (2014). Accuracy of forecasts in strategic intelligence. PNAS 111(30)",
				Finding: "Good discrimination and calibration; where miscalibrated, mostly underconfident; few forecasts between 0.4 and 0.6."},
			{Name: "Friedman et al. 2018", What: "Good Judgment Project forecasts (geopolitical forecasting tournament)",
				Source:  "Friedman, J. A., Baker, J. D., Mellers, B. A., Tetlock, P. E. & Zeckhauser, R. (2018). International Studies Quarterly 62(2)",
				Finding: "Rounding forecasts to coarser scales, including a seven-step verbal scale, systematically lowered their accuracy."},
		},
	}
	// Forecasts.
	t.Rows = append(t.Rows, OthersRow{Figure: "forecasts", Definition: "how many forecasts were scored",
		Values: []OthersValue{ours(sum.N, nil), published(1514), published(888328)}})
	// Brier score on the 0-1 scale.
	b := ours(sum.Brier/scale, func(lo bool) float64 {
		if lo {
			return sum.Bootstrap.Lo.Brier / scale
		}
		return sum.Bootstrap.Hi.Brier / scale
	})
	mb := published(0.074)
	mb.Approximate, mb.SecondHand = true, true
	t.Rows = append(t.Rows, OthersRow{Figure: "Brier score", Definition: "mean squared gap between probability and outcome (1 or 0); 0 perfect, always 50% scores 0.25",
		Values: []OthersValue{b, mb, notReported()}})
	// Overconfidence.
	o := ours(sum.Overconfidence.Over, func(lo bool) float64 {
		if lo {
			return sum.Bootstrap.Lo.Overconfidence
		}
		return sum.Bootstrap.Hi.Overconfidence
	})
	mbo := OthersValue{Reported: true, Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN(), Text: "underconfident"}
	t.Rows = append(t.Rows, OthersRow{Figure: "overconfidence", Definition: "mean confidence in the judgments as stated minus the share that came true; > 0 overconfident, < 0 underconfident",
		Values: []OthersValue{o, mbo, notReported()}})
	// Discrimination index.
	m := sum.Murphy
	ndi := ours(m.Resolution/m.Uncertainty, nil)
	if sum.Cells*2 > int(math.Round(sum.N)) || sum.N < 100 {
		ndi.Caveat = "few forecasts, most at a value of their own: each such value explains its own outcome, so the index is near 1 whatever the forecasts said; quote the ROC AUC instead"
	}
	mbd := published(0.76)
	mbd.Approximate = true
	mbd.Caveat = "the adjusted index (ANDI); hindcast's is not adjusted"
	t.Rows = append(t.Rows, OthersRow{Figure: "discrimination index", Definition: "Murphy resolution ÷ uncertainty over distinct forecast values: the share of the outcomes' variance the forecasts sort out; 0 none, 1 all",
		Values: []OthersValue{ndi, mbd, notReported()}})
	// ROC AUC.
	auc := ours(sum.AUC, func(lo bool) float64 {
		if lo {
			return sum.Bootstrap.Lo.AUC
		}
		return sum.Bootstrap.Hi.AUC
	})
	t.Rows = append(t.Rows, OthersRow{Figure: "ROC AUC", Definition: "chance that an event that happened got a higher probability than one that did not; 0.5 chance, 1 perfect",
		Values: []OthersValue{auc, notReported(), notReported()}})

	var how []string
	for _, d := range datasets {
		s := d.Manifest.Selection
		t.Selections = append(t.Selections, DatasetSelection{Name: d.Manifest.Name, Selection: s})
		if s != forecasts.SelectAll && s != forecasts.SelectRandom {
			t.Selected = true
		}
		how = append(how, d.Manifest.Name+": "+string(s))
	}
	if t.Selected {
		failed := slices.ContainsFunc(t.Selections, func(d DatasetSelection) bool { return d.Selection == forecasts.SelectChosenForFailure })
		effect := "A set picked because it is well known holds famous hits and famous misses, not the ordinary run of judgments, so it may score better or worse than the forecasters did"
		if failed {
			effect = "A set picked for its misses scores worse and looks more overconfident than the forecasters were"
		}
		t.SelectionWarning = "These records were not drawn as a sample (selection " + strings.Join(how, "; ") + "): records chosen for failure or as notable were picked after the outcomes were known, while the studies scored whole bodies of forecasts (1,514 by one assessment staff; 888,328 in a tournament). " + effect + ", so the columns describe different things: read this data's figures as a description of these cases, not as a rating of the analysts next to the studies'."
	} else if len(datasets) == 0 {
		t.SelectionWarning = "How these forecasts were chosen is not known (a flat table has no manifest): compare them with the studies' only if they are all the forecasts of their source, or a random sample of them."
	}
	return t
}
