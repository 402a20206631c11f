package forecasts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// A naive reference reader, built on encoding/csv and encoding/json and
// the rules of the package documentation, to check the fast one against.

var refNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func refTrim(s string) string { return strings.Trim(s, " \t") }

// refRow applies the value rules to one row's text values (nil: a JSON
// null) and adds a good row to m, and, with Percent, a good probability
// to st's Percent counts. It returns "good", "skip" or "bad".
func refRow(m tableMerged, st *TableStats, opt TableOptions, val0 func(name string) (s string, null, ok bool)) string {
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	// With Percent, a probability may have a % sign after it.
	signed := false
	val := func(name string) (string, bool, bool) {
		s, null, ok := val0(name)
		if opt.Percent && name == or(opt.Probability, "probability") {
			if t, cut := strings.CutSuffix(refTrim(s), "%"); cut {
				s, signed = t, true
			}
		}
		return s, null, ok
	}
	num := func(name string) (float64, bool) {
		s, null, ok := val(name)
		if !ok || null || !refNumber.MatchString(refTrim(s)) {
			return 0, false
		}
		x, err := strconv.ParseFloat(refTrim(s), 64)
		if err != nil && !math.IsInf(x, 0) {
			panic(err)
		}
		return x, true
	}
	// Percentages are divided exactly, then rounded once.
	percent := func(name string) (float64, bool) {
		s, _, _ := val(name)
		r, ok := new(big.Rat).SetString(strings.TrimPrefix(refTrim(s), "+"))
		if !ok {
			return 0, false
		}
		x, _ := r.Quo(r, big.NewRat(100, 1)).Float64()
		return x, true
	}
	ps, pnull, pok := val0(or(opt.Probability, "probability"))
	if pok && (pnull || refTrim(ps) == "" || refTrim(ps) == "NA" || refTrim(ps) == "na") {
		return "skip"
	}
	p, ok := num(or(opt.Probability, "probability"))
	if ok && opt.Percent {
		if x, okR := percent(or(opt.Probability, "probability")); okR {
			p = x
		} else {
			p = p / 100 // an exponent too large for big.Rat: 0 or infinite anyway
		}
	}
	good := ok && 0 <= p && p <= 1
	if good && opt.Percent && p != 0 { // a 0 reads the same either way
		if signed {
			st.PercentSigned++
		} else {
			st.PercentPlain++
		}
		if p > 0.01 {
			st.PercentAbove1++
		}
	}
	var n, yes float64
	if opt.Counts {
		var okN, okY bool
		n, okN = num(or(opt.N, "n"))
		yes, okY = num(or(opt.NYes, "n_yes"))
		good = good && okN && okY && n >= 0 && yes >= 0 && yes <= n && !math.IsInf(n, 0)
	} else {
		n = 1
		if opt.Weight != "" {
			var okW bool
			n, okW = num(opt.Weight)
			good = good && okW && n >= 0 && !math.IsInf(n, 0)
		}
		s, null, ok := val(or(opt.Outcome, "outcome"))
		switch strings.ToLower(refTrim(s)) {
		case "1", "yes", "true":
			yes = n
		case "0", "no", "false":
		default:
			good = false
		}
		good = good && ok && !null
	}
	key := make([]string, len(opt.Groups))
	for i, g := range opt.Groups {
		s, _, ok := val(g)
		good = good && ok && utf8.ValidString(s)
		key[i] = refTrim(s)
	}
	if !good {
		return "bad"
	}
	k := strings.Join(key, "|")
	if m[k] == nil {
		m[k] = make(map[float64][2]float64)
	}
	if p == 0 {
		p = 0 // not -0
	}
	c := m[k][p]
	m[k][p] = [2]float64{c[0] + n, c[1] + yes}
	return "good"
}

