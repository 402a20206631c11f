package worksheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/forecasts"
)

// sample is a worksheet of two questions, one with markup and a formula
// in it.
func sample() *evaluate.Worksheet {
	return &evaluate.Worksheet{
		Datasets: []evaluate.WorksheetDataset{{Name: "seminar", Title: "Our <b>seminar</b>"}},
		Questions: []evaluate.WorksheetQuestion{
			{Number: 1, ID: "treaty-1990", Question: "Will the treaty be signed by 31 December 1990? <script>alert(1)</script>",
				Issued: forecasts.Date{Year: 1990, Month: 3}, ResolvesBy: forecasts.Date{Year: 1990, Month: 12, Day: 31}, AskedOf: "Desk A", For: "the minister"},
			{Number: 2, ID: "vote-1991", Question: "=HYPERLINK(\"x\") Will the vote pass?", Issued: forecasts.Date{Year: 1991}},
		},
	}
}

func TestHTMLEscapes(t *testing.T) {
	h := string(HTML(sample()))
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Our &lt;b&gt;seminar&lt;/b&gt;", "Asked: March 1990. Deadline: 31 December 1990",
		"Judged by: Desk A, for the minister", "Asked: 1991</p>", `<section class="q" id="vote-1991">`} {
		if !strings.Contains(h, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(h, "<script>") || strings.Contains(h, "<b>seminar") {
		t.Error("markup from the dataset reached the page")
	}
}

func TestCSVFiles(t *testing.T) {
	w := sample()
	if got := string(AnswerSheet(w)); got != "name,treaty-1990,vote-1991\n" {
		t.Errorf("answer sheet %q", got)
	}
	want := "number,id,asked,deadline,question\n" +
		"1,treaty-1990,1990-03,1990-12-31,Will the treaty be signed by 31 December 1990? <script>alert(1)</script>\n" +
		"2,vote-1991,1991,,\"'=HYPERLINK(\"\"x\"\") Will the vote pass?\"\n"
	if got := string(QuestionKey(w)); got != want {
		t.Errorf("key:\n%s\nwant:\n%s", got, want)
	}
}

// The same worksheet gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, err := Files(sample())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Files(sample())
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	if !bytes.HasPrefix(a[PDFFile], []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}
