package evaluate_test

import (
	"math"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// The two Phnom Penh records of the cpc dataset score one happening, the
// fall of Phnom Penh on 7 January 1979, from opposite sides:
//
//	cpc-khmer-rouge-1978  "will the Khmer Rouge hold it?"  P 0.93, no:  penalty 0.93² = 0.8649
//	cpc-phnom-penh-1979   "will Vietnam capture it?"       P 0.07, yes: penalty (1 − 0.07)² = 0.8649
//
// Read toward the happening that came about (the fall), the first gives
// 1 − 0.93 = 0.07 and the second 0.07: the same judgment. The Shah record
// names an event no other cpc record names, and Deng's none.
func TestSharedEventsPhnomPenh(t *testing.T) {
	f, err := evaluate.Load(evaluate.Input{Builtins: []string{"cpc"}})
	if err != nil {
		t.Fatal(err)
	}
	es := evaluate.SharedEvents(f)
	if len(es) != 1 {
		t.Fatalf("%d shared events %+v, want 1", len(es), es)
	}
	e := es[0]
	if e.Event != "fall-of-phnom-penh-1979" || e.Resolved != (forecasts.Date{Year: 1979, Month: 1, Day: 7}) || !e.Opposite || !e.SameJudgment {
		t.Errorf("got %+v, want fall-of-phnom-penh-1979 on 1979-01-07, opposite, the same judgment", e)
	}
	if len(e.Records) != 2 || e.Records[0].ID != "cpc-khmer-rouge-1978" || e.Records[1].ID != "cpc-phnom-penh-1979" {
		t.Fatalf("records %+v", e.Records)
	}
	for _, r := range e.Records {
		if math.Abs(r.Penalty-0.8649) > 1e-12 {
			t.Errorf("%s: penalty %v, want 0.8649", r.ID, r.Penalty)
		}
	}
	if !e.Records[1].Negated || e.Records[0].Negated {
		t.Errorf("negated: %v %v, want false (khmer) and true (phnom penh)", e.Records[0].Negated, e.Records[1].Negated)
	}
	// Leaving one out leaves no shared event.
	f, err = evaluate.Load(evaluate.Input{Builtins: []string{"cpc"}, Select: evaluate.Selection{Exclude: []string{"cpc-phnom-penh-1979"}}})
	if err != nil {
		t.Fatal(err)
	}
	if es := evaluate.SharedEvents(f); len(es) != 0 {
		t.Errorf("with one record left: %+v, want none", es)
	}
}

// Three records of one happening: two worded the same way at different
// probabilities, one the other way round that is not their mirror image.
//
//	a  "will X happen?"   P 0.8, yes: penalty 0.04
//	b  "will X happen?"   P 0.6, yes: penalty 0.16
//	c  "will X fail?"     P 0.3, no:  penalty 0.09; read toward X: 0.7
//
// a and c are opposite, but 0.8, 0.6 and 0.7 differ: not one judgment.
// d and e name another event, worded the same way (both yes).
func TestSharedEventsDirections(t *testing.T) {
	path := table(t, "x.yaml", `dataset: {name: x, title: X, selection: all}
records:
  - {id: a, question: 'Will X happen?', event: x, forecaster: A, issued: 1990, estimate: {probability: 0.8}, outcome: yes}
  - {id: b, question: 'Will X happen?', event: x, forecaster: B, issued: 1990, estimate: {probability: 0.6}, outcome: yes}
  - {id: c, question: 'Will X fail?', event: x, forecaster: C, issued: 1990, estimate: {probability: 0.3}, outcome: no}
  - {id: d, question: 'Will Y happen?', event: y, forecaster: A, issued: 1990, estimate: {probability: 0.5}, outcome: yes}
  - {id: e, question: 'Will Y happen by 1991?', event: y, forecaster: B, issued: 1990, estimate: {probability: 0.9}, outcome: yes}
  - {id: f, question: 'Will Z happen?', event: z, forecaster: B, issued: 1990, estimate: {probability: 0.9}, outcome: yes}
  - {id: g, question: 'Will Z happen soon?', event: z, forecaster: B, issued: 1990, estimate: {probability: 0.9}, outcome: unresolved}
`)
	f, err := evaluate.Load(evaluate.Input{Data: []string{path}})
	if err != nil {
		t.Fatal(err)
	}
	es := evaluate.SharedEvents(f)
	if len(es) != 2 || es[0].Event != "x" || es[1].Event != "y" {
		t.Fatalf("got %+v, want events x and y (z has one scored record)", es)
	}
	if x := es[0]; !x.Opposite || x.SameJudgment || len(x.Records) != 3 {
		t.Errorf("x: %+v, want opposite, not the same judgment, 3 records", x)
	} else {
		for i, want := range []float64{0.04, 0.16, 0.09} {
			if math.Abs(x.Records[i].Penalty-want) > 1e-12 {
				t.Errorf("x: %s penalty %v, want %v", x.Records[i].ID, x.Records[i].Penalty, want)
			}
		}
	}
	if y := es[1]; y.Opposite || y.SameJudgment {
		t.Errorf("y: %+v, want worded the same way", y)
	}
}
