package analysis

// Overconfidence compares how sure a set of judgments was with how often
// they came true, the way studies of judgment measure it (Lichtenstein &
// Fischhoff 1977; Lichtenstein, Fischhoff & Phillips 1982). A forecast P of
// an event is read as a judgment on the side it leans: "the event will
// happen" with confidence P when P > 0.5, "it will not" with confidence
// 1 − P when P < 0.5. So
//
//	Confidence = mean of max(P, 1 − P)            (between 0.5 and 1)
//	HitRate    = share of judgments that came true
//	Over       = Confidence − HitRate              (> 0: overconfident)
//
// A forecast of exactly 50% leans neither way: its confidence is 0.5 and it
// counts as half a hit, what a coin would score, so it adds nothing to Over
// on average. Unlike calibration in the large (mean forecast − base rate),
// Over does not change sign when a question is reworded to its negation:
// "will hold" at 93% and "will fall" at 7% are the same judgment, with the
// same confidence and the same hit or miss.
type Overconfidence struct {
	Confidence float64
	HitRate    float64
	Over       float64
}

// OverconfidenceOf returns the overconfidence of the forecasts in t; every
// figure is NaN for an empty table.
func OverconfidenceOf(t Table) Overconfidence {
	var n, conf, hits float64
	for _, c := range t.Cells {
		n += c.N
		conf += c.N * confidence(c.P)
		hits += hitsOf(c)
	}
	o := Overconfidence{Confidence: conf / n, HitRate: hits / n}
	o.Over = o.Confidence - o.HitRate
	return o
}

// confidence is the probability given to the side the forecast leans to.
func confidence(p float64) float64 {
	if p < 0.5 {
		return 1 - p
	}
	return p
}

// hitsOf is the weight of the forecasts of c whose judgment came true:
// the events for P > 0.5, the non-events for P < 0.5, half of all at 0.5.
func hitsOf(c Cell) float64 {
	switch {
	case c.P > 0.5:
		return c.Yes
	case c.P < 0.5:
		return c.N - c.Yes
	}
	return c.N / 2
}
