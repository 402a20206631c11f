package evaluate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
)

// An answer sheet is a CSV (or tab-separated) table with one row per
// student: a column of names, then one column per question, headed by the
// record's id or by its question text, holding the student's probability
// that the answer is yes. A Google Forms export reads as it is: its
// Timestamp column (and Score, Email address when there is a name column)
// are passed over.

// maxAnswerSheet is the largest answer sheet read, in bytes.
const maxAnswerSheet = 16 << 20

// Headers of the columns that name the student, and of those passed over,
// compared in lower case.
var (
	nameHeaders    = []string{"name", "your name", "full name", "student", "student name", "first and last name"}
	emailHeaders   = []string{"email", "email address", "e-mail", "e-mail address", "username"}
	ignoredHeaders = []string{"timestamp", "score", "total score", "points"}
)

// AnswerSheet is a class's answers.
type AnswerSheet struct {
	File string
	// Columns are the records the question columns are about, in the
	// sheet's order.
	Columns  []*forecasts.Record
	Students []StudentAnswers // in the order of the sheet's rows
	// Percent is true when the answers were written as percentages (some
	// carry a % sign or are above 1), false when as fractions.
	Percent bool
	empty   []emptyAnswer
}

// StudentAnswers is one student's row: the name, the line it is on and a
// P(yes) for each of AnswerSheet.Columns, NaN where the cell is empty.
type StudentAnswers struct {
	Name    string
	Line    int
	Answers []float64
}

// emptyAnswer is a question cell left empty.
type emptyAnswer struct {
	student   int // index in Students
	id        string
	line, col int
}

// Warnings says which answers were left empty (each is left out of that
// student's scores); anonymise names the students by number.
func (s *AnswerSheet) Warnings(anonymise bool) []analysis.Warning {
	if len(s.empty) == 0 {
		return nil
	}
	var parts []string
	for _, e := range s.empty {
		name := s.Students[e.student].Name
		if anonymise {
			name = fmt.Sprintf("Student %d", e.student+1)
		}
		parts = append(parts, fmt.Sprintf("%s on %s (%s:%d:%d)", name, e.id, s.File, e.line, e.col))
	}
	n := len(s.empty)
	return []analysis.Warning{{Code: WarnEmptyAnswers, Message: fmt.Sprintf("%d %s left empty, each left out of that student's scores (and the analysts' beside them): %s",
		n, plural(n, "answer", "answers"), strings.Join(parts, "; "))}}
}

// ReadAnswerSheet reads the answer sheet at path; its question columns are
// matched with the records of pool. Every problem is reported, as a
// forecasts.ErrorList, with its line, column and field.
func ReadAnswerSheet(path string, pool []*forecasts.Record) (*AnswerSheet, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xls", ".ods", ".numbers":
		return nil, usagef("--responses %s: save the sheet as CSV (File > Download > Comma-separated values, or Save As CSV) and give that file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAnswerSheet+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, pathError(err))
	}
	if len(data) > maxAnswerSheet {
		return nil, fmt.Errorf("%s: larger than %d MiB: not an answer sheet", path, maxAnswerSheet>>20)
	}
	comma := ','
	if strings.EqualFold(filepath.Ext(path), ".tsv") {
		comma = '\t'
	}
	return ParseAnswerSheet(path, data, comma, pool)
}

// answerCell is a question cell that holds a number, before the sheet's
// unit is known.
type answerCell struct {
	student, question int
	value             float64
	percent           bool // written with a % sign
	text              string
	line, col         int
}

// numberText is a probability as a cell may hold it: 70, 70%, 0.7, .7, 70 %.
var numberText = regexp.MustCompile(`^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(%?)$`)

