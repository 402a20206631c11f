package figure

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// A Size is the size a chart is drawn at: its width and height on the
// page or screen, the resolution of a PNG, and what follows from them:
// how large the type is and what the chart has room for.
//
// A chart is laid out on a page TextScale times smaller than the size
// asked, in the house type sizes (the smallest 9 pt), and then drawn
// TextScale times larger: so every length of the layout, type, lines,
// gaps and margins, grows together, and the smallest text of a chart
// drawn at a Size is 9 pt × TextScale.
type Size struct {
	// Name is the preset's name, or "" for a size given as WxH.
	Name string
	// Width and Height are the size of the figure on the page. A Height
	// of zero lets the chart be as tall as it needs (the default size).
	Width, Height vg.Length
	// DPI is the resolution of a PNG, in dots per inch of Width.
	DPI int
	// TextScale is how much the house layout is enlarged; see Size.
	TextScale float64
	// Notes says which notes are drawn under the chart by default.
	Notes NotesMode
	// SidePanels says whether explanation panels beside a plot (the
	// reliability and ROC charts' tables and glossary) are drawn; when
	// they are not, their text goes to the speaker notes.
	SidePanels bool
}

// NotesMode says which of a chart's notes are drawn under it. Notes
// that are not drawn are still the chart's (Chart.SpeakerNotes).
type NotesMode string

// The notes modes.
const (
	// NotesFull draws every note: what the marks mean, how the figures
	// were made, and the caveats.
	NotesFull NotesMode = "full"
	// NotesShort draws only the caveats: small samples, groups left
	// out, cases not scored.
	NotesShort NotesMode = "short"
	// NotesNone draws no note (the caveats on how the records were
	// chosen and the notes given with --note are drawn still).
	NotesNone NotesMode = "none"
)

// NotesModes lists the notes modes.
var NotesModes = []NotesMode{NotesFull, NotesShort, NotesNone}

// ParseNotesMode reads full, short or none.
func ParseNotesMode(s string) (NotesMode, error) {
	if m := NotesMode(s); slices.Contains(NotesModes, m) {
		return m, nil
	}
	return "", fmt.Errorf("notes %q: use full, short or none", s)
}

// The layout is the house style's at TextScale 1: 9 pt is its smallest type.
const houseSmallest = 9

// DefaultDPI is the resolution of a PNG unless a preset or --dpi says otherwise.
const DefaultDPI = 150

// The presets. Each is a page size, a resolution and the smallest type
// on that page; the smallest type sets TextScale (houseSmallest pt at
// scale 1).
var presets = []struct {
	Size
	smallest float64 // pt on the page
	about    string
}{
	{Size{Name: "default", Width: 16 * vg.Centimeter, Height: 0, DPI: 150, Notes: NotesFull, SidePanels: true}, houseSmallest,
		"16 cm wide at 150 dpi (945 px), as tall as the chart needs: for print and the report"},
	{Size{Name: "slide", Width: 13.333 * vg.Inch, Height: 7.5 * vg.Inch, DPI: 144, Notes: NotesNone, SidePanels: false}, 20,
		"1920 × 1080 px, a 16:9 slide of 13.33 × 7.5 in at 144 dpi; no text under 20 pt; notes and side panels go to the speaker notes"},
	{Size{Name: "handout", Width: 6.5 * vg.Inch, Height: 4.5 * vg.Inch, DPI: 150, Notes: NotesShort, SidePanels: true}, houseSmallest,
		"6.5 × 4.5 in at 150 dpi (975 × 675 px): half a Letter or A4 page inside its margins; caveats drawn, explanations to the notes"},
	{Size{Name: "web", Width: 720, Height: 450, DPI: 96, Notes: NotesShort, SidePanels: true}, 10.5,
		"960 × 600 px at 96 dpi, no text under 14 px; caveats drawn, explanations to the notes"},
}

