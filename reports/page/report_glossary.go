package page

// glossaryEntry defines one technical term of the report. Short is the
// hover title of every link to it; Text the glossary's definition.
type glossaryEntry struct {
	ID    string // anchor: #g-ID
	Name  string
	Short string
	Text  string
}

// glossary defines every technical term the report uses, in the order a
// reader meets them.
var glossary = []glossaryEntry{
	{"base-rate", "Base rate", "How often the events happened in these data.",
		"The share of the forecasts whose event happened. Always forecasting it scores the best any constant forecast can, but it is known only afterwards."},
	{"brier", "Brier score", "Mean squared gap between probability and outcome; 0 perfect, 0.25 for always 50%.",
		"The mean of (P − outcome)², the outcome being 1 if the event happened and 0 if not. 0 is perfect; always saying 50% scores 0.25; lower is better. A forecast's own (P − outcome)² is its contribution."},
	{"log-score", "Log score", "Mean of −ln(probability given to what happened); 0.693 for always 50%.",
		"The mean of −ln of the probability given to what happened. It punishes confident misses much harder than the Brier score; a forecast of 0% or 100% that fails makes it infinite."},
	{"spherical", "Spherical score", "Probability given to what happened over the forecast's length; higher is better.",
		"The probability given to what happened, divided by √(P² + (1 − P)²). 1 is certain and right, 0 certain and wrong, 0.707 always 50%; higher is better."},
	{"skill", "Skill score", "Improvement over a reference forecast: 1 − score / reference score.",
		"1 − (score / the reference's score): above 0 beats the reference (the base rate, always 50%, or another forecaster), 1 is perfect, below 0 is worse than the reference."},
	{"overconfidence", "Overconfidence", "Mean confidence in the judgments as stated minus the share that came true.",
		"Each forecast is read as the judgment it leans to: 93% that the Khmer Rouge would hold is 93% confidence in holding, and so is 7% that Vietnam would capture Phnom Penh. Overconfidence is the mean of that confidence minus the share of those judgments that came true (a forecast of exactly 50% counts as half right), as studies of judgment measure it (Lichtenstein & Fischhoff 1977). Above 0 the judgments were surer than their record; unlike calibration in the large it does not change with the wording of the questions."},
	{"citl", "Calibration in the large", "Mean forecast minus base rate.",
		"The mean forecast minus the base rate: above 0, the events happened less often than forecast on average; below 0, more often."},
	{"murphy", "Reliability, resolution, uncertainty (Murphy)", "The Brier score split over bins: REL − RES + UNC.",
		"Murphy's (1973) split of the Brier score over bins of forecasts: reliability is how far each bin's mean forecast is from how often its events happened (lower is better); resolution how far those frequencies are from the base rate (higher is better); uncertainty is the base rate × (1 − base rate), the score of always forecasting it."},
	{"residual", "Residual", "The within-bin part left over when bins pool different forecasts.",
		"With bins wider than one forecast value, Brier = REL − RES + UNC does not add up exactly; the residual holds the difference, from forecasts that differ within a bin."},
	{"corp", "CORP and PAV", "Calibration from a bin-free recalibration (pool-adjacent-violators).",
		"CORP (Dimitriadis, Gneiting & Jordan 2021) recalibrates the forecasts by pool-adjacent-violators (PAV): wherever a higher forecast saw the event less often than a lower one, the two are pooled, until the share of events never falls as the forecast rises. It needs no choice of bins."},
	{"mcb", "MCB, DSC, UNC", "CORP's split: score = miscalibration − discrimination + uncertainty.",
		"CORP's split of a score: MCB (miscalibration) is what the PAV recalibration would save; DSC (discrimination) what the recalibrated forecasts gain over the base rate; UNC (uncertainty) the score of the base rate. Score = MCB − DSC + UNC."},
	{"ece", "ECE", "Expected calibration error: mean gap between bins' forecast and observed frequency.",
		"The expected calibration error: over bins, the mean of |mean forecast − observed frequency|, weighted by the bin's share of forecasts. 0 is calibrated."},
	{"logistic-slope", "Logistic slope", "Slope b of logit P(y) = a + b·logit p; below 1 overconfident.",
		"Fitting logit P(event) = a + b · logit(p) to the outcomes: b near 1 is calibrated spread, below 1 overconfident (forecasts too extreme), above 1 underconfident."},
	{"spiegelhalter", "Spiegelhalter test", "Is the Brier score far from what calibrated forecasts would score?",
		"Spiegelhalter's (1986) z compares the Brier score with what it would be if every forecast were calibrated; p is how often a gap this large would arise by chance. It assumes the forecasts are a fair sample."},
	{"permutation", "Permutation test", "A p-value from flipping which forecaster scored which, question by question.",
		"In a paired comparison, the p-value of the mean difference from flipping the sign of each question's difference at random. Like every test, it assumes the questions are a fair sample."},
	{"wilson", "Wilson interval", "A 95% range for a bin's true frequency that stays within 0–100%.",
		"The Wilson score interval for a share: unlike ± 2 standard errors it stays within 0–100% and is honest with a handful of forecasts in a bin."},
	{"consistency-band", "Consistency band", "Where a calibrated forecaster's points would fall 90% of the time.",
		"On the reliability diagram, the range in which the observed frequencies of a perfectly calibrated forecaster with these forecasts would fall, found by simulating outcomes from the forecasts."},
	{"elementary", "Elementary score and θ (Murphy diagram)", "The cost, for a user acting above threshold θ, of following the forecasts.",
		"A user who acts when the forecast is above a threshold θ pays θ for acting when the event does not happen and 1 − θ for not acting when it does. The elementary score is that cost averaged over the forecasts; the Murphy diagram draws it for every θ, and twice its area is the Brier score."},
	{"auc", "AUC and ROC", "How often an event that happened got a higher probability than one that did not.",
		"The ROC curve plots, for every threshold, the share of events caught against the share of false alarms; the area under it (AUC) is the chance that a forecast followed by the event had the higher probability than one that was not (ties count half). 0.5 is chance, 1 perfect."},
	{"andi", "ANDI", "Adjusted normalized discrimination index: discrimination scaled to 0–1.",
		"The adjusted normalized discrimination index (Yaniv, Yates & Smith 1991), used by Mandel & Barnes (2014): resolution divided by the uncertainty, adjusted for the number of forecast values, so that 0 is none and 1 perfect discrimination."},
	{"bootstrap", "Bootstrap interval", "The range of a figure over resamples of the forecasts.",
		"The forecasts are drawn again with replacement many times and every figure recomputed; the middle 95% of the recomputed values is the interval. With a handful of forecasts it is wide and may still be too narrow."},
	{"clustered-bootstrap", "Clustered bootstrap", "A bootstrap that resamples whole questions, not single forecasts.",
		"Forecasts on one question share its outcome and are not independent, so the bootstrap draws whole questions (clusters) with replacement; with fewer than 10 clusters its intervals are unreliable."},
}

// glossaryByID finds an entry.
func glossaryByID(id string) (glossaryEntry, bool) {
	for _, g := range glossary {
		if g.ID == id {
			return g, true
		}
	}
	return glossaryEntry{}, false
}

// explainTerms gives the glossary entry of each explained figure.
var explainTerms = map[string]string{
	"base rate":                "base-rate",
	"calibration in the large": "citl",
	"overconfidence":           "overconfidence",
	"Brier score":              "brier",
	"Brier skill score":        "skill",
	"log score":                "log-score",
	"ROC AUC":                  "auc",
	"miscalibration (CORP)":    "mcb",
	"discrimination (CORP)":    "mcb",
	"resolution (Murphy)":      "murphy",
	"Spiegelhalter z":          "spiegelhalter",
	"calibration slope":        "logistic-slope",
}
