package forecasts_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// ids returns the ids of the records imported, joined by spaces.
func ids(res *forecasts.ImportResult) string {
	var out []string
	for _, r := range res.Dataset.Records {
		out = append(out, r.ID)
	}
	return strings.Join(out, " ")
}

// A column named probability, p, prob or forecast holds
// estimate.probability, unless the table or the options say where the
// probabilities are.
func TestImportProbabilityNames(t *testing.T) {
	const rest = "\na,Q?,F,1990,0.3,yes,0.4\n"
	for _, tc := range []struct {
		name, header string
		opt          forecasts.ImportOptions
		column       string // the column read as estimate.probability for its name
		p            float64
		want         string
	}{
		{"probability", "id,question,forecaster,issued,probability,outcome,x", forecasts.ImportOptions{Columns: map[string]string{"x": ""}}, "probability", 0.3, ""},
		{"P", "id,question,forecaster,issued,P,outcome,x", forecasts.ImportOptions{Columns: map[string]string{"x": ""}}, "P", 0.3, ""},
		{"prob", "id,question,forecaster,issued,Prob,outcome,x", forecasts.ImportOptions{Columns: map[string]string{"x": ""}}, "Prob", 0.3, ""},
		{"forecast", "id,question,forecaster,issued,forecast,outcome,x", forecasts.ImportOptions{Columns: map[string]string{"x": ""}}, "forecast", 0.3, ""},
		// the table says otherwise: another column holds the field
		{"named after the field", "id,question,forecaster,issued,p,outcome,estimate_probability", forecasts.ImportOptions{},
			"", 0, "sheet.csv:1:31: p: unknown column: no field is named so; map it with --map p=FIELD, skip it with --map p=, or pass --ignore-unknown\n"},
		{"mapped to the field", "id,question,forecaster,issued,p,outcome,chance", forecasts.ImportOptions{Columns: map[string]string{"chance": "estimate.probability", "p": ""}}, "", 0.4, ""},
		{"mapped elsewhere", "id,question,forecaster,issued,p,outcome,chance", forecasts.ImportOptions{Columns: map[string]string{"chance": "estimate.probability", "p": "note"}}, "", 0.4, ""},
		{"ignored beside the field", "id,question,forecaster,issued,forecast,outcome,estimate.probability", forecasts.ImportOptions{IgnoreUnknown: true}, "", 0.4, ""},
		// two names that would do: which one?
		{"two", "id,question,forecaster,issued,p,outcome,prob", forecasts.ImportOptions{},
			"", 0, `sheet.csv:1:31: p: could hold estimate.probability, as could column "prob": say which with --map p=estimate.probability (and skip the other with --map COLUMN=)` + "\n" +
				`sheet.csv:1:41: prob: could hold estimate.probability, as could column "p": say which with --map prob=estimate.probability (and skip the other with --map COLUMN=)` + "\n"},
		{"two, one chosen", "id,question,forecaster,issued,p,outcome,prob", forecasts.ImportOptions{Columns: map[string]string{"prob": "estimate.probability", "p": ""}}, "", 0.4, ""},
	} {
		tc.opt.Override = manifestOK
		res, err := importText(tc.header+rest, tc.opt)
		if got := errText(err); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
			continue
		}
		if err != nil {
			continue
		}
		if res.ProbabilityColumn != tc.column || *res.Dataset.Records[0].Estimate.Probability != tc.p {
			t.Errorf("%s: column %q, probability %v", tc.name, res.ProbabilityColumn, *res.Dataset.Records[0].Estimate.Probability)
		}
	}

	// In JSON Lines too, with percentages.
	res, err := importText(`{"id": "a", "question": "Q?", "forecaster": "F", "issued": "1990", "prob": "30%", "outcome": "no"}`+"\n",
		forecasts.ImportOptions{Format: forecasts.TableJSONL, Percent: true, Override: manifestOK})
	if err != nil || *res.Dataset.Records[0].Estimate.Probability != 0.3 || res.ProbabilityColumn != "prob" {
		t.Errorf("JSON Lines: %s%+v", errText(err), res)
	}
}

// A GJP-like table: no id column, a forecast_id that is not an id here
// (-200978), and a user_id. The template makes the ids.
const gjpSheet = "forecast_id,user_id,question,forecaster,issued,p,outcome\n" +
	"-200978,17,Will A?,F17,2012-09-05,0.3,no\n" +
	"-200979,17,Will B?,F17,2012-09-06,0.6,yes\n" +
	"  1203 ,21,Will A?,F21,2012-09-07,0.2,no\n"