// PresetNames lists the presets, default first.
func PresetNames() []string {
	var names []string
	for _, p := range presets {
		names = append(names, p.Name)
	}
	return names
}

// PresetHelp says what each preset is, one line each.
func PresetHelp() string {
	var b strings.Builder
	for _, p := range presets {
		fmt.Fprintf(&b, "  %-8s %s\n", p.Name, p.about)
	}
	return b.String()
}

// DefaultSize is today's size of every chart: the house style unchanged.
func DefaultSize() Size {
	s, _ := Preset("default", 0)
	return s
}

// Preset returns the named preset; dpi, when positive, replaces its
// resolution (the page size and type stay; a PNG gets more pixels).
func Preset(name string, dpi int) (Size, error) {
	for _, p := range presets {
		if p.Name == name {
			s := p.Size
			if dpi > 0 {
				s.DPI = dpi
			}
			s.TextScale = roundScale(p.smallest/houseSmallest, s.DPI)
			if err := s.check(); err != nil {
				return Size{}, fmt.Errorf("size %s: %v", name, err)
			}
			return s, nil
		}
	}
	return Size{}, fmt.Errorf("no size preset %q; the presets are %s", name, strings.Join(PresetNames(), ", "))
}

// Limits of a size: a chart needs room for a title, an axis and a plot
// at the house type sizes, and a PNG must stay a few tens of MB at most.
const (
	minLayoutWidth  = 8 * vg.Centimeter // at TextScale 1
	minLayoutHeight = 5 * vg.Centimeter
	maxPixels       = 8000 // per side of a PNG
	minDPI, maxDPI  = 36, 1200
)

// ParseSize reads a size: a preset's name (default, slide, handout, web)
// or WIDTHxHEIGHT, in pixels (1920x1080, at dpi dots per inch, 150 when
// dpi is 0) or with a unit, in, cm, mm, pt or px, on either side or both
// (13.33inx7.5in, 20cmx12cm, 20x12cm). dpi, when positive, sets the
// resolution of a PNG.
//
// A size given as WxH keeps the house type sizes up to 16 cm wide and
// enlarges the whole layout in proportion above that (TextScale is the
// width over 16 cm, rounded by roundScale), so a wider chart is the default
// chart zoomed rather than the same type on a larger page. The height
// is kept: no chart is taller than asked.
func ParseSize(s string, dpi int) (Size, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if dpi != 0 && (dpi < minDPI || dpi > maxDPI) {
		return Size{}, fmt.Errorf("dpi %d: use %d to %d", dpi, minDPI, maxDPI)
	}
	if slices.Contains(PresetNames(), s) {
		return Preset(s, dpi)
	}
	ws, hs, ok := strings.Cut(s, "x")
	if !ok || ws == "" || hs == "" {
		return Size{}, fmt.Errorf("size %s: give a preset (%s) or WIDTHxHEIGHT such as 1920x1080, 13.33inx7.5in or 20cmx12cm",
			s, strings.Join(PresetNames(), ", "))
	}
	if dpi == 0 {
		dpi = DefaultDPI
	}
	wv, wu, err := parseLength(ws)
	if err != nil {
		return Size{}, fmt.Errorf("size %s: width: %v", s, err)
	}
	hv, hu, err := parseLength(hs)
	if err != nil {
		return Size{}, fmt.Errorf("size %s: height: %v", s, err)
	}
	if wu == "" {
		wu = hu
	}
	if hu == "" {
		hu = wu
	}
	z := Size{Width: toLength(wv, wu, dpi), Height: toLength(hv, hu, dpi), DPI: dpi, Notes: NotesFull, SidePanels: true}
	z.TextScale = roundScale(max(1, float64(z.Width/(16*vg.Centimeter))), dpi)
	if err := z.check(); err != nil {
		return Size{}, fmt.Errorf("size %s: %v", s, err)
	}
	return z, nil
}

