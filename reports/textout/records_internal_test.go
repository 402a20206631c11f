package textout

import (
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

func TestSourceText(t *testing.T) {
	long := forecasts.Source{Title: "Foreign Relations of the United States, 1947", Publisher: "Office of the Historian, US Department of State",
		Date: forecasts.Date{Year: 1947, Month: 12, Day: 15}}
	for _, tc := range []struct {
		name string
		ss   []forecasts.Source
		want string
	}{
		{"none", nil, "-"},
		{"author and year", []forecasts.Source{{Title: "Manhunt", Author: "Peter Bergen", Date: forecasts.Date{Year: 2012}}}, "Peter Bergen 2012"},
		{"publisher, no date", []forecasts.Source{{Title: "Chronology", Publisher: "NSA"}}, "NSA"},
		{"title only", []forecasts.Source{{Title: "A memo"}}, "A memo"},
		// 24 runes in all: 16 of the name (15 and "…"), " 1947" and " +1".
		{"long, two sources", []forecasts.Source{long, {Title: "x"}}, "Office of the H… 1947 +1"},
	} {
		if got := sourceText(tc.ss); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
