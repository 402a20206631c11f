package forecasts

// Fuzz targets for every parser of this package but the flat tables
// (FuzzReadTable, table_files_test.go). Each checks properties, not only
// that nothing panics: errors are ErrorLists of positioned problems in
// the package's own words, and what loads exports and reads back as the
// same data. Run one with
//
//	go test -run x -fuzz FuzzLoadDataset -fuzztime 5m ./forecasts/
//
// Inputs the fuzzer fails on are kept in testdata/fuzz/FuzzNAME and run by
// go test as regression cases.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
)

// fuzzSeeds reads files of testdata (and the built-in datasets and
// scales) whose names match the patterns, for seed corpora.
func fuzzSeeds(f *testing.F, patterns ...string) [][]byte {
	var out [][]byte
	for _, pat := range patterns {
		paths, err := filepath.Glob(pat)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no seed files match %v", patterns)
	}
	return out
}

// shellQuoted matches a label quoted for a command line ('it”s').
var shellQuoted = regexp.MustCompile(`'(?:[^']|'\\'')*'`)

// stripQuoted removes the input quoted in a message, as Go quotes it and
// as a command line does, leaving the message's own words.
func stripQuoted(msg string) string {
	return shellQuoted.ReplaceAllString(tableQuotedText.ReplaceAllString(msg, `"…"`), `'…'`)
}

// checkText checks the whole text of a message: one line of UTF-8 text
// without control characters, so that input echoed in it cannot move the
// cursor or clear the terminal it is printed on.
func checkText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) || strings.ContainsFunc(text, unicode.IsControl) {
		t.Errorf("message with control characters or bytes that are not UTF-8: %q", text)
	}
}

// rawMessage lists text that must not appear in an error message outside
// the input quoted in it: library prefixes, Go names, fmt mistakes.
var rawMessage = []string{
	"yaml:", "strconv", "runtime error", "panic", "%!", "reflect", "yaml.Node", "*yaml", "interface {",
	"[]interface", "map[string]", "json: ", "encoding/", "invalid syntax", "unexpected EOF", "<nil>",
}

// checkErrList checks err, which must be nil or an ErrorList: every
// problem is in one of the files named, at line 1 or later, with a
// message in the package's words. It returns the list.
func checkErrList(t *testing.T, err error, files ...string) ErrorList {
	t.Helper()
	if err == nil {
		return nil
	}
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error %T %q is not an ErrorList", err, err)
	}
	if len(list) == 0 {
		t.Fatalf("an empty ErrorList returned as an error")
	}
	checkProblems(t, list, files...)
	return list
}

func checkProblems(t *testing.T, list ErrorList, files ...string) {
	t.Helper()
	for _, e := range list {
		if !slices.Contains(files, e.File) {
			t.Errorf("problem in file %q, want one of %q: %v", e.File, files, e)
		}
		if e.Line < 1 || e.Col < 0 {
			t.Errorf("problem not positioned (line %d, column %d): %v", e.Line, e.Col, e)
		}
		if strings.TrimSpace(e.Msg) == "" {
			t.Errorf("problem with no message: %+v", *e)
		}
		checkText(t, e.Error())
		// Positions of other problems ("first used at f.yaml:6:5") and
		// input quoted in the message are not the library's words.
		msg := e.Msg
		for _, f := range files {
			msg = strings.ReplaceAll(msg, f+":", "FILE:")
		}
		msg = stripQuoted(msg)
		for _, raw := range rawMessage {
			if strings.Contains(msg, raw) {
				t.Errorf("raw library text %q in: %v", raw, e)
			}
		}
	}
	if !slices.IsSortedFunc(list, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	}) {
		t.Errorf("problems not sorted by position:\n%s", list.Format(0))
	}
}