// ParseAnswerSheet reads an answer sheet held in data, named name; comma
// separates its cells.
func ParseAnswerSheet(name string, data []byte, comma rune, pool []*forecasts.Record) (*AnswerSheet, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var errs forecasts.ErrorList
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		errs.Add(name, line, 0, "", "not UTF-8 text: save the sheet as CSV UTF-8")
		return nil, errs
	}
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	// col turns the reader's byte column into the character column an
	// editor shows.
	col := func(line, byteCol int) int {
		if line < 1 || line > len(starts) {
			return byteCol
		}
		s := starts[line-1]
		e := min(s+byteCol-1, len(data))
		return utf8.RuneCount(data[s:e]) + 1
	}
	pos := func(field int) (int, int) {
		l, c := r.FieldPos(field)
		return l, col(l, c)
	}
	readErr := func(err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			errs.Add(name, pe.Line, col(pe.Line, pe.Column), "", "%s", pe.Err)
		} else {
			errs.Add(name, 0, 0, "", "%v", err)
		}
		return errs
	}

	header, err := r.Read()
	if err == io.EOF {
		errs.Add(name, 1, 0, "", "empty: an answer sheet has a header row (name, then one column per question) and a row per student")
		return nil, errs
	}
	if err != nil {
		return nil, readErr(err)
	}
	sheet := &AnswerSheet{File: name}
	nameCol, emailCol := -1, -1
	var qcols []int // the header index of each of sheet.Columns
	var blank []int // header cells left empty
	headerPos := make([][2]int, len(header))
	for i := range header {
		l, c := pos(i)
		headerPos[i] = [2]int{l, c}
	}
	byID, byText, ids := questionIndex(pool)
	for i, h := range header {
		h = oneLine(h)
		lower := strings.ToLower(h)
		line, c := headerPos[i][0], headerPos[i][1]
		switch {
		case h == "":
			blank = append(blank, i)
		case slices.Contains(ignoredHeaders, lower) || strings.HasPrefix(h, "#"):
		case slices.Contains(nameHeaders, lower):
			if nameCol >= 0 {
				errs.Add(name, line, c, h, "a second column of names (the first is column %d): keep one", nameCol+1)
			} else {
				nameCol = i
			}
		case slices.Contains(emailHeaders, lower):
			if emailCol < 0 {
				emailCol = i
			}
		default:
			rec, problem := matchQuestion(h, byID, byText, ids)
			if problem != "" {
				errs.Add(name, line, c, h, "%s", problem)
				continue
			}
			if j := slices.Index(sheet.Columns, rec); j >= 0 {
				errs.Add(name, line, c, h, "a second column for %s (the first is column %d): one column per question", rec.ID, qcols[j]+1)
				continue
			}
			if !rec.Outcome.Scored() {
				errs.Add(name, line, c, h, "%s is %s, not resolved yes or no: it cannot be scored (leave the column out)", rec.ID, rec.Outcome)
				continue
			}
			sheet.Columns = append(sheet.Columns, rec)
			qcols = append(qcols, i)
		}
	}
	if nameCol < 0 {
		nameCol = emailCol
	}
	if nameCol < 0 {
		errs.Add(name, 1, 1, "", "no column of names: head one column name (or email) and write each student's name in it")
	}
	if len(sheet.Columns) == 0 && len(errs) == 0 {
		errs.Add(name, 1, 1, "", "no column is a question: head each with a record's id (as hindcast exercise writes them) or its question text")
	}

	var cells []answerCell
	seen := map[string]int{} // a student's name, in lower case → line
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, readErr(err)
		}
		if allBlank(row) {
			continue
		}
		line, _ := pos(0)
		if len(row) > len(header) {
			l, c := pos(len(header))
			errs.Add(name, l, c, "", "%d cells, but the header has %d: a cell with no column", len(row), len(header))
			continue
		}
		for _, i := range blank {
			if i < len(row) && strings.TrimSpace(row[i]) != "" {
				l, c := pos(i)
				errs.Add(name, l, c, fmt.Sprintf("column %d", i+1), "a value in a column with no header: head it with a question's id, or clear it")
			}
		}
		if nameCol < 0 {
			continue
		}
		k := len(sheet.Students)
		st := StudentAnswers{Line: line, Answers: make([]float64, len(sheet.Columns))}
		header := func(i int) string { return oneLine(header[i]) }
		if nameCol < len(row) {
			st.Name = oneLine(row[nameCol])
		}
		switch l, c := pos(min(nameCol, len(row)-1)); {
		case st.Name == "":
			errs.Add(name, l, c, header(nameCol), "no name: every row is one student, named")
		case seen[strings.ToLower(st.Name)] > 0:
			errs.Add(name, l, c, header(nameCol), "%s again (first on line %d): one row per student; remove one row or tell the two apart", st.Name, seen[strings.ToLower(st.Name)])
		default:
			seen[strings.ToLower(st.Name)] = line
		}
		answered := 0
		for j, i := range qcols {
			st.Answers[j] = math.NaN()
			id := sheet.Columns[j].ID
			if i >= len(row) || strings.TrimSpace(row[i]) == "" {
				l, c := line, 0
				if i < len(row) {
					l, c = pos(i)
				}
				sheet.empty = append(sheet.empty, emptyAnswer{student: k, id: id, line: l, col: c})
				continue
			}
			answered++
			l, c := pos(i)
			text := strings.TrimSpace(row[i])
			m := numberText.FindStringSubmatch(text)
			if m == nil {
				errs.Add(name, l, c, id, "%q is not a probability: write 70, 70%% or 0.7", text)
				continue
			}
			v, _ := strconv.ParseFloat(m[2], 64)
			if m[1] == "-" && v != 0 {
				errs.Add(name, l, c, id, "%s is out of range: a probability is 0 to 100%% (0 to 1 as a fraction)", text)
				continue
			}
			cells = append(cells, answerCell{student: k, question: j, value: v, percent: m[3] == "%", text: text, line: l, col: c})
		}
		if answered == 0 && len(qcols) > 0 {
			l, c := pos(min(nameCol, len(row)-1))
			errs.Add(name, l, c, header(nameCol), "%s answered no question: fill the row in or remove it", cmpOr(st.Name, "this row"))
		}
		sheet.Students = append(sheet.Students, st)
	}
	if len(sheet.Students) == 0 && len(errs) == 0 {
		errs.Add(name, 2, 0, "", "no student's row: the header is all there is")
	}
	setAnswers(sheet, cells, &errs)
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return sheet, nil
}

