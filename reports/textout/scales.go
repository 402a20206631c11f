package textout

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/forecasts"
)

// WriteScaleList writes one line per scale: name, kind, number of terms, title.
func WriteScaleList(w io.Writer, scales []*forecasts.Scale) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tTERMS\tTITLE")
	for _, s := range scales {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", terminalText(s.Name), s.Kind, len(s.Terms), truncate(terminalText(s.Title), 42)) // 80 columns with the built-in scales
	}
	return tw.Flush()
}

// WriteScale writes a scale's source, caveats and terms with the
// interval and point each resolves to.
func WriteScale(w io.Writer, s *forecasts.Scale) error {
	var b strings.Builder
	b.WriteString(strings.Join(wrap(s.Name+" — "+s.Title, 78), "\n  ") + "\n")
	fmt.Fprintf(&b, "source: %s\n", indentAfterFirst(s.Source, 8))
	if s.URL != "" {
		fmt.Fprintf(&b, "url:    %s\n", s.URL)
	}
	fmt.Fprintf(&b, "kind:   %s\n\n", indentAfterFirst(kindText(s.Kind), 8))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	switch s.Kind {
	case forecasts.KindSurvey:
		fmt.Fprintln(tw, "TERM\tMEDIAN\tIQR\t5–95%\tLEVEL")
		for _, t := range s.Terms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Term, Percent(*t.Median), rangeText(*t.IQR), rangeText(*t.P05P95), t.Level)
		}
	case forecasts.KindPointSpread:
		fmt.Fprintln(tw, "TERM\tPOINT\tGIVE OR TAKE\tINTERVAL\tLEVEL")
		for _, t := range s.Terms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Term, Percent(*t.Point), Percent(*t.Spread), rangeText([2]float64{t.Interval.Low, t.Interval.High}), t.Level)
		}
	default:
		fmt.Fprintln(tw, "TERM\tRANGE\tPOINT\tLEVEL")
		for _, t := range s.Terms {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Term, rangeText(*t.Range), Percent(t.Interval.Point), t.Level)
		}
	}
	tw.Flush()
	var syn []string
	for _, t := range s.Terms {
		if len(t.Synonyms) > 0 {
			syn = append(syn, fmt.Sprintf("  %s: %s", t.Term, strings.Join(t.Synonyms, ", ")))
		}
	}
	if len(syn) > 0 {
		fmt.Fprintf(&b, "\nalso accepted:\n%s\n", strings.Join(syn, "\n"))
	}
	if len(s.Caveats) > 0 {
		b.WriteString("\ncaveats:\n")
		for _, c := range s.Caveats {
			fmt.Fprintf(&b, "- %s\n", indentAfterFirst(c, 2))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func rangeText(r [2]float64) string {
	return strings.TrimSuffix(Percent(r[0]), "%") + "–" + Percent(r[1])
}

func kindText(k forecasts.ScaleKind) string {
	switch k {
	case forecasts.KindSurvey:
		return "survey of readers (a term reads as its interquartile range, point at the median)"
	case forecasts.KindPointSpread:
		return "point give or take a spread (a term reads as point ± spread)"
	}
	return "ranges (a term reads as its range, point at the midpoint)"
}

// WriteCrosswalk writes one line per level of the ladder with the term each
// scale uses for it, "–" where it has none.
func WriteCrosswalk(w io.Writer, cw *forecasts.Crosswalk, scales []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "LEVEL\t%s\n", strings.ToUpper(strings.Join(scales, "\t")))
	for _, row := range cw.Rows {
		cells := []string{string(row.Level)}
		for _, name := range scales {
			t, ok := row.Terms[name]
			if !ok {
				t = "–"
			}
			cells = append(cells, t)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
