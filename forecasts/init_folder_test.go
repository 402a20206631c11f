package forecasts_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// The starter folder is a valid dataset as it stands, with one example
// record of each estimate form.
func TestStarterFolderValidates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "seminar")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := forecasts.StarterFolder("seminar")
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(names, " "); got != "manifest.yaml records.yaml README.md" {
		t.Errorf("files %s", got)
	}
	ds, err := (&forecasts.Loader{}).Load(dir)
	if err != nil {
		t.Fatal(formatErr(err))
	}
	m := ds[0].Manifest
	if m.Name != "seminar" || m.Selection != forecasts.SelectUnknown {
		t.Errorf("manifest %+v", m)
	}
	byID := map[string]*forecasts.Record{}
	for _, r := range ds[0].Records {
		byID[r.ID] = r
	}
	for _, tc := range []struct {
		id   string
		form func(forecasts.Estimate) bool
	}{
		{"example-probability", func(e forecasts.Estimate) bool { return e.Probability != nil }},
		{"example-range", func(e forecasts.Estimate) bool { return e.Range != nil && e.Term == "" }},
		{"example-term", func(e forecasts.Estimate) bool { return e.Term != "" && e.Scale != "" }},
		{"example-negated", func(e forecasts.Estimate) bool { return e.Term != "" }},
	} {
		r := byID[tc.id]
		if r == nil || !tc.form(r.Estimate) || len(r.Statement.Text) == 0 {
			t.Errorf("%s: %+v", tc.id, r)
		}
	}
	if len(byID) != 4 || !byID["example-negated"].Negated {
		t.Errorf("%d records; want 4, the last negated", len(byID))
	}
	// Every field of the format appears in the examples.
	records := string(files[1].Data)
	for _, f := range []string{"id:", "question:", "forecaster:", "audience:", "issued:", "issued_note:", "resolves_by:", "resolved:",
		"statement:", "text:", "wording:", "negated:", "estimate:", "probability:", "range:", "term:", "scale:",
		"coder_note:", "outcome:", "outcome_note:", "sources:", "title:", "author:", "publisher:", "date:", "page:", "url:", "quote:", "notes:", "tags:"} {
		if !strings.Contains(records, " "+f) {
			t.Errorf("records.yaml shows no %s", f)
		}
	}
	manifest := string(files[0].Data)
	for _, f := range []string{"name", "title", "description", "licence", "citation", "version", "selection", "selection_note"} {
		if !strings.Contains(manifest, "\n"+f+": ") {
			t.Errorf("manifest.yaml has no %s", f)
		}
	}
}

func TestDatasetName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"seminar", "seminar"},
		{"Seminar 2026 (Cuba)", "seminar-2026-cuba"},
		{"a - b", "a-b"},
		{"__x__", "x"},
		{"My_Cases", "my_cases"},
		{"Ceaușescu 1989", "ceau-escu-1989"},
		{"日本", "dataset"},
		{".", "dataset"},
		{strings.Repeat("ab-", 30), strings.TrimSuffix(strings.Repeat("ab-", 22)[:64], "-")},
	} {
		if got := forecasts.DatasetName(tc.in); got != tc.want {
			t.Errorf("DatasetName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
