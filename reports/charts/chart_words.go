package charts

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/figure"
	"github.com/hindcast/hindcast/reports/textout"
)

// WordsOptions adjusts WordsChart.
type WordsOptions struct {
	// Style is the look; nil means DefaultChartStyle().
	Style *figure.ChartStyle
	// Title replaces the chart's title.
	Title string
	// Highlight marks a word (evaluate.MatchWord): its phrases and scale
	// terms in the accent colour, in bold. Nil marks nothing.
	Highlight *evaluate.WordMatch
}

// MaxWordsPhrases is the most phrase rows WordsChart draws: with a row
// for each scale under them, few enough that the chart fits a 16:9
// slide with its smallest text at 20 points or more.
const MaxWordsPhrases = 10

// WordsChart sets the phrases of the records — the words of each
// statement that its coder read as a probability ("assured", "could
// not", "fairly good") — beside the terms of the scales, on one 0–100%
// axis. Each phrase is a row: its words in quotes at the left, what the
// coder read it as (a scale term's interval, a range or a probability)
// as a bar with the point scored ticked, and after it the reading in
// words. Probabilities are those of the statement as worded: "could not
// capture" read as "almost certain" is 87–99% that it could not, and
// P(capture) is the rest. Under the phrases, each scale is a row: its
// terms' points as dots, and the terms a phrase was read as drawn as
// their intervals in that scale's colour, so a phrase and its term line
// up. The phrases given with --term come last, in the accent colour.
//
// At most MaxWordsPhrases phrases are drawn: the given ones and the most
// probable of the records'; a note names how many were left out.
func WordsChart(d *evaluate.WordsData, opt WordsOptions) (*figure.Chart, error) {
	if d == nil || len(d.Phrases) == 0 {
		return nil, errors.New("no phrases to chart")
	}
	if len(d.Scales) == 0 {
		return nil, errors.New("no scales to set the phrases beside")
	}
	st := figure.StyleOr(opt.Style)
	var given, recs []evaluate.Phrase
	for _, p := range d.Phrases {
		if p.Given {
			given = append(given, p)
		} else {
			recs = append(recs, p)
		}
	}
	keep := max(0, MaxWordsPhrases-len(given))
	left := len(recs) - min(keep, len(recs))
	phrases := append(recs[:min(keep, len(recs))], given[:min(len(given), MaxWordsPhrases)]...)

	rows := &wordRows{style: st, phrases: phrases, scales: d.Scales, match: opt.Highlight}
	p := st.NewPlot("Probability of the statement as worded", "")
	figure.PercentAxis(&p.X)
	p.X.Tick.Marker = figure.PercentTicks{Step: 0.2}
	p.Y.Tick.Label = st.TextStyle(st.SmallSize)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	var labels []string
	for _, ph := range phrases {
		labels = append(labels, cutToWidth(p.Y.Tick.Label, "“"+ph.Text+"”", maxPhraseWidth))
	}
	for _, sc := range d.Scales {
		labels = append(labels, sc.Name)
	}
	figure.RowAxis(&p.Y, labels)
	p.Y.Tick.LineStyle.Width = 0
	st.AddGrid(p, true, false)
	p.Add(rows)

	ch := figure.NewChart(st, opt.Title, "The words, and what they were read as",
		fmt.Sprintf("%s beside %s", capitalize(textout.CountWord(len(phrases), "phrase", "phrases")), textout.CountWord(len(d.Scales), "scale", "scales")))
	ch.Body = p
	ch.Legend = rows.legend()
	ch.Notes = append(ch.Notes, "A phrase is the words of a statement its coder read: the estimate's term where the statement has it, "+
		"else the words the coder note quotes, else the whole statement. “not” after a reading: the statement denies the event, so P(event) is 100% less the bar.")
	if left > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("%s of the records' phrases are not drawn (the chart draws %d); choose fewer records with --dataset, --id or --where.",
			capitalize(figure.CountText(float64(left))), MaxWordsPhrases))
	}
	if len(d.NoStatement) > 0 {
		ch.Notes = append(ch.Notes, fmt.Sprintf("No statement, so no phrase: %s.", figure.ListSome(d.NoStatement, figure.MaxListed)))
	}
	if m := opt.Highlight; m != nil && len(m.Terms)+len(m.Phrases) == 0 && m.Level == "" {
		ch.Notes = append(ch.Notes, fmt.Sprintf("%q is not drawn here.", m.Word))
	}
	ch.FitBody(vg.Length(len(labels))*rows.rowHeight() + xAxisHeight(st))
	return ch, nil
}

