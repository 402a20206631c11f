package evaluate_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// The four CPC assessments, as the class sees them (Deng's forecast left
// out). Their outcomes and the analysts' P(yes) as coded (Kent's "almost
// certain" 0.93, "probable" 0.75, the Romania range's point 0.225; the
// three negated records scored as 1 − estimate):
//
//	cpc-khmer-rouge-1978  no   0.93
//	cpc-phnom-penh-1979   yes  0.07
//	cpc-shah-1978         yes  0.25
//	cpc-romania-1989      yes  0.225
var cpcFour = evaluate.Selection{Exclude: []string{"deng-vietnam-1978"}}

// cpcPool is the records of the built-in cpc dataset an answer sheet's
// columns are matched with.
func cpcPool(t *testing.T, builtins ...string) []*forecasts.Record {
	t.Helper()
	ds, err := evaluate.LoadDatasets(nil, builtins)
	if err != nil {
		t.Fatal(err)
	}
	return evaluate.AllRecords(ds)
}

// sheetFile writes an answer sheet into a test folder.
func sheetFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "answers.csv")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// A class of three on the four CPC assessments, answers in percent:
//
//	          khmer(no) phnom(yes) shah(yes) romania(yes)
//	Ana          20        90%        60         70
//	Ben          10        80         50         40
//	Carla        95         5         30         10
//
// Brier, each answer's (p − outcome)²:
//
//	Ana   (.04 + .01 + .16 + .09) / 4     = 0.30 / 4  = 0.075
//	Ben   (.01 + .04 + .25 + .36) / 4     = 0.66 / 4  = 0.165
//	Carla (.9025 + .9025 + .49 + .81) / 4 = 3.105 / 4 = 0.77625
//
// Overconfidence (confidence: max(p, 1 − p); a hit when the side leaned to
// happened, half a hit at 50%):
//
//	Ana   conf (.8 + .9 + .6 + .7) / 4 = 0.75,  hits 4/4 = 1      over −0.25
//	Ben   conf (.9 + .8 + .5 + .6) / 4 = 0.7,   hits (1 + 1 + .5 + 0)/4 = 0.625, over 0.075
//	Carla conf (.95 + .95 + .7 + .9)/4 = 0.875, hits 0             over 0.875
//
// The class, the average student: Brier (0.075 + 0.165 + 0.77625)/3 =
// 0.33875; confidence (0.75 + 0.7 + 0.875)/3 = 0.775; hit rate (1 + 0.625
// + 0)/3 = 0.541666…; over 0.775 − 0.541666… = 0.233333….
//
// The class's average forecast: khmer 1.25/3 = 5/12, phnom 1.75/3 = 7/12,
// shah 1.4/3 = 7/15, romania 1.2/3 = 0.4. Brier ((5/12)² + (5/12)² +
// (8/15)² + 0.6²)/4 = (25/72 + 29/45)/4 = (357/360)/4 = 357/1440 =
// 0.247916…; confidence (7/12 + 7/12 + 8/15 + 0.6)/4 = 69/120 = 0.575, hits
// 2/4 (khmer, phnom; shah and romania lean to no), over 0.075.
//
// The analysts on the same four questions: Brier (0.93² + 0.93² + 0.75² +
// 0.775²)/4 = (0.8649 + 0.8649 + 0.5625 + 0.600625)/4 = 0.72323125;
// confidence (0.93 + 0.93 + 0.75 + 0.775)/4 = 0.84625, no hits: over 0.84625.
const classOfThree = "Timestamp,Name,cpc-khmer-rouge-1978,cpc-phnom-penh-1979,Will the Shah of Iran step down or leave Iran by 28 February 1979?,cpc-romania-1989: the regime falls\n" +
	"2026/12/01 10:00:00,Ana,20,90%,60,70\n" +
	"2026/12/01 10:01:00,Ben,10,80,50,40\n" +
	"2026/12/01 10:02:00,Carla,95,5,30,10\n"

