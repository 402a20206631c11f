package textout

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
)

func TestOverconfidenceSentence(t *testing.T) {
	// The four CPC assessments: confidences 0.93, 0.93, 0.75, 0.775, all
	// missed; confidence 3.385 / 4 = 0.84625 (85%), hit rate 0.
	cpc := analysis.NewTable([]analysis.Cell{{P: 0.93, N: 1}, {P: 0.07, N: 1, Yes: 1}, {P: 0.25, N: 1, Yes: 1}, {P: 0.225, N: 1, Yes: 1}})
	// Ten forecasts: 0.8 ×4 (3 happened), 0.5 ×2 (1), 0.1 ×4 (1): confidence
	// (3.2 + 1 + 3.6) / 10 = 0.78, hits 3 + 1 + 3 = 7: overconfident by 8 points.
	ten := analysis.NewTable([]analysis.Cell{{P: 0.8, N: 4, Yes: 3}, {P: 0.5, N: 2, Yes: 1}, {P: 0.1, N: 4, Yes: 1}})
	// Two forecasts of 0.6, both happened: confidence 0.6, hit rate 1:
	// underconfident by 40 points.
	under := analysis.NewTable([]analysis.Cell{{P: 0.6, N: 2, Yes: 2}})
	for _, tc := range []struct {
		tab  analysis.Table
		want string
	}{
		{cpc, "The judgments as stated were held with 85% confidence on average; 0 of 4 came true: overconfident by 85 points."},
		{ten, "The judgments as stated were held with 78% confidence on average; 7 of 10 came true: overconfident by 8 points."},
		{under, "The judgments as stated were held with 60% confidence on average; 2 of 2 came true: underconfident by 40 points."},
	} {
		sum := analysis.Summarize(tc.tab, analysis.Options{})
		if got := OverconfidenceSentence(&sum); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
	if got := OverconfidenceSentence(&analysis.Summary{}); got != "" {
		t.Errorf("no forecasts: %q, want nothing", got)
	}
}

// Overconfidence reaches every score output: the table with its sentence
// and the calibration-sign sentence, the JSON with its interval, the CSV
// and the Markdown of groups.
func TestOverconfidenceInOutputs(t *testing.T) {
	tab := analysis.NewTable([]analysis.Cell{{P: 0.93, N: 1}, {P: 0.07, N: 1, Yes: 1}, {P: 0.25, N: 1, Yes: 1}, {P: 0.225, N: 1, Yes: 1}})
	sum := analysis.Summarize(tab, analysis.Options{Replicates: 200, Seed: 1})
	s := &evaluate.ScoreResult{Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum}}
	var text, js, csv bytes.Buffer
	if err := WriteScoreTable(&text, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"overconfidence         0.846", "0 of 4 came\ntrue: overconfident by 85 points", "Calibration in the large changes sign"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, text.String())
		}
	}
	if err := WriteScoreJSON(&js, s); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Overconfidence struct{ Confidence, HitRate, Over float64 } `json:"overconfidence"`
		Intervals      struct{ Overconfidence [2]float64 }         `json:"intervals"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if o := got.Overconfidence; o.Over < 0.846 || o.Over > 0.8463 || o.Confidence != o.Over {
		t.Errorf("JSON overconfidence %+v, want 0.84625", o)
	}
	if iv := got.Intervals.Overconfidence; !(iv[0] >= 0.75 && iv[0] < 0.84625 && iv[1] > 0.84625 && iv[1] <= 0.93) {
		t.Errorf("JSON interval %v, want inside [0.75, 0.93] around 0.84625", iv)
	}
	if err := WriteScoreCSV(&csv, s); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
	head, row := strings.Split(lines[0], ","), strings.Split(lines[1], ",")
	if i := slices.Index(head, "overconfidence"); i < 0 || row[i] != "0.84625" && row[i] != "0.8462500000000001" {
		t.Errorf("CSV overconfidence column %d of %q, want 0.84625", i, lines[:2])
	}
	for _, e := range Explain(s, &s.Overall) {
		if e.Figure == "overconfidence" && strings.Contains(e.Sentence, "overconfident by 85 points") {
			return
		}
	}
	t.Error("Explain gives no overconfidence sentence")
}

// The four CPC assessments with --bins distinct: each value holds one
// forecast, so Murphy's reliability is the whole Brier score, 0.72323125;
// PAV pools all four (outcomes 1, 1, 1, 0 in forecast order fall at the
// end), recalibrating each to 3/4, whose Brier score is the uncertainty
// 0.1875, so CORP's miscalibration is 0.72323125 − 0.1875 = 0.53573125.
func TestReliabilityVsCORP(t *testing.T) {
	tab := analysis.NewTable([]analysis.Cell{{P: 0.93, N: 1}, {P: 0.07, N: 1, Yes: 1}, {P: 0.25, N: 1, Yes: 1}, {P: 0.225, N: 1, Yes: 1}})
	sum := analysis.Summarize(tab, analysis.Options{Bins: analysis.BinsDistinct})
	s := &evaluate.ScoreResult{Bins: analysis.Distinct, Overall: evaluate.ScoreGroup{Summary: sum}}
	for _, e := range Explain(s, &s.Overall) {
		if e.Figure == "reliability (Murphy) and miscalibration (CORP)" {
			if e.Value != "0.723 and 0.536" || !strings.Contains(e.Sentence, "differ here") || !strings.Contains(e.Sentence, "quote CORP's") {
				t.Errorf("got %q: %s", e.Value, e.Sentence)
			}
			return
		}
	}
	t.Error("Explain does not reconcile reliability and CORP miscalibration")
}

// A grouped table explains its WARN column under the table, and the
// Markdown of groups has each group's overconfidence: a group of two
// forecasts of 0.6 that both came true is underconfident by 0.4.
func TestGroupedLegendAndOverconfidence(t *testing.T) {
	sum := analysis.Summarize(analysis.NewTable([]analysis.Cell{{P: 0.6, N: 2, Yes: 2}}), analysis.Options{})
	g := &evaluate.ScoreGroup{Key: []string{"A"}, Summary: sum}
	s := &evaluate.ScoreResult{By: []string{"forecaster"}, Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum}, Groups: []*evaluate.ScoreGroup{g}}
	var text, md bytes.Buffer
	if err := WriteScoreTable(&text, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "WARN: !N means N warnings apply to the group's figures") {
		t.Errorf("no WARN legend:\n%s", text.String())
	}
	if err := WriteScoreMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| overconfidence |") || !strings.Contains(md.String(), "| -0.400 |") {
		t.Errorf("no overconfidence column of -0.400:\n%s", md.String())
	}
}