// roundScale rounds a text scale so that the layout's resolution, dpi ×
// k, is a whole number of dots per inch: a PNG then has exactly the
// pixels of the size.
func roundScale(k float64, dpi int) float64 {
	return math.Round(float64(dpi)*k) / float64(dpi)
}

// units are the units a length may be given in, in points.
var units = map[string]float64{"in": 72, "cm": 72 / 2.54, "mm": 72 / 25.4, "pt": 1}

// parseLength reads a positive number and its unit ("" when none).
func parseLength(s string) (float64, string, error) {
	num := strings.TrimRightFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
	unit := s[len(num):]
	if strings.TrimSpace(num) == "" {
		return 0, "", fmt.Errorf("%q is not a number", s)
	}
	if _, ok := units[unit]; !ok && unit != "" && unit != "px" {
		return 0, "", fmt.Errorf("unit %q: use px, in, cm, mm or pt", unit)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, "", fmt.Errorf("%q is not a number", strings.TrimSpace(num))
	}
	if v <= 0 {
		return 0, "", fmt.Errorf("%s is not positive", num)
	}
	return v, unit, nil
}

// toLength is v in unit (pixels at dpi when the unit is px or none).
func toLength(v float64, unit string, dpi int) vg.Length {
	if pt, ok := units[unit]; ok {
		return vg.Length(v * pt)
	}
	return vg.Length(v * 72 / float64(dpi))
}

// check says what is wrong with a size: too small for a chart's type at
// its scale, or too many pixels.
func (z Size) check() error {
	lw, lh := z.layout()
	if lw < minLayoutWidth {
		return fmt.Errorf("%s wide is too narrow for a chart with %.0f pt type: give at least %s",
			lengthText(z.Width), houseSmallest*z.TextScale, lengthText(minLayoutWidth*vg.Length(z.TextScale)))
	}
	if z.Height > 0 && lh < minLayoutHeight {
		return fmt.Errorf("%s high is too low for a chart with %.0f pt type: give at least %s",
			lengthText(z.Height), houseSmallest*z.TextScale, lengthText(minLayoutHeight*vg.Length(z.TextScale)))
	}
	if pw, ph := z.Pixels(); pw > maxPixels || ph > maxPixels {
		return fmt.Errorf("%d × %d pixels at %d dpi: a PNG may have at most %d on a side", pw, ph, z.DPI, maxPixels)
	}
	if z.Height == 0 && z.Width.Dots(float64(z.DPI)) > maxPixels {
		return fmt.Errorf("%s at %d dpi is more than %d pixels wide", lengthText(z.Width), z.DPI, maxPixels)
	}
	return nil
}

func lengthText(l vg.Length) string {
	return fmt.Sprintf("%.1f cm (%.2f in)", float64(l/vg.Centimeter), float64(l/vg.Inch))
}

// Pixels is the size of a PNG at the size, in pixels; the height is 0
// when the chart sets it.
func (z Size) Pixels() (w, h int) {
	return int(z.Width.Dots(float64(z.DPI)) + 0.5), int(z.Height.Dots(float64(z.DPI)) + 0.5)
}

// layout is the size of the page the chart is laid out on.
func (z Size) layout() (w, h vg.Length) {
	k := vg.Length(z.scale())
	return z.Width / k, z.Height / k
}

func (z Size) scale() float64 {
	if z.TextScale <= 0 {
		return 1
	}
	return z.TextScale
}

// Style returns the house style for charts of the size: laid out on a
// page TextScale times smaller than the size, drawn at its width and
// height. The default size gives DefaultChartStyle() unchanged.
func (z Size) Style() *ChartStyle {
	st := DefaultChartStyle()
	if z.Name == "default" && z.DPI == st.DPI {
		return st
	}
	w, h := z.layout()
	st.Width, st.DPI = w, z.DPI
	if h > 0 {
		st.Height, st.FixedHeight = h, true
	}
	if k := z.scale(); k != 1 {
		st.Scale = k
	}
	st.Notes = z.Notes
	st.HideSide = !z.SidePanels
	return st
}
