package charts

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ContributionsOptions adjusts ContributionsChart.
type ContributionsOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
	// Top is the most cases drawn, the costliest; zero means 40, and
	// more than MaxChartRows means MaxChartRows.
	Top int
	// Colour says what a bar's colour means: ColourWrongWay (the
	// default, for "") or ColourOutcome.
	Colour CaseColour
}

// DefaultContributionsTop is the most cases ContributionsChart draws
// unless told otherwise.
const DefaultContributionsTop = 40

// ContributionsChart draws which cases cost most: each scored case's
// Brier score, (P − outcome)², or with opt.Log its log score, as a
// horizontal bar labelled with the case's label (its id when it has
// none; see fitRecordLabel), the costliest at the top,
// coloured by whether the forecast leaned the wrong way (opt.Colour: or by
// outcome; either way the classes differ in lightness and pattern too, so
// they survive greyscale), with its score and forecast at its end. Upright
// lines mark the mean over all the cases and the score of always
// forecasting 50% (0.25 for Brier, ln 2 for the log score). Only the
// opt.Top costliest (at most MaxChartRows) are drawn, and a note says so; cases not scored
// (unresolved, ambiguous) are named in a note. A forecast of certainty
// that went the other way has an infinite log score: its bar runs off the
// axis, marked ∞. The figure grows with its rows.
func ContributionsChart(d *evaluate.ContributionsData, opt ContributionsOptions) (*figure.Chart, error) {
	st := figure.StyleOr(opt.Style)
	top := opt.Top
	if top == 0 {
		top = DefaultContributionsTop
	}
	if top < 0 {
		return nil, fmt.Errorf("top %d: the number of cases to draw must be positive", top)
	}
	top = min(top, figure.MaxChartRows)
	mode, err := checkCaseColour(opt.Colour)
	if err != nil {
		return nil, err
	}
	var rows []contribution
	for _, c := range d.Rows {
		rows = append(rows, contribution{name: c.Name, p: c.P, outcome: c.Outcome, score: c.Score})
	}
	sum, mean, rule50, unscored := d.Total, d.Mean, d.Half, d.Unscored
	all := len(rows)
	rows = rows[:min(top, len(rows))]

	bars := &contributionBars{style: st, rows: rows, mean: mean, half: rule50, mode: mode}
	name, formula := "Brier score", "(P − outcome)²"
	if d.Log {
		name, formula = "log score", "−ln P(what happened)"
	}
	p := st.NewPlot(fmt.Sprintf("%s of the forecast, %s", capitalize(name), formula), "")
	p.Y.Tick.Label = st.TextStyle(st.SmallSize)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = fitRecordLabel(p.Y.Tick.Label, r.name)
	}
	figure.RowAxis(&p.Y, ids)
	p.X.Min, p.X.Max = 0, bars.axisMax()
	if d.Log {
		// Log scores run to any height: 1, 2, 2.5 or 5 times a power of
		// ten, 4 to 6 labels, as the sensitivity chart's score axes.
		p.X.Tick.Marker = scoreTicks{}
	} else {
		p.X.Tick.Marker = plot.ConstantTicks{
			{Value: 0, Label: "0"}, {Value: 0.25, Label: "0.25"}, {Value: 0.5, Label: "0.5"}, {Value: 0.75, Label: "0.75"}, {Value: 1, Label: "1"},
		}
	}
	st.AddGrid(p, true, false)
	p.Add(bars)

	ch := figure.NewChart(st, opt.Title, "Which cases cost most",
		fmt.Sprintf("Each forecast's %s, largest first: a long bar is a confident forecast that went the other way.", name))
	ch.Body = p
	ps, os := make([]float64, len(rows)), make([]forecasts.Outcome, len(rows))
	for i, r := range rows {
		ps[i], os[i] = r.p, r.outcome
	}
	ch.Legend = caseLegend(st, mode, ps, os)
	ch.Legend = append(ch.Legend,
		figure.LegendEntry{Label: fmt.Sprintf("mean of all %s: %s", figure.CountText(float64(all)), textout.Num(mean)), Thumbs: []plot.Thumbnailer{figure.VerticalLineThumbnail(bars.meanStyle())}},
		figure.LegendEntry{Label: "always 50%: " + textout.Num(rule50), Thumbs: []plot.Thumbnailer{figure.VerticalLineThumbnail(bars.halfStyle())}},
	)

	ch.Notes = append(ch.Notes, "After each bar: its score, and in brackets the forecast P(event).")
	if all > len(rows) {
		ch.Notes = append(ch.Notes, fmt.Sprintf("Only the %s costliest of %s forecasts are drawn; the mean is over all %s.",
			figure.CountText(float64(len(rows))), figure.CountText(float64(all)), figure.CountText(float64(all))))
	}
	if !math.IsInf(sum, 1) && sum > 0 && all > 1 {
		// Ties are named together: two records at one score are not a
		// costliest one and a runner-up.
		tied, top := 1, rows[0].score
		for tied < len(rows) && math.Abs(rows[tied].score-top) <= 1e-12*max(1, top) {
			tied++
		}
		share := textout.Percent(float64(tied) * top / sum)
		if share == "0%" {
			share = "less than 0.1%" // one of thousands
		}
		switch {
		case tied == 1:
			ch.Notes = append(ch.Notes, fmt.Sprintf("The costliest, %s, makes up %s of the total.", rows[0].name, share))
		case tied <= 3:
			names := make([]string, tied)
			for i := range names {
				names[i] = rows[i].name
			}
			ch.Notes = append(ch.Notes, fmt.Sprintf("The costliest, tied at %s, are %s: together %s of the total.",
				textout.Num(top), strings.Join(names[:tied-1], ", ")+" and "+names[tied-1], share))
		default:
			ch.Notes = append(ch.Notes, fmt.Sprintf("The %d costliest are tied at %s: together %s of the total.", tied, textout.Num(top), share))
		}
	}
	if math.IsInf(sum, 1) {
		ch.Notes = append(ch.Notes, "A forecast of 0% or 100% that went the other way has an infinite log score, and so has the mean.")
	}
	if len(unscored) > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("Not scored, so not drawn (unresolved or ambiguous): %s.", figure.ListSome(unscored, figure.MaxListed)))
	}
	rowH := st.SmallSize * 1.6
	ch.FitBody(max(vg.Length(len(rows)), 4)*rowH + xAxisHeight(st))
	return ch, nil
}

