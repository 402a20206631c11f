package charts

import (
	"cmp"

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
	// Colour says what a line's colour means: ColourWrongWay (the
	// default, for "") or ColourOutcome.
	Colour CaseColour
}

// TimelineChart draws each forecast as a line from the day it was issued
// to the day it resolved, one row per record in order of issue, labelled
// by its label (its id when it has none) and coloured by whether it leaned
// the wrong way (opt.Colour: or by outcome; the classes differ in
// lightness and line width too), with the probability it gave the event
// at the line's end. A record not resolved runs, dashed, to the horizon
// it resolves by; one with neither date is a mark at its issue. A partial
// date (1978, 1978-08) is drawn as the span it names, a hatched box from
// the first day of the year or month to its last, and the line runs from
// the end of the issue's span to the start of the resolution's. The axis
// shows years, months or days as the span needs; the figure grows with
// its rows.
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
	mode, err := checkCaseColour(opt.Colour)
	if err != nil {
		return nil, err
	}
	if len(records) > figure.MaxChartRows {
		return timelineCountsChart(st, records, opt), nil
	}
	rows := &timelineRows{style: st, records: slices.Clone(records), mode: mode}
	forecasts.SortRecords(rows.records)
	groups := timelineGroups(rows.records)
	var body figure.Drawer
	var plots [][]*plot.Plot
	var heights []float64
	var gaps []vg.Length
	for k, g := range groups {
		p := timelinePlot(st, &timelineRows{style: st, records: g, mode: mode}, len(groups) == 1)
		if k < len(groups)-1 {
			p.X.Label.Text = "" // named once, under the last panel
		}
		plots = append(plots, []*plot.Plot{p})
		heights = append(heights, float64(len(g)))
		if k > 0 {
			gaps = append(gaps, 4*vg.Millimeter)
		}
	}
	body = plots[0][0]
	if len(groups) > 1 {
		body = &figure.PlotGrid{Plots: plots, Heights: heights, Gaps: gaps, Style: st}
	}

	ch := figure.NewChart(st, opt.Title, "When the forecasts were made, and how they came out", rows.subtitle())
	ch.Legend, ch.Body = rows.legend(), body
	ch.Notes = []string{"The number after each line is P(event): the probability the forecast gave the event its question names. " +
		"A date known only to the month or year is drawn as that whole month or year, hatched."}
	if len(groups) > 1 {
		lo, hi := rows.yearRange()
		ch.Notes = append(ch.Notes, fmt.Sprintf("The forecasts run from %d to %d with long stretches when none runs: "+
			"each of the %d panels is a stretch on its own time scale; compare lengths within a panel, not across.",
			lo, hi, len(groups)))
	}
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
	axes := vg.Length(len(groups)) * xAxisHeight(st)
	for _, g := range gaps {
		axes += g
	}
	ch.FitBody(max(vg.Length(len(rows.records)), 6)*rowH + axes)
	return ch, nil
}

// timelinePlot is the plot of a timeline's rows: a row per record, the
// time axis over their dates; yLabel says whether the rows' axis is named.
func timelinePlot(st *figure.ChartStyle, rows *timelineRows, yLabel bool) *plot.Plot {
	lo, hi := rows.span()
	p := st.NewPlot("", "")
	if yLabel {
		p.Y.Label.Text = "Forecast"
	}
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
	axis := st.Width - 2*st.Margin - MaxRecordLabelWidth - rows.labelWidth() - 20
	p.X.Tick.Marker = figure.DateTicks{MaxLabels: max(3, min(10, int(axis/32)))}
	p.X.Label.Text = dateAxisLabel(lo, hi)
	return p
}

// Grouping a long timeline: a stretch of at least minBreak, and of a
// twentieth of the whole span, in which no record's line or date runs
// breaks the time axis, into at most maxGroups panels, when the panels
// together cover no more than two thirds of the span.
const (
	minBreak  = 2 * 365 * 24 * time.Hour
	maxGroups = 4
)

