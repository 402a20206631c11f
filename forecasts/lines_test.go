package forecasts

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The line breaks yamlBreak knows are the ones go.yaml.in/yaml/v3 counts:
// in plain text, in comments, in quoted and block text, the key after
// each is on the parser's next line; other characters are not breaks.
func TestYAMLLineBreaks(t *testing.T) {
	for _, tc := range []struct {
		brk   string
		lines int // how many lines the parser counts for brk
	}{
		{"\n", 1}, {"\r\n", 1}, {"\r", 1}, {"\u0085", 1}, {"\u2028", 1}, {"\u2029", 1},
		{"\n\r", 2}, {"\r\r\n", 2}, {"\u2028\n", 2}, {"\t", 0}, {"\u00a0", 0}, {"\u200b", 0},
	} {
		for _, form := range []string{"a: x%sb: y\n", "a: x # c%sb: y\n", "a: 'x%sy'\nb: y\n", "a: \"x%sy\"\nb: y\n", "a: |\n  x%s  y\nb: y\n", "a: x%s  y\nb: y\n"} {
			in := strings.ReplaceAll(form, "%s", tc.brk)
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(in), &doc); err != nil {
				if tc.lines == 0 {
					continue // not a break, and here not text either
				}
				t.Fatalf("%q: %v", in, err)
			}
			m := doc.Content[0]
			b := m.Content[len(m.Content)-2]
			want := 1 + strings.Count(form, "\n") - 1 + tc.lines
			if tc.lines == 0 {
				want = strings.Count(form, "\n") // "b" is on the form's last line
				if !strings.Contains(form, "\nb:") {
					continue // "b: y" is part of the text of a
				}
			}
			if b.Value == "b" && b.Line != want {
				t.Errorf("%q: the parser puts b on line %d, want %d", in, b.Line, want)
			}
			if got := len(yamlLines([]byte(in))); b.Value == "b" && got != b.Line {
				t.Errorf("%q: yamlLines counts %d lines, the parser %d", in, got, b.Line)
			}
		}
	}
}

// Positions are in the file's lines, ended by \n, whatever other line
// breaks the YAML parser sees before them (the problem in the issue:
// validate placed errors one line late per U+2028).
func TestPositionsAfterOtherLineBreaks(t *testing.T) {
	const head = "dataset: {name: s, title: S, selection: all}\nrecords:\n"
	for name, brk := range map[string]string{"LS": "\u2028", "PS": "\u2029", "NEL": "\u0085", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			// Line 3: the record, whose question holds two breaks (quoted,
			// so that each is kept or folded, never an error); line 4 holds
			// an unknown field; line 5 a bad scale after a break in a flow
			// mapping: "    estimate: {term: likely," is 28 characters, so
			// after the break and a space, scale is at column 31 and its
			// value at 38.
			in := head +
				"  - id: a\n" +
				"    question: \"Will it" + brk + "happen" + brk + "soon?\"\n" +
				"    forcaster: F\n" +
				"    estimate: {term: likely," + brk + " scale: nope}\n" +
				"    issued: 1990\n" +
				"    outcome: yes\n"
			_, err := ReadYAML(strings.NewReader(in), "f.yaml")
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("no ErrorList: %v", err)
			}
			got := list.Format(0)
			for _, want := range []string{
				"f.yaml:3:5: forecaster: required field is missing",
				`f.yaml:5:5: forcaster: unknown field "forcaster"`,
				`f.yaml:6:38: estimate.scale: unknown scale "nope"`,
			} {
				if !strings.Contains(got, want+"\n") && !strings.Contains(got, want+";") {
					t.Errorf("want %s in\n%s", want, got)
				}
			}
		})
	}
	// A syntax error after the breaks: the parser's line 6 is the file's 4.
	in := "a: 'x\u2028y'\nb: 'x\ry\u2029z'\n\nc: [\n"
	_, err := ReadYAML(strings.NewReader(in), "f.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "f.yaml:4: YAML syntax:") {
		t.Errorf("%q: got %v, want f.yaml:4: YAML syntax: ...", in, err)
	}
	// The record's own position, which add reports, is the file's line.
	in = head + "  # a note\u2028  # more\n  - id: a\n    question: \"Q\u2028\"\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: yes\n  - id: b\n    question: Q?\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: yes\n"
	ds, err := ReadYAML(strings.NewReader(in), "f.yaml")
	if err != nil {
		t.Fatal(formatAny(err))
	}
	if p := ds.Records[1].Pos; p.Line != 10 || p.Col != 5 {
		t.Errorf("record b at %d:%d, want 10:5", p.Line, p.Col)
	}
}
