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
var chartKinds = []string{"reliability", "roc", "sharpness", "contributions", "timeline", "scales", "sensitivity", "murphy"}

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
	case "timeline":
		ch, err = decorate(charts.TimelineChart(evaluate.AllRecords(ds), charts.TimelineOptions{Style: st}))
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

// svgText is one text element of an SVG, in points on the page, y up.
type svgText struct {
	s          string
	x, y, size float64 // left end of the baseline; type size
	rotated    bool
	bold       bool
}

var (
	svgSize     = regexp.MustCompile(`font-size:([0-9.]+)px`)
	svgViewWide = regexp.MustCompile(`^0 0 ([0-9.]+) ([0-9.]+)$`)
)

// readSVGText reads the text elements of an SVG drawn by Chart.Write, in
// points of the page: vgsvg sets each at x and at y = −(its baseline, y
// up), in the units of the view box, which the svg element's width in pt
// scales to the page. A text inside a rotated group is marked so.
func readSVGText(t *testing.T, svg []byte) (texts []svgText, width float64) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var scale float64
	var stack []bool // whether each open element rotates
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
				var tx svgText
				x, _ := strconv.ParseFloat(attr["x"], 64)
				y, _ := strconv.ParseFloat(attr["y"], 64)
				m := svgSize.FindStringSubmatch(attr["style"])
				if m == nil {
					t.Fatalf("text without a font size: %v", attr)
				}
				size, _ := strconv.ParseFloat(m[1], 64)
				tx.x, tx.y, tx.size = x*scale, -y*scale, size*scale
				tx.bold = strings.Contains(attr["style"], "font-weight:bold")
				for _, r := range stack {
					tx.rotated = tx.rotated || r
				}
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
				tx.s = content.String()
				texts = append(texts, tx)
				continue
			}
			stack = append(stack, strings.Contains(attr["transform"], "rotate"))
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return texts, width
}

// box estimates a text's box on the page: as wide as its runes at their
// class's average advance in Liberation Sans (emAdvance), 6% wider in
// bold, and from the baseline down 0.2 em and up 0.75 em, the depth of
// its descenders and height of its capitals.
func (tx svgText) box() (x0, y0, x1, y1 float64) {
	k := tx.size
	if tx.bold {
		k *= 1.06
	}
	trimmed := strings.TrimLeft(tx.s, " ")
	x0 = tx.x + float64(len(tx.s)-len(trimmed))*emAdvance(' ')*k // spaces are no ink
	var w float64
	for _, r := range strings.TrimRight(trimmed, " ") {
		w += emAdvance(r)
	}
	return x0, tx.y - 0.2*tx.size, x0 + w*k, tx.y + 0.75*tx.size
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
	case r >= 'A' && r <= 'Z':
		return 0.667
	}
	return 0.556 // digits, most lower case
}

// TestSlideText reads every chart kind drawn at the slide size as SVG and
// checks what a lecture hall needs: no text under 20 pt on the 13.33 ×
// 7.5 in slide (40 px of 1920), and no two texts over each other. Text
// boxes are estimated (box); a rotated axis label is checked for its
// size only.
func TestSlideText(t *testing.T) {
	size, err := figure.Preset("slide", 0)
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
			if math.Abs(width-960) > 0.5 {
				t.Errorf("the slide is %.2f pt wide, want 960 (13.33 in)", width)
			}
			if len(texts) < 5 {
				t.Fatalf("%d texts: is the text set as text?", len(texts))
			}
			for _, tx := range texts {
				if tx.size < 20-1e-6 {
					t.Errorf("%q is %.1f pt, under 20 pt", tx.s, tx.size)
				}
			}
			for i, a := range texts {
				if a.rotated {
					continue
				}
				ax0, ay0, ax1, ay1 := a.box()
				for _, b := range texts[i+1:] {
					if b.rotated {
						continue
					}
					bx0, by0, bx1, by1 := b.box()
					// Overlapping by more than 1 pt each way.
					if ax0 < bx1-1 && bx0 < ax1-1 && ay0 < by1-1 && by0 < ay1-1 {
						t.Errorf("%q at (%.0f, %.0f) and %q at (%.0f, %.0f) overlap", a.s, a.x, a.y, b.s, b.x, b.y)
					}
				}
			}
		})
	}
}
