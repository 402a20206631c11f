package charts

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"slices"
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

// MaxWordsPhrases is the most phrase rows WordsChart draws. Fewer are
// drawn when the style's height holds fewer: see WordsChart.
const MaxWordsPhrases = 10

// minWordsPhrases is the least phrase rows WordsChart draws, whatever the
// style's height.
const minWordsPhrases = 3

// WordsChart sets the phrases of the records — the words of each
// statement that its coder read as a probability ("assured", "could
// not", "fairly good"; see evaluate.PhraseOf) — beside the terms of the
// scales, on one 0–100% axis. Each phrase is a row: its words in quotes
// at the left, what the coder read it as (a scale term's interval, a
// range or a probability) as a bar with the point scored ticked, and at
// the right the reading in words. Probabilities are those of the
// statement as worded: "could not capture" read as "almost certain" is
// 87–99% that it could not, and P(capture) is the rest. Under the
// phrases each scale is a row: its terms' points as dots, and the terms a
// phrase was read as drawn as their intervals in that scale's colour, so
// that a phrase and its term line up. Phrases given with --term come
// last, in black. opt.Highlight marks, in the accent colour,
// the phrases it names and those read as a term (or at a level) it
// names, and those terms on the scales' rows.
//
// The chart is as tall as the style says (a slide: 7.5 in), not taller:
// it draws as many phrases as fit there at the style's type sizes, at
// least minWordsPhrases and at most MaxWordsPhrases: the given ones, the
// highlighted ones, then the most probable of the others; a note says
// how many were left out.
func WordsChart(d *evaluate.WordsData, opt WordsOptions) (*figure.Chart, error) {
	if d == nil || len(d.Phrases) == 0 {
		return nil, errors.New("no phrases to chart")
	}
	if len(d.Scales) == 0 {
		return nil, errors.New("no scales to set the phrases beside")
	}
	st := figure.StyleOr(opt.Style)
	marker := &wordRows{match: opt.Highlight, scales: d.Scales}
	// The phrases drawn first: those given, then those highlighted.
	var given, marked, recs []evaluate.Phrase
	for _, p := range d.Phrases {
		switch {
		case p.Given:
			given = append(given, p)
		case marker.marksPhrase(p):
			marked = append(marked, p)
		default:
			recs = append(recs, p)
		}
	}
	build := func(most int) (*figure.Chart, *wordRows, int) {
		first := append(slices.Clone(given), marked...)
		first = first[:min(len(first), most)]
		keep := max(0, most-len(first))
		left := len(d.Phrases) - len(first) - min(keep, len(recs))
		phrases := append(slices.Clone(recs[:min(keep, len(recs))]), first...)
		// Most probable first, the given ones last.
		slices.SortStableFunc(phrases, func(a, b evaluate.Phrase) int {
			if a.Given != b.Given {
				if a.Given {
					return 1
				}
				return -1
			}
			return cmp.Compare(b.Interval.Point, a.Interval.Point)
		})
		rows := &wordRows{style: st, phrases: phrases, scales: d.Scales, match: opt.Highlight}
		ch := figure.NewChart(st, opt.Title, "The words, and what they were read as",
			fmt.Sprintf("%s beside %s: the probability of each statement as worded", capitalize(textout.CountWord(len(phrases), "phrase", "phrases")),
				textout.CountWord(len(d.Scales), "scale", "scales")))
		ch.Body = rows.plot()
		ch.Legend = rows.legend()
		if slices.ContainsFunc(phrases, func(p evaluate.Phrase) bool { return p.Negated }) {
			// Drawn whatever the notes mode: the readings cannot be read without it.
			ch.Remarks = append(ch.Remarks, "“, not”: the statement denies the event, so P(event) is 100% less the bar.")
		}
		ch.Notes = append(ch.Notes, "Dots: each scale's terms (plot scales names them).")
		if left > 0 { // drawn whatever the notes mode: a slide must not hide that rows are missing
			ch.Remarks = append(ch.Remarks, fmt.Sprintf("%s more of the records' phrases are not drawn; choose fewer records with --dataset, --id or --where.",
				capitalize(figure.CountText(float64(left)))))
		}
		if len(d.NoStatement) > 0 {
			ch.Notes = append(ch.Notes, fmt.Sprintf("No statement, so no phrase: %s.", figure.ListSome(d.NoStatement, figure.MaxListed)))
		}
		if m := opt.Highlight; m != nil && len(m.Terms)+len(m.Phrases) == 0 && m.Level == "" {
			ch.Notes = append(ch.Notes, fmt.Sprintf("%q is not drawn here.", m.Word))
		}
		ch.FitBody(vg.Length(rows.n())*rows.rowHeight() + rows.axisHeight())
		return ch, rows, left
	}
	// As many phrases as the style's height holds, counting the note on
	// those left out.
	most := MaxWordsPhrases
	for ; most > minWordsPhrases; most-- {
		ch, _, _ := build(most)
		h := ch.Height
		if st.FixedHeight {
			h = naturalHeight(ch) // a fixed height would hide how squeezed the rows are
		}
		if h <= st.Height {
			break
		}
	}
	ch, _, _ := build(most)
	return ch, nil
}

// plot is the chart's body: the phrases' and scales' rows on a 0–100% axis.
func (w *wordRows) plot() *plot.Plot {
	st := w.style
	p := st.NewPlot("", "")
	figure.PercentAxis(&p.X)
	p.X.Label.Text = ""
	p.X.Tick.Marker = figure.PercentTicks{Step: 0.25} // five labels fit beside long readings
	p.Y.Tick.Label = st.TextStyle(st.SmallSize)
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	var labels []string
	for _, ph := range w.phrases {
		labels = append(labels, cutToWidth(p.Y.Tick.Label, "“"+ph.Text+"”", w.maxPhraseWidth()))
	}
	for _, sc := range w.scales {
		labels = append(labels, sc.Name)
	}
	figure.RowAxis(&p.Y, labels)
	p.Y.Tick.LineStyle.Width = 0
	st.AddGrid(p, true, false)
	p.Add(w)
	return p
}

