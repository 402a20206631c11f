package textout

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

type sensitivityJSON struct {
	Datasets         []string                `json:"datasets"`
	ChosenForFailure []string                `json:"chosen_for_failure,omitempty"`
	N                int                     `json:"n"`
	TermCoded        int                     `json:"term_coded"`
	Excluded         []string                `json:"excluded,omitempty"`
	Samples          int                     `json:"samples"`
	SamplesAsked     int                     `json:"samples_asked,omitempty"`
	Seed             uint64                  `json:"seed"`
	Scales           []scaleSensitivityJSON  `json:"scales"`
	Readers          readersJSON             `json:"readers"`
	Records          []recordSensitivityJSON `json:"records"`
	Reading          []string                `json:"reading"`
	Provenance       *provenance.Provenance  `json:"provenance,omitempty"`
}

type scaleSensitivityJSON struct {
	Scale          string   `json:"scale"`
	Translated     int      `json:"translated"`
	NoCounterpart  []string `json:"no_counterpart,omitempty"`
	Brier          spanJSON `json:"brier"`
	Log            spanJSON `json:"log_score"`
	Reliability    spanJSON `json:"reliability"`
	Miscalibration spanJSON `json:"miscalibration"`
	Discrimination spanJSON `json:"discrimination"`
	AUC            spanJSON `json:"auc"`
}

type spanJSON struct {
	Point   jsonFloat `json:"point"`
	Min     jsonFloat `json:"min"`
	Max     jsonFloat `json:"max"`
	Exact   bool      `json:"exact"`
	Samples int       `json:"samples,omitempty"`
}

func spanOf(s analysis.Span) spanJSON {
	return spanJSON{Point: jsonFloat(s.Point), Min: jsonFloat(s.Min), Max: jsonFloat(s.Max), Exact: s.Exact, Samples: s.Samples}
}

// readersJSON writes the scores as [25th, median, 75th]; an infinite log
// score is null.
type readersJSON struct {
	Scale         string       `json:"scale"`
	NoCounterpart []string     `json:"no_counterpart,omitempty"`
	Brier         [3]jsonFloat `json:"brier"`
	Log           [3]jsonFloat `json:"log_score"`
}

type recordSensitivityJSON struct {
	ID       string             `json:"id"`
	Outcome  string             `json:"outcome"`
	Estimate string             `json:"estimate"`
	Negated  bool               `json:"negated"`
	Codings  []recordCodingJSON `json:"codings"`
	Swing    float64            `json:"swing"`
}

type recordCodingJSON struct {
	Scale   string             `json:"scale"`
	Term    string             `json:"term,omitempty"`
	PEvent  forecasts.Interval `json:"p_event"`
	Missing bool               `json:"no_counterpart,omitempty"`
}

// WriteSensitivityJSON writes the documented JSON shape of `hindcast
// sensitivity`: the spans as {point, min, max, exact, samples}, an
// infinite log score as null, and the reading in plain sentences.
func WriteSensitivityJSON(w io.Writer, s *evaluate.SensitivityResult) error {
	out := sensitivityJSON{
		Datasets: s.Datasets, ChosenForFailure: s.ChosenForFailure, N: s.N, TermCoded: s.TermCoded,
		Excluded: s.Excluded, Samples: s.Samples, SamplesAsked: s.SamplesAsked, Seed: s.Seed, Reading: ReadSensitivity(s),
		Provenance: s.Provenance,
	}
	// Empty lists stay empty ([]) and missing ones missing (null), as given.
	if s.Scales != nil {
		out.Scales = make([]scaleSensitivityJSON, 0, len(s.Scales))
	}
	if s.Records != nil {
		out.Records = make([]recordSensitivityJSON, 0, len(s.Records))
	}
	for _, row := range s.Scales {
		out.Scales = append(out.Scales, scaleSensitivityJSON{
			Scale: row.Scale, Translated: row.Translated, NoCounterpart: row.NoCounterpart,
			Brier: spanOf(row.Brier), Log: spanOf(row.Log), Reliability: spanOf(row.Reliability),
			Miscalibration: spanOf(row.Miscalibration), Discrimination: spanOf(row.Discrimination), AUC: spanOf(row.AUC),
		})
	}
	three := func(x [3]float64) [3]jsonFloat {
		return [3]jsonFloat{jsonFloat(x[0]), jsonFloat(x[1]), jsonFloat(x[2])}
	}
	rv := s.Readers
	out.Readers = readersJSON{Scale: rv.Scale, NoCounterpart: rv.NoCounterpart, Brier: three(rv.Brier), Log: three(rv.Log)}
	for _, r := range s.Records {
		rj := recordSensitivityJSON{ID: r.ID, Outcome: r.Outcome, Estimate: r.Estimate, Negated: r.Negated, Swing: r.Swing}
		if r.Codings != nil {
			rj.Codings = make([]recordCodingJSON, 0, len(r.Codings))
		}
		for _, c := range r.Codings {
			rj.Codings = append(rj.Codings, recordCodingJSON{Scale: c.Scale, Term: c.Term, PEvent: c.PEvent, Missing: c.Missing})
		}
		out.Records = append(out.Records, rj)
	}
	return WriteJSON(w, out)
}

