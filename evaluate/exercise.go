package evaluate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/analysis"
	"github.com/hindcast/hindcast/forecasts"
	"github.com/hindcast/hindcast/internal/provenance"
)

// A class exercise: students are given the questions of a dataset as they
// stood on their issue dates (Worksheet), answer each with a probability,
// and are scored against what happened and against the original analysts
// on the same questions (ScoreClass).

// WarnEmptyAnswers is the warning code of answer-sheet cells left empty:
// those questions are left out of that student's scores.
const WarnEmptyAnswers = "empty-answers"

// WorksheetQuestion is one question of a worksheet, as it stood on its
// issue date: nothing that was learnt later.
type WorksheetQuestion struct {
	Number   int    // 1, 2, … in worksheet order
	ID       string // the record's id: the answer sheet's column
	Question string
	Issued   forecasts.Date
	// ResolvesBy is the question's deadline when the record gives one
	// (part of the question, not of its answer).
	ResolvesBy forecasts.Date
	// AskedOf and For are who made the original judgment and for whom:
	// the record's forecaster and audience.
	AskedOf, For string
	Dataset      string // the dataset's name
}

// WorksheetDataset is a dataset a worksheet draws on: its name and title.
// Its description is not given: a description written after the events
// may tell how they ended.
type WorksheetDataset struct{ Name, Title string }

// Worksheet is what a class exercise hands out: the questions of the
// chosen records resolved yes or no, in dataset and file order, with
// nothing of their outcomes, the analysts' answers or the coders' notes.
type Worksheet struct {
	Datasets  []WorksheetDataset
	Questions []WorksheetQuestion
	// LeftOut are the ids of chosen records not resolved yes or no: they
	// could not be scored, so they are not asked.
	LeftOut []string
}

// MakeWorksheet reads the records the input chooses and makes their
// worksheet. A flat table is a usage error (it has no questions); a
// selection with no record resolved yes or no is an error.
func MakeWorksheet(in Input) (*Worksheet, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	ds, err := in.Datasets("exercise")
	if err != nil {
		return nil, err
	}
	w := &Worksheet{}
	for _, d := range ds {
		title := d.Title
		if d.ChosenBy != "" { // the title may describe records left out
			title = fmt.Sprintf("%s, %d of its %d records (%s)", d.Name, len(d.Records), d.Total, d.ChosenBy)
		}
		w.Datasets = append(w.Datasets, WorksheetDataset{Name: d.Name, Title: title})
		for _, r := range d.Records {
			if !r.Outcome.Scored() {
				w.LeftOut = append(w.LeftOut, r.ID)
				continue
			}
			w.Questions = append(w.Questions, WorksheetQuestion{
				Number: len(w.Questions) + 1, ID: r.ID, Question: oneLine(r.Question),
				Issued: r.Issued, ResolvesBy: r.ResolvesBy, AskedOf: oneLine(r.Forecaster), For: oneLine(r.Audience), Dataset: d.Name,
			})
		}
	}
	if len(w.Questions) == 0 {
		return nil, fmt.Errorf("no record chosen is resolved yes or no (%s): a worksheet needs questions whose answers are known", strings.Join(w.LeftOut, ", "))
	}
	return w, nil
}

// oneLine joins the lines of s with spaces and trims it.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ClassOptions are the choices of ScoreClass.
type ClassOptions struct {
	// Responses is the answer sheet's path, as the user gave it.
	Responses string
	// Anonymise replaces the students' names with "Student 1" … "Student
	// N", numbered in the order of the answer sheet's rows.
	Anonymise bool
}

// StudentScore is one student's figures on the questions they answered.
type StudentScore struct {
	Name string
	Row  int // the line of the student's row in the answer sheet
	// Rank is 1 for the lowest Brier score among the students who answered
	// every question; students with equal scores share a rank. A student
	// who left a question blank is not ranked (0): a Brier score over
	// fewer, perhaps easier, questions is not comparable with the others'.
	Rank     int
	Answered int
	Brier    float64
	Over     analysis.Overconfidence
	// AnalystsBrier is the analysts' Brier score on exactly the questions
	// this student answered.
	AnalystsBrier float64
}

