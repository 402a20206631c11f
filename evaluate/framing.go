package evaluate

import (
	"cmp"
	"math"
	"slices"

	"github.com/hindcast/hindcast/forecasts"
)

// SharedEvent is one real-world happening that several scored records
// score: records with the same `event`. Their questions may be worded in
// the same direction ("will the Shah step down", asked of three
// assessments) or in opposite ones ("will the Khmer Rouge hold Phnom
// Penh" against "will Vietnam capture it"): a question and its negation
// swap P and 1 − P, and the outcome with them.
type SharedEvent struct {
	Event string // the records' event slug
	// Resolved is the date the records were resolved when they all give
	// the same one; zero otherwise.
	Resolved forecasts.Date
	Records  []FramedRecord // in id order
	// Opposite is true when the records are worded in opposite directions:
	// the event of one happened when the event of another did not.
	Opposite bool
	// SameJudgment is true when the records are worded in opposite
	// directions and, read the same way round, give the same probability:
	// one judgment scored twice, at the same cost each time.
	SameJudgment bool
}

// FramedRecord is one record of a SharedEvent.
type FramedRecord struct {
	ID      string
	P       float64           // P(event) as scored, for the record's own question
	Outcome forecasts.Outcome // yes or no
	Negated bool              // the statement denied the question's event
	Penalty float64           // (P − outcome)², its Brier penalty on the 0–1 scale
}

// SharedEvents returns, for every event that two or more of the scored
// records name, those records and whether they are worded in opposite
// directions; events in name order. Flat tables and records without an
// event give none.
func SharedEvents(f *Forecasts) []SharedEvent {
	if f == nil || f.Overall == nil {
		return nil
	}
	by := map[string][]ScoredRecord{}
	for _, s := range f.Overall.Scored {
		if e := s.Record.Happening; e != "" && s.Record.Outcome.Scored() {
			by[e] = append(by[e], s)
		}
	}
	var out []SharedEvent
	for e, rs := range by {
		if len(rs) < 2 {
			continue
		}
		se := SharedEvent{Event: e, Resolved: rs[0].Record.Resolved}
		yes, no := false, false
		for _, s := range rs {
			y := 0.0
			if s.Record.Outcome == forecasts.Yes {
				y, yes = 1, true
			} else {
				no = true
			}
			if s.Record.Resolved != se.Resolved {
				se.Resolved = forecasts.Date{}
			}
			se.Records = append(se.Records, FramedRecord{ID: s.Record.ID, P: s.P, Outcome: s.Record.Outcome,
				Negated: s.Record.Negated, Penalty: (s.P - y) * (s.P - y)})
		}
		slices.SortFunc(se.Records, func(a, b FramedRecord) int { return cmp.Compare(a.ID, b.ID) })
		se.Opposite = yes && no
		if se.Opposite {
			// Read every record the way round of those whose event
			// happened: P for them, 1 − P for the others.
			se.SameJudgment = true
			first := math.NaN()
			for _, r := range se.Records {
				p := r.P
				if r.Outcome == forecasts.No {
					p = 1 - p
				}
				if math.IsNaN(first) {
					first = p
				} else if math.Abs(p-first) > 1e-9 {
					se.SameJudgment = false
				}
			}
		}
		out = append(out, se)
	}
	slices.SortFunc(out, func(a, b SharedEvent) int { return cmp.Compare(a.Event, b.Event) })
	return out
}

// RecordConflicts are the source conflicts one record notes: for each,
// what the sources disagree on, their readings, and what the reading the
// record does not follow would do to it.
type RecordConflicts struct {
	ID        string
	Conflicts []forecasts.Conflict
}

// SourceConflicts returns the records of recs that note a source
// conflict, in the order given.
func SourceConflicts(recs []*forecasts.Record) []RecordConflicts {
	var out []RecordConflicts
	for _, r := range recs {
		if len(r.Conflicts) > 0 {
			out = append(out, RecordConflicts{ID: r.ID, Conflicts: r.Conflicts})
		}
	}
	return out
}
