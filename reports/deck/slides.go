package deck

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"
)

// SlideNames are the slides of a deck, in order.
var SlideNames = []string{"title", "data", "costs", "words", "reliability", "sensitivity", "others"}

// Build makes the deck of the datasets: seven slides for each, in turn,
// each titled with its takeaway (no slide mixes datasets). A chart the
// data cannot give (no words, no scored cases) is a text slide saying why.
func Build(ds []*Data) (*Deck, error) {
	size, err := figure.Preset("slide", 0)
	if err != nil {
		return nil, err
	}
	st := size.Style()
	var all []*forecasts.Dataset
	for _, d := range ds {
		all = append(all, d.Report.Datasets...)
	}
	dk := &Deck{Title: dataTitle(all)}
	for _, d := range ds {
		for _, make := range []func(*Data, *figure.ChartStyle) (*Slide, error){
			titleSlide, dataSlide, costsSlide, wordsSlide, reliabilitySlide, sensitivitySlide, othersSlide,
		} {
			s, err := make(d, st)
			if err != nil {
				return nil, err
			}
			s.Title = s.Chart.Title
			dk.Slides = append(dk.Slides, s)
		}
	}
	return dk, nil
}

// dataTitle is the title of the datasets: the one's title, or their
// names. A dataset of which only some records were chosen is named with
// how: its title may describe records left out.
func dataTitle(ds []*forecasts.Dataset) string {
	if len(ds) == 1 && ds[0].ChosenBy != "" {
		return fmt.Sprintf("%s: %d of its %d records (%s)", ds[0].Name, len(ds[0].Records), ds[0].Total, ds[0].ChosenBy)
	}
	if len(ds) == 1 && ds[0].Title != "" {
		return ds[0].Title
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	return "Forecasts of " + andList(names)
}

func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " and " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// capital starts s with a capital letter.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// forecasters lists who made the records, most records first, then by name.
func forecasters(recs []*forecasts.Record) []string {
	count := map[string]int{}
	var names []string
	for _, r := range recs {
		if count[r.Forecaster] == 0 {
			names = append(names, r.Forecaster)
		}
		count[r.Forecaster]++
	}
	slices.SortStableFunc(names, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	return names
}

// period is the years the records were issued in: "1978–1989".
func period(recs []*forecasts.Record) string {
	lo, hi := math.MaxInt, math.MinInt
	for _, r := range recs {
		if !r.Issued.IsZero() {
			lo, hi = min(lo, r.Issued.Year), max(hi, r.Issued.Year)
		}
	}
	switch {
	case lo > hi:
		return ""
	case lo == hi:
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// who is the forecasters in a phrase: "CPC intelligence community (4) and
// Deng Xiaoping (1)"; the first three, then how many more.
func who(recs []*forecasts.Record) string {
	names := forecasters(recs)
	count := map[string]int{}
	for _, r := range recs {
		count[r.Forecaster]++
	}
	var parts []string
	for i, n := range names {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more", len(names)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", n, count[n]))
	}
	return andList(parts)
}

func titleSlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	rep := d.Report
	sum := &rep.Score.Overall.Summary
	n := int(math.Round(sum.N))
	lead := fmt.Sprintf("%s scored, by %s", textout.CountWord(n, "forecast", "forecasts"), who(rep.Records))
	if p := period(rep.Records); p != "" {
		lead += ", issued " + p
	}
	blocks := []block{{text: capital(lead) + ".", size: leadSize, bold: true}}
	if len(rep.Records) > n {
		blocks = append(blocks, block{text: fmt.Sprintf("%d records chosen; %d not scored (unresolved or ambiguous).", len(rep.Records), len(rep.Records)-n), size: bodySize})
	}
	blocks = append(blocks, block{text: headline(sum), size: leadSize})
	blocks = append(blocks, block{text: "Each record: a judgment in words, the probability it was read as, and what happened. Scores: how far the probabilities were from the outcomes (Brier: 0 perfect, always saying 50% scores 0.25).", size: bodySize, muted: true})
	ch, moved := textSlide(st, dataTitle(rep.Datasets), blocks)
	say := []string{fmt.Sprintf("This lecture looks at %s.", lead)}
	for _, ds := range rep.Datasets {
		if ds.Description != "" {
			say = append(say, oneLine(ds.Description))
		}
	}
	return &Slide{Name: "title", Chart: ch, Say: say, Moved: moved}, nil
}

// headline is the figures of the title slide: the Brier score against
// always saying 50%, and how sure the judgments were against how many
// came true.
func headline(sum *analysis.Summary) string {
	o := sum.Overconfidence
	n := int(math.Round(sum.N))
	hits := int(math.Round(o.HitRate * sum.N))
	return fmt.Sprintf("Brier score %s, against 0.25 for always saying 50%%. The judgments were held at %s on average, and %d of %d came true.",
		textout.Num(sum.Brier), textout.Percent(math.Round(100*o.Confidence)/100), hits, n)
}

// selectionTakeaway says in a title how the records were chosen and what
// follows from it.
func selectionTakeaway(ds []*forecasts.Dataset, n int) string {
	var failed, notable bool
	for _, d := range ds {
		switch d.Selection {
		case forecasts.SelectChosenForFailure:
			failed = true
		case forecasts.SelectNotable, forecasts.SelectUnknown:
			notable = true
		}
	}
	records := textout.CountWord(n, "record", "records")
	switch {
	case failed && notable:
		return fmt.Sprintf("Chosen for failure or as notable: these %s show those cases, not the forecasters' skill", records)
	case failed:
		return fmt.Sprintf("Chosen for failure: these %s show those cases, not the forecasters' skill", records)
	case notable:
		return fmt.Sprintf("Not a random sample: what these %s show may not carry over", records)
	}
	return fmt.Sprintf("All or a random sample: these %s may speak for their forecasters", records)
}

func dataSlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	rep := d.Report
	var blocks []block
	var say []string
	// The caveats first: they are what must not be cut for room.
	for _, c := range charts.SelectionCaveats(rep.Datasets) {
		blocks = append(blocks, block{text: c, size: bodySize, bold: true})
	}
	for _, ds := range rep.Datasets {
		blocks = append(blocks, block{text: fmt.Sprintf("%s (%s): %s, selection: %s.", ds.Title, ds.Name,
			textout.CountWord(len(ds.Records), "record", "records"), ds.Selection), size: bodySize, bold: true})
		if ds.ChosenBy != "" {
			// The dataset's title and note may speak of records left out.
			blocks = append(blocks, block{text: fmt.Sprintf("Shown here: %d of its %d records (%s); the dataset's own description below covers all of them.",
				len(ds.Records), ds.Total, ds.ChosenBy), size: bodySize, bold: true})
		}
		if ds.SelectionNote != "" {
			blocks = append(blocks, block{text: oneLine(ds.SelectionNote), size: bodySize})
		}
	}
	ch, moved := textSlide(st, selectionTakeaway(rep.Datasets, len(rep.Records)), blocks)
	say = append(say, "Before any score: how were these records chosen? A set picked for its failures after the outcomes were known scores worse and looks more overconfident than its forecasters were; every figure that follows describes these cases.")
	for _, ds := range rep.Datasets {
		if ds.Citation != "" {
			say = append(say, "Source: "+oneLine(ds.Citation))
		}
	}
	return &Slide{Name: "data", Chart: ch, Say: say, Moved: moved}, nil
}

