package forecasts

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var newDraft = &Draft{ID: "new", Question: "Q?", Forecaster: "F", Issued: "1990", Probability: "0.3", Outcome: "yes"}

const newItem = `- id: new
  question: Q?
  forecaster: F
  issued: 1990
  estimate:
    probability: 0.3
  outcome: yes
`

// item indents newItem as a list item whose dash is at column indent+1.
func item(indent int) string {
	pad := strings.Repeat(" ", indent)
	return pad + strings.ReplaceAll(strings.TrimSuffix(newItem, "\n"), "\n", "\n"+pad) + "\n"
}

// AppendRecord inserts the draft after the last record and keeps every
// other byte of the file where it was.
func TestAppendRecord(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		line           int
	}{
		{"empty flow list", "records: []\n", "records:\n" + item(2), 2},
		{"empty flow list with comment", "dataset: {name: x}\nrecords: [ ]  # none yet\n# end\n", "dataset: {name: x}\nrecords:  # none yet\n" + item(2) + "# end\n", 3},
		{"empty list, no newline", "records: []", "records:\n" + item(2), 2},
		{"nothing after records:", "records:\n", "records:\n" + item(2), 2},
		{"null", "records: ~ # later\n", "records: # later\n" + item(2), 2},
		{"no records key", "dataset:\n  name: x\n", "dataset:\n  name: x\nrecords:\n" + item(2), 4},
		{"no records key, no newline", "dataset: {name: x}", "dataset: {name: x}\nrecords:\n" + item(2), 3},
		{"byte-order mark", "\xef\xbb\xbfrecords: []\n", "\xef\xbb\xbfrecords:\n" + item(2), 2},
		{
			"after the last item's block text and comments",
			"records:\n  - id: a\n    note: |\n      text\n\n      more\n    # under a\n  # between\n\n# end\n",
			"records:\n  - id: a\n    note: |\n      text\n\n      more\n    # under a\n" + item(2) + "  # between\n\n# end\n",
			8,
		},
		{
			"blank lines between records are kept up",
			"records:\n- id: a\n\n# about b\n- id: b\n  x: y\n\n\nafter: 1\n",
			"records:\n- id: a\n\n# about b\n- id: b\n  x: y\n\n" + item(0) + "\n\nafter: 1\n",
			8,
		},
		{
			"wide items",
			"records:\n    -   id: a\n        x: 1\n",
			"records:\n    -   id: a\n        x: 1\n    -   id: new\n        question: Q?\n        forecaster: F\n        issued: 1990\n        estimate:\n          probability: 0.3\n        outcome: yes\n",
			4,
		},
		{"last line without newline", "records:\n  - id: a", "records:\n  - id: a\n" + item(2), 3},
		{"CRLF", "records:\r\n  - id: a\r\n", "records:\r\n  - id: a\r\n" + strings.ReplaceAll(item(2), "\n", "\r\n"), 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, line, err := AppendRecord("f.yaml", []byte(tc.in), newDraft)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if line != tc.line {
				t.Errorf("line %d, want %d", line, tc.line)
			}
		})
	}
}

func TestAppendRecordRefuses(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"records: [{id: a}]\n", "f.yaml:1:10: records: cannot append to a records list written in flow style"},
		{"records: [\n]\n", "f.yaml:1:10: records: cannot append to this empty list"},
		{"records: 3\n", `f.yaml:1:10: records: expected a list of records, found "3"`},
		{"- a\n", "f.yaml:1:1: expected a mapping with a records: list, found a list"},
		{"records: [\n", "f.yaml:1: YAML syntax"},
		{"", "f.yaml:1:1: the file is empty"},
	} {
		_, _, err := AppendRecord("f.yaml", []byte(tc.in), newDraft)
		var list ErrorList
		if !errors.As(err, &list) || !strings.HasPrefix(list.Format(0), tc.want) {
			t.Errorf("%q: got %v, want %s...", tc.in, err, tc.want)
		}
	}
}

// Appending to each test dataset gives a file that loads, with the
// record last and everything before it unchanged.
func TestAppendRecordLoads(t *testing.T) {
	for _, path := range []string{"testdata/valid/seminar.yaml", "builtin/cpc.yaml", "builtin/historical.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d := *newDraft
		d.Statement, d.Wording, d.Negated = "it will not", "verbatim", true
		d.Range, d.Probability, d.Term, d.Scale = []string{"0.2", "0.3"}, "", "unlikely", "icd-203"
		d.Sources = []DraftSource{{Title: "A: title", Date: "1990-01", Page: "12"}}
		d.Notes = []string{"yes", "two\nlines"}
		d.Tags = Tags{{"era", "Cold War"}}
		out, line, err := AppendRecord(path, data, &d)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := (&Loader{}).LoadReplaced(path, path, out)
		if err != nil {
			t.Fatalf("%s: %v", path, err.(ErrorList).Format(0))
		}
		recs := ds[0].Records
		r := recs[len(recs)-1]
		if r.ID != "new" || r.Pos.Line != line || !r.Negated || r.Event != (Interval{Low: 0.7, Point: 0.75, High: 0.8}) ||
			r.Sources[0].Page != "12" || r.Notes[1] != "two\nlines" || r.Tags[0].Value != "Cold War" {
			t.Errorf("%s: appended record = %+v", path, r)
		}
		// Everything but the new record's lines, and the blank line before
		// them when records are so separated, is the old file.
		lines := strings.SplitAfter(string(out), "\n")
		n := strings.Count(string(d.YAML()), "\n")
		before, after := lines[:line-1], strings.Join(lines[line-1+n:], "")
		if lines[line-2] == "\n" {
			before = before[:len(before)-1]
		}
		if strings.Join(before, "")+after != string(data) {
			t.Errorf("%s: the file's own lines changed", path)
		}
	}
}

