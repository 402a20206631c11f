package textout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/evaluate"
)

// OthersCell writes one value of the side-by-side table: "0.465
// (0.348–0.601)", "≈0.074 †" (about, second-hand), "mostly
// underconfident (< 0)", "1.000 *" (a caveat), or "–" when not reported.
func OthersCell(v evaluate.OthersValue, count, published bool) string {
	if !v.Reported {
		return "–"
	}
	var s string
	switch {
	case v.Text != "":
		s = v.Text
	case count:
		s = Count(v.Value)
	case published:
		s = strconv.FormatFloat(v.Value, 'f', -1, 64) // as published: 0.76, not 0.760
	default:
		s = Num(v.Value)
		if iv := interval(v.Lo, v.Hi); iv != "" && iv != "–" {
			s += " (" + strings.ReplaceAll(iv, " – ", "–") + ")"
		}
	}
	if v.Approximate {
		s = "≈" + s
	}
	if v.SecondHand {
		s += " †"
	}
	if v.Caveat != "" {
		s += " *"
	}
	return s
}

// OthersNotes lists the definitions, the caveats, the marks, the studies
// and the selection warning, one item each.
func OthersNotes(t *evaluate.OthersTable) (defs, caveats, studies []string) {
	for _, r := range t.Rows {
		defs = append(defs, r.Figure+": "+r.Definition+".")
		for i, v := range r.Values {
			if v.Caveat != "" {
				caveats = append(caveats, fmt.Sprintf("* %s, %s: %s.", r.Figure, t.Studies[i].Name, v.Caveat))
			}
		}
	}
	for _, s := range t.Studies[1:] {
		studies = append(studies, fmt.Sprintf("%s: %s. %s %s.", s.Name, s.What, s.Finding, s.Source))
	}
	return defs, caveats, studies
}

// OthersMarks explains the marks OthersCell puts on published figures.
const OthersMarks = "≈ about, as published. † reported second-hand, not found in the study: unconfirmed. – not among the figures hindcast's sources give for that study."

// WriteOthers writes this data's figures next to the published studies'
// as text for an 80-column terminal, with what each figure means, where
// each published figure comes from, and the selection warning.
func WriteOthers(w io.Writer, t *evaluate.OthersTable) error {
	var b strings.Builder
	b.WriteString("\nthis data next to published studies:\n\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FIGURE\tTHIS DATA\tM&B 2014\tFRIEDMAN 2018")
	for _, r := range t.Rows {
		cells := []string{r.Figure}
		for i, v := range r.Values {
			cells = append(cells, OthersCell(v, r.Figure == "forecasts", i > 0))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	defs, caveats, studies := OthersNotes(t)
	para := func(items []string) {
		b.WriteString("\n")
		for _, it := range items {
			b.WriteString(strings.Join(wrap(terminalText(it), 78), "\n  ") + "\n")
		}
	}
	para(defs)
	para(append(caveats, OthersMarks))
	para(studies)
	if t.SelectionWarning != "" {
		para([]string{"! " + t.SelectionWarning})
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteOthersMarkdown writes the same as a Markdown table and lists.
func WriteOthersMarkdown(w io.Writer, t *evaluate.OthersTable) error {
	var b strings.Builder
	b.WriteString("\n**This data next to published studies**\n\n| figure |")
	for _, s := range t.Studies {
		b.WriteString(" " + mdEscape(s.Name) + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(t.Studies)) + "\n")
	for _, r := range t.Rows {
		b.WriteString("| " + mdEscape(r.Figure) + " |")
		for i, v := range r.Values {
			b.WriteString(" " + mdEscape(OthersCell(v, r.Figure == "forecasts", i > 0)) + " |")
		}
		b.WriteString("\n")
	}
	defs, caveats, studies := OthersNotes(t)
	for _, list := range [][]string{defs, append(caveats, OthersMarks), studies} {
		b.WriteString("\n")
		for _, it := range list {
			b.WriteString("- " + mdEscape(it) + "\n")
		}
	}
	if t.SelectionWarning != "" {
		b.WriteString("\n**Selection.** " + mdEscape(t.SelectionWarning) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