// setAnswers decides the sheet's unit and puts each cell's P(yes) in
// place. The unit is one for the whole sheet: percentages when any answer
// carries a % sign or is above 1, fractions otherwise. In a sheet of
// percentages an answer above 0 and at most 1 with no % sign could mean
// either (0.7: 70% or 0.7%?), and is refused.
func setAnswers(sheet *AnswerSheet, cells []answerCell, errs *forecasts.ErrorList) {
	var why *answerCell
	for k := range cells {
		if cells[k].percent || cells[k].value > 1 {
			why = &cells[k]
			break
		}
	}
	sheet.Percent = why != nil
	for _, c := range cells {
		field := sheet.Columns[c.question].ID
		p := c.value
		if sheet.Percent {
			if !c.percent && c.value > 0 && c.value <= 1 {
				errs.Add(sheet.File, c.line, c.col, field,
					"%s is ambiguous: the sheet is in percentages (%s at line %d, column %d), so this reads as %s%% but may mean %s; write %s%% or %s",
					c.text, why.text, why.line, why.col, c.text, percentText(c.value), c.text, strconv.FormatFloat(100*c.value, 'g', -1, 64))
				continue
			}
			p = c.value / 100
		}
		if p > 1 {
			errs.Add(sheet.File, c.line, c.col, field, "%s is out of range: a probability is 0 to 100%%", c.text)
			continue
		}
		sheet.Students[c.student].Answers[c.question] = p
	}
}

// percentText writes a fraction as a percentage for a message: 0.7 → "70%".
func percentText(v float64) string { return strconv.FormatFloat(100*v, 'g', -1, 64) + "%" }

// cmpOr returns s, or or when s is empty.
func cmpOr(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

// questionIndex indexes the records by id and by question text, both in
// lower case (question text with its spaces collapsed and a final ?
// dropped), and lists the ids.
func questionIndex(pool []*forecasts.Record) (byID map[string]*forecasts.Record, byText map[string][]*forecasts.Record, ids []string) {
	byID, byText = map[string]*forecasts.Record{}, map[string][]*forecasts.Record{}
	for _, r := range pool {
		byID[strings.ToLower(r.ID)] = r
		t := questionKey(r.Question)
		byText[t] = append(byText[t], r)
		ids = append(ids, r.ID)
	}
	return byID, byText, ids
}

// questionKey is question text as it is compared.
func questionKey(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.ToLower(oneLine(s)), "?"))
}

// matchQuestion finds the record a column header names: its id exactly,
// its id followed by other text ("cpc-shah-1978: Will the Shah …", the
// longest id that fits), or its question text. It returns why not when
// none or more than one does.
func matchQuestion(h string, byID map[string]*forecasts.Record, byText map[string][]*forecasts.Record, ids []string) (*forecasts.Record, string) {
	lower := strings.ToLower(h)
	if r := byID[lower]; r != nil {
		return r, ""
	}
	var best *forecasts.Record
	for id, r := range byID {
		if len(id) < len(lower) && strings.HasPrefix(lower, id) && !idRune(rune(lower[len(id)])) && (best == nil || len(id) > len(best.ID)) {
			best = r
		}
	}
	if best != nil {
		return best, ""
	}
	switch rs := byText[questionKey(h)]; len(rs) {
	case 1:
		return rs[0], ""
	case 0:
	default:
		var names []string
		for _, r := range rs {
			names = append(names, r.ID)
		}
		return nil, fmt.Sprintf("the question of %s (asked on different dates or of different forecasters): head the column with the id", strings.Join(names, " and "))
	}
	msg := "not the id or the question of a record chosen (--data, --dataset, --id, --exclude, --where choose them)"
	var near []string
	for _, id := range ids {
		if len(near) < 3 && len(lower) >= 3 && (strings.Contains(strings.ToLower(id), lower) || strings.Contains(lower, strings.ToLower(id))) {
			near = append(near, id)
		}
	}
	if s := forecasts.Suggest(h, ids); len(near) == 0 && s != "" {
		near = append(near, s)
	}
	if len(near) > 0 {
		return nil, msg + "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return nil, msg + "; a column that holds no answers can be deleted, or headed with # to be passed over"
}

// idRune reports whether r can continue a record id (a ':' may end one,
// as in "cpc-shah-1978: Will …").
func idRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'
}

// allBlank reports whether every cell of the row is empty or spaces.
func allBlank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}
