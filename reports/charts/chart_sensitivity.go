package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// The scores SensitivityChart can draw (SensitivityOptions.Score).
const (
	SensitivityBrier = "brier" // the Brier score
	SensitivityLog   = "log"   // the log score
	SensitivityBoth  = "both"  // the Brier score, and the log score under it
)

// SensitivityOptions adjusts SensitivityChart.
type SensitivityOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
	// Score is the score drawn: SensitivityBrier ("brier", also when
	// empty), SensitivityLog ("log") or SensitivityBoth ("both", the log
	// score in a panel under the Brier score).
	Score string
	// ShowSampled adds a row of small panels for the figures whose ranges
	// come from sampled codings, not exact ones: reliability, CORP
	// miscalibration and discrimination, and the AUC. Their bars are
	// hatched.
	ShowSampled bool
}

// SensitivityChart draws how much the verdict on a set of forecasts
// depends on how their words were turned into numbers: for each row of
// s.Scales ("as coded", then each scale) the Brier score's exact range over
// every coding the terms' intervals allow, as a bar (hatched should a span
// not be Exact), and its value at the point coding, as an upright mark;
// under them a row for the survey's readers, from the score at their 25th
// percentile reading to the score at their 75th, marked at their median.
// A dashed upright line marks the score of always saying 50% (0.25),
// labelled above the panel. After each bar stand its point score and, in
// brackets, its range.
//
// opt.Score "log" draws the log score instead (always saying 50% scores
// ln 2 = 0.693), and "both" draws it in a panel under the Brier score; a
// range that reaches an infinite log score (a coding of 0% or 100% that
// went the other way) runs off the axis as an arrow, marked ∞.
// opt.ShowSampled adds small hatched panels for Murphy's reliability, CORP
// miscalibration, CORP discrimination and the AUC, whose ranges come from
// random codings and the corners and may be narrower than the true ones.
//
// The notes give the first sentence of textout.ReadSensitivity (when
// there are scales besides "as coded"), the records kept
// as coded for want of a term on a scale, and whether a dataset was chosen
// for its failures. The figure is as tall as its rows need.
func SensitivityChart(s *evaluate.SensitivityResult, opt SensitivityOptions) (*figure.Chart, error) {
	if s == nil || len(s.Scales) == 0 {
		return nil, errors.New("no sensitivity to chart: it has no scales")
	}
	if s.N <= 0 {
		return nil, errors.New("no scored forecasts to chart")
	}
	score := opt.Score
	if score == "" {
		score = SensitivityBrier
	}
	if score != SensitivityBrier && score != SensitivityLog && score != SensitivityBoth {
		return nil, fmt.Errorf("score %q: use %s, %s or %s", opt.Score, SensitivityBrier, SensitivityLog, SensitivityBoth)
	}
	st := figure.StyleOr(opt.Style)
	showBrier, showLog := score != SensitivityLog, score != SensitivityBrier

	body := &panelStack{gap: 5 * vg.Millimeter, colGap: 4 * vg.Millimeter}
	rowH := st.SmallSize * 1.6
	var infinite, inexact, readersOutside bool
	if showBrier {
		rows := sensitivityRows(s, func(r evaluate.ScaleSensitivity) analysis.Span { return r.Brier }, s.Readers.Brier)
		b := &sensitivityBars{style: st, labels: true, values: true, ref: textout.HalfBrier, refLabel: "always saying 50%: 0.25"}
		b.layout(rows)
		p := st.NewPlot("Mean Brier score, (P − outcome)²", "")
		p.X.Min, p.X.Max = 0, 1
		p.X.Tick.Marker = plot.ConstantTicks{
			{Value: 0, Label: "0"}, {Value: 0.25, Label: "0.25"}, {Value: 0.5, Label: "0.5"}, {Value: 0.75, Label: "0.75"}, {Value: 1, Label: "1"},
		}
		body.add(b.plot(p), b.height, rowH)
		inexact, readersOutside = b.inexact(), b.readersOutside()
	}
	if showLog {
		rows := sensitivityRows(s, func(r evaluate.ScaleSensitivity) analysis.Span { return r.Log }, s.Readers.Log)
		b := &sensitivityBars{style: st, labels: true, values: true, ref: math.Ln2, refLabel: "always saying 50%: " + textout.Num(math.Ln2)}
		b.layout(rows)
		p := st.NewPlot("Mean log score, −ln P(what happened)", "")
		p.X.Min, p.X.Max = 0, b.logAxisMax()
		p.X.Tick.Marker = scoreTicks{}
		body.add(b.plot(p), b.height, rowH)
		infinite, inexact = b.infinite(), inexact || b.inexact()
		readersOutside = readersOutside || b.readersOutside()
	}
	if opt.ShowSampled {
		var row []*plot.Plot
		var height float64
		for i, f := range sampledFigures {
			rows := sensitivityRows(s, f.span, [3]float64{})
			rows = rows[:len(s.Scales)] // the readers have no sampled figures
			b := &sensitivityBars{style: st, labels: i == 0, sampled: true, title: f.name}
			b.layout(rows)
			p := st.NewPlot("", "")
			p.X.Min, p.X.Max = 0, f.max
			p.X.Tick.Marker = f.ticks
			row = append(row, b.plot(p))
			height = b.height
		}
		body.addRow(row, height, rowH)
	}

	name := "Brier score"
	switch score {
	case SensitivityLog:
		name = "log score"
	case SensitivityBoth:
		name = "score"
	}
	ch := figure.NewChart(st, opt.Title, "How much the verdict depends on how the words became numbers",
		fmt.Sprintf("Each bar: the %s over every coding the terms' intervals allow; the mark: the coder's point reading. %s.",
			name, forecastCount(s)))
	ch.Body = body
	ch.Legend = sensitivityLegend(st, s, opt.ShowSampled || inexact)

	var reading []string
	if len(s.Scales) > 1 { // the reading compares scales other than "as coded"
		reading = textout.ReadSensitivity(s)
	}
	if len(reading) > 0 {
		ch.Notes = append(ch.Notes, firstSentence(reading[0]))
	}
	after := "After each bar: the score at the point coding, and in brackets its range"
	if s.Readers.Scale != "" {
		after += "; for the readers, the score with every phrase read at their median, and in brackets at their 25th and 75th percentiles"
	}
	after += "."
	if readersOutside {
		after += " Reading every phrase at the median can score better than at either percentile, so the median's mark may stand outside the bar."
	}
	ch.Notes = append(ch.Notes, after)
	if infinite {
		ch.Notes = append(ch.Notes, "An arrow marked ∞ runs off the axis: a coding of 0% or 100% that went the other way makes the log score infinite.")
	}
	if opt.ShowSampled || inexact {
		samples := 0
		for _, r := range s.Scales {
			for _, sp := range []analysis.Span{r.Brier, r.Log, r.Reliability, r.Miscalibration, r.Discrimination, r.AUC} {
				samples = max(samples, sp.Samples)
			}
		}
		note := "Hatched: a range over sampled codings, so the true range may be wider."
		if samples > 0 {
			note = fmt.Sprintf("Hatched: the range over %s (random, and the corners of the intervals), so the true range may be wider.", codingsText(samples))
		}
		if opt.ShowSampled {
			note += " Reliability (Murphy's) and miscalibration (CORP): lower is better; discrimination (CORP) and AUC: higher is better."
		}
		ch.Notes = append(ch.Notes, note)
	}
	if kept := keptAsCoded(s); kept != "" {
		ch.Notes = append(ch.Notes, "* No term at that level on the scale, so kept as coded: "+kept+".")
	}
	if len(s.ChosenForFailure) > 0 {
		ch.Caveats = append(ch.Caveats, fmt.Sprintf("Caveat: %s was chosen for its failures: these ranges show how much the coding matters, not how good the forecasters were.",
			figure.ListSome(s.ChosenForFailure, figure.MaxListed)))
	}
	ch.FitBody(body.fitHeight())
	return ch, nil
}