// refReadCSV reads in with encoding/csv. ok is false when encoding/csv
// finds an error or the header lacks a needed column.
func refReadCSV(in string, opt TableOptions) (st TableStats, m tableMerged, ok bool) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(in, "\uFEFF")))
	if opt.Comma != 0 {
		r.Comma = rune(opt.Comma)
	}
	header, err := r.Read()
	if err != nil {
		return st, nil, false
	}
	col := make(map[string]int)
	for i, h := range header {
		h = refTrim(h)
		if _, dup := col[h]; dup {
			col[h] = -1
		} else {
			col[h] = i
		}
	}
	needed := append([]string{opt.Probability, opt.Outcome, opt.Weight}, opt.Groups...)
	if opt.Counts {
		needed = append([]string{opt.Probability, opt.N, opt.NYes}, opt.Groups...)
	}
	for i, def := range []string{"probability", "outcome", ""} {
		if opt.Counts {
			def = []string{"probability", "n", "n_yes"}[i]
		}
		if needed[i] == "" {
			needed[i] = def
		}
	}
	for _, name := range needed {
		if i, ok := col[name]; name != "" && (!ok || i < 0) {
			return st, nil, false
		}
	}
	m = make(tableMerged)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, nil, false
		}
		st.Rows++
		res := refRow(m, &st, opt, func(name string) (string, bool, bool) {
			i, ok := col[name]
			if !ok || i < 0 {
				return "", false, false
			}
			return rec[i], false, true
		})
		switch res {
		case "skip":
			st.Skipped++
		case "bad":
			st.Bad++
		}
	}
	return st, m, true
}

// refReadJSONL reads in with encoding/json, a line at a time.
func refReadJSONL(in string, opt TableOptions) (st TableStats, m tableMerged) {
	m = make(tableMerged)
	for line := range strings.Lines(strings.TrimPrefix(in, "\uFEFF")) {
		if strings.Trim(line, " \t\r\n") == "" {
			continue
		}
		st.Rows++
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			st.Bad++
			continue
		}
		res := refRow(m, &st, opt, func(name string) (string, bool, bool) {
			raw, ok := obj[name]
			if !ok {
				return "", false, false
			}
			var v any
			d := json.NewDecoder(bytes.NewReader(raw))
			d.UseNumber()
			if err := d.Decode(&v); err != nil {
				panic(err)
			}
			switch v := v.(type) {
			case nil:
				return "", true, true
			case string:
				return v, false, true
			case json.Number:
				return string(v), false, true
			case bool:
				return strconv.FormatBool(v), false, true
			}
			return "{}", false, false
		})
		switch res {
		case "skip":
			st.Skipped++
		case "bad":
			st.Bad++
		}
	}
	return st, m
}

// Pieces of generated tables: values good and bad, written in the ways
// a CSV or JSON writer might.
var (
	refProbs    = []string{"0.37", "0.5", ".25", "1", "0", "0.", "1e-2", "0.123456789012345678", "  0.7 ", "0.05", "-0", "NA", "", "na", "1.5", "x", "37", "0.3333333333333333", "33.3333333333333333", "7e0", "0.7E+1", "+12.5", "70%", " 12.5 % ", "0.5%", "%", "150%", "7%%", "% 7"}
	refOutcomes = []string{"1", "0", "yes", "no", "TRUE", "False", " 1 ", "maybe", ""}
	refGroups   = []string{"a", "b", "a,b", `say "hi"`, "two\nlines", "crlf\r\nline", "é", " padded ", "", "x;y", "tab\tin"}
	refWeights  = []string{"1", "2", "0", "3.5", "1e1", "-1", ""}
)

