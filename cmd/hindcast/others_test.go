package main

import (
	"strings"
	"testing"
)

// score --others sets the figures next to the published studies, within
// 80 columns, in table and Markdown only.
func TestScoreOthers(t *testing.T) {
	for _, format := range []string{"table", "markdown"} {
		stdout, stderr, code := runHindcast("score", "--dataset", "cpc", "--bootstrap", "50", "--others", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		for _, want := range []string{"Mandel", "888,328", "cpc: chosen for failure", "0.074 †"} {
			if !strings.Contains(strings.Join(strings.Fields(stdout), " "), want) { // across wrapped lines
				t.Errorf("%s: no %q in\n%s", format, want, stdout)
			}
		}
		if format == "table" {
			for _, line := range strings.Split(stdout, "\n") {
				if n := len([]rune(line)); n > 80 {
					t.Errorf("a line of %d columns: %s", n, line)
				}
			}
		}
	}
	if _, stderr, code := runHindcast("score", "--others", "--format", "json"); code != 2 || !strings.Contains(stderr, "--others") {
		t.Errorf("--others --format json: exit %d, %s; want a usage error", code, stderr)
	}
}