// MaxRecordLabelWidth is the most width of a record's label at the left
// of a row (contributions, timeline): 7 cm, room for a label of about 45
// characters such as "Khmer Rouge will hold Phnom Penh (Dec 1978)" at
// the default size, and under half the default width.
const MaxRecordLabelWidth = 7 * vg.Centimeter

// fitRecordLabel cuts a record's label (or id) to MaxRecordLabelWidth in
// the style, with "…"; a label that ends with a date in brackets, "(Dec
// 1978)", keeps it, and the words before it are cut instead.
func fitRecordLabel(sty text.Style, s string) string {
	s = figure.CutRunes(s, 300)
	if sty.Width(s) <= MaxRecordLabelWidth {
		return s
	}
	head, tail := s, ""
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") && len(s)-i <= 16 {
		head, tail = s[:i], s[i:]
	}
	r := []rune(head)
	for k := len(r) - 1; k > 0; k-- {
		c := strings.TrimRight(string(r[:k]), " ,;:(/–-") + "…" + tail
		if sty.Width(c) <= MaxRecordLabelWidth {
			return c
		}
	}
	return figure.FitLabel(sty, s)
}

// A contribution is one case's row of ContributionsChart.
type contribution struct {
	name    string // the record's label, or its id
	p       float64
	outcome forecasts.Outcome
	score   float64
}

// contributionBars is the plotter of ContributionsChart: a bar per case
// from the top, its label at its end, and the reference lines.
type contributionBars struct {
	style      *figure.ChartStyle
	rows       []contribution
	mean, half float64
	mode       CaseColour
}

// axisMax is the end of the score axis: 1 for Brier scores, which never
// exceed it; for log scores the largest finite one, or ln 2, with room,
// and more room when some are infinite.
func (b *contributionBars) axisMax() float64 {
	most, inf := b.half, false
	for _, r := range b.rows {
		if math.IsInf(r.score, 1) {
			inf = true
		} else {
			most = max(most, r.score)
		}
	}
	switch {
	case b.half == 0.25:
		return 1
	case inf: // room for the bars that run off to stand out
		return most * 1.3
	}
	return most * 1.1
}

func (b *contributionBars) meanStyle() draw.LineStyle {
	return draw.LineStyle{Color: b.style.Text, Width: 1.4}
}

func (b *contributionBars) halfStyle() draw.LineStyle {
	return draw.LineStyle{Color: b.style.Text, Width: 1.2, Dashes: []vg.Length{4, 3}}
}

func (b *contributionBars) labelStyle() text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

func (b *contributionBars) label(r contribution) string {
	return fmt.Sprintf("%s (%s)", textout.Num(r.score), textout.Percent(r.p))
}

