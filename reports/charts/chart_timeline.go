package charts

import (
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"

	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/forecasts"
)

// TimelineOptions adjusts TimelineChart.
type TimelineOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
}

// TimelineChart draws each forecast as a line from the day it was issued
// to the day it resolved, one row per record in order of issue, labelled
// by its label (its id when it has none) and coloured by outcome, with the probability it gave the event at
// the line's end. A record not resolved runs, dashed, to the horizon it
// resolves by; one with neither date is a mark at its issue. A partial
// date (1978, 1978-08) is drawn at the start of its year or month with a
// hollow mark. The axis shows years, months or days as the span needs; the
// figure grows with its rows.
//
// More than MaxChartRows records are too many for a line each: the chart
// then counts the forecasts issued in each year (each month over five
// years or less, each decade or more over a long span), in bars stacked
// by outcome, and a note says so.
func TimelineChart(records []*forecasts.Record, opt TimelineOptions) (*figure.Chart, error) {
	if len(records) == 0 {
		return nil, errors.New("no records to chart")
	}
	for _, r := range records {
		if r == nil {
			return nil, errors.New("a nil record")
		}
		if r.Issued.IsZero() {
			return nil, fmt.Errorf("record %s has no issue date", r.ID)
		}
	}
	st := figure.StyleOr(opt.Style)
	if len(records) > figure.MaxChartRows {
		return timelineCountsChart(st, records, opt), nil
	}
	rows := &timelineRows{style: st, records: slices.Clone(records)}
	forecasts.SortRecords(rows.records)
	lo, hi := rows.span()

	p := st.NewPlot("", "Forecast")
	p.Y.Tick.Label = st.TextStyle(st.SmallSize)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	ids := make([]string, len(rows.records))
	for i, r := range rows.records {
		ids[i] = fitRecordLabel(p.Y.Tick.Label, r.Name())
	}
	figure.RowAxis(&p.Y, ids)
	figure.DateAxis(&p.X)
	p.X.Min, p.X.Max = lo, hi
	st.AddGrid(p, true, false)
	p.Add(rows)

	// As many date labels as the axis has room for, at about 32 points
	// each ("Jan 1979" centred between "Nov" and "Mar"; "1950").
	var idWidth vg.Length
	for _, id := range ids {
		idWidth = max(idWidth, p.Y.Tick.Label.Width(id))
	}
	axis := st.Width - 2*st.Margin - idWidth - rows.labelWidth() - 20
	p.X.Tick.Marker = figure.DateTicks{MaxLabels: max(3, min(10, int(axis/32)))}
	p.X.Label.Text = dateAxisLabel(lo, hi)

	ch := figure.NewChart(st, opt.Title, "When the forecasts were made, and how they came out", rows.subtitle())
	ch.Legend, ch.Body = rows.legend(), p
	ch.Notes = []string{"The number after each line is P(event): the probability the forecast gave the event its question names. " +
		"A date known only to the month or year is drawn at the start of that month or year."}
	var bare []string
	for _, r := range rows.records {
		if r.Resolved.IsZero() && r.ResolvesBy.IsZero() {
			bare = append(bare, r.Name())
		}
	}
	if len(bare) > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("No resolution date or horizon, so only the issue is drawn: %s.", figure.ListSome(bare, figure.MaxListed)))
	}
	rowH := st.SmallSize * 1.6
	ch.FitBody(max(vg.Length(len(ids)), 6)*rowH + xAxisHeight(st))
	return ch, nil
}

// dateAxisLabel names the time axis by its unit.
func dateAxisLabel(lo, hi float64) string {
	switch span := figure.ValueDate(hi).Sub(figure.ValueDate(lo)); {
	case span > 3*365*24*time.Hour:
		return "Year"
	case span > 60*24*time.Hour:
		return "Month"
	}
	return "Day"
}

// timelineRows is the plotter of TimelineChart: a row per record, the
// first at the top.
type timelineRows struct {
	style   *figure.ChartStyle
	records []*forecasts.Record
}

// A line is where a record's line starts and ends on the timeline.
type line struct {
	start, end       time.Time
	startDay, endDay bool // the day of the date is known
	hasEnd           bool // it has a resolution or a horizon
	resolved         bool // it ends at its resolution, not at its horizon
}

// lineOf draws a record from its issue to its resolution, or to the
// horizon it resolves by; with neither it ends where it starts. A partial
// date stands at the start of its period.
func lineOf(r *forecasts.Record) line {
	l := line{start: r.Issued.First(), startDay: r.Issued.Day != 0}
	switch {
	case !r.Resolved.IsZero():
		l.end, l.endDay, l.hasEnd, l.resolved = r.Resolved.First(), r.Resolved.Day != 0, true, true
	case !r.ResolvesBy.IsZero():
		l.end, l.endDay, l.hasEnd = r.ResolvesBy.First(), r.ResolvesBy.Day != 0, true
	default:
		l.end = l.start
	}
	if l.end.Before(l.start) {
		l.end = l.start // a partial resolution in the year of issue: 1978 for a forecast of 1978-08
	}
	return l
}

