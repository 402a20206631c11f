package charts

import (
	"fmt"
	"testing"
	"time"

	"github.com/hindcast/hindcast/forecasts"
)

// A record issued in "1978" and resolved in "1979-01" is drawn as spans:
// the issue from 1978-01-01 to 1978-12-31, the resolution from 1979-01-01
// to 1979-01-31 (January has 31 days), and the line between them from
// the end of the one to the start of the other.
func TestTimelineSpans(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	r := &forecasts.Record{Issued: forecasts.Date{Year: 1978}, Resolved: forecasts.Date{Year: 1979, Month: 1}}
	l := lineOf(r)
	if l.issueSpan != [2]time.Time{day(1978, 1, 1), day(1978, 12, 31)} {
		t.Errorf("issue span %v", l.issueSpan)
	}
	if l.endSpan != [2]time.Time{day(1979, 1, 1), day(1979, 1, 31)} {
		t.Errorf("resolution span %v", l.endSpan)
	}
	if !l.start.Equal(day(1978, 12, 31)) || !l.end.Equal(day(1979, 1, 1)) || l.startDay || l.endDay {
		t.Errorf("line %v to %v", l.start, l.end)
	}
	if !l.first().Equal(day(1978, 1, 1)) || !l.last().Equal(day(1979, 1, 31)) {
		t.Errorf("reaches %v to %v", l.first(), l.last())
	}
	// Days known: no spans, the line from day to day.
	r = &forecasts.Record{Issued: forecasts.Date{Year: 1973, Month: 10, Day: 5}, Resolved: forecasts.Date{Year: 1973, Month: 10, Day: 6}}
	l = lineOf(r)
	if !l.issueSpan[0].IsZero() || !l.endSpan[0].IsZero() || !l.start.Equal(day(1973, 10, 5)) || !l.end.Equal(day(1973, 10, 6)) {
		t.Errorf("days: %+v", l)
	}
	// A resolution inside the issue's year: 1978-08 in 1978 ends where it starts.
	r = &forecasts.Record{Issued: forecasts.Date{Year: 1978}, Resolved: forecasts.Date{Year: 1978, Month: 8}}
	if l = lineOf(r); !l.end.Equal(l.start) {
		t.Errorf("overlapping spans: line %v to %v", l.start, l.end)
	}
}

// The 26 built-in records run from 1947-12-15 to the end of 2011 (the
// bin Laden analysts' "2011"), about 64 years. The empty stretches of at
// least max(2 years, 64/20 = 3.2 years), from the records' dates:
// 1951-12-31 → 1961-02 (9.1 y), 1962-10-31 → 1967-05 (4.5 y),
// 1967-06-10 → 1973-05 (5.9 y), 1973-10-31 → 1978-01 (4.2 y),
// 1991-12-31 → 2002-10 (10.8 y), 2005-03-31 → 2011-01 (5.8 y). The three
// longest (10.8, 9.1, 5.9) leave 64 − 25.8 = 38.2 years, under two
// thirds of 64, so four panels: 1947–1951 (3 records), 1961–1967 (5),
// 1973–1991 (13), 2002–2011 (5). The cpc records (1978–1989; Deng's
// line ends 1988-11-30, a year before Romania's 1989-11) stay one panel.
func TestTimelineGroups(t *testing.T) {
	load := func(names ...string) []*forecasts.Record {
		ds, err := forecasts.LoadBuiltin(names...)
		if err != nil {
			t.Fatal(err)
		}
		var recs []*forecasts.Record
		for _, d := range ds {
			recs = append(recs, d.Records...)
		}
		forecasts.SortRecords(recs)
		return recs
	}
	var sizes []int
	for _, g := range timelineGroups(load()) {
		sizes = append(sizes, len(g))
	}
	if fmt.Sprint(sizes) != "[3 5 13 5]" {
		t.Errorf("built-in groups of %v records, want [3 5 13 5]", sizes)
	}
	if g := timelineGroups(load("cpc")); len(g) != 1 {
		t.Errorf("cpc: %d groups, want 1", len(g))
	}
}
