package forecasts

import (
	"fmt"
	"slices"
	"strings"
)

// Level is a rung on the ladder that lets a term on one scale be read on
// another: Kent's "probable", ICD 203's "likely" and PHIA's "likely or
// probable" share the level "likely".
type Level string

// Levels lists the ladder from impossible to certain.
var Levels = []Level{"impossible", "remote", "very-unlikely", "unlikely", "even", "likely", "very-likely", "almost-certain", "certain"}

// ScaleKind says how a scale's publisher gave its numbers.
type ScaleKind string

// The kinds of scale.
const (
	KindRanges      ScaleKind = "ranges"       // each term has an interval
	KindPointSpread ScaleKind = "point-spread" // each term has a point give or take a spread (Kent)
	KindSurvey      ScaleKind = "survey"       // what readers read into each term: median and quantiles
)

// ScaleKinds lists the valid kinds.
var ScaleKinds = []ScaleKind{KindRanges, KindPointSpread, KindSurvey}

// Scale is a published mapping of words to probabilities.
type Scale struct {
	Name    string    `json:"name"`
	Title   string    `json:"title"`
	Source  string    `json:"source"`
	URL     string    `json:"url,omitempty"`
	Kind    ScaleKind `json:"kind"`
	Caveats []string  `json:"caveats,omitempty"`
	Terms   []*Term   `json:"terms"`
}

// Term is one word or phrase of a scale with the probabilities it stands for.
type Term struct {
	Term     string   `json:"term"`
	Synonyms []string `json:"synonyms,omitempty"`
	Level    Level    `json:"level"`
	// Interval is what the term resolves to: the published range, the
	// point give or take its spread, or a survey's interquartile range;
	// its Point is the published point, the survey median, or the
	// range's midpoint.
	Interval Interval `json:"interval"`

	// As published, for display; nil when the publisher gave none.
	Range  *[2]float64 `json:"range,omitempty"`
	Point  *float64    `json:"point,omitempty"`
	Spread *float64    `json:"spread,omitempty"`
	Median *float64    `json:"median,omitempty"`
	IQR    *[2]float64 `json:"iqr,omitempty"`
	P05P95 *[2]float64 `json:"p05_p95,omitempty"`
}

// normTerm folds case and runs of spaces so "Almost  Certain" matches "almost certain".
func normTerm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// Lookup finds a term by its name or a synonym, ignoring case and spacing.
func (s *Scale) Lookup(word string) (*Term, bool) {
	w := normTerm(word)
	for _, t := range s.Terms {
		if normTerm(t.Term) == w {
			return t, true
		}
		for _, syn := range t.Synonyms {
			if normTerm(syn) == w {
				return t, true
			}
		}
	}
	return nil, false
}

// TermNames lists the scale's terms in order, without synonyms.
func (s *Scale) TermNames() []string {
	names := make([]string, len(s.Terms))
	for i, t := range s.Terms {
		names[i] = t.Term
	}
	return names
}

// AtLevel returns the scale's terms on a level of the ladder.
func (s *Scale) AtLevel(l Level) []*Term {
	var out []*Term
	for _, t := range s.Terms {
		if t.Level == l {
			out = append(out, t)
		}
	}
	return out
}

// Scales is a set of scales by name.
type Scales struct {
	list []*Scale
}

// NewScales makes a set from scales with distinct names, kept in name order.
func NewScales(list ...*Scale) (*Scales, error) {
	s := &Scales{list: slices.Clone(list)}
	slices.SortFunc(s.list, func(a, b *Scale) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(s.list); i++ {
		if s.list[i].Name == s.list[i-1].Name {
			return nil, fmt.Errorf("two scales are named %q", s.list[i].Name)
		}
	}
	return s, nil
}

// Get returns the scale with the name, matched case-insensitively.
func (s *Scales) Get(name string) (*Scale, bool) {
	for _, sc := range s.list {
		if strings.EqualFold(sc.Name, name) {
			return sc, true
		}
	}
	return nil, false
}

// All lists the scales in name order.
func (s *Scales) All() []*Scale { return s.list }

// Names lists the scales' names in order.
func (s *Scales) Names() []string {
	names := make([]string, len(s.list))
	for i, sc := range s.list {
		names[i] = sc.Name
	}
	return names
}