// refGenerateCSV writes a CSV table of rows rows with a BOM, CRLF and
// LF line ends, blank lines, quoted fields and an unused column.
func refGenerateCSV(rng *rand.Rand, rows int) string {
	var b strings.Builder
	b.WriteString("\uFEFF")
	quote := func(s string) string {
		if strings.ContainsAny(s, ",\"\r\n") || rng.IntN(5) == 0 {
			return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		return s
	}
	pick := func(vs []string) string { return vs[rng.IntN(len(vs))] }
	eol := func() string {
		if rng.IntN(3) == 0 {
			return "\r\n"
		}
		return "\n"
	}
	b.WriteString("note,probability,g,outcome,w" + eol())
	for range rows {
		if rng.IntN(50) == 0 {
			b.WriteString(eol())
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s%s", quote(pick(refGroups)), quote(pick(refProbs)), quote(pick(refGroups)),
			quote(pick(refOutcomes)), quote(pick(refWeights)), eol())
	}
	return b.String()
}

func TestReadTableMatchesEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	in := refGenerateCSV(rng, 20000)
	for _, opt := range []TableOptions{
		{Format: TableCSV, Groups: []string{"g"}, Weight: "w"},
		{Format: TableCSV, Groups: []string{"note", "g"}},
		{Format: TableCSV, Percent: true},
	} {
		wantSt, want, ok := refReadCSV(in, opt)
		if !ok {
			t.Fatal("encoding/csv cannot read the generated table")
		}
		if wantSt.Rows != 20000 || wantSt.Bad == 0 || wantSt.Skipped == 0 {
			t.Fatalf("generated table: %+v; want 20000 rows, some bad and some skipped", wantSt)
		}
		got := readTableWays(t, "gen.csv", in, opt, false, []int{100, 4096, 0}, []int{1, 2, 5})
		wantSt.Errors, wantSt.Bytes = got.Stats.Errors, int64(len(in))
		if got.Stats != wantSt {
			t.Errorf("%+v: stats %+v, encoding/csv gives %+v", opt, got.Stats, wantSt)
		}
		if got.Tally != want.String() {
			t.Errorf("%+v: tallies differ from encoding/csv's:\n%s", opt, tableDiff(got.Tally, want.String()))
		}
	}
}

func TestReadTableMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	pick := func(vs []string) string { return vs[rng.IntN(len(vs))] }
	var b strings.Builder
	for range 20000 {
		obj := map[string]any{}
		switch p := pick(refProbs); rng.IntN(4) {
		case 0:
			if refNumber.MatchString(p) && json.Valid([]byte(p)) {
				obj["probability"] = json.RawMessage(p)
			} else {
				obj["probability"] = p
			}
		case 1:
			obj["probability"] = nil
		default:
			obj["probability"] = p
		}
		switch o := pick(refOutcomes); rng.IntN(3) {
		case 0:
			obj["outcome"] = o == "1" || o == "yes"
		case 1:
			obj["outcome"] = json.RawMessage(map[bool]string{true: "1", false: "0"}[o == "1"])
		default:
			obj["outcome"] = o
		}
		if rng.IntN(10) > 0 {
			obj["g"] = pick(refGroups) + pick([]string{"", "<&>", "\u2028", "😀", "\x01"})
		}
		obj["w"] = json.RawMessage(pick([]string{"1", "2", "0.5", "1e1", "-1", `"3"`, "null"}))
		obj["extra"] = map[string]any{"list": []any{1, "two", nil, true}}
		line, err := json.Marshal(obj)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteString(pick([]string{"\n", "\r\n", "\n\n"}))
	}
	in := b.String()
	opt := TableOptions{Format: TableJSONL, Groups: []string{"g"}, Weight: "w"}
	wantSt, want := refReadJSONL(in, opt)
	if wantSt.Bad == 0 || wantSt.Skipped == 0 {
		t.Fatalf("generated table: %+v; want some bad and some skipped rows", wantSt)
	}
	got := readTableWays(t, "gen.jsonl", in, opt, false, []int{100, 4096, 0}, []int{1, 2, 5})
	wantSt.Errors, wantSt.Bytes = got.Stats.Errors, int64(len(in))
	if got.Stats != wantSt {
		t.Errorf("stats %+v, encoding/json gives %+v", got.Stats, wantSt)
	}
	if got.Tally != want.String() {
		t.Errorf("tallies differ from encoding/json's:\n%s", tableDiff(got.Tally, want.String()))
	}
}

// tableDiff lists the lines only in got (-) or only in want (+), at most 20.
func tableDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out[:min(len(out), 20)], "\n")
}
