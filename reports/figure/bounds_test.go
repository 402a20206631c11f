package figure_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hindcast/hindcast/reports/figure"
)

// TestCutRunes cuts strings of 1-, 2-, 3- and 4-byte runes at every
// length: the result is valid UTF-8, at most n runes, and ends in "…"
// exactly when something was cut.
func TestCutRunes(t *testing.T) {
	for _, s := range []string{"plain ascii text", "Romanian ș and ț", "中文名字很长很长", "emoji 😀😀😀😀"} {
		for n := 1; n <= utf8.RuneCountInString(s)+1; n++ {
			got := figure.CutRunes(s, n)
			if !utf8.ValidString(got) {
				t.Errorf("CutRunes(%q, %d) = %q: not valid UTF-8", s, n, got)
			}
			if c := utf8.RuneCountInString(got); c > n {
				t.Errorf("CutRunes(%q, %d) = %q: %d runes", s, n, got, c)
			}
			if cut := got != s; cut != strings.HasSuffix(got, "…") || (cut && !strings.HasPrefix(s, strings.TrimSuffix(got, "…"))) {
				t.Errorf("CutRunes(%q, %d) = %q", s, n, got)
			}
		}
	}
}