// datasetText describes a dataset by what it holds, leaving out where it
// was read from: its manifest and every record as JSON, P(event) included.
func datasetText(t *testing.T, ds *Dataset) string {
	t.Helper()
	var b strings.Builder
	m, err := json.Marshal(ds.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(m)
	b.WriteByte('\n')
	for _, r := range ds.Records {
		j, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// checkRecords checks what a successful load promises of each record.
func checkRecords(t *testing.T, ds *Dataset) {
	t.Helper()
	ids := map[string]bool{}
	for _, r := range ds.Records {
		if ids[r.ID] {
			t.Errorf("duplicate id %q loaded", r.ID)
		}
		ids[r.ID] = true
		outcomeOK := slices.Contains(Outcomes, r.Outcome)
		if r.Categorical() {
			outcomeOK = r.OutcomeOption() >= 0 || r.Outcome == Unresolved || r.Outcome == Ambiguous
			sum := 0.0
			for i, p := range r.Estimate.Probabilities {
				if p.Option != r.Options[i] || !(p.P >= 0 && p.P <= 1) {
					t.Errorf("record %q: probability %d %+v of options %q", r.ID, i, p, r.Options)
				}
				sum += p.P
			}
			if len(r.Options) < 2 || len(r.Estimate.Probabilities) != len(r.Options) || math.Abs(sum-1) > DefaultSumTolerance {
				t.Errorf("record %q: options %q with probabilities %v", r.ID, r.Options, r.Estimate.Probabilities)
			}
		}
		if r.ID == "" || r.Question == "" || r.Forecaster == "" || r.Issued.IsZero() || !outcomeOK {
			t.Errorf("record %q loaded without a required field: %+v", r.ID, r)
		}
		if e := r.Event; !(0 <= e.Low && e.Low <= e.Point && e.Point <= e.High && e.High <= 1) {
			t.Errorf("record %q: P(event) %+v is not an interval in [0, 1]", r.ID, e)
		}
		for _, d := range []Date{r.Issued, r.ResolvesBy, r.Resolved} {
			if d.IsZero() {
				continue
			}
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Errorf("record %q: date %+v formats as %q, which reads back as %+v, %v", r.ID, d, d, back, err)
			}
		}
	}
}

// checkRoundTrips writes ds in every export format and reads it back: the
// same dataset, and writing it again gives the same bytes. It also writes
// ds as a dataset folder, as import does, and reads that back.
func checkRoundTrips(t *testing.T, ds *Dataset) {
	t.Helper()
	want := datasetText(t, ds)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *Dataset) error
		read  func([]byte) (*Dataset, error)
	}{
		{"f.yaml", func(b *bytes.Buffer, d *Dataset) error { return WriteYAML(b, d) },
			func(b []byte) (*Dataset, error) { return ReadYAML(bytes.NewReader(b), "f.yaml") }},
		{"f.jsonl", func(b *bytes.Buffer, d *Dataset) error { return WriteJSONL(b, d) },
			func(b []byte) (*Dataset, error) { return ReadJSONL(bytes.NewReader(b), "f.jsonl") }},
		{"f.csv", func(b *bytes.Buffer, d *Dataset) error { return WriteCSV(b, d) },
			func(b []byte) (*Dataset, error) { return ReadCSV(bytes.NewReader(b), "f.csv", CSVOptions{}) }},
	} {
		var out bytes.Buffer
		if err := f.write(&out, ds); err != nil {
			if f.name == "f.csv" && strings.Contains(err.Error(), `holds \r\n`) {
				continue // documented: CSV cannot carry \r\n
			}
			t.Fatalf("%s: export failed: %v", f.name, err)
		}
		back, err := f.read(out.Bytes())
		if err != nil {
			t.Fatalf("%s: the export does not read back:\n%s\nexport:\n%s", f.name, formatAny(err), out.Bytes())
		}
		if got := datasetText(t, back); got != want {
			t.Fatalf("%s: the export reads back as another dataset:\ngot  %s\nwant %s\nexport:\n%s", f.name, got, want, out.Bytes())
		}
		var again bytes.Buffer
		if err := f.write(&again, back); err != nil || !bytes.Equal(again.Bytes(), out.Bytes()) {
			t.Fatalf("%s: exporting the export again gives other bytes (%v):\n%s\nfirst:\n%s", f.name, err, again.Bytes(), out.Bytes())
		}
	}
	l := &Loader{}
	folder := l.decodeManifestFile("d/manifest.yaml", ManifestYAML(&ds.Manifest, "a note\n\nof two paragraphs"))
	if folder != nil {
		l.decodeRecordFile(folder, "d/records.yaml", RecordsYAML(ds.Records, "a note"))
	}
	if err := l.finish(); err != nil || folder == nil {
		t.Fatalf("the dataset written as a folder does not read back:\n%s", formatAny(err))
	}
	if got := datasetText(t, folder); got != want {
		t.Fatalf("the dataset written as a folder reads back as another:\ngot  %s\nwant %s", got, want)
	}
}

func formatAny(err error) string {
	var list ErrorList
	if errors.As(err, &list) {
		return list.Format(0)
	}
	return fmt.Sprint(err)
}

