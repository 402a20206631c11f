package page

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/textout"
)

// The plain sentences of the report's first screens, written from the
// values evaluate gives: the same words in HTML and Markdown.

// fact is one line of a first screen: a label (with the glossary entry
// it names, if any), its figure and a sentence.
type fact struct {
	Label string
	Term  string // glossary id of the label; "" for none
	Value string // the figure, formatted; "" for none
	Exact string // the figure in full, for a machine reader (HTML data value)
	Text  string
}

// headlineTitle names a first screen.
func headlineTitle(s *evaluate.ReportSection, h *evaluate.ReportHeadline) string {
	if h.Name == "" {
		return "All " + forecastsCount(h.N) + " of " + s.Name()
	}
	if len(s.GroupBy) == 1 && s.GroupBy[0] == "forecaster" {
		return h.Name
	}
	return strings.Join(s.GroupBy, "/") + ": " + h.Name
}

// sentence starts s with a capital letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// forecastsCount writes a number of forecasts: "one forecast", "5 forecasts".
func forecastsCount(n float64) string {
	if n == 1 {
		return "one forecast"
	}
	return textout.Count(n) + " forecasts"
}

// headlineFacts gives a first screen's lines: how many, who, how chosen
// (the whole section only), the Brier score against always 50%, the
// costliest forecasts, and the verdict on each verbal scale.
func headlineFacts(s *evaluate.ReportSection, h *evaluate.ReportHeadline) []fact {
	var out []fact
	n := forecastsCount(h.N) + " scored"
	if h.Excluded > 0 {
		n += fmt.Sprintf(", %d not scored (unresolved or ambiguous)", h.Excluded)
	}
	switch {
	case h.N == 1 && h.BaseRate == 1:
		n += "; the event happened"
	case h.N == 1:
		n += "; the event did not happen"
	case h.N > 0:
		n += fmt.Sprintf("; the event happened after %s of them (%s)", textout.Count(h.Yes), textout.Percent(h.BaseRate))
	}
	out = append(out, fact{Label: "Forecasts", Text: n + "."})
	if len(h.Who) > 0 && !(h.Name != "" && len(h.Who) == 1 && h.Who[0].Name == h.Name) {
		var who []string
		for i, w := range h.Who {
			if i == 6 {
				who = append(who, fmt.Sprintf("and %d others", len(h.Who)-i))
				break
			}
			who = append(who, fmt.Sprintf("%s (%d)", w.Name, w.N))
		}
		out = append(out, fact{Label: "Who", Text: strings.Join(who, ", ") + "."})
	}
	chosen := func() []fact {
		if h.Name != "" {
			return out
		}
		return append(out, fact{Label: "How chosen", Text: chosenText(s)})
	}
	if h.N == 0 {
		return chosen()
	}
	verdict := "about the same as"
	switch {
	case h.Brier > 0.25*1.02:
		verdict = "worse than"
	case h.Brier < 0.25*0.98:
		verdict = "better than"
	}
	out = append(out, fact{Label: "Brier score", Term: "brier", Value: textout.Num(h.Brier), Exact: strconv.FormatFloat(h.Brier, 'g', -1, 64),
		Text: fmt.Sprintf("against 0.25 for always saying 50%%: %s a coin flip (0 is perfect, lower is better).", verdict)})
	if o := overconfidenceFact(h); o != nil {
		out = append(out, *o)
	}
	if len(h.Costliest) > 0 {
		out = append(out, fact{Label: "Costliest", Text: costliestText(h.Costliest) + sharedEventText(s, h.Costliest)})
	}
	if len(h.Scales) > 0 {
		out = append(out, fact{Label: "On each verbal scale", Text: scalesText(h) + groupScaleNote(s, h)})
	}
	return chosen()
}

// chosenText says how a section's forecasts were chosen.
func chosenText(s *evaluate.ReportSection) string {
	if s.Dataset == nil {
		return "a flat table: it does not say how its rows were chosen, so the figures describe these rows."
	}
	d := s.Dataset
	sel := string(d.Selection)
	if sel != "" {
		sel = strings.ToUpper(sel[:1]) + sel[1:]
	}
	t := sel + "."
	if d.SelectionNote != "" {
		t += " " + strings.Join(strings.Fields(d.SelectionNote), " ")
	}
	return t
}

// caseName is how a first screen names a forecast.
func caseName(c evaluate.CostlyCase) string {
	if c.Name != "" {
		return c.Name
	}
	return c.ID
}

// whyCost says why a forecast cost what it did: the probability it gave
// the event (and, for a statement that the event would not happen, what
// the statement said), what happened, and the square.
func whyCost(c evaluate.CostlyCase) string {
	y := 0.0
	happened := "it did not happen"
	if c.Outcome == forecasts.Yes {
		y, happened = 1, "it happened"
	}
	gave := fmt.Sprintf("gave the event %s", textout.Percent(c.P))
	if c.Negated {
		gave = fmt.Sprintf("said %s that it would not happen (P(event) %s)", textout.Percent(1-c.P), textout.Percent(c.P))
	}
	return fmt.Sprintf("%s and %s: (%s − %g)² = %s", gave, happened, trimNum(c.P), y, textout.Num(c.Score))
}