const barLabelGap = vg.Length(4)

// Plot implements plot.Plotter.
func (b *contributionBars) Plot(c draw.Canvas, plt *plot.Plot) {
	st := b.style
	trX, trY := plt.Transforms(&c)
	n := len(b.rows)
	rowPx := trY(1) - trY(0)
	barH := min(rowPx*0.62, 11)
	lab := b.labelStyle()
	ends := make([]vg.Length, n)
	for i, r := range b.rows {
		ends[i] = trX(min(r.score, plt.X.Max))
		if math.IsInf(r.score, 1) {
			ends[i] = c.Max.X
		}
		caseMarkOf(st, b.mode, r.p, r.outcome).bar(c, trX(0), ends[i], trY(figure.RowValue(i, n)), barH)
	}
	for _, ref := range []struct {
		v   float64
		sty draw.LineStyle
	}{{b.half, b.halfStyle()}, {b.mean, b.meanStyle()}} {
		if ref.v > plt.X.Max || math.IsInf(ref.v, 1) {
			continue
		}
		x := trX(ref.v)
		c.StrokeLine2(ref.sty, x, c.Min.Y, x, c.Max.Y)
	}
	// The labels on white, over the lines.
	for i, r := range b.rows {
		y := trY(figure.RowValue(i, n))
		text := b.label(r)
		x0, x1 := ends[i]+barLabelGap-1.5, ends[i]+barLabelGap+lab.Width(text)+1.5
		h := lab.Height(text) / 2
		c.FillPolygon(color.White, []vg.Point{{X: x0, Y: y - h}, {X: x1, Y: y - h}, {X: x1, Y: y + h}, {X: x0, Y: y + h}})
		// Digits have no descenders: centre them by their ascent.
		c.FillText(lab, vg.Point{X: ends[i] + barLabelGap, Y: y + lab.FontExtents().Descent/2}, text)
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the labels after the bars, so
// that the plot makes room for them.
func (b *contributionBars) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	lab := b.labelStyle()
	n := len(b.rows)
	for i, r := range b.rows {
		x := 1.0
		if !math.IsInf(r.score, 1) {
			x = plt.X.Norm(min(r.score, plt.X.Max))
		}
		h := lab.Height("0")
		boxes = append(boxes, plot.GlyphBox{X: x, Y: plt.Y.Norm(figure.RowValue(i, n)), Rectangle: vg.Rectangle{
			Min: vg.Point{X: 0, Y: -h / 2},
			Max: vg.Point{X: barLabelGap + lab.Width(b.label(r)), Y: h / 2},
		}})
	}
	return boxes
}

// CaseColour says what the colour of a case's bar or line means on the
// case charts (contributions, timeline).
type CaseColour string

// What a case's colour can mean.
const (
	// ColourWrongWay colours a forecast by whether it leaned the wrong
	// way (evaluate.LeanOf): the same for both framings of one event.
	ColourWrongWay CaseColour = "wrong-way"
	// ColourOutcome colours it by what happened: the event or not.
	ColourOutcome CaseColour = "outcome"
)

// CaseColours lists what a case's colour can mean, the default first.
var CaseColours = []CaseColour{ColourWrongWay, ColourOutcome}

// caseMark is how a case's bar or line is drawn: a fill, an outline, and
// white hatching, so that the classes differ in greyscale and for readers
// who do not see the colours, not by hue alone.
type caseMark struct {
	fill  color.Color
	edge  color.Color // an outline; nil for none
	hatch bool        // white diagonal lines over the fill
	width vg.Length   // of a line (timeline)
	label string      // what the legend calls the class
}

// lightBlue is a pale tint of Okabe–Ito blue: the fill of a forecast that
// leaned the right way, far lighter than the vermillion of the wrong way.
var lightBlue = color.NRGBA{R: 0xbf, G: 0xdc, B: 0xef, A: 0xff}

// caseMarkOf is the mark of a case of P(event) p and outcome o when its
// colour means what mode says.
func caseMarkOf(st *figure.ChartStyle, mode CaseColour, p float64, o forecasts.Outcome) caseMark {
	if !o.Scored() {
		return caseMark{fill: st.NotScored, width: 2, label: "unresolved or ambiguous (not scored)"}
	}
	if mode == ColourOutcome {
		if o == forecasts.Yes {
			return caseMark{fill: st.Yes, width: 2, label: "event happened"}
		}
		return caseMark{fill: st.No, hatch: true, width: 2, label: "did not happen (hatched)"}
	}
	switch evaluate.LeanOf(p, o) {
	case evaluate.WrongWay:
		return caseMark{fill: st.No, width: 3.4, label: "leaned the wrong way: P on the far side of 50%"}
	case evaluate.RightWay:
		return caseMark{fill: lightBlue, edge: st.Yes, width: 3.4, label: "leaned the right way (pale)"}
	}
	return caseMark{fill: st.NotScored, hatch: true, width: 2, label: "exactly 50% (hatched)"}
}

// checkCaseColour returns mode, or the default for "", or an error.
func checkCaseColour(mode CaseColour) (CaseColour, error) {
	if mode == "" {
		return ColourWrongWay, nil
	}
	if !slices.Contains(CaseColours, mode) {
		return "", fmt.Errorf("colour %q: use wrong-way or outcome", mode)
	}
	return mode, nil
}

// bar draws the mark as a horizontal bar from x0 to x1 centred on y.
func (m caseMark) bar(c draw.Canvas, x0, x1, y, h vg.Length) {
	if x1-x0 < 1.5 {
		mid := (x0 + x1) / 2
		x0, x1 = mid-0.75, mid+0.75
	}
	box := vg.Rectangle{Min: vg.Point{X: x0, Y: y - h/2}, Max: vg.Point{X: x1, Y: y + h/2}}
	c.FillPolygon(m.fill, rectPoints(box))
	if m.hatch {
		hatch(c, box, color.White, 1.2, 4)
	}
	if m.edge != nil {
		pts := rectPoints(box)
		c.StrokeLines(draw.LineStyle{Color: m.edge, Width: 1.2}, append(pts, pts[0]))
	}
}

// line draws the mark as a horizontal line from x0 to x1 at y, dashed
// when asked: solid in its fill, or for a pale mark with an outline a
// tube, a pale line inside a line of the outline's colour, so that it
// stays lighter than a solid one in greyscale.
func (m caseMark) line(c draw.Canvas, x0, x1, y vg.Length, dashed bool) {
	var dashes []vg.Length
	if dashed {
		dashes = []vg.Length{3, 2}
	}
	if m.edge == nil {
		c.StrokeLine2(draw.LineStyle{Color: m.fill, Width: m.width, Dashes: dashes}, x0, y, x1, y)
		return
	}
	c.StrokeLine2(draw.LineStyle{Color: m.edge, Width: 3.4, Dashes: dashes}, x0, y, x1, y)
	c.StrokeLine2(draw.LineStyle{Color: m.fill, Width: 1.6, Dashes: dashes}, x0, y, x1, y)
}

// thumb is the mark's legend entry.
func (m caseMark) thumb() figure.LegendEntry {
	return figure.LegendEntry{Label: m.label, Thumbs: []plot.Thumbnailer{figure.ThumbnailFunc(func(c *draw.Canvas) {
		m.bar(*c, c.Min.X, c.Max.X, c.Center().Y, 9)
	})}}
}

func rectPoints(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

// hatch draws lines rising at 45° across the rectangle, step apart.
func hatch(c draw.Canvas, r vg.Rectangle, clr color.Color, width, step vg.Length) {
	sty := draw.LineStyle{Color: clr, Width: width}
	// The line x − y = k crosses the rectangle for k from Min.X − Max.Y
	// to Max.X − Min.Y.
	for k := r.Min.X - r.Max.Y + step/2; k < r.Max.X-r.Min.Y; k += step {
		y0, y1 := max(r.Min.Y, r.Min.X-k), min(r.Max.Y, r.Max.X-k)
		if y1 > y0 {
			c.StrokeLine2(sty, y0+k, y0, y1+k, y1)
		}
	}
}

// caseLegend is the legend of the classes the cases fall in, in a fixed
// order: wrong way, right way, even (or yes, no), then not scored.
func caseLegend(st *figure.ChartStyle, mode CaseColour, ps []float64, os []forecasts.Outcome) []figure.LegendEntry {
	present := map[string]bool{}
	for i := range ps {
		present[caseMarkOf(st, mode, ps[i], os[i]).label] = true
	}
	reps := []struct {
		p float64
		o forecasts.Outcome
	}{{0.9, forecasts.No}, {0.9, forecasts.Yes}, {0.5, forecasts.Yes}, {0.5, forecasts.Unresolved}}
	if mode == ColourOutcome {
		reps = reps[1:]
		reps[1].o = forecasts.No
	}
	var out []figure.LegendEntry
	for _, r := range reps {
		if m := caseMarkOf(st, mode, r.p, r.o); present[m.label] {
			out = append(out, m.thumb())
			delete(present, m.label)
		}
	}
	return out
}