// span is the time axis's range: the records' dates with a margin of 2%
// of the span, or of three days at least.
func (t *timelineRows) span() (lo, hi float64) {
	first, last := time.Time{}, time.Time{}
	for i, r := range t.records {
		l := lineOf(r)
		if i == 0 || l.start.Before(first) {
			first = l.start
		}
		if i == 0 || l.end.After(last) {
			last = l.end
		}
	}
	pad := max(last.Sub(first)/50, 3*24*time.Hour)
	return figure.DateValue(first.Add(-pad)), figure.DateValue(last.Add(pad))
}

const (
	issueRadius = vg.Length(3.4)
	endSide     = vg.Length(5.5)
	pLabelGap   = vg.Length(5)
)

func (t *timelineRows) pStyle() text.Style {
	sty := t.style.TextStyle(t.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

// labelWidth is the widest P(event) label.
func (t *timelineRows) labelWidth() vg.Length {
	var w vg.Length
	for _, r := range t.records {
		w = max(w, t.pStyle().Width(textout.Percent(r.Event.Point)))
	}
	return w + pLabelGap + endSide
}

// Plot implements plot.Plotter.
func (t *timelineRows) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	st := t.style
	guide := draw.LineStyle{Color: st.Grid.Color, Width: 0.8, Dashes: []vg.Length{1, 2.5}}
	n := len(t.records)
	for i, r := range t.records {
		y := trY(figure.RowValue(i, n))
		l := lineOf(r)
		x0, x1 := trX(figure.DateValue(l.start)), trX(figure.DateValue(l.end))
		clr := outcomeColor(st, r.Outcome)

		if x0-issueRadius-2 > c.Min.X {
			c.StrokeLine2(guide, c.Min.X, y, x0-issueRadius-2, y)
		}
		sty := draw.LineStyle{Color: clr, Width: 2}
		if !l.resolved {
			sty.Dashes = []vg.Length{3, 2}
		}
		if x1 > x0 {
			c.StrokeLine2(sty, x0, y, x1, y)
		}
		if l.hasEnd {
			square(c, vg.Point{X: x1, Y: y}, clr, l.endDay)
		}
		circle(c, vg.Point{X: x0, Y: y}, clr, l.startDay)
		right := max(x1+endSide/2, x0+issueRadius)
		// Digits have no descenders: centre them on the line by their
		// ascent, not by the whole line of type.
		lab := t.pStyle()
		c.FillText(lab, vg.Point{X: right + pLabelGap, Y: y + lab.FontExtents().Descent/2}, textout.Percent(r.Event.Point))
	}
}

// circle marks an issue: filled when its day is known, hollow when not.
func circle(c draw.Canvas, p vg.Point, clr color.Color, filled bool) {
	c.DrawGlyphNoClip(draw.GlyphStyle{Color: clr, Radius: issueRadius, Shape: draw.CircleGlyph{}}, p)
	if !filled {
		c.DrawGlyphNoClip(draw.GlyphStyle{Color: color.White, Radius: issueRadius - 1.5, Shape: draw.CircleGlyph{}}, p)
	}
}

// square marks a resolution or horizon: filled when its day is known,
// hollow when not.
func square(c draw.Canvas, p vg.Point, clr color.Color, filled bool) {
	h := endSide / 2
	box := func(h vg.Length) []vg.Point {
		return []vg.Point{{X: p.X - h, Y: p.Y - h}, {X: p.X + h, Y: p.Y - h}, {X: p.X + h, Y: p.Y + h}, {X: p.X - h, Y: p.Y + h}}
	}
	c.FillPolygon(clr, box(h))
	if !filled {
		c.FillPolygon(color.White, box(h-1.4))
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the marks and the P(event)
// labels right of them, so that the plot makes room for them.
func (t *timelineRows) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	n := len(t.records)
	for i, r := range t.records {
		y := plt.Y.Norm(figure.RowValue(i, n))
		l := lineOf(r)
		r0 := vg.Rectangle{Min: vg.Point{X: -issueRadius, Y: -issueRadius}, Max: vg.Point{X: issueRadius, Y: issueRadius}}
		boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(figure.DateValue(l.start)), Y: y, Rectangle: r0})
		w := t.pStyle().Width(textout.Percent(r.Event.Point))
		boxes = append(boxes, plot.GlyphBox{X: plt.X.Norm(figure.DateValue(l.end)), Y: y, Rectangle: vg.Rectangle{
			Min: vg.Point{X: -endSide / 2, Y: -issueRadius},
			Max: vg.Point{X: max(endSide/2, issueRadius) + pLabelGap + w, Y: issueRadius},
		}})
	}
	return boxes
}

