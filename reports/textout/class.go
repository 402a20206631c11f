package textout

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/internal/provenance"
)

// The writers of `hindcast score --responses`: a class's answers scored,
// as text, JSON, CSV and Markdown.

// Hindsight is the note every class result carries: what beating the
// analysts can and cannot mean.
const Hindsight = "Hindsight: the students knew how these stories ended, and the analysts did " +
	"not. Knowing the outcome pulls an answer towards it, even when one tries to forget it, " +
	"so a class that beats the analysts is what to expect, and says little about who judges " +
	"better. What the exercise shows is how sure each student was, how far the answers spread, " +
	"and what the question, its date and the period's history could and could not tell."

// signed writes a figure with its sign: "+0.846", "-0.075", "0.000".
func signed(v float64) string {
	s := Num(v)
	if v > 0 && s != "0.000" && !math.IsInf(v, 0) {
		s = "+" + s
	}
	return s
}

// unitText says how the sheet's answers were read.
func unitText(c *evaluate.ClassResult) string {
	if c.Percent {
		return "percent"
	}
	return "fraction"
}

// unitWords says how the sheet's answers were read, in a sentence.
func unitWords(c *evaluate.ClassResult) string {
	if c.Percent {
		return "answers read as percentages"
	}
	return "answers read as fractions"
}

// outcomeText writes an outcome.
func outcomeText(yes bool) string {
	if yes {
		return "yes"
	}
	return "no"
}

// classRow is one line of the summary: who, on how many questions, and
// their figures.
type classRow struct {
	name string
	f    evaluate.ClassFigures
}

func classRows(c *evaluate.ClassResult) []classRow {
	return []classRow{
		{"the class (the average student)", c.Class},
		{"the class's average forecast", c.Crowd},
		{"the analysts, same questions", c.Analysts},
	}
}

// classLegend explains the columns.
const classLegend = "RANK: by Brier score among the students who answered every question; – for one who " +
	"left a question blank, whose score on fewer questions compares only with ANALYSTS beside it. " +
	"BRIER: 0 best, 1 worst; always saying 50% scores 0.25. ANALYSTS: the original " +
	"analysts' Brier score on the questions that student answered. OVER: overconfidence, " +
	"CONF (the probability an answer gives to the side it leans to, on average) minus HITS " +
	"(the share of those sides that came true); above 0 is overconfident, below 0 underconfident. " +
	"The class: the mean of the students' figures, each over the questions that student answered."

