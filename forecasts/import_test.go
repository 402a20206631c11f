package forecasts_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// importText imports text as the file sheet.csv (or sheet.jsonl) with a
// fresh Loader.
func importText(text string, opt forecasts.ImportOptions) (*forecasts.ImportResult, error) {
	name := "sheet.csv"
	if opt.Format == 0 {
		opt.Format = forecasts.TableCSV
	}
	if opt.Format == forecasts.TableJSONL {
		name = "sheet.jsonl"
	}
	return (&forecasts.Loader{}).Import(strings.NewReader(text), name, opt)
}

// errText formats an error as the command prints it: an ErrorList one
// problem a line, anything else as its message.
func errText(err error) string {
	if err == nil {
		return ""
	}
	var list forecasts.ErrorList
	if errors.As(err, &list) {
		return list.Format(0)
	}
	return err.Error() + "\n"
}

// manifestOK is a manifest for files that carry none.
var manifestOK = forecasts.Manifest{Name: "sheet", Title: "A coding sheet", Selection: forecasts.SelectAll}

// Importing what the exporters write, with no options, gives the same
// dataset, and exporting it again gives the same bytes.
func TestImportExports(t *testing.T) {
	var datasets []*forecasts.Dataset
	builtin, err := forecasts.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	datasets = append(datasets, builtin...)
	for _, path := range []string{"testdata/valid/seminar.yaml", "testdata/valid/folder", "testdata/authoring/tricky.yaml"} {
		ds, err := (&forecasts.Loader{}).Load(path)
		if err != nil {
			t.Fatalf("%s: %v", path, formatErr(err))
		}
		datasets = append(datasets, ds[0])
	}
	for _, ds := range datasets {
		for _, f := range []struct {
			name   string
			format forecasts.TableFormat
			write  func(io.Writer, *forecasts.Dataset) error
		}{{"csv", forecasts.TableCSV, forecasts.WriteCSV}, {"jsonl", forecasts.TableJSONL, forecasts.WriteJSONL}} {
			t.Run(ds.Name+"/"+f.name, func(t *testing.T) {
				var first bytes.Buffer
				if err := f.write(&first, ds); err != nil {
					t.Fatal(err)
				}
				res, err := (&forecasts.Loader{}).Import(bytes.NewReader(first.Bytes()), "export."+f.name, forecasts.ImportOptions{Format: f.format})
				if err != nil {
					t.Fatalf("import: %s", errText(err))
				}
				if !res.ManifestFromFile || res.Rows != len(ds.Records) || len(res.Rejected) != 0 || len(res.Ignored) != 0 {
					t.Errorf("manifest from file %v, %d rows, %d rejected, ignored %q", res.ManifestFromFile, res.Rows, len(res.Rejected), res.Ignored)
				}
				sameDataset(t, f.name, res.Dataset, ds)
				var second bytes.Buffer
				if err := f.write(&second, res.Dataset); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first.Bytes(), second.Bytes()) {
					t.Errorf("export → import → export changed the bytes\n--- first\n%s--- second\n%s", first.Bytes(), second.Bytes())
				}
			})
		}
	}
}

