package forecasts

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Draft is a record as a person typed it: every field as text, not yet
// checked. It is written as YAML (Draft.YAML, AppendRecord) and checked by
// loading the file it was written into, so that every problem is reported
// the way the loader reports it, with the field and position. Empty fields
// are left out.
type Draft struct {
	ID, Question, Forecaster, Audience string
	Issued, IssuedNote                 string // dates as typed: YYYY, YYYY-MM or YYYY-MM-DD
	ResolvesBy, Resolved               string
	Statement, Wording                 string // statement.text and statement.wording
	Negated                            bool
	// The estimate: Probability, or Range ([low, high]), or Term on
	// Scale, optionally narrowed by Range; numbers as typed.
	Probability string
	Range       []string
	Term, Scale string
	CoderNote   string
	Outcome     string
	OutcomeNote string
	Sources     []DraftSource
	Notes       []string
	Tags        Tags
}

// DraftSource is a source as typed.
type DraftSource struct {
	Title, Author, Publisher, Date, Page, URL, Quote string
}

// IsZero reports whether every field of the source is empty.
func (s DraftSource) IsZero() bool { return s == DraftSource{} }

// YAML writes the draft as one YAML mapping, fields in the order of
// docs/format.md, two spaces to an indent, text quoted only where YAML
// needs it; lines are not wrapped.
func (d *Draft) YAML() []byte {
	b, err := encodeYAMLNode(d.node())
	if err != nil {
		// Every scalar is valid UTF-8 text (see text), so the encoder has
		// nothing to refuse.
		panic("forecasts: encoding a draft: " + err.Error())
	}
	return b
}

// draftOf writes a checked record back as text, exactly: numbers in the
// shortest form that reads back as the same float64, dates as written.
func draftOf(r *Record) *Draft {
	d := &Draft{
		ID: r.ID, Question: r.Question, Forecaster: r.Forecaster, Audience: r.Audience,
		Issued: r.Issued.String(), IssuedNote: r.IssuedNote,
		ResolvesBy: r.ResolvesBy.String(), Resolved: r.Resolved.String(),
		Statement: r.Statement.Text, Wording: string(r.Statement.Wording),
		Negated: r.Negated,
		Term:    r.Estimate.Term, Scale: r.Estimate.Scale,
		CoderNote: r.CoderNote, Outcome: string(r.Outcome), OutcomeNote: r.OutcomeNote,
		Notes: r.Notes, Tags: r.Tags,
	}
	if p := r.Estimate.Probability; p != nil {
		d.Probability = formatNumber(*p)
	}
	if rg := r.Estimate.Range; rg != nil {
		d.Range = []string{formatNumber(rg[0]), formatNumber(rg[1])}
	}
	for _, s := range r.Sources {
		d.Sources = append(d.Sources, DraftSource{
			Title: s.Title, Author: s.Author, Publisher: s.Publisher, Date: s.Date.String(),
			Page: s.Page, URL: s.URL, Quote: s.Quote,
		})
	}
	return d
}