// WriteClassTable writes the class's scores as text for an 80-column
// terminal: the leaderboard, the class, its average forecast and the
// analysts, each question, the note on hindsight and every warning.
func WriteClassTable(w io.Writer, c *evaluate.ClassResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s (%s, %s)\n\n", countNoun(len(c.Students), "student", "students"),
		countNoun(len(c.Questions), "question", "questions"), terminalText(c.Responses), unitWords(c))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tSTUDENT\tANSWERED\tBRIER\tANALYSTS\tOVER\tCONF\tHITS")
	for _, s := range c.Students {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", rankText(s.Rank), truncate(terminalText(s.Name), 24), s.Answered,
			Num(s.Brier), Num(s.AnalystsBrier), signed(s.Over.Over), Num(s.Over.Confidence), Num(s.Over.HitRate))
	}
	tw.Flush()
	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tQUESTIONS\tBRIER\tOVER\tCONF\tHITS")
	for _, r := range classRows(c) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", r.name, r.f.Questions, Num(r.f.Brier), signed(r.f.Over.Over), Num(r.f.Over.Confidence), Num(r.f.Over.HitRate))
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%s\n\n", strings.Join(wrap(classLegend, 80), "\n"))
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "QUESTION\tOUTCOME\tANALYSTS\tCLASS AVERAGE\tANSWERED")
	for _, q := range c.Questions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", truncate(terminalText(q.ID), 32), outcomeText(q.Yes), pct(q.Analyst), pct(q.Mean), q.Answered)
	}
	tw.Flush()
	fmt.Fprintf(&b, "\n%s\n", strings.Join(wrap(Hindsight, 80), "\n"))
	if len(c.Warnings) > 0 {
		b.WriteString("\nwarnings:\n")
		for _, w := range c.Warnings {
			fmt.Fprintf(&b, "! %s\n", strings.Join(wrap(terminalText(w.Message), 76), "\n  "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type classFiguresJSON struct {
	Questions  int       `json:"questions"`
	Forecasts  int       `json:"forecasts"`
	Brier      jsonFloat `json:"brier"`
	Over       jsonFloat `json:"overconfidence"`
	Confidence jsonFloat `json:"confidence"`
	HitRate    jsonFloat `json:"hit_rate"`
}

func classFiguresOf(f evaluate.ClassFigures) classFiguresJSON {
	return classFiguresJSON{Questions: f.Questions, Forecasts: f.Forecasts, Brier: jsonFloat(f.Brier),
		Over: jsonFloat(f.Over.Over), Confidence: jsonFloat(f.Over.Confidence), HitRate: jsonFloat(f.Over.HitRate)}
}

type studentJSON struct {
	Rank          *int      `json:"rank"` // null: a question left blank
	Name          string    `json:"name"`
	Line          int       `json:"line"`
	Answered      int       `json:"answered"`
	Brier         jsonFloat `json:"brier"`
	AnalystsBrier jsonFloat `json:"analysts_brier"`
	Over          jsonFloat `json:"overconfidence"`
	Confidence    jsonFloat `json:"confidence"`
	HitRate       jsonFloat `json:"hit_rate"`
}

type classQuestionJSON struct {
	ID       string      `json:"id"`
	Question string      `json:"question"`
	Outcome  string      `json:"outcome"`
	Analysts jsonFloat   `json:"analysts"`
	Mean     jsonFloat   `json:"class_mean"`
	Answered int         `json:"answered"`
	Answers  []jsonFloat `json:"answers"`
}

type classJSON struct {
	Responses  string                 `json:"responses"`
	Unit       string                 `json:"unit"`
	Students   []studentJSON          `json:"students"`
	Class      classFiguresJSON       `json:"class"`
	Crowd      classFiguresJSON       `json:"class_average_forecast"`
	Analysts   classFiguresJSON       `json:"analysts"`
	Questions  []classQuestionJSON    `json:"questions"`
	Hindsight  string                 `json:"hindsight"`
	Warnings   []warningJSON          `json:"warnings"`
	Provenance *provenance.Provenance `json:"provenance"`
}

// WriteClassJSON writes the documented JSON shape of `hindcast score
// --responses`:
//
//	{"responses", "unit": "percent" | "fraction",
//	 "students": [{"rank", "name", "line", "answered", "brier", "analysts_brier",
//	               "overconfidence", "confidence", "hit_rate"}],   best first
//	 "class", "class_average_forecast", "analysts":
//	     {"questions", "forecasts", "brier", "overconfidence", "confidence", "hit_rate"},
//	 "questions": [{"id", "question", "outcome", "analysts", "class_mean", "answered",
//	                "answers": [P or null, one per student in the order of "students"]}],
//	 "hindsight", "warnings": [{"code", "message"}], "provenance"}
//
// Probabilities are fractions; undefined figures are null.
func WriteClassJSON(w io.Writer, c *evaluate.ClassResult) error {
	out := classJSON{Responses: c.Responses, Unit: unitText(c), Class: classFiguresOf(c.Class), Crowd: classFiguresOf(c.Crowd),
		Analysts: classFiguresOf(c.Analysts), Hindsight: Hindsight, Warnings: warningsJSON(c.Warnings), Provenance: c.Provenance,
		Students: []studentJSON{}, Questions: []classQuestionJSON{}}
	for _, s := range c.Students {
		out.Students = append(out.Students, studentJSON{Rank: jsonRank(s.Rank), Name: s.Name, Line: s.Row, Answered: s.Answered,
			Brier: jsonFloat(s.Brier), AnalystsBrier: jsonFloat(s.AnalystsBrier), Over: jsonFloat(s.Over.Over),
			Confidence: jsonFloat(s.Over.Confidence), HitRate: jsonFloat(s.Over.HitRate)})
	}
	for _, q := range c.Questions {
		qj := classQuestionJSON{ID: q.ID, Question: q.Question, Outcome: outcomeText(q.Yes), Analysts: jsonFloat(q.Analyst),
			Mean: jsonFloat(q.Mean), Answered: q.Answered, Answers: []jsonFloat{}}
		for _, p := range q.Answers {
			qj.Answers = append(qj.Answers, jsonFloat(p))
		}
		out.Questions = append(out.Questions, qj)
	}
	return WriteJSON(w, out)
}

// WriteClassCSV writes one row per student (best first), then a row each
// for the class, its average forecast, the analysts and the outcomes:
// columns row, rank, name, answered, brier, analysts_brier,
// overconfidence, confidence, hit_rate, then one per question (by id) with
// that row's P(yes) as a fraction (the outcome row: 1 yes, 0 no).
func WriteClassCSV(w io.Writer, c *evaluate.ClassResult) error {
	if err := writeProvenanceComment(w, c.Provenance); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"row", "rank", "name", "answered", "brier", "analysts_brier", "overconfidence", "confidence", "hit_rate"}
	for _, q := range c.Questions {
		head = append(head, q.ID)
	}
	cw.Write(head)
	f := csvFloat
	figures := func(o analysis.Overconfidence) []string { return []string{f(o.Over), f(o.Confidence), f(o.HitRate)} }
	for k, s := range c.Students {
		rec := append([]string{"student", csvRank(s.Rank), spreadsheetSafe(s.Name), strconv.Itoa(s.Answered), f(s.Brier), f(s.AnalystsBrier)}, figures(s.Over)...)
		for _, q := range c.Questions {
			rec = append(rec, f(q.Answers[k]))
		}
		cw.Write(rec)
	}
	group := func(what string, fig evaluate.ClassFigures, cell func(evaluate.ClassQuestion) float64) {
		rec := []string{what, "", "", strconv.Itoa(fig.Forecasts), f(fig.Brier), ""}
		if what == "outcome" {
			rec = []string{what, "", "", "", "", "", "", "", ""}
		} else {
			rec = append(rec, figures(fig.Over)...)
		}
		for _, q := range c.Questions {
			v := math.NaN()
			if cell != nil {
				v = cell(q)
			}
			rec = append(rec, f(v))
		}
		cw.Write(rec)
	}
	group("class", c.Class, nil)
	group("class_average_forecast", c.Crowd, func(q evaluate.ClassQuestion) float64 { return q.Mean })
	group("analysts", c.Analysts, func(q evaluate.ClassQuestion) float64 { return q.Analyst })
	group("outcome", evaluate.ClassFigures{}, func(q evaluate.ClassQuestion) float64 {
		if q.Yes {
			return 1
		}
		return 0
	})
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe puts a ' before a cell a spreadsheet would run as a
// formula (a name starting with =, +, -, @).
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteClassMarkdown writes the class's scores as Markdown tables.
func WriteClassMarkdown(w io.Writer, c *evaluate.ClassResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s, %s** (%s, %s)\n\n", countNoun(len(c.Students), "student", "students"),
		countNoun(len(c.Questions), "question", "questions"), mdEscape(c.Responses), unitWords(c))
	b.WriteString("| rank | student | answered | Brier | analysts' Brier | overconfidence | confidence | hit rate |\n|---:|---|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range c.Students {
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s |\n", rankText(s.Rank), mdEscape(s.Name), s.Answered,
			Num(s.Brier), Num(s.AnalystsBrier), signed(s.Over.Over), Num(s.Over.Confidence), Num(s.Over.HitRate))
	}
	b.WriteString("\n| | questions | Brier | overconfidence | confidence | hit rate |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range classRows(c) {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", mdEscape(r.name), r.f.Questions, Num(r.f.Brier), signed(r.f.Over.Over), Num(r.f.Over.Confidence), Num(r.f.Over.HitRate))
	}
	fmt.Fprintf(&b, "\n%s\n\n", mdEscape(classLegend))
	b.WriteString("| question | outcome | analysts | class average | answered |\n|---|---|---:|---:|---:|\n")
	for _, q := range c.Questions {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d |\n", mdEscape(q.ID), outcomeText(q.Yes), pct(q.Analyst), pct(q.Mean), q.Answered)
	}
	fmt.Fprintf(&b, "\n%s\n", mdEscape(Hindsight))
	if len(c.Warnings) > 0 {
		b.WriteString("\n**Warnings**\n\n")
		for _, w := range c.Warnings {
			b.WriteString("- " + mdEscape(w.Message) + "\n")
		}
	}
	writeProvenanceMarkdown(&b, c.Provenance)
	_, err := io.WriteString(w, b.String())
	return err
}

// rankText is a student's rank, "–" for a student not ranked (a question
// left blank).
func rankText(r int) string {
	if r == 0 {
		return "–"
	}
	return strconv.Itoa(r)
}

// csvRank is a student's rank in the CSV: empty when not ranked.
func csvRank(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

// jsonRank is a student's rank in the JSON: null when not ranked.
func jsonRank(r int) *int {
	if r == 0 {
		return nil
	}
	return &r
}