// A sampledFigure is one of the small panels of SensitivityChart.
type sampledFigure struct {
	name  string
	span  func(evaluate.ScaleSensitivity) analysis.Span
	max   float64 // the axis runs from 0 to the largest value the figure can take
	ticks plot.ConstantTicks
}

var unitTicks = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 0.25}, {Value: 0.5, Label: "0.5"}, {Value: 0.75}, {Value: 1, Label: "1"}}

var sampledFigures = []sampledFigure{
	{"Reliability", func(r evaluate.ScaleSensitivity) analysis.Span { return r.Reliability }, 1, unitTicks},
	{"Miscalibration", func(r evaluate.ScaleSensitivity) analysis.Span { return r.Miscalibration }, 1, unitTicks},
	// CORP discrimination is at most the uncertainty, ȳ(1 − ȳ) ≤ 0.25.
	{"Discrimination", func(r evaluate.ScaleSensitivity) analysis.Span { return r.Discrimination }, 0.25,
		plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 0.05}, {Value: 0.1, Label: "0.1"}, {Value: 0.15}, {Value: 0.2, Label: "0.2"}}},
	{"AUC", func(r evaluate.ScaleSensitivity) analysis.Span { return r.AUC }, 1, unitTicks},
}

// forecastCount says how many forecasts were scored, from which datasets,
// and how many of them were words: "5 forecasts (cpc), 4 of them coded as
// words".
func forecastCount(s *evaluate.SensitivityResult) string {
	out := forecastsText(float64(s.N))
	if len(s.Datasets) > 0 {
		out += " (" + figure.ListSome(s.Datasets, figure.MaxListed) + ")"
	}
	switch {
	case s.TermCoded == s.N && s.N == 1:
		out += ", coded as a word"
	case s.TermCoded == s.N:
		out += ", all coded as words"
	case s.TermCoded == 0:
		out += ", none coded as words"
	default:
		out += fmt.Sprintf(", %s of them coded as words", figure.CountText(float64(s.TermCoded)))
	}
	return out
}

