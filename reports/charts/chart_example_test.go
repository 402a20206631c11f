package charts_test

import (
	"bytes"
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// Draw the built-in verbal probability scales side by side, marking where
// "likely" falls on each, and write the chart as the file name asks.
func ExampleScalesChart() {
	all := forecasts.BuiltinScales()
	var scales []*forecasts.Scale
	for _, name := range []string{"kent-1964", "icd-203", "uk-phia", "mauboussin-2018"} {
		s, _ := all.Get(name)
		scales = append(scales, s)
	}
	ch, err := charts.ScalesChart(scales, charts.ScalesOptions{Highlight: "likely"})
	if err != nil {
		fmt.Println(err)
		return
	}
	format, err := figure.ImageFormatOf("scales.svg")
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer // the command writes to a temporary file and renames it
	if err := ch.Write(&out, format); err != nil {
		fmt.Println(err)
		return
	}
	w, h := ch.Size()
	fmt.Printf("%s, %.0f × %.0f cm\n", ch.Title, w/vg.Centimeter, h/vg.Centimeter)
	fmt.Println(ch.Subtitle)
	// Output:
	// Words of probability on four scales, 16 × 30 cm
	// Highlighted: every term at the level "likely"; in bold, each scale's term in the crosswalk
}

// Draw when the CPC's assessments were made and how they came out.
func ExampleTimelineChart() {
	ds, err := forecasts.LoadBuiltin("cpc")
	if err != nil {
		fmt.Println(err)
		return
	}
	ch, err := charts.TimelineChart(ds[0].Records, charts.TimelineOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := ch.Write(new(bytes.Buffer), figure.PNG); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ch.Subtitle)
	var legend []string
	for _, e := range ch.Legend {
		legend = append(legend, e.Label)
	}
	fmt.Println(strings.Join(legend, "; "))
	// Output:
	// Five forecasts issued 1978–1989: each line runs from the issue to the resolution
	// leaned the wrong way: P on the far side of 50%; issued; resolved; only the month or year known
}

// Build a chart of your own in the house style: a plot with percent axes
// and a grid, a title, a legend strip and a note.
func ExampleChart() {
	st := figure.DefaultChartStyle()
	p := st.NewPlot("Forecast probability", "Observed frequency")
	figure.PercentAxis(&p.X)
	figure.PercentAxis(&p.Y)
	st.AddGrid(p, true, true)
	diagonal, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	diagonal.LineStyle = draw.LineStyle{Color: st.Muted, Width: 1, Dashes: []vg.Length{4, 3}}
	p.Add(diagonal)

	ch := &figure.Chart{
		Style:  st,
		Title:  "Reliability",
		Legend: []figure.LegendEntry{{Label: "perfect calibration", Thumbs: []plot.Thumbnailer{diagonal}}},
		Body:   p,
		Notes:  []string{"Chosen for failure: these records cannot measure calibration."},
	}
	var out bytes.Buffer
	if err := ch.Write(&out, figure.PDF); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	// Output: true
}
