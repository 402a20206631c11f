package textout

import (
	"fmt"
	"strings"
	"time"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// SharedEventSentence says in one sentence what the records that score
// one happening are: "cpc-khmer-rouge-1978 and cpc-phnom-penh-1979 score
// one happening, fall-of-phnom-penh-1979 (7 January 1979), worded in
// opposite directions: they cost the same (Brier penalty 0.865 each)
// because they are the same judgment, which the scores count twice."
func SharedEventSentence(e evaluate.SharedEvent) string {
	ids := make([]string, len(e.Records))
	pens := make([]string, len(e.Records))
	for i, r := range e.Records {
		ids[i], pens[i] = r.ID, Num(r.Penalty)
	}
	what := e.Event
	if !e.Resolved.IsZero() {
		what += " (" + longDate(e.Resolved) + ")"
	}
	head := fmt.Sprintf("%s score one happening, %s, ", andList(ids), what)
	switch {
	case e.SameJudgment:
		return head + fmt.Sprintf("worded in opposite directions: they cost the same (Brier penalty %s each) because they are the same judgment, which the scores count %s.",
			pens[0], times(len(ids)))
	case e.Opposite:
		return head + fmt.Sprintf("worded in opposite directions (a question and its negation swap P and 1 − P): read the same way round they differ, so they are different judgments of one happening, not independent cases (Brier penalties %s).",
			andList(pens))
	}
	return head + fmt.Sprintf("worded the same way: separate judgments of one happening, so they are not independent cases (Brier penalties %s).", andList(pens))
}

// times says how many times: "twice", "3 times".
func times(n int) string {
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// andList joins words as English does: "a", "a and b", "a, b and c".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// longDate writes a date as a reader says it: "7 January 1979",
// "January 1979" or "1979".
func longDate(d forecasts.Date) string {
	switch {
	case d.Day > 0:
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	case d.Month > 0:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	}
	return fmt.Sprint(d.Year)
}

// writeSharedEvents writes the sentences of the shared events under a
// heading, wrapped for a terminal; nothing when there are none.
func writeSharedEvents(b *strings.Builder, s *evaluate.ScoreResult) {
	if len(s.SharedEvents) == 0 {
		return
	}
	b.WriteString("\none happening, several records:\n")
	for _, e := range s.SharedEvents {
		fmt.Fprintf(b, "- %s\n", strings.Join(wrap(terminalText(SharedEventSentence(e)), 76), "\n  "))
	}
}

// writeSharedEventsMarkdown writes them as a Markdown list.
func writeSharedEventsMarkdown(b *strings.Builder, s *evaluate.ScoreResult) {
	if len(s.SharedEvents) == 0 {
		return
	}
	b.WriteString("\n**One happening, several records**\n\n")
	for _, e := range s.SharedEvents {
		b.WriteString("- " + mdEscape(SharedEventSentence(e)) + "\n")
	}
}

type sharedEventJSON struct {
	Event        string             `json:"event"`
	Resolved     *forecasts.Date    `json:"resolved,omitempty"`
	Opposite     bool               `json:"opposite"`
	SameJudgment bool               `json:"same_judgment"`
	Records      []framedRecordJSON `json:"records"`
	Sentence     string             `json:"sentence"`
}

type framedRecordJSON struct {
	ID      string    `json:"id"`
	PEvent  jsonFloat `json:"p_event"`
	Outcome string    `json:"outcome"`
	Negated bool      `json:"negated"`
	Penalty jsonFloat `json:"brier_penalty"`
}

func sharedEventsJSON(es []evaluate.SharedEvent) []sharedEventJSON {
	var out []sharedEventJSON
	for _, e := range es {
		j := sharedEventJSON{Event: e.Event, Opposite: e.Opposite, SameJudgment: e.SameJudgment, Sentence: SharedEventSentence(e)}
		if !e.Resolved.IsZero() {
			d := e.Resolved
			j.Resolved = &d
		}
		for _, r := range e.Records {
			j.Records = append(j.Records, framedRecordJSON{ID: r.ID, PEvent: jsonFloat(r.P), Outcome: string(r.Outcome), Negated: r.Negated, Penalty: jsonFloat(r.Penalty)})
		}
		out = append(out, j)
	}
	return out
}

// ConflictText writes a source conflict as a reader follows it: what the
// sources disagree on, each reading, and what the other reading would do.
// "Source conflict on the date of …: (1) 1979 …; (2) August 1978 ….
// Consequence: …"
func ConflictText(c forecasts.Conflict) string {
	var rs []string
	for i, r := range c.Readings {
		rs = append(rs, fmt.Sprintf("(%d) %s", i+1, strings.TrimSuffix(r, ".")))
	}
	return fmt.Sprintf("Source conflict on %s: %s. Consequence: %s", c.About, strings.Join(rs, "; "), c.Consequence)
}