// codingsText writes the number of sampled codings: "2,004 codings".
func codingsText(n int) string {
	if n == 1 {
		return "one coding"
	}
	return figure.CountText(float64(n)) + " codings"
}

// firstSentence is s up to the end of its first sentence: a full stop,
// question or exclamation mark followed by a space and a capital letter.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i+2 < len(s); i++ {
		if strings.ContainsRune(".?!", rune(s[i])) && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
			return s[:i+1]
		}
	}
	return s
}

// keptAsCoded lists, per scale and for the readers, the records that scale
// has no term for: "kent-1964: aman-yom-kippur-1973; readers: …", at most
// maxListed of each and how many more.
func keptAsCoded(s *evaluate.SensitivityResult) string {
	var parts []string
	for _, r := range s.Scales {
		if len(r.NoCounterpart) > 0 {
			parts = append(parts, r.Scale+": "+figure.ListSome(r.NoCounterpart, figure.MaxListed))
		}
	}
	if len(s.Readers.NoCounterpart) > 0 {
		parts = append(parts, readersLabel+": "+figure.ListSome(s.Readers.NoCounterpart, figure.MaxListed))
	}
	return strings.Join(parts, "; ")
}

// readersLabel names the row of the survey's readers.
const readersLabel = "readers 25–75%"

// rowLabelMost is the most characters of a row's label: a longer scale
// name is cut (the notes name it in full), so that the panels keep their
// width.
const rowLabelMost = 24

// A sensitivityRow is one bar of SensitivityChart.
type sensitivityRow struct {
	label   string
	span    analysis.Span
	readers bool // the survey's readers: 25th to 75th percentile, median
	group   int  // 0 as coded, 1 the scales, 2 the readers
	y       float64
}

