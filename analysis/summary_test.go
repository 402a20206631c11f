package analysis_test

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/internal/testmem"
)

func codes(ws []analysis.Warning) []string {
	var cs []string
	for _, w := range ws {
		cs = append(cs, w.Code)
	}
	return cs
}

func TestSummaryWarnings(t *testing.T) {
	for _, c := range []struct {
		name  string
		table analysis.Table
		want  []string
	}{
		// A replicate of tiny draws no non-event with probability (3/4)⁴ = 32%.
		{"tiny", tiny(), []string{analysis.WarnSmallSample, analysis.WarnSmallBins, analysis.WarnLogisticFit, analysis.WarnBootstrapUndefined}},
		{"empty", analysis.Table{}, []string{analysis.WarnEmpty}},
		{"no events", analysis.NewTable([]analysis.Cell{{P: 0.1, N: 40}, {P: 0.2, N: 40}}),
			[]string{analysis.WarnOneOutcome, analysis.WarnLogisticFit, analysis.WarnBootstrapUndefined}},
		{"certain and wrong", analysis.NewTable([]analysis.Cell{{P: 0, N: 20, Yes: 1}, {P: 0.4, N: 20, Yes: 10}, {P: 1, N: 20, Yes: 19}}),
			[]string{analysis.WarnInfiniteLogScore}},
		{"only certain", analysis.NewTable([]analysis.Cell{{P: 0, N: 20, Yes: 2}, {P: 1, N: 20, Yes: 19}}),
			[]string{analysis.WarnInfiniteLogScore, analysis.WarnSpiegelhalter}},
		{"four cells", four(), nil},
	} {
		s := analysis.Summarize(c.table, analysis.Options{Replicates: 100, Seed: 1})
		if got := codes(s.Warnings); !slices.Equal(got, c.want) {
			t.Errorf("%s: warnings %q, want %q", c.name, s.Warnings, c.want)
		}
	}
}

func TestSummaryNamesSmallBins(t *testing.T) {
	s := analysis.Summarize(tiny(), analysis.Options{})
	// 0.07 falls in [0, 0.1) with 3 forecasts, 0.2 in [0.2, 0.3) with 1.
	for _, w := range s.Warnings {
		if w.Code == analysis.WarnSmallBins && !strings.Contains(w.Message, "[0, 0.1) (3), [0.2, 0.3) (1)") {
			t.Errorf("small-bins warning does not name the bins: %s", w.Message)
		}
	}
	s.Warn("selection", "the cases were chosen for their %s", "failures")
	if last := s.Warnings[len(s.Warnings)-1]; last.String() != "selection: the cases were chosen for their failures" {
		t.Errorf("appended warning %q", last)
	}
}