func TestImportIDTemplate(t *testing.T) {
	for _, tc := range []struct {
		template string
		want     string
	}{
		{"gjp-{forecast_id}", "gjp--200978 gjp--200979 gjp-1203"},
		{"{row}", "1 2 3"},
		{"u{user_id}.{row}", "u17.1 u17.2 u21.3"},
		{"f{FORECAST_ID}", "f-200978 f-200979 f1203"}, // a column in another case
	} {
		tmpl, err := forecasts.ParseIDTemplate(tc.template)
		if err != nil {
			t.Fatal(err)
		}
		res, err := importText(gjpSheet, forecasts.ImportOptions{IDTemplate: tmpl, Override: manifestOK, IgnoreUnknown: true})
		if err != nil {
			t.Errorf("%s: %s", tc.template, errText(err))
			continue
		}
		if got := ids(res); got != tc.want {
			t.Errorf("%s: ids %s, want %s", tc.template, got, tc.want)
		}
		if res.ProbabilityColumn != "p" {
			t.Errorf("%s: ignored %q, probability from %q", tc.template, res.Ignored, res.ProbabilityColumn)
		}
		// The ids are the records' own from now on: export → import → export
		// gives the same bytes.
		var first, second bytes.Buffer
		if err := forecasts.WriteCSV(&first, res.Dataset); err != nil {
			t.Fatal(err)
		}
		back, err := (&forecasts.Loader{}).Import(bytes.NewReader(first.Bytes()), "export.csv", forecasts.ImportOptions{Format: forecasts.TableCSV})
		if err != nil {
			t.Fatalf("%s: import of the export: %s", tc.template, errText(err))
		}
		if err := forecasts.WriteCSV(&second, back.Dataset); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("%s: export → import → export changed the bytes\n%s---\n%s", tc.template, first.Bytes(), second.Bytes())
		}
	}

	// A table's own id column is replaced by the template, or used by it.
	withIDs := "id,question,forecaster,issued,p,outcome\n-7,Q?,F,1990,0.3,yes\n-8,Q?,F,1990,0.3,yes\n"
	for _, tc := range []struct{ template, want, ignored string }{{"{row}", "1 2", "id"}, {"n{id}", "n-7 n-8", ""}} {
		tmpl, _ := forecasts.ParseIDTemplate(tc.template)
		res, err := importText(withIDs, forecasts.ImportOptions{IDTemplate: tmpl, Override: manifestOK})
		if err != nil || ids(res) != tc.want || strings.Join(res.Ignored, ",") != tc.ignored {
			t.Errorf("%s: %s%+v", tc.template, errText(err), res)
		}
	}
}