// timelineGroups splits records, in order of issue, into runs separated
// by the longest empty stretches of time (see minBreak): each is drawn
// on a time scale of its own. A timeline without such stretches is one
// group.
func timelineGroups(records []*forecasts.Record) [][]*forecasts.Record {
	type gap struct {
		at  int // the first record after the gap
		len time.Duration
	}
	var gaps []gap
	var first, reach time.Time
	for i, r := range records {
		l := lineOf(r)
		if i == 0 {
			first, reach = l.first(), l.last()
			continue
		}
		if d := l.first().Sub(reach); d > 0 {
			gaps = append(gaps, gap{i, d})
		}
		if l.last().After(reach) {
			reach = l.last()
		}
	}
	total := reach.Sub(first)
	least := max(minBreak, total/20)
	gaps = slices.DeleteFunc(gaps, func(g gap) bool { return g.len < least })
	slices.SortStableFunc(gaps, func(a, b gap) int { return cmp.Compare(b.len, a.len) })
	gaps = gaps[:min(len(gaps), maxGroups-1)]
	var empty time.Duration
	for _, g := range gaps {
		empty += g.len
	}
	if len(gaps) == 0 || 3*float64(total-empty) > 2*float64(total) {
		return [][]*forecasts.Record{records}
	}
	slices.SortFunc(gaps, func(a, b gap) int { return cmp.Compare(a.at, b.at) })
	var out [][]*forecasts.Record
	from := 0
	for _, g := range gaps {
		out = append(out, records[from:g.at])
		from = g.at
	}
	return append(out, records[from:])
}

// yearRange is the first and last year the records' lines and dates reach.
func (t *timelineRows) yearRange() (lo, hi int) {
	lo, hi = t.records[0].Issued.Year, t.records[0].Issued.Year
	for _, r := range t.records {
		l := lineOf(r)
		lo, hi = min(lo, l.first().Year()), max(hi, l.last().Year())
	}
	return lo, hi
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
	mode    CaseColour
}

// A line is where a record's line starts and ends on the timeline, and
// the spans its partial dates name.
type line struct {
	start, end       time.Time // the line: from the issue (the end of its span) to the resolution (the start of its span)
	startDay, endDay bool      // the day of the date is known
	hasEnd           bool      // it has a resolution or a horizon
	resolved         bool      // it ends at its resolution, not at its horizon
	// issueSpan and endSpan are the first and last days a partial date
	// names: 1978 is 1978-01-01 to 1978-12-31; zero for a day.
	issueSpan, endSpan [2]time.Time
}

// lineOf draws a record from its issue to its resolution, or to the
// horizon it resolves by; with neither it ends where it starts. A partial
// date is a span: the line leaves the issue's at its end and meets the
// resolution's at its start.
func lineOf(r *forecasts.Record) line {
	l := line{start: r.Issued.Last(), startDay: r.Issued.Day != 0}
	if !l.startDay {
		l.issueSpan = [2]time.Time{r.Issued.First(), r.Issued.Last()}
	}
	var end forecasts.Date
	switch {
	case !r.Resolved.IsZero():
		end, l.hasEnd, l.resolved = r.Resolved, true, true
	case !r.ResolvesBy.IsZero():
		end, l.hasEnd = r.ResolvesBy, true
	}
	if l.hasEnd {
		l.end, l.endDay = end.First(), end.Day != 0
		if !l.endDay {
			l.endSpan = [2]time.Time{end.First(), end.Last()}
		}
	} else {
		l.end = l.start
	}
	if l.end.Before(l.start) {
		l.end = l.start // spans that overlap: 1978 for a forecast of 1978-08
	}
	return l
}

// first and last are the earliest and latest days the line and its spans reach.
func (l line) first() time.Time {
	if !l.issueSpan[0].IsZero() {
		return l.issueSpan[0]
	}
	return l.start
}

