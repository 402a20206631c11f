package textout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

func TestTerminalText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"Romanian ș and ț, café, 中文, emoji 😀", "Romanian ș and ț, café, 中文, emoji 😀"},
		{`a\b`, `a\b`}, // a backslash stays
		{"title \x1b]0;pwned\x07 end", `title \x1b]0;pwned\x07 end`},
		{"red \x1b[31mred\x1b[0m", `red \x1b[31mred\x1b[0m`},
		{"nul\x00byte", `nul\x00byte`},
		{"tab\tand\nline\r", `tab\x09and\x0aline\x0d`},
		{"del\x7f", `del\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"rlo \u202egnp.exe", `rlo \u202egnp.exe`},
		{"\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c", `\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c`},
		{"bad \xff byte", `bad \xff byte`},
	} {
		if got := terminalText(tc.in); got != tc.want {
			t.Errorf("TerminalText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := terminalLines("one\ntwo\x1b"); got != "one\ntwo\\x1b" {
		t.Errorf("terminalLines keeps line breaks only: %q", got)
	}
}

// hostile is text that would retitle a terminal window, colour it, ring
// its bell, end a C string and turn the rest of the line around.
const hostile = "x\x1b]0;pwned\x07\x1b[31m\x00\u202eevil\u2066"

// rawControl returns the first control or bidirectional control in s
// other than a line break, and whether there is one.
func rawControl(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && unsafeRune(r) {
			return r, true
		}
	}
	return 0, false
}

func checkNoControls(t *testing.T, what, out string) {
	t.Helper()
	if r, ok := rawControl(out); ok {
		t.Errorf("%s prints %U raw:\n%q", what, r, out)
	}
	if !strings.Contains(out, `\x1b`) {
		t.Errorf("%s does not show the escape visibly as \\x1b:\n%q", what, out)
	}
}

func hostileRecord() *forecasts.Record {
	d, _ := forecasts.ParseDate("1978-08-01")
	return &forecasts.Record{
		ID: "cpc-" + hostile, Question: hostile, Forecaster: "Forecaster " + hostile, Audience: hostile,
		Issued: d, Outcome: forecasts.Yes, Statement: forecasts.Statement{Text: hostile, Wording: forecasts.Wording(hostile)},
		Event: forecasts.Interval{Low: 0.3, Point: 0.3, High: 0.3}, CoderNote: hostile, Notes: []string{hostile},
		Sources: []forecasts.Source{{Author: hostile, Title: hostile, Quote: hostile}},
		Tags:    []forecasts.Tag{{Key: "region", Value: hostile}},
	}
}

// TestRecordOutputsEscapeControls prints a record whose every field
// holds control characters, as forecasts list, show and list --format
// json do: none reaches the terminal.
func TestRecordOutputsEscapeControls(t *testing.T) {
	r := hostileRecord()
	var list, show, js bytes.Buffer
	if err := WriteRecordTable(&list, []*forecasts.Record{r}); err != nil {
		t.Fatal(err)
	}
	checkNoControls(t, "WriteRecordTable", list.String())
	m := &forecasts.Manifest{Name: "d" + hostile, Title: hostile}
	if err := WriteRecord(&show, r, m); err != nil {
		t.Fatal(err)
	}
	checkNoControls(t, "WriteRecord", show.String())
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	if c, ok := rawControl(js.String()); ok {
		t.Errorf("WriteJSON prints %U raw", c)
	}
	var back struct{ Question string }
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Question != hostile {
		t.Errorf("WriteJSON does not read back: %v, question %q", err, back.Question)
	}
}

// TestScoreOutputsEscapeControls prints the score, compare and
// sensitivity text and Markdown of groups, competitors, scales and
// records named with control characters.
func TestScoreOutputsEscapeControls(t *testing.T) {
	tab := analysis.TableOf([]float64{0.93, 0.07, 0.25, 0.225}, []bool{false, true, true, true}, nil)
	sum := analysis.Summarize(tab, analysis.Options{})
	sum.Warnings = append(sum.Warnings, analysis.Warning{Code: "test", Message: "about " + hostile})
	g := &evaluate.ScoreGroup{Key: []string{hostile}, Summary: sum, Excluded: map[string]int{hostile: 1}}
	s := &evaluate.ScoreResult{By: []string{"forecaster" + hostile}, Bins: 10, Overall: evaluate.ScoreGroup{Summary: sum}, Groups: []*evaluate.ScoreGroup{g}, Reference: hostile}

	c := exampleCompare("")
	c.Within = []string{"era" + hostile}
	c.Groups[0].Key = []string{hostile}
	c.Groups[0].Result.Competitors[0].Name = "A" + hostile
	c.Warnings = []analysis.Warning{{Code: "test", Message: hostile}}

	sens := &evaluate.SensitivityResult{Datasets: []string{hostile}, ChosenForFailure: []string{hostile}, N: 1, TermCoded: 1, Excluded: []string{hostile},
		Scales:  []evaluate.ScaleSensitivity{{Scale: evaluate.AsCoded}, {Scale: "scale" + hostile, NoCounterpart: []string{hostile}}},
		Records: []evaluate.RecordSensitivity{{ID: hostile, Outcome: hostile, Codings: []evaluate.RecordCoding{{Scale: evaluate.AsCoded}, {Scale: hostile}}}},
	}

	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"WriteScoreTable", func(b *bytes.Buffer) error { return WriteScoreTable(b, s) }},
		{"WriteScoreMarkdown", func(b *bytes.Buffer) error { return WriteScoreMarkdown(b, s) }},
		{"WriteCompareTable", func(b *bytes.Buffer) error { return WriteCompareTable(b, c) }},
		{"WriteCompareMarkdown", func(b *bytes.Buffer) error { return WriteCompareMarkdown(b, c) }},
		{"WriteSensitivityTable", func(b *bytes.Buffer) error { return WriteSensitivityTable(b, sens) }},
		{"WriteSensitivityMarkdown", func(b *bytes.Buffer) error { return WriteSensitivityMarkdown(b, sens) }},
	} {
		var b bytes.Buffer
		if err := tc.write(&b); err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, tc.name, b.String())
	}
}