// Ids a template makes that are not ids, or not unique, or made from an
// empty cell, are errors at the cell, naming the row; the record checks
// say nothing more of them.
func TestImportIDTemplateErrors(t *testing.T) {
	const sheet = "case,question,forecaster,issued,p,outcome\n" +
		"a 1,Will A?,F,1990,0.3,no\n" + // line 2: a space
		"b,Will B?,F,1990,0.3,no\n" +
		",Will C?,F,1990,0.3,no\n" + // line 4: empty
		"b,Will D?,F,1990,0.3,no\n" + // line 5: b again
		"c,Will E?,F,1990,0.3,maybe\n" // line 6: bad outcome, id fine
	tmpl, err := forecasts.ParseIDTemplate("x-{case}")
	if err != nil {
		t.Fatal(err)
	}
	opt := forecasts.ImportOptions{IDTemplate: tmpl, Override: manifestOK}
	_, err = importText(sheet, opt)
	want := `sheet.csv:2:1: id: row 1: --id-template "x-{case}" gives "x-a 1", which is not an id: an id uses letters, digits and . _ : - and starts with a letter or digit
sheet.csv:4:1: id: row 3: --id-template "x-{case}" needs case, which is empty in this row
sheet.csv:5:1: id: row 4: --id-template "x-{case}" gives "x-b", as it did for row 2 (line 3): ids must be unique; add {row}, or a column that tells the rows apart, to the template
sheet.csv:6:22: outcome: "maybe" is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map maybe=OUTCOME
`
	var rows *forecasts.RowsError
	if got := errText(err); got != want || !errors.As(err, &rows) || len(rows.Rejected) != 4 {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	opt.SkipInvalid = true
	res, err := importText(sheet, opt)
	if err != nil || ids(res) != "x-b" {
		t.Errorf("%s: ids %q", errText(err), ids(res))
	}

	// An id the dataset being added to has already.
	l := &forecasts.Loader{}
	ds, err := l.Load("testdata/valid/seminar.yaml")
	if err != nil {
		t.Fatal(formatErr(err))
	}
	tmpl, _ = forecasts.ParseIDTemplate("{case}")
	_, err = l.Import(strings.NewReader("case,question,forecaster,issued,p,outcome\nrange,Q?,F,1990,0.3,yes\n"), "more.csv",
		forecasts.ImportOptions{Format: forecasts.TableCSV, Manifest: &ds[0].Manifest, IDTemplate: tmpl})
	if want := `more.csv:2:1: id: row 1: --id-template "{case}" gives "range", the id of the record at testdata/valid/seminar.yaml:14:5: ids must be unique` + "\n"; errText(err) != want {
		t.Errorf("appending: %s", errText(err))
	}

	// JSON Lines: a missing key, an object.
	tmpl, _ = forecasts.ParseIDTemplate("q{qid}")
	_, err = importText(`{"question": "Q?", "forecaster": "F", "issued": "1990", "p": 0.3, "outcome": "no", "qid": 7}
{"question": "Q?", "forecaster": "F", "issued": "1990", "p": 0.3, "outcome": "no"}
{"question": "Q?", "forecaster": "F", "issued": "1990", "p": 0.3, "outcome": "no", "qid": {"n": 8}}
`, forecasts.ImportOptions{Format: forecasts.TableJSONL, IDTemplate: tmpl, Override: manifestOK})
	want = `sheet.jsonl:2:1: id: row 2: --id-template "q{qid}" needs qid, which is empty in this row
sheet.jsonl:3:91: id: row 3: --id-template "q{qid}" needs qid, which holds a mapping in this row, not text or a number
`
	if got := errText(err); got != want {
		t.Errorf("JSON Lines:\n%s\nwant:\n%s", got, want)
	}
}

// A template naming a column the file lacks is a problem with the
// columns; one that cannot be read, or clashes with a mapped id column,
// is a problem with the options.
func TestImportIDTemplateColumns(t *testing.T) {
	for _, tc := range []struct {
		template string
		columns  map[string]string
		want     string
	}{
		{"gjp-{forecastid}", nil, `sheet.csv:1:1: id: --id-template "gjp-{forecastid}" names column "forecastid", which the file does not have; did you mean "forecast_id"?` + "\n"},
		{"{nothing}", nil, `sheet.csv:1:1: id: --id-template "{nothing}" names column "nothing", which the file does not have; its columns: forecast_id, user_id, question, forecaster, issued, p, outcome` + "\n"},
		{"{row}", map[string]string{"user_id": "id"}, `column "user_id" is mapped to id, and --id-template "{row}" makes the ids: ids come from one or the other` + "\n"},
	} {
		tmpl, err := forecasts.ParseIDTemplate(tc.template)
		if err != nil {
			t.Fatal(err)
		}
		_, err = importText(gjpSheet, forecasts.ImportOptions{IDTemplate: tmpl, Columns: tc.columns, Override: manifestOK, IgnoreUnknown: true})
		var ce *forecasts.ColumnsError
		if got := errText(err); got != tc.want || errors.As(err, &ce) != strings.HasPrefix(tc.want, "sheet.csv") {
			t.Errorf("%s:\n got %s\nwant %s", tc.template, got, tc.want)
		}
	}
	for _, tc := range []struct{ template, want string }{
		{"gjp", `id template "gjp" names no column and not {row}: every row would get the same id`},
		{"gjp-{id", `id template "gjp-{id": a { is not closed: write {COLUMN} or {row}`},
		{"gjp-{a{b}}", `id template "gjp-{a{b}}": a { is not closed: write {COLUMN} or {row}`},
		{"gjp-}{id}", `id template "gjp-}{id}": a } closes no {`},
		{"gjp-{ }", `id template "gjp-{ }": {} names nothing: write {COLUMN} or {row}`},
	} {
		if _, err := forecasts.ParseIDTemplate(tc.template); err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v", tc.template, err)
		}
	}
	// A table with no id column and no template: the message says how to
	// make ids.
	_, err := importText(gjpSheet, forecasts.ImportOptions{Override: manifestOK, IgnoreUnknown: true})
	want := "sheet.csv:1:1: id: required column is missing: no column holds id; name one after it, map one with --map COLUMN=id, or make the ids with --id-template, such as {row} (the row's number) or gjp-{COLUMN}\n"
	if got := errText(err); got != want {
		t.Errorf("no id column:\n%s", got)
	}
	// An id column whose ids are not ids: the message says how to make them.
	_, err = importText("id,question,forecaster,issued,p,outcome\n-200978,Q?,F,1990,0.3,yes\n", forecasts.ImportOptions{Override: manifestOK})
	want = `sheet.csv:2:1: id: "-200978": an id uses letters, digits and . _ : - and starts with a letter or digit; to make ids from column id, import with --id-template, such as --id-template 'x{id}' (or '{row}' to number the rows)` + "\n"
	if got := errText(err); got != want {
		t.Errorf("bad ids:\n%s", got)
	}
}
