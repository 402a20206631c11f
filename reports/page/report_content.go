package page

// contextFigure is a published finding about how good analysts are, for
// the report's context section.
type contextFigure struct {
	Source string
	Text   string
	Term   string // the glossary entry it uses, if any
}

// literatureContext holds what two large studies found, so that students
// can set a handful of famous cases against the record of thousands.
var literatureContext = []contextFigure{
	{
		Source: "Mandel & Barnes (2014), PNAS 111(30)",
		Text: "1,514 strategic forecasts made by Canada's Intelligence Assessment Secretariat from 2005 to 2011 " +
			"discriminated well and were well calibrated; where they were miscalibrated it was mostly " +
			"underconfidence, and few forecasts fell between 40% and 60%. The adjusted normalized " +
			"discrimination index was about 0.76. (A Brier score of about 0.074 is reported second-hand " +
			"and is not confirmed here.)",
		Term: "andi",
	},
	{
		Source: "Friedman, Baker, Mellers, Tetlock & Zeckhauser (2018), International Studies Quarterly",
		Text: "In 888,328 forecasts from the Good Judgment Project, rounding the forecasts to coarser scales — " +
			"including a seven-step verbal scale — systematically made them less accurate: the precision " +
			"that words throw away was real information.",
	},
	{
		Source: "Why the built-in cases differ",
		Text: "The built-in cases were chosen because they are famous, and the CPC ones because they failed. " +
			"Studies of complete sets of forecasts, like the two above, are the ones that can say how " +
			"good analysts are; a set chosen for its failures can only show how failures happen.",
	},
}

// methodNote explains one method with its formula.
type methodNote struct {
	Name    string
	Text    string
	Formula string
}

// methodNotes are the report's method section: every figure it shows.
var methodNotes = []methodNote{
	{"Probability of the event", "A judgment in words is coded as a term on a published scale, which stands for an interval and a point; a range stands for itself, with its midpoint as the point. When the statement says the event will not happen (\"could not capture\"), the probability of the event is one minus the statement's.",
		"P(event) = p              (statement asserts the event)\nP(event) = 1 − p          (negated statement)\n[lo, hi]  → [1 − hi, 1 − lo]"},
	{"Brier score", "The mean squared difference between the forecast probability and the outcome (1 if the event happened, 0 if not). 0 is perfect; always saying 50% scores 0.25. Brier's original form sums over both outcomes and runs from 0 to 2.",
		"BS = (1/n) Σ (p_i − y_i)²"},
	{"Brier skill score", "The improvement over a reference forecast: the base rate of this sample (known only afterwards), always saying 50%, or another forecaster.",
		"BSS = 1 − BS / BS_ref,   BS_base rate = ȳ (1 − ȳ)"},
	{"Log score", "The mean of minus the natural log of the probability given to what happened. Certainty that fails scores infinity; hindcast says so and offers clipping.",
		"LS = −(1/n) Σ [ y_i ln p_i + (1 − y_i) ln(1 − p_i) ]"},
	{"Spherical score", "The probability given to what happened, divided by the length of the forecast seen as a vector (p, 1 − p). Unlike the Brier and log scores, higher is better: 1 is certain and right, 0 certain and wrong, and always saying 50% scores 0.707. Like the Brier score, and unlike the log score, it stays finite when certainty fails.",
		"SS = (1/n) Σ q_i / √(p_i² + (1 − p_i)²),   q_i = p_i if y_i = 1, else 1 − p_i"},
	{"Murphy decomposition", "Grouping the forecasts into bins (one per distinct value, or equal-width bins), the Brier score splits into reliability (how far each bin's forecast is from its observed frequency), resolution (how far the bins' frequencies are from the base rate) and uncertainty (the base rate's own score); with wider bins a residual holds the within-bin terms.",
		"BS = REL − RES + UNC (+ residual)\nREL = Σ_k n_k (p̄_k − ō_k)² / n\nRES = Σ_k n_k (ō_k − ȳ)² / n\nUNC = ȳ (1 − ȳ)"},
	{"CORP decomposition", "Dimitriadis, Gneiting & Jordan (2021): the observed frequencies are refitted as a non-decreasing function of the forecast by pool-adjacent-violators (PAV), with no choice of bins: wherever a higher forecast saw the event less often than a lower one, the two are pooled, until the frequencies never go down as the forecast goes up. Miscalibration is what that recalibration would save; discrimination is what the recalibrated forecasts gain over the base rate.",
		"S = MCB − DSC + UNC\nMCB = S(p) − S(PAV(p)),  DSC = S(ȳ) − S(PAV(p)),  UNC = S(ȳ)"},
	{"Murphy diagram", "Ehm, Gneiting, Jordan & Krüger (2016). Imagine a decision maker who acts whenever the forecast is above a threshold θ: acting costs θ when the event does not happen, and not acting costs 1 − θ when it does. The elementary score is that cost, averaged over the forecasts; the diagram draws it for every θ from 0 to 1. A forecaster whose curve is nowhere above another's is better for every such decision maker, and the area under the curve is half the Brier score.",
		"S_θ(p, 1) = 1 − θ if p ≤ θ, else 0\nS_θ(p, 0) = θ if p > θ, else 0\nBS = 2 ∫₀¹ mean S_θ dθ"},
	{"ROC AUC", "The probability that a forecast followed by the event had a higher probability than one that was not, ties counting one half. 0.5 is chance, 1 perfect.",
		"AUC = P(p⁺ > p⁻) + ½ P(p⁺ = p⁻)"},
	{"Calibration tests", "Calibration in the large compares the mean forecast with the base rate. Spiegelhalter's z compares the Brier score with its expectation under calibration. The logistic calibration fits logit P(y = 1) = a + b · logit p: b below 1 means overconfidence. The expected calibration error (ECE) is the mean gap between each bin's forecast and its observed frequency; each bin's frequency comes with a Wilson 95% interval, a range for the true frequency that, unlike the usual ± 2 standard errors, stays within 0–100% and is honest with a few forecasts in a bin.",
		"z = Σ (y_i − p_i)(1 − 2p_i) / √( Σ (1 − 2p_i)² p_i (1 − p_i) )\nECE = Σ_k (n_k / n) |p̄_k − ō_k|"},
	{"Intervals", "Percentile bootstrap: the forecasts are resampled with replacement, by one multinomial draw over the table of distinct forecast values and outcomes, and every figure recomputed; the 2.5% and 97.5% quantiles bound the 95% interval. With a handful of forecasts the intervals are wide and may still be too narrow.",
		"replicate r:  counts ~ Multinomial(n; n_{p,y} / n),  seed-derived stream per replicate"},
	{"Sensitivity to the words", "Each term-coded record is read on every scale through a documented crosswalk. The Brier and log scores are sums over records, so their range over every coding the intervals allow is exact: each record at the better or worse end of its interval. Other figures are ranged over random codings within the intervals.",
		"min BS = (1/n) Σ min( (lo_i − y_i)², (hi_i − y_i)² ),  max likewise"},
}