func TestScoreClassByHand(t *testing.T) {
	in := evaluate.Input{Builtins: []string{"cpc"}, Select: cpcFour}
	c, err := evaluate.ScoreClass(in, evaluate.ClassOptions{Responses: sheetFile(t, classOfThree)})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Percent {
		t.Error("the sheet was not read as percentages")
	}
	want := []struct {
		name                 string
		rank                 int
		brier, conf, hits, o float64
	}{
		{"Ana", 1, 0.075, 0.75, 1, -0.25},
		{"Ben", 2, 0.165, 0.7, 0.625, 0.075},
		{"Carla", 3, 0.77625, 0.875, 0, 0.875},
	}
	if len(c.Students) != 3 {
		t.Fatalf("%d students, want 3", len(c.Students))
	}
	for i, w := range want {
		s := c.Students[i]
		if s.Name != w.name || s.Rank != w.rank || s.Answered != 4 || !near(s.Brier, w.brier) ||
			!near(s.Over.Confidence, w.conf) || !near(s.Over.HitRate, w.hits) || !near(s.Over.Over, w.o) || !near(s.AnalystsBrier, 0.72323125) {
			t.Errorf("student %d: %+v, want %+v with the analysts' Brier 0.72323125", i+1, s, w)
		}
	}
	if f := c.Class; f.Questions != 4 || f.Forecasts != 12 || !near(f.Brier, 0.33875) || !near(f.Over.Confidence, 0.775) ||
		!near(f.Over.HitRate, 1.625/3) || !near(f.Over.Over, 0.775-1.625/3) {
		t.Errorf("class %+v, want Brier 0.33875, confidence 0.775, hit rate 0.541666…", f)
	}
	if f := c.Crowd; f.Questions != 4 || !near(f.Brier, 357.0/1440) || !near(f.Over.Confidence, 0.575) || !near(f.Over.HitRate, 0.5) || !near(f.Over.Over, 0.075) {
		t.Errorf("average forecast %+v, want Brier 357/1440, confidence 0.575, hit rate 0.5", f)
	}
	if f := c.Analysts; f.Questions != 4 || !near(f.Brier, 0.72323125) || !near(f.Over.Over, 0.84625) || f.Over.HitRate != 0 {
		t.Errorf("analysts %+v, want Brier 0.72323125, overconfidence 0.84625", f)
	}
	means := []float64{5.0 / 12, 7.0 / 12, 7.0 / 15, 0.4}
	for j, q := range c.Questions {
		if !near(q.Mean, means[j]) || q.Answered != 3 {
			t.Errorf("%s: class average %v from %d answers, want %v from 3", q.ID, q.Mean, q.Answered, means[j])
		}
	}
	// Deng's forecast was left out: no warning of a record without a column.
	for _, w := range c.Warnings {
		if w.Code == evaluate.WarnExcluded || w.Code == evaluate.WarnEmptyAnswers {
			t.Errorf("unexpected warning %v", w)
		}
	}
}

// An empty cell leaves that question out of that student's figures and of
// the analysts' beside them. Ben without Romania: Brier (.01 + .04 +
// .25)/3 = 0.1; the analysts on his three questions (0.8649 + 0.8649 +
// 0.5625)/3 = 0.7641. Anonymised, the students are numbered in the order
// of the sheet's rows: Ben is Student 2.
func TestScoreClassEmptyCellAnonymised(t *testing.T) {
	sheet := strings.Replace(classOfThree, "Ben,10,80,50,40", "Ben,10,80,50,", 1)
	in := evaluate.Input{Builtins: []string{"cpc"}, Select: cpcFour}
	c, err := evaluate.ScoreClass(in, evaluate.ClassOptions{Responses: sheetFile(t, sheet), Anonymise: true})
	if err != nil {
		t.Fatal(err)
	}
	var ben *evaluate.StudentScore
	for i := range c.Students {
		if c.Students[i].Name == "Student 2" {
			ben = &c.Students[i]
		}
		if strings.Contains(c.Students[i].Name, "Ben") || strings.Contains(c.Students[i].Name, "Ana") {
			t.Errorf("name %q not anonymised", c.Students[i].Name)
		}
	}
	if ben == nil || ben.Answered != 3 || !near(ben.Brier, 0.1) || !near(ben.AnalystsBrier, 0.7641) {
		t.Fatalf("Student 2 (Ben): %+v, want 3 answered, Brier 0.1, analysts 0.7641", ben)
	}
	var warned bool
	for _, w := range c.Warnings {
		if w.Code == evaluate.WarnEmptyAnswers {
			warned = true
			if !strings.Contains(w.Message, "Student 2 on cpc-romania-1989") || !strings.Contains(w.Message, "answers.csv:3:") || strings.Contains(w.Message, "Ben") {
				t.Errorf("empty-answers warning %q: want the student's number and the cell's place, not the name", w.Message)
			}
		}
	}
	if !warned {
		t.Error("no warning of the empty answer")
	}
}

