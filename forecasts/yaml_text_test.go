package forecasts

import (
	"strings"
	"testing"
)

// Every problem the YAML parser finds is placed on a line of the file:
// on the first line (which the parser leaves unnumbered), on the line of
// the problem (the parser numbers its own problems from 0), at the
// character that is not text, at the alias that names no anchor.
func TestYAMLProblemsArePositioned(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`"`, "f.yaml:1: YAML syntax: found unexpected end of stream"},
		{"[", "f.yaml:1: YAML syntax: did not find expected node content"},
		{"records: [\n", "f.yaml:1: YAML syntax: did not find expected node content"},
		{"a: b\n- c\n", "f.yaml:2: YAML syntax: did not find expected key"},
		{"dataset:\n  name: x\n title: y\n", "f.yaml:3: YAML syntax: did not find expected key"},
		{"a: [1,\n 2,\n 3\nb: 4\n", "f.yaml:4: YAML syntax: did not find expected ',' or ']'"},
		{"a:\n\tb: c\n", "f.yaml:2: YAML syntax: found character that cannot start any token"},
		{"x: *nope\n", "f.yaml:1: YAML syntax: *nope refers to no anchor &nope before it"},
		{"a: &a 1\nb: [*a, *ab]\nab: &ab 1\n", "f.yaml:2: YAML syntax: *ab refers to no anchor &ab before it"},
		{"dataset: {name: x}\nrecords: \xff\n", "f.yaml:2:10: not valid UTF-8 text (byte 0xff): save the file as UTF-8"},
		{"dataset: caf\xe9\n", "f.yaml:1:13: not valid UTF-8 text (byte 0xe9): save the file as UTF-8"}, // Latin-1
		{"a: ü\x01\n", "f.yaml:1:5: the file holds the control character U+0001, which YAML does not allow"},
		{"a: \x00\n", "f.yaml:1:4: the file holds a zero byte, which text does not: is it UTF-16? save it as UTF-8"},
		{"\xff\xfed\x00a\x00", "f.yaml:1:1: the file is UTF-16 text; save it as UTF-8"},
		{"\xfe\xff\x00d\x00a", "f.yaml:1:1: the file is UTF-16 text; save it as UTF-8"},
		{"# comments\n\n# only\n", "f.yaml:1:1: the file holds no YAML document, only comments"},
		// A second document that is not YAML is not ignored.
		{"dataset: {}\nrecords: []\n---\n[\n", "f.yaml:4: YAML syntax: did not find expected node content"},
		{"dataset: {}\nrecords: []\n---\na: 1\n", "f.yaml:3:1: a dataset file holds one YAML document; found a second one (---)"},
	} {
		_, err := ReadYAML(strings.NewReader(tc.in), "f.yaml")
		list, _ := err.(ErrorList)
		if len(list) == 0 || list[0].Error() != tc.want {
			t.Errorf("%q:\ngot  %v\nwant %s", tc.in, err, tc.want)
		}
	}
}

// A BOM and CRLF line ends are text like any other.
func TestYAMLBOMAndCRLF(t *testing.T) {
	const seminar = "dataset: {name: s, title: S, selection: all}\nrecords:\n  - id: a\n    question: Q?\n    forecaster: F\n    issued: 1990\n    estimate: {term: '  Very   LIKELY ', scale: icd-203}\n    outcome: yes\n"
	for _, in := range []string{seminar, "\xef\xbb\xbf" + seminar, strings.ReplaceAll(seminar, "\n", "\r\n")} {
		ds, err := ReadYAML(strings.NewReader(in), "f.yaml")
		if err != nil {
			t.Fatalf("%q: %v", in, formatAny(err))
		}
		if r := ds.Records[0]; r.Event.Point != 0.875 {
			t.Errorf("%q: P(event) %+v, want the point 0.875 of very likely", in, r.Event)
		}
	}
}