// A researcher's sheet: own column names (some mapped, some named after
// their field in another case), a "#" column to skip, percentages, dates
// in three forms, outcome and negation labels, a term, a range and a
// probability, one source per row, a tag and a plain-text note that spans
// two lines. The records are compared with the YAML they should write,
// written out by hand.
func TestImportSheet(t *testing.T) {
	const sheet = `#,Case,QUESTION,Desk,Issued,Horizon,Said,Wording,Negated,P,P low,P high,Term,Scale,Result,Source,Source date,Region,Comment
1,treaty-1990,Will the treaty be signed by 31 December 1990?,Desk A,15/03/1990,31 Dec 1990,signature is unlikely this year,Verbatim,N,,,,unlikely,icd-203,no,Memo of 15 March,15/03/1990,Europe,
2,wall-1990,Will the border reopen by 30 June 1991?,Desk B,Jun 1990,NA,the border will stay closed,paraphrase,yes,,20,45,,,Resolved yes,,,Europe,"Two readings:
this one is the cautious one."
3,rebels-1991,Will the rebels take the capital by 30 June 1991?,Desk B,1991-01-04 00:00:00,"June 30, 1991",,,0,7.5%,,,,,TRUE,Cable 12,Jan 1991,,
`
	res, err := importText(sheet, forecasts.ImportOptions{
		Columns: map[string]string{
			"#": "", "Case": "id", "Desk": "forecaster", "Horizon": "resolves_by", "Said": "statement.text", "Wording": "statement_wording",
			"P": "estimate.probability", "P low": "estimate.range.low", "P high": "estimate.range.high", "Term": "estimate.term", "Scale": "estimate.scale",
			"Result": "outcome", "Source": "sources.title", "Source date": "sources.date", "Region": "tags.region", "Comment": "note",
		},
		Percent:   true,
		DateOrder: forecasts.DayMonthYear,
		Override:  manifestOK,
	})
	if err != nil {
		t.Fatal(errText(err))
	}
	if res.Rows != 3 || len(res.Dataset.Records) != 3 || res.ManifestFromFile || res.Dataset.Manifest != manifestOK {
		t.Fatalf("%d rows, %d records, manifest %+v (from file %v)", res.Rows, len(res.Dataset.Records), res.Dataset.Manifest, res.ManifestFromFile)
	}
	want := `records:
  - id: treaty-1990
    question: Will the treaty be signed by 31 December 1990?
    forecaster: Desk A
    issued: 1990-03-15
    resolves_by: 1990-12-31
    statement:
      text: signature is unlikely this year
      wording: verbatim
    estimate:
      term: unlikely
      scale: icd-203
    outcome: no
    sources:
      - title: Memo of 15 March
        date: 1990-03-15
    tags:
      region: Europe

  - id: wall-1990
    question: Will the border reopen by 30 June 1991?
    forecaster: Desk B
    issued: 1990-06
    statement:
      text: the border will stay closed
      wording: paraphrase
    negated: true
    estimate:
      range: [0.2, 0.45]
    outcome: yes
    notes:
      - |-
        Two readings:
        this one is the cautious one.
    tags:
      region: Europe

  - id: rebels-1991
    question: Will the rebels take the capital by 30 June 1991?
    forecaster: Desk B
    issued: 1991-01-04
    resolves_by: 1991-06-30
    estimate:
      probability: 0.075
    outcome: yes
    sources:
      - title: Cable 12
        date: 1991-01
`
	if got := string(forecasts.RecordsYAML(res.Dataset.Records, "")); got != want {
		t.Errorf("records:\n%s\nwant:\n%s", got, want)
	}
	// P(event) of the negated range: 1 - [0.2, 0.45].
	if ev := res.Dataset.Records[1].Event; ev != (forecasts.Interval{Low: 0.55, Point: 0.675, High: 0.8}) {
		t.Errorf("wall-1990: P(event) %+v", ev)
	}
}

