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
	ID, Label, Question, Forecaster string
	Event                           string // the happening's slug
	Audience                        string
	Issued, IssuedNote              string // dates as typed: YYYY, YYYY-MM or YYYY-MM-DD
	ResolvesBy, Resolved            string
	Statement, Wording              string // statement.text and statement.wording
	Negated                         bool
	// The estimate: Probability, or Range ([low, high]), or Term on
	// Scale, optionally narrowed by Range; numbers as typed.
	Probability string
	Range       []string
	Term, Scale string
	// A question with options: the options, whether they are ordered,
	// and each one's probability as typed (in the order of Options).
	Options       []string
	Ordered       bool
	Probabilities []DraftProb
	CoderNote     string
	Outcome       string
	OutcomeNote   string
	Sources       []DraftSource
	Notes         []string
	Conflicts     []Conflict
	Tags          Tags
}

// DraftProb is one option's probability as typed.
type DraftProb struct{ Option, P string }

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
		// Every scalar is valid UTF-8 text (see yamlText), so the encoder has
		// nothing to refuse.
		panic("forecasts: encoding a draft: " + err.Error())
	}
	return b
}

// draftOf writes a checked record back as text, exactly: numbers in the
// shortest form that reads back as the same float64, dates as written.
func draftOf(r *Record) *Draft {
	d := &Draft{
		ID: r.ID, Label: r.Label, Question: r.Question, Event: r.Happening, Forecaster: r.Forecaster, Audience: r.Audience,
		Issued: r.Issued.String(), IssuedNote: r.IssuedNote,
		ResolvesBy: r.ResolvesBy.String(), Resolved: r.Resolved.String(),
		Statement: r.Statement.Text, Wording: string(r.Statement.Wording),
		Negated: r.Negated,
		Term:    r.Estimate.Term, Scale: r.Estimate.Scale,
		CoderNote: r.CoderNote, Outcome: string(r.Outcome), OutcomeNote: r.OutcomeNote,
		Notes: r.Notes, Conflicts: r.Conflicts, Tags: r.Tags,
	}
	if p := r.Estimate.Probability; p != nil {
		d.Probability = formatNumber(*p)
	}
	if rg := r.Estimate.Range; rg != nil {
		d.Range = []string{formatNumber(rg[0]), formatNumber(rg[1])}
	}
	d.Options, d.Ordered = r.Options, r.Ordered
	for _, p := range r.Estimate.Probabilities {
		d.Probabilities = append(d.Probabilities, DraftProb{Option: p.Option, P: formatNumber(p.P)})
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
	m.Content = append(m.Content, yamlPair("id", yamlText(d.ID))...) // always written, so a missing id is reported as empty
	addYAMLText(m, "label", d.Label)
	addYAMLText(m, "question", d.Question)
	addYAMLText(m, "event", d.Event)
	addYAMLText(m, "forecaster", d.Forecaster)
	addYAMLText(m, "audience", d.Audience)
	addYAMLText(m, "issued", d.Issued, yamlDate)
	addYAMLText(m, "issued_note", d.IssuedNote)
	addYAMLText(m, "resolves_by", d.ResolvesBy, yamlDate)
	addYAMLText(m, "resolved", d.Resolved, yamlDate)
	if d.Statement != "" || d.Wording != "" {
		st := &yaml.Node{Kind: yaml.MappingNode}
		addYAMLText(st, "text", d.Statement)
		addYAMLText(st, "wording", d.Wording)
		m.Content = append(m.Content, yamlPair("statement", st)...)
	}
	if d.Negated {
		m.Content = append(m.Content, yamlPair("negated", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"})...)
	}
	if len(d.Options) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, o := range d.Options {
			seq.Content = append(seq.Content, yamlText(o))
		}
		m.Content = append(m.Content, yamlPair("options", seq)...)
	}
	if d.Ordered {
		m.Content = append(m.Content, yamlPair("ordered", &yaml.Node{Kind: yaml.ScalarNode, Value: "true"})...)
	}
	est := &yaml.Node{Kind: yaml.MappingNode}
	addYAMLText(est, "probability", d.Probability, yamlNumber)
	if d.Range != nil {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, x := range d.Range {
			seq.Content = append(seq.Content, yamlNumber(x))
		}
		est.Content = append(est.Content, yamlPair("range", seq)...)
	}
	addYAMLText(est, "term", d.Term)
	addYAMLText(est, "scale", d.Scale)
	if len(d.Probabilities) > 0 {
		pm := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for _, p := range d.Probabilities {
			pm.Content = append(pm.Content, yamlText(p.Option), yamlNumber(p.P))
		}
		est.Content = append(est.Content, yamlPair("probabilities", pm)...)
	}
	if len(est.Content) > 0 {
		m.Content = append(m.Content, yamlPair("estimate", est)...)
	}
	addYAMLText(m, "coder_note", d.CoderNote)
	addYAMLText(m, "outcome", d.Outcome)
	addYAMLText(m, "outcome_note", d.OutcomeNote)
	if len(d.Sources) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range d.Sources {
			sm := &yaml.Node{Kind: yaml.MappingNode}
			addYAMLText(sm, "title", s.Title)
			addYAMLText(sm, "author", s.Author)
			addYAMLText(sm, "publisher", s.Publisher)
			addYAMLText(sm, "date", s.Date, yamlDate)
			addYAMLText(sm, "page", s.Page)
			addYAMLText(sm, "url", s.URL)
			addYAMLText(sm, "quote", s.Quote)
			seq.Content = append(seq.Content, sm)
		}
		m.Content = append(m.Content, yamlPair("sources", seq)...)
	}
	if len(d.Notes) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, n := range d.Notes {
			seq.Content = append(seq.Content, yamlText(n))
		}
		m.Content = append(m.Content, yamlPair("notes", seq)...)
	}
	if len(d.Conflicts) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, c := range d.Conflicts {
			cm := &yaml.Node{Kind: yaml.MappingNode}
			addYAMLText(cm, "about", c.About)
			rs := &yaml.Node{Kind: yaml.SequenceNode}
			for _, r := range c.Readings {
				rs.Content = append(rs.Content, yamlText(r))
			}
			cm.Content = append(cm.Content, yamlPair("readings", rs)...)
			addYAMLText(cm, "consequence", c.Consequence)
			seq.Content = append(seq.Content, cm)
		}
		m.Content = append(m.Content, yamlPair("conflicts", seq)...)
	}
	if len(d.Tags) > 0 {
		tm := &yaml.Node{Kind: yaml.MappingNode}
		for _, t := range d.Tags {
			tm.Content = append(tm.Content, yamlText(t.Key), yamlText(t.Value))
		}
		m.Content = append(m.Content, yamlPair("tags", tm)...)
	}
	return m
}

