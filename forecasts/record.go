// Package forecasts holds hindcast's forecast records and datasets: the
// record model, reading and validating YAML datasets with positioned
// errors, the built-in teaching datasets and the verbal probability
// scales. It knows nothing of metrics or plots.
package forecasts

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Wording says how close a record's statement is to the judgment's own words.
type Wording string

// The kinds of wording.
const (
	Verbatim    Wording = "verbatim"    // quoted from the document or a close secondary source
	Paraphrase  Wording = "paraphrase"  // the source reports the judgment, not its words
	Unconfirmed Wording = "unconfirmed" // found in one weak place only
)

// Wordings lists the valid wordings, in order of firmness.
var Wordings = []Wording{Verbatim, Paraphrase, Unconfirmed}

// Outcome is what happened to the event a record forecast.
type Outcome string

// The outcomes. Only Yes and No are scored.
const (
	Yes        Outcome = "yes"
	No         Outcome = "no"
	Unresolved Outcome = "unresolved"
	Ambiguous  Outcome = "ambiguous"
)

// Outcomes lists the valid outcomes.
var Outcomes = []Outcome{Yes, No, Unresolved, Ambiguous}

// Scored reports whether the outcome is yes or no.
func (o Outcome) Scored() bool { return o == Yes || o == No }

// Selection says how a dataset's records were chosen.
type Selection string

// The kinds of selection.
const (
	SelectAll              Selection = "all"
	SelectRandom           Selection = "random sample"
	SelectChosenForFailure Selection = "chosen for failure"
	SelectNotable          Selection = "notable"
	SelectUnknown          Selection = "unknown"
)

// Selections lists the valid selections.
var Selections = []Selection{SelectAll, SelectRandom, SelectChosenForFailure, SelectNotable, SelectUnknown}

// Record is one binary forecast: a judgment that an event will (or will
// not) happen, with its wording, estimate, outcome and sources.
//
// A record with Options is a categorical forecast instead: its question
// has those answers, its estimate gives each a probability
// (Estimate.Probabilities) and its outcome names the one that happened
// (or is unresolved or ambiguous). Its Event is zero.
type Record struct {
	ID       string `json:"id"`
	Label    string `json:"label,omitempty"`
	Question string `json:"question"`
	// Happening names the real-world happening the question is about, as
	// a short slug (field `event`): records with the same one score one
	// happening, perhaps worded in opposite directions. Optional.
	Happening   string    `json:"event,omitempty"`
	Forecaster  string    `json:"forecaster"`
	Audience    string    `json:"audience,omitempty"`
	Issued      Date      `json:"issued"`
	IssuedNote  string    `json:"issued_note,omitempty"`
	ResolvesBy  Date      `json:"resolves_by,omitzero"`
	Resolved    Date      `json:"resolved,omitzero"`
	Statement   Statement `json:"statement,omitzero"`
	Negated     bool      `json:"negated"`
	Options     []string  `json:"options,omitempty"` // the answers of a question with more than two; empty for yes/no
	Ordered     bool      `json:"ordered,omitempty"` // the options are in a natural order (dates, sizes)
	Estimate    Estimate  `json:"estimate"`
	CoderNote   string    `json:"coder_note,omitempty"`
	Outcome     Outcome   `json:"outcome"`
	OutcomeNote string    `json:"outcome_note,omitempty"`
	Sources     []Source  `json:"sources,omitempty"`
	Notes       []string  `json:"notes,omitempty"`
	// Conflicts are the points on which the sources disagree, each with
	// what the other reading would do to the record. Optional.
	Conflicts []Conflict `json:"conflicts,omitempty"`
	Tags      Tags       `json:"tags,omitempty"`

	// Event is the probability of the event the question names, derived
	// from the estimate (and from negation) when the record was loaded.
	Event Interval `json:"p_event"`
	// Dataset is the name of the dataset the record came from.
	Dataset string `json:"dataset"`
	// Pos is where the record starts in its file.
	Pos Pos `json:"-"`
}

// Conflict is one point on which a record's sources disagree: what about,
// each source's reading, and what the reading the record does not follow
// would do to it (its score, its outcome, or whether it is a forecast at
// all).
type Conflict struct {
	About       string   `json:"about"`
	Readings    []string `json:"readings"`
	Consequence string   `json:"consequence"`
}

// Statement is the judgment as it was worded.
type Statement struct {
	Text    string  `json:"text,omitempty"`
	Wording Wording `json:"wording,omitempty"`
}

// Estimate is how likely the statement (as worded) was judged: exactly one
// of a probability, a range, or a term on a named scale; a term may be
// narrowed by a range inside the term's interval.
type Estimate struct {
	Probability *float64    `json:"probability,omitempty"`
	Range       *[2]float64 `json:"range,omitempty"`
	Term        string      `json:"term,omitempty"`
	Scale       string      `json:"scale,omitempty"`
	// Probabilities give each option of a question with options its
	// probability, in the order of the record's options.
	Probabilities OptionProbs `json:"probabilities,omitempty"`
}