func TestSummaryMatchesFunctions(t *testing.T) {
	tb := four()
	s := analysis.Summarize(tb, analysis.Options{})
	logScore, _ := analysis.LogScore(tb, 1e-15)
	z, p := analysis.Spiegelhalter(tb)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"Brier", s.Brier, 0.17},
		{"BrierSkill", s.BrierSkill, 1 - 0.17/0.244375},
		{"LogScoreClipped", s.LogScoreClipped, logScore},
		{"LogScore", s.LogScore, logScore},
		{"Murphy REL", s.Murphy.Reliability, 0.0125},
		{"MurphyBinned", s.MurphyBinned.Reliability, analysis.Murphy(tb, 10).Reliability},
		{"CORP MCB", s.CORP.Miscalibration, 0.01125},
		{"ECE", s.ECE, analysis.ECE(tb, 10)},
		{"AUC", s.AUC, 310.5 / 391},
		{"z", s.SpiegelhalterZ, z},
		{"p", s.SpiegelhalterP, p},
		{"calibration in the large", s.CalibrationInTheLarge, 0.025},
	} {
		if !close(c.got, c.want, 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if s.Bootstrap != nil || s.Bands != nil {
		t.Errorf("resampling without replicates")
	}
}

func TestBrierScale(t *testing.T) {
	one := analysis.Summarize(tiny(), analysis.Options{Replicates: 50, Seed: 2})
	two := analysis.Summarize(tiny(), analysis.Options{Replicates: 50, Seed: 2, BrierScale: analysis.OriginalBrierScale})
	// 2 · 0.658675; skill unchanged.
	if !close(two.Brier, 1.31735, 1e-12) || !close(two.Murphy.Reliability, 1.31735, 1e-12) ||
		!close(two.CORP.Miscalibration, 2*0.471175, 1e-12) || two.BrierSkill != one.BrierSkill {
		t.Errorf("scale 2: Brier %v, REL %v, MCB %v, skill %v", two.Brier, two.Murphy.Reliability, two.CORP.Miscalibration, two.BrierSkill)
	}
	if two.Bootstrap.Hi.Brier != 2*one.Bootstrap.Hi.Brier || two.Bootstrap.Hi.BrierSkill != one.Bootstrap.Hi.BrierSkill {
		t.Errorf("scale 2: bootstrap Brier %v vs %v", two.Bootstrap.Hi.Brier, one.Bootstrap.Hi.Brier)
	}
}

func TestSummarizeAllEqualsSummarize(t *testing.T) {
	_, groups := solarFlares(t)
	var tables []analysis.Table
	for _, k := range []groupKey{{"NOAA", "C1"}, {"NICT", "M1"}, {"AMOS", "C1"}, {"SIDC", "M1"}} {
		tables = append(tables, groups[k])
	}
	opts := analysis.Options{Replicates: 200, BandReplicates: 100, Seed: 11}
	all := analysis.SummarizeAll(tables, opts)
	for i, tb := range tables {
		one := analysis.Summarize(tb, opts)
		if describe(one) != describe(all[i]) {
			t.Errorf("table %d: SummarizeAll differs from Summarize", i)
		}
	}
}

// describe prints a summary with its pointed-to parts, NaN as NaN.
func describe(s analysis.Summary) string {
	b, bands := *s.Bootstrap, *s.Bands
	s.Bootstrap, s.Bands = nil, nil
	return fmt.Sprintf("%+v\n%+v\n%+v", s, b, bands)
}

func TestSummaryOfEmptyTable(t *testing.T) {
	s := analysis.Summarize(analysis.Table{}, analysis.DefaultOptions())
	if !math.IsNaN(s.Brier) || s.Bootstrap != nil || s.Bands != nil {
		t.Errorf("empty: Brier %v, bootstrap %v, bands %v", s.Brier, s.Bootstrap, s.Bands)
	}
}

// Many groups are resampled a batch at a time: the replicates of every
// group were once held at once (1000 replicates × 14 figures × 8 bytes,
// 112 KB a group: 100,000 groups needed 11 GB). 1,200 groups of a few
// forecasts hold 134 MB of replicates if held together, and the heap grew
// by 252 MB (garbage between collections included); in batches of 64 MB it
// grows by about 150 MB. A group's summary is the same whichever batch it
// falls in.
func TestSummarizeAllBatches(t *testing.T) {
	var tables []analysis.Table
	for i := range 1200 {
		var tl analysis.Tally
		for k := range 6 {
			tl.Add(float64((i+k)%10)/10, (i*7+k)%3 == 0)
		}
		tables = append(tables, tl.Table())
	}
	opts := analysis.Options{Replicates: 1000, Seed: 5}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := testmem.HeapPeak(func() { _ = analysis.SummarizeAll(tables, opts) })
	if grew := peak - before.HeapInuse; grew > 200<<20 {
		t.Errorf("SummarizeAll of 1,200 groups grew the heap by %d MB, want under 200 MB", grew>>20)
	}
	all := analysis.SummarizeAll(tables, opts)
	for _, i := range []int{0, 599, 1199} {
		if one := analysis.Summarize(tables[i], opts); describeBoot(one) != describeBoot(all[i]) {
			t.Errorf("group %d: summarized with the others it differs from alone", i)
		}
	}
}

// describeBoot prints a summary with its bootstrap, which must be there.
func describeBoot(s analysis.Summary) string {
	b := *s.Bootstrap
	s.Bootstrap = nil
	return fmt.Sprintf("%+v\n%+v", s, b)
}