// LoadReplaced, given a file's own bytes, reads a folder exactly as Load
// does: same datasets, same errors. It mirrors Load's folder reading.
func TestLoadReplacedMatchesLoad(t *testing.T) {
	for _, dir := range []string{"testdata/valid/folder", "testdata/invalid/folder"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		wantDS, wantErr := (&Loader{}).Load(dir)
		for _, e := range entries {
			file := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			gotDS, gotErr := (&Loader{}).LoadReplaced(dir, file, data)
			if !reflect.DeepEqual(gotDS, wantDS) || !reflect.DeepEqual(gotErr, wantErr) {
				t.Errorf("%s:\n got %v, %v\nwant %v, %v", file, gotDS, gotErr, wantDS, wantErr)
			}
		}
	}
}

func TestLoadReplacedUsesData(t *testing.T) {
	dir := "testdata/valid/folder"
	file := filepath.Join(dir, "b.yml")
	_, err := (&Loader{}).LoadReplaced(dir, file, []byte("records:\n  - id: a1\n    question: Q?\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 2}\n    outcome: no\n"))
	want := "testdata/valid/folder/b.yml:2:5: id: duplicate id \"a1\" (first used at testdata/valid/folder/a.yaml:2:5)\n" +
		"testdata/valid/folder/b.yml:6:29: estimate.probability: 2 is outside [0, 1]; write 0.02 for 2%\n"
	var list ErrorList
	if !errors.As(err, &list) || list.Format(0) != want {
		t.Errorf("got %v, want\n%s", err, want)
	}
	_, err = (&Loader{}).LoadReplaced(dir, filepath.Join(dir, "notes.txt"), nil)
	if err == nil || !strings.Contains(err.Error(), "not a record file of the dataset folder") {
		t.Errorf("a file the folder does not read: %v", err)
	}
	_, err = (&Loader{}).LoadReplaced("testdata/valid/seminar.yaml", "other.yaml", nil)
	if err == nil || !strings.Contains(err.Error(), "not the dataset file") {
		t.Errorf("another file than the dataset's: %v", err)
	}
}

// The YAML parser breaks lines at \r, U+0085, U+2028 and U+2029 too; the
// appender works on its lines (it used to index the file's lines with the
// parser's line numbers, and panic). The record is added after the last
// one, the file loads with every old record and the new one, and the line
// reported is the file's line of the new record.
func TestAppendRecordOtherLineBreaks(t *testing.T) {
	const head = "dataset: {name: s, title: S, selection: all}\nrecords:\n"
	rec := func(id, q string) string {
		return "  - id: " + id + "\n    question: " + q + "\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: yes\n"
	}
	for name, brk := range map[string]string{"LS": "\u2028", "PS": "\u2029", "NEL": "\u0085", "CR": "\r"} {
		for _, tc := range []struct {
			name, in string
			line     int // where the new record starts, counted by hand
		}{
			// As import writes a question holding U+2028: quoted, the
			// break followed by the indentation of the text.
			{"in quoted text", head + rec("a", "'Will it"+brk+"      happen?'") + rec("b", "\"x"+brk+"y\""), 15},
			{"in comments", head + "  # one" + brk + "  # two\n" + rec("a", "Q?") + "  # after" + brk + "\n", 10},
			{"in the last line", head + rec("a", "Q?") + "# end" + brk + brk, 9},
			{"before the list", "dataset: {name: s, title: S, selection: all}" + brk + "records:" + brk + rec("a", "Q?"), 7},
		} {
			t.Run(name+"/"+tc.name, func(t *testing.T) {
				d := *newDraft
				d.Question = "Is this" + brk + "a question?"
				old, err := ReadYAML(strings.NewReader(tc.in), "f.yaml")
				if err != nil {
					t.Fatalf("the test's file does not load: %v", formatAny(err))
				}
				out, line, err := AppendRecord("f.yaml", []byte(tc.in), &d)
				if err != nil {
					t.Fatal(formatAny(err))
				}
				ds, err := ReadYAML(strings.NewReader(string(out)), "f.yaml")
				if err != nil {
					t.Fatalf("the result does not load:\n%s\n%q", formatAny(err), out)
				}
				if n := len(ds.Records); n != len(old.Records)+1 {
					t.Fatalf("%d records, want %d", n, len(old.Records)+1)
				}
				for i, r := range old.Records {
					if ds.Records[i].ID != r.ID || ds.Records[i].Question != r.Question {
						t.Errorf("record %d is %q %q, was %q %q", i, ds.Records[i].ID, ds.Records[i].Question, r.ID, r.Question)
					}
				}
				r := ds.Records[len(ds.Records)-1]
				wantQ := d.Question
				if brk == "\u0085" || brk == "\r" {
					wantQ = "Is this a question?" // as YAML folds these in plain and single-quoted text
				}
				if r.ID != "new" || (r.Question != d.Question && r.Question != wantQ) {
					t.Errorf("new record %q %q", r.ID, r.Question)
				}
				if line != tc.line || r.Pos.Line != tc.line {
					t.Errorf("reported line %d, record at line %d; want %d", line, r.Pos.Line, tc.line)
				}
				if !insertedOnly(tc.in, string(out)) {
					t.Errorf("the file's own text changed:\n%q", out)
				}
			})
		}
	}
}

// insertedOnly reports whether out is in with one piece of text inserted.
func insertedOnly(in, out string) bool {
	p := 0
	for p < len(in) && in[p] == out[p] {
		p++
	}
	return len(out) > len(in) && strings.HasSuffix(out, in[p:])
}