// ClassFigures are the Brier score and overconfidence of one forecaster
// (the class, its average forecast, the analysts) on a set of questions.
type ClassFigures struct {
	Questions int // questions scored
	Forecasts int // forecasts scored (the analysts may have several per question)
	Brier     float64
	Over      analysis.Overconfidence
}

// ClassQuestion is one question of the answer sheet with the class's
// answers to it.
type ClassQuestion struct {
	ID       string
	Question string
	Yes      bool      // the outcome
	Analyst  float64   // the analyst's P(yes), as coded (with --scale and --reading)
	Answers  []float64 // the students' P(yes), in leaderboard order, NaN when left empty
	Answered int
	Mean     float64 // the class's average answer, NaN when no one answered
}

// ClassResult is the result of `hindcast score --responses`.
type ClassResult struct {
	Responses string // the answer sheet, as named
	Percent   bool   // the sheet's answers were read as percentages (else fractions)
	Students  []StudentScore
	Questions []ClassQuestion
	// Class is the average student: the mean of the students' Brier
	// scores, of their confidence and of their hit rates; Questions is
	// the number of questions anyone answered, Forecasts every answer.
	Class ClassFigures
	// Crowd is the class's average answer to each question, scored as one forecaster.
	Crowd ClassFigures
	// Analysts are the records' own forecasts on the questions anyone answered.
	Analysts   ClassFigures
	Warnings   []analysis.Warning
	Provenance *provenance.Provenance
}

