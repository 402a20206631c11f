package forecasts_test

import (
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

func TestParseCommonDate(t *testing.T) {
	const (
		none = forecasts.DateOrderUnset
		dmy  = forecasts.DayMonthYear
		mdy  = forecasts.MonthDayYear
	)
	for _, tc := range []struct {
		in    string
		order forecasts.DateOrder
		want  string // the date as hindcast writes it, or the error
	}{
		// The format's own forms, and their near relatives.
		{"1978-08-31", none, "1978-08-31"},
		{"1978-08", none, "1978-08"},
		{"1978", none, "1978"},
		{" 1978-08-31 ", none, "1978-08-31"},
		{"1978-8-1", none, "1978-08-01"},
		{"1978/08/31", none, "1978-08-31"},
		{"1978/08-31", none, `"1978/08-31" is not a date: write 1978-08-31, 1978-08 or 1978 (31 Aug 1978, August 31, 1978 and Aug 1978 are read too, and 31/08/1978 with --date-order)`},
		// Spreadsheet datetimes: the time is dropped.
		{"1978-08-31T00:00:00", none, "1978-08-31"},
		{"1978-08-31 00:00:00", none, "1978-08-31"},
		{"1978-08-31 23:59", none, "1978-08-31"},
		{"1978-08-31T10:15:30.250Z", none, "1978-08-31"},
		{"1978-08-31T10:15:30+02:00", none, "1978-08-31"},
		{"1978-08-31 25:00:00", none, `"1978-08-31 25:00:00": the time of day is not a time`},
		// Month names.
		{"31 Aug 1978", none, "1978-08-31"},
		{"31 August 1978", none, "1978-08-31"},
		{"31st august 1978", none, "1978-08-31"},
		{"1 Sept. 1978", none, "1978-09-01"},
		{"31-Aug-1978", none, "1978-08-31"},
		{"August 31, 1978", none, "1978-08-31"},
		{"Aug 31 1978", none, "1978-08-31"},
		{"Aug 1978", none, "1978-08"},
		{"AUGUST 1978", none, "1978-08"},
		{"31 Agosto 1978", none, `"31 Agosto 1978" is not a date: write 1978-08-31, 1978-08 or 1978 (31 Aug 1978, August 31, 1978 and Aug 1978 are read too, and 31/08/1978 with --date-order)`},
		{"31 Feb 1978", none, `"31 Feb 1978": February 1978 has 28 days`},
		// All-number dates: the order is given, never guessed.
		{"31/08/1978", dmy, "1978-08-31"},
		{"08/31/1978", mdy, "1978-08-31"},
		{"08/09/1978", dmy, "1978-09-08"},
		{"08/09/1978", mdy, "1978-08-09"},
		{"8.9.1978", dmy, "1978-09-08"},
		{"31-08-1978", dmy, "1978-08-31"},
		{"29/02/1980", dmy, "1980-02-29"},
		{"29/02/1978", dmy, `"29/02/1978": February 1978 has 28 days`},
		{"31/08/1978", mdy, `"31/08/1978": month 31 does not exist`},
		{"08/09/1978", none, `"08/09/1978" could be 8 September 1978 (dmy) or 9 August 1978 (mdy): give the order with --date-order dmy or mdy`},
		{"31/08/1978", none, `"31/08/1978": give the order of day and month with --date-order dmy or mdy (dmy reads 31 August 1978); it is not guessed from the numbers`},
		{"08/31/1978", none, `"08/31/1978": give the order of day and month with --date-order dmy or mdy (mdy reads 31 August 1978); it is not guessed from the numbers`},
		{"05/05/1978", none, `"05/05/1978": give the order of day and month with --date-order dmy or mdy (both read 5 May 1978 here); it is not guessed from the numbers`},
		{"31/31/1978", none, `"31/31/1978" is not a date in either order, day/month/year or month/day/year`},
		{"31/08-1978", dmy, `"31/08-1978" is not a date: write 1978-08-31, 1978-08 or 1978 (31 Aug 1978, August 31, 1978 and Aug 1978 are read too, and 31/08/1978 with --date-order)`},
		{"08/1978", none, "1978-08"},
		{"13/1978", none, `"13/1978": month 13 does not exist`},
		// Refused: guesses and spreadsheet serial numbers.
		{"31/08/78", dmy, `"31/08/78": write the year with four digits; the century of a two-digit year would be a guess`},
		{"28733", none, `"28733" looks like a spreadsheet's serial day number, not a date: format the column as a date (yyyy-mm-dd) before saving the file`},
		{"0000-01-01", none, `"0000-01-01": year 0000 does not exist`},
		{"", none, `"" is not a date: write 1978-08-31, 1978-08 or 1978 (31 Aug 1978, August 31, 1978 and Aug 1978 are read too, and 31/08/1978 with --date-order)`},
	} {
		d, err := forecasts.ParseCommonDate(tc.in, tc.order)
		got := d.String()
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("ParseCommonDate(%q, %v):\n got %s\nwant %s", tc.in, tc.order, got, tc.want)
		}
	}
}

func TestParseOutcome(t *testing.T) {
	yes, no := forecasts.Yes, forecasts.No
	for _, tc := range []struct {
		in     string
		labels map[string]forecasts.Outcome
		want   forecasts.Outcome
		err    string
	}{
		{in: "yes", want: yes}, {in: "YES", want: yes}, {in: " Yes ", want: yes}, {in: "y", want: yes}, {in: "True", want: yes}, {in: "1", want: yes},
		{in: "no", want: no}, {in: "No", want: no}, {in: "N", want: no}, {in: "false", want: no}, {in: "0", want: no},
		{in: "unresolved", want: forecasts.Unresolved}, {in: "Unresolved", want: forecasts.Unresolved},
		{in: "ambiguous", want: forecasts.Ambiguous},
		{in: "resolved yes", want: yes}, {in: "Resolved-Yes", want: yes}, {in: "resolved_no", want: no}, {in: "resolved: no", want: no},
		{in: "resolved", err: `"resolved" says the question was settled, not how: write yes or no (or resolved yes, resolved no), or give the label a meaning with --outcome-map resolved=yes`},
		{in: "Resolved", labels: map[string]forecasts.Outcome{"resolved": yes}, want: yes},
		{in: "happened", labels: map[string]forecasts.Outcome{"happened": yes, "did not happen": no}, want: yes},
		{in: "Did not happen", labels: map[string]forecasts.Outcome{"happened": yes, "did not happen": no}, want: no},
		{in: "1", labels: map[string]forecasts.Outcome{"1": no}, want: no}, // a label given overrides the built-in one
		{in: "maybe", err: `"maybe" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map maybe=OUTCOME`},
		{in: "not yet", err: `"not yet" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map 'not yet'=OUTCOME`},
		{in: "resolvedyes", err: `"resolvedyes" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map resolvedyes=OUTCOME`},
		{in: "2", err: `"2" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map 2=OUTCOME`},
	} {
		got, err := forecasts.ParseOutcome(tc.in, tc.labels)
		switch {
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("ParseOutcome(%q): %v, %v; want error\n%s", tc.in, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("ParseOutcome(%q): %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
