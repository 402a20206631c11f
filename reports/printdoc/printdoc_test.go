package printdoc

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

func render(t *testing.T, paper string) []byte {
	t.Helper()
	doc, err := New(Options{Paper: paper, Title: "T", Creator: "test", Footer: "Footer words", Margin: 18, FooterY: 6})
	if err != nil {
		t.Fatal(err)
	}
	doc.SetFont("sans", "", 11)
	doc.MultiCell(0, 5, "Body text, and a second page:", "", "L", false)
	doc.AddPage()
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The same content gives the same bytes (no clock in the dates), the
// paper asked is the paper given, and every page has the footer with its
// number of the total.
func TestNew(t *testing.T) {
	a, b := render(t, "A4"), render(t, "A4")
	if !bytes.Equal(a, b) {
		t.Fatal("two runs of the same document differ")
	}
	// A4 is 595.28 × 841.89 pt, Letter 612 × 792.
	if !bytes.Contains(a, []byte("/MediaBox [0 0 595.28 841.89]")) {
		t.Error("A4 asked, another MediaBox given")
	}
	if !bytes.Contains(render(t, "Letter"), []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("Letter asked, another MediaBox given")
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	cmd := exec.Command(bin, "-", "-")
	cmd.Stdin = bytes.NewReader(a)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Body text", "Footer words · page 1 of 2", "Footer words · page 2 of 2"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, out)
		}
	}
}