// sensitivityRows are the rows of a panel: each scale's span of a figure,
// then the readers' scores at their 25th percentile, median and 75th
// percentile when the readers were asked.
func sensitivityRows(s *evaluate.SensitivityResult, span func(evaluate.ScaleSensitivity) analysis.Span, readers [3]float64) []sensitivityRow {
	var rows []sensitivityRow
	for _, r := range s.Scales {
		row := sensitivityRow{label: figure.CutRunes(r.Scale, rowLabelMost), span: span(r), group: 1}
		if r.Scale == evaluate.AsCoded {
			row.group = 0
		}
		if len(r.NoCounterpart) > 0 {
			row.label += "*"
		}
		rows = append(rows, row)
	}
	if s.Readers.Scale != "" {
		row := sensitivityRow{label: readersLabel, readers: true, group: 2, span: analysis.Span{
			Min: min(readers[0], readers[2]), Point: readers[1], Max: max(readers[0], readers[2]), Exact: true,
		}}
		if len(s.Readers.NoCounterpart) > 0 {
			row.label += "*"
		}
		rows = append(rows, row)
	}
	return rows
}

// sensitivityBars is the plotter of a panel of SensitivityChart: a bar
// per row from the top, its label on the left, its figures after it, and
// the reference line of always saying 50%.
type sensitivityBars struct {
	style   *figure.ChartStyle
	rows    []sensitivityRow
	height  float64 // in rows
	labels  bool    // the row labels, left of the data
	values  bool    // the point and the range after each bar
	sampled bool    // hatched: the ranges are sampled, not exact
	// ref is the score of always saying 50%, labelled refLabel above the
	// panel; an empty refLabel draws no line.
	ref      float64
	refLabel string
	// title names a small panel, centred above its data.
	title string
}

// groupGap is the room between the "as coded" row, the scales and the
// readers, in rows.
const groupGap = 0.45

// layout places the rows from the top, with a gap between groups.
func (b *sensitivityBars) layout(rows []sensitivityRow) {
	y := 0.0
	for i := range rows {
		if i > 0 && rows[i].group != rows[i-1].group {
			y += groupGap
		}
		rows[i].y = y + 0.5
		y++
	}
	b.height = y
	for i := range rows {
		rows[i].y = b.height - rows[i].y
	}
	b.rows = rows
}

// plot sets the plot's y axis to the rows and adds the grid and the bars.
func (b *sensitivityBars) plot(p *plot.Plot) *plot.Plot {
	figure.HideAxis(&p.Y)
	p.Y.Min, p.Y.Max = 0, b.height
	b.style.AddGrid(p, true, false)
	p.Add(b)
	return p
}

// logAxisMax is the end of a log score axis: the largest finite value or
// ln 2 with room, and more room when some are infinite so that the bars
// that run off stand out.
func (b *sensitivityBars) logAxisMax() float64 {
	most := math.Ln2
	for _, r := range b.rows {
		for _, v := range []float64{r.span.Min, r.span.Point, r.span.Max} {
			if !math.IsInf(v, 0) && !math.IsNaN(v) {
				most = max(most, v)
			}
		}
	}
	if b.infinite() {
		return most * 1.25
	}
	return most * 1.1
}

func (b *sensitivityBars) infinite() bool {
	for _, r := range b.rows {
		if math.IsInf(r.span.Max, 1) || math.IsInf(r.span.Point, 1) {
			return true
		}
	}
	return false
}

// inexact reports whether a row's range was sampled, not found exactly,
// so that its bar is hatched.
func (b *sensitivityBars) inexact() bool {
	for _, r := range b.rows {
		if !r.span.Exact && !math.IsNaN(r.span.Min) {
			return true
		}
	}
	return false
}

// readersOutside reports whether the readers' median scores outside the
// range between their 25th and 75th percentiles.
func (b *sensitivityBars) readersOutside() bool {
	for _, r := range b.rows {
		if r.readers && (r.span.Point < r.span.Min || r.span.Point > r.span.Max) {
			return true
		}
	}
	return false
}

