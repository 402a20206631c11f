package evaluate_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

const solarFlares = "../analysis/testdata/solar-flares/solar_flares.csv"

// scoreWith loads and scores the input with a bootstrap.
func scoreWith(t *testing.T, in evaluate.Input, replicates int) *evaluate.ScoreResult {
	t.Helper()
	f, err := evaluate.Load(in)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	sc, err := evaluate.Score(f, evaluate.ScoreOptions{Analysis: analysis.Options{Replicates: replicates, Seed: 1, LogClip: 1e-15}})
	if err != nil {
		t.Fatalf("Score: %v", err)
	}
	return sc
}

// TestClusterSolarFlares is the README's real case. The solar-flare
// forecasts of 16 methods for C1 and M1 flares share, on each day, the
// outcome: a day with a flare makes every method's forecast of it right or
// wrong together. Grouped by threshold and clustered by forecast_date (731
// days), the bootstrap resamples days, and the Brier intervals widen: for
// M1 flares from 0.0356–0.0405 to 0.0296–0.0471, for C1 from 0.1700–0.1818
// to 0.1636–0.1887 (1000 replicates, seed 1). The point figures do not
// change.
func TestClusterSolarFlares(t *testing.T) {
	in := evaluate.Input{Data: []string{solarFlares}, By: []string{"event_threshold"}}
	in.Cluster = []string{evaluate.ClusterNone}
	plain := scoreWith(t, in, 1000)
	in.Cluster = []string{"forecast_date"}
	clustered := scoreWith(t, in, 1000)
	if len(plain.Cluster) != 0 || !reflect.DeepEqual(clustered.Cluster, []string{"forecast_date"}) {
		t.Errorf("Cluster: %q and %q", plain.Cluster, clustered.Cluster)
	}
	want := map[string][4]float64{ // plain lo, hi; clustered lo, hi
		"":   {0.0877, 0.0937, 0.0833, 0.0982},
		"C1": {0.1700, 0.1818, 0.1636, 0.1887},
		"M1": {0.0356, 0.0405, 0.0296, 0.0471},
	}
	for i, g := range append([]*evaluate.ScoreGroup{&clustered.Overall}, clustered.Groups...) {
		p := &plain.Overall
		if i > 0 {
			p = plain.Groups[i-1]
		}
		name := strings.Join(g.Key, "/")
		if g.Summary.Brier != p.Summary.Brier || g.Summary.AUC != p.Summary.AUC || g.Summary.N != p.Summary.N {
			t.Errorf("%s: point figures changed", name)
		}
		if g.Summary.Clusters != 731 || g.Summary.Bootstrap.Clusters != 731 || p.Summary.Clusters != 0 {
			t.Errorf("%s: %d clusters (bootstrap %d), unclustered %d", name, g.Summary.Clusters, g.Summary.Bootstrap.Clusters, p.Summary.Clusters)
		}
		pb, cb := p.Summary.Bootstrap, g.Summary.Bootstrap
		got := [4]float64{pb.Lo.Brier, pb.Hi.Brier, cb.Lo.Brier, cb.Hi.Brier}
		t.Logf("%-3s Brier %.4f: forecast by forecast %.4f–%.4f, by day %.4f–%.4f; base rate %.4f–%.4f, by day %.4f–%.4f",
			name, g.Summary.Brier, got[0], got[1], got[2], got[3], pb.Lo.BaseRate, pb.Hi.BaseRate, cb.Lo.BaseRate, cb.Hi.BaseRate)
		for k := range got {
			if math.Abs(got[k]-want[name][k]) > 0.00005 {
				t.Errorf("%s: Brier intervals %.4f, want %.4f", name, got, want[name])
				break
			}
		}
		if !(cb.Hi.Brier-cb.Lo.Brier > 1.5*(pb.Hi.Brier-pb.Lo.Brier)) {
			t.Errorf("%s: clustering did not widen the interval much", name)
		}
	}
}

// clusterTable: questions a (3 forecasts), b (2), c (1); column t is when
// each was made and r when its question closed, after every forecast.
const clusterTable = `probability,outcome,q,who,t,r
0.8,1,a,x,1,10
0.7,1,a,y,2,10
0.6,0,a,x,3,10
0.2,0,b,x,1,10
0.3,1,b,y,2,10
0.9,1,c,y,1,10
`