// String describes the estimate as written: "0.3", "[0.2, 0.45]",
// "almost certain (kent-1964)".
func (e Estimate) String() string {
	var s string
	switch {
	case e.Term != "":
		s = fmt.Sprintf("%s (%s)", e.Term, e.Scale)
		if e.Range != nil {
			s += fmt.Sprintf(" [%g, %g]", e.Range[0], e.Range[1])
		}
	case e.Range != nil:
		s = fmt.Sprintf("[%g, %g]", e.Range[0], e.Range[1])
	case e.Probability != nil:
		s = fmt.Sprintf("%g", *e.Probability)
	case len(e.Probabilities) > 0:
		s = e.Probabilities.String()
	}
	return s
}

// Source is where the record's facts come from.
type Source struct {
	Title     string `json:"title"`
	Author    string `json:"author,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      Date   `json:"date,omitzero"`
	Page      string `json:"page,omitempty"`
	URL       string `json:"url,omitempty"`
	Quote     string `json:"quote,omitempty"`
}

// Cite formats the source on one line: author, title, publisher, date, page, URL.
func (s Source) Cite() string {
	var parts []string
	if s.Author != "" {
		parts = append(parts, s.Author)
	}
	parts = append(parts, s.Title)
	if s.Publisher != "" && s.Publisher != s.Author {
		parts = append(parts, s.Publisher)
	}
	if !s.Date.IsZero() {
		parts = append(parts, s.Date.String())
	}
	if s.Page != "" {
		parts = append(parts, s.Page)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, ", ")
}

// Tag is one free key: value pair used for grouping.
type Tag struct{ Key, Value string }

// Tags keeps a record's tags in the order they were written.
type Tags []Tag

// Get returns the value of key and whether it is set.
func (t Tags) Get(key string) (string, bool) {
	for _, tag := range t {
		if tag.Key == key {
			return tag.Value, true
		}
	}
	return "", false
}

// MarshalJSON writes the tags as one object, keys in written order.
func (t Tags) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, tag := range t {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(tag.Key)
		v, _ := json.Marshal(tag.Value)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// Interval is a probability with its plausible range: Low <= Point <= High.
type Interval struct {
	Low   float64 `json:"low"`
	Point float64 `json:"point"`
	High  float64 `json:"high"`
}

// Complement is the interval of the opposite event.
func (iv Interval) Complement() Interval {
	return Interval{Low: tidy(1 - iv.High), Point: tidy(1 - iv.Point), High: tidy(1 - iv.Low)}
}

// tidy rounds x to 12 decimals, so that 1 − 0.93 is stored and shown as
// 0.07 rather than 0.07000000000000006. Published probabilities have at
// most a few decimals; the rounding changes no score beyond 1e-12.
func tidy(x float64) float64 { return math.Round(x*1e12) / 1e12 }

// Width is High − Low.
func (iv Interval) Width() float64 { return iv.High - iv.Low }

// Pos is a position in a file; Line and Col are 1-based.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Manifest describes a dataset: what it is, who may use it and how its
// records were chosen.
type Manifest struct {
	Name          string    `json:"name"`
	Title         string    `json:"title"`
	Description   string    `json:"description,omitempty"`
	Licence       string    `json:"licence,omitempty"`
	Citation      string    `json:"citation,omitempty"`
	Version       string    `json:"version,omitempty"`
	Selection     Selection `json:"selection"`
	SelectionNote string    `json:"selection_note,omitempty"`
}

// Dataset is a manifest and its records, in file order.
type Dataset struct {
	Manifest
	Records []*Record `json:"records"`
	Files   []string  `json:"-"` // the files it was read from
	Builtin bool      `json:"-"` // one of hindcast's own, read from the binary
	// ChosenBy says how Records were chosen from the dataset's
	// (--id, --exclude, --where: "not deng-vietnam-1978"), of Total
	// records in all; empty when they are all of them.
	ChosenBy string `json:"-"`
	Total    int    `json:"-"`
}

// MaxLabel is the most characters a record's label may have: a label is
// a short title for a chart's axis, and the question holds the rest.
const MaxLabel = 80

// Name is what charts call the record: its label, or its id when it has
// none.
func (r *Record) Name() string {
	if r.Label != "" {
		return r.Label
	}
	return r.ID
}

// labelProblem says what is wrong with a label, "" when nothing is.
func labelProblem(label string) string {
	n := utf8.RuneCountInString(label)
	switch {
	case n > MaxLabel:
		return fmt.Sprintf("%d characters: a label is a short title of at most %d (the question holds the rest)", n, MaxLabel)
	case strings.IndexFunc(label, unicode.IsControl) >= 0:
		return "a label is one line of text, without tabs or control characters"
	case label != "" && strings.TrimSpace(label) == "":
		return "must not be blank: leave label out, and the id names the record"
	}
	return ""
}
