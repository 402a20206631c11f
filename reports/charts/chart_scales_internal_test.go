package charts

import (
	"slices"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/forecasts"
)

// highlighted lists, scale by scale in the scale's order, the terms the
// scales chart draws in the accent colour at a level, with a * after the
// one whose label is bold, the crosswalk's.
func highlighted(scales []*forecasts.Scale, l forecasts.Level) (map[string][]string, []string) {
	at, cw, missing := highlightTerms(scales, l, forecasts.BuiltinCrosswalk())
	out := map[string][]string{}
	for _, s := range scales {
		for _, term := range s.Terms {
			if at[term] {
				name := term.Term
				if cw[term] {
					name += "*"
				}
				out[s.Name] = append(out[s.Name], name)
			}
		}
	}
	return out, missing
}

func builtinScales(t *testing.T, names ...string) []*forecasts.Scale {
	t.Helper()
	var out []*forecasts.Scale
	for _, name := range names {
		s, ok := forecasts.BuiltinScales().Get(name)
		if !ok {
			t.Fatalf("no built-in scale %s", name)
		}
		out = append(out, s)
	}
	return out
}

// TestScalesHighlightEveryTermAtLevel checks that highlighting "likely"
// marks every term each scale puts at the level, the survey's seven
// phrases among them, with the crosswalk's term in bold, and that the
// subtitle says so; and that a level with one term a scale, each the
// crosswalk's, needs no word about bold.
func TestScalesHighlightEveryTermAtLevel(t *testing.T) {
	scales := builtinScales(t, "kent-1964", "icd-203", "uk-phia", "mauboussin-2018")
	got, missing := highlighted(scales, "likely")
	want := map[string][]string{
		"kent-1964":       {"probable*"},
		"icd-203":         {"likely*"},
		"uk-phia":         {"likely or probable*"},
		"mauboussin-2018": {"usually", "likely*", "probably", "often", "frequently", "serious possibility", "more often than not"},
	}
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("likely, %s: highlighted %q, want %q", name, got[name], w)
		}
	}
	if len(missing) != 0 {
		t.Errorf("likely: missing %q, want none", missing)
	}
	ch, err := ScalesChart(scales, ScalesOptions{Highlight: "likely"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ch.Subtitle, `every term at the level "likely"`) || !strings.Contains(ch.Subtitle, "in bold") {
		t.Errorf("likely: subtitle %q does not say that every term at the level is highlighted, and which is bold", ch.Subtitle)
	}

	got, missing = highlighted(scales[:3], "very-likely")
	if len(got["kent-1964"]) != 0 || !slices.Equal(got["icd-203"], []string{"very likely*"}) || !slices.Equal(got["uk-phia"], []string{"highly likely*"}) {
		t.Errorf("very-likely: highlighted %q", got)
	}
	if !slices.Equal(missing, []string{"kent-1964"}) {
		t.Errorf("very-likely: missing %q, want [kent-1964]", missing)
	}
	ch, err = ScalesChart(scales[:3], ScalesOptions{Highlight: "very-likely"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ch.Subtitle, "bold") || !strings.Contains(ch.Subtitle, `each scale's term at the level "very-likely"`) {
		t.Errorf("very-likely: subtitle %q", ch.Subtitle)
	}
}
