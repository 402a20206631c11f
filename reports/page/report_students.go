package page

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/reports/textout"
)

// overconfidenceFact is a first screen's overconfidence: how sure the
// judgments were as stated against how many came true, with its interval.
func overconfidenceFact(h *evaluate.ReportHeadline) *fact {
	sum := h.Summary
	if sum == nil || sum.N == 0 || math.IsNaN(sum.Overconfidence.Over) {
		return nil
	}
	text := "(mean confidence minus hit rate). " + textout.OverconfidenceSentence(sum)
	if b := sum.Bootstrap; b != nil && !math.IsNaN(b.Lo.Overconfidence) && b.Lo.Overconfidence != b.Hi.Overconfidence {
		text += fmt.Sprintf(" Interval %s to %s points.", signedPoints(b.Lo.Overconfidence), signedPoints(b.Hi.Overconfidence))
	}
	return &fact{Label: "Overconfidence", Term: "overconfidence", Value: textout.Num(sum.Overconfidence.Over),
		Exact: fmt.Sprint(sum.Overconfidence.Over), Text: text}
}

// signedPoints writes a difference of shares in percentage points: "+85",
// "−12", "0".
func signedPoints(v float64) string {
	p := math.Round(100 * v)
	switch {
	case p > 0:
		return fmt.Sprintf("+%.0f", p)
	case p < 0:
		return fmt.Sprintf("−%.0f", -p)
	}
	return "0"
}

// sharedEventText says, after the costliest cases, when two or more of
// them score one happening worded in opposite directions; "" otherwise.
func sharedEventText(s *evaluate.ReportSection, costliest []evaluate.CostlyCase) string {
	if s.Score == nil || len(costliest) < 2 {
		return ""
	}
	ids := map[string]bool{}
	for _, c := range costliest {
		ids[c.ID] = true
	}
	var out []string
	for _, e := range s.Score.SharedEvents {
		n := 0
		for _, r := range e.Records {
			if ids[r.ID] {
				n++
			}
		}
		if n >= 2 && e.Opposite {
			out = append(out, textout.SharedEventSentence(e))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, " ")
}

// othersExtra is a dataset's figures beside published studies of analysts
// (evaluate.Others), with the selection warning, as a section of its own.
// The first such section (linkTerms) links the glossary's ANDI entry.
func othersExtra(s *Section, linkTerms bool) (Extra, bool) {
	if !s.IsRecords() || s.Score == nil || s.Score.Overall.Summary.N == 0 {
		return Extra{}, false
	}
	t := evaluate.Others(s.Score, []*forecasts.Dataset{s.Dataset})
	var md bytes.Buffer
	if err := textout.WriteOthersMarkdown(&md, t); err != nil {
		return Extra{}, false
	}
	return Extra{ID: "ds-" + s.ID + "-others", Title: "Beside other analysts", HTML: othersHTML(t, linkTerms),
		Markdown: strings.TrimSpace(md.String()) + "\n"}, true
}

// othersHTML writes the table of evaluate.Others: a row per figure, a
// column per study, each figure defined below, the selection warning first.
func othersHTML(t *evaluate.OthersTable, linkTerms bool) template.HTML {
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<details class="others"><summary>%s</summary>`+"\n", esc(othersSummary(t)))
	if t.SelectionWarning != "" {
		fmt.Fprintf(&b, `<p class="callout" role="note"><strong>Not comparable as they stand.</strong> %s</p>`+"\n", esc(t.SelectionWarning))
	}
	b.WriteString(`<div class="scroll"><table class="others"><thead><tr><th>figure</th>`)
	for _, st := range t.Studies {
		fmt.Fprintf(&b, `<th class="n">%s</th>`, esc(st.Name))
	}
	b.WriteString("</tr></thead><tbody>\n")
	for _, r := range t.Rows {
		fmt.Fprintf(&b, `<tr><td title="%s">%s</td>`, esc(r.Definition), esc(r.Figure))
		for i, v := range r.Values {
			fmt.Fprintf(&b, `<td class="n">%s</td>`, esc(textout.OthersCell(v, r.Figure == "forecasts", i > 0)))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n<ul class=\"others-notes\">\n")
	defs, caveats, studies := textout.OthersNotes(t)
	for _, it := range slices.Concat(defs, caveats, []string{textout.OthersMarks}, studies) {
		fmt.Fprintf(&b, "<li>%s</li>\n", esc(it))
	}
	if g, ok := glossaryByID("andi"); ok && linkTerms {
		fmt.Fprintf(&b, `<li>Mandel &amp; Barnes's index is the <a class="term" href="#g-andi" title="%s">%s</a>.</li>`+"\n", esc(g.Short), esc(g.Name))
	}
	b.WriteString("</ul>\n</details>\n")
	return template.HTML(b.String())
}

// othersSummary is the one line a collapsed table of evaluate.Others
// shows: this data's Brier score beside the studies' that give one.
func othersSummary(t *evaluate.OthersTable) string {
	var parts []string
	for _, r := range t.Rows {
		if r.Figure != "Brier score" {
			continue
		}
		for i, v := range r.Values {
			if i == 0 || !v.Reported || math.IsNaN(v.Value) {
				continue
			}
			part := fmt.Sprintf("%s for %s", textout.OthersCell(v, false, true), t.Studies[i].Name)
			if v.SecondHand {
				part += " (reported second-hand, not confirmed)"
			}
			parts = append(parts, part)
		}
		if len(parts) > 0 && len(r.Values) > 0 {
			head := fmt.Sprintf("Brier score %s here, against %s", textout.Num(r.Values[0].Value), strings.Join(parts, " and "))
			if t.Selected {
				head += ": not comparable as they stand"
			}
			return head + ". The table, each figure defined:"
		}
	}
	return "This data beside published studies of analysts, each figure defined:"
}

// ShowContext says whether the report needs its section on analysts
// elsewhere: only when no dataset section sets its own figures beside the
// studies' (a report of flat tables, say).
func (r *Report) ShowContext() bool {
	for _, s := range r.Sections {
		for _, e := range s.Extra {
			if strings.HasSuffix(e.ID, "-others") {
				return false
			}
		}
	}
	return true
}

// context is the report's section on analysts elsewhere: the studies, and
// why the built-in cases differ from them when the report has any.
func (r *Report) context() []contextFigure {
	builtin := slices.ContainsFunc(r.Sections, func(s *Section) bool { return s.Dataset != nil && s.Dataset.Builtin })
	if builtin {
		return literatureContext
	}
	return literatureContext[:len(literatureContext)-1]
}
