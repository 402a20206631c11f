package deck

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/printdoc"
	"github.com/hindcast/hindcast/reports/textout"
)

// The handout is text set in Liberation Sans (compiled into the binary,
// as the worksheet's), wrapped to the page, then the charts at the
// handout size, two a page, placed wherever one fits so that no page is
// left half empty, then the case cards. Its dates are fixed, so the same
// data gives the same bytes.

// Papers lists the paper sizes of the handout.
var Papers = []string{"letter", "a4"}

// CaseCards lists which case cards the handout has: none, the chosen
// (the costliest cases and those of a shared event) or all.
var CaseCards = []string{"none", "chosen", "all"}

// HandoutOptions are the choices of the handout.
type HandoutOptions struct {
	Paper string // letter (the default, for "") or a4
	Cases string // none, chosen (the default, for "") or all
}

// Page geometry, in millimetres.
const (
	margin   = 19.05 // 0.75 in
	lineGap  = 1.3   // line height as a multiple of the font size
	ptToMM   = 25.4 / 72
	chartW   = 6.5 * 25.4
	chartH   = 4.5 * 25.4
	chartGap = 4.0
	chartDPI = 300 // of the charts' PNGs in the handout: print
)

// Handout renders the handout of the data as a PDF to print.
func Handout(ds []*Data, opts HandoutOptions) ([]byte, error) {
	paper := "Letter"
	switch opts.Paper {
	case "", "letter":
	case "a4":
		paper = "A4"
	default:
		return nil, fmt.Errorf("paper %q: use %s", opts.Paper, strings.Join(Papers, " or "))
	}
	if opts.Cases != "" && !slices.Contains(CaseCards, opts.Cases) {
		return nil, fmt.Errorf("cases %q: use %s", opts.Cases, strings.Join(CaseCards, ", "))
	}
	var all []*forecasts.Dataset
	for _, d := range ds {
		all = append(all, d.Report.Datasets...)
	}
	title := "Handout: " + dataTitle(all)
	doc, err := printdoc.New(printdoc.Options{Paper: paper, Title: title, Creator: "hindcast report --format pdf",
		Footer: dataTitle(all), Margin: margin, FooterY: 7})
	if err != nil {
		return nil, err
	}
	width, pageH := doc.GetPageSize()
	textW := width - 2*margin
	bottom := pageH - margin

	para := func(style string, size float64, text string) {
		doc.SetFont("sans", style, size)
		doc.MultiCell(textW, size*ptToMM*lineGap, text, "", "L", false)
	}
	// lead sets a bold lead-in and the rest of a paragraph after it.
	lead := func(size float64, head, text string) {
		doc.SetFont("sans", "B", size)
		h := size * ptToMM * lineGap
		doc.Write(h, head+" ")
		doc.SetFont("sans", "", size)
		doc.Write(h, text)
		doc.Ln(h)
	}
	heading := func(text string) {
		if doc.GetY()+25 > bottom { // a heading never ends a page
			doc.AddPage()
		}
		doc.Ln(2)
		para("B", 13, text)
		doc.Ln(1)
	}

	para("B", 17, title)
	doc.Ln(1)
	for k, d := range ds {
		rep := d.Report
		if len(ds) > 1 {
			if k > 0 {
				doc.AddPage()
			}
			para("B", 15, rep.Datasets[0].Title)
			doc.Ln(1)
		}
		sum := &rep.Score.Overall.Summary
		n := int(math.Round(sum.N))
		para("", 10, fmt.Sprintf("%s scored, by %s%s. Made by hindcast %s; the same data gives the same handout.",
			capital(textout.CountWord(n, "forecast", "forecasts")), who(rep.Records), issuedIn(rep.Records), rep.Version))

		heading("The data and how it was chosen")
		for _, ds := range rep.Datasets {
			lead(10, fmt.Sprintf("%s (%s):", ds.Title, ds.Name), fmt.Sprintf("%s, by %s%s. Selection: %s.",
				textout.CountWord(len(ds.Records), "record", "records"), who(ds.Records), issuedIn(ds.Records), ds.Selection))
			if ds.SelectionNote != "" {
				para("", 10, oneLine(ds.SelectionNote))
			}
			doc.Ln(1)
		}
		for _, c := range charts.SelectionCaveats(rep.Datasets) {
			para("B", 10.5, c)
		}

		heading("In brief")
		for _, s := range brief(d) {
			lead(10, "•", s)
			doc.Ln(0.8)
		}

		heading("The scores, explained")
		for _, e := range textout.Explain(rep.Score, &rep.Score.Overall) {
			if rep.NotASample() && strings.HasPrefix(e.Figure, "Spiegelhalter") {
				e.Sentence += " No verdict here: the test assumes a fair sample of the forecasts, and these records were not drawn as one."
			}
			lead(9.5, fmt.Sprintf("%s: %s.", capital(e.Figure), e.Value), e.Sentence)
			doc.Ln(0.6)
		}

		// The charts, two a page, each where it fits; the case cards fill
		// the room a chart leaves at the foot of a page, and follow them.
		chs, err := handoutCharts(d)
		if err != nil {
			return nil, err
		}
		cards := cardRecords(d, opts.Cases)
		headed := false
		placeCards := func(room func() float64) {
			for len(cards) > 0 && cardNeed(doc, cards[0], rep.Coded)+cardHeading(headed) <= room() {
				if !headed {
					heading("The cases")
					headed = true
				}
				card(doc, cards[0], rep.Coded, para, lead, bottom)
				cards = cards[1:]
			}
		}
		for i, ch := range chs {
			var buf bytes.Buffer
			if err := ch.Write(&buf, figure.PNG); err != nil {
				return nil, err
			}
			if doc.GetY()+chartGap+chartH > bottom {
				placeCards(func() float64 { return bottom - doc.GetY() })
				doc.AddPage()
			} else {
				doc.Ln(chartGap)
			}
			img, w, err := widen(buf.Bytes(), i)
			if err != nil {
				return nil, err
			}
			name := fmt.Sprintf("chart-%02d.png", i+1)
			opt := fpdf.ImageOptions{ImageType: "png"}
			doc.RegisterImageOptionsReader(name, opt, bytes.NewReader(img))
			doc.ImageOptions(name, margin+(textW-chartW)/2, doc.GetY(), chartW*w, chartH, false, opt, 0, "")
			doc.SetY(doc.GetY() + chartH)
		}
		if len(cards) > 0 {
			doc.Ln(chartGap)
			placeCards(func() float64 { return math.Inf(1) })
		}
	}
	if err := doc.Error(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := doc.Output(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// widen adds k white columns of pixels on the right of a PNG, and says
// how much wider it is (a factor). The PDF library writes images in the
// order of their widths and, among images of one width, in the random
// order of a Go map: charts of one size each a pixel wider than the last
// come out in the same order on every run, so the same data gives the
// same bytes. The columns fall in the chart's white margin.
func widen(data []byte, k int) ([]byte, float64, error) {
	if k == 0 {
		return data, 1, nil
	}
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, err
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()+k, b.Dy()))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, b.Sub(b.Min), src, b.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, 0, err
	}
	return out.Bytes(), float64(b.Dx()+k) / float64(b.Dx()), nil
}

