// Package reports turns hindcast's records and analysis results into
// text tables, JSON, charts and the teaching report. It decides how things
// look; the command decides where they are written.
package textout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/hindcast/hindcast/forecasts"
)

// WriteJSON writes v as indented JSON followed by a newline. HTML
// characters are not escaped: the output is data, not a web page.
//
// Control characters are escaped by encoding/json; DEL, the C1 controls
// and the bidirectional controls (U+202E …), which it leaves raw, are
// escaped too (\u202e), so that printing the JSON on a terminal is safe.
// The JSON reads back as the same values.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSONControls(buf.Bytes()))
	return err
}

// truncate shortens s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// WriteRecordTable writes one line per record: id, forecaster, issued,
// P(event), outcome, wording and source. Ids are never shortened (they are
// what forecasts show takes); forecaster and source are, to 24 runes.
// Control characters and bidirectional controls in the data are shown
// escaped (terminalText), never sent to the terminal. A
// line of the built-in data is up to 142 columns: wider than a terminal,
// so the columns a student needs first come first.
func WriteRecordTable(w io.Writer, recs []*forecasts.Record) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFORECASTER\tISSUED\tP(EVENT)\tOUTCOME\tWORDING\tSOURCE")
	for _, r := range recs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			terminalText(r.ID), truncate(terminalText(r.Forecaster), 24), r.Issued, IntervalText(r.Event),
			terminalText(string(r.Outcome)), terminalText(string(r.Statement.Wording)), sourceText(r.Sources))
	}
	return tw.Flush()
}

// sourceText names a record's first source in a few words, its author or
// else its publisher or title, with its year, and counts the others:
// "GlobalSecurity.org 2021 +2". It is "-" when there is none.
func sourceText(ss []forecasts.Source) string {
	if len(ss) == 0 {
		return "-"
	}
	s := ss[0]
	name := s.Author
	if name == "" {
		name = s.Publisher
	}
	if name == "" {
		name = s.Title
	}
	var year, more string
	if !s.Date.IsZero() {
		year = fmt.Sprintf(" %d", s.Date.Year)
	}
	if len(ss) > 1 {
		more = fmt.Sprintf(" +%d", len(ss)-1)
	}
	return truncate(terminalText(name), 24-utf8.RuneCountInString(year+more)) + year + more
}

// WriteRecord writes everything about one record as labelled text, its
// control characters and bidirectional controls escaped (terminalText)
// but for the line breaks of its notes and quotes.
func WriteRecord(w io.Writer, r *forecasts.Record, m *forecasts.Manifest) error {
	var b strings.Builder
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%-13s %s\n", label+":", indentAfterFirst(terminalLines(value), 14))
		}
	}
	field("id", r.ID)
	field("label", r.Label)
	field("question", r.Question)
	field("event", r.Happening)
	field("forecaster", r.Forecaster)
	field("audience", r.Audience)
	field("issued", r.Issued.String())
	field("issued note", r.IssuedNote)
	field("resolves by", r.ResolvesBy.String())
	field("resolved", r.Resolved.String())
	if r.Statement.Text != "" {
		field("statement", fmt.Sprintf("%q (%s)", r.Statement.Text, r.Statement.Wording))
	}
	est := r.Estimate.String()
	if r.Negated {
		est += " — of the statement, which says the event will not happen"
	}
	field("estimate", est)
	field("P(event)", IntervalText(r.Event))
	field("coder note", r.CoderNote)
	field("outcome", string(r.Outcome))
	field("outcome note", r.OutcomeNote)
	for i, s := range r.Sources {
		label := "source"
		if len(r.Sources) > 1 {
			label = fmt.Sprintf("source %d", i+1)
		}
		text := s.Cite()
		if s.Quote != "" {
			text += fmt.Sprintf("\n%q", s.Quote)
		}
		field(label, text)
	}
	for _, n := range r.Notes {
		field("note", n)
	}
	for _, c := range r.Conflicts {
		field("conflict", ConflictText(c))
	}
	if len(r.Tags) > 0 {
		var tags []string
		for _, t := range r.Tags {
			tags = append(tags, t.Key+": "+t.Value)
		}
		field("tags", strings.Join(tags, ", "))
	}
	if m != nil {
		field("dataset", fmt.Sprintf("%s — %s (selection: %s)", m.Name, m.Title, m.Selection))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// indentAfterFirst wraps text at 66 columns and indents every line after
// the first by n spaces, so labelled values line up.
func indentAfterFirst(s string, n int) string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrap(para, 80-n)...)
	}
	return strings.Join(lines, "\n"+strings.Repeat(" ", n))
}

// wrap breaks text into lines of at most width runes at spaces.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := words[0]
	for _, w := range words[1:] {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line += " " + w
	}
	return append(lines, line)
}
