package textout

import (
	"fmt"
	"math"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// Explained is one figure with one plain sentence saying what it means
// for the data at hand.
type Explained struct {
	Figure   string // the figure's name
	Value    string // its value, formatted, with its interval when there is one
	Sentence string
}

// ReconcileFigure names the explanation that reconciles Murphy's
// reliability with CORP's miscalibration.
const ReconcileFigure = "reliability (Murphy) and miscalibration (CORP)"

func withInterval(v, lo, hi float64, ok bool) string {
	if !ok || math.IsNaN(lo) || math.IsNaN(hi) {
		return Num(v)
	}
	return fmt.Sprintf("%s (%s to %s)", Num(v), Num(lo), Num(hi))
}

// Explain gives each headline figure of a group with one plain sentence
// about these forecasts, computed from the numbers.
func Explain(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) []Explained {
	sum := &g.Summary
	if sum.N == 0 {
		return []Explained{{Figure: "forecasts", Value: "0", Sentence: "There are no scored forecasts, so there is nothing to explain."}}
	}
	boot := sum.Bootstrap != nil
	iv := func(v float64, pick func(analysis.Estimates) float64) string {
		if !boot {
			return Num(v)
		}
		return withInterval(v, pick(sum.Bootstrap.Lo), pick(sum.Bootstrap.Hi), true)
	}
	var out []Explained
	n, forecastsN := Count(sum.N), countOf(sum.N, "forecast", "forecasts")
	level := ""
	if boot {
		level = fmt.Sprintf(" The ranges in brackets are %g%% bootstrap intervals: with %s the figures could well have come out anywhere in them.", 100*sum.Bootstrap.Level, forecastsN)
	}

	// Base rate and calibration in the large.
	out = append(out, Explained{"base rate", iv(sum.BaseRate, func(e analysis.Estimates) float64 { return e.BaseRate }),
		fmt.Sprintf("Of %s, %s followed by the event (%s).", forecastsN, countOf(sum.Yes, "was", "were"), pct(sum.BaseRate))})
	citl := sum.CalibrationInTheLarge
	var dir string
	switch {
	case math.IsNaN(citl):
		dir = "not defined"
	case math.Abs(citl) < 0.02:
		dir = "about right on average"
	case citl < 0:
		dir = fmt.Sprintf("too low by %.0f percentage points: the events happened more often than forecast", -100*citl)
	default:
		dir = fmt.Sprintf("too high by %.0f percentage points: the events happened less often than forecast", 100*citl)
	}
	out = append(out, Explained{"calibration in the large", Num(citl),
		fmt.Sprintf("The forecasts gave the events %s on average, and %s happened: the probabilities were %s. %s", pct(sum.MeanForecast), pct(sum.BaseRate), dir, CalibrationSignSentence)})
	if text := OverconfidenceSentence(sum); text != "" {
		out = append(out, Explained{"overconfidence", iv(sum.Overconfidence.Over, func(e analysis.Estimates) float64 { return e.Overconfidence }),
			text + " Each forecast is read as the judgment it leans to (\"will hold\" at 93% is 93% confidence in holding, and so is \"will fall\" at 7%); overconfidence is the mean of that confidence minus the share of those judgments that came true, and it is the same however the questions are worded."})
	}

	// Brier score and skill.
	b := sum.Brier / sum.Options.BrierScale
	var cmp string
	switch {
	case b < 0.25*0.98:
		cmp = "better than"
	case b > 0.25*1.02:
		cmp = "worse than"
	default:
		cmp = "about the same as"
	}
	scaleNote := ""
	if sum.Options.BrierScale != 1 {
		scaleNote = fmt.Sprintf(" (on the two-category scale, twice the usual: 0 to %g)", sum.Options.BrierScale)
	}
	out = append(out, Explained{"Brier score", iv(sum.Brier, func(e analysis.Estimates) float64 { return e.Brier }),
		fmt.Sprintf("The Brier score%s is the mean squared gap between each probability and what happened (1 or 0): 0 is perfect, and always saying 50%% scores %g, so these forecasts did %s a coin flip.%s", scaleNote, 0.25*sum.Options.BrierScale, cmp, level)})
	if !math.IsNaN(sum.BrierSkill) {
		var verdict string
		if sum.BrierSkill > 0 {
			verdict = fmt.Sprintf("positive: the forecasts beat simply saying %s every time, the rate at which these events happened", pct(sum.BaseRate))
		} else {
			verdict = fmt.Sprintf("negative: simply saying %s every time, the rate at which these events happened, would have scored better", pct(sum.BaseRate))
		}
		out = append(out, Explained{"Brier skill score", iv(sum.BrierSkill, func(e analysis.Estimates) float64 { return e.BrierSkill }),
			fmt.Sprintf("The skill against the base rate is %s, %s (though that rate was only known afterwards).", Num(sum.BrierSkill), verdict)})
	}

	// Log score.
	ls := s.LogScore(g)
	logText := fmt.Sprintf("The log score is the mean of −ln(probability given to what happened): it punishes confident misses hard; 0 is perfect and always saying 50%% scores 0.693, so these forecasts did %s.", map[bool]string{true: "better", false: "worse"}[ls < math.Ln2])
	if math.IsInf(ls, 1) {
		logText = "The log score is infinite: at least one forecast said 0% or 100% and was wrong, and the log score never forgives certainty that fails."
	}
	out = append(out, Explained{"log score", Num(ls), logText})

	// Discrimination.
	if !math.IsNaN(sum.AUC) {
		var what string
		switch {
		case sum.AUC >= 0.8:
			what = "good discrimination"
		case sum.AUC > 0.55:
			what = "some discrimination"
		case sum.AUC >= 0.45:
			what = "no better than chance"
		default:
			what = "worse than chance: the forecasts tended to point the wrong way"
		}
		out = append(out, Explained{"ROC AUC", iv(sum.AUC, func(e analysis.Estimates) float64 { return e.AUC }),
			fmt.Sprintf("Take one forecast whose event happened and one whose event did not: %s of the time the first had the higher probability (ties count half). That is %s; 50%% is chance.", pct(sum.AUC), what)})
	}

	// CORP decomposition.
	c := sum.CORP
	if !math.IsNaN(c.Miscalibration) {
		part := "most"
		if c.Miscalibration < 0.5*sum.Brier {
			part = "part"
		}
		out = append(out, Explained{"miscalibration (CORP)", Num(c.Miscalibration),
			fmt.Sprintf("Of the Brier score of %s, %s (%s) is miscalibration: how much better it would have been had each probability been replaced by how often the events at that level actually happened.", Num(sum.Brier), part, Num(c.Miscalibration))})
		out = append(out, Explained{"discrimination (CORP)", Num(c.Discrimination),
			fmt.Sprintf("Discrimination is %s: how much the forecasts, once recalibrated, beat the base rate by telling events that happened from events that did not. %s", Num(c.Discrimination),
				map[bool]string{true: "Here it is close to nothing.", false: "Higher is better."}[c.Discrimination < 0.01*max(sum.Brier, 1e-9) || c.Discrimination < 1e-3])})
		out = append(out, reliabilityVsCORP(s, g))
		// Binned resolution rewards bins whose outcomes differ from the
		// base rate in either direction; CORP's monotone recalibration
		// gives forecasts that point the wrong way nothing. When the two
		// disagree, a student sees both in the table and needs the reason.
		if m := s.Murphy(g); m.Resolution > c.Discrimination+max(0.02, 0.25*m.Resolution) {
			out = append(out, Explained{"resolution (Murphy)", Num(m.Resolution),
				fmt.Sprintf("The Murphy resolution of %s in the table is much higher than this discrimination of %s. Resolution counts how far the events' frequency in each bin is from the base rate, in either direction, so it also credits forecasts that point the wrong way; CORP first refits the probabilities so that a higher forecast never means a lower chance, and forecasts that point the wrong way then earn nothing.", Num(m.Resolution), Num(c.Discrimination))})
		}
	}

	// Spiegelhalter's test.
	if !math.IsNaN(sum.SpiegelhalterZ) {
		var verdict string
		if sum.SpiegelhalterP < 0.05 {
			verdict = "a gap this large would be unlikely if the forecasts were calibrated"
		} else {
			verdict = "a gap this large could easily arise by chance from calibrated forecasts"
		}
		out = append(out, Explained{"Spiegelhalter z", fmt.Sprintf("%s (p %s)", Num(sum.SpiegelhalterZ), pvalue(sum.SpiegelhalterP)),
			fmt.Sprintf("Spiegelhalter's test compares the Brier score with what calibrated forecasts would score: %s.", verdict)})
	}

	// Logistic calibration.
	if !math.IsNaN(sum.Logistic.Slope) {
		var what string
		switch {
		case sum.Logistic.Slope < 0:
			what = "negative: higher probabilities went with the event happening less often"
		case sum.Logistic.Slope < 0.8:
			what = "below 1: overconfident, the forecasts were more extreme than the outcomes warranted"
		case sum.Logistic.Slope > 1.25:
			what = "above 1: underconfident, the forecasts were too timid"
		default:
			what = "close to 1: the spread of the forecasts was about right"
		}
		out = append(out, Explained{"calibration slope", Num(sum.Logistic.Slope),
			fmt.Sprintf("Fitting the outcomes to the forecasts' log-odds gives a slope of %s, %s.", Num(sum.Logistic.Slope), what)})
	}
	if sum.N < 30 {
		out = append(out, Explained{"sample size", n,
			fmt.Sprintf("With only %s every figure above is fragile: one case more or less can change it a lot.", forecastsN)})
	}
	return out
}

// reliabilityVsCORP says why the Murphy reliability and the CORP
// miscalibration in the table differ, and which to quote for few
// forecasts.
func reliabilityVsCORP(s *evaluate.ScoreResult, g *evaluate.ScoreGroup) Explained {
	sum := &g.Summary
	rel, mcb := s.Murphy(g).Reliability, sum.CORP.Miscalibration
	where := "at each distinct forecast value"
	if s.Bins != analysis.Distinct {
		where = fmt.Sprintf("in each of %d equal bins", s.Bins)
	}
	corp := "CORP first pools neighbouring forecast values (PAV) until the frequency never falls as the forecast rises, which needs no choice of bins and is steadier"
	text := fmt.Sprintf("Both measure miscalibration and agree closely here: Murphy's reliability compares the forecasts %s with how often their events happened there; %s, so with few forecasts quote CORP's.", where, corp)
	cells := float64(sum.Cells)
	if s.Bins != analysis.Distinct {
		cells = float64(len(g.Bins))
	}
	switch differ := math.Abs(rel-mcb) > max(0.01, 0.1*max(rel, mcb)); {
	case differ && sum.N <= 2*cells:
		text = fmt.Sprintf("Both measure miscalibration but differ here: Murphy's reliability compares the forecasts %s with how often their events happened there, and with only a forecast or two in each that frequency is 0 or 1, so a miss counts almost whole as unreliability; %s, so with few forecasts quote CORP's.", where, corp)
	case differ:
		text = fmt.Sprintf("Both measure miscalibration but differ here: Murphy's reliability compares the forecasts %s with how often their events happened there; %s, so the two weigh the same misses differently, and CORP's is the one to quote when the forecasts are few.", where, corp)
	}
	return Explained{ReconcileFigure, fmt.Sprintf("%s and %s", Num(rel), Num(mcb)), text}
}
