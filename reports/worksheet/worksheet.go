// Package worksheet renders a class exercise's worksheet: the questions of
// a dataset as they stood on their issue dates, with nothing of how they
// ended, as a print-friendly HTML page, a PDF to print, a CSV answer
// sheet to fill in (one row per student) and a CSV key of the questions.
package worksheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// The files of a worksheet, by name.
const (
	HTMLFile      = "worksheet.html"
	PDFFile       = "worksheet.pdf"
	AnswersFile   = "answers.csv"
	QuestionsFile = "questions.csv"
)

// Files renders every file of the worksheet, by name.
func Files(w *evaluate.Worksheet) (map[string][]byte, error) {
	pdf, err := PDF(w)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		HTMLFile:      HTML(w),
		PDFFile:       pdf,
		AnswersFile:   AnswerSheet(w),
		QuestionsFile: QuestionKey(w),
	}, nil
}

// The words of the worksheet, shared by the HTML and the PDF.
const (
	title = "Class exercise: judge it as it stood"
	// instructions say what to do.
	instructions = "For each question, give the probability, from 0 to 100%, that the answer is yes, " +
		"as you would have judged it on the date it was asked. Write your answers on the answer sheet " +
		"(" + AnswersFile + ": one row with your name, and one column per question headed by its id), " +
		"or in the form your instructor gives you. Write 70 or 70% for 70 in 100, and keep to one way of writing them."
	// given says what the worksheet holds, and what it leaves out.
	given = "What you have: each question, the date it was asked, who was asked and for whom, and its deadline. " +
		"The records hold no account of what was known on that date, so none is given. Left out on purpose: " +
		"the analysts' answers, the coders' notes, the sources, the notes on dates and the datasets' " +
		"descriptions, which were written later and may tell how things ended; and the outcomes. " +
		"Work from the question, its date and what you know of the period, and try to set aside what you know happened next."
	answerPrompt = "Your probability that the answer is yes:"
	reasonPrompt = "Your reasons:"
)

// months are the months' names, for dates in words.
var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// longDate writes a date in words as precise as it was recorded: "1978",
// "August 1978", "31 January 1979".
func longDate(d forecasts.Date) string {
	switch {
	case d.IsZero():
		return "date unknown"
	case d.Month == 0:
		return fmt.Sprintf("%d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", months[d.Month-1], d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, months[d.Month-1], d.Year)
}

// subtitle names the datasets the questions come from.
func subtitle(w *evaluate.Worksheet) string {
	var parts []string
	for _, d := range w.Datasets {
		t := d.Title
		if t == "" {
			t = d.Name
		}
		parts = append(parts, t)
	}
	return fmt.Sprintf("%d questions from %s", len(w.Questions), strings.Join(parts, "; "))
}

// facts are the lines under a question: when it was asked, its deadline,
// and who was asked for whom.
func facts(q evaluate.WorksheetQuestion) []string {
	when := "Asked: " + longDate(q.Issued)
	if !q.ResolvesBy.IsZero() {
		when += ". Deadline: " + longDate(q.ResolvesBy)
	}
	out := []string{when}
	if q.AskedOf != "" {
		who := "Judged by: " + q.AskedOf
		if q.For != "" {
			who += ", for " + q.For
		}
		out = append(out, who)
	}
	return out
}

// AnswerSheet is the CSV answer sheet to fill in: a header row with name
// and the questions' ids, in worksheet order, and nothing else; each
// student adds a row. Spreadsheets and form tools import it as it is, and
// `hindcast score --responses` reads it back.
func AnswerSheet(w *evaluate.Worksheet) []byte {
	head := []string{"name"}
	for _, q := range w.Questions {
		head = append(head, q.ID)
	}
	return csvBytes([][]string{head})
}

// QuestionKey is the CSV key of the answer sheet's columns: number, id,
// date asked, deadline and question text, a row per question; for a form
// tool, whose questions may be titled with the id or the question text.
func QuestionKey(w *evaluate.Worksheet) []byte {
	rows := [][]string{{"number", "id", "asked", "deadline", "question"}}
	for _, q := range w.Questions {
		rows = append(rows, []string{fmt.Sprint(q.Number), q.ID, q.Issued.String(), q.ResolvesBy.String(), q.Question})
	}
	return csvBytes(rows)
}

// csvBytes writes rows as CSV, guarding cells a spreadsheet would run as
// formulas.
func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	for _, r := range rows {
		for i, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				r[i] = "'" + c
			}
		}
		cw.Write(r)
	}
	cw.Flush()
	return b.Bytes()
}