// checkLoaded checks the result of a load: positioned errors, or a
// dataset that keeps its promises and survives every round trip.
func checkLoaded(t *testing.T, ds *Dataset, err error, files ...string) {
	t.Helper()
	if checkErrList(t, err, files...) != nil {
		return
	}
	if ds == nil {
		t.Fatal("no dataset and no error")
	}
	checkRecords(t, ds)
	checkRoundTrips(t, ds)
}

func FuzzLoadDataset(f *testing.F) {
	for _, data := range fuzzSeeds(f, "testdata/valid/*.yaml", "testdata/invalid/*.yaml", "testdata/authoring/*.yaml", "builtin/*.yaml") {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadYAML(bytes.NewReader(data), "f.yaml")
		checkLoaded(t, ds, err, "f.yaml")
	})
}

func FuzzLoadFolder(f *testing.F) {
	manifests := fuzzSeeds(f, "testdata/*/folder/manifest.yaml")
	records := fuzzSeeds(f, "testdata/*/folder/[ab].y*ml")
	for i, m := range manifests {
		for _, r := range records[i:] {
			f.Add(m, r)
		}
	}
	f.Fuzz(func(t *testing.T, manifest, records []byte) {
		l := &Loader{}
		ds := l.decodeManifestFile("d/manifest.yaml", manifest)
		if ds != nil {
			l.decodeRecordFile(ds, "d/a.yaml", records)
		}
		err := l.finish()
		if err == nil && ds == nil {
			t.Fatal("no dataset and no error")
		}
		checkLoaded(t, ds, err, "d/manifest.yaml", "d/a.yaml")
	})
}

func FuzzLoadScales(f *testing.F) {
	seeds := fuzzSeeds(f, "scales/*.yaml")
	for i, a := range seeds {
		f.Add(a, seeds[(i+1)%len(seeds)])
		f.Add(a, a) // two scales of one name
		f.Add(a, []byte("name: other\ntitle: t\nsource: s\nkind: ranges\nterms: []\n"))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fsys := fstest.MapFS{"a.yaml": {Data: a}, "b.yaml": {Data: b}}
		scales, err := LoadScales(fsys, "s", "a.yaml", "b.yaml")
		if checkErrList(t, err, "s/a.yaml", "s/b.yaml") != nil {
			return
		}
		for _, sc := range scales.All() {
			if got, ok := scales.Get(strings.ToUpper(sc.Name)); !ok || got != sc {
				t.Errorf("scale %q not found by its name in upper case", sc.Name)
			}
			for _, term := range sc.Terms {
				iv := term.Interval
				if !(0 <= iv.Low && iv.Low <= iv.Point && iv.Point <= iv.High && iv.High <= 1) {
					t.Errorf("%s %q: interval %+v is not in [0, 1] in order", sc.Name, term.Term, iv)
				}
				if !slices.Contains(Levels, term.Level) {
					t.Errorf("%s %q: level %q", sc.Name, term.Term, term.Level)
				}
				for _, w := range append([]string{term.Term}, term.Synonyms...) {
					if got, ok := sc.Lookup(w); !ok || got != term {
						t.Errorf("%s: %q does not find its term %q", sc.Name, w, term.Term)
					}
				}
			}
		}
	})
}