func (l line) last() time.Time {
	if !l.endSpan[1].IsZero() && l.endSpan[1].After(l.end) {
		return l.endSpan[1]
	}
	return l.end
}

// span is the time axis's range: the records' dates with a margin of 2%
// of the span, or of three days at least.
func (t *timelineRows) span() (lo, hi float64) {
	first, last := time.Time{}, time.Time{}
	for i, r := range t.records {
		l := lineOf(r)
		if i == 0 || l.first().Before(first) {
			first = l.first()
		}
		if i == 0 || l.last().After(last) {
			last = l.last()
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
		m := caseMarkOf(st, t.mode, r.Event.Point, r.Outcome)
		clr := m.fill
		if m.edge != nil {
			clr = m.edge
		}
		left := x0
		if !l.startDay {
			left = trX(figure.DateValue(l.issueSpan[0]))
		}
		if left-issueRadius-2 > c.Min.X {
			c.StrokeLine2(guide, c.Min.X, y, left-issueRadius-2, y)
		}
		if x1 > x0 {
			m.line(c, x0, x1, y, !l.resolved)
		}
		if !l.startDay {
			spanBox(c, trX(figure.DateValue(l.issueSpan[0])), trX(figure.DateValue(l.issueSpan[1])+86400), y, clr)
		} else {
			circle(c, vg.Point{X: x0, Y: y}, clr, true)
		}
		if l.hasEnd {
			if l.endDay {
				square(c, vg.Point{X: x1, Y: y}, clr, true)
			} else {
				spanBox(c, trX(figure.DateValue(l.endSpan[0])), trX(figure.DateValue(l.endSpan[1])+86400), y, clr)
				x1 = max(x1, trX(figure.DateValue(l.endSpan[1])+86400)-endSide/2)
			}
		}
		right := max(x1+endSide/2, x0+issueRadius)
		// Digits have no descenders: centre them on the line by their
		// ascent, not by the whole line of type.
		lab := t.pStyle()
		c.FillText(lab, vg.Point{X: right + pLabelGap, Y: y + lab.FontExtents().Descent/2}, textout.Percent(r.Event.Point))
	}
}

// spanBox marks a date known only to its year or month: a hatched box
// over the days it may be, at least as wide as a mark.
func spanBox(c draw.Canvas, x0, x1, y vg.Length, clr color.Color) {
	if x1-x0 < endSide {
		mid := (x0 + x1) / 2
		x0, x1 = mid-endSide/2, mid+endSide/2
	}
	h := endSide * 0.9
	box := vg.Rectangle{Min: vg.Point{X: x0, Y: y - h}, Max: vg.Point{X: x1, Y: y + h}}
	c.FillPolygon(color.White, rectPoints(box))
	hatch(c, box, clr, 0.9, 3)
	pts := rectPoints(box)
	c.StrokeLines(draw.LineStyle{Color: clr, Width: 1.1}, append(pts, pts[0]))
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
	ps, os := make([]float64, len(t.records)), make([]forecasts.Outcome, len(t.records))
	for i, r := range t.records {
		ps[i], os[i] = r.Event.Point, r.Outcome
	}
	out := caseLegend(st, t.mode, ps, os)
	mark := func(f func(c draw.Canvas, p vg.Point, clr color.Color, filled bool), filled bool) figure.ThumbnailFunc {
		return func(c *draw.Canvas) { f(*c, c.Center(), st.Text, filled) }
	}
	out = append(out,
		figure.LegendEntry{Label: "issued", Thumbs: []plot.Thumbnailer{mark(circle, true)}},
		figure.LegendEntry{Label: "resolved", Thumbs: []plot.Thumbnailer{mark(square, true)}},
	)
	if has["partial"] {
		out = append(out, figure.LegendEntry{Label: "only the month or year known", Thumbs: []plot.Thumbnailer{figure.ThumbnailFunc(func(c *draw.Canvas) {
			spanBox(*c, c.Min.X, c.Max.X, c.Center().Y, st.Text)
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