// ScoreClass reads an answer sheet and scores the class on the records the
// input chooses that the sheet has a column for: each student, the class
// as a whole, its average forecast, and the original analysts on the same
// questions. Every problem of the sheet is returned at once as a
// forecasts.ErrorList.
func ScoreClass(in Input, opts ClassOptions) (*ClassResult, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	if in.weighted() {
		return nil, usagef("--weight and --latest weigh repeated forecasts; a class answers each question once")
	}
	if len(in.By) > 0 {
		return nil, usagef("--by groups forecasts; the class's figures are by student (give none)")
	}
	ds, err := in.Datasets("score --responses")
	if err != nil {
		return nil, err
	}
	sheet, err := ReadAnswerSheet(opts.Responses, AllRecords(ds))
	if err != nil {
		return nil, err
	}
	cs, _, _ := in.codeRecords(ds, func(*forecasts.Record) {})
	analyst := map[string]float64{}
	for _, c := range cs {
		analyst[c.Record.ID] = c.P
	}
	res := &ClassResult{Responses: opts.Responses, Percent: sheet.Percent}
	for k, s := range sheet.Students {
		if opts.Anonymise {
			sheet.Students[k].Name = fmt.Sprintf("Student %d", k+1)
		}
		var ps, as []float64
		var yes []bool
		for j, p := range s.Answers {
			if math.IsNaN(p) {
				continue
			}
			r := sheet.Columns[j]
			ps = append(ps, p)
			as = append(as, analyst[r.ID])
			yes = append(yes, r.Outcome == forecasts.Yes)
		}
		t := analysis.TableOf(ps, yes, nil)
		res.Students = append(res.Students, StudentScore{
			Name: sheet.Students[k].Name, Row: s.Line, Answered: len(ps),
			Brier: analysis.Brier(t), Over: analysis.OverconfidenceOf(t),
			AnalystsBrier: analysis.Brier(analysis.TableOf(as, yes, nil)),
		})
	}
	order := make([]int, len(res.Students))
	for i := range order {
		order[i] = i
	}
	all := len(sheet.Columns)
	complete := func(s StudentScore) int { // 0 for every question answered, 1 for fewer
		if s.Answered == all {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := res.Students[a], res.Students[b]
		return cmp.Or(cmp.Compare(complete(sa), complete(sb)), cmp.Compare(sa.Brier, sb.Brier), cmp.Compare(sa.Name, sb.Name))
	})
	ranked := make([]StudentScore, len(order))
	for i, k := range order {
		ranked[i] = res.Students[k]
		switch {
		case complete(ranked[i]) == 1:
			ranked[i].Rank = 0 // listed after the ranked, unranked
		case i > 0 && ranked[i].Brier == ranked[i-1].Brier:
			ranked[i].Rank = ranked[i-1].Rank
		default:
			ranked[i].Rank = i + 1
		}
	}
	res.Students = ranked

	// The questions, and every answer to each.
	var crowd, analystsP []float64
	var analystsYes, crowdOutcomes []bool
	for j, r := range sheet.Columns {
		q := ClassQuestion{ID: r.ID, Question: oneLine(r.Question), Yes: r.Outcome == forecasts.Yes, Analyst: analyst[r.ID]}
		var sum float64
		for _, k := range order {
			p := sheet.Students[k].Answers[j]
			q.Answers = append(q.Answers, p)
			if !math.IsNaN(p) {
				q.Answered++
				sum += p
			}
		}
		q.Mean = math.NaN()
		if q.Answered > 0 {
			q.Mean = sum / float64(q.Answered)
			crowd = append(crowd, q.Mean)
			crowdOutcomes = append(crowdOutcomes, q.Yes)
			analystsP = append(analystsP, q.Analyst)
			analystsYes = append(analystsYes, q.Yes)
		} else {
			res.Warnings = append(res.Warnings, analysis.Warning{Code: WarnEmptyAnswers,
				Message: fmt.Sprintf("no student answered %s: it is left out of every figure", r.ID)})
		}
		res.Questions = append(res.Questions, q)
	}
	res.Crowd = figuresOf(crowd, crowdOutcomes)
	res.Analysts = figuresOf(analystsP, analystsYes)
	res.Class = ClassFigures{Questions: len(crowd)}
	var conf, hits float64
	for _, s := range res.Students {
		res.Class.Forecasts += s.Answered
		res.Class.Brier += s.Brier
		conf += s.Over.Confidence
		hits += s.Over.HitRate
	}
	n := float64(len(res.Students))
	res.Class.Brier /= n
	res.Class.Over = analysis.Overconfidence{Confidence: conf / n, HitRate: hits / n}
	res.Class.Over.Over = res.Class.Over.Confidence - res.Class.Over.HitRate

	res.Warnings = append(sheet.Warnings(opts.Anonymise), res.Warnings...)
	sel := map[string]forecasts.Selection{}
	for _, d := range ds {
		for _, r := range d.Records {
			if slices.Contains(sheet.Columns, r) {
				sel[d.Name] = d.Selection
			}
		}
	}
	res.Warnings = append(res.Warnings, selectionWarnings(sel, classSelection)...)
	if left := len(cs) - len(sheet.Columns); left > 0 {
		res.Warnings = append(res.Warnings, analysis.Warning{Code: WarnExcluded,
			Message: fmt.Sprintf("%d of the records chosen %s no column on the answer sheet and %s not scored; --id or --exclude chooses exactly the worksheet's records",
				left, plural(left, "has", "have"), plural(left, "is", "are"))})
	}
	inputs, err := datasetInputs(ds)
	if err != nil {
		return nil, err
	}
	sheetInput, err := provenance.HashFile(opts.Responses, opts.Responses)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Responses, pathError(err))
	}
	anon := ""
	if opts.Anonymise {
		anon = "true"
	}
	res.Provenance = in.provenanceOf(append(inputs, sheetInput),
		provenance.Option{Key: "responses", Value: opts.Responses}, provenance.Option{Key: "anonymise", Value: anon})
	return res, nil
}

// classSelection says what a dataset's selection does to a class's
// comparison with its analysts.
var classSelection = selectionConsequence{
	failed:    "the analysts' scores on it are worse than a fair sample of their judgments would give, so the class beating them says even less",
	notSample: "the analysts' scores describe these cases, not how the analysts did in general",
}

// figuresOf scores forecasts p of outcomes yes as one forecaster.
func figuresOf(p []float64, yes []bool) ClassFigures {
	t := analysis.TableOf(p, yes, nil)
	return ClassFigures{Questions: len(p), Forecasts: len(p), Brier: analysis.Brier(t), Over: analysis.OverconfidenceOf(t)}
}