func FuzzParseCrosswalk(f *testing.F) {
	f.Add(crosswalkYAML)
	f.Add([]byte("levels:\n  - level: likely\n    kent-1964: probable\n"))
	f.Add([]byte("levels:\n  - level: even\n    icd-203: Roughly  Even Chance\n"))
	scales := BuiltinScales()
	f.Fuzz(func(t *testing.T, data []byte) {
		cw, err := ParseCrosswalk("c.yaml", data, scales)
		if checkErrList(t, err, "c.yaml") != nil {
			return
		}
		for _, row := range cw.Rows {
			if !slices.Contains(Levels, row.Level) {
				t.Errorf("row of level %q", row.Level)
			}
			for name, term := range row.Terms {
				sc, ok := scales.Get(name)
				if !ok {
					t.Fatalf("a term of unknown scale %q", name)
				}
				tm, ok := sc.Lookup(term)
				if !ok || tm.Level != row.Level || tm.Term != term {
					t.Errorf("row %s: %s %q is not a term of that level", row.Level, name, term)
				}
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1978", "1978-08", "1978-08-31", "1979-02-29", "1980-02-29", "0000", "9999-12-31", "1978-13", "1978-00-10", "1978-8-31", "+978", "１９７８", "1978-08-3١"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Errorf("ParseDate(%q) failed but gave %+v", s, d)
			}
			checkMessage(t, err.Error())
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q) = %+v, which formats as %q", s, d, d.String())
		}
		if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || d.Day > 0 && d.Month == 0 {
			t.Errorf("ParseDate(%q) = %+v", s, d)
		}
		if d.Last().Before(d.First()) || d.Before(d) {
			t.Errorf("%q: the period ends before it begins", s)
		}
		if text, _ := d.MarshalText(); string(text) != s {
			t.Errorf("MarshalText of %q gives %q", s, text)
		}
		var back Date
		if err := back.UnmarshalText([]byte(s)); err != nil || back != d {
			t.Errorf("UnmarshalText(%q) = %+v, %v", s, back, err)
		}
		for _, order := range []DateOrder{DateOrderUnset, DayMonthYear, MonthDayYear} {
			if c, err := ParseCommonDate(s, order); err != nil || c != d {
				t.Errorf("ParseCommonDate(%q, %v) = %+v, %v; ParseDate gives %+v", s, order, c, err, d)
			}
		}
	})
}

func FuzzParseCommonDate(f *testing.F) {
	for _, s := range []string{"1978-08-31", "1978/8/31", "31 Aug 1978", "31st August 1978", "August 31, 1978", "Aug 1978", "Sept. 1978",
		"08/1978", "31/08/1978", "08/31/1978", "08/09/1978", "31.08.78", "1978-08-31T00:00:00", "1978-08-31 23:59:60.5+02:00",
		"29708", "1979-02-29", "31-Aug-1978", "NA", " 1978 ", "0000-01"} {
		for order := range 3 {
			f.Add(s, uint8(order))
		}
	}
	f.Fuzz(func(t *testing.T, s string, o uint8) {
		order := DateOrder(o % 3)
		d, err := ParseCommonDate(s, order)
		if err != nil {
			checkMessage(t, err.Error())
			return
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseCommonDate(%q) = %+v, which is not a valid date (%v)", s, d, err)
		}
		if again, err := ParseCommonDate(d.String(), order); err != nil || again != d {
			t.Errorf("ParseCommonDate(%q) = %s, which reads back as %+v, %v", s, d, again, err)
		}
		if order == DateOrderUnset {
			// A date that needs no order reads the same in either.
			for _, o := range []DateOrder{DayMonthYear, MonthDayYear} {
				if e, err := ParseCommonDate(s, o); err != nil || e != d {
					t.Errorf("ParseCommonDate(%q) = %s without an order, %+v, %v with %v", s, d, e, err, o)
				}
			}
		}
	})
}

func FuzzParseOutcome(f *testing.F) {
	for _, s := range []string{"yes", "No", " Y ", "TRUE", "0", "1", "unresolved", "Ambiguous", "resolved", "resolved yes", "Resolved-No", "resolved_y", "resolved: no", "resolvedyes", "maybe", "", "ÿes"} {
		f.Add(s)
	}
	labels := map[string]Outcome{"resolved": Yes, "pending": Unresolved}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseOutcome(s, nil)
		if err != nil {
			if o != "" {
				t.Errorf("ParseOutcome(%q) failed but gave %q", s, o)
			}
			checkMessage(t, err.Error())
		} else {
			if !slices.Contains(Outcomes, o) {
				t.Fatalf("ParseOutcome(%q) = %q, not an outcome", s, o)
			}
			if back, err := ParseOutcome(string(o), nil); err != nil || back != o {
				t.Errorf("ParseOutcome(%q) = %q, which reads back as %q, %v", s, o, back, err)
			}
		}
		if isASCII(s) {
			for _, v := range []string{strings.ToUpper(s), strings.ToLower(s), " \t" + s + " "} {
				if o2, err2 := ParseOutcome(v, nil); o2 != o || (err2 == nil) != (err == nil) {
					t.Errorf("ParseOutcome(%q) = %q, %v, but ParseOutcome(%q) = %q, %v", s, o, err, v, o2, err2)
				}
			}
		}
		// Labels are looked up first, and only they change the result.
		ol, errl := ParseOutcome(s, labels)
		key := strings.ToLower(strings.TrimSpace(s))
		switch want, ok := labels[key]; {
		case ok && (errl != nil || ol != want):
			t.Errorf("ParseOutcome(%q, labels) = %q, %v; want %q", s, ol, errl, want)
		case !ok && (ol != o || (errl == nil) != (err == nil)):
			t.Errorf("ParseOutcome(%q, labels) = %q, %v; without labels %q, %v", s, ol, errl, o, err)
		}
	})
}

