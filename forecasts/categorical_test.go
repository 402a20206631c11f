package forecasts

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"
)

// A dataset mixing questions with options and yes/no questions exports
// to YAML, JSON Lines and CSV, reads back, and exports to the same bytes.
func TestCategoricalRoundTrip(t *testing.T) {
	ds, err := (&Loader{}).Load("testdata/categorical/election.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := ds[0].Records[0]
	if !r.Categorical() || r.OutcomeOption() != 0 || len(r.Estimate.Probabilities) != 3 || r.Estimate.Probabilities[2] != (OptionProb{"neither", 0.1}) {
		t.Fatalf("first record read as %+v", r)
	}
	if !ds[0].Records[1].Ordered || ds[0].Records[1].OutcomeOption() != 2 || ds[0].Records[2].Categorical() {
		t.Fatalf("ordered, outcome or yes/no question misread")
	}
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *Dataset) error
		read  func(*bytes.Buffer) (*Dataset, error)
	}{
		{"yaml", func(b *bytes.Buffer, d *Dataset) error { return WriteYAML(b, d) }, func(b *bytes.Buffer) (*Dataset, error) { return ReadYAML(b, "x.yaml") }},
		{"jsonl", func(b *bytes.Buffer, d *Dataset) error { return WriteJSONL(b, d) }, func(b *bytes.Buffer) (*Dataset, error) { return ReadJSONL(b, "x.jsonl") }},
		{"csv", func(b *bytes.Buffer, d *Dataset) error { return WriteCSV(b, d) }, func(b *bytes.Buffer) (*Dataset, error) { return ReadCSV(b, "x.csv", CSVOptions{}) }},
	} {
		var first bytes.Buffer
		if err := tc.write(&first, ds[0]); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		text := first.String()
		back, err := tc.read(bytes.NewBufferString(text))
		if err != nil {
			t.Fatalf("%s: reading the export back: %v\n%s", tc.name, err, text)
		}
		var second bytes.Buffer
		if err := tc.write(&second, back); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if second.String() != text {
			t.Errorf("%s: export → import → export differs:\n%s\n---\n%s", tc.name, text, second.String())
		}
		if got := back.Records[1]; !got.Ordered || got.Estimate.Probabilities.String() != "by 15 Oct 0.2, 16 Oct–31 Dec 0.5, not at all 0.3" || got.Outcome != "not at all" {
			t.Errorf("%s: read back as %+v", tc.name, got)
		}
	}
}

