package charts_test

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/figure"
)

var regen = flag.Bool("regen", false, "rewrite the image goldens testdata/*_golden.png with the current rendering")

// checkGolden renders the chart as PNG and compares it with
// testdata/NAME_golden.png, pixel by pixel with a small tolerance (see
// imagesClose); under -regen it rewrites the golden instead. On a mismatch
// it writes the rendering and a difference image beside the golden, as
// NAME_golden.png.actual and NAME_diff.png.actual, to look at.
func checkGolden(t *testing.T, name string, ch *figure.Chart) {
	t.Helper()
	var buf bytes.Buffer
	if err := ch.Write(&buf, figure.PNG); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name+"_golden.png")
	if *regen {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/charts -run Golden -regen to create it, then look at it)", err)
	}
	gotImg, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := inkAtEdge(gotImg); !ok {
		t.Errorf("%s: ink at %v, in the white margin: something runs off the edge", name, p)
	}
	wantImg, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if ok, msg, diff := imagesClose(gotImg, wantImg); !ok {
		os.WriteFile(path+".actual", buf.Bytes(), 0o644)
		if diff != nil {
			var d bytes.Buffer
			png.Encode(&d, diff)
			os.WriteFile(filepath.Join("testdata", name+"_diff.png.actual"), d.Bytes(), 0o644)
		}
		t.Errorf("%s: %s; see %s.actual", path, msg, path)
	}
}

// imagesClose compares two renderings. A pixel differs when one of its
// channels is off by more than 32 of 255, which forgives the
// anti-aliasing noise of another CPU's floating point; the images match
// when no more than 1 pixel in 20,000 (at least 16) differs, which a
// moved, missing or recoloured label or mark exceeds. When they differ it
// returns an image with the differing pixels in red over a faded copy.
func imagesClose(got, want image.Image) (bool, string, image.Image) {
	if got.Bounds() != want.Bounds() {
		return false, fmt.Sprintf("size %v, want %v", got.Bounds().Size(), want.Bounds().Size()), nil
	}
	a, b := toRGBA(got), toRGBA(want)
	diff := image.NewRGBA(a.Bounds())
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if far(a.Pix[i], b.Pix[i]) || far(a.Pix[i+1], b.Pix[i+1]) || far(a.Pix[i+2], b.Pix[i+2]) || far(a.Pix[i+3], b.Pix[i+3]) {
			n++
			copy(diff.Pix[i:i+4], []uint8{255, 0, 0, 255})
			continue
		}
		grey := 255 - (255-b.Pix[i])/4
		copy(diff.Pix[i:i+4], []uint8{grey, grey, grey, 255})
	}
	allowed := max(16, len(a.Pix)/4/20000)
	if n > allowed {
		return false, fmt.Sprintf("%d pixels differ (at most %d may)", n, allowed), diff
	}
	return true, "", nil
}

// inkAtEdge checks that the outermost 4 pixels all round the image are
// white: every chart keeps a margin of 3 mm (18 pixels at 150 dpi), so
// ink there is text or a mark that ran off the figure.
func inkAtEdge(img image.Image) (image.Point, bool) {
	b := img.Bounds()
	const band = 4
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if x >= b.Min.X+band && x < b.Max.X-band && y >= b.Min.Y+band && y < b.Max.Y-band {
				x = b.Max.X - band - 1
				continue
			}
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				return image.Pt(x, y), false
			}
		}
	}
	return image.Point{}, true
}

