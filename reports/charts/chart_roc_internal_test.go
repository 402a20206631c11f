package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
)

// TestROCCasings checks which stretches of a curve are drawn wider for
// the later curves that run along them. Two curves of AUC 0 both run
// along the bottom and up the right edge, through different points: the
// first is cased all the way. A curve that shares only the left edge up
// to 50% with another is cased there. Curves that share less than
// sharedLeast are not cased.
func TestROCCasings(t *testing.T) {
	cpc := []xy{{0, 0}, {1, 0}, {1, 1.0 / 3}, {1, 2.0 / 3}, {1, 1}}
	usic := []xy{{0, 0}, {1, 0}, {1, 0.2}, {1, 0.4}, {1, 0.6}, {1, 0.8}, {1, 1}}
	good := []xy{{0, 0}, {0, 0.5}, {0.5, 1}, {1, 1}}
	better := []xy{{0, 0}, {0, 0.8}, {1, 1}}
	near := []xy{{0, 0}, {0, 0.03}, {1, 1}}

	curves := [][]xy{cpc, usic, good}
	together, shared := runTogether(curves)
	if !together[0][1] || together[0][2] || together[1][2] {
		t.Errorf("together %v, want only the two of AUC 0", together)
	}
	if math.Abs(shared[0][1]-2) > 1e-12 {
		t.Errorf("the two of AUC 0 share %v, want all of their length 2", shared[0][1])
	}
	cs := casings(curves, together, 0)
	if len(cs) != 1 || cs[0].n != 1 || cs[0].pts[0] != (xy{0, 0}) || cs[0].pts[len(cs[0].pts)-1] != (xy{1, 1}) {
		t.Errorf("casings of the first curve %v, want one from (0, 0) to (1, 1)", cs)
	}
	if got := length(cs[0].pts); math.Abs(got-2) > 1e-12 {
		t.Errorf("the casing is %v long, want 2", got)
	}
	if cs := casings(curves, together, 1); len(cs) != 0 {
		t.Errorf("the last curve has casings %v", cs)
	}

	curves = [][]xy{good, better, near}
	together, shared = runTogether(curves)
	if !together[0][1] || math.Abs(shared[0][1]-0.5) > 1e-12 || together[0][2] || together[1][2] {
		t.Errorf("together %v, shared %v: want good and better only, sharing 0.5", together, shared)
	}
	cs = casings(curves, together, 0)
	if len(cs) != 1 || len(cs[0].pts) != 2 || cs[0].pts[0] != (xy{0, 0}) || cs[0].pts[1] != (xy{0, 0.5}) {
		t.Errorf("casings %v, want the left edge up to 50%%", cs)
	}

	// Three curves on one line: the first has a border for each of the
	// two later ones, the second for the last.
	curves = [][]xy{cpc, usic, cpc}
	together, _ = runTogether(curves)
	if cs := casings(curves, together, 0); len(cs) != 1 || cs[0].n != 2 {
		t.Errorf("first of three: casings %v, want one with n = 2", cs)
	}
	if cs := casings(curves, together, 1); len(cs) != 1 || cs[0].n != 1 {
		t.Errorf("second of three: casings %v, want one with n = 1", cs)
	}
}

// TestROCCoincidenceNote checks the note that names the curves that run
// together, quoting a name with a comma of its own.
func TestROCCoincidenceNote(t *testing.T) {
	curve := func(name string, pts ...xy) *rocCurve {
		c := &rocCurve{group: &chartGroup{name: name}}
		for _, p := range pts {
			c.points = append(c.points, analysis.ROCPoint{FPR: p.x, TPR: p.y})
		}
		return c
	}
	a := curve("AMAN, under Zeira", xy{0, 0}, xy{1, 0}, xy{1, 1})
	b := curve("CIA", xy{0, 0}, xy{1, 0}, xy{1, 0.5}, xy{1, 1})
	c := curve("Red team", xy{0, 0}, xy{0, 0.5}, xy{1, 1})
	d := curve("Blue team", xy{0, 0}, xy{0, 0.5}, xy{0.5, 1}, xy{1, 1})
	note := coincidenceNote([]*rocCurve{a, b, c, d})
	for _, want := range []string{
		"The curves of “AMAN, under Zeira” and CIA coincide.",
		"The curves of Red team and Blue team run together in part.",
		"drawn wider",
	} {
		if !strings.Contains(note, want) {
			t.Errorf("note %q does not say %q", note, want)
		}
	}
	if note := coincidenceNote([]*rocCurve{b, c}); note != "" {
		t.Errorf("curves that only meet at the corners: note %q", note)
	}
}

func TestJoinNames(t *testing.T) {
	if got := joinNames([]string{"CIA", "KGB"}); got != "CIA, KGB" {
		t.Errorf("joinNames = %q", got)
	}
	if got := joinNames([]string{"AMAN (Israeli military intelligence), under Maj. Gen. Eli Zeira", "CIA"}); got != "AMAN (Israeli military intelligence), under Maj. Gen. Eli Zeira; CIA" {
		t.Errorf("joinNames = %q", got)
	}
}
