package forecasts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// jsonlRecord is a record as WriteJSONL writes it: the fields of the YAML
// format, in its order, with the same names and nesting. Derived values
// (p_event, dataset) are left out.
type jsonlRecord struct {
	ID          string     `json:"id"`
	Label       string     `json:"label,omitempty"`
	Question    string     `json:"question"`
	Happening   string     `json:"event,omitempty"`
	Forecaster  string     `json:"forecaster"`
	Audience    string     `json:"audience,omitempty"`
	Issued      Date       `json:"issued"`
	IssuedNote  string     `json:"issued_note,omitempty"`
	ResolvesBy  Date       `json:"resolves_by,omitzero"`
	Resolved    Date       `json:"resolved,omitzero"`
	Statement   Statement  `json:"statement,omitzero"`
	Negated     bool       `json:"negated,omitempty"`
	Options     []string   `json:"options,omitempty"`
	Ordered     bool       `json:"ordered,omitempty"`
	Estimate    Estimate   `json:"estimate"`
	CoderNote   string     `json:"coder_note,omitempty"`
	Outcome     Outcome    `json:"outcome"`
	OutcomeNote string     `json:"outcome_note,omitempty"`
	Sources     []Source   `json:"sources,omitempty"`
	Notes       []string   `json:"notes,omitempty"`
	Conflicts   []Conflict `json:"conflicts,omitempty"`
	Tags        Tags       `json:"tags,omitempty"`
}