// renderEveryFormat writes ch in every image format, failing on any
// error, and checks that the PNG keeps its white margin (inkAtEdge).
func renderEveryFormat(t *testing.T, ch *figure.Chart) {
	t.Helper()
	for _, f := range figure.ImageFormats {
		if testing.Short() && f != figure.PNG {
			continue // -short draws the PNG, whose margins are checked
		}
		out := render(t, ch, f)
		if f != figure.PNG {
			continue
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if p, ok := inkAtEdge(img); !ok {
			t.Errorf("ink at %v, in the white margin", p)
		}
	}
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Bounds().Min == (image.Point{}) {
		return r
	}
	r := image.NewRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	stddraw.Draw(r, r.Bounds(), img, img.Bounds().Min, stddraw.Src)
	return r
}

func far(a, b uint8) bool {
	const tol = 32
	if a > b {
		return a-b > tol
	}
	return b-a > tol
}

// TestGoldenChartStyle draws the house style itself: two aligned panels,
// percent and date axes, the series colours, the legend strip and wrapped
// notes; it is the reference the other charts build on.
func TestGoldenChartStyle(t *testing.T) {
	checkGolden(t, "chart_style", styleSheet())
}

func styleSheet() *figure.Chart {
	st := figure.DefaultChartStyle()

	left := st.NewPlot("Forecast probability", "Observed frequency")
	left.Title.Text = "Percent axes, series colours"
	figure.PercentAxis(&left.X)
	figure.PercentAxis(&left.Y)
	st.AddGrid(left, true, true)
	var legend []figure.LegendEntry
	for i := range 8 {
		f := float64(i+1) / 9
		l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 0.5, Y: f * 0.5}, {X: 1, Y: f}})
		if err != nil {
			panic(err)
		}
		l.LineStyle = draw.LineStyle{Color: st.SeriesColor(i), Width: st.LineWidth}
		left.Add(l)
		legend = append(legend, figure.LegendEntry{Label: fmt.Sprintf("series %d", i+1), Thumbs: []plot.Thumbnailer{l}})
	}

	right := st.NewPlot("Date", "P(event)")
	right.Title.Text = "Date axis, outcome colours"
	figure.DateAxis(&right.X)
	figure.PercentAxis(&right.Y)
	right.Y.Tick.Marker = figure.PercentTicks{Step: 0.25}
	right.X.Min = figure.DateValue(time.Date(1947, 1, 1, 0, 0, 0, 0, time.UTC))
	right.X.Max = figure.DateValue(time.Date(2011, 12, 31, 0, 0, 0, 0, time.UTC))
	st.AddGrid(right, true, true)
	for _, o := range []struct {
		year int
		p    float64
		out  string
	}{{1950, 0.07, "yes"}, {1962, 0.33, "yes"}, {1973, 0.93, "no"}, {1990, 0.5, "unresolved"}, {2002, 0.75, "no"}} {
		s, err := plotter.NewScatter(plotter.XYs{{X: figure.DateValue(time.Date(o.year, 6, 1, 0, 0, 0, 0, time.UTC)), Y: o.p}})
		if err != nil {
			panic(err)
		}
		s.GlyphStyle = draw.GlyphStyle{Shape: draw.CircleGlyph{}, Radius: 3.5, Color: outcomeColor(st, o.out)}
		right.Add(s)
	}
	for _, o := range []string{"yes", "no", "unresolved"} {
		legend = append(legend, figure.LegendEntry{Label: "outcome " + o, Thumbs: []plot.Thumbnailer{
			figure.GlyphThumbnail(draw.GlyphStyle{Shape: draw.CircleGlyph{}, Radius: 3.5, Color: outcomeColor(st, o)}),
		}})
	}

	return &figure.Chart{
		Style:    st,
		Title:    "The hindcast chart style",
		Subtitle: "Liberation Sans embedded in the binary; Okabe–Ito colours; 16 × 10 cm",
		Legend:   legend,
		Body:     figure.Panels{Plots: [][]*plot.Plot{{left, right}}},
		Notes: []string{
			"Notes sit under the body in small type and wrap at the width of the figure, so that a caveat as long as this one — about how the records were chosen, say — is never cut off at the edge.",
		},
		Height: 11 * vg.Centimeter,
	}
}

func outcomeColor(st *figure.ChartStyle, o string) color.Color {
	switch forecasts.Outcome(o) {
	case forecasts.Yes:
		return st.Yes
	case forecasts.No:
		return st.No
	}
	return st.NotScored
}