// halfBrier is the Brier score of always saying 50%.
const HalfBrier = 0.25

// verdict says where a Brier span lies against always saying 50%.
func Verdict(s analysis.Span) string {
	switch {
	case s.Max < HalfBrier:
		return "always better"
	case s.Min > HalfBrier:
		return "always worse"
	case s.Point < HalfBrier:
		return "better at point"
	case s.Point > HalfBrier:
		return "worse at point"
	}
	return "equal at point"
}

// ReadSensitivity reads the result out in plain sentences, computed from
// the numbers: whether the verdict against always saying 50% holds under
// every scale and coding, flips between scales, or hangs on the coding.
func ReadSensitivity(s *evaluate.SensitivityResult) []string {
	var out []string
	if s.N == 0 {
		return []string{"There are no scored records, so there is nothing to compare."}
	}
	what := fmt.Sprintf("these %d forecasts", s.N)
	if s.N == 1 {
		what = "this forecast"
	}
	if s.TermCoded == 0 {
		out = append(out, fmt.Sprintf("None of %s is coded as a word on a scale, so the scale makes no difference.", what))
	}
	var scales []evaluate.ScaleSensitivity
	for _, row := range s.Scales {
		if row.Scale != evaluate.AsCoded {
			scales = append(scales, row)
		}
	}
	if len(scales) == 0 {
		return out
	}
	var better, worse []string
	for _, row := range scales {
		if row.Brier.Point < HalfBrier {
			better = append(better, row.Scale)
		} else {
			worse = append(worse, row.Scale)
		}
	}
	// The verdict and its range cover the coding as given too, whose terms
	// may sit on several scales.
	allWorse, allBetter := true, true
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range s.Scales {
		lo, hi = min(lo, row.Brier.Min), max(hi, row.Brier.Max)
		allWorse = allWorse && row.Brier.Min > HalfBrier
		allBetter = allBetter && row.Brier.Max < HalfBrier
	}
	switch {
	case allWorse:
		out = append(out, fmt.Sprintf("As coded and under every scale, and under every coding the terms' intervals allow, %s score worse than a forecaster who always said 50%%: their Brier score is between %.3f and %.3f, and always saying 50%% scores 0.25.", what, lo, hi))
	case allBetter:
		out = append(out, fmt.Sprintf("As coded and under every scale, and under every coding the terms' intervals allow, %s score better than a forecaster who always said 50%%: their Brier score is between %.3f and %.3f, against 0.25.", what, lo, hi))
	case len(better) > 0 && len(worse) > 0:
		out = append(out, fmt.Sprintf("The verdict depends on the scale: at the point codings %s beat always saying 50%% under %s, but not under %s.", what, strings.Join(better, ", "), strings.Join(worse, ", ")))
	case len(better) > 0:
		out = append(out, fmt.Sprintf("At the point codings %s beat always saying 50%% under every scale, but some codings within the terms' intervals would not (Brier up to %.3f, against 0.25).", what, hi))
	default:
		out = append(out, fmt.Sprintf("At the point codings %s score worse than always saying 50%% under every scale, but some codings within the terms' intervals would beat it (Brier down to %.3f, against 0.25).", what, lo))
	}
	// The spread the choice of scale makes at the point codings.
	pmin, pmax := math.Inf(1), math.Inf(-1)
	var at, bt string
	for _, row := range scales {
		if row.Brier.Point < pmin {
			pmin, at = row.Brier.Point, row.Scale
		}
		if row.Brier.Point > pmax {
			pmax, bt = row.Brier.Point, row.Scale
		}
	}
	if len(scales) > 1 && pmax > pmin {
		out = append(out, fmt.Sprintf("The choice of scale alone moves the Brier score from %.3f (%s) to %.3f (%s).", pmin, at, pmax, bt))
	}
	var inf []string
	for _, row := range scales {
		if math.IsInf(row.Log.Max, 1) {
			inf = append(inf, row.Scale)
		}
	}
	if len(inf) > 0 {
		out = append(out, fmt.Sprintf("Under %s a term's interval reaches certainty (0%% or 100%%), so a coding there that turned out wrong makes the log score infinite.", strings.Join(inf, ", ")))
	}
	if len(s.Records) > 0 && s.Records[0].Swing > 0 {
		r := s.Records[0]
		out = append(out, fmt.Sprintf("The coding of %s (%s) matters most: across the scales' intervals it alone can move the mean Brier score by %.3f.", r.ID, r.Estimate, r.Swing))
	}
	rv := s.Readers
	out = append(out, fmt.Sprintf("Read as the survey's readers read the words, the Brier score would be %.3f at their median reading, and %.3f to %.3f between their 25th and 75th percentiles.", rv.Brier[1], min(rv.Brier[0], rv.Brier[2]), max(rv.Brier[0], rv.Brier[2])))
	if len(s.ChosenForFailure) > 0 {
		out = append(out, fmt.Sprintf("%s was chosen for its failures: these ranges show how much the coding matters, not how good the forecasters were.", strings.Join(s.ChosenForFailure, ", ")))
	}
	return out
}

