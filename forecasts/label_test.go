package forecasts_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// A record's label names it on charts; without one, its id does.
func TestRecordName(t *testing.T) {
	ds, err := forecasts.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range ds {
		for _, r := range d.Records {
			n++
			if r.Label == "" || r.Name() != r.Label {
				t.Errorf("%s: label %q, Name %q: every built-in record has a label", r.ID, r.Label, r.Name())
			}
			if !strings.HasSuffix(r.Label, ")") || !strings.Contains(r.Label, r.Issued.String()[:4]) {
				t.Errorf("%s: label %q does not end with when it was issued (%s)", r.ID, r.Label, r.Issued)
			}
		}
	}
	if n != 26 {
		t.Errorf("%d built-in records, want 26", n)
	}
	if r := (&forecasts.Record{ID: "x-1990"}); r.Name() != "x-1990" {
		t.Errorf("Name without a label = %q, want the id", r.Name())
	}
}

// Labels that need quoting in YAML, escaping in JSON or a ' in CSV go
// through every export and back, and export to the same bytes again.
func TestRoundTripLabels(t *testing.T) {
	ds := &forecasts.Dataset{Manifest: forecasts.Manifest{Name: "labels", Title: "Labels", Selection: forecasts.SelectAll}}
	for i, label := range []string{`Bay of Pigs: "fair" chance (Feb 1961)`, "Ceaușescu will stay (Nov 1989)", "=1+1 (1990)", "", "# not a comment", strings.Repeat("é", forecasts.MaxLabel)} {
		p := 0.3
		ds.Records = append(ds.Records, &forecasts.Record{
			ID: "r" + string(rune('a'+i)), Label: label, Question: "Will it happen?", Forecaster: "Desk A",
			Issued: forecasts.Date{Year: 1990}, Estimate: forecasts.Estimate{Probability: &p}, Outcome: forecasts.No,
			Event: forecasts.Interval{Low: 0.3, Point: 0.3, High: 0.3}, Dataset: "labels",
		})
	}
	roundTrip(t, ds)
}

// A label too long in a CSV export is reported at its cell.
func TestLabelErrorInCSV(t *testing.T) {
	var b bytes.Buffer
	ds, err := forecasts.LoadBuiltin("cpc")
	if err != nil {
		t.Fatal(err)
	}
	d := *ds[0]
	r := *d.Records[0]
	r.Label = strings.Repeat("x", forecasts.MaxLabel+1)
	d.Records = []*forecasts.Record{&r}
	if err := forecasts.WriteCSV(&b, &d); err != nil {
		t.Fatal(err)
	}
	_, err = forecasts.ReadCSV(&b, "cpc.csv", forecasts.CSVOptions{})
	got := formatErr(err)
	// Line 11: ten lines of manifest, then the header; column 22: after
	// "cpc-khmer-rouge-1978,".
	want := "cpc.csv:11:22: label: 81 characters: a label is a short title of at most 80"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want %q…: the label's cell and its length", got, want)
	}
}
