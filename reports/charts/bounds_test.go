package charts_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
	"github.com/hindcast/hindcast/reports/figure"
)

// manyRecords makes n dated records, as a large folder would hold: the
// built-in ones repeated with new ids and moved on by up to 39 years, so
// that they span a century, every 25th unresolved.
func manyRecords(t testing.TB, n int) []*forecasts.Record {
	src := builtinRecords(t)
	out := make([]*forecasts.Record, n)
	for i := range out {
		r := *src[i%len(src)]
		r.ID = fmt.Sprintf("%s-%05d", r.ID, i)
		shift := i % 40
		r.Issued.Year += shift
		if !r.Resolved.IsZero() {
			r.Resolved.Year += shift
		}
		if !r.ResolvesBy.IsZero() {
			r.ResolvesBy.Year += shift
		}
		if i%25 == 0 {
			r.Outcome, r.Resolved = forecasts.Unresolved, forecasts.Date{}
		}
		out[i] = &r
	}
	return out
}

// manySensitivity is the sensitivity of n records as the command builds
// it (its spans invented, its lists of ids as long as a large dataset
// makes them): five scales, one of which has no counterpart for every
// 25th record; every 25th record not scored; a row per record.
func manySensitivity(n int) *evaluate.SensitivityResult {
	exact := func(lo, pt, hi float64) analysis.Span { return analysis.Span{Min: lo, Point: pt, Max: hi, Exact: true} }
	sampled := func(lo, pt, hi float64) analysis.Span {
		return analysis.Span{Min: lo, Point: pt, Max: hi, Samples: 2004}
	}
	s := &evaluate.SensitivityResult{Datasets: []string{"big0", "big1", "big2", "big3"}, Samples: 2000, Seed: 1}
	var missing []string
	for i := range n {
		id := fmt.Sprintf("record-%05d", i)
		if i%25 == 0 {
			s.Excluded = append(s.Excluded, id)
			continue
		}
		s.N++
		if i%3 != 0 {
			s.TermCoded++
		}
		if i%25 == 1 {
			missing = append(missing, id)
		}
		var codings []evaluate.RecordCoding
		for _, sc := range []string{evaluate.AsCoded, "icd-203", "kent-1964", "mauboussin-2018", "uk-phia"} {
			codings = append(codings, evaluate.RecordCoding{Scale: sc, PEvent: forecasts.Interval{Low: 0.2, Point: 0.3, High: 0.4}})
		}
		s.Records = append(s.Records, evaluate.RecordSensitivity{ID: id, Outcome: "no", Estimate: "unlikely (icd-203)", Codings: codings, Swing: 0.1 / float64(n)})
	}
	for k, sc := range []string{evaluate.AsCoded, "icd-203", "kent-1964", "mauboussin-2018", "uk-phia"} {
		row := evaluate.ScaleSensitivity{Scale: sc, Translated: s.TermCoded,
			Brier: exact(0.36+0.01*float64(k), 0.46, 0.59), Log: exact(1, 1.3, 1.9),
			Reliability: sampled(0.1, 0.12, 0.15), Miscalibration: sampled(0.1, 0.11, 0.14),
			Discrimination: sampled(0.01, 0.02, 0.03), AUC: sampled(0.5, 0.55, 0.6)}
		if sc == "kent-1964" || sc == "mauboussin-2018" {
			row.NoCounterpart = missing
		}
		s.Scales = append(s.Scales, row)
	}
	s.Readers = evaluate.ReadersView{Scale: "mauboussin-2018", Brier: [3]float64{0.46, 0.463, 0.486}, Log: [3]float64{1.2, 1.3, 1.4}, NoCounterpart: missing}
	return s
}

// manyCases are n cases with long ids, every 25th not scored.
func manyCases(n int) []evaluate.Case {
	out := simulatedCases(n)
	for i := range out {
		out[i].ID = fmt.Sprintf("a-question-with-a-long-identifier-%05d", i)
		if i%25 == 0 {
			out[i].Outcome = forecasts.Unresolved
		}
	}
	return out
}

// rendered writes the chart as PNG and measures it: the bytes, the time
// and the bytes allocated on the way (runtime.MemStats.TotalAlloc, of
// building and writing the chart alone).
type rendered struct {
	png     []byte
	alloc   uint64
	elapsed time.Duration
}

func renderMeasured(t *testing.T, build func() (*figure.Chart, error)) rendered {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	ch, err := build()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ch.Write(&buf, figure.PNG); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	return rendered{png: buf.Bytes(), alloc: after.TotalAlloc - before.TotalAlloc, elapsed: elapsed}
}

// allocBudget is the most a chart of any number of records may allocate
// while it is built and written as PNG. A chart of the built-in records
// allocates about 40 MB (a 16 × 10 cm canvas at 150 dpi is 945 × 591
// pixels, 2.2 MB of RGBA, drawn into and encoded); the budget allows
// five times that.
const allocBudget = 200 << 20