// maxPhraseWidth is the most width of a phrase at the left of its row:
// about 30 characters at the default size.
const maxPhraseWidth = 4.5 * vg.Centimeter

// cutToWidth cuts s to the width in the style, ending it with "…”".
func cutToWidth(sty text.Style, s string, width vg.Length) string {
	if sty.Width(s) <= width {
		return s
	}
	r := []rune(strings.TrimSuffix(s, "”"))
	for k := len(r) - 1; k > 0; k-- {
		c := strings.TrimRight(string(r[:k]), " ,;:(/–-") + "…”"
		if sty.Width(c) <= width {
			return c
		}
	}
	return figure.FitLabel(sty, s)
}

// wordRows is the plotter of WordsChart: a row per phrase, then a row per
// scale, from the top.
type wordRows struct {
	style   *figure.ChartStyle
	phrases []evaluate.Phrase
	scales  []*forecasts.Scale
	match   *evaluate.WordMatch
}

func (w *wordRows) rowHeight() vg.Length { return w.style.SmallSize * 2 }

func (w *wordRows) n() int { return len(w.phrases) + len(w.scales) }

// scaleIndex is the place of the named scale among the chart's, or −1.
func (w *wordRows) scaleIndex(name string) int {
	for i, sc := range w.scales {
		if sc.Name == name {
			return i
		}
	}
	return -1
}

// phraseColour is a phrase's bar: its scale's colour, dark grey for a
// range or probability, the accent for a phrase given or highlighted.
func (w *wordRows) phraseColour(p evaluate.Phrase) color.Color {
	switch {
	case w.marksPhrase(p) || p.Given:
		return w.style.Accent
	case p.Term != "":
		if i := w.scaleIndex(p.Scale); i >= 0 {
			return w.scaleColour(i)
		}
	}
	return w.style.Muted
}

// scaleColour skips the series colour used as the accent.
func (w *wordRows) scaleColour(i int) color.Color {
	return w.style.SeriesColor([]int{0, 2, 3, 4, 5}[i%5])
}

func (w *wordRows) marksPhrase(p evaluate.Phrase) bool {
	if w.match == nil {
		return false
	}
	for _, q := range w.match.Phrases {
		if strings.EqualFold(q.Text, p.Text) {
			return true
		}
	}
	return false
}

func (w *wordRows) marksTerm(sc *forecasts.Scale, t *forecasts.Term) bool {
	if w.match == nil {
		return false
	}
	if w.match.Level != "" {
		return t.Level == w.match.Level
	}
	for _, m := range w.match.Terms {
		if m.Scale.Name == sc.Name && m.Term == t {
			return true
		}
	}
	return false
}

// used reports whether some phrase drawn was read as the term.
func (w *wordRows) used(sc *forecasts.Scale, t *forecasts.Term) bool {
	for _, p := range w.phrases {
		if p.Scale == sc.Name && p.Term == t.Term {
			return true
		}
	}
	return false
}

func (w *wordRows) readingStyle() text.Style {
	sty := w.style.TextStyle(w.style.SmallSize)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	return sty
}

