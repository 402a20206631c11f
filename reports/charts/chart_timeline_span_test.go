package charts

import (
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
