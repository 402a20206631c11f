package forecasts

import (
	"bytes"
	"strings"
	"testing"
)

// Numbers are read in decimal only, every other spelling refused alike and
// reported as written; merge keys are refused, saying so. (0x1p-3 used to
// be read as 0.125, 0x0 refused as no number, and 1_0 reported as "10 is
// outside [0, 1]"; << was an unknown field.)
func TestNumbersAndMergeKeys(t *testing.T) {
	rec := func(est string) string {
		return "dataset: {name: s, title: S, selection: all}\nrecords:\n  - id: a\n    question: Q?\n    forecaster: F\n    issued: 1990\n    estimate: " + est + "\n    outcome: yes\n"
	}
	for _, tc := range []struct{ est, want string }{
		{"{probability: 0.125}", ""},
		{"{probability: .5}", ""},
		{"{probability: 1e-1}", ""},
		{"{probability: +0.5}", ""},
		{"{probability: 0x1p-3}", `f.yaml:7:29: estimate.probability: "0x1p-3": write numbers in decimal, with digits and a decimal point (0.125)`},
		{"{probability: 0x0}", `f.yaml:7:29: estimate.probability: "0x0": write numbers in decimal, with digits and a decimal point (0)`},
		{"{probability: 0_1}", `f.yaml:7:29: estimate.probability: "0_1": write numbers in decimal, with digits and a decimal point (1)`},
		{"{range: [0.1, 1_0]}", `f.yaml:7:29: estimate.range: "1_0": write numbers in decimal, with digits and a decimal point (10)`},
		{"{probability: .inf}", `f.yaml:7:29: estimate.probability: expected a number, found ".inf"`},
		{"{probability: 1.50}", `f.yaml:7:29: estimate.probability: 1.50 is outside [0, 1]`},
		{"{probability: 30%}", `f.yaml:7:29: estimate.probability: expected a probability between 0 and 1, found "30%"; write 0.3 for 30%`},
	} {
		_, err := ReadYAML(strings.NewReader(rec(tc.est)), "f.yaml")
		got := ""
		if err != nil {
			got = strings.TrimSuffix(formatAny(err), "\n")
		}
		if got != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.est, got, tc.want)
		}
	}
	in := "dataset: {name: s, title: S, selection: all}\nbase: &b {forecaster: F, issued: 1990}\nrecords:\n  - id: a\n    <<: *b\n    question: Q?\n    estimate: {probability: 0.3}\n    outcome: yes\n"
	_, err := ReadYAML(strings.NewReader(in), "f.yaml")
	if got := formatAny(err); !strings.Contains(got, "f.yaml:5:5: <<: merge keys (<<: *anchor) are not supported: write the fields out") {
		t.Errorf("merge key:\n%s", got)
	}
}

// A CSV export keeps a spreadsheet from running a cell as a formula: a '
// before it, unless it is a number; ReadCSV takes it off, so the export
// reads back as the same dataset. Raw, the cells are as they are.
func TestCSVFormulaGuard(t *testing.T) {
	in := "dataset: {name: s, title: S, selection: all}\nrecords:\n" +
		"  - {id: a, question: '=HYPERLINK(1)', forecaster: '+Desk', issued: 1990, estimate: {probability: 0.3}, outcome: yes, coder_note: '-0.5', outcome_note: \"\\tx\"}\n" +
		"  - {id: b, question: '@SUM(A1)', forecaster: \"'=F\", issued: 1990, estimate: {probability: 0.3}, outcome: yes, coder_note: \"'plain\", outcome_note: '-x'}\n"
	ds, err := ReadYAML(strings.NewReader(in), "f.yaml")
	if err != nil {
		t.Fatal(formatAny(err))
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, ds); err != nil {
		t.Fatal(err)
	}
	rows := b.String()[strings.Index(b.String(), "\na,")+1:]
	want := "a,,'=HYPERLINK(1),,'+Desk,,1990,,,,,,false,0.3,,,,,-0.5,yes,'\tx,,,,,0.3,0.3,0.3\n" +
		"b,,'@SUM(A1),,''=F,,1990,,,,,,false,0.3,,,,,'plain,yes,'-x,,,,,0.3,0.3,0.3\n"
	if rows != want {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
	back, err := ReadCSV(bytes.NewReader(b.Bytes()), "f.csv", CSVOptions{})
	if err != nil {
		t.Fatal(formatAny(err))
	}
	if got, want := datasetText(t, back), datasetText(t, ds); got != want {
		t.Errorf("read back:\n%s\nwant\n%s", got, want)
	}
	b.Reset()
	if err := WriteCSVWith(&b, ds, CSVWriteOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\na,,=HYPERLINK(1),,+Desk,") {
		t.Errorf("raw:\n%s", b.String())
	}
}
