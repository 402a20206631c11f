package reports

import (
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/hindcast/hindcast/analysis"
)

// cpcTable is the four CPC cases: P(event) 0.93 no; 0.07, 0.225 and 0.25 yes.
func cpcTable() analysis.Table {
	return analysis.TableOf([]float64{0.93, 0.07, 0.25, 0.225}, []bool{false, true, true, true}, nil)
}

func TestReliabilitySteps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table analysis.Table
		want  []vg.Point
	}{
		// Sorted, the outcomes are 1, 1, 1, 0 at 0.07, 0.225, 0.25, 0.93:
		// PAV pools 0.25 with 0.93 (1/2), then 0.225 with them (2/3), then
		// 0.07 (3/4), so the line is flat at 75% from 7% to 93%.
		{"cpc", cpcTable(), []vg.Point{{X: 0.07, Y: 0.75}, {X: 0.93, Y: 0.75}}},
		// 0.1 no, 0.2 no, 0.3 yes, 0.4 no, then yes from 0.5 to 0.99: PAV
		// pools 0.3 and 0.4 (1/2); the line is 0 to 0.2, steps up to 1/2 at
		// 0.3, up to 1 at 0.5 and stays there.
		{"red team", analysis.TableOf(
			[]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99},
			[]bool{false, false, true, false, true, true, true, true, true, true}, nil),
			[]vg.Point{{X: 0.1, Y: 0}, {X: 0.3, Y: 0}, {X: 0.3, Y: 0.5}, {X: 0.5, Y: 0.5}, {X: 0.5, Y: 1}, {X: 0.99, Y: 1}}},
		// One value: one point.
		{"one value", analysis.TableOf([]float64{0.3, 0.3}, []bool{true, false}, nil), []vg.Point{{X: 0.3, Y: 0.5}}},
	} {
		g := &chartGroup{table: tc.table}
		r := newReliability(g, 10, 0, 0)
		if got := r.steps(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: steps %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestReliabilityHistogram checks the counts under the CPC diagram: of
// ten bins, 0.07 falls in [0, 0.1), 0.225 and 0.25 in [0.2, 0.3), 0.93 in
// [0.9, 1]: bars of 1, 2 and 1 in bins 0, 2 and 9, and the point of bin 2
// at the mean forecast (0.225 + 0.25)/2 = 0.2375.
func TestReliabilityHistogram(t *testing.T) {
	r := newReliability(&chartGroup{table: cpcTable()}, 10, 0, 0)
	var got [][2]float64
	for _, b := range r.bins {
		got = append(got, [2]float64{float64(b.Index), b.N})
	}
	if want := [][2]float64{{0, 1}, {2, 2}, {9, 1}}; !slices.Equal(got, want) {
		t.Errorf("bins (index, count) %v, want %v", got, want)
	}
	if m := r.bins[1].MeanForecast; m < 0.2375-1e-12 || m > 0.2375+1e-12 {
		t.Errorf("bin 2's mean forecast %v, want 0.2375", m)
	}
	if h := (&binCounts{rs: []*reliability{r}}).most(); h != 2 {
		t.Errorf("the histogram's tallest bar %v, want 2", h)
	}
}

func TestCountTicks(t *testing.T) {
	for _, tc := range []struct {
		most   int
		hi     float64
		labels string
	}{
		{4, 6500, "0 2,000 4,000 6,000"},
		{2, 43, "0 25"},
		{2, 330, "0 200"},
		{3, 2.2, "0 1 2"},
		{4, 1.08, "0 1"},
		{5, 4200, "0 1,000 2,000 3,000 4,000"},
	} {
		var got []string
		for _, tk := range (CountTicks{Most: tc.most}).Ticks(0, tc.hi) {
			got = append(got, tk.Label)
		}
		if s := strings.Join(got, " "); s != tc.labels {
			t.Errorf("CountTicks{%d}.Ticks(0, %g) = %s, want %s", tc.most, tc.hi, s, tc.labels)
		}
	}
}