// reading is what the phrase was read as, after its bar.
func reading(p evaluate.Phrase) string {
	iv := p.Interval
	s := textout.Percent(iv.Point)
	if iv.High > iv.Low {
		s = strings.TrimSuffix(textout.Percent(iv.Low), "%") + "–" + textout.Percent(iv.High)
	}
	if p.Term != "" {
		s = p.Term + " (" + p.Scale + ")"
	}
	if p.Negated {
		s += ", not"
	}
	if n := len(p.Records); n > 1 {
		s += fmt.Sprintf(" ×%d", n)
	}
	return s
}

// Plot implements plot.Plotter.
func (w *wordRows) Plot(c draw.Canvas, plt *plot.Plot) {
	st := w.style
	trX, trY := plt.Transforms(&c)
	n := w.n()
	rowPx := trY(1) - trY(0)
	barH := min(rowPx*0.45, 8)
	lab := w.readingStyle()
	// A rule between the phrases and the scales.
	ySep := trY(figure.RowValue(len(w.phrases), n) + 0.5)
	c.StrokeLine2(draw.LineStyle{Color: st.Muted, Width: 0.8}, c.Min.X, ySep, c.Max.X, ySep)
	for i, p := range w.phrases {
		y := trY(figure.RowValue(i, n))
		lo, hi := trX(p.Interval.Low), trX(p.Interval.High)
		clr := w.phraseColour(p)
		bar(c, clr, lo, hi, y, barH)
		x := trX(p.Interval.Point)
		c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.6}, x, y-barH/2-2, x, y+barH/2+2)
		text := reading(p)
		tx := c.Max.X + barLabelGap + 2
		sty := lab
		if w.marksPhrase(p) {
			sty = st.BoldStyle(st.SmallSize)
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
			sty.Color = st.Accent
		}
		c.FillText(sty, vg.Point{X: tx, Y: y}, text)
	}
	for k, sc := range w.scales {
		y := trY(figure.RowValue(len(w.phrases)+k, n))
		clr := w.scaleColour(k)
		for _, t := range sc.Terms {
			if w.used(sc, t) || w.marksTerm(sc, t) {
				tc := clr
				if w.marksTerm(sc, t) {
					tc = st.Accent
				}
				bar(c, tc, trX(t.Interval.Low), trX(t.Interval.High), y, barH)
			}
		}
		for _, t := range sc.Terms {
			c.DrawGlyphNoClip(draw.GlyphStyle{Color: st.Text, Radius: 2.2, Shape: draw.CircleGlyph{}}, vg.Point{X: trX(t.Interval.Point), Y: y})
		}
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the readings after the bars.
func (w *wordRows) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	lab := w.readingStyle()
	for i, p := range w.phrases {
		width := lab.Width(reading(p))
		h := lab.Height("0")
		boxes = append(boxes, plot.GlyphBox{X: 1, Y: plt.Y.Norm(figure.RowValue(i, w.n())), Rectangle: vg.Rectangle{
			Min: vg.Point{X: 0, Y: -h / 2}, Max: vg.Point{X: barLabelGap + 2 + width, Y: h / 2},
		}})
	}
	return boxes
}

// legend explains the marks.
func (w *wordRows) legend() []figure.LegendEntry {
	st := w.style
	tick := figure.ThumbnailFunc(func(c *draw.Canvas) {
		x, y := c.Center().X, c.Center().Y
		bar(*c, st.Muted, c.Min.X, c.Max.X, y, 7)
		c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.6}, x, y-5.5, x, y+5.5)
	})
	out := []figure.LegendEntry{
		{Label: "read as: interval, point scored", Thumbs: []plot.Thumbnailer{tick}},
		{Label: "a scale's terms", Thumbs: []plot.Thumbnailer{figure.GlyphThumbnail(draw.GlyphStyle{Color: st.Text, Radius: 2.2, Shape: draw.CircleGlyph{}})}},
	}
	for _, p := range w.phrases {
		if p.Given {
			out = append(out, figure.LegendEntry{Label: "given with --term", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Accent, 7)}})
			break
		}
	}
	if w.match != nil {
		out = append(out, figure.LegendEntry{Label: fmt.Sprintf("%q", w.match.Word), Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Accent, 7)}})
	}
	return out
}