// formatNumber writes x in decimal, in the fewest digits that read back
// as x: 0.3, 0.00001, 1.
func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// node builds the draft's YAML mapping.
func (d *Draft) node() *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, pair("id", text(d.ID))...) // always written, so a missing id is reported as empty
	addText(m, "question", d.Question)
	addText(m, "forecaster", d.Forecaster)
	addText(m, "audience", d.Audience)
	addText(m, "issued", d.Issued, date)
	addText(m, "issued_note", d.IssuedNote)
	addText(m, "resolves_by", d.ResolvesBy, date)
	addText(m, "resolved", d.Resolved, date)
	if d.Statement != "" || d.Wording != "" {
		st := &yaml.Node{Kind: yaml.MappingNode}
		addText(st, "text", d.Statement)
		addText(st, "wording", d.Wording)
		m.Content = append(m.Content, pair("statement", st)...)
	}
	if d.Negated {
		m.Content = append(m.Content, pair("negated", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"})...)
	}
	est := &yaml.Node{Kind: yaml.MappingNode}
	addText(est, "probability", d.Probability, number)
	if d.Range != nil {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, x := range d.Range {
			seq.Content = append(seq.Content, number(x))
		}
		est.Content = append(est.Content, pair("range", seq)...)
	}
	addText(est, "term", d.Term)
	addText(est, "scale", d.Scale)
	if len(est.Content) > 0 {
		m.Content = append(m.Content, pair("estimate", est)...)
	}
	addText(m, "coder_note", d.CoderNote)
	addText(m, "outcome", d.Outcome)
	addText(m, "outcome_note", d.OutcomeNote)
	if len(d.Sources) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range d.Sources {
			sm := &yaml.Node{Kind: yaml.MappingNode}
			addText(sm, "title", s.Title)
			addText(sm, "author", s.Author)
			addText(sm, "publisher", s.Publisher)
			addText(sm, "date", s.Date, date)
			addText(sm, "page", s.Page)
			addText(sm, "url", s.URL)
			addText(sm, "quote", s.Quote)
			seq.Content = append(seq.Content, sm)
		}
		m.Content = append(m.Content, pair("sources", seq)...)
	}
	if len(d.Notes) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, n := range d.Notes {
			seq.Content = append(seq.Content, text(n))
		}
		m.Content = append(m.Content, pair("notes", seq)...)
	}
	if len(d.Tags) > 0 {
		tm := &yaml.Node{Kind: yaml.MappingNode}
		for _, t := range d.Tags {
			tm.Content = append(tm.Content, text(t.Key), text(t.Value))
		}
		m.Content = append(m.Content, pair("tags", tm)...)
	}
	return m
}

// manifestNode builds the manifest's YAML mapping; name, title and
// selection are always written.
func manifestNode(m *Manifest) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	n.Content = append(n.Content, pair("name", text(m.Name))...)
	n.Content = append(n.Content, pair("title", text(m.Title))...)
	addText(n, "description", m.Description)
	addText(n, "licence", m.Licence)
	addText(n, "citation", m.Citation)
	addText(n, "version", m.Version)
	n.Content = append(n.Content, pair("selection", text(string(m.Selection)))...)
	addText(n, "selection_note", m.SelectionNote)
	return n
}

func pair(key string, v *yaml.Node) []*yaml.Node {
	return []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v}
}

// addText adds key: value when value is not empty; as makes the scalar
// (text when not given).
func addText(m *yaml.Node, key, value string, as ...func(string) *yaml.Node) {
	if value == "" {
		return
	}
	scalar := text
	if len(as) > 0 {
		scalar = as[0]
	}
	m.Content = append(m.Content, pair(key, scalar(value))...)
}

// text is a scalar that reads back as exactly s, tagged as text so that
// the encoder quotes it wherever YAML would read it as something else
// (null, true, 12, 1.10, "a: b"). Bytes that are not valid UTF-8, which a
// YAML file cannot hold, are replaced.
func text(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.ToValidUTF8(s, "\uFFFD")}
}

// number is a scalar written plain, as the format's examples write
// probabilities (0.3), when s is a number; otherwise it is text, and the
// loader reports it.
func number(s string) *yaml.Node {
	if _, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "xXnN_") {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	}
	return text(s)
}

// date is a scalar written plain (1979-01-07) when s is a date; otherwise
// it is text, and the loader reports it.
func date(s string) *yaml.Node {
	if _, err := ParseDate(s); err == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	}
	return text(s)
}

// encodeYAMLNode encodes one node as a YAML document with two-space indents.
func encodeYAMLNode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// indentYAML prefixes the first line of a YAML text with first and every
// other non-empty line with rest. Empty lines stay empty: inside a block
// scalar they may be less indented than its text.
func indentYAML(text []byte, first, rest string) []byte {
	var b bytes.Buffer
	for i, line := range strings.SplitAfter(string(text), "\n") {
		if line == "" {
			continue
		}
		switch {
		case i == 0:
			b.WriteString(first)
		case line != "\n" && line != "\r\n":
			b.WriteString(rest)
		}
		b.WriteString(line)
	}
	return b.Bytes()
}
