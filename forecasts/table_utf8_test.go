package forecasts

import (
	"strings"
	"testing"
)

// Group values are printed and written as JSON, where bytes that are not
// UTF-8 become U+FFFD: "café" and "cafè" in Latin-1 were two groups
// printed under one name. They are errors, at their cell.
func TestReadTableGroupNotUTF8(t *testing.T) {
	for _, tc := range []struct {
		in   string
		opt  TableOptions
		want string
	}{
		{"group,probability,outcome\ncaf\xe9,0.2,1\ncaf\xe8,0.9,1\nok,0.5,0\n", TableOptions{Format: TableCSV, Groups: []string{"group"}},
			"t:2:1: group: \"caf\\xe9\" is not UTF-8 text; save the file as UTF-8\nt:3:1: group: \"caf\\xe8\" is not UTF-8 text; save the file as UTF-8\n"},
		{"{\"probability\": 0.2, \"outcome\": 1, \"group\": \"caf\xe9\"}\n", TableOptions{Format: TableJSONL, Groups: []string{"group"}},
			"t:1:45: group: \"caf\\xe9\" is not UTF-8 text; save the file as UTF-8\n"},
	} {
		st, _, err := ReadTable("t", strings.NewReader(tc.in), tc.opt, newTableTally)
		list, _ := err.(ErrorList)
		if got := list.Format(0); got != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.in, got, tc.want)
		}
		if st.Bad != int64(strings.Count(tc.want, "\n")) {
			t.Errorf("%q: %d bad rows", tc.in, st.Bad)
		}
	}
}