// TestChartsBoundedByRecords draws the per-record charts of 3,000 and
// 30,000 records: each stays within reports.MaxChartHeight and
// allocBudget, whatever the number of records.
func TestChartsBoundedByRecords(t *testing.T) {
	st := figure.DefaultChartStyle()
	maxPx := int(math.Ceil(float64(figure.MaxChartHeight) / float64(vg.Inch) * float64(st.DPI)))
	for _, n := range []int{3000, 30000} {
		recs := manyRecords(t, n)
		cases := manyCases(n)
		sens := manySensitivity(n)
		for _, tc := range []struct {
			name  string
			build func() (*figure.Chart, error)
		}{
			{"timeline", func() (*figure.Chart, error) { return charts.TimelineChart(recs, charts.TimelineOptions{}) }},
			{"contributions", func() (*figure.Chart, error) {
				return buildContributions(cases, false, charts.ContributionsOptions{Top: n})
			}},
			{"sensitivity", func() (*figure.Chart, error) {
				return charts.SensitivityChart(sens, charts.SensitivityOptions{Score: charts.SensitivityBoth, ShowSampled: true})
			}},
		} {
			t.Run(fmt.Sprintf("%s-%d", tc.name, n), func(t *testing.T) {
				r := renderMeasured(t, tc.build)
				cfg, err := png.DecodeConfig(bytes.NewReader(r.png))
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%d×%d px, %.1f MB allocated, %v", cfg.Width, cfg.Height, float64(r.alloc)/(1<<20), r.elapsed.Round(time.Millisecond))
				if cfg.Height > maxPx {
					t.Errorf("%d px high, more than MaxChartHeight (%d px at %d dpi)", cfg.Height, maxPx, st.DPI)
				}
				if r.alloc > allocBudget {
					t.Errorf("allocated %.0f MB, more than the budget of %d MB", float64(r.alloc)/(1<<20), allocBudget>>20)
				}
			})
		}
	}
}

// TestChartsNoteAggregate checks that a chart of more records than it has
// rows for says so on the chart: what it shows and out of how many.
func TestChartsNoteAggregate(t *testing.T) {
	n := 3000
	tl, err := charts.TimelineChart(manyRecords(t, n), charts.TimelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(tl.Notes, " "), "3,000") {
		t.Errorf("timeline of %d records: notes %q do not say how many there are", n, tl.Notes)
	}
	co, err := buildContributions(manyCases(n), false, charts.ContributionsOptions{Top: n})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Only the %d costliest of 2,880", figure.MaxChartRows)
	if !strings.Contains(strings.Join(co.Notes, " "), want) {
		t.Errorf("contributions of %d cases with Top %d: notes %q, want %q", n, n, co.Notes, want)
	}
}

// TestLongLabelSVG charts records whose id, scale or dataset name is
// 100 KB long: each long string is cut with "…" (never inside a UTF-8
// sequence), so the SVG grows by less than 200 KB over the same chart
// with short names (an SVG outlines its text, so a chart of the built-in
// cases is already 200–350 KB).
func TestLongLabelSVG(t *testing.T) {
	long := strings.Repeat("ș名", 100<<10/5) // 2- and 3-byte runes, about 100 KB
	svg := func(t *testing.T, build func(name string) (*figure.Chart, error), name string) int {
		ch, err := build(name)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := ch.Write(&buf, figure.SVG); err != nil {
			t.Fatal(err)
		}
		return buf.Len()
	}
	withID := func(name string) []*forecasts.Record {
		recs := builtinRecords(t, "cpc")
		rec := *recs[0]
		rec.ID, rec.Forecaster = name, name
		recs[0] = &rec
		return recs
	}
	for _, tc := range []struct {
		name  string
		build func(name string) (*figure.Chart, error)
	}{
		{"timeline", func(name string) (*figure.Chart, error) {
			return charts.TimelineChart(withID(name), charts.TimelineOptions{})
		}},
		{"contributions", func(name string) (*figure.Chart, error) {
			return buildContributions(casesOf(withID(name)), false, charts.ContributionsOptions{})
		}},
		{"title", func(name string) (*figure.Chart, error) {
			return charts.TimelineChart(withID("x"), charts.TimelineOptions{Title: name})
		}},
		{"sensitivity", func(name string) (*figure.Chart, error) {
			s := handmadeSensitivity()
			s.Datasets = []string{name}
			s.Scales[1].Scale = name
			s.Scales[2].NoCounterpart = []string{name}
			return charts.SensitivityChart(s, charts.SensitivityOptions{})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			short, got := svg(t, tc.build, "short-name"), svg(t, tc.build, long)
			t.Logf("SVG of %d KB, %d KB with a 100 KB name", short>>10, got>>10)
			if got > short+200<<10 {
				t.Errorf("SVG of %d KB with a 100 KB name, want under %d KB", got>>10, (short+200<<10)>>10)
			}
		})
	}
}