func (b *sensitivityBars) color(r sensitivityRow) color.Color {
	if r.readers {
		return b.style.SeriesColor(2)
	}
	return b.style.SeriesColor(0)
}

func (b *sensitivityBars) labelStyle() text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XRight, draw.YCenter
	return sty
}

func (b *sensitivityBars) valueStyle() text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

func (b *sensitivityBars) refStyle() text.Style {
	sty := b.style.TextStyle(b.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	return sty
}

// titleStyle is a small panel's title: bold, in the size of tick labels,
// or of dense labels when it is wider than the panel's data area, width.
func (b *sensitivityBars) titleStyle(width vg.Length) text.Style {
	sty := b.style.BoldStyle(b.style.TickSize)
	if width > 0 && sty.Width(b.title) > width {
		sty = b.style.BoldStyle(b.style.SmallSize)
	}
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
	return sty
}

func (b *sensitivityBars) refLineStyle() draw.LineStyle {
	return draw.LineStyle{Color: b.style.Text, Width: 1.2, Dashes: []vg.Length{4, 3}}
}

// value writes a row's point and range, "0.465 (0.360–0.588)", or the
// point alone when the range has no width.
func (b *sensitivityBars) value(r sensitivityRow) string {
	if math.IsNaN(r.span.Point) && math.IsNaN(r.span.Min) {
		return "–"
	}
	if lo, pt, hi := textout.Num(r.span.Min), textout.Num(r.span.Point), textout.Num(r.span.Max); lo == pt && pt == hi {
		return pt
	}
	return fmt.Sprintf("%s (%s–%s)", textout.Num(r.span.Point), textout.Num(r.span.Min), textout.Num(r.span.Max))
}

// Sizes of the marks, in points.
const (
	sensBarMost  = vg.Length(8)   // the most height of a bar
	sensTickOver = vg.Length(2)   // how far the point mark stands above and below its bar
	arrowLength  = vg.Length(6.5) // the head of a bar that runs off to ∞
	refLabelGap  = vg.Length(3)   // between the top of the data and the reference label
)

func (b *sensitivityBars) barHeight(rowPx vg.Length) vg.Length {
	return min(rowPx*0.5, sensBarMost)
}

// Plot implements plot.Plotter.
func (b *sensitivityBars) Plot(c draw.Canvas, plt *plot.Plot) {
	st := b.style
	trX, trY := plt.Transforms(&c)
	rowPx := trY(1) - trY(0)
	barH := b.barHeight(rowPx)
	at := func(v float64) vg.Length { // x of a value, the right edge for +∞
		if math.IsInf(v, 1) {
			return c.Max.X
		}
		return trX(min(max(v, plt.X.Min), plt.X.Max))
	}
	ends := make([]vg.Length, len(b.rows))
	for i, r := range b.rows {
		y := trY(r.y)
		if b.labels {
			c.FillText(b.labelStyle(), vg.Point{X: c.Min.X - labelGap, Y: y}, r.label)
		}
		if math.IsNaN(r.span.Min) || math.IsNaN(r.span.Max) {
			muted := b.valueStyle()
			muted.Color = st.Muted
			c.FillText(muted, vg.Point{X: c.Min.X + 3, Y: y}, "undefined")
			ends[i] = c.Min.X
			continue
		}
		x0, x1 := at(r.span.Min), at(r.span.Max)
		clr := b.color(r)
		if b.sampled || !r.span.Exact {
			hatchedBar(c, clr, x0, x1, y, barH)
		} else {
			bar(c, clr, x0, x1, y, barH)
		}
		ends[i] = max(x1, x0+0.75)
		if math.IsInf(r.span.Max, 1) {
			c.FillPolygon(clr, []vg.Point{
				{X: c.Max.X, Y: y - barH*0.9}, {X: c.Max.X + arrowLength, Y: y}, {X: c.Max.X, Y: y + barH*0.9},
			})
			ends[i] = c.Max.X + arrowLength
		}
		if !math.IsNaN(r.span.Point) {
			x := at(r.span.Point)
			c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.8}, x, y-barH/2-sensTickOver, x, y+barH/2+sensTickOver)
		}
	}
	if b.title != "" {
		sty := b.titleStyle(c.Max.X - c.Min.X)
		c.FillText(sty, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: c.Max.Y + refLabelGap}, b.title)
	}
	if b.refLabel != "" && b.ref >= plt.X.Min && b.ref <= plt.X.Max {
		x := trX(b.ref)
		c.StrokeLine2(b.refLineStyle(), x, c.Min.Y, x, c.Max.Y)
		c.FillText(b.refStyle(), vg.Point{X: x, Y: c.Max.Y + refLabelGap}, b.refLabel)
	}
	if !b.values {
		return
	}
	// The figures on white, over the reference line.
	lab := b.valueStyle()
	for i, r := range b.rows {
		y := trY(r.y)
		s := b.value(r)
		x := ends[i] + barLabelGap
		h := lab.Height(s) / 2
		c.FillPolygon(color.White, []vg.Point{{X: x - 1.5, Y: y - h}, {X: x + lab.Width(s) + 1.5, Y: y - h}, {X: x + lab.Width(s) + 1.5, Y: y + h}, {X: x - 1.5, Y: y + h}})
		// Digits have no descenders: centre them by their ascent.
		c.FillText(lab, vg.Point{X: x, Y: y + lab.FontExtents().Descent/2}, s)
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the row labels left of the data,
// the figures after the bars, the arrows and the reference label above
// the data, so that the plot makes room for them.
func (b *sensitivityBars) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	lab, val := b.labelStyle(), b.valueStyle()
	for _, r := range b.rows {
		y := plt.Y.Norm(r.y)
		if b.labels {
			w, h := lab.Width(r.label), lab.Height(r.label)
			boxes = append(boxes, plot.GlyphBox{X: 0, Y: y, Rectangle: vg.Rectangle{
				Min: vg.Point{X: -w - labelGap, Y: -h / 2}, Max: vg.Point{X: -labelGap, Y: h / 2},
			}})
		}
		x, extra := 0.0, vg.Length(0)
		switch {
		case math.IsInf(r.span.Max, 1):
			x, extra = 1, arrowLength
		case !math.IsNaN(r.span.Max):
			x = plt.X.Norm(min(max(r.span.Max, plt.X.Min), plt.X.Max))
		}
		right := extra
		if b.values {
			right += barLabelGap + val.Width(b.value(r)) + 1.5
		}
		h := val.Height("0")
		boxes = append(boxes, plot.GlyphBox{X: x, Y: y, Rectangle: vg.Rectangle{
			Min: vg.Point{X: 0, Y: -h / 2}, Max: vg.Point{X: right, Y: h / 2},
		}})
	}
	if b.title != "" {
		h := b.titleStyle(0).Height(b.title)
		boxes = append(boxes, plot.GlyphBox{X: 0.5, Y: 1, Rectangle: vg.Rectangle{
			Min: vg.Point{Y: refLabelGap}, Max: vg.Point{Y: refLabelGap + h},
		}})
	}
	if b.refLabel != "" && b.ref >= plt.X.Min && b.ref <= plt.X.Max {
		sty := b.refStyle()
		w, h := sty.Width(b.refLabel), sty.Height(b.refLabel)
		boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(b.ref), Y: 1, Rectangle: vg.Rectangle{
			Min: vg.Point{X: -w / 2, Y: refLabelGap}, Max: vg.Point{X: w / 2, Y: refLabelGap + h},
		}})
	}
	return boxes
}

