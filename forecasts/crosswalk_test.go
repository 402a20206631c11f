package forecasts

import "testing"

func TestCrosswalkTranslate(t *testing.T) {
	scales := BuiltinScales()
	cw := BuiltinCrosswalk()
	get := func(scale, term string) *Term {
		sc, ok := scales.Get(scale)
		if !ok {
			t.Fatalf("no scale %s", scale)
		}
		tm, ok := sc.Lookup(term)
		if !ok {
			t.Fatalf("no term %q on %s", term, scale)
		}
		return tm
	}
	for _, tc := range []struct {
		fromScale, term, to, want string // want "" means no counterpart
	}{
		{"kent-1964", "probable", "icd-203", "likely"},
		{"kent-1964", "probably", "uk-phia", "likely or probable"},
		{"icd-203", "probable", "kent-1964", "probable"},
		{"kent-1964", "almost certain", "uk-phia", "almost certain"},
		{"kent-1964", "almost certainly not", "icd-203", "almost no chance"},
		{"icd-203", "very likely", "kent-1964", ""},
		{"uk-phia", "remote chance", "mauboussin-2018", ""},
		{"mauboussin-2018", "serious possibility", "icd-203", "likely"},
	} {
		to, _ := scales.Get(tc.to)
		u, ok := cw.Translate(get(tc.fromScale, tc.term), to)
		got := ""
		if ok {
			got = u.Term
		}
		if got != tc.want {
			t.Errorf("%s %q on %s = %q, want %q", tc.fromScale, tc.term, tc.to, got, tc.want)
		}
	}
}

func TestRecode(t *testing.T) {
	scales := BuiltinScales()
	cw := BuiltinCrosswalk()
	p := 0.3
	numeric := &Record{Estimate: Estimate{Probability: &p}, Event: Interval{0.3, 0.3, 0.3}}
	if c := cw.Recode(numeric, scales, "icd-203"); c.Event != numeric.Event || c.Translated || c.Missing {
		t.Errorf("a numeric estimate must not change: %+v", c)
	}
	// "could not capture", coded as Kent's "almost certain" of the negated
	// statement: on ICD 203, "almost certain" is 95–99%, so P(event) is 1–5%.
	negated := &Record{Negated: true, Estimate: Estimate{Term: "almost certain", Scale: "kent-1964"}, Event: Interval{0.01, 0.07, 0.13}}
	c := cw.Recode(negated, scales, "icd-203")
	if want := (Interval{Low: 0.01, Point: 0.03, High: 0.05}); c.Event != want || !c.Translated || c.Term != "almost certain" {
		t.Errorf("negated on icd-203 = %+v, want %+v", c, want)
	}
	veryLikely := &Record{Estimate: Estimate{Term: "very likely", Scale: "icd-203"}, Event: Interval{0.8, 0.875, 0.95}}
	if c := cw.Recode(veryLikely, scales, "kent-1964"); !c.Missing || c.Event != veryLikely.Event || c.Note == "" {
		t.Errorf("a term with no counterpart must be kept and reported: %+v", c)
	}
}

func TestReading(t *testing.T) {
	iv := Interval{Low: 0.2, Point: 0.325, High: 0.45}
	if iv.Read(ReadLow) != 0.2 || iv.Read(ReadPoint) != 0.325 || iv.Read(ReadHigh) != 0.45 {
		t.Error("Read picks the wrong end")
	}
}
