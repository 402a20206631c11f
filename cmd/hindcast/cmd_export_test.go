package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// The export of the cpc dataset in each format, reviewed: the layout of
// each format is documented by these files.
func TestExportGolden(t *testing.T) {
	for _, format := range []string{"yaml", "jsonl", "csv"} {
		stdout, stderr, code := runHindcast("forecasts", "export", "--dataset", "cpc", "--format", format)
		if code != 0 {
			t.Fatalf("export %s: exit %d\n%s", format, code, stderr)
		}
		golden(t, "export-cpc."+format, stdout)
	}
}

func TestExportUsage(t *testing.T) {
	for _, tc := range []struct {
		args string
		want string
	}{
		{"forecasts export --dataset cpc", "hindcast: --format is needed: csv, jsonl or yaml\n"},
		{"forecasts export --dataset cpc -o cpc.txt", "hindcast: --format is needed: csv, jsonl or yaml (-o cpc.txt does not say which)\n"},
		{"forecasts export --dataset cpc --format json", "hindcast: --format \"json\": use one of csv, jsonl, yaml\n"},
		{"forecasts export --format csv", "hindcast: export writes one dataset, and 2 are chosen (cpc, historical): choose one with --dataset NAME or --data PATH\n"},
	} {
		stdout, stderr, code := runHindcast(strings.Fields(tc.args)...)
		if code != 2 || stdout != "" || stderr != tc.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tc.args, code, stdout, stderr)
		}
	}
}

// -o takes the format from its extension, writes the file in one step,
// and keeps the permissions of a file it replaces.
func TestExportToFile(t *testing.T) {
	tmp := tempDir(t)
	out := filepath.Join(tmp, "cpc.jsonl")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runHindcast("forecasts", "export", "--dataset", "cpc", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	want, _, _ := runHindcast("forecasts", "export", "--dataset", "cpc", "--format", "jsonl")
	if got := mustRead(t, out); got != want {
		t.Errorf("-o wrote\n%s", got)
	}
	entries, _ := os.ReadDir(tmp)
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 || len(entries) != 1 {
		t.Errorf("mode %v, %d files", info.Mode(), len(entries))
	}
}

// The whole path of a researcher's own dataset: init, add a record with
// flags and one by answering questions, validate, then export in each
// format, read the export back and export it again: the bytes must not
// change.
func TestAuthoringRoundTrip(t *testing.T) {
	tmp := tempDir(t)
	dir := filepath.Join(tmp, "seminar")
	records := filepath.Join(dir, "records.yaml")
	if _, stderr, code := runHindcast("forecasts", "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}

	stdout, stderr, code := runHindcast("forecasts", "add", "--to", records,
		"--id", "treaty-1990", "--question", "Will the treaty be signed by 31 December 1990?",
		"--forecaster", "Desk A", "--audience", "The minister", "--issued", "1990-03", "--resolves-by", "1990-12-31",
		"--statement", "signature is unlikely this year", "--wording", "verbatim",
		"--term", "unlikely", "--scale", "icd-203", "--range", "0.25,0.4", "--coder-note", "A narrower range: 25-40%.",
		"--outcome", "no", "--outcome-note", "Not signed.",
		"--source-title", "Memo: the treaty", "--source-author", "Desk A", "--source-date", "1990-03-12",
		"--source-page", "3", "--source-url", "https://example.org/memo", "--source-quote", "signature is unlikely",
		"--note", "first note", "--note", "yes", "--tag", "region=Europe", "--tag", "era=Cold War")
	if code != 0 {
		t.Fatalf("add with flags: exit %d\n%s", code, stderr)
	}
	if want := "TMP/seminar/records.yaml:106: added treaty-1990; seminar now holds 5 records\n"; inTemp(tmp, stdout) != want {
		t.Errorf("add with flags: %q, want %q", stdout, want)
	}

	// The second record by prompts: a flag given (--negated), the rest asked.
	stdout, prompts, err := addByPrompts(t, dir, strings.Join([]string{
		"wall-1990", "Will the border reopen by 30 June 1990?", "Desk B", "1990-02",
		"almost certain", "kent-1964", "yes", ""}, "\n"), addOptions{draft: forecasts.Draft{Negated: true}})
	if err != nil {
		t.Fatalf("add by prompts: %v\n%s", err, prompts)
	}
	if want := "TMP/seminar/records.yaml:136: added wall-1990; seminar now holds 6 records\n"; inTemp(tmp, stdout) != want {
		t.Errorf("add by prompts: %q, want %q", stdout, want)
	}
	golden(t, "add-records.yaml", mustRead(t, records)) // the two records at the end of the file the init wrote

	stdout, stderr, code = runHindcast("forecasts", "validate", dir)
	if code != 0 || stdout != "seminar: 6 records, 2 files: ok\n1 dataset, 6 records: ok\n" {
		t.Fatalf("validate: exit %d\n%s%s", code, stdout, stderr)
	}

	for _, f := range []struct {
		format string
		read   func(io.Reader, string) (*forecasts.Dataset, error)
		write  func(io.Writer, *forecasts.Dataset) error
	}{
		{"yaml", forecasts.ReadYAML, forecasts.WriteYAML},
		{"jsonl", forecasts.ReadJSONL, forecasts.WriteJSONL},
		{"csv", func(r io.Reader, name string) (*forecasts.Dataset, error) {
			return forecasts.ReadCSV(r, name, forecasts.CSVOptions{})
		}, forecasts.WriteCSV},
	} {
		out := filepath.Join(tmp, "seminar."+f.format)
		if _, stderr, code := runHindcast("forecasts", "export", "--data", dir, "-o", out); code != 0 {
			t.Fatalf("export %s: exit %d\n%s", f.format, code, stderr)
		}
		first := mustRead(t, out)
		ds, err := f.read(strings.NewReader(first), out)
		if err != nil {
			t.Fatalf("read %s: %v", f.format, err)
		}
		var again bytes.Buffer
		if err := f.write(&again, ds); err != nil {
			t.Fatal(err)
		}
		if again.String() != first {
			t.Errorf("%s: export → read → export changed the bytes", f.format)
		}
		if len(ds.Records) != 6 || ds.Records[5].ID != "wall-1990" || !ds.Records[5].Negated ||
			ds.Records[4].Event != (forecasts.Interval{Low: 0.25, Point: 0.325, High: 0.4}) {
			t.Errorf("%s: read back %d records, last %+v", f.format, len(ds.Records), ds.Records[5])
		}
	}
	// The YAML export is a dataset in its own right: exported again, it
	// gives the same bytes.
	stdout, stderr, code = runHindcast("forecasts", "export", "--data", filepath.Join(tmp, "seminar.yaml"), "--format", "yaml")
	if code != 0 || stdout != mustRead(t, filepath.Join(tmp, "seminar.yaml")) {
		t.Errorf("export of the export: exit %d\n%s", code, stderr)
	}
}
