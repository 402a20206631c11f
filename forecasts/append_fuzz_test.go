package forecasts

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzAppend runs the appender on datasets that load, with a fuzzed
// question: the result loads and holds the old records, unchanged and in
// order, and the new one last, at the line reported. Run it with
//
//	go test -run x -fuzz FuzzAppend -fuzztime 5m ./forecasts/
func FuzzAppend(f *testing.F) {
	for _, data := range fuzzSeeds(f, "testdata/valid/*.yaml", "testdata/authoring/*.yaml") {
		f.Add(data, "Will it happen?")
	}
	const head = "dataset: {name: s, title: S, selection: all}\nrecords:\n"
	const rec = "  - id: a\n    question: \"x\ry\u2028z\"\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: yes\n"
	for _, brk := range []string{"\u2028", "\u2029", "\u0085", "\r", "\r\n"} {
		f.Add([]byte(head+"  # note"+brk+rec+"# end"+brk), "Is it"+brk+"so?")
		f.Add([]byte(strings.ReplaceAll(head, "\n", brk)+rec), "a"+brk)
	}
	f.Add([]byte(head+"  - id: a\n    question: \"x\ny\"\n    forecaster: F\n    issued: 1990\n    estimate: {probability: 0.3}\n    outcome: \"yes\n\"\n# end\n"), "Q?")
	f.Fuzz(func(t *testing.T, data []byte, question string) {
		old, err := ReadYAML(bytes.NewReader(data), "f.yaml")
		if err != nil || len(old.Records) > 50 {
			return
		}
		for _, r := range old.Records {
			if r.ID == "new" {
				return
			}
		}
		question = strings.ToValidUTF8(question, "\uFFFD")
		if strings.TrimSpace(question) == "" || strings.ContainsFunc(question, func(r rune) bool { return !yamlPrintable(r) }) {
			question = "Q?"
		}
		d := *newDraft
		d.Question = question
		out, line, err := AppendRecord("f.yaml", data, &d)
		if err != nil {
			checkErrList(t, err, "f.yaml")
			if msg := err.Error(); !strings.Contains(msg, "flow style") && !strings.Contains(msg, "empty list") && !strings.Contains(msg, "cannot tell where") {
				t.Fatalf("a dataset that loads is refused: %v", formatAny(err))
			}
			return
		}
		ds, err := ReadYAML(bytes.NewReader(out), "f.yaml")
		if err != nil {
			t.Fatalf("the result does not load:\n%s\nin:  %q\nout: %q", formatAny(err), data, out)
		}
		if len(ds.Records) != len(old.Records)+1 {
			t.Fatalf("%d records, want %d\nout: %q", len(ds.Records), len(old.Records)+1, out)
		}
		r := ds.Records[len(ds.Records)-1]
		ds.Records = ds.Records[:len(old.Records)]
		if got, want := datasetText(t, ds), datasetText(t, old); got != want {
			t.Fatalf("the old records changed:\ngot  %s\nwant %s\nout: %q", got, want, out)
		}
		if r.ID != "new" || r.Question != question {
			t.Fatalf("the new record is %q %q, want new %q\nout: %q", r.ID, r.Question, question, out)
		}
		if r.Pos.Line != line {
			t.Fatalf("reported line %d, the record is at %d\nout: %q", line, r.Pos.Line, out)
		}
	})
}