// WriteJSONL writes ds as JSON Lines: a first line {"dataset": MANIFEST}
// and then one line per record, {"id": ..., "question": ..., ...}, with
// the fields, names and nesting of the YAML format (docs/format.md) in its
// order: statement {text, wording}, estimate {probability | range [low,
// high] | term, scale}, sources [{title, author, publisher, date, page,
// url, quote}], notes [...], tags {key: value} in written order. Dates are
// strings as written ("1978-08"), probabilities numbers; empty optional
// fields are left out, negated unless true; derived values (p_event,
// dataset) are not written. The JSON is compact, UTF-8, with <, > and &
// not escaped; every line ends with \n. ReadJSONL reads it back as the
// same dataset.
func WriteJSONL(w io.Writer, ds *Dataset) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Dataset Manifest `json:"dataset"`
	}{ds.Manifest}); err != nil {
		return err
	}
	for _, r := range ds.Records {
		if err := enc.Encode(jsonlRecord{
			ID: r.ID, Label: r.Label, Question: r.Question, Happening: r.Happening, Forecaster: r.Forecaster, Audience: r.Audience,
			Issued: r.Issued, IssuedNote: r.IssuedNote, ResolvesBy: r.ResolvesBy, Resolved: r.Resolved,
			Statement: r.Statement, Negated: r.Negated, Estimate: r.Estimate,
			Options: r.Options, Ordered: r.Ordered,
			CoderNote: r.CoderNote, Outcome: r.Outcome, OutcomeNote: r.OutcomeNote,
			Sources: r.Sources, Notes: r.Notes, Conflicts: r.Conflicts, Tags: r.Tags,
		}); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ReadJSONL reads a dataset written by WriteJSONL, checking it as Load
// checks a YAML file, against the built-in scales; file names the input
// in errors. See Loader.ReadJSONL.
func ReadJSONL(r io.Reader, file string) (*Dataset, error) {
	return (&Loader{}).ReadJSONL(r, file)
}

// ReadJSONL reads a dataset in the layout WriteJSONL writes: the first
// line {"dataset": MANIFEST}, then one JSON object per record. Blank lines
// are skipped. Every problem — JSON syntax, unknown or missing fields, bad
// values, duplicate ids (also against what the Loader read before) — is
// reported as the YAML loader reports it, FILE:LINE:COL: FIELD: message,
// with the column of the offending value; a bad line does not stop the
// others from being checked. On any problem the error is an ErrorList.
func (l *Loader) ReadJSONL(r io.Reader, file string) (*Dataset, error) {
	data, ok := l.readAll(r, file, MaxYAMLBytes)
	if !ok {
		return nil, l.finish()
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := &decoder{file: file, errs: &l.errs}
	ds := &Dataset{Files: []string{file}}
	var items []*yaml.Node
	first := true
	for i, ln := range splitLines(data) {
		line := bytes.TrimRight(data[ln.start:ln.end], "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		n, e := jsonNode(file, line, i+1, 1)
		if e != nil {
			l.errs = append(l.errs, e)
			first = false
			continue
		}
		if first {
			first = false
			if n.Kind == yaml.MappingNode && len(n.Content) >= 2 && n.Content[0].Value == "dataset" {
				if top, ok := d.object(n, "", "", []string{"dataset"}); ok && top.has("dataset") {
					ds.Manifest = d.manifest(top.value("dataset"), "dataset.")
				}
				continue
			}
			d.errorf(n, "dataset", `required field is missing: the first line holds the manifest, {"dataset": {"name": ..., "title": ..., "selection": ...}}`)
		}
		items = append(items, n)
	}
	if first {
		l.errs.Add(file, 1, 1, "", "the file is empty")
	}
	ds.Records = l.recordList(d, items, ds.Name)
	return ds, l.finish()
}

// recordList reads record nodes as the records: list of a YAML file is
// read, ids checked for duplicates the same way.
func (l *Loader) recordList(d *decoder, items []*yaml.Node, dataset string) []*Record {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
	top := &object{d: d, node: seq, keys: map[string]*yaml.Node{"records": seq}, values: map[string]*yaml.Node{"records": seq}}
	return l.records(d, top, dataset)
}

// jsonNode parses one JSON value, text, into the node tree the YAML
// decoder checks, each node at its line and column in the file: text
// starts at column col of line. A syntax error comes back as an Error
// at the place it was found.
func jsonNode(file string, text []byte, line, col int) (*yaml.Node, *Error) {
	p := &jsonParser{text: text, line: line, col: col}
	// Check the syntax first: Unmarshal reports where a mistake is
	// (Offset counts the bytes up to and including the bad one), which
	// the token reader below does not do reliably.
	if err := json.Unmarshal(text, new(json.RawMessage)); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return nil, &Error{File: file, Line: line, Col: col, Msg: "JSON: " + err.Error()}
		}
		off := int(se.Offset) - 1
		if strings.HasPrefix(se.Error(), "unexpected end") {
			off = len(bytes.TrimRight(text, " \t\r\n")) // just after the last character
		}
		return nil, &Error{File: file, Line: line, Col: p.column(max(off, 0)), Msg: "JSON syntax: " + se.Error()}
	}
	p.dec = json.NewDecoder(bytes.NewReader(text))
	p.dec.UseNumber()
	n, err := p.value()
	if err != nil {
		return nil, &Error{File: file, Line: line, Col: col, Msg: "JSON: " + err.Error()}
	}
	return n, nil
}

type jsonParser struct {
	text      []byte
	dec       *json.Decoder
	line, col int
}

// column is the column of byte offset off of the text, in characters.
func (p *jsonParser) column(off int) int {
	return p.col + utf8.RuneCount(p.text[:min(off, len(p.text))])
}

// next returns the position of the next token: the decoder's offset is
// just after the previous one, before any white space, comma or colon.
func (p *jsonParser) next() (line, col int) {
	off := int(p.dec.InputOffset())
	for off < len(p.text) && strings.IndexByte(" \t\r\n,:", p.text[off]) >= 0 {
		off++
	}
	return p.line, p.column(off)
}

func (p *jsonParser) value() (*yaml.Node, error) {
	line, col := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for p.dec.More() {
				kl, kc := p.next()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string) // the decoder allows only strings as keys
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: kl, Column: kc}, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for p.dec.More() {
				v, err := p.value()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", t)
		}
		if _, err := p.dec.Token(); err != nil { // the closing } or ]
			return nil, err
		}
	case string:
		n.Tag, n.Value = "!!str", t
	case json.Number:
		n.Tag, n.Value = "!!float", t.String()
	case bool:
		n.Tag, n.Value = "!!bool", fmt.Sprint(t)
	case nil:
		n.Tag, n.Value = "!!null", "null"
	}
	return n, nil
}
