package figure

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Every chart is bounded in size and in the memory it takes to draw,
// whatever the number of records and the length of their strings.
const (
	// MaxChartHeight is the most height of any chart: 80 cm, 4,725
	// pixels at the default 150 dpi (a PNG canvas of 945 × 4,725 RGBA
	// pixels is 18 MB). A chart whose rows, panels and notes would need
	// more is drawn at this height, squeezed (Chart.Size). The
	// per-record charts never come near it, as they draw at most
	// MaxChartRows rows; the tallest chart of the built-in data, ROC
	// curves of 29 groups in panels, is 65 cm.
	MaxChartHeight = 80 * vg.Centimeter

	// MaxChartRows is the most rows a chart gives to records or cases:
	// beyond it the timeline counts the forecasts by period of issue
	// instead of drawing each, and the contributions chart draws the
	// costliest MaxChartRows; a note on the chart says which.
	MaxChartRows = 60

	// MaxLabelWidth is the most width of a row's label (a record's id),
	// cut with "…" beyond it: 5 cm, a third of the default width.
	MaxLabelWidth = 5 * vg.Centimeter

	// maxNoteLines is the most lines of one note, of the title or of
	// the subtitle, the last cut with "…"; maxListed is the most ids a note lists
	// before "and 1,234 more".
	maxNoteLines = 10
	MaxListed    = 8

	// maxDrawnRunes is the most runes of any one string drawn on a
	// chart's canvas: the last guard, for text that no layout has cut.
	maxDrawnRunes = 300
)

// listSome joins items with ", ", listing at most most of them and
// counting the rest: "a, b, c and 1,204 more".
func ListSome(items []string, most int) string {
	if len(items) <= most {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:most], ", ") + " and " + CountText(float64(len(items)-most)) + " more"
}

// CutRunes cuts s to at most n runes, marking a cut with "…"; it never
// splits a UTF-8 sequence.
func CutRunes(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for k < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	return s[:i] + "…"
}

// boundedText is a canvas that draws at most maxDrawnRunes runes of any
// string: whatever a plotter draws, the SVG or PDF it makes stays small.
type boundedText struct{ vg.Canvas }

func (c boundedText) FillString(f font.Face, p vg.Point, s string) {
	c.Canvas.FillString(f, p, CutRunes(s, maxDrawnRunes))
}

// fitLabel cuts a row's label to MaxLabelWidth in the style.
func FitLabel(sty text.Style, s string) string {
	return fitWidth(sty, s, MaxLabelWidth)
}

// plural writes n with its noun: "1 forecast", "2,500 forecasts".
func Plural(n float64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", CountText(n), many)
}