// The acceptance case: percentages, yes/no outcomes and three bad rows,
// one of them after a quoted cell that spans two lines. Each bad row is
// reported at the line and column of its cell in the file; with
// SkipInvalid the good rows are returned and the bad ones listed.
func TestImportBadRows(t *testing.T) {
	const sheet = "id,question,forecaster,issued,chance,outcome,comment\n" +
		"a,Will A?,Desk A,1990-03,33,no,\n" + // line 2
		"b,Will B?,Desk B,1990-04,20,No,\"one cell,\ntwo lines\"\n" + // lines 3-4
		"c,Will C?,Desk B,1991-01,130,yes,\n" + // line 5: 130%
		"d,Will D?,Desk A,1990-02,70,maybe,\n" + // line 6: an unknown label
		"e,Will E?,Desk C,1991-02-30,55,YES,\n" + // line 7: no such day
		"f,Will F?,Desk C,1991-08,10,y,\n" // line 8
	opt := forecasts.ImportOptions{
		Columns:  map[string]string{"chance": "estimate.probability", "comment": "note"},
		Percent:  true,
		Override: manifestOK,
	}
	// Columns: c,Will C?,Desk B,1991-01,130 puts 130 at 2+8+7+8+1 = 26;
	// d,Will D?,Desk A,1990-02,70,maybe puts maybe at 2+8+7+8+3+1 = 29;
	// e,Will E?,Desk C,1991-02-30 puts the date at 2+8+7+1 = 18.
	wantErrs := []string{
		"sheet.csv:5:26: estimate.probability: 130 is outside 0 to 100 (--percent reads probabilities as percentages)",
		`sheet.csv:6:29: outcome: "maybe" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map maybe=OUTCOME`,
		`sheet.csv:7:18: issued: "1991-02-30": February 1991 has 28 days`,
	}
	for _, crlf := range []bool{false, true} {
		text := sheet
		if crlf {
			text = strings.ReplaceAll(text, "\n", "\r\n") // the quoted cell's line end is read as \n
		}
		_, err := importText(text, opt)
		var rows *forecasts.RowsError
		if !errors.As(err, &rows) {
			t.Fatalf("crlf %v: %v, want a RowsError", crlf, err)
		}
		if got := errText(err); got != strings.Join(wantErrs, "\n")+"\n" {
			t.Errorf("crlf %v: errors\n%s", crlf, got)
		}
		if rows.Rows != 6 || len(rows.Rejected) != 3 || rows.Rejected[0].Line != 5 || rows.Rejected[2].Line != 7 {
			t.Errorf("crlf %v: %d rows, rejected %+v", crlf, rows.Rows, rows.Rejected)
		}
	}

	opt.SkipInvalid = true
	res, err := importText(sheet, opt)
	if err != nil {
		t.Fatal(errText(err))
	}
	var ids []string
	for _, r := range res.Dataset.Records {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "a b f" || res.Rows != 6 || len(res.Rejected) != 3 {
		t.Errorf("records %v of %d rows, %d rejected", ids, res.Rows, len(res.Rejected))
	}
	for i, rr := range res.Rejected {
		if len(rr.Errors) != 1 || rr.Errors[0].Error() != wantErrs[i] || rr.Line != []int{5, 6, 7}[i] {
			t.Errorf("rejected row %d: line %d\n%s", i, rr.Line, rr.Errors.Format(0))
		}
	}
	if n := res.Dataset.Records[1].Notes; len(n) != 1 || n[0] != "one cell,\ntwo lines" {
		t.Errorf("notes of b: %q", n)
	}
}

// Values that need an option, and what the message says.
func TestImportValues(t *testing.T) {
	// In "a,Q?,F,1990,0.3,no,true,,0.7" the estimate starts at column 13,
	// the outcome at 17, negated at 20, resolved and p_event at 25 when
	// the cells before them are empty.
	const head = "id,question,forecaster,issued,estimate.probability,outcome,negated,resolved,p_event.point\n"
	for _, tc := range []struct {
		name string
		row  string
		opt  forecasts.ImportOptions
		want string
	}{
		{"a percentage without --percent", "a,Q?,F,1990,30,yes,,,", forecasts.ImportOptions{},
			"sheet.csv:2:13: estimate.probability: 30 is outside [0, 1]; if the column holds percentages, import with --percent\n"},
		{"a % sign without --percent", "a,Q?,F,1990,30%,yes,,,", forecasts.ImportOptions{},
			`sheet.csv:2:13: estimate.probability: "30%" is a percentage: import with --percent to read the column as percentages` + "\n"},
		{"a % sign with --percent", "a,Q?,F,1990,30%,yes,,,", forecasts.ImportOptions{Percent: true}, ""},
		{"not a number", "a,Q?,F,1990,high,yes,,,", forecasts.ImportOptions{},
			`sheet.csv:2:13: estimate.probability: expected a number, found "high"` + "\n"},
		{"not a percentage", "a,Q?,F,1990,high,yes,,,", forecasts.ImportOptions{Percent: true},
			`sheet.csv:2:13: estimate.probability: expected a percentage from 0 to 100, found "high"` + "\n"},
		{"resolved alone", "a,Q?,F,1990,0.3,Resolved,,,", forecasts.ImportOptions{},
			`sheet.csv:2:17: outcome: "Resolved" says the question was settled, not how: write yes or no (or resolved yes, resolved no), or give the label a meaning with --outcome-map resolved=yes` + "\n"},
		{"resolved mapped", "a,Q?,F,1990,0.3,Resolved,,,", forecasts.ImportOptions{Outcomes: map[string]forecasts.Outcome{"resolved": forecasts.Yes}}, ""},
		{"negated labels", "a,Q?,F,1990,0.3,no,Y,,0.7", forecasts.ImportOptions{}, ""},
		{"negated unknown", "a,Q?,F,1990,0.3,no,perhaps,,", forecasts.ImportOptions{},
			`sheet.csv:2:20: negated: expected true or false (yes/no, y/n and 1/0 are read too), found "perhaps"` + "\n"},
		{"NA is empty in a date", "a,Q?,F,1990,0.3,no,,NA,", forecasts.ImportOptions{}, ""},
		{"NA is empty in a required date", "a,Q?,F,NA,0.3,no,,,", forecasts.ImportOptions{},
			"sheet.csv:2:1: issued: required field is missing\n"},
		{"resolved before issued", "a,Q?,F,Aug 1990,0.3,no,,31 Jul 1990,", forecasts.ImportOptions{},
			"sheet.csv:2:25: resolved: 1990-07-31 is before the forecast was issued (1990-08)\n"},
		{"p_event in percent, checked", "a,Q?,F,1990,30,no,true,,30", forecasts.ImportOptions{Percent: true},
			"sheet.csv:2:25: p_event.point: 0.3 does not match the estimate, which gives 0.7: the p_event columns are derived from the estimate and negated; correct those, or leave these cells empty\n"},
	} {
		tc.opt.Override = manifestOK
		_, err := importText(head+tc.row+"\n", tc.opt)
		if got := errText(err); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// Columns that do not fit the options are reported before any row is
// read, at their header cell; options that cannot be used are reported
// before the file is read.
func TestImportColumns(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header string
		opt    forecasts.ImportOptions
		want   string
	}{
		{"named after fields, in any case", "ID,Question,forecaster,Issued,Estimate_Probability,OUTCOME", forecasts.ImportOptions{}, ""},
		{"unknown columns", "id,Questoin,forecaster,issued,chance,outcome", forecasts.ImportOptions{},
			"sheet.csv:1:4: Questoin: unknown column: no field is named so (did you mean question?); map it with --map Questoin=FIELD, skip it with --map Questoin=, or pass --ignore-unknown\n" +
				"sheet.csv:1:31: chance: unknown column: no field is named so; map it with --map chance=FIELD, skip it with --map chance=, or pass --ignore-unknown\n"},
		{"a field of no column: unknown field", "id,question,forecaster,issued,p,outcome", forecasts.ImportOptions{Columns: map[string]string{"p": "estimate.prob"}},
			`column "p": "estimate.prob" is not a field; did you mean estimate.probability or estimate.probabilities?` + "\n"},
		{"unknown field, no near miss", "id,question,forecaster,issued,p,outcome", forecasts.ImportOptions{Columns: map[string]string{"p": "chance"}},
			`column "p": "chance" is not a field; the fields are ` + strings.Join(forecasts.ImportFields, ", ") + "\n"},
		{"a mapped column the file lacks", "id,question,forecaster,issued,p,outcome", forecasts.ImportOptions{Columns: map[string]string{"p": "estimate.probability", "Chance": "estimate.term"}},
			`sheet.csv:1:1: Chance: --map names column "Chance", which the file does not have; its columns: id, question, forecaster, issued, p, outcome` + "\n"},
		{"two mapped columns, one field", "id,question,forecaster,issued,p,outcome", forecasts.ImportOptions{Columns: map[string]string{"p": "estimate.probability", "outcome": "estimate.probability"}},
			`columns "outcome" and "p" are both mapped to estimate.probability: a field comes from one column` + "\n"},
		{"a mapped column and a column named after its field", "id,question,forecaster,issued,estimate.probability,outcome,chance", forecasts.ImportOptions{Columns: map[string]string{"chance": "estimate.probability"}},
			`sheet.csv:1:60: chance: holds estimate.probability, as column 5 ("estimate.probability") already does: a field comes from one column` + "\n"},
		{"a whole and its part", "id,question,forecaster,issued,estimate.probability,outcome,sources,source", forecasts.ImportOptions{Columns: map[string]string{"source": "sources.title"}},
			`sheet.csv:1:68: source: holds sources.title, and column 7 ("sources") holds sources as a whole: give one or the other` + "\n"},
		{"an object field in CSV", "id,question,forecaster,issued,estimate.probability,outcome,statement", forecasts.ImportOptions{},
			"sheet.csv:1:60: statement: statement holds an object of fields, which a CSV cell cannot: map the column to one of them (statement.…)\n"},
		{"required columns", "id,question,issued,term,outcome", forecasts.ImportOptions{Columns: map[string]string{"term": "estimate.term"}},
			"sheet.csv:1:1: estimate.scale: required column is missing: estimate.term needs estimate.scale too\n" +
				"sheet.csv:1:1: forecaster: required column is missing: no column holds forecaster; name one after it, or map one with --map COLUMN=forecaster\n"},
		{"ignored", "id,question,forecaster,issued,estimate.probability,outcome,Row,Coder", forecasts.ImportOptions{IgnoreUnknown: true}, ""},
	} {
		tc.opt.Override = manifestOK
		// one row, its cells "x" beyond the six fields every header has
		row := "a,Q?,F,1990,0.3,yes" + strings.Repeat(",x", max(0, strings.Count(tc.header, ",")-5))
		res, err := importText(tc.header+"\n"+row+"\n", tc.opt)
		if got := errText(err); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		var ce *forecasts.ColumnsError
		if isCol := errors.As(err, &ce); isCol != strings.HasPrefix(tc.want, "sheet.csv:") {
			t.Errorf("%s: ColumnsError %v", tc.name, isCol)
		}
		if err == nil && tc.opt.IgnoreUnknown && strings.Join(res.Ignored, ",") != "Row,Coder" {
			t.Errorf("%s: ignored %q", tc.name, res.Ignored)
		}
	}
}

// A comment line before the header is skipped; a header whose first
// column is named # is a header.
func TestImportCommentLines(t *testing.T) {
	for _, text := range []string{
		"# Coding sheet, version 2\n#\nid,question,forecaster,issued,estimate.probability,outcome\na,Q?,F,1990,0.3,yes\n",
		"#,id,question,forecaster,issued,estimate.probability,outcome\n1,a,Q?,F,1990,0.3,yes\n",
	} {
		res, err := importText(text, forecasts.ImportOptions{Override: manifestOK, Columns: map[string]string{"#": ""}})
		if strings.HasPrefix(text, "# ") {
			res, err = importText(text, forecasts.ImportOptions{Override: manifestOK})
		}
		if err != nil || len(res.Dataset.Records) != 1 || res.Dataset.Records[0].ID != "a" {
			t.Errorf("%q: %s", text, errText(err))
		}
	}
}

// JSON Lines: keys are the columns; statement, estimate and p_event may be
// objects; values may be numbers and booleans.
func TestImportJSONL(t *testing.T) {
	const text = `{"key": "a", "q": "Will A?", "by": "Desk A", "when": "31 Aug 1978", "estimate": {"range": [20, 45]}, "result": true, "tags.era": "Cold War"}
{"key": "b", "q": "Will B?", "by": "Desk A", "when": 1979, "estimate": {"term": "likely", "scale": "icd-203"}, "result": "n", "statement": {"text": "likely", "wording": "verbatim"}, "p_event": {"point": 67.5}}

{"key": "c", "q": "Will C?", "by": "Desk B", "when": "1979-13", "estimate": {"prob": 30}, "result": "maybe"}
{"key": "d", "q": "Will D?", "by": "Desk B", "when": "1980", "estimate": {"probability": 30}, "result": 0, "result": 1}
["not", "an", "object"]
{"key": "e", "q": "Will E?", "by": "Desk B", "when": "1980", "estimate": {"probability": 30}, "result": "no", "p_event": {"point": 40}}
{"key": "f",
`
	opt := forecasts.ImportOptions{
		Format:   forecasts.TableJSONL,
		Columns:  map[string]string{"key": "id", "q": "question", "by": "forecaster", "when": "issued", "result": "outcome"},
		Percent:  true,
		Override: manifestOK,
	}
	_, err := importText(text, opt)
	want := `sheet.jsonl:4:54: issued: "1979-13": month 13 does not exist
sheet.jsonl:4:77: estimate: give one of probability, range, or term with scale
sheet.jsonl:4:78: estimate.prob: unknown field "prob"; known fields: probability, range, term, scale, probabilities
sheet.jsonl:4:101: outcome: "maybe" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map maybe=OUTCOME
sheet.jsonl:5:108: outcome: given twice in the row (key "result")
sheet.jsonl:6:1: expected an object, {"id": ..., "question": ...}, found a list
sheet.jsonl:7:132: p_event.point: 0.4 does not match the estimate, which gives 0.3: the p_event columns are derived from the estimate and negated; correct those, or leave these cells empty
sheet.jsonl:8:13: JSON syntax: unexpected end of JSON input
`
	if got := errText(err); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	opt.SkipInvalid = true
	res, err := importText(text, opt)
	if err != nil {
		t.Fatal(errText(err))
	}
	if res.Rows != 7 || len(res.Dataset.Records) != 2 || len(res.Rejected) != 5 {
		t.Fatalf("%d rows, %d records, %d rejected", res.Rows, len(res.Dataset.Records), len(res.Rejected))
	}
	a, b := res.Dataset.Records[0], res.Dataset.Records[1]
	if a.Issued.String() != "1978-08-31" || *a.Estimate.Range != [2]float64{0.2, 0.45} || a.Outcome != forecasts.Yes || a.Tags[0] != (forecasts.Tag{Key: "era", Value: "Cold War"}) {
		t.Errorf("a: %+v", a)
	}
	if b.Issued.String() != "1979" || b.Estimate.Term != "likely" || b.Outcome != forecasts.No || b.Statement.Wording != forecasts.Verbatim {
		t.Errorf("b: %+v", b)
	}
}

// Records added to a dataset must not reuse its ids: the Loader that read
// the dataset checks them.
func TestImportAppendIDs(t *testing.T) {
	l := &forecasts.Loader{}
	ds, err := l.Load("testdata/valid/seminar.yaml")
	if err != nil {
		t.Fatal(formatErr(err))
	}
	const text = "# dataset:\n#   name: other\n#   title: Ignored\n#   selection: all\n" +
		"id,question,forecaster,issued,estimate_probability,outcome\nnew,Q?,F,1990,0.3,yes\nrange,Q?,F,1990,0.3,yes\n"
	_, err = l.Import(strings.NewReader(text), "more.csv", forecasts.ImportOptions{Format: forecasts.TableCSV, Manifest: &ds[0].Manifest})
	if want := `more.csv:7:1: id: duplicate id "range" (first used at testdata/valid/seminar.yaml:14:5)` + "\n"; errText(err) != want {
		t.Errorf("got %s", errText(err))
	}
	l = &forecasts.Loader{}
	ds, _ = l.Load("testdata/valid/seminar.yaml")
	res, err := l.Import(strings.NewReader(text), "more.csv", forecasts.ImportOptions{Format: forecasts.TableCSV, Manifest: &ds[0].Manifest, SkipInvalid: true})
	if err != nil || len(res.Dataset.Records) != 1 || res.Dataset.Manifest != ds[0].Manifest || res.Dataset.Records[0].Dataset != ds[0].Name || res.ManifestFromFile {
		t.Errorf("%s: %+v", errText(err), res)
	}
}

// The manifest: the file's, with the options' fields over it; defaults
// for what neither gives; an error naming what is missing.
func TestImportManifest(t *testing.T) {
	const rows = "id,question,forecaster,issued,estimate_probability,outcome\na,Q?,F,1990,0.3,yes\n"
	_, err := importText(rows, forecasts.ImportOptions{Defaults: forecasts.Manifest{Name: "folder"}})
	var me *forecasts.ManifestMissingError
	if !errors.As(err, &me) || strings.Join(me.Fields, ",") != "title,selection" || me.Error() != "sheet.csv holds no manifest, and the dataset's title, selection: not given" {
		t.Errorf("no manifest: %v", err)
	}

	res, err := importText(rows, forecasts.ImportOptions{
		Override: forecasts.Manifest{Title: "Sheet", Selection: forecasts.SelectNotable},
		Defaults: forecasts.Manifest{Name: "folder", Title: "Default title", Licence: "CC0-1.0"},
	})
	want := forecasts.Manifest{Name: "folder", Title: "Sheet", Licence: "CC0-1.0", Selection: forecasts.SelectNotable}
	if err != nil || res.Dataset.Manifest != want || res.Dataset.Records[0].Dataset != "folder" {
		t.Errorf("flags and defaults: %s %+v", errText(err), res.Dataset.Manifest)
	}

	// The file's manifest lacks a selection, and has a bad name: an option
	// replacing the name and one giving the selection leave no problem.
	const partial = "# dataset:\n#   name: Bad Name\n#   title: From the file\n#   licence: CC-BY-4.0\n" + rows
	_, err = importText(partial, forecasts.ImportOptions{})
	if want := "sheet.csv:2:5: dataset.selection: required field is missing\nsheet.csv:2:11: dataset.name: \"Bad Name\": use lower-case letters, digits, - and _\n"; errText(err) != want {
		t.Errorf("file manifest problems:\n%s", errText(err))
	}
	res, err = importText(partial, forecasts.ImportOptions{Override: forecasts.Manifest{Name: "good", Selection: forecasts.SelectUnknown}})
	want = forecasts.Manifest{Name: "good", Title: "From the file", Licence: "CC-BY-4.0", Selection: forecasts.SelectUnknown}
	if err != nil || res.Dataset.Manifest != want || !res.ManifestFromFile {
		t.Errorf("file manifest with options: %s %+v", errText(err), res.Dataset.Manifest)
	}

	if err := (&forecasts.ImportOptions{Format: forecasts.TableCSV, Override: forecasts.Manifest{Selection: "some"}}).Check(); err == nil ||
		err.Error() != `selection "some" is not one of: all, random sample, chosen for failure, notable, unknown` {
		t.Errorf("bad selection: %v", err)
	}
}

// With --percent, a probability column is written with % signs
// throughout or nowhere, and one of values at most 1 without signs is
// taken for fractions: every value at fault is reported in its row,
// and nothing is divided by 100 that was not meant to be.
func TestImportPercentColumns(t *testing.T) {
	const head = "id,question,forecaster,issued,estimate.probability,outcome,estimate.range.low,estimate.range.high,p_event.point\n"
	mixed := func(v string, line int, small bool) string {
		msg := fmt.Sprintf("%q has no %% sign, but the column's value on line %d has one: the column mixes percentages and plain numbers", v, line)
		if small {
			msg += fmt.Sprintf(", and --percent would read %q as %s%%", v, v)
		}
		return msg + "; write all of its values with % or all without"
	}
	fractions := func(v string) string {
		return fmt.Sprintf("--percent reads %q as %s%%, and no value of the column is above 1 or has a %% sign: "+
			"the column looks like fractions from 0 to 1; import without --percent (or, if it holds percentages of at most 1%%, write them with a %% sign)", v, v)
	}
	for _, tc := range []struct {
		name  string
		rows  string
		skip  bool      // SkipInvalid
		want  string    // the error; with skip, the rejected rows' errors
		probs []float64 // with skip, or no error: the records' probabilities (or range lows)
	}{
		{name: "signs and fractions",
			rows: "a1,Q?,F,1990,70%,yes,,,\na2,Q?,F,1990,0.3,no,,,\na3,Q?,F,1990,0.9,yes,,,\n",
			want: "sheet.csv:3:14: estimate.probability: " + mixed("0.3", 2, true) + "\n" +
				"sheet.csv:4:14: estimate.probability: " + mixed("0.9", 2, true) + "\n"},
		{name: "signs and fractions, skipping the rows",
			rows: "a1,Q?,F,1990,0.3,no,,,\na2,Q?,F,1990,70%,yes,,,\na3,Q?,F,1990,0.9,yes,,,\n", skip: true,
			want: "sheet.csv:2:14: estimate.probability: " + mixed("0.3", 3, true) + "\n" +
				"sheet.csv:4:14: estimate.probability: " + mixed("0.9", 3, true) + "\n",
			probs: []float64{0.7}},
		{name: "signs and whole numbers",
			rows: "a1,Q?,F,1990,70%,yes,,,\na2,Q?,F,1990,30,no,,,\n",
			want: "sheet.csv:3:14: estimate.probability: " + mixed("30", 2, false) + "\n"},
		{name: "fractions",
			rows: "a1,Q?,F,1990,0.7,yes,,,\na2,Q?,F,1990,0.3,no,,,\na3,Q?,F,1990,1,yes,,,\n",
			want: "sheet.csv:2:14: estimate.probability: " + fractions("0.7") + "\n" +
				"sheet.csv:3:14: estimate.probability: " + fractions("0.3") + "\n" +
				"sheet.csv:4:14: estimate.probability: " + fractions("1") + "\n"},
		{name: "percentages without signs",
			rows:  "a1,Q?,F,1990,70,yes,,,\na2,Q?,F,1990,0.5,no,,,\n",
			probs: []float64{0.7, 0.005}},
		{name: "a 0 without a sign beside signs: no mix",
			rows:  "a1,Q?,F,1990,70%,yes,,,\na2,Q?,F,1990,0,no,,,\n",
			probs: []float64{0.7, 0}},
		{name: "zeros alone: no sign of fractions",
			rows:  "a1,Q?,F,1990,0,no,,,\na2,Q?,F,1990,0,no,,,\n",
			probs: []float64{0, 0}},
		{name: "percentages with signs, small ones too",
			rows:  "a1,Q?,F,1990,0.5%,yes,,,\na2,Q?,F,1990, 1 % ,no,,,\n",
			probs: []float64{0.005, 0.01}},
		{name: "a value beyond 100 is a percentage too",
			rows: "a1,Q?,F,1990,0.5,yes,,,\na2,Q?,F,1990,130,no,,,\n",
			want: "sheet.csv:3:14: estimate.probability: 130 is outside 0 to 100 (--percent reads probabilities as percentages)\n"},
		{name: "a row with another problem",
			rows: "a1,Q?,F,1990,70%,yes,,,\na2,Q?,F,1990,0.3,perhaps,,,\n",
			want: "sheet.csv:3:14: estimate.probability: " + mixed("0.3", 2, true) + "\n" +
				`sheet.csv:3:18: outcome: "perhaps" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map perhaps=OUTCOME` + "\n"},
		{name: "a range's ends",
			rows: "a1,Q?,F,1990,,yes,20%,45%,\na2,Q?,F,1990,,no,20%,0.45,\n",
			want: "sheet.csv:3:18: estimate.range: [0.2, 0.0045] is reversed: low must not exceed high\n" +
				"sheet.csv:3:22: estimate.range: " + mixed("0.45", 2, true) + "\n"},
		{name: "p_event as fractions, in place of the mismatch",
			rows: "a1,Q?,F,1990,70%,yes,,,0.7\na2,Q?,F,1990,30%,no,,,0.3\n",
			want: "sheet.csv:2:24: p_event.point: " + fractions("0.7") + "\n" +
				"sheet.csv:3:23: p_event.point: " + fractions("0.3") + "\n"},
	} {
		rows := tc.rows
		opt := forecasts.ImportOptions{Percent: true, Override: manifestOK, SkipInvalid: tc.skip}
		res, err := importText(head+rows, opt)
		got := errText(err)
		if tc.skip && err == nil {
			for _, rr := range res.Rejected {
				got += rr.Errors.Format(0)
			}
		}
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
			continue
		}
		if err != nil {
			continue
		}
		var probs []float64
		for _, r := range res.Dataset.Records {
			if r.Estimate.Probability != nil {
				probs = append(probs, *r.Estimate.Probability)
			} else if r.Estimate.Range != nil {
				probs = append(probs, (*r.Estimate.Range)[0])
			}
		}
		if !slices.Equal(probs, tc.probs) {
			t.Errorf("%s: probabilities %v, want %v", tc.name, probs, tc.probs)
		}
	}
}

// The same in JSON Lines, where the column is the field.
func TestImportPercentJSONL(t *testing.T) {
	in := `{"id":"a","question":"Q?","forecaster":"F","issued":"1990","outcome":"yes","estimate":{"probability":"70%"}}` + "\n" +
		`{"id":"b","question":"Q?","forecaster":"F","issued":"1990","outcome":"no","estimate":{"probability":0.3}}` + "\n"
	_, err := importText(in, forecasts.ImportOptions{Format: forecasts.TableJSONL, Percent: true, Override: manifestOK})
	want := `sheet.jsonl:2:101: estimate.probability: "0.3" has no % sign, but the column's value on line 1 has one: the column mixes percentages and plain numbers, and --percent would read "0.3" as 0.3%; write all of its values with % or all without` + "\n"
	if got := errText(err); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	var re *forecasts.RowsError
	if !errors.As(err, &re) || re.Rows != 2 || len(re.Rejected) != 1 || re.Rejected[0].Line != 2 {
		t.Errorf("want a RowsError with line 2 rejected of 2 rows, got %#v", err)
	}
}