// hatchedBar draws a bar from x0 to x1 centred on y as a pale tint of clr
// crossed by diagonal lines of it, with a thin outline: the mark of a
// range that was sampled, not found exactly. Like bar, it is at least 1.5
// points wide.
func hatchedBar(c draw.Canvas, clr color.Color, x0, x1, y, h vg.Length) {
	if x1-x0 < 1.5 {
		mid := (x0 + x1) / 2
		x0, x1 = mid-0.75, mid+0.75
	}
	y0, y1 := y-h/2, y+h/2
	box := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
	c.FillPolygon(figure.Translucent(clr, 0.18), box)
	line := draw.LineStyle{Color: clr, Width: 0.7}
	const step = 3
	// Lines rising at 45°, on a fixed grid of x so that every bar's lines
	// line up; each is clipped to the bar.
	for a := vg.Length(math.Floor(float64(x0-h)/step)) * step; a < x1; a += step {
		ax, ay, bx, by := a, y0, a+h, y1
		if ax < x0 {
			ay, ax = ay+(x0-ax), x0
		}
		if bx > x1 {
			by, bx = by-(bx-x1), x1
		}
		if bx > ax {
			c.StrokeLine2(line, ax, ay, bx, by)
		}
	}
	c.StrokeLines(line, append(box, box[0]))
}