func SpanText(s analysis.Span) string {
	if math.IsNaN(s.Min) {
		return "–"
	}
	return Num(s.Min) + " – " + Num(s.Max)
}

// WriteSensitivityTable writes the sensitivity as text for an 80-column terminal.
func WriteSensitivityTable(w io.Writer, s *evaluate.SensitivityResult) error {
	var b strings.Builder
	head := fmt.Sprintf("%s (%s), %d coded as words; P(event) anywhere in each term's interval.", countNoun(s.N, "forecast", "forecasts"), terminalText(strings.Join(s.Datasets, ", ")), s.TermCoded)
	b.WriteString(strings.Join(wrap(head, 78), "\n") + "\n")
	if len(s.Excluded) > 0 {
		fmt.Fprintf(&b, "not scored: %s\n", terminalText(strings.Join(s.Excluded, ", ")))
	}
	b.WriteString("\nScores at the point coding and over every coding (exact ranges):\n\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCALE\tBRIER\tRANGE\tLOG\tRANGE\tVS ALWAYS 50%")
	for _, row := range s.Scales {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", terminalText(row.Scale), Num(row.Brier.Point), SpanText(row.Brier), Num(row.Log.Point), SpanText(row.Log), Verdict(row.Brier))
	}
	rv := s.Readers
	fmt.Fprintf(tw, "readers 25%%\t%s\t\t%s\t\t\n", Num(rv.Brier[0]), Num(rv.Log[0]))
	fmt.Fprintf(tw, "readers median\t%s\t\t%s\t\t\n", Num(rv.Brier[1]), Num(rv.Log[1]))
	fmt.Fprintf(tw, "readers 75%%\t%s\t\t%s\t\t\n", Num(rv.Brier[2]), Num(rv.Log[2]))
	tw.Flush()
	fmt.Fprintf(&b, "\nOther figures over %d codings, %d random and 4 at corners of the intervals\n(the true ranges may be wider):\n", s.Samples+4, s.Samples)
	if s.SamplesAsked > s.Samples {
		fmt.Fprintf(&b, "%d random codings were asked; with %d records %d keep the work within\n%d forecasts coded per scale.\n", s.SamplesAsked, s.N, s.Samples, evaluate.SampleBudget)
	}
	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCALE\tRELIABILITY\tMISCALIBRATION\tDISCRIMINATION\tAUC")
	narrow := func(s analysis.Span) string { return strings.ReplaceAll(SpanText(s), " – ", "–") }
	for _, row := range s.Scales {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", terminalText(row.Scale), narrow(row.Reliability), narrow(row.Miscalibration), narrow(row.Discrimination), narrow(row.AUC))
	}
	tw.Flush()
	b.WriteString("\nP(event) of each record under each scale, largest swing first (SWING: how far\nits coding alone can move the mean Brier score):\n\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 1, ' ', 0)
	header := []string{"ID"}
	for _, row := range s.Scales {
		header = append(header, terminalText(shortScale(row.Scale)))
	}
	fmt.Fprintln(tw, strings.Join(append(header, "OUT", "SWING"), "\t"))
	for _, r := range s.Records {
		cells := []string{truncate(terminalText(r.ID), 28)}
		for _, c := range r.Codings {
			mark := ""
			if c.Missing {
				mark = "*"
			}
			cells = append(cells, strings.TrimSuffix(Percent(c.PEvent.Point), "%")+mark)
		}
		fmt.Fprintln(tw, strings.Join(append(cells, terminalText(r.Outcome), Num(r.Swing)), "\t"))
	}
	tw.Flush()
	var missing []string
	for _, row := range s.Scales {
		if len(row.NoCounterpart) > 0 {
			missing = append(missing, terminalText(fmt.Sprintf("%s (%s)", row.Scale, strings.Join(row.NoCounterpart, ", "))))
		}
	}
	if len(missing) > 0 {
		b.WriteString("\n" + strings.Join(wrap("* no term at that level on the scale; kept as coded: "+strings.Join(missing, "; "), 78), "\n  ") + "\n")
	}
	b.WriteString("\nReading:\n")
	for _, line := range ReadSensitivity(s) {
		fmt.Fprintf(&b, "- %s\n", strings.Join(wrap(terminalText(line), 76), "\n  "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shortScale abbreviates a scale's name for a narrow column.
func shortScale(name string) string {
	switch name {
	case evaluate.AsCoded:
		return "CODED"
	case "kent-1964":
		return "KENT"
	case "icd-203":
		return "ICD"
	case "uk-phia":
		return "PHIA"
	case "mauboussin-2018":
		return "SURVEY"
	}
	return strings.ToUpper(truncate(name, 8))
}

// WriteSensitivityMarkdown writes the sensitivity as Markdown.
func WriteSensitivityMarkdown(w io.Writer, s *evaluate.SensitivityResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s), %d coded as words.\n\n", countNoun(s.N, "forecast", "forecasts"), mdEscape(strings.Join(s.Datasets, ", ")), s.TermCoded)
	b.WriteString("| scale | Brier | range | log score | range | against always 50% |\n|---|---:|---|---:|---|---|\n")
	for _, row := range s.Scales {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdEscape(row.Scale), Num(row.Brier.Point), SpanText(row.Brier), Num(row.Log.Point), SpanText(row.Log), Verdict(row.Brier))
	}
	rv := s.Readers
	for i, q := range []string{"readers' 25th percentile", "readers' median", "readers' 75th percentile"} {
		fmt.Fprintf(&b, "| %s | %s | | %s | | |\n", q, Num(rv.Brier[i]), Num(rv.Log[i]))
	}
	b.WriteString("\n")
	for _, line := range ReadSensitivity(s) {
		fmt.Fprintf(&b, "- %s\n", mdEscape(line))
	}
	writeProvenanceMarkdown(&b, s.Provenance)
	_, err := io.WriteString(w, b.String())
	return err
}
