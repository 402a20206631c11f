package charts_test

import (
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/charts"
)

func builtinRecords(t testing.TB, names ...string) []*forecasts.Record {
	ds, err := forecasts.LoadBuiltin(names...)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*forecasts.Record
	for _, d := range ds {
		recs = append(recs, d.Records...)
	}
	return recs
}

func TestGoldenTimelineChart(t *testing.T) {
	recs := builtinRecords(t)
	if len(recs) != 26 {
		t.Fatalf("%d built-in records, want 26", len(recs))
	}
	ch, err := charts.TimelineChart(recs, charts.TimelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "timeline", ch)
}

func TestGoldenTimelineChartCPC(t *testing.T) {
	ch, err := charts.TimelineChart(builtinRecords(t, "cpc"), charts.TimelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "timeline_cpc", ch)
}

// TestGoldenTimelineChartDays charts forecasts made and resolved within
// three weeks: a crisis followed day by day, with an open question.
func TestGoldenTimelineChartDays(t *testing.T) {
	ch, err := charts.TimelineChart(crisisRecords(t), charts.TimelineOptions{Title: "A crisis, day by day"})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "timeline_days", ch)
}

func crisisRecords(t testing.TB) []*forecasts.Record {
	date := func(s string) forecasts.Date {
		d, err := forecasts.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rec := func(id, issued, resolvesBy, resolved string, p float64, o forecasts.Outcome) *forecasts.Record {
		r := &forecasts.Record{ID: id, Issued: date(issued), Outcome: o, Event: forecasts.Interval{Low: p, Point: p, High: p}}
		if resolvesBy != "" {
			r.ResolvesBy = date(resolvesBy)
		}
		if resolved != "" {
			r.Resolved = date(resolved)
		}
		return r
	}
	return []*forecasts.Record{
		rec("talks-resume", "1973-10-02", "1973-10-09", "1973-10-05", 0.35, forecasts.Yes),
		rec("ceasefire-by-20th", "1973-10-06", "1973-10-20", "1973-10-20", 0.2, forecasts.No),
		rec("canal-crossing", "1973-10-08", "1973-10-31", "1973-10-16", 0.55, forecasts.Yes),
		rec("airlift", "1973-10-10", "1973-10-15", "1973-10-14", 0.8, forecasts.Yes),
		rec("oil-embargo", "1973-10", "1973-10-31", "", 0.4, forecasts.Unresolved),
	}
}

func TestTimelineChartErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs []*forecasts.Record
		want string
	}{
		{"none", nil, "no records to chart"},
		{"nil", []*forecasts.Record{nil}, "a nil record"},
		{"undated", []*forecasts.Record{{ID: "x"}}, "record x has no issue date"},
	} {
		_, err := charts.TimelineChart(tc.recs, charts.TimelineOptions{})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.want)
		}
	}
}