// manifestNode builds the manifest's YAML mapping; name, title and
// selection are always written.
func manifestNode(m *Manifest) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	n.Content = append(n.Content, yamlPair("name", yamlText(m.Name))...)
	n.Content = append(n.Content, yamlPair("title", yamlText(m.Title))...)
	addYAMLText(n, "description", m.Description)
	addYAMLText(n, "licence", m.Licence)
	addYAMLText(n, "citation", m.Citation)
	addYAMLText(n, "version", m.Version)
	n.Content = append(n.Content, yamlPair("selection", yamlText(string(m.Selection)))...)
	addYAMLText(n, "selection_note", m.SelectionNote)
	return n
}

func yamlPair(key string, v *yaml.Node) []*yaml.Node {
	return []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v}
}

// addYAMLText adds key: value when value is not empty; as makes the scalar
// (yamlText when not given).
func addYAMLText(m *yaml.Node, key, value string, as ...func(string) *yaml.Node) {
	if value == "" {
		return
	}
	scalar := yamlText
	if len(as) > 0 {
		scalar = as[0]
	}
	m.Content = append(m.Content, yamlPair(key, scalar(value))...)
}

// yamlText is a scalar that reads back as exactly s, tagged as text so that
// the encoder quotes it wherever YAML would read it as something else
// (null, true, 12, 1.10, "a: b"). Bytes that are not valid UTF-8, which a
// YAML file cannot hold, are replaced.
func yamlText(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.ToValidUTF8(s, "\uFFFD")}
}

// yamlNumber is a scalar written plain, as the format's examples write
// probabilities (0.3), when s is a number; otherwise it is text, and the
// loader reports it.
func yamlNumber(s string) *yaml.Node {
	if _, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "xXnN_") {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	}
	return yamlText(s)
}

// yamlDate is a scalar written plain (1979-01-07) when s is a date; otherwise
// it is text, and the loader reports it.
func yamlDate(s string) *yaml.Node {
	if _, err := ParseDate(s); err == nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	}
	return yamlText(s)
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
// other non-empty line with rest; lines are the YAML parser's (see
// yamlLines), as the encoder writes a U+2028 in text as it is. Empty lines
// stay empty: inside a block scalar they may be less indented than its
// text.
func indentYAML(text []byte, first, rest string) []byte {
	var b bytes.Buffer
	for i, ln := range yamlLines(text) {
		switch {
		case i == 0:
			b.WriteString(first)
		case len(lineText(text, ln)) > 0:
			b.WriteString(rest)
		}
		b.Write(text[ln.start:ln.end])
	}
	return b.Bytes()
}

// Missing lists the fields a draft still needs before it can be a record,
// by the names `hindcast forecasts add` gives them: id, question,
// forecaster, issued, estimate (a probability, a range or a term), scale
// (for a term), wording (for a statement) and outcome.
func (d *Draft) Missing() []string {
	var out []string
	for _, f := range []struct{ name, value string }{{"id", d.ID}, {"question", d.Question}, {"forecaster", d.Forecaster}, {"issued", d.Issued}} {
		if strings.TrimSpace(f.value) == "" {
			out = append(out, f.name)
		}
	}
	switch {
	case d.Probability == "" && d.Range == nil && d.Term == "":
		out = append(out, "estimate")
	case d.Term != "" && d.Scale == "":
		out = append(out, "scale")
	}
	if d.Statement != "" && d.Wording == "" {
		out = append(out, "wording")
	}
	if d.Outcome == "" {
		out = append(out, "outcome")
	}
	return out
}
