package textout

import (
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

func TestSharedEventSentence(t *testing.T) {
	// The Phnom Penh pair: 0.93 for "will hold" (no) and 0.07 for "will be
	// captured" (yes), each a penalty of 0.93² = 0.8649, shown as 0.865.
	pp := evaluate.SharedEvent{Event: "fall-of-phnom-penh-1979", Resolved: forecasts.Date{Year: 1979, Month: 1, Day: 7},
		Opposite: true, SameJudgment: true, Records: []evaluate.FramedRecord{
			{ID: "cpc-khmer-rouge-1978", P: 0.93, Outcome: forecasts.No, Penalty: 0.8649},
			{ID: "cpc-phnom-penh-1979", P: 0.07, Outcome: forecasts.Yes, Negated: true, Penalty: 0.8649}}}
	want := "cpc-khmer-rouge-1978 and cpc-phnom-penh-1979 score one happening, fall-of-phnom-penh-1979 (7 January 1979), worded in opposite directions: they cost the same (Brier penalty 0.865 each) because they are the same judgment, which the scores count twice."
	if got := SharedEventSentence(pp); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	same := evaluate.SharedEvent{Event: "x", Resolved: forecasts.Date{Year: 1962, Month: 10}, Records: []evaluate.FramedRecord{
		{ID: "a", Penalty: 0.04}, {ID: "b", Penalty: 0.16}, {ID: "c", Penalty: 0.25}}}
	want = "a, b and c score one happening, x (October 1962), worded the same way: separate judgments of one happening, so they are not independent cases (Brier penalties 0.040, 0.160 and 0.250)."
	if got := SharedEventSentence(same); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
