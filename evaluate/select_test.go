package evaluate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
)

// The four CPC assessments without Deng's forecast, as the instructors
// showed them. Their coded P(event) and outcomes (forecasts/builtin/cpc.yaml):
//
//	cpc-khmer-rouge-1978  almost certain (Kent)        P = 0.93   no   (0.93)²  = 0.8649
//	cpc-phnom-penh-1979   not, almost certain (Kent)   P = 0.07   yes  (0.93)²  = 0.8649
//	cpc-shah-1978         not, probable (Kent)         P = 0.25   yes  (0.75)²  = 0.5625
//	cpc-romania-1989      not, [0.6, 0.95]             P = 0.225  yes  (0.775)² = 0.600625
//
// Brier = (0.8649 + 0.8649 + 0.5625 + 0.600625) / 4 = 2.892925 / 4 = 0.72323125.
func TestSelectCPCWithoutDeng(t *testing.T) {
	in := evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{Exclude: []string{"deng-vietnam-1978"}}}
	f, brier, _ := score(t, in)
	if n := len(f.Overall.Scored); n != 4 {
		t.Errorf("%v forecasts, want 4", n)
	}
	if math.Abs(brier-0.72323125) > 1e-12 {
		t.Errorf("Brier %.10g, want 0.72323125", brier)
	}
	// The same four by --id, and by --where.
	ids := evaluate.Selection{IDs: []string{"cpc-khmer-rouge-1978", "cpc-phnom-penh-1979", "cpc-shah-1978", "cpc-romania-1989"}}
	where := evaluate.Selection{Where: []string{"forecaster=CPC intelligence community"}}
	for _, sel := range []evaluate.Selection{ids, where} {
		if _, b, _ := score(t, evaluate.Input{Select: sel}); math.Abs(b-0.72323125) > 1e-12 {
			t.Errorf("%+v: Brier %.10g, want 0.72323125", sel, b)
		}
	}
}

// --where forecaster=CIA: the three CIA records, all of events that
// happened: P = 0.15 (not prerevolutionary, [0.75, 0.95] negated), 0.55
// ([0.3, 0.6] negated) and 0.75 (probable). Brier = (0.85² + 0.45² +
// 0.25²) / 3 = (0.7225 + 0.2025 + 0.0625) / 3 = 0.9875 / 3.
func TestSelectWhere(t *testing.T) {
	in := evaluate.Input{Select: evaluate.Selection{Where: []string{"forecaster=CIA"}}}
	f, brier, groups := score(t, evaluate.Input{Select: in.Select, By: []string{"year"}})
	if math.Abs(brier-0.9875/3) > 1e-12 {
		t.Errorf("Brier %.10g, want 0.9875/3", brier)
	}
	if len(f.Datasets) != 1 || f.Datasets[0].Name != "historical" {
		t.Errorf("datasets %v: a dataset with no record chosen is left out", f.Datasets)
	}
	// grouped after selecting: 1978 holds the two Iran records.
	if want := (0.7225 + 0.2025) / 2; math.Abs(groups["1978"]-want) > 1e-12 || len(groups) != 2 {
		t.Errorf("groups %v, want 1978: %v and 1991", groups, want)
	}
	// All conditions must hold; a tag is FIELD or tags.FIELD.
	for _, w := range [][]string{{"forecaster=CIA", "year=1978"}, {"forecaster=CIA", "tags.region=Middle East"}, {"region=Middle East", "forecaster=CIA"}} {
		ds, err := (&evaluate.Input{Select: evaluate.Selection{Where: w}}).Datasets("")
		if err != nil {
			t.Fatalf("%v: %v", w, err)
		}
		if recs := evaluate.AllRecords(ds); len(recs) != 2 || recs[0].ID != "cia-iran-1978-08" || recs[1].ID != "cia-iran-1978-11" {
			t.Errorf("%v: %d records, want the two CIA Iran records", w, len(recs))
		}
	}
}

func TestSelectErrors(t *testing.T) {
	for _, tc := range []struct {
		in   evaluate.Input
		want string
	}{
		{evaluate.Input{Select: evaluate.Selection{Exclude: []string{"deng-vietnam"}}}, "--exclude deng-vietnam: not an id of the records read (cpc, historical); did you mean deng-vietnam-1978?"},
		{evaluate.Input{Select: evaluate.Selection{IDs: []string{"cpc-shah-1987"}}}, "--id cpc-shah-1987: not an id of the records read (cpc, historical); did you mean cpc-shah-1978?"},
		{evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{IDs: []string{"cia-ussr-1991"}}}, "--id cia-ussr-1991: not an id of the records read (cpc) (hindcast forecasts list shows the ids)"},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"forecastr=CIA"}}}, `--where forecastr=CIA: "forecastr" is not a record field or tag; did you mean forecaster?`},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"colour=red"}}}, `--where colour=red: "colour" is not a record field or tag; fields: id, label, question, forecaster, audience, dataset, wording, scale, negated, outcome, year, decade, event; tags: domain, era, region`},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"forecaster=cia"}}}, `--where forecaster=cia: no record has forecaster "cia"; did you mean forecaster=CIA?`},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"decade=1970"}}}, `--where decade=1970: no record has decade "1970"; did you mean decade=1970s?`},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"outcome=maybe"}}}, `--where outcome=maybe: no record has outcome "maybe"; the values are ambiguous, no, yes`},
		{evaluate.Input{Select: evaluate.Selection{Where: []string{"forecaster"}}}, `--where "forecaster": write FIELD=VALUE, such as forecaster=CIA or region=Europe`},
		{evaluate.Input{Select: evaluate.Selection{IDs: []string{"cpc-shah-1978"}, Exclude: []string{"cpc-shah-1978"}}}, "no record is both --id cpc-shah-1978 and not cpc-shah-1978: nothing left to read"},
		{evaluate.Input{Select: evaluate.Selection{IDs: []string{" "}}}, "--id and --exclude: empty id"},
		{evaluate.Input{Tables: []string{"forecasts.csv"}, Select: evaluate.Selection{Where: []string{"group=a"}}}, "--id, --exclude and --where choose records of datasets; a flat table (forecasts.csv) has no ids"},
	} {
		_, err := evaluate.Load(tc.in)
		usage(t, err, tc.want)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("got %v\nwant %s", err, tc.want)
		}
	}
}

// Every use case reads records through Input.Datasets (Load, Compare,
// the charts of records): the report honours the selection in every part.
func TestSelectEveryUseCase(t *testing.T) {
	in := evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{Exclude: []string{"deng-vietnam-1978"}}}
	r, err := evaluate.Report(in, evaluate.ReportOptions{Bootstrap: 0, Samples: 10})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Sections[0]
	if len(r.Sections) != 1 || len(s.Records) != 4 || math.Abs(s.Score.Overall.Summary.Brier-0.72323125) > 1e-12 {
		t.Errorf("report: %d sections, %d records, Brier %v; want 1, 4 and 0.72323125", len(r.Sections), len(s.Records), s.Score.Overall.Summary.Brier)
	}
	for _, row := range s.Contributions.Rows {
		if row.ID == "deng-vietnam-1978" {
			t.Error("report: Deng's forecast is among the contributions")
		}
	}
}