func issuedIn(recs []*forecasts.Record) string {
	if p := period(recs); p != "" {
		return ", issued " + p
	}
	return ""
}

// brief are the handout's summary sentences: the Brier score against
// always saying 50%, overconfidence, the costliest cases with ties named,
// the shared events, and what the deck's other takeaways say.
func brief(d *Data) []string {
	rep := d.Report
	sum := &rep.Score.Overall.Summary
	var out []string
	verdict := "better than"
	if sum.Brier > textout.HalfBrier {
		verdict = "worse than"
	}
	out = append(out, fmt.Sprintf("Brier score %s, %s the 0.25 of always saying 50%%.", textout.Num(sum.Brier), verdict))
	if s := textout.OverconfidenceSentence(sum); s != "" {
		out = append(out, s)
	}
	if c := rep.Contributions; c != nil {
		top := costliest(c)
		var names []string
		for _, r := range top {
			names = append(names, fmt.Sprintf("%s (%s)", r.Name, r.ID))
		}
		if len(top) == 1 {
			out = append(out, fmt.Sprintf("The costliest case: %s, Brier %s.", names[0], textout.Num(top[0].Score)))
		} else {
			out = append(out, fmt.Sprintf("The costliest cases, tied at Brier %s each: %s.", textout.Num(top[0].Score), andList(names)))
		}
	}
	for _, e := range d.Shared {
		out = append(out, textout.SharedEventSentence(e))
	}
	if d.Words != nil {
		out = append(out, WordsTakeaway(d.Words)+".")
	}
	out = append(out, SensitivityTakeaway(rep.Sensitivity)+".")
	out = append(out, OthersTakeaway(d.Others)+".")
	return out
}