// references are the works the report relies on.
var references = []string{
	"Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly Weather Review 78(1), 1–3.",
	"Murphy, A. H. (1973). A new vector partition of the probability score. Journal of Applied Meteorology 12(4), 595–600.",
	"Yates, J. F. (1982). External correspondence: decompositions of the mean probability score. Organizational Behavior and Human Performance 30(1), 132–156.",
	"Lichtenstein, S. & Fischhoff, B. (1977). Do those who know more also know more about how much they know? Organizational Behavior and Human Performance 20(2), 159–183.",
	"Lichtenstein, S., Fischhoff, B. & Phillips, L. D. (1982). Calibration of probabilities: the state of the art to 1980. In D. Kahneman, P. Slovic & A. Tversky (eds.), Judgment under Uncertainty: Heuristics and Biases, 306–334. Cambridge University Press.",
	"Yaniv, I., Yates, J. F. & Smith, J. E. K. (1991). Measures of discrimination skill in probabilistic judgment. Psychological Bulletin 110(3), 611–617.",
	"Spiegelhalter, D. J. (1986). Probabilistic prediction in patient management and clinical trials. Statistics in Medicine 5(5), 421–433.",
	"Ehm, W., Gneiting, T., Jordan, A. & Krüger, F. (2016). Of quantiles and expectiles: consistent scoring functions, Choquet representations and forecast rankings. Journal of the Royal Statistical Society B 78(3), 505–562.",
	"Dimitriadis, T., Gneiting, T. & Jordan, A. I. (2021). Stable reliability diagrams for probabilistic classifiers. PNAS 118(8), e2016191118.",
	"Kent, S. (1964). Words of estimative probability. Studies in Intelligence 8(4).",
	"Office of the Director of National Intelligence (2015). Intelligence Community Directive 203: Analytic Standards.",
	"Mauboussin, A. & Mauboussin, M. J. (2018). If you say something is \"likely,\" how likely do people think it is? Harvard Business Review, 3 July 2018.",
	"Mandel, D. R. & Barnes, A. (2014). Accuracy of forecasts in strategic intelligence. PNAS 111(30), 10984–10989.",
	"Friedman, J. A., Baker, J. D., Mellers, B. A., Tetlock, P. E. & Zeckhauser, R. (2018). The value of precision in probability assessment: evidence from a large-scale geopolitical forecasting tournament. International Studies Quarterly 62(2), 410–422.",
	"Leka, K. D. et al. (2019). A comparison of flare forecasting methods. II. The Astrophysical Journal Supplement Series 243(2), 36. (The solar-flare forecasts in hindcast's tests.)",
	"Garver, J. W. (2016). China's Quest: The History of the Foreign Relations of the People's Republic of China. Oxford University Press.",
}
