package forecasts_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// A format is a writer and the reader that reads its output back.
type format struct {
	name  string
	write func(io.Writer, *forecasts.Dataset) error
	read  func(io.Reader, string) (*forecasts.Dataset, error)
}

var formats = []format{
	{"yaml", forecasts.WriteYAML, forecasts.ReadYAML},
	{"jsonl", forecasts.WriteJSONL, forecasts.ReadJSONL},
	{"csv", forecasts.WriteCSV, func(r io.Reader, file string) (*forecasts.Dataset, error) {
		return forecasts.ReadCSV(r, file, forecasts.CSVOptions{})
	}},
}

// sameDataset compares two datasets field by field: the manifest and
// every field of every record, P(event) and the dataset name included;
// only where each record was read from may differ.
func sameDataset(t *testing.T, what string, got, want *forecasts.Dataset) {
	t.Helper()
	if got.Manifest != want.Manifest {
		t.Errorf("%s: manifest\n got %+v\nwant %+v", what, got.Manifest, want.Manifest)
	}
	if len(got.Records) != len(want.Records) {
		t.Fatalf("%s: %d records, want %d", what, len(got.Records), len(want.Records))
	}
	for i := range want.Records {
		g, w := *got.Records[i], *want.Records[i]
		g.Pos, w.Pos = forecasts.Pos{}, forecasts.Pos{}
		gv, wv := reflect.ValueOf(g), reflect.ValueOf(w)
		for f := 0; f < gv.NumField(); f++ {
			if !reflect.DeepEqual(gv.Field(f).Interface(), wv.Field(f).Interface()) {
				t.Errorf("%s: record %s: %s = %#v, want %#v", what, w.ID, gv.Type().Field(f).Name, gv.Field(f).Interface(), wv.Field(f).Interface())
			}
		}
	}
}

// roundTrip writes ds in each format, reads it back, compares the
// datasets field by field, and writes it again: the bytes must not change.
func roundTrip(t *testing.T, ds *forecasts.Dataset) {
	for _, f := range formats {
		t.Run(ds.Name+"/"+f.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := f.write(&first, ds); err != nil {
				t.Fatalf("write: %v", err)
			}
			back, err := f.read(bytes.NewReader(first.Bytes()), "export."+f.name)
			if err != nil {
				t.Fatalf("read back: %v\n%s", err, formatErr(err))
			}
			sameDataset(t, f.name, back, ds)
			var second bytes.Buffer
			if err := f.write(&second, back); err != nil {
				t.Fatalf("write again: %v", err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("export → read → export changed the bytes\n--- first\n%s--- second\n%s", first.Bytes(), second.Bytes())
			}
		})
	}
}

func formatErr(err error) string {
	var list forecasts.ErrorList
	if errors.As(err, &list) {
		return list.Format(0)
	}
	return err.Error()
}

func TestRoundTripBuiltin(t *testing.T) {
	ds, err := forecasts.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 2 {
		t.Fatalf("%d built-in datasets, want 2", len(ds))
	}
	for _, d := range ds {
		roundTrip(t, d)
	}
}

// The test datasets hold every estimate form, odd spacing in a term, and
// text that a writer must quote, escape or keep exactly (tricky.yaml).
func TestRoundTripTestdata(t *testing.T) {
	for _, path := range []string{"testdata/valid/seminar.yaml", "testdata/valid/folder", "testdata/authoring/tricky.yaml"} {
		ds, err := (&forecasts.Loader{}).Load(path)
		if err != nil {
			t.Fatalf("%s: %v", path, formatErr(err))
		}
		roundTrip(t, ds[0])
	}
}

func TestRoundTripEmpty(t *testing.T) {
	ds := &forecasts.Dataset{Manifest: forecasts.Manifest{Name: "empty", Title: "No records yet", Selection: forecasts.SelectAll}}
	roundTrip(t, ds)
}

