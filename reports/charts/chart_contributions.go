package charts

import (
	"fmt"
	"image/color"
	"math"
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
}

// DefaultContributionsTop is the most cases ContributionsChart draws
// unless told otherwise.
const DefaultContributionsTop = 40

// ContributionsChart draws which cases cost most: each scored case's
// Brier score, (P − outcome)², or with opt.Log its log score, as a
// horizontal bar labelled with the case's label (its id when it has
// none; see fitRecordLabel), the costliest at the top,
// coloured by outcome, with its score and forecast at its end. Upright
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
	var rows []contribution
	for _, c := range d.Rows {
		rows = append(rows, contribution{name: c.Name, p: c.P, outcome: c.Outcome, score: c.Score})
	}
	sum, mean, rule50, unscored := d.Total, d.Mean, d.Half, d.Unscored
	all := len(rows)
	rows = rows[:min(top, len(rows))]

	bars := &contributionBars{style: st, rows: rows, mean: mean, half: rule50}
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
	has := map[forecasts.Outcome]bool{}
	for _, r := range rows {
		has[r.outcome] = true
	}
	if has[forecasts.Yes] {
		ch.Legend = append(ch.Legend, figure.LegendEntry{Label: "event happened", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Yes, 8)}})
	}
	if has[forecasts.No] {
		ch.Legend = append(ch.Legend, figure.LegendEntry{Label: "did not happen", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.No, 8)}})
	}
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
		bar(c, outcomeColor(st, r.outcome), trX(0), ends[i], trY(figure.RowValue(i, n)), barH)
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
