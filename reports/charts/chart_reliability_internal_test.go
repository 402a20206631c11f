package charts

import (
	"github.com/hindcast/hindcast/reports/figure"

	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

// cpcTable is the four CPC cases: P(event) 0.93 no; 0.07, 0.225 and 0.25 yes.
func cpcTable() analysis.Table {
	return analysis.TableOf([]float64{0.93, 0.07, 0.25, 0.225}, []bool{false, true, true, true}, nil)
}

// TestReliabilityHistogram checks the counts under the CPC diagram: of
// ten bins, 0.07 falls in [0, 0.1), 0.225 and 0.25 in [0.2, 0.3), 0.93 in
// [0.9, 1]: bars of 1, 2 and 1 in bins 0, 2 and 9, and the point of bin 2
// at the mean forecast (0.225 + 0.25)/2 = 0.2375.
func TestReliabilityHistogram(t *testing.T) {
	d, err := evaluate.Reliability([]evaluate.ForecastGroup{{Table: cpcTable()}}, evaluate.ReliabilityOptions{Replicates: -1})
	if err != nil {
		t.Fatal(err)
	}
	r := newReliability(&chartGroup{table: cpcTable()}, d.Groups[0], d.Bins, false)
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
		for _, tk := range (figure.CountTicks{Most: tc.most}).Ticks(0, tc.hi) {
			got = append(got, tk.Label)
		}
		if s := strings.Join(got, " "); s != tc.labels {
			t.Errorf("CountTicks{%d}.Ticks(0, %g) = %s, want %s", tc.most, tc.hi, s, tc.labels)
		}
	}
}