// numberWord is n in words up to ten, capitalised: "Two".
func numberWord(n int) string {
	return capital(strings.Fields(textout.CountWord(n, "x", "x"))[0])
}

// costliest are the scored cases that tie for the highest score.
func costliest(c *evaluate.ContributionsData) []evaluate.Contribution {
	var out []evaluate.Contribution
	for _, r := range c.Rows {
		if math.Abs(r.Score-c.Rows[0].Score) <= 1e-9 {
			out = append(out, r)
		}
	}
	return out
}

// sameJudgment is the shared event whose records are exactly ids, worded
// in opposite directions at the same probability; nil when none.
func sameJudgment(shared []evaluate.SharedEvent, ids []string) *evaluate.SharedEvent {
	for i, e := range shared {
		var got []string
		for _, r := range e.Records {
			got = append(got, r.ID)
		}
		if e.SameJudgment && len(got) == len(ids) && !slices.ContainsFunc(ids, func(id string) bool { return !slices.Contains(got, id) }) {
			return &shared[i]
		}
	}
	return nil
}

// CostsTakeaway says which cases cost most, ties named as ties.
func CostsTakeaway(c *evaluate.ContributionsData, shared []evaluate.SharedEvent) string {
	top := costliest(c)
	what := "Brier"
	if c.Log {
		what = "log score"
	}
	if len(top) == 1 {
		return fmt.Sprintf("%s cost most: %s %s, against a mean of %s", shortName(top[0].Name, 40), what, textout.Num(top[0].Score), textout.Num(c.Mean))
	}
	var names, ids []string
	for _, r := range top {
		names = append(names, shortName(r.Name, 24))
		ids = append(ids, r.ID)
	}
	if sameJudgment(shared, ids) != nil {
		return fmt.Sprintf("%s framings of one event cost most: %s, %s each", numberWord(len(top)), andList(names), textout.Num(top[0].Score))
	}
	return fmt.Sprintf("%s cases tie as costliest: %s, %s %s each", numberWord(len(top)), andList(names), what, textout.Num(top[0].Score))
}

func costsSlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	rep := d.Report
	c := rep.Contributions
	if c == nil {
		return missingSlide(st, "costs", "No case could be scored, so no case cost anything", rep.ChartErrors["contributions"])
	}
	title := CostsTakeaway(c, d.Shared)
	n := min(charts.DefaultContributionsTop, len(c.Rows))
	ch, err := charts.FitRows(n, func(k int) (*figure.Chart, error) {
		ch, err := charts.ContributionsChart(c, charts.ContributionsOptions{Style: st, Title: title, Top: k})
		if err != nil {
			return nil, err
		}
		if k < len(c.Rows) {
			ch.Remarks = append(ch.Remarks, charts.MoreRowsNote(k, len(c.Rows), "the less costly"))
		}
		charts.Decorate(ch, charts.Decoration{Datasets: rep.Datasets})
		if ch.Subtitle != "" { // for room: the rows matter more
			ch.Offstage = append(ch.Offstage, ch.Subtitle)
			ch.Subtitle = ""
		}
		return ch, nil
	})
	if err != nil {
		return nil, err
	}
	say := []string{
		fmt.Sprintf("Each bar is one case's Brier score, (P − outcome)²; the mean of all %d is %s, and always saying 50%% scores 0.25 on every case.", len(c.Rows), textout.Num(c.Mean)),
		"Colour says whether the forecast leaned the wrong way: P on the far side of 50% from what happened.",
	}
	for _, e := range d.Shared {
		say = append(say, textout.SharedEventSentence(e))
	}
	return &Slide{Name: "costs", Chart: ch, Say: say, Moved: ch.SpeakerNotes()}, nil
}

// WordsTakeaway says what the least certain phrase was read as: the
// records' phrase read with the widest interval.
func WordsTakeaway(w *evaluate.WordsData) string {
	best, n := widestPhrase(w)
	if best == nil {
		return "No phrase of the records was read as a number"
	}
	iv := best.Interval
	rng := fmt.Sprintf("%s–%s", strings.TrimSuffix(textout.Percent(iv.Low), "%"), textout.Percent(iv.High))
	if iv.Width() == 0 {
		rng = textout.Percent(iv.Point)
	}
	if best.Term != "" {
		return fmt.Sprintf("'%s' was read as %s's '%s', %s: the widest reading of the %s", best.Text, best.Scale, best.Term, rng, textout.CountWord(n, "phrase", "phrases"))
	}
	return fmt.Sprintf("'%s' was read as %s: the widest reading of the %s, on no scale", best.Text, rng, textout.CountWord(n, "phrase", "phrases"))
}

// widestPhrase is the records' phrase read with the widest interval, and
// how many phrases the records give.
func widestPhrase(w *evaluate.WordsData) (*evaluate.Phrase, int) {
	var best *evaluate.Phrase
	n := 0
	for i, p := range w.Phrases {
		if p.Given {
			continue
		}
		n++
		if best == nil || p.Interval.High-p.Interval.Low > best.Interval.High-best.Interval.Low+1e-12 {
			best = &w.Phrases[i]
		}
	}
	return best, n
}

func wordsSlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	if d.Words == nil {
		return missingSlide(st, "words", "The records give no phrases to read as numbers", nil)
	}
	title := WordsTakeaway(d.Words)
	// The phrase the title names is highlighted, and so always drawn,
	// however many phrases the slide has room for.
	var match *evaluate.WordMatch
	if best, _ := widestPhrase(d.Words); best != nil {
		match, _ = evaluate.MatchWord(best.Text, forecasts.BuiltinScales().All(), d.Words.Phrases)
	}
	ch, err := charts.WordsChart(d.Words, charts.WordsOptions{Style: st, Title: title, Highlight: match})
	if err != nil {
		return nil, err
	}
	charts.Decorate(ch, charts.Decoration{Datasets: d.Report.Datasets})
	say := []string{
		"Each row is a phrase the records report, with the probability the coder read it as and the interval around it, set beside the terms of published verbal probability scales.",
		"Ask the room first: what would you take this phrase to mean, as a number? The spread of their answers is the point of the slide.",
	}
	return &Slide{Name: "words", Chart: ch, Say: say, Moved: ch.SpeakerNotes()}, nil
}