// axisHeight is the room of the percent axis: tick marks and labels.
func (w *wordRows) axisHeight() vg.Length {
	return figure.LineHeight(w.style.TextStyle(w.style.TickSize)) + 4 + 3 + 3 + 1
}

// maxPhraseWidth is the most width of a phrase at the left of its row:
// about 30 characters.
func (w *wordRows) maxPhraseWidth() vg.Length { return w.style.SmallSize * 14 }

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

func (w *wordRows) rowHeight() vg.Length { return w.style.SmallSize * 1.5 }

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
	case w.marksPhrase(p):
		return w.style.Accent
	case p.Given:
		return w.style.Text
	case p.Term != "":
		if i := w.scaleIndex(p.Scale); i >= 0 {
			return w.scaleColour(i)
		}
	}
	// A reading on no scale: a light grey, which stays apart from every
	// scale's colour when printed in greyscale (the muted text grey would
	// merge with the green of the first scale).
	return noScaleGrey
}

var noScaleGrey = color.Gray{Y: 0xBB}

// scaleColour skips the series colour used as the accent.
func (w *wordRows) scaleColour(i int) color.Color {
	return w.style.SeriesColor([]int{0, 2, 3, 4, 5}[i%5])
}

// marksPhrase reports whether the highlight names the phrase, or the
// term it was read as.
func (w *wordRows) marksPhrase(p evaluate.Phrase) bool {
	if w.match == nil {
		return false
	}
	for _, q := range w.match.Phrases {
		if strings.EqualFold(q.Text, p.Text) {
			return true
		}
	}
	for _, t := range w.match.Terms {
		if p.Term != "" && t.Scale.Name == p.Scale && t.Term.Term == p.Term {
			return true
		}
	}
	return w.match.Level != "" && p.Term != "" && w.termLevel(p) == w.match.Level
}

// termLevel is the level of the term a phrase was read as, or "".
func (w *wordRows) termLevel(p evaluate.Phrase) forecasts.Level {
	for _, sc := range w.scales {
		if sc.Name == p.Scale {
			if t, ok := sc.Lookup(p.Term); ok {
				return t.Level
			}
		}
	}
	return ""
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
	barH := min(rowPx*0.5, w.style.SmallSize*0.9)
	dot := w.style.SmallSize * 0.25
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
		c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: st.SmallSize * 0.18}, x, y-barH*0.7, x, y+barH*0.7)
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
				// A hair apart, so that neighbouring terms (Kent's
				// "probable" and "almost certain") read as two.
				bar(c, tc, trX(t.Interval.Low)+0.6, trX(t.Interval.High)-0.6, y, barH)
			}
		}
		for _, t := range sc.Terms {
			c.DrawGlyphNoClip(draw.GlyphStyle{Color: st.Text, Radius: dot, Shape: draw.CircleGlyph{}}, vg.Point{X: trX(t.Interval.Point), Y: y})
		}
	}
}

// GlyphBoxes implements plot.GlyphBoxer: the readings after the bars.
func (w *wordRows) GlyphBoxes(plt *plot.Plot) []plot.GlyphBox {
	var boxes []plot.GlyphBox
	lab := w.readingStyle()
	for i, p := range w.phrases {
		width := lab.Width(reading(p))
		if w.marksPhrase(p) { // drawn in bold, so wider
			width = w.style.BoldStyle(w.style.SmallSize).Width(reading(p))
		}
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
		bar(*c, noScaleGrey, c.Min.X, c.Max.X, y, 7)
		c.StrokeLine2(draw.LineStyle{Color: st.Text, Width: 1.6}, x, y-5.5, x, y+5.5)
	})
	readAs := "read as: interval, point scored"
	var onScale, offScale bool
	for _, p := range w.phrases {
		switch {
		case p.Given || w.marksPhrase(p):
		case p.Term == "":
			offScale = true
		default:
			onScale = true
		}
	}
	switch {
	case onScale && offScale:
		readAs += " (a scale's term in its colour; grey: on no scale)"
	case onScale:
		readAs += " (a scale's term, in its colour)"
	}
	out := []figure.LegendEntry{
		{Label: readAs, Thumbs: []plot.Thumbnailer{tick}},
		{Label: "a scale's terms", Thumbs: []plot.Thumbnailer{figure.GlyphThumbnail(draw.GlyphStyle{Color: st.Text, Radius: st.SmallSize * 0.25, Shape: draw.CircleGlyph{}})}},
	}
	for _, p := range w.phrases {
		if p.Given {
			out = append(out, figure.LegendEntry{Label: "given with --term", Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Text, 7)}})
			break
		}
	}
	if w.match != nil {
		out = append(out, figure.LegendEntry{Label: fmt.Sprintf("%q", w.match.Word), Thumbs: []plot.Thumbnailer{figure.BarThumbnail(st.Accent, 7)}})
	}
	return out
}

// naturalHeight is how tall the chart would be if its style let it grow:
// a style that fixes the height (a slide's) would otherwise squeeze the
// rows into it, whatever their number.
func naturalHeight(ch *figure.Chart) vg.Length {
	if ch.Style == nil || !ch.Style.FixedHeight {
		_, h := ch.Size()
		return h
	}
	saved := ch.Style
	free := *saved
	free.FixedHeight = false
	ch.Style = &free
	_, h := ch.Size()
	ch.Style = saved
	return h
}