func (t *timelineRows) subtitle() string {
	first, last := t.records[0].Issued.Year, t.records[0].Issued.Year
	for _, r := range t.records {
		first, last = min(first, r.Issued.Year), max(last, r.Issued.Year)
	}
	when := fmt.Sprintf("issued %d–%d", first, last)
	if first == last {
		when = fmt.Sprintf("issued in %d", first)
	}
	return fmt.Sprintf("%s %s: each line runs from the issue to the resolution", capitalize(textout.CountWord(len(t.records), "forecast", "forecasts")), when)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// legend explains the outcome colours present, the marks, and the dashed
// line when some record has not resolved.
func (t *timelineRows) legend() []figure.LegendEntry {
	st := t.style
	has := map[string]bool{}
	for _, r := range t.records {
		switch r.Outcome {
		case forecasts.Yes, forecasts.No:
			has[string(r.Outcome)] = true
		default:
			has["unscored"] = true
		}
		l := lineOf(r)
		has["partial"] = has["partial"] || !l.startDay || (l.hasEnd && !l.endDay)
		has["horizon"] = has["horizon"] || (l.hasEnd && !l.resolved)
	}
	outcome := func(o forecasts.Outcome) []plot.Thumbnailer {
		return []plot.Thumbnailer{figure.LineThumbnail(draw.LineStyle{Color: outcomeColor(st, o), Width: 2})}
	}
	var out []figure.LegendEntry
	if has["yes"] {
		out = append(out, figure.LegendEntry{Label: "event happened", Thumbs: outcome(forecasts.Yes)})
	}
	if has["no"] {
		out = append(out, figure.LegendEntry{Label: "did not happen", Thumbs: outcome(forecasts.No)})
	}
	if has["unscored"] {
		out = append(out, figure.LegendEntry{Label: "unresolved or ambiguous (not scored)", Thumbs: outcome(forecasts.Unresolved)})
	}
	mark := func(f func(c draw.Canvas, p vg.Point, clr color.Color, filled bool), filled bool) figure.ThumbnailFunc {
		return func(c *draw.Canvas) { f(*c, c.Center(), st.Text, filled) }
	}
	out = append(out,
		figure.LegendEntry{Label: "issued", Thumbs: []plot.Thumbnailer{mark(circle, true)}},
		figure.LegendEntry{Label: "resolved", Thumbs: []plot.Thumbnailer{mark(square, true)}},
	)
	if has["partial"] {
		out = append(out, figure.LegendEntry{Label: "day unknown", Thumbs: []plot.Thumbnailer{figure.ThumbnailFunc(func(c *draw.Canvas) {
			y := c.Center().Y
			circle(*c, vg.Point{X: c.Min.X + issueRadius, Y: y}, st.Text, false)
			square(*c, vg.Point{X: c.Max.X - endSide/2, Y: y}, st.Text, false)
		})}})
	}
	if has["horizon"] {
		out = append(out, figure.LegendEntry{Label: "not resolved: runs to its horizon", Thumbs: []plot.Thumbnailer{
			figure.LineThumbnail(draw.LineStyle{Color: st.Text, Width: 2, Dashes: []vg.Length{3, 2}}),
		}})
	}
	return out
}

// timelineCountsChart is TimelineChart of more records than it has rows
// for: the forecasts issued in each period, stacked by outcome.
func timelineCountsChart(st *figure.ChartStyle, records []*forecasts.Record, opt TimelineOptions) *figure.Chart {
	c := countByPeriod(records)
	p := st.NewPlot("", "Forecasts issued")
	figure.DateAxis(&p.X)
	p.X.Min, p.X.Max = figure.DateValue(c.starts[0]), figure.DateValue(c.starts[len(c.starts)-1])
	most := 0.0
	for _, k := range c.counts {
		most = max(most, float64(k[0]+k[1]+k[2]))
	}
	p.Y.Min, p.Y.Max = 0, most*1.05
	p.Y.Tick.Marker = figure.CountTicks{}
	p.X.Tick.Marker = figure.DateTicks{MaxLabels: 8}
	p.X.Label.Text = "Year of issue"
	if c.unit == 'm' {
		p.X.Label.Text = "Month of issue"
	}
	st.AddGrid(p, false, true)
	p.Add(&timelineCounts{style: st, periods: c})

	first, last := c.starts[0].Year(), c.starts[len(c.starts)-1].AddDate(0, 0, -1).Year()
	ch := figure.NewChart(st, opt.Title, "When the forecasts were made, and how they came out",
		fmt.Sprintf("%s issued %d–%d, counted by %s of issue", capitalize(figure.Plural(float64(len(records)), "forecast", "forecasts")), first, last, c.name()))
	ch.Body = p
	has := [3]bool{}
	for _, k := range c.counts {
		for o := range k {
			has[o] = has[o] || k[o] > 0
		}
	}
	for o, label := range []string{"event happened", "did not happen", "unresolved or ambiguous (not scored)"} {
		if has[o] {
			ch.Legend = append(ch.Legend, figure.LegendEntry{Label: label, Thumbs: []plot.Thumbnailer{figure.BarThumbnail(outcomeColor(st, countOutcomes[o]), 8)}})
		}
	}
	ch.Notes = []string{fmt.Sprintf("%s are too many to draw a line each (the chart draws at most %d): each bar counts the forecasts issued in a %s, "+
		"by how they came out. hindcast forecasts list names them all.", capitalize(figure.CountText(float64(len(records)))+" forecasts"), figure.MaxChartRows, c.name())}
	ch.GrowBody(figure.MinBody)
	return ch
}

// countOutcomes are the outcomes timelineCounts stacks, from the bottom.
var countOutcomes = [3]forecasts.Outcome{forecasts.Yes, forecasts.No, forecasts.Unresolved}

// periods are the forecasts issued in each period: starts[i] to
// starts[i+1], counted as yes, no and not scored.
type periods struct {
	unit   byte // 'y' or 'm'
	n      int  // years or months a period
	starts []time.Time
	counts [][3]int
}

// maxPeriods is the most bars of the counted timeline.
const maxPeriods = 120

// name is the length of a period, in words: "year", "decade", "month".
func (c *periods) name() string {
	switch {
	case c.unit == 'm':
		return "month"
	case c.n == 1:
		return "year"
	case c.n == 10:
		return "decade"
	case c.n == 100:
		return "century"
	}
	return fmt.Sprintf("%d years", c.n)
}

// countByPeriod counts the records by period of issue: months when they
// were issued within five years, else years, or as many years together
// as keep the periods to maxPeriods.
func countByPeriod(records []*forecasts.Record) *periods {
	first, last := records[0].Issued.First(), records[0].Issued.First()
	for _, r := range records {
		d := r.Issued.First()
		if d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	c := &periods{unit: 'y', n: 1}
	index := func(d time.Time) int { return (d.Year() - first.Year()/c.n*c.n) / c.n }
	if last.Sub(first) <= 5*365*24*time.Hour {
		c.unit = 'm'
		index = func(d time.Time) int {
			return (d.Year()-first.Year())*12 + int(d.Month()) - int(first.Month())
		}
	} else {
		for _, n := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000} {
			c.n = n
			if last.Year()/n-first.Year()/n+1 <= maxPeriods {
				break
			}
		}
	}
	c.counts = make([][3]int, index(last)+1)
	for _, r := range records {
		o := 2
		switch r.Outcome {
		case forecasts.Yes:
			o = 0
		case forecasts.No:
			o = 1
		}
		c.counts[index(r.Issued.First())][o]++
	}
	for i := range len(c.counts) + 1 {
		if c.unit == 'm' {
			c.starts = append(c.starts, time.Date(first.Year(), first.Month()+time.Month(i), 1, 0, 0, 0, 0, time.UTC))
		} else {
			c.starts = append(c.starts, time.Date(first.Year()/c.n*c.n+i*c.n, 1, 1, 0, 0, 0, 0, time.UTC))
		}
	}
	return c
}

// timelineCounts is the plotter of the counted timeline: a bar per
// period, stacked from the bottom by outcome.
type timelineCounts struct {
	style   *figure.ChartStyle
	periods *periods
}

// Plot implements plot.Plotter.
func (t *timelineCounts) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for i, k := range t.periods.counts {
		x0, x1 := trX(figure.DateValue(t.periods.starts[i])), trX(figure.DateValue(t.periods.starts[i+1]))
		gap := min((x1-x0)*0.15, 1.5)
		x0, x1 = x0+gap/2, x1-gap/2
		below := 0
		for o, n := range k {
			if n == 0 {
				continue
			}
			y0, y1 := trY(float64(below)), trY(float64(below+n))
			c.FillPolygon(outcomeColor(t.style, countOutcomes[o]), []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			below += n
		}
	}
}

// outcomeColor is the colour a chart gives a record's outcome: blue for
// yes, vermillion for no, grey for the unscored unresolved and ambiguous.
// Yes and no are not right and wrong, so neither is green or red.
func outcomeColor(s *figure.ChartStyle, o forecasts.Outcome) color.Color {
	switch o {
	case forecasts.Yes:
		return s.Yes
	case forecasts.No:
		return s.No
	}
	return s.NotScored
}
