package evaluate_test

import (
	"slices"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
)

// Highlighting "probable" on the scales chart puts first the scale whose
// term is that very word (Kent's), then those that name it as a synonym
// or at its level (ICD 203's "likely", PHIA's "likely or probable"), then
// the rest; a word no scale, level or phrase knows is a usage error, and
// so is a --term that cannot be read.
func TestWordsForOrder(t *testing.T) {
	before := evaluateScaleNames(t)
	v, err := evaluate.WordsFor(&evaluate.Input{}, false, nil, "probable")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range v.Scales {
		names = append(names, s.Name)
	}
	if len(names) != 4 || names[0] != "kent-1964" || names[3] != "mauboussin-2018" {
		t.Errorf("scales in the order %v, want kent-1964 first and mauboussin-2018 (no match) last", names)
	}
	if after := evaluateScaleNames(t); !slices.Equal(before, after) {
		t.Errorf("the built-in list was reordered: %v, then %v", before, after)
	}
	if _, err := evaluate.WordsFor(&evaluate.Input{}, false, nil, "probabel"); !isUsage(err) {
		t.Errorf("a misspelt highlight: %v, want a usage error", err)
	}
	if _, err := evaluate.WordsFor(&evaluate.Input{}, false, []string{"fairly good=0.95-0.60"}, ""); !isUsage(err) {
		t.Errorf("a --term whose range runs backwards: %v, want a usage error", err)
	}
}

// evaluateScaleNames lists the built-in scales in their own order, which
// WordsFor must leave as it was.
func evaluateScaleNames(t *testing.T) []string {
	t.Helper()
	v, err := evaluate.WordsFor(&evaluate.Input{}, false, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range v.Scales {
		out = append(out, s.Name)
	}
	return out
}

func isUsage(err error) bool {
	_, ok := err.(*evaluate.UsageError)
	return ok
}
