package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestExerciseFlags(t *testing.T) {
	s := &streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}
	var got *exerciseOptions
	parse(t, newExerciseCmd(s, func(o *exerciseOptions) error { got = o; return nil }),
		"--dataset", "cpc", "--exclude", "deng-vietnam-1978", "--where", "region=Middle East", "-o", "week3")
	if !slices.Equal(got.data.builtins, []string{"cpc"}) || !slices.Equal(got.data.sel.Exclude, []string{"deng-vietnam-1978"}) ||
		!slices.Equal(got.data.sel.Where, []string{"region=Middle East"}) || got.output != "week3" {
		t.Errorf("options %+v", got)
	}
	var sc *scoreOptions
	parse(t, newScoreCmd(s, func(o *scoreOptions) error { sc = o; return nil }),
		"--dataset", "cpc", "--id", "cpc-shah-1978", "--responses", "filled.csv", "--anonymise", "--format", "json")
	if sc.responses != "filled.csv" || !sc.anonymise || !slices.Equal(sc.input.data.sel.IDs, []string{"cpc-shah-1978"}) {
		t.Errorf("score options %+v", sc)
	}
}

// The round trip: the worksheet of the four CPC assessments, its answer
// sheet filled in by three students, and their scores. The figures are
// worked out by hand in evaluate/exercise_test.go (TestScoreClassByHand):
// Ana 0.075, Ben 0.165, Carla 0.77625; the class 0.33875; its average
// forecast 357/1440; the analysts 0.72323125 with overconfidence 0.84625.
func TestExerciseRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "seminar")
	sel := []string{"--dataset", "cpc", "--exclude", "deng-vietnam-1978"}
	stdout, stderr, code := runHindcast(append([]string{"exercise", "-o", ws}, sel...)...)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "4 questions") {
		t.Fatalf("exercise: exit %d, %q, %q", code, stdout, stderr)
	}
	for _, name := range []string{"worksheet.html", "worksheet.pdf", "answers.csv", "questions.csv"} {
		if _, err := os.Stat(filepath.Join(ws, name)); err != nil {
			t.Error(err)
		}
	}
	header, err := os.ReadFile(filepath.Join(ws, "answers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(header) != "name,cpc-khmer-rouge-1978,cpc-phnom-penh-1979,cpc-shah-1978,cpc-romania-1989\n" {
		t.Fatalf("answer sheet %q", header)
	}
	// The class fills the sheet in, each in their own way of writing.
	filled := filepath.Join(ws, "answers.csv")
	if err := os.WriteFile(filled, append(header, "Ana,20,90%,60,70\nBen,10,80,50%,40\nCarla,95,5,30,10\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code = runHindcast(append([]string{"score", "--responses", filled, "--format", "json"}, sel...)...)
	if code != 0 || stderr != "" {
		t.Fatalf("score --responses: exit %d, %q", code, stderr)
	}
	var res struct {
		Unit     string
		Students []struct {
			Rank           int
			Name           string
			Brier          float64
			AnalystsBrier  float64 `json:"analysts_brier"`
			Overconfidence float64
		}
		Class     struct{ Brier, Overconfidence float64 }
		Crowd     struct{ Brier float64 } `json:"class_average_forecast"`
		Analysts  struct{ Brier, Overconfidence, Confidence float64 }
		Hindsight string
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	want := []struct {
		name        string
		brier, over float64
	}{{"Ana", 0.075, -0.25}, {"Ben", 0.165, 0.075}, {"Carla", 0.77625, 0.875}}
	if res.Unit != "percent" || len(res.Students) != 3 {
		t.Fatalf("%+v", res)
	}
	for i, w := range want {
		s := res.Students[i]
		if s.Rank != i+1 || s.Name != w.name || !near(s.Brier, w.brier) || !near(s.Overconfidence, w.over) || !near(s.AnalystsBrier, 0.72323125) {
			t.Errorf("student %d: %+v, want %+v", i+1, s, w)
		}
	}
	if !near(res.Class.Brier, 0.33875) || !near(res.Crowd.Brier, 357.0/1440) || !near(res.Analysts.Brier, 0.72323125) || !near(res.Analysts.Overconfidence, 0.84625) {
		t.Errorf("class %+v, average forecast %+v, analysts %+v", res.Class, res.Crowd, res.Analysts)
	}
	if !strings.Contains(res.Hindsight, "knew how these stories ended") {
		t.Errorf("hindsight note %q", res.Hindsight)
	}
	// Every format; the table with the figures to three decimals.
	for format, wants := range map[string][]string{
		"table":    {"1     Ana      4         0.075  0.723     -0.250", "the analysts, same questions     4          0.723  +0.846", "Hindsight:"},
		"markdown": {"| 1 | Ana | 4 | 0.075 | 0.723 | -0.250 |", "Hindsight:", "<summary>Provenance</summary>"},
		"csv":      {"row,rank,name,answered,brier,analysts_brier,overconfidence,confidence,hit_rate,cpc-khmer-rouge-1978,", "\nstudent,1,Ana,4,", "\noutcome,,,,,,,,,0,1,1,1\n"},
	} {
		out, errs, code := runHindcast(append([]string{"score", "--responses", filled, "--format", format}, sel...)...)
		for _, w := range wants {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("--format %s: exit %d, %q; want %q in:\n%s", format, code, errs, w, out)
			}
		}
	}
	// The CSV's figures, read back as numbers.
	out, _, _ := runHindcast(append([]string{"score", "--responses", filled, "--format", "csv"}, sel...)...)
	r := csv.NewReader(strings.NewReader(out))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cell := func(row, col int) float64 {
		v, err := strconv.ParseFloat(rows[row][col], 64)
		if err != nil {
			t.Fatalf("row %d, column %d: %v", row, col, err)
		}
		return v
	}
	// Rows: header, Ana, Ben, Carla, class, class_average_forecast, analysts, outcome.
	if len(rows) != 8 || rows[6][0] != "analysts" || !near(cell(1, 4), 0.075) || !near(cell(6, 4), 0.72323125) || !near(cell(6, 6), 0.84625) ||
		!near(cell(4, 4), 0.33875) || !near(cell(5, 4), 357.0/1440) || !near(cell(6, 12), 0.225) || !near(cell(1, 10), 0.9) {
		t.Errorf("CSV:\n%s", out)
	}
	// --anonymise: numbered in the order of the sheet's rows.
	out, _, _ = runHindcast(append([]string{"score", "--responses", filled, "--anonymise"}, sel...)...)
	if strings.Contains(out, "Ana") || !strings.Contains(out, "1     Student 1") || !strings.Contains(out, "3     Student 3") {
		t.Errorf("--anonymise:\n%s", out)
	}
	// A filled-in answer sheet is never replaced by the worksheet's blank one.
	_, stderr, code = runHindcast(append([]string{"exercise", "-o", ws}, sel...)...)
	data, _ := os.ReadFile(filled)
	if code != exitData || !strings.Contains(stderr, "holds answers") || !strings.Contains(string(data), "Carla") {
		t.Errorf("exercise over filled answers: exit %d, %q", code, stderr)
	}
}

// A bad answer sheet: every problem at its place, exit 1, nothing on
// standard output.
func TestScoreResponsesBadSheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(path, []byte("Name,cpc-shah,cpc-romania-1989\nAna,70,2.5%\nana,x,\n"), 0o644)
	stdout, stderr, code := runHindcast("score", "--dataset", "cpc", "--responses", path)
	want := []string{
		path + ":1:6: cpc-shah: not the id or the question of a record chosen",
		path + ":3:1: Name: ana again (first on line 2)",
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("want %q in:\n%s", w, stderr)
		}
	}
	if code != exitData || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

// Flags that score --responses would not honour are refused.
func TestScoreResponsesUsage(t *testing.T) {
	for _, args := range []string{
		"score --anonymise",
		"score --responses x.csv --bins 5",
		"score --responses x.csv --by forecaster",
		"score --responses x.csv --input t.csv",
		"score --responses x.csv --latest",
		"score --responses x.xlsx --dataset cpc",
		"score --responses x.csv --format yaml",
		"exercise --data t.csv",
		"exercise --bins 5",
	} {
		_, stderr, code := runHindcast(strings.Fields(args)...)
		if code != exitUsage {
			t.Errorf("%s: exit %d, %q", args, code, stderr)
		}
	}
	if _, stderr, code := runHindcast("exercise", "-o", ""); code != exitUsage || !strings.Contains(stderr, "-o needs a folder name") {
		t.Errorf("exercise -o '': exit %d, %q", code, stderr)
	}
}

// The PDF holds the questions and none of the answers; pdftotext reads it
// when poppler is installed.
func TestExercisePDFText(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	dir := filepath.Join(t.TempDir(), "ws")
	if _, stderr, code := runHindcast("exercise", "--dataset", "cpc", "-o", dir); code != 0 {
		t.Fatal(stderr)
	}
	out, err := exec.Command(pdftotext, filepath.Join(dir, "worksheet.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, w := range []string{"Will the Ceaușescu regime in Romania fall by 31 May 1990?", "Asked: August 1978. Deadline: 28 February 1979", "Question 5 deng-vietnam-1978", "page 2 of 2"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q:\n%s", w, text)
		}
	}
	for _, leak := range []string{"almost certain", "probable", "fell", "fled", "assured", "Garver", "GlobalSecurity"} {
		if strings.Contains(text, leak) {
			t.Errorf("the PDF tells %q", leak)
		}
	}
}