// handoutCharts are the charts the data gives, at the handout size:
// contributions, words, reliability, sensitivity, timeline and murphy.
func handoutCharts(d *Data) ([]*figure.Chart, error) {
	size, err := figure.Preset("handout", chartDPI)
	if err != nil {
		return nil, err
	}
	st := size.Style()
	rep := d.Report
	deco := func(ch *figure.Chart) { charts.Decorate(ch, charts.Decoration{Datasets: rep.Datasets}) }
	var out []*figure.Chart
	add := func(ch *figure.Chart, err error) error {
		if err != nil {
			return err
		}
		out = append(out, ch)
		return nil
	}
	if c := rep.Contributions; c != nil {
		n := min(charts.DefaultContributionsTop, len(c.Rows))
		if err := add(charts.FitRows(n, func(k int) (*figure.Chart, error) {
			ch, err := charts.ContributionsChart(c, charts.ContributionsOptions{Style: st, Top: k})
			if err != nil {
				return nil, err
			}
			if k < len(c.Rows) {
				ch.Remarks = append(ch.Remarks, charts.MoreRowsNote(k, len(c.Rows), "the less costly"))
			}
			deco(ch)
			return ch, nil
		})); err != nil {
			return nil, err
		}
	}
	if d.Words != nil {
		ch, err := charts.WordsChart(d.Words, charts.WordsOptions{Style: st})
		if err == nil {
			deco(ch)
		}
		if err := add(ch, err); err != nil {
			return nil, err
		}
	}
	if rep.Reliability != nil {
		ch, err := charts.ReliabilityChart(rep.Reliability, charts.ReliabilityOptions{Style: st})
		if err == nil {
			deco(ch)
		}
		if err := add(ch, err); err != nil {
			return nil, err
		}
	}
	if rep.Sensitivity != nil && rep.Sensitivity.N > 0 {
		if err := add(charts.FitSensitivity(rep.Sensitivity, charts.SensitivityOptions{Style: st, Score: charts.SensitivityBoth, ShowSampled: true}, deco)); err != nil {
			return nil, err
		}
	}
	if len(rep.Records) > 0 {
		if err := add(charts.FitTimeline(rep.Records, charts.TimelineOptions{Style: st}, deco)); err != nil {
			return nil, err
		}
	}
	if rep.Murphy != nil {
		ch, err := charts.MurphyChart(rep.Murphy, charts.MurphyOptions{Style: st})
		if err == nil {
			deco(ch)
		}
		if err := add(ch, err); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cardRecords are the records that get a card: none, all, or the chosen,
// the costliest (ties all) and those that share an event with another.
func cardRecords(d *Data, which string) []*forecasts.Record {
	rep := d.Report
	switch which {
	case "none":
		return nil
	case "all":
		return rep.Records
	}
	want := map[string]bool{}
	if c := rep.Contributions; c != nil {
		for _, r := range costliest(c) {
			want[r.ID] = true
		}
	}
	for _, e := range d.Shared {
		for _, r := range e.Records {
			want[r.ID] = true
		}
	}
	var out []*forecasts.Record
	for _, r := range rep.Records {
		if want[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// card sets one case: its question, who and when, the statement, how it
// was coded, what happened and the coder's note; a card is never split
// across pages when it fits on one.
func card(doc *fpdf.Fpdf, r *forecasts.Record, coded map[string]float64, para func(string, float64, string), lead func(float64, string, string), bottom float64) {
	lines := cardLines(r, coded)
	textW, _ := doc.GetPageSize()
	textW -= 2 * margin
	if need := cardNeed(doc, r, coded); doc.GetY()+need > bottom && need < bottom-margin {
		doc.AddPage()
	}
	doc.SetDrawColor(120, 120, 120)
	doc.Line(margin, doc.GetY(), margin+textW, doc.GetY())
	doc.SetDrawColor(0, 0, 0)
	doc.Ln(1.5)
	para("B", 10.5, r.Question)
	for _, l := range lines {
		lead(9.5, l[0], l[1])
	}
	doc.Ln(2)
}

// cardHeading is the room the cases' heading takes before the first card.
func cardHeading(headed bool) float64 {
	if headed {
		return 0
	}
	return 25
}

// cardNeed is the height a card takes, in mm, with room to spare.
func cardNeed(doc *fpdf.Fpdf, r *forecasts.Record, coded map[string]float64) float64 {
	textW, _ := doc.GetPageSize()
	textW -= 2 * margin
	need := 6.0
	doc.SetFont("sans", "B", 10.5)
	need += float64(len(doc.SplitText(r.Question, textW))) * 10.5 * ptToMM * lineGap
	doc.SetFont("sans", "", 9.5)
	for _, l := range cardLines(r, coded) {
		need += float64(len(doc.SplitText(l[0]+" "+l[1], textW))) * 9.5 * ptToMM * lineGap
	}
	return need
}

// cardLines are the lines of a card after its question: a lead-in and its text.
func cardLines(r *forecasts.Record, coded map[string]float64) [][2]string {
	lines := [][2]string{
		{"Who, when:", fmt.Sprintf("%s, issued %s (%s).", r.Forecaster, r.Issued, r.ID)},
	}
	if r.Statement.Text != "" {
		lines = append(lines, [2]string{"Statement:", fmt.Sprintf("“%s” (%s).", r.Statement.Text, r.Statement.Wording)})
	}
	est := r.Estimate.String()
	if p, ok := coded[r.ID]; ok {
		est += fmt.Sprintf("; P(event) %s, scored at %s", textout.IntervalText(r.Event), textout.Percent(p))
	}
	lines = append(lines, [2]string{"Coded as:", est + "."})
	out := string(r.Outcome)
	if r.OutcomeNote != "" {
		out += ". " + oneLine(r.OutcomeNote)
	}
	lines = append(lines, [2]string{"Outcome:", out})
	if r.CoderNote != "" {
		lines = append(lines, [2]string{"Coder's note:", oneLine(r.CoderNote)})
	}
	return lines
}
