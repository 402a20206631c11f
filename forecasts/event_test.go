package forecasts_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// A record's event is a slug; anything else is an error at the value
// (column 33: "  - {id: b, question: q, event: " is 32 characters).
func TestEventSlug(t *testing.T) {
	in := `dataset: {name: e, title: E, selection: all}
records:
  - {id: a, question: q, event: fall-of-phnom-penh-1979, forecaster: A, issued: 1990, estimate: {probability: 0.3}, outcome: yes}
  - {id: b, question: q, event: Fall of Phnom Penh, forecaster: A, issued: 1990, estimate: {probability: 0.3}, outcome: yes}
  - {id: c, question: q, event: -x, forecaster: A, issued: 1990, estimate: {probability: 0.3}, outcome: yes}
`
	_, err := forecasts.ReadYAML(strings.NewReader(in), "e.yaml")
	got := formatErr(err)
	for _, want := range []string{`e.yaml:4:33: event: "Fall of Phnom Penh": an event is a short slug`, `e.yaml:5:33: event: "-x"`} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "e.yaml:3:") {
		t.Errorf("a valid slug is refused:\n%s", got)
	}
}

// The event survives every export format and comes back.
func TestEventRoundTrip(t *testing.T) {
	ds, err := forecasts.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	cpc := ds[0]
	if cpc.Manifest.Name != "cpc" {
		cpc = ds[1]
	}
	want := map[string]string{"cpc-khmer-rouge-1978": "fall-of-phnom-penh-1979", "cpc-phnom-penh-1979": "fall-of-phnom-penh-1979", "deng-vietnam-1978": ""}
	for name, f := range map[string]struct {
		write func(*bytes.Buffer, *forecasts.Dataset) error
		read  func(*bytes.Buffer) (*forecasts.Dataset, error)
	}{
		"yaml": {func(b *bytes.Buffer, d *forecasts.Dataset) error { return forecasts.WriteYAML(b, d) },
			func(b *bytes.Buffer) (*forecasts.Dataset, error) { return forecasts.ReadYAML(b, "x.yaml") }},
		"jsonl": {func(b *bytes.Buffer, d *forecasts.Dataset) error { return forecasts.WriteJSONL(b, d) },
			func(b *bytes.Buffer) (*forecasts.Dataset, error) { return forecasts.ReadJSONL(b, "x.jsonl") }},
		"csv": {func(b *bytes.Buffer, d *forecasts.Dataset) error { return forecasts.WriteCSV(b, d) },
			func(b *bytes.Buffer) (*forecasts.Dataset, error) {
				return forecasts.ReadCSV(b, "x.csv", forecasts.CSVOptions{})
			}},
	} {
		var b bytes.Buffer
		if err := f.write(&b, cpc); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "fall-of-phnom-penh-1979") {
			t.Errorf("%s: the export does not hold the event", name)
		}
		back, err := f.read(&b)
		if err != nil {
			t.Fatalf("%s: %v", name, formatErr(err))
		}
		for _, r := range back.Records {
			if w, ok := want[r.ID]; ok && r.Happening != w {
				t.Errorf("%s: %s has event %q, want %q", name, r.ID, r.Happening, w)
			}
		}
	}
}

// A conflict needs what it is about, two readings or more, and its
// consequence; each problem is reported at its place.
func TestConflictFields(t *testing.T) {
	in := `dataset: {name: e, title: E, selection: all}
records:
  - id: a
    question: q
    forecaster: A
    issued: 1990
    estimate: {probability: 0.3}
    outcome: yes
    conflicts:
      - {about: the date, readings: [1979, 1978], consequence: none}
      - {readings: [only one], consequence: none}
      - {about: x, readings: [p, q], consequence: c, when: now}
`
	_, err := forecasts.ReadYAML(strings.NewReader(in), "c.yaml")
	got := formatErr(err)
	for _, want := range []string{"c.yaml:11:9: conflicts.about: required field is missing", "c.yaml:11:20: conflicts.readings: 1 reading: a conflict has at least two", "c.yaml:12:54: conflicts.when: unknown field"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "c.yaml:10:") {
		t.Errorf("a valid conflict is refused:\n%s", got)
	}
	ds, err := forecasts.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		for _, r := range d.Records {
			if r.ID == "cpc-shah-1978" && (len(r.Conflicts) != 1 || len(r.Conflicts[0].Readings) != 2 || !strings.Contains(r.Conflicts[0].Consequence, "could not be scored as a forecast")) {
				t.Errorf("cpc-shah-1978 conflicts %+v", r.Conflicts)
			}
		}
	}
}