// selectedForFailure reports whether any dataset was chosen for failure.
func selectedForFailure(ds []*forecasts.Dataset) bool {
	return slices.ContainsFunc(ds, func(d *forecasts.Dataset) bool { return d.Selection == forecasts.SelectChosenForFailure })
}

// ReliabilityTakeaway says what the reliability diagram can say: with
// few forecasts, or forecasts chosen for failure, that it cannot measure
// calibration; else how confident the judgments were against how many
// came true.
func ReliabilityTakeaway(sum *analysis.Summary, ds []*forecasts.Dataset) string {
	n := int(math.Round(sum.N))
	o := sum.Overconfidence
	hits := int(math.Round(o.HitRate * sum.N))
	conf := textout.Percent(math.Round(100*o.Confidence) / 100)
	if n < 30 || selectedForFailure(ds) {
		noun := textout.CountWord(n, "forecast", "forecasts")
		if hits == 0 {
			noun = textout.CountWord(n, "failure", "failures")
		}
		return fmt.Sprintf("%s cannot measure calibration: %d of %d came true, held at %s on average", capital(noun), hits, n, conf)
	}
	return fmt.Sprintf("Held at %s on average, %s came true: %s", conf, textout.Percent(math.Round(100*o.HitRate)/100), overUnder(o.Over))
}

func overUnder(over float64) string {
	pts := math.Round(100 * math.Abs(over))
	switch {
	case pts == 0:
		return "about as confident as the record warranted"
	case over > 0:
		return fmt.Sprintf("overconfident by %.0f points", pts)
	}
	return fmt.Sprintf("underconfident by %.0f points", pts)
}

func reliabilitySlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	rep := d.Report
	if rep.Reliability == nil {
		return missingSlide(st, "reliability", "No reliability diagram for these records", rep.ChartErrors["reliability"])
	}
	sum := &rep.Score.Overall.Summary
	title := ReliabilityTakeaway(sum, rep.Datasets)
	ch, err := charts.ReliabilityChart(rep.Reliability, charts.ReliabilityOptions{Style: st, Title: title})
	if err != nil {
		return nil, err
	}
	charts.Decorate(ch, charts.Decoration{Datasets: rep.Datasets})
	say := []string{
		"Forecasts are grouped by the probability given; each point is how often those events happened. A calibrated forecaster's points lie on the diagonal.",
		textout.OverconfidenceSentence(sum),
	}
	if selectedForFailure(rep.Datasets) {
		say = append(say, "These records were chosen because they went wrong, after the outcomes were known: the diagram describes those cases and cannot measure the forecasters' calibration.")
	}
	return &Slide{Name: "reliability", Chart: ch, Say: say, Moved: ch.SpeakerNotes()}, nil
}

// SensitivityTakeaway says in a line whether the verdict against always
// saying 50% holds under every scale and coding the words allow.
func SensitivityTakeaway(s *evaluate.SensitivityResult) string {
	if s.N == 0 || len(s.Scales) == 0 {
		return "No scored records: nothing depends on the words"
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	allWorse, allBetter := true, true
	for _, row := range s.Scales {
		lo, hi = min(lo, row.Brier.Min), max(hi, row.Brier.Max)
		allWorse = allWorse && row.Brier.Min > textout.HalfBrier
		allBetter = allBetter && row.Brier.Max < textout.HalfBrier
	}
	rng := fmt.Sprintf("Brier %s to %s", textout.Num(lo), textout.Num(hi))
	switch {
	case s.TermCoded == 0:
		return fmt.Sprintf("No forecast was a term on a scale: the words do not move the verdict (%s)", rng)
	case allWorse:
		return fmt.Sprintf("However the words are read, worse than always saying 50%%: %s against 0.25", rng)
	case allBetter:
		return fmt.Sprintf("However the words are read, better than always saying 50%%: %s against 0.25", rng)
	}
	return fmt.Sprintf("The verdict hangs on the words: %s over the scales and codings, against 0.25 for always 50%%", rng)
}

func sensitivitySlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	s := d.Report.Sensitivity
	title := SensitivityTakeaway(s)
	ch, err := charts.FitSensitivity(s, charts.SensitivityOptions{Style: st, Title: title, Score: charts.SensitivityBoth, ShowSampled: true},
		func(ch *figure.Chart) { charts.Decorate(ch, charts.Decoration{Datasets: d.Report.Datasets}) })
	if err != nil {
		return nil, err
	}
	say := textout.ReadSensitivity(s)
	return &Slide{Name: "sensitivity", Chart: ch, Say: say, Moved: append([]string{ch.Subtitle}, ch.SpeakerNotes()...)}, nil
}