// sensitivityLegend explains the bars, the marks and the readers' row.
func sensitivityLegend(st *figure.ChartStyle, s *evaluate.SensitivityResult, sampled bool) []figure.LegendEntry {
	blue, green := st.SeriesColor(0), st.SeriesColor(2)
	const h = 7
	tick := func(fill color.Color) figure.ThumbnailFunc {
		return func(c *draw.Canvas) {
			x, y := c.Center().X, c.Center().Y
			bar(*c, fill, c.Min.X, c.Max.X, y, h)
			c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.8}, x, y-h/2-sensTickOver, x, y+h/2+sensTickOver)
		}
	}
	out := []figure.LegendEntry{
		{Label: "exact range over every coding", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(blue, h)}},
		{Label: "point coding", Thumbs: []plot.Thumbnailer{tick(blue)}},
	}
	if s.Readers.Scale != "" {
		out = append(out, figure.LegendEntry{Label: "readers: 25th–75th percentile, median", Thumbs: []plot.Thumbnailer{tick(green)}})
	}
	if sampled {
		out = append(out, figure.LegendEntry{Label: "sampled range, may be wider", Thumbs: []plot.Thumbnailer{figure.ThumbnailFunc(func(c *draw.Canvas) {
			hatchedBar(*c, blue, c.Min.X, c.Max.X, c.Center().Y, h)
		})}})
	}
	return out
}

// panelStack draws rows of plots from the top, each row's plots side by
// side at equal widths, with the left edges of the first plots' data areas
// aligned down the stack (they share row labels) and each row's data as
// tall as its rows need.
type panelStack struct {
	rows    [][]*plot.Plot
	heights []vg.Length // the data height of each row at the fitted size
	gap     vg.Length   // between rows of plots
	colGap  vg.Length   // between plots in a row
}

func (s *panelStack) add(p *plot.Plot, rows float64, rowH vg.Length) {
	s.addRow([]*plot.Plot{p}, rows, rowH)
}

func (s *panelStack) addRow(ps []*plot.Plot, rows float64, rowH vg.Length) {
	s.rows = append(s.rows, ps)
	s.heights = append(s.heights, vg.Length(rows)*rowH)
}

// pads is the room around the data areas: the widest left of a first
// plot, and of each row the most below and above its plots.
func (s *panelStack) pads() (left vg.Length, bottom, top []vg.Length) {
	bottom, top = make([]vg.Length, len(s.rows)), make([]vg.Length, len(s.rows))
	for j, row := range s.rows {
		for i, p := range row {
			l, _, b, t := figure.PlotPads(p, figure.Nominal)
			if i == 0 {
				left = max(left, l)
			}
			bottom[j], top[j] = max(bottom[j], b), max(top[j], t)
		}
	}
	return left, bottom, top
}

// fitHeight is the height the stack needs: its data heights and the room
// around them.
func (s *panelStack) fitHeight() vg.Length {
	_, bottom, top := s.pads()
	var h vg.Length
	for j := range s.rows {
		h += bottom[j] + top[j] + s.heights[j]
		if j > 0 {
			h += s.gap
		}
	}
	return h
}

