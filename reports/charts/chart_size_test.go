package charts_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// chartKinds lists the chart kinds, in the order of `hindcast plot`.
var chartKinds = []string{"reliability", "roc", "sharpness", "contributions", "timeline", "scales", "words", "sensitivity", "murphy"}

// sizedChart builds a chart of a kind of the built-in cpc dataset at a
// size, as `hindcast plot KIND --dataset cpc --size SIZE` does: rows and
// panels fitted to the height, the selection caveat added.
func sizedChart(t *testing.T, kind string, size figure.Size) *figure.Chart {
	t.Helper()
	st := size.Style()
	ds, err := evaluate.LoadDatasets(nil, []string{"cpc"})
	if err != nil {
		t.Fatal(err)
	}
	decorate := func(ch *figure.Chart, err error) (*figure.Chart, error) {
		if err != nil {
			return nil, err
		}
		charts.Decorate(ch, charts.Decoration{Datasets: ds})
		return ch, nil
	}
	var ch *figure.Chart
	switch kind {
	case "scales":
		all := forecasts.BuiltinScales().All()
		ch, err = charts.FitRows(len(all), func(k int) (*figure.Chart, error) {
			c, err := charts.ScalesChart(all[:k], charts.ScalesOptions{Style: st})
			if err == nil && k < len(all) {
				c.Remarks = append(c.Remarks, charts.MoreScalesNote(all[k:]))
			}
			return c, err
		})
	case "words":
		d, derr := evaluate.Words(evaluate.AllRecords(ds), forecasts.BuiltinScales(), nil)
		if derr != nil {
			t.Fatal(derr)
		}
		ch, err = decorate(charts.WordsChart(d, charts.WordsOptions{Style: st}))
	case "timeline":
		ch, err = charts.FitTimeline(evaluate.AllRecords(ds), charts.TimelineOptions{Style: st},
			func(c *figure.Chart) { charts.Decorate(c, charts.Decoration{Datasets: ds}) })
	case "sensitivity":
		s := evaluate.Sensitivity(ds, evaluate.SensitivityOptions{Samples: 200, Seed: 1})
		ch, err = charts.FitSensitivity(s, charts.SensitivityOptions{Style: st, Score: charts.SensitivityBoth, ShowSampled: true},
			func(c *figure.Chart) { charts.Decorate(c, charts.Decoration{Datasets: ds}) })
	default:
		f, lerr := evaluate.Load(evaluate.Input{Builtins: []string{"cpc"}})
		if lerr != nil {
			t.Fatal(lerr)
		}
		groups := f.ForecastGroups()
		switch kind {
		case "contributions":
			d, derr := evaluate.Contributions(f.Cases(), false)
			if derr != nil {
				t.Fatal(derr)
			}
			ch, err = charts.FitRows(len(d.Rows), func(k int) (*figure.Chart, error) {
				return decorate(charts.ContributionsChart(d, charts.ContributionsOptions{Style: st, Top: k}))
			})
		case "reliability":
			d, derr := evaluate.Reliability(groups, evaluate.ReliabilityOptions{Seed: 1, Replicates: 200})
			if derr != nil {
				t.Fatal(derr)
			}
			ch, err = decorate(charts.ReliabilityChart(d, charts.ReliabilityOptions{Style: st}))
		case "roc":
			d, derr := evaluate.ROC(groups)
			if derr != nil {
				t.Fatal(derr)
			}
			ch, err = decorate(charts.ROCChart(d, charts.ROCOptions{Style: st}))
		case "sharpness":
			d, derr := evaluate.Sharpness(groups, evaluate.DefaultSharpnessBins)
			if derr != nil {
				t.Fatal(derr)
			}
			ch, err = decorate(charts.SharpnessChart(d, charts.SharpnessOptions{Style: st}))
		case "murphy":
			d, derr := evaluate.Murphy(groups, 0)
			if derr != nil {
				t.Fatal(derr)
			}
			ch, err = decorate(charts.MurphyChart(d, charts.MurphyOptions{Style: st}))
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	return ch
}

// TestGoldenSizes draws every chart kind of cpc at the slide and handout
// sizes, and checks that each is exactly the size asked: 1920 × 1080
// pixels (13.333 × 7.5 in at 144 dpi) and 975 × 675 (6.5 × 4.5 in at
// 150 dpi), whatever its rows and notes would need.
func TestGoldenSizes(t *testing.T) {
	for _, preset := range []struct {
		name string
		w, h int
	}{{"slide", 1920, 1080}, {"handout", 975, 675}} {
		size, err := figure.Preset(preset.name, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range chartKinds {
			t.Run(preset.name+"/"+kind, func(t *testing.T) {
				ch := sizedChart(t, kind, size)
				var buf bytes.Buffer
				if err := ch.Write(&buf, figure.PNG); err != nil {
					t.Fatal(err)
				}
				w, h := pngSize(t, buf.Bytes())
				if w != preset.w || h != preset.h {
					t.Errorf("%d × %d pixels, want %d × %d", w, h, preset.w, preset.h)
				}
				checkGolden(t, preset.name+"_"+kind, ch)
			})
		}
	}
}

func pngSize(t *testing.T, b []byte) (w, h int) {
	t.Helper()
	// The IHDR chunk: width and height, big-endian, at bytes 16–23.
	if len(b) < 24 || string(b[1:4]) != "PNG" {
		t.Fatal("not a PNG")
	}
	be := func(p []byte) int { return int(p[0])<<24 | int(p[1])<<16 | int(p[2])<<8 | int(p[3]) }
	return be(b[16:20]), be(b[20:24])
}

// svgText is one text element of an SVG: its text, its box on the page
// in points (y down, estimated: box), its type size in points.
type svgText struct {
	s              string
	size           float64
	x0, y0, x1, y1 float64
	rotated        bool
}

var (
	svgSize     = regexp.MustCompile(`font-size:([0-9.]+)px`)
	svgViewWide = regexp.MustCompile(`^0 0 ([0-9.]+) ([0-9.]+)$`)
	svgFunc     = regexp.MustCompile(`(translate|scale|rotate)\(([^)]*)\)`)
)

// affine is a 2-D transform: x' = a x + c y + e, y' = b x + d y + f.
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, d: 1}

// then is m followed by n: n applied to m's output... composed as SVG
// nests transforms, the outer (m) applied last.
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// parseTransform reads an SVG transform list of translate, scale and
// rotate (the functions vgsvg writes).
func parseTransform(t *testing.T, s string) (affine, bool) {
	m, rotated := identity, false
	for _, f := range svgFunc.FindAllStringSubmatch(s, -1) {
		var v []float64
		for _, a := range strings.FieldsFunc(f[2], func(r rune) bool { return r == ',' || r == ' ' }) {
			x, err := strconv.ParseFloat(a, 64)
			if err != nil {
				t.Fatalf("transform %q: %v", s, err)
			}
			v = append(v, x)
		}
		for len(v) < 2 {
			v = append(v, map[string]float64{"translate": 0, "scale": v[0], "rotate": 0}[f[1]])
		}
		var n affine
		switch f[1] {
		case "translate":
			n = affine{a: 1, d: 1, e: v[0], f: v[1]}
		case "scale":
			n = affine{a: v[0], d: v[1]}
		case "rotate":
			r := v[0] * math.Pi / 180
			n = affine{a: math.Cos(r), b: math.Sin(r), c: -math.Sin(r), d: math.Cos(r)}
			rotated = rotated || math.Mod(math.Abs(v[0]), 180) != 0
		}
		m = m.then(n)
	}
	return m, rotated
}

// readSVGText reads the text elements of an SVG drawn by Chart.Write, in
// points of the page: each box (box) is carried through the transforms
// of the groups around it and the text's own to the view box, whose
// units the svg element's width in pt scales to the page.
func readSVGText(t *testing.T, svg []byte) (texts []svgText, width float64) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var scale float64
	type frame struct {
		m       affine
		rotated bool
	}
	stack := []frame{{m: identity}}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range el.Attr {
				attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			own, rot := parseTransform(t, attr["transform"])
			here := frame{m: top.m.then(own), rotated: top.rotated || rot}
			switch el.Name.Local {
			case "svg":
				w, _ := strconv.ParseFloat(strings.TrimSuffix(attr["width"], "pt"), 64)
				m := svgViewWide.FindStringSubmatch(attr["viewBox"])
				if m == nil {
					t.Fatalf("view box %q", attr["viewBox"])
				}
				vw, _ := strconv.ParseFloat(m[1], 64)
				scale, width = w/vw, w
			case "text":
				x, _ := strconv.ParseFloat(attr["x"], 64)
				y, _ := strconv.ParseFloat(attr["y"], 64)
				m := svgSize.FindStringSubmatch(attr["style"])
				if m == nil {
					t.Fatalf("text without a font size: %v", attr)
				}
				size, _ := strconv.ParseFloat(m[1], 64)
				var content strings.Builder
				for {
					tok, err := dec.Token()
					if err != nil {
						t.Fatal(err)
					}
					if cd, ok := tok.(xml.CharData); ok {
						content.Write(cd)
					}
					if _, ok := tok.(xml.EndElement); ok {
						break
					}
				}
				tx := svgText{s: content.String(), size: size * scale, rotated: here.rotated}
				// The box in the text's own units: y down, glyphs above y.
				lx0, lx1 := box(tx.s, x, size, strings.Contains(attr["style"], "font-weight:bold"))
				tx.x0, tx.y0 = math.Inf(1), math.Inf(1)
				tx.x1, tx.y1 = math.Inf(-1), math.Inf(-1)
				for _, c := range [][2]float64{{lx0, y - 0.75*size}, {lx1, y - 0.75*size}, {lx0, y + 0.2*size}, {lx1, y + 0.2*size}} {
					px, py := here.m.apply(c[0], c[1])
					tx.x0, tx.x1 = min(tx.x0, px*scale), max(tx.x1, px*scale)
					tx.y0, tx.y1 = min(tx.y0, py*scale), max(tx.y1, py*scale)
				}
				texts = append(texts, tx)
				continue
			}
			stack = append(stack, here)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return texts, width
}

// box estimates where a text set at x in a type size runs: as wide as its
// runes at their class's average advance in Liberation Sans (emAdvance),
// 6% wider in bold, leading and trailing spaces not counted as ink. Its
// height is from 0.75 em above the baseline (capitals) to 0.2 em below
// (descenders).
func box(s string, x, size float64, bold bool) (x0, x1 float64) {
	k := size
	if bold {
		k *= 1.06
	}
	trimmed := strings.TrimLeft(s, " ")
	x0 = x + float64(len(s)-len(trimmed))*emAdvance(' ')*k
	var w float64
	for _, r := range strings.TrimRight(trimmed, " ") {
		w += emAdvance(r)
	}
	return x0, x0 + w*k
}

// emAdvance is about the advance of a rune in Liberation Sans, in ems:
// the average of its class (Arial's widths, which Liberation Sans keeps).
func emAdvance(r rune) float64 {
	switch {
	case strings.ContainsRune(" ijl.,:;'|!I", r):
		return 0.278
	case strings.ContainsRune("ftr()[]-", r):
		return 0.333
	case strings.ContainsRune("mw", r):
		return 0.78
	case strings.ContainsRune("MW%", r):
		return 0.89
	case strings.ContainsRune("cksvxyz", r):
		return 0.5
	case r >= 'A' && r <= 'Z':
		return 0.667
	}
	return 0.556 // digits, most lower case
}

// TestSlideText reads every chart kind drawn at the slide size as SVG and
// checks what a lecture hall needs: no text under 20 pt on the 13.33 ×
// 7.5 in slide (40 px of 1920), no two texts over each other and none off
// the slide. Text boxes are estimated (box), rotated ones too.
func TestSlideText(t *testing.T) { checkSizeText(t, "slide", 960, 540, 20) }

// TestHandoutText checks the handout charts the same way: no text under
// the house 9 pt, none over another, none off the 6.5 × 4.5 in page
// (468 × 324 pt).
func TestHandoutText(t *testing.T) { checkSizeText(t, "handout", 468, 324, 9) }

// checkSizeText draws every chart kind at a preset as SVG and checks its
// text: none under least pt, no two over each other, none off the page
// of w × h pt.
func checkSizeText(t *testing.T, preset string, w, h, least float64) {
	size, err := figure.Preset(preset, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range chartKinds {
		t.Run(kind, func(t *testing.T) {
			var buf bytes.Buffer
			if err := sizedChart(t, kind, size).Write(&buf, figure.SVG); err != nil {
				t.Fatal(err)
			}
			texts, width := readSVGText(t, buf.Bytes())
			if math.Abs(width-w) > 0.5 {
				t.Errorf("the page is %.2f pt wide, want %v", width, w)
			}
			if len(texts) < 5 {
				t.Fatalf("%d texts: is the text set as text?", len(texts))
			}
			for _, tx := range texts {
				if tx.size < least-1e-6 {
					t.Errorf("%q is %.1f pt, under %v pt", tx.s, tx.size, least)
				}
			}
			for i, a := range texts {
				for _, b := range texts[i+1:] {
					// Overlapping by more than 1 pt each way.
					if a.x0 < b.x1-1 && b.x0 < a.x1-1 && a.y0 < b.y1-1 && b.y0 < a.y1-1 {
						t.Errorf("%q at (%.0f, %.0f) and %q at (%.0f, %.0f) overlap", a.s, a.x0, a.y0, b.s, b.x0, b.y0)
					}
				}
				// The estimate may run a little long: 3% of the width.
				if a.x0 < -1 || a.y0 < -1 || a.x1 > width+1+0.03*(a.x1-a.x0) || a.y1 > h+1 {
					t.Errorf("%q runs off the page: (%.0f, %.0f)–(%.0f, %.0f)", a.s, a.x0, a.y0, a.x1, a.y1)
				}
			}
		})
	}
}

// TestSVGTextBoxes checks the boxes TestSlideText estimates against a
// hand calculation. The page is 200 pt wide over a view box 100 wide
// (2 pt a unit); the root group maps (X, Y) to (X, 50 − Y) and each text's
// own scale(1, −1) maps (x, y) to (x, −y). "ab" at 10 pt is 2 × 0.556 em =
// 11.12 units wide, 7.5 above and 2 below its baseline.
//   - At x 10, y −20: x 10 to 21.12, y 50 + (−27.5 … −18) = 22.5 … 32;
//     in points 20 … 42.24 by 45 … 64.
//   - Inside rotate(90), which maps (X, Y) to (−Y, X): a point (x, y)
//     goes to (y, 50 − x); at x 5, y −10 the box is x −17.5 … −8,
//     y 50 − (5 … 16.12) = 33.88 … 45; in points −35 … −16 by 67.76 … 90.
func TestSVGTextBoxes(t *testing.T) {
	svg := `<svg width="200pt" height="100pt" viewBox="0 0 100 50">
<g transform="scale(1, -1) translate(0, -50)">
<text x="10" y="-20" transform="scale(1, -1)" style="font-size:10px">ab</text>
<g transform="rotate(90)">
<text x="5" y="-10" transform="scale(1, -1)" style="font-size:10px">ab</text>
</g>
</g>
</svg>`
	texts, width := readSVGText(t, []byte(svg))
	if width != 200 || len(texts) != 2 {
		t.Fatalf("width %v, %d texts", width, len(texts))
	}
	for i, want := range [][4]float64{{20, 45, 42.24, 64}, {-35, 67.76, -16, 90}} {
		tx := texts[i]
		got := [4]float64{tx.x0, tx.y0, tx.x1, tx.y1}
		for k := range got {
			if math.Abs(got[k]-want[k]) > 1e-9 {
				t.Errorf("text %d: box %v, want %v", i, got, want)
				break
			}
		}
		if tx.size != 20 || tx.rotated != (i == 1) {
			t.Errorf("text %d: size %v rotated %v", i, tx.size, tx.rotated)
		}
	}
}