// othersValue formats one study's value of a figure for the table.
func othersValue(v evaluate.OthersValue) string {
	switch {
	case !v.Reported:
		return "not reported"
	case v.Text != "":
		return v.Text
	case math.IsNaN(v.Value):
		return "–"
	}
	s := textout.Num(v.Value)
	if v.Value == math.Trunc(v.Value) && math.Abs(v.Value) >= 1 {
		s = thousands(int64(v.Value))
	}
	if v.Approximate {
		s = "≈" + s
	}
	if v.SecondHand {
		s += " (second-hand)"
	}
	if v.Caveat != "" {
		s += "*"
	}
	return s
}

// OthersTakeaway sets this data's Brier score beside the first study that
// reports one.
func OthersTakeaway(t *evaluate.OthersTable) string {
	i := slices.IndexFunc(t.Rows, func(r evaluate.OthersRow) bool { return r.Figure == "Brier score" })
	if i < 0 {
		return "How others did"
	}
	row := t.Rows[i]
	why := "different questions"
	if t.Selected {
		why += ", chosen differently"
	}
	for k := 1; k < len(row.Values); k++ {
		if v := row.Values[k]; v.Reported && !math.IsNaN(v.Value) {
			approx := ""
			if v.Approximate {
				approx = "≈"
			}
			if v.SecondHand {
				why = "reported second-hand; " + why
			}
			return fmt.Sprintf("Brier %s here against %s%s in %s (%s)", textout.Num(row.Values[0].Value), approx, textout.Num(v.Value), t.Studies[k].Name, why)
		}
	}
	return fmt.Sprintf("Brier %s here; the studies report none to set beside it", textout.Num(row.Values[0].Value))
}

func othersSlide(d *Data, st *figure.ChartStyle) (*Slide, error) {
	t := d.Others
	head := []string{"figure"}
	for _, s := range t.Studies {
		head = append(head, s.Name)
	}
	rows := [][]string{head}
	var caveats []string
	for _, r := range t.Rows {
		row := []string{r.Figure}
		for k, v := range r.Values {
			row = append(row, othersValue(v))
			if v.Caveat != "" {
				caveats = append(caveats, fmt.Sprintf("* %s, %s: %s.", r.Figure, t.Studies[k].Name, v.Caveat))
			}
		}
		if r.Figure == "discrimination index" {
			// It needs its caveats to be read at all: to the notes.
			caveats = append([]string{"Not on the slide: " + strings.Join(row, " | ")}, caveats...)
			continue
		}
		rows = append(rows, row)
	}
	cols := make([]float64, len(head))
	cols[0] = 0.22
	for i := 1; i < len(cols); i++ {
		cols[i] = 0.78 / float64(len(cols)-1)
	}
	blocks := []block{{rows: rows, cols: cols, size: bodySize}}
	if t.SelectionWarning != "" {
		blocks = append(blocks, block{text: t.SelectionWarning, size: bodySize, bold: true})
	}
	ch, moved := textSlide(st, OthersTakeaway(t), blocks)
	var say []string
	for _, s := range t.Studies[1:] {
		say = append(say, fmt.Sprintf("%s: %s. %s (%s)", s.Name, s.What, s.Finding, s.Source))
	}
	if t.SelectionWarning != "" {
		say = append(say, t.SelectionWarning)
	}
	for _, r := range t.Rows {
		say = append(say, fmt.Sprintf("%s: %s.", capital(r.Figure), r.Definition))
	}
	moved = append(moved, caveats...)
	return &Slide{Name: "others", Chart: ch, Say: say, Moved: moved}, nil
}

// thousands writes n with commas between thousands: 888,328.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// shortName cuts a name to about most characters, at a space, with an
// ellipsis: "Khmer Rouge will hold…".
func shortName(s string, most int) string {
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	cut := string(r[:most])
	if i := strings.LastIndex(cut, " "); i > most/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,:;(") + "…"
}

// missingSlide is a text slide for a chart the data cannot give.
func missingSlide(st *figure.ChartStyle, name, title string, err error) (*Slide, error) {
	why := "The records give nothing to draw."
	if err != nil {
		why = capital(err.Error()) + "."
	}
	ch, moved := textSlide(st, title, []block{{text: why, size: bodySize}})
	return &Slide{Name: name, Chart: ch, Say: []string{why}, Moved: moved}, nil
}