func FuzzScaleLookup(f *testing.F) {
	for _, sc := range BuiltinScales().All() {
		for _, term := range sc.Terms {
			f.Add(term.Term)
			f.Add("  " + strings.ToUpper(term.Term) + "\t")
			f.Add(strings.ReplaceAll(term.Term, " ", "   "))
		}
	}
	f.Add("")
	f.Add("almost\u00a0certain")
	f.Fuzz(func(t *testing.T, word string) {
		for _, sc := range BuiltinScales().All() {
			term, ok := sc.Lookup(word)
			// The same answer as comparing every name, folded, by hand.
			var want *Term
			for _, tm := range sc.Terms {
				for _, w := range append([]string{tm.Term}, tm.Synonyms...) {
					if want == nil && strings.Join(strings.Fields(strings.ToLower(w)), " ") == strings.Join(strings.Fields(strings.ToLower(word)), " ") {
						want = tm
					}
				}
			}
			if ok != (want != nil) || term != want {
				t.Fatalf("%s.Lookup(%q) = %v, %v; want %v", sc.Name, word, term, ok, want)
			}
			if !ok {
				continue
			}
			for _, v := range []string{" " + word + "  ", strings.ReplaceAll(word, " ", " \t ")} {
				if t2, ok2 := sc.Lookup(v); !ok2 || t2 != term {
					t.Errorf("%s.Lookup(%q) finds %q, Lookup(%q) %v", sc.Name, word, term.Term, v, t2)
				}
			}
			if isASCII(word) {
				if t2, ok2 := sc.Lookup(strings.ToUpper(word)); !ok2 || t2 != term {
					t.Errorf("%s.Lookup(%q) finds %q, but not in upper case", sc.Name, word, term.Term)
				}
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// checkMessage checks a message that is not an ErrorList's.
func checkMessage(t *testing.T, msg string) {
	t.Helper()
	if strings.TrimSpace(msg) == "" {
		t.Errorf("empty message")
	}
	checkText(t, msg)
	m := stripQuoted(msg)
	for _, raw := range rawMessage {
		if strings.Contains(m, raw) {
			t.Errorf("raw library text %q in %q", raw, msg)
		}
	}
}

// builtinExports are the built-in datasets as export writes them, seeds
// for the readers of each format.
func builtinExports(f *testing.F, write func(*bytes.Buffer, *Dataset) error) [][]byte {
	ds, err := LoadBuiltin()
	if err != nil {
		f.Fatal(err)
	}
	var out [][]byte
	for _, d := range ds {
		var b bytes.Buffer
		if err := write(&b, d); err != nil {
			f.Fatal(err)
		}
		out = append(out, b.Bytes())
	}
	return out
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range fuzzSeeds(f, "testdata/authoring/*.jsonl") {
		f.Add(s)
	}
	for _, s := range builtinExports(f, func(b *bytes.Buffer, d *Dataset) error { return WriteJSONL(b, d) }) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadJSONL(bytes.NewReader(data), "f.jsonl")
		checkLoaded(t, ds, err, "f.jsonl")
	})
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range fuzzSeeds(f, "testdata/authoring/*.csv") {
		f.Add(s, uint8(0))
	}
	for _, s := range builtinExports(f, func(b *bytes.Buffer, d *Dataset) error { return WriteCSV(b, d) }) {
		for mode := range 3 {
			f.Add(s, uint8(mode))
		}
	}
	manifest := Manifest{Name: "given", Title: "Given", Selection: SelectAll}
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		var opt CSVOptions
		switch mode % 3 {
		case 1:
			opt.Manifest = &manifest
		case 2:
			opt.Comma = ';'
		}
		ds, err := ReadCSV(bytes.NewReader(data), "f.csv", opt)
		checkLoaded(t, ds, err, "f.csv")
	})
}

// importFuzzOptions are the options FuzzImport reads with, by mode.
func importFuzzOptions(mode uint8) ImportOptions {
	opt := ImportOptions{Format: TableCSV}
	if mode&1 != 0 {
		opt.Format = TableJSONL
	}
	opt.Percent = mode&2 != 0
	opt.DateOrder = DateOrder(mode >> 2 % 3)
	opt.SkipInvalid = mode&16 != 0
	opt.IgnoreUnknown = mode&32 != 0
	if mode&64 != 0 {
		opt.Defaults = Manifest{Name: "sheet", Title: "A sheet", Selection: SelectAll}
		opt.Columns = map[string]string{"Case": "id", "Chance": "estimate.probability", "Happened": "outcome", "Region": "tags.region", "Desk": "forecaster", "Date": "issued"}
	}
	if mode&128 != 0 {
		opt.Outcomes = map[string]Outcome{"resolved": Yes}
	}
	return opt
}

func FuzzImport(f *testing.F) {
	for _, s := range fuzzSeeds(f, "testdata/authoring/*.csv") {
		f.Add(s, uint8(64))
		f.Add(s, uint8(0))
	}
	for _, s := range fuzzSeeds(f, "testdata/authoring/*.jsonl") {
		f.Add(s, uint8(65))
		f.Add(s, uint8(1))
	}
	for _, s := range builtinExports(f, func(b *bytes.Buffer, d *Dataset) error { return WriteCSV(b, d) }) {
		f.Add(s, uint8(0))
	}
	for _, s := range builtinExports(f, func(b *bytes.Buffer, d *Dataset) error { return WriteJSONL(b, d) }) {
		f.Add(s, uint8(1))
	}
	f.Add([]byte("Case,Question,Desk,Date,Chance,Happened,Region\nt-1990,Will it?,Desk A,15/03/1990,33,no,Europe\n"), uint8(64|2|4))
	f.Add([]byte("Case,Question,Desk,Date,Chance,Happened,Region\nt-1990,Will it?,Desk A,03/15/1990,33%,resolved,Europe\n"), uint8(128|64|2|8))
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		opt := importFuzzOptions(mode)
		res, err := (&Loader{}).Import(bytes.NewReader(data), "f", opt)
		var rows *RowsError
		var cols *ColumnsError
		var man *ManifestMissingError
		switch {
		case errors.As(err, &rows):
			if len(rows.Rejected) == 0 || len(rows.Errors) == 0 {
				t.Fatalf("RowsError with no rows: %+v", rows)
			}
			checkProblems(t, rows.Errors, "f")
			return
		case errors.As(err, &cols):
			// A --map naming a key that no line of a JSON Lines file has is
			// a problem with the flag, not at any place in the file: line 0.
			var placed ErrorList
			for _, e := range cols.Errors {
				if !(opt.Format == TableJSONL && e.Line == 0 && strings.HasPrefix(e.Msg, "--map names column")) {
					placed = append(placed, e)
				}
			}
			checkProblems(t, placed, "f")
			return
		case errors.As(err, &man):
			if len(man.Fields) == 0 {
				t.Fatalf("ManifestMissingError with no fields")
			}
			return
		case err != nil:
			checkErrList(t, err, "f")
			return
		}
		ds := res.Dataset
		if len(res.Rejected) > 0 && !opt.SkipInvalid {
			t.Fatalf("rows rejected without SkipInvalid, and no error")
		}
		for _, rr := range res.Rejected {
			if len(rr.Errors) == 0 || rr.Line < 1 {
				t.Errorf("rejected row without problems or line: %+v", rr)
			}
			checkProblems(t, rr.Errors, "f")
		}
		if len(ds.Records)+len(res.Rejected) != res.Rows {
			t.Errorf("%d rows read, %d records and %d rejected", res.Rows, len(ds.Records), len(res.Rejected))
		}
		if ds.Name == "" || ds.Title == "" || !slices.Contains(Selections, ds.Selection) {
			t.Fatalf("imported dataset with manifest %+v", ds.Manifest)
		}
		checkRecords(t, ds)
		checkRoundTrips(t, ds)
	})
}

// The fuzz targets' seed files, and what the regression cases of
// testdata/fuzz hold, are read by go test; this test makes sure the seed
// patterns still match files when testdata is reorganised.
func TestFuzzSeedsExist(t *testing.T) {
	for _, pat := range []string{"testdata/valid/*.yaml", "testdata/invalid/*.yaml", "testdata/authoring/*.csv", "testdata/authoring/*.jsonl", "testdata/*/folder/manifest.yaml", "scales/*.yaml"} {
		if m, _ := fs.Glob(os.DirFS("."), pat); len(m) == 0 {
			t.Errorf("no file matches %s", pat)
		}
	}
}
