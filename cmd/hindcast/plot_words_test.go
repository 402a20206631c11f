package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// --highlight takes a level, any scale's term or synonym, a --term phrase
// or a record's phrase; a word nothing knows is a usage error (exit 2)
// naming the nearest. --colour takes wrong-way or outcome, spelt colour
// or color.
func TestPlotWordsHighlightColour(t *testing.T) {
	tmp := tempDir(t)
	out := filepath.Join(tmp, "x.svg")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"plot", "scales", "--highlight", "probable"}, 0, ""},
		{[]string{"plot", "scales", "--highlight", "likely"}, 0, ""},
		{[]string{"plot", "scales", "--highlight", "fairly good"}, 0, ""}, // a phrase of the built-in records
		{[]string{"plot", "scales", "--highlight", "slam-dunk", "--term", "slam-dunk=0.95"}, 0, ""},
		{[]string{"plot", "words", "--dataset", "cpc", "--highlight", "fairly good"}, 0, ""},
		{[]string{"plot", "words", "--dataset", "cpc", "--term", "fairly good=0.60-0.95", "--term", "sure thing=99%"}, 0, ""},
		{[]string{"plot", "scales", "--highlight", "probabel"}, 2, `nearest are "probable"`},
		{[]string{"plot", "words", "--highlight", "zzz"}, 2, "--highlight: no scale term"},
		{[]string{"plot", "words", "--term", "fairly good"}, 2, "PHRASE=LOW-HIGH"},
		{[]string{"plot", "contributions", "--dataset", "cpc", "--colour", "outcome"}, 0, ""},
		{[]string{"plot", "timeline", "--dataset", "cpc", "--color", "wrong-way"}, 0, ""},
		{[]string{"plot", "contributions", "--colour", "rainbow"}, 2, "use wrong-way or outcome"},
		{[]string{"plot", "scales", "--colour", "outcome"}, 2, "does not apply to plot scales"},
	} {
		_, stderr, code := runHindcast(append(tc.args, "-o", out)...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.code, stderr)
		}
	}
}