// Draw draws the stack on the canvas, scaling the data heights to fill it.
func (s *panelStack) Draw(c draw.Canvas) {
	if len(s.rows) == 0 {
		return
	}
	left, bottom, top := s.pads()
	var fixed, data vg.Length
	for j := range s.rows {
		fixed += bottom[j] + top[j]
		data += s.heights[j]
	}
	fixed += s.gap * vg.Length(len(s.rows)-1)
	scale := max(c.Max.Y-c.Min.Y-fixed, 0) / data
	// The data areas of the rows of one plot end at the same x on the
	// right as well, as far in as the one that needs most room there (for
	// the figures after its bars); a row of small panels uses the width.
	var right vg.Length
	for range 3 {
		most := right
		for j, row := range s.rows {
			if len(row) > 1 {
				continue
			}
			_, rs, _ := s.across(row, left, right, c.Max.X-c.Min.X, s.heights[j]*scale+top[j]+bottom[j])
			most = max(most, rs[0])
		}
		if most == right {
			break
		}
		right = most
	}
	y := c.Max.Y
	for j, row := range s.rows {
		dataTop := y - top[j]
		dataH := s.heights[j] * scale
		r := right
		if len(row) > 1 {
			r = 0
		}
		ls, rs, w := s.across(row, left, r, c.Max.X-c.Min.X, dataH+top[j]+bottom[j])
		x := c.Min.X + left
		for i, p := range row {
			if i > 0 {
				x += ls[i]
			}
			want := vg.Rectangle{Min: vg.Point{X: x, Y: dataTop - dataH}, Max: vg.Point{X: x + w, Y: dataTop}}
			p.Draw(figure.FitData(p, c, want))
			x += w + rs[i] + s.colGap
		}
		y = dataTop - dataH - bottom[j] - s.gap
	}
}

// across is the room each plot of a row takes left and right of its data,
// and the width of each plot's data, in a row of the width and height
// whose first data area starts at left and whose last ends at least right
// from the edge. The room on the right depends on the width (a label
// after a bar near the end of the axis needs more on a narrower plot), so
// it is measured at the size each plot gets, over again, starting from
// the nominal canvas.
func (s *panelStack) across(row []*plot.Plot, left, right, width, height vg.Length) (ls, rs []vg.Length, w vg.Length) {
	ls, rs = make([]vg.Length, len(row)), make([]vg.Length, len(row))
	for i, p := range row {
		ls[i], rs[i], _, _ = figure.PlotPads(p, figure.Nominal)
	}
	last := len(row) - 1
	for range 3 {
		rs[last] = max(rs[last], right)
		room := left + s.colGap*vg.Length(last)
		for i := range row {
			if i > 0 {
				room += ls[i]
			}
			room += rs[i]
		}
		w = max(width-room, 0) / vg.Length(len(row))
		for i, p := range row {
			cell := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: ls[i] + w + rs[i], Y: height}}}
			ls[i], rs[i], _, _ = figure.PlotPads(p, cell)
		}
	}
	rs[last] = max(rs[last], right)
	return ls, rs, w
}

// scoreTicks ticks a score axis at 1, 2, 2.5 or 5 times a power of ten,
// at most 6 labels, each with no more decimals than it needs ("0", "0.5",
// "1"), and an unlabelled minor tick halfway between them.
type scoreTicks struct{}

// Ticks implements plot.Ticker.
func (scoreTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	step := 1.0
	for k := -12; ; k++ {
		step = []float64{1, 2, 2.5, 5}[(k%4+4)%4] * math.Pow(10, math.Floor(float64(k)/4))
		if math.Floor(hi/step+1e-9)-math.Ceil(lo/step-1e-9)+1 <= 6 {
			break
		}
	}
	var ticks []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+1e-9; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(math.Round(v*1e9)/1e9, 'f', -1, 64)})
		if m := v + step/2; m <= hi {
			ticks = append(ticks, plot.Tick{Value: m})
		}
	}
	return ticks
}