// Every problem of a question with options is reported at its place.
func TestCategoricalValidation(t *testing.T) {
	_, err := (&Loader{}).Load("testdata/categorical/bad.yaml")
	if err == nil {
		t.Fatal("no error")
	}
	want := `testdata/categorical/bad.yaml:10:32: options: option "Medvedev" is listed twice (first at line 10)
testdata/categorical/bad.yaml:12:50: estimate.probabilities.Zubkov: a probability for "Zubkov", which is not one of the options (Medvedev, Putin)
testdata/categorical/bad.yaml:13:14: outcome: "Ivanov" is not one of the options (Medvedev, Putin), nor unresolved or ambiguous
testdata/categorical/bad.yaml:20:34: estimate.probabilities.y: 1.3 is outside [0, 1]
testdata/categorical/bad.yaml:28:22: estimate.probabilities: the probabilities add up to 1.1, not 1 (the tolerance is 1e-06; --sum-tolerance sets it)
testdata/categorical/bad.yaml:36:22: estimate.probabilities: no probability for option "z": give every option one (0 for none)
testdata/categorical/bad.yaml:37:7: estimate.probability: a question with options takes probabilities: {x: 0.333, y: 0.333, z: 0.333}, not probability
testdata/categorical/bad.yaml:43:14: options: a question with options has at least two, found 1
testdata/categorical/bad.yaml:51:5: ordered: ordered says a question's options are in order: list them under options:
testdata/categorical/bad.yaml:52:16: estimate.probabilities: probabilities are for a question with options: list them under options:, or give one probability
testdata/categorical/bad.yaml:53:14: outcome: "x" is not one of: yes, no, unresolved, ambiguous`
	var lines []string
	for _, e := range err.(ErrorList) {
		lines = append(lines, e.Error())
	}
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// The sum tolerance: 0.3 + 0.3 + 0.3999 is 0.9999, off by 1e-4, refused at
// the default 1e-6 and accepted at 1e-3.
func TestCategoricalSumTolerance(t *testing.T) {
	data, err := os.ReadFile("testdata/categorical/election.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "{Medvedev: 0.6, Putin: 0.3, neither: 0.1}", "{Medvedev: 0.3, Putin: 0.3, neither: 0.3999}", 1)
	if _, err := ReadYAML(strings.NewReader(text), "e.yaml"); err == nil || !strings.Contains(err.Error(), "add up to 0.9999, not 1") {
		t.Errorf("default tolerance: %v", err)
	}
	if _, err := (&Loader{SumTolerance: 1e-3}).ReadYAML(strings.NewReader(text), "e.yaml"); err != nil {
		t.Errorf("tolerance 1e-3: %v", err)
	}
}

// FuzzReadCategoricalTable: any bytes, long or wide, give forecasts that
// hold together (two options or more, probabilities in [0, 1] adding up
// to 1, an outcome among the options or none) or positioned problems.
func FuzzReadCategoricalTable(f *testing.F) {
	f.Add([]byte("question,forecaster,option,probability,outcome\nq1,a,x,0.6,x\nq1,a,y,0.4,x\n"), false)
	f.Add([]byte("question,p_x,p_y,p_z,outcome\nq1,0.5,0.5,,y\nq2,0.2,0.3,0.5,p_z\n"), true)
	f.Add([]byte("question,p_x,p_y,p_z,outcome\nq1,0.5,0.6,,z\n\"q2,1\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, wide bool) {
		opt := CategoricalTableOptions{OptionCol: "option", ProbCol: "probability", OutcomeCol: "outcome", KeyCols: []string{"question", "forecaster"}}
		if wide {
			opt = CategoricalTableOptions{OptionCols: []string{"p_x", "p_y", "p_z"}, OutcomeCol: "outcome", KeyCols: []string{"question"}}
		}
		rows, _, err := ReadCategoricalTable(bytes.NewReader(data), "t.csv", opt)
		if checkErrList(t, err, "t.csv") != nil {
			return
		}
		for _, r := range rows {
			sum := 0.0
			for _, p := range r.P {
				if !(p >= 0 && p <= 1) {
					t.Errorf("probability %g", p)
				}
				sum += p
			}
			if len(r.P) < 2 || len(r.P) != len(r.Options) || math.Abs(sum-1) > DefaultSumTolerance ||
				(r.Unscored == "" && (r.Outcome < 0 || r.Outcome >= len(r.P))) {
				t.Errorf("forecast %+v", r)
			}
		}
	})
}

// A spreadsheet of questions with options imports: options and
// probabilities as JSON cells, in percent, the outcome an option's name.
// A probability for an option not listed is an error at its cell.
func TestImportCategorical(t *testing.T) {
	m := &Manifest{Name: "sheet", Title: "Sheet", Selection: SelectAll}
	text := "id,question,forecaster,issued,options,estimate.probabilities,outcome\n" +
		`r1,Who?,A,2008,"[""x"",""y""]","{""x"": 60, ""y"": 40}",y` + "\n"
	res, err := (&Loader{}).Import(strings.NewReader(text), "s.csv", ImportOptions{Format: TableCSV, Manifest: m, Percent: true})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Dataset.Records[0]
	if r.Estimate.Probabilities.String() != "x 0.6, y 0.4" || r.OutcomeOption() != 1 {
		t.Errorf("imported as %+v", r)
	}
	bad := strings.Replace(text, `""y"": 40}`, `""z"": 40}`, 1)
	_, err = (&Loader{}).Import(strings.NewReader(bad), "s.csv", ImportOptions{Format: TableCSV, Manifest: m, Percent: true})
	// The cell's JSON is placed at the cell (column 32).
	var got []string
	if re, ok := err.(*RowsError); ok {
		for _, e := range re.Errors {
			got = append(got, e.Error())
		}
	}
	want := `s.csv:2:32: estimate.probabilities: no probability for option "y": give every option one (0 for none)
s.csv:2:32: estimate.probabilities.z: a probability for "z", which is not one of the options (x, y)`
	if strings.Join(got, "\n") != want {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