// TestClusterTablePaths: a table read in parallel blocks and one read row
// by row (for --resolved-col) give the same clusters and intervals; the
// default is the question columns; none and no question column turn it off.
func TestClusterTablePaths(t *testing.T) {
	path := table(t, "q.csv", clusterTable)
	fast := evaluate.Input{Data: []string{path}, QuestionCols: []string{"q"}, By: []string{"who"}}
	rows := fast
	rows.TimeCol, rows.ResolvedCol = "t", "r"
	var results []*evaluate.ScoreResult
	for _, in := range []evaluate.Input{fast, rows} {
		f, err := evaluate.Load(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(f.Overall.Clusters); got != "[{[{0.6 1 0} {0.7 1 1} {0.8 1 1}]} {[{0.2 1 0} {0.3 1 1}]} {[{0.9 1 1}]}]" {
			t.Errorf("overall clusters %s", got)
		}
		if got := fmt.Sprint(f.Groups[1].Clusters); got != "[{[{0.7 1 1}]} {[{0.3 1 1}]} {[{0.9 1 1}]}]" {
			t.Errorf("clusters of y: %s", got)
		}
		results = append(results, scoreWith(t, in, 200))
	}
	a, b := results[0], results[1]
	if !reflect.DeepEqual(a.Cluster, []string{"q"}) || a.Overall.Summary.Clusters != 3 {
		t.Errorf("Cluster %q, %d clusters", a.Cluster, a.Overall.Summary.Clusters)
	}
	if fmt.Sprint(*a.Overall.Summary.Bootstrap) != fmt.Sprint(*b.Overall.Summary.Bootstrap) {
		t.Errorf("blocks: %v\nrows: %v", *a.Overall.Summary.Bootstrap, *b.Overall.Summary.Bootstrap)
	}
	var few *analysis.Warning
	for _, w := range a.Groups[0].Summary.Warnings {
		if w.Code == analysis.WarnFewClusters {
			few = &w
		}
	}
	if few == nil || !strings.Contains(few.Message, "2 clusters") || !strings.Contains(few.Message, "one value of q") {
		t.Errorf("few-clusters warning of x: %v", few)
	}

	for _, in := range []evaluate.Input{
		{Data: []string{path}},
		{Data: []string{path}, QuestionCols: []string{"q"}, Cluster: []string{evaluate.ClusterNone}},
	} {
		sc := scoreWith(t, in, 50)
		if len(sc.Cluster) != 0 || sc.Overall.Summary.Clusters != 0 || sc.Overall.Summary.Bootstrap.Clusters != 0 {
			t.Errorf("%+v: clustered by %q", in, sc.Cluster)
		}
	}
	// An explicit column needs no --question-col.
	sc := scoreWith(t, evaluate.Input{Data: []string{path}, Cluster: []string{"q", "who"}}, 50)
	if sc.Overall.Summary.Clusters != 5 {
		t.Errorf("clusters by (q, who): %d, want 5", sc.Overall.Summary.Clusters)
	}
}

// TestClusterRecords: records are clustered by their question text by
// default; the built-in datasets ask 20 distinct questions in their 25
// scored records (the Shah's departure three times, say).
func TestClusterRecords(t *testing.T) {
	sc := scoreWith(t, evaluate.Input{}, 100)
	if !reflect.DeepEqual(sc.Cluster, []string{"question"}) || sc.Overall.Summary.Clusters != 20 || sc.Overall.Summary.N != 25 {
		t.Errorf("Cluster %q: %d clusters of %v forecasts", sc.Cluster, sc.Overall.Summary.Clusters, sc.Overall.Summary.N)
	}
	sc = scoreWith(t, evaluate.Input{Cluster: []string{"forecaster"}}, 100)
	if sc.Overall.Summary.Clusters != 15 {
		t.Errorf("clustered by forecaster: %d clusters", sc.Overall.Summary.Clusters)
	}
	for _, c := range [][]string{{"nonesuch"}, {"none", "question"}, {" "}} {
		_, err := evaluate.Load(evaluate.Input{Cluster: c})
		var u *evaluate.UsageError
		if !errors.As(err, &u) {
			t.Errorf("--cluster %q: %v, want a usage error", c, err)
		}
	}
}