// The YAML export of a dataset is what Load reads too.
func TestWriteYAMLLoads(t *testing.T) {
	ds, err := forecasts.LoadBuiltin("cpc")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cpc.yaml")
	var b bytes.Buffer
	if err := forecasts.WriteYAML(&b, ds[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := (&forecasts.Loader{}).Load(path)
	if err != nil {
		t.Fatal(formatErr(err))
	}
	sameDataset(t, "yaml via Load", back[0], ds[0])
}

func TestWriteCSVRefusesCRLF(t *testing.T) {
	ds, err := forecasts.ReadJSONL(strings.NewReader(`{"dataset":{"name":"x","title":"X","selection":"all"}}
{"id":"a","question":"Q?","forecaster":"F","issued":"1990","estimate":{"probability":0.5},"outcome":"yes","coder_note":"one\r\ntwo"}
`), "x.jsonl")
	if err != nil {
		t.Fatal(formatErr(err))
	}
	err = forecasts.WriteCSV(io.Discard, ds)
	if err == nil || !strings.Contains(err.Error(), "record a: coder_note holds \\r\\n") {
		t.Errorf("WriteCSV = %v, want a refusal naming record a and coder_note", err)
	}
}

// TestReadErrors reads each bad JSONL and CSV file in testdata/authoring
// and compares the errors with NAME.golden, read and judged by hand:
// every problem found, at the line and column of the value, with its field.
func TestReadErrors(t *testing.T) {
	for _, name := range []string{"bad.jsonl", "bad.csv", "bad-header.csv", "bad-syntax.jsonl", "bad-syntax.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata/authoring", name)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if strings.HasSuffix(name, ".csv") {
				_, err = forecasts.ReadCSV(f, path, forecasts.CSVOptions{})
			} else {
				_, err = forecasts.ReadJSONL(f, path)
			}
			var list forecasts.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("read %s = %v, want an ErrorList", path, err)
			}
			got := list.Format(0)
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("errors differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// The same bad records written as YAML, JSON Lines and CSV give the same
// problems, field for field and message for message; only the positions
// differ, as each is where the value stands in its own file.
func TestReadersReportLikeLoad(t *testing.T) {
	problems := func(err error) []string {
		var list forecasts.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("got %v, want an ErrorList", err)
		}
		var out []string
		for _, e := range list {
			if e.Line == 0 || e.Col == 0 {
				t.Errorf("%v: no position", e)
			}
			out = append(out, e.Field+": "+e.Msg)
		}
		return out
	}
	_, err := (&forecasts.Loader{}).Load("testdata/authoring/same-errors.yaml")
	want := problems(err)
	if len(want) < 8 {
		t.Fatalf("same-errors.yaml gives %d problems; the test needs its 8", len(want))
	}
	for _, name := range []string{"same-errors.jsonl", "same-errors.csv"} {
		f, err := os.Open(filepath.Join("testdata/authoring", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".csv") {
			_, err = forecasts.ReadCSV(f, name, forecasts.CSVOptions{})
		} else {
			_, err = forecasts.ReadJSONL(f, name)
		}
		f.Close()
		if got := problems(err); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
}

// An import maps its own column names to fields and brings the manifest.
func TestReadCSVColumnMap(t *testing.T) {
	in := `# a note from the spreadsheet's author, skipped as the manifest is given
Case;Asked;Who;When;P;Result;Remarks
k1;Will it rain by 1 May 2020?;Desk A;2020-04;0.7;yes;ignored
k2;Will it snow by 1 May 2020?;Desk A;2020-04;0.1;no;
`
	opt := forecasts.CSVOptions{
		Columns: map[string]string{
			"Case": "id", "Asked": "question", "Who": "forecaster", "When": "issued",
			"P": "estimate.probability", "Result": "outcome", "Remarks": "",
		},
		Manifest: &forecasts.Manifest{Name: "weather", Title: "Weather desk", Selection: forecasts.SelectAll},
		Comma:    ';',
	}
	ds, err := forecasts.ReadCSV(strings.NewReader(in), "weather.csv", opt)
	if err != nil {
		t.Fatal(formatErr(err))
	}
	if ds.Name != "weather" || len(ds.Records) != 2 {
		t.Fatalf("got %s with %d records", ds.Name, len(ds.Records))
	}
	r := ds.Records[0]
	if r.ID != "k1" || r.Question != "Will it rain by 1 May 2020?" || r.Event.Point != 0.7 || r.Outcome != forecasts.Yes || r.Dataset != "weather" {
		t.Errorf("record 1 = %+v", r)
	}
	if r.Pos.Line != 3 {
		t.Errorf("record 1 at line %d, want 3", r.Pos.Line)
	}

	opt.Columns["Missing"] = "notes"
	opt.Columns["Who"] = "author"
	_, err = forecasts.ReadCSV(strings.NewReader(in), "weather.csv", opt)
	want := "weather.csv:2:1: Missing: the column map names this column, but the header row has no column \"Missing\"\n" +
		"weather.csv:2:1: forecaster: required column is missing\n" +
		"weather.csv:2:12: Who: column \"Who\" is mapped to \"author\", which is not a field; the columns are " + strings.Join(forecasts.CSVColumns, ", ") + "\n"
	if got := formatErr(err); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Filled-in P(event) cells must agree with the estimate: a spreadsheet
// user who edits one and not the other is told.
func TestReadCSVChecksEvent(t *testing.T) {
	var b bytes.Buffer
	ds, err := (&forecasts.Loader{}).Load("testdata/valid/seminar.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := forecasts.WriteCSV(&b, ds[0]); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(b.String(), ",0.3,,,,,,no,,,,,,0.3,0.3,0.3\n", ",0.4,,,,,,no,,,,,,0.3,0.3,0.3\n", 1)
	if edited == b.String() {
		t.Fatal("the row of record point was not found")
	}
	_, err = forecasts.ReadCSV(strings.NewReader(edited), "s.csv", forecasts.CSVOptions{})
	got := formatErr(err)
	for _, f := range []string{"p_event.low", "p_event.point", "p_event.high"} {
		if !strings.Contains(got, f+": 0.3 does not match the estimate, which gives 0.4") {
			t.Errorf("no %s mismatch in\n%s", f, got)
		}
	}
	// Empty P(event) cells are not checked.
	cleared := strings.Replace(b.String(), ",0.3,,,,,,no,,,,,,0.3,0.3,0.3\n", ",0.4,,,,,,no,,,,,,,,\n", 1)
	if _, err := forecasts.ReadCSV(strings.NewReader(cleared), "s.csv", forecasts.CSVOptions{}); err != nil {
		t.Errorf("cleared cells: %v", formatErr(err))
	}
}

// Ids must be unique across everything one Loader reads, whatever the format.
func TestReadDuplicateAcrossFormats(t *testing.T) {
	ds, err := forecasts.LoadBuiltin("cpc")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := forecasts.WriteJSONL(&b, ds[0]); err != nil {
		t.Fatal(err)
	}
	l := &forecasts.Loader{}
	if _, err := l.LoadBuiltin("cpc"); err != nil {
		t.Fatal(err)
	}
	_, err = l.ReadJSONL(&b, "cpc.jsonl")
	if err == nil || !strings.Contains(err.Error(), `cpc.jsonl:2:1: id: duplicate id "cpc-khmer-rouge-1978" (first used at builtin/cpc.yaml:`) {
		t.Errorf("got %v", err)
	}
}
