package forecasts

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in          string
		want        Date
		first, last time.Time
	}{
		{"1951", Date{1951, 0, 0}, day(1951, 1, 1), day(1951, 12, 31)},
		{"1978-08", Date{1978, 8, 0}, day(1978, 8, 1), day(1978, 8, 31)},
		{"1980-02", Date{1980, 2, 0}, day(1980, 2, 1), day(1980, 2, 29)}, // leap year
		{"1979-01-07", Date{1979, 1, 7}, day(1979, 1, 7), day(1979, 1, 7)},
	} {
		got, err := ParseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			continue
		}
		if got.String() != tc.in || !got.First().Equal(tc.first) || !got.Last().Equal(tc.last) {
			t.Errorf("%q: String %q, First %v, Last %v", tc.in, got, got.First(), got.Last())
		}
	}
	for _, bad := range []string{"", "79", "1979-1", "1979-01-7", "1979/01/07", "1979-00", "1979-13", "1979-02-29", "1979-04-31", "0000", "1979-01-07T00:00:00Z", " 1979"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, d)
		}
	}
}

func TestDateBefore(t *testing.T) {
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"1978-08", "1978-09-01", true},
		{"1978", "1978-08", false}, // overlapping periods are not before
		{"1978-08", "1978", false},
		{"1978-08-31", "1978-09", true},
		{"1979-01-07", "1979-01-07", false},
		{"1977", "1978", true},
	} {
		if got := d(tc.a).Before(d(tc.b)); got != tc.want {
			t.Errorf("%s before %s = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	known := recordFields
	for in, want := range map[string]string{
		"outcom": "outcome", "Outcome": "outcome", "forcaster": "forecaster", "resolvesby": "resolves_by",
		"sourcs": "sources", "xyz": "", "estimate_low": "",
	} {
		if got := suggest(in, known); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
