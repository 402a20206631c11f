package forecasts_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// TestInvalidCorpus loads every file (and folder) in testdata/invalid and
// compares the errors with NAME.golden, which has been read and judged
// right by hand: every problem found, positioned, sorted.
func TestInvalidCorpus(t *testing.T) {
	entries, err := os.ReadDir("testdata/invalid")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata/invalid", name)
			_, err := (&forecasts.Loader{}).Load(path)
			var list forecasts.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load(%s) = %v, want an ErrorList", path, err)
			}
			got := list.Format(0)
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden"
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

// The four problems of the acceptance case must all be reported in one run.
func TestFourErrorsInOneRun(t *testing.T) {
	_, err := (&forecasts.Loader{}).Load("testdata/invalid/four-errors.yaml")
	var list forecasts.ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("got %v, want 4 errors", err)
	}
	for i, want := range []string{"outcome", "estimate.probability", "outcom", "estimate.term"} {
		if list[i].Field != want || list[i].Line == 0 || list[i].Col == 0 {
			t.Errorf("error %d = %+v, want field %q with a position", i, list[i], want)
		}
	}
}

func TestLoadValid(t *testing.T) {
	ds, err := (&forecasts.Loader{}).Load("testdata/valid/seminar.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(ds) != 1 || ds[0].Name != "seminar" || ds[0].Selection != forecasts.SelectAll {
		t.Fatalf("manifest = %+v", ds[0].Manifest)
	}
	byID := map[string]*forecasts.Record{}
	for _, r := range ds[0].Records {
		byID[r.ID] = r
	}
	// P(event) for each estimate form, worked out by hand from docs/format.md
	// and the scales: kent-1964 "almost certain" is 93% ± 6%; icd-203
	// "unlikely" is 20–45%, point at the midpoint 32.5%.
	for _, tc := range []struct {
		id   string
		want forecasts.Interval
	}{
		{"point", forecasts.Interval{Low: 0.3, Point: 0.3, High: 0.3}},
		{"range", forecasts.Interval{Low: 0.2, Point: 0.325, High: 0.45}},
		{"term", forecasts.Interval{Low: 0.2, Point: 0.325, High: 0.45}},
		// "could not": the statement is almost certain, so P(event) = 1 − [0.87, 0.99].
		{"negated-term", forecasts.Interval{Low: 0.01, Point: 0.07, High: 0.13}},
		// a narrowing range inside the term: its midpoint is the point.
		{"narrowed", forecasts.Interval{Low: 0.3, Point: 0.35, High: 0.4}},
		{"negated-point", forecasts.Interval{Low: 0.8, Point: 0.8, High: 0.8}},
	} {
		r := byID[tc.id]
		if r == nil {
			t.Errorf("record %q missing", tc.id)
			continue
		}
		if r.Event != tc.want {
			t.Errorf("%s: P(event) = %+v, want %+v", tc.id, r.Event, tc.want)
		}
	}
	r := byID["negated-term"]
	if r.Issued != (forecasts.Date{Year: 1979, Month: 1}) || r.Resolved != (forecasts.Date{Year: 1979, Month: 1, Day: 7}) {
		t.Errorf("dates = %v, %v", r.Issued, r.Resolved)
	}
	if v, _ := r.Tags.Get("region"); v != "Southeast Asia" || len(r.Sources) != 1 || r.Sources[0].Page != "12" {
		t.Errorf("tags %v, sources %+v", r.Tags, r.Sources)
	}
	if byID["unresolved"].Outcome.Scored() {
		t.Error("an unresolved record must not be scored")
	}
}

func TestLoadFolder(t *testing.T) {
	ds, err := (&forecasts.Loader{}).Load("testdata/valid/folder")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := len(ds[0].Records); got != 3 || ds[0].Records[0].ID != "a1" || ds[0].Records[2].ID != "b1" {
		t.Errorf("records in file-name order: got %d", got)
	}
}

// Ids must be unique across every path one Loader reads.
func TestDuplicateIDsAcrossPaths(t *testing.T) {
	l := &forecasts.Loader{}
	_, err := l.Load("testdata/valid/seminar.yaml", "testdata/valid/seminar.yaml")
	if err == nil || !strings.Contains(err.Error(), `duplicate id "point"`) {
		t.Errorf("got %v, want a duplicate id error", err)
	}
}

func TestMissingPath(t *testing.T) {
	_, err := (&forecasts.Loader{}).Load("testdata/no-such-file.yaml")
	if err == nil || err.Error() != "testdata/no-such-file.yaml: no such file or directory" {
		t.Errorf("got %v", err)
	}
}
