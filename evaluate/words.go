package evaluate

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// WordsView is what `plot words` and `plot scales` draw: the records'
// phrases (words only), the datasets they come from, what --highlight
// names, and the scales in the order to draw them.
type WordsView struct {
	Words    *WordsData // nil for the scales chart
	Datasets []*forecasts.Dataset
	Match    *WordMatch // nil without a highlight
	// Scales are the built-in scales, those with a highlighted term first
	// and the one whose term is the very word first of all: a chart at a
	// small size may have room for only one.
	Scales []*forecasts.Scale
}

// WordsFor prepares the words chart (words true) or the scales chart:
// terms are --term phrases ("fairly good=0.60-0.95"), highlight the word
// --highlight names. A bad --term or a word no level, scale term or
// phrase knows is a *UsageError. The scales chart looks for a phrase to
// highlight among the records' too (the built-in ones: it reads no data).
func WordsFor(in *Input, words bool, terms []string, highlight string) (*WordsView, error) {
	scales := forecasts.BuiltinScales()
	var given []Phrase
	for _, t := range terms {
		p, err := ParsePhrase(t)
		if err != nil {
			return nil, usagef("--term %v", err)
		}
		given = append(given, p)
	}
	v := &WordsView{}
	phrases := given
	if words {
		var err error
		if v.Datasets, err = in.Datasets("this chart draws records' phrases"); err != nil {
			return nil, err
		}
		if v.Words, err = Words(AllRecords(v.Datasets), scales, given); err != nil {
			return nil, err
		}
		phrases = v.Words.Phrases
	}
	if highlight != "" {
		var err error
		v.Match, err = MatchWord(highlight, scales.All(), phrases)
		if err != nil && !words {
			// Not a level, term or given phrase: perhaps a record's phrase.
			ds, derr := in.Datasets("--highlight looks for records' phrases")
			if derr != nil {
				return nil, derr
			}
			if w, werr := Words(AllRecords(ds), scales, given); werr == nil {
				v.Match, err = MatchWord(highlight, scales.All(), w.Phrases)
			}
		}
		var unknown *UnknownWordError
		if errors.As(err, &unknown) {
			return nil, usagef("--highlight: %v", err)
		}
		if err != nil {
			return nil, err
		}
	}
	v.Scales = slices.Clone(scales.All()) // sorted below: the built-in list is shared
	if m := v.Match; m != nil && len(m.Terms) > 0 {
		rank := func(s *forecasts.Scale) int {
			r := 2
			for _, t := range m.Terms {
				if t.Scale == s {
					r = 1
					if strings.EqualFold(t.Term.Term, m.Word) {
						return 0
					}
				}
			}
			return r
		}
		slices.SortStableFunc(v.Scales, func(a, b *forecasts.Scale) int { return cmp.Compare(rank(a), rank(b)) })
	}
	return v, nil
}