// A sheet of fractions is read as fractions; 1 is certainty there.
func TestAnswerSheetFractions(t *testing.T) {
	s, err := evaluate.ParseAnswerSheet("f.csv", []byte("name,cpc-shah-1978,cpc-romania-1989\nAna,0.7,1\nBen,.25,0\n"), ',', cpcPool(t, "cpc"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Percent || s.Students[0].Answers[0] != 0.7 || s.Students[0].Answers[1] != 1 || s.Students[1].Answers[0] != 0.25 {
		t.Errorf("read %+v (percent %v)", s.Students, s.Percent)
	}
}

// Each problem of an answer sheet is an error at its line, column and
// field, and every one is reported.
func TestAnswerSheetErrors(t *testing.T) {
	cases := []struct {
		name, sheet string
		want        []string
	}{
		{"unknown column", "name,cpc-shah,Comments\nAna,70,fine\n", []string{
			"s.csv:1:6: cpc-shah: not the id or the question of a record chosen (--data, --dataset, --id, --exclude, --where choose them); did you mean cpc-shah-1978?",
			"s.csv:1:15: Comments: not the id or the question of a record chosen (--data, --dataset, --id, --exclude, --where choose them); a column that holds no answers can be deleted, or headed with # to be passed over",
		}},
		{"out of range", "name,cpc-shah-1978,cpc-romania-1989\nAna,170,-5\n", []string{
			"s.csv:2:5: cpc-shah-1978: 170 is out of range: a probability is 0 to 100%",
			"s.csv:2:9: cpc-romania-1989: -5 is out of range: a probability is 0 to 100% (0 to 1 as a fraction)",
		}},
		{"not a number", "name,cpc-shah-1978\nAna,likely\nBen,0x1p-1\n", []string{
			`s.csv:2:5: cpc-shah-1978: "likely" is not a probability: write 70, 70% or 0.7`,
			`s.csv:3:5: cpc-shah-1978: "0x1p-1" is not a probability: write 70, 70% or 0.7`,
		}},
		{"percent or fraction", "name,cpc-shah-1978,cpc-romania-1989\nAna,70,0.5\nBen,1,30%\n", []string{
			"s.csv:2:8: cpc-romania-1989: 0.5 is ambiguous: the sheet is in percentages (70 at line 2, column 5), so this reads as 0.5% but may mean 50%; write 0.5% or 50",
			"s.csv:3:5: cpc-shah-1978: 1 is ambiguous: the sheet is in percentages (70 at line 2, column 5), so this reads as 1% but may mean 100%; write 1% or 100",
		}},
		{"duplicate names", "name,cpc-shah-1978\nAna,70\nBen,60\n ana ,50\n", []string{
			"s.csv:4:1: name: ana again (first on line 2): one row per student; remove one row or tell the two apart",
		}},
		{"no name", "Name,cpc-shah-1978\n,70\n", []string{
			"s.csv:2:1: Name: no name: every row is one student, named",
		}},
		{"no answers", "name,cpc-shah-1978,cpc-romania-1989\nAna,,\n", []string{
			"s.csv:2:1: name: Ana answered no question: fill the row in or remove it",
		}},
		{"no name column", "cpc-shah-1978\n70\n", []string{
			"s.csv:1:1: no column of names: head one column name (or email) and write each student's name in it",
		}},
		{"two columns for a question", "name,cpc-shah-1978,Will the Shah of Iran step down or leave Iran by 28 February 1979?\nAna,70,70\n", []string{
			"s.csv:1:20: Will the Shah of Iran step down or leave Iran by 28 February 1979?: a second column for cpc-shah-1978 (the first is column 2): one column per question",
		}},
		{"a cell with no column", "name,cpc-shah-1978\nAna,70,80\n", []string{
			"s.csv:2:8: 3 cells, but the header has 2: a cell with no column",
		}},
		{"a value under no header", "name,cpc-shah-1978,\nAna,70,80\n", []string{
			"s.csv:2:8: column 3: a value in a column with no header: head it with a question's id, or clear it",
		}},
		{"broken quotes", "name,cpc-shah-1978\nAna,\"70\n", []string{
			`s.csv:2:9: extraneous or missing " in quoted-field`,
		}},
		// Positions count characters, as an editor shows them, after a BOM.
		{"characters, not bytes", "\ufeffname,cpc-romania-1989\nCeaușescu Fan,x\n", []string{
			`s.csv:2:15: cpc-romania-1989: "x" is not a probability: write 70, 70% or 0.7`,
		}},
	}
	pool := cpcPool(t, "cpc")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := evaluate.ParseAnswerSheet("s.csv", []byte(c.sheet), ',', pool)
			var list forecasts.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %v, want a list of positioned errors", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// A question asked of two forecasters (the Shah, in cpc and historical)
// cannot be told apart by its text; a record not resolved yes or no
// cannot be scored.
func TestAnswerSheetAmbiguousAndUnscored(t *testing.T) {
	both := cpcPool(t, "cpc", "historical")
	_, err := evaluate.ParseAnswerSheet("s.csv", []byte("name,Will the Shah of Iran step down or leave Iran by 28 February 1979?\nAna,70\n"), ',', both)
	if err == nil || !strings.Contains(err.Error(), "s.csv:1:6: Will the Shah of Iran step down or leave Iran by 28 February 1979?: the question of cpc-shah-1978 and ") ||
		!strings.Contains(err.Error(), "head the column with the id") {
		t.Errorf("error %v, want the records that share the question", err)
	}
	open := &forecasts.Record{ID: "treaty-1990", Question: "Will the treaty be signed?", Outcome: forecasts.Unresolved}
	_, err = evaluate.ParseAnswerSheet("s.csv", []byte("name,treaty-1990\nAna,70\n"), ',', []*forecasts.Record{open})
	if err == nil || err.Error() != "s.csv:1:6: treaty-1990: treaty-1990 is unresolved, not resolved yes or no: it cannot be scored (leave the column out)" {
		t.Errorf("error %v", err)
	}
}

// The worksheet holds the questions of the records resolved yes or no, and
// nothing of their outcomes, statements or coders' notes.
func TestMakeWorksheet(t *testing.T) {
	w, err := evaluate.MakeWorksheet(evaluate.Input{Builtins: []string{"cpc"}, Select: cpcFour})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"cpc-khmer-rouge-1978", "cpc-phnom-penh-1979", "cpc-shah-1978", "cpc-romania-1989"}
	if len(w.Questions) != len(ids) {
		t.Fatalf("%d questions, want 4", len(w.Questions))
	}
	for i, q := range w.Questions {
		if q.ID != ids[i] || q.Number != i+1 {
			t.Errorf("question %d: %s, want %s", i+1, q.ID, ids[i])
		}
	}
	if q := w.Questions[2]; q.Issued.String() != "1978-08" || q.ResolvesBy.String() != "1979-02-28" || q.AskedOf != "CPC intelligence community" {
		t.Errorf("the Shah: %+v", q)
	}
	if _, err := evaluate.MakeWorksheet(evaluate.Input{Tables: []string{"x.csv"}}); err == nil {
		t.Error("a flat table made a worksheet")
	}
}

// A tab-separated sheet (.tsv) is read with tabs; an email column names
// the students when there is no name column, and a # column is passed over.
func TestAnswerSheetTSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.tsv")
	os.WriteFile(path, []byte("Timestamp\tEmail address\tcpc-shah-1978\t# reasons, in a few words\nx\tana@example.org\t70%\tthe crowds\n"), 0o644)
	s, err := evaluate.ReadAnswerSheet(path, cpcPool(t, "cpc"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Students) != 1 || s.Students[0].Name != "ana@example.org" || s.Students[0].Answers[0] != 0.7 || !s.Percent {
		t.Errorf("read %+v", s.Students)
	}
}