// trimNum writes a probability with as few decimals as it needs, up to 4.
func trimNum(p float64) string {
	s := strconv.FormatFloat(p, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// costliestText names the costliest forecasts, ties as ties, and why
// they cost.
func costliestText(cs []evaluate.CostlyCase) string {
	if cs[0].ID == "" {
		// A flat table's forecast values.
		var parts []string
		for _, c := range cs {
			what := "did not happen"
			if c.Outcome == forecasts.Yes {
				what = "happened"
			}
			parts = append(parts, fmt.Sprintf("%s of %s whose event %s", forecastsCount(c.Count), textout.Percent(c.P), what))
		}
		if len(parts) == 1 {
			each := " each"
			if cs[0].Count == 1 {
				each = ""
			}
			return fmt.Sprintf("the %s, costing %s%s.", parts[0], textout.Num(cs[0].Score), each)
		}
		return fmt.Sprintf("the %s cost the same, %s each.", strings.Join(parts, " and the "), textout.Num(cs[0].Score))
	}
	if len(cs) == 1 {
		if caseName(cs[0]) == cs[0].ID {
			return fmt.Sprintf("%s: it %s.", cs[0].ID, whyCost(cs[0]))
		}
		return fmt.Sprintf("%s (%s): it %s.", caseName(cs[0]), cs[0].ID, whyCost(cs[0]))
	}
	var names, whys []string
	shown := cs
	if len(shown) > 4 {
		shown = shown[:4]
	}
	same := true
	for _, c := range shown {
		names = append(names, caseName(c))
		whys = append(whys, fmt.Sprintf("%s %s", caseName(c), whyCost(c)))
		same = same && whyCost(c) == whyCost(cs[0])
	}
	list := joinAnd(names)
	if len(cs) > len(shown) {
		list = strings.Join(names, ", ") + fmt.Sprintf(" and %d more", len(cs)-len(shown))
	}
	if same {
		// Tied for one reason: say it once.
		return fmt.Sprintf("%s cost the same, %s each: each %s.", list, textout.Num(cs[0].Score), whyCost(cs[0]))
	}
	return fmt.Sprintf("%s cost the same, %s each. %s.", list, textout.Num(cs[0].Score), strings.Join(whys, "; "))
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// scalesText gives the verdict against always 50% on each verbal scale,
// for exactly the forecasts of a headline.
func scalesText(h *evaluate.ReportHeadline) string {
	var parts []string
	worse, better := 0, 0
	for _, row := range h.Scales {
		v := textout.Verdict(row.Brier)
		switch v {
		case "always worse":
			worse++
		case "always better":
			better++
		}
		parts = append(parts, fmt.Sprintf("%s %s (%s)", row.Scale, textout.Num(row.Brier.Point), v))
	}
	lead := "the verdict against always saying 50% depends on the scale or the coding"
	switch {
	case worse == len(h.Scales):
		lead = "worse than always saying 50% on every scale and under every coding the words allow"
	case better == len(h.Scales):
		lead = "better than always saying 50% on every scale and under every coding the words allow"
	}
	words := fmt.Sprintf("%d of these forecasts are words", h.TermCoded)
	if h.TermCoded == 1 {
		words = "one of these forecasts is words"
	}
	return fmt.Sprintf("%s: %s. Brier score on each: %s.", words, lead, strings.Join(parts, "; "))
}

// byGroupIntro opens a section's table by group: how many forecasts the
// groups have, and what that lets them say.
func byGroupIntro(s *evaluate.ReportSection) string {
	what := "forecaster"
	if len(s.GroupBy) > 0 {
		what = strings.Join(s.GroupBy, "/")
	}
	lo, hi := math.Inf(1), 0.0
	for _, g := range s.ByGroup.Groups {
		lo, hi = min(lo, g.Summary.N), max(hi, g.Summary.N)
	}
	each := textout.Count(lo)
	if hi > lo {
		each = textout.Count(lo) + " to " + textout.Count(hi)
	}
	t := fmt.Sprintf("The same figures for each %s of %s (%d groups), with %s forecasts each.", what, s.Name(), len(s.ByGroup.Groups), each)
	switch {
	case hi < 30:
		t += " So few make these stories, not statistics."
	case lo < 30:
		t += " Groups of fewer than 30 give fragile figures."
	}
	return t
}

// reconcileText says why Murphy's reliability and CORP's miscalibration
// differ on these forecasts, and which to quote.
func reconcileText(s *evaluate.ReportSection) string {
	g := &s.Score.Overall
	m := s.Score.Murphy(g)
	c := g.Summary.CORP
	if g.Summary.N == 0 || math.IsNaN(c.Miscalibration) {
		return ""
	}
	bins := fmt.Sprintf("%d equal-width bins", s.Score.Bins)
	return fmt.Sprintf("Murphy's reliability here is %s and CORP's miscalibration %s. They differ because reliability compares each bin's mean forecast (over %s) with the share of events in that bin — with one or two forecasts in a bin that share is 0%% or 100%% — while CORP compares the forecasts with their PAV recalibration, which pools neighbouring values until the share of events never falls as the forecast rises. With few forecasts quote CORP's miscalibration: it needs no choice of bins and does not count noise in tiny bins as miscalibration.",
		textout.Num(m.Reliability), textout.Num(c.Miscalibration), bins)
}

// sensitivityReading is textout's plain reading of the sensitivity,
// with the record whose coding matters most named by its P(event), not
// by the statement's own estimate (which, for a statement that the event
// would not happen, is the other side's probability).
func sensitivityReading(s *evaluate.ReportSection) []string {
	lines := textout.ReadSensitivity(s.Sensitivity)
	if len(s.Sensitivity.Records) == 0 {
		return lines
	}
	r := s.Sensitivity.Records[0]
	prefix := "The coding of " + r.ID + " ("
	for i, l := range lines {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		var iv forecasts.Interval
		for _, c := range r.Codings {
			if c.Scale == evaluate.AsCoded {
				iv = c.PEvent
			}
		}
		said := ""
		if r.Negated {
			said = ", of a statement that it would not happen"
		}
		lines[i] = fmt.Sprintf("The coding of %s (P(event) %s as coded, from %s%s) matters most: across the scales' intervals it alone can move the mean Brier score by %s.",
			r.ID, textout.IntervalText(iv), r.Estimate, said, textout.Num(r.Swing))
	}
	return lines
}

// cardSummary is a case card's one line: what was said, P(event), the
// outcome and the Brier contribution.
func cardSummary(s *Section, rec *forecasts.Record) string {
	line := cardLine(s, rec)
	if len(rec.Conflicts) > 0 { // open the card for what the other reading would do
		line += " · sources conflict"
	}
	return line
}

func cardLine(s *Section, rec *forecasts.Record) string {
	p, ok := s.Coded[rec.ID]
	said := rec.Estimate.String()
	if rec.Negated {
		said += ", that it would not happen"
	}
	if !ok {
		return fmt.Sprintf("said %s · P(event) %s · %s, not scored", said, textout.IntervalText(rec.Event), rec.Outcome)
	}
	b, ok := s.cost[rec.ID]
	if !ok {
		return fmt.Sprintf("said %s · P(event) %s · outcome %s", said, textout.Percent(p), rec.Outcome)
	}
	return fmt.Sprintf("said %s · P(event) %s · outcome %s · Brier %s", said, textout.Percent(p), rec.Outcome, textout.Num(b))
}

// isTest names the explained figures that are tests of calibration: on a
// set not sampled they go to the appendix.
func isTest(figure string) bool { return figure == "Spiegelhalter z" }

// testQualifier says what a calibration test can say of a section's set.
func testQualifier(s *evaluate.ReportSection) string {
	if s.Dataset == nil {
		return ""
	}
	switch s.Dataset.Selection {
	case forecasts.SelectChosenForFailure:
		return "On a set chosen for failure this test says nothing about the analysts in general: the forecasts were picked because they went wrong."
	case forecasts.SelectNotable:
		return "On a set chosen because it is notable, not drawn at random, this test says nothing about the analysts in general."
	}
	return "How these forecasts were chosen is not known, so this test says nothing about the analysts in general."
}

// groupScaleNote says, on a group's first screen, which scale is kindest
// and which harshest to exactly its forecasts when that differs from the
// whole section's: the section's verdict on a scale need not be the
// group's (Kent kinder than ICD 203 for the four CPC assessments, but not
// for all five records with Deng's).
func groupScaleNote(s *evaluate.ReportSection, h *evaluate.ReportHeadline) string {
	if h.Name == "" {
		return ""
	}
	kindHarsh := func(rows []evaluate.ScaleSensitivity) (kind, harsh string, ok bool) {
		var k, hr *evaluate.ScaleSensitivity
		for i, r := range rows {
			if r.Scale == evaluate.AsCoded {
				continue
			}
			if k == nil || r.Brier.Point < k.Brier.Point {
				k = &rows[i]
			}
			if hr == nil || r.Brier.Point > hr.Brier.Point {
				hr = &rows[i]
			}
		}
		if k == nil || k.Brier.Point >= hr.Brier.Point {
			return "", "", false
		}
		return k.Scale, hr.Scale, true
	}
	kind, harsh, ok := kindHarsh(h.Scales)
	allKind, allHarsh, allOK := kindHarsh(s.Headline.Scales)
	if !ok || !allOK || (kind == allKind && harsh == allHarsh) {
		return ""
	}
	return fmt.Sprintf(" Kindest here %s, harshest %s; for all %s together %s and %s: the order of the scales depends on the forecasts.",
		kind, harsh, forecastsCount(s.Headline.N), allKind, allHarsh)
}
