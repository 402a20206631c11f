package worksheet

import (
	"bytes"
	"fmt"

	"github.com/hindcast/hindcast/evaluate"
	"github.com/hindcast/hindcast/reports/printdoc"
)

// The PDF is A4 text, set in Liberation Sans (compiled into the binary, so
// no system font is read), wrapped to the page, a question never split
// across pages. Its dates are fixed, so the same worksheet gives the same
// bytes.

// Page geometry, in millimetres.
const (
	pageMargin = 18.0
	lineGap    = 1.35 // line height as a multiple of the font size
	ptToMM     = 25.4 / 72
)

// PDF renders the worksheet as an A4 PDF to print.
func PDF(w *evaluate.Worksheet) ([]byte, error) {
	doc, err := printdoc.New(printdoc.Options{Paper: "A4", Title: title, Creator: "hindcast exercise",
		Footer: title, Margin: pageMargin, FooterY: 6})
	if err != nil {
		return nil, err
	}
	width, _ := doc.GetPageSize()
	textW := width - 2*pageMargin

	para := func(style string, size float64, text string) {
		doc.SetFont("sans", style, size)
		doc.MultiCell(textW, size*ptToMM*lineGap, text, "", "L", false)
	}
	// height is the height text takes when wrapped at the text width.
	height := func(style string, size float64, text string) float64 {
		doc.SetFont("sans", style, size)
		return float64(len(doc.SplitText(text, textW))) * size * ptToMM * lineGap
	}
	rule := func(y float64, grey int) {
		doc.SetDrawColor(grey, grey, grey)
		doc.Line(pageMargin, y, width-pageMargin, y)
		doc.SetDrawColor(0, 0, 0)
	}

	para("B", 17, title)
	doc.Ln(1)
	para("", 10, subtitle(w))
	doc.Ln(5)
	doc.SetFont("sans", "", 11)
	doc.CellFormat(14, 6, "Name:", "", 0, "L", false, 0, "")
	rule2 := doc.GetY() + 6
	doc.SetDrawColor(0, 0, 0)
	doc.Line(pageMargin+14, rule2, pageMargin+110, rule2)
	doc.Ln(11)
	para("", 10.5, instructions)
	doc.Ln(3)
	doc.SetDrawColor(120, 120, 120)
	doc.SetFont("sans", "", 10)
	doc.MultiCell(textW, 10*ptToMM*lineGap, given, "1", "L", false)
	doc.SetDrawColor(0, 0, 0)
	doc.Ln(4)

	_, pageH := doc.GetPageSize()
	const answerBlock = 30.0 // the answer line, the prompt for reasons and three ruled lines
	for _, q := range w.Questions {
		need := 8 + height("B", 12, q.Question) + answerBlock
		for _, f := range facts(q) {
			need += height("", 10, f)
		}
		if doc.GetY()+need > pageH-pageMargin {
			doc.AddPage()
		}
		rule(doc.GetY(), 0)
		doc.Ln(2)
		doc.SetFont("sans", "B", 10.5)
		label := fmt.Sprintf("Question %d", q.Number)
		doc.CellFormat(doc.GetStringWidth(label)+3, 5, label, "", 0, "L", false, 0, "")
		doc.SetFont("sans", "", 9.5)
		doc.SetTextColor(70, 70, 70)
		doc.CellFormat(0, 5, q.ID, "", 1, "L", false, 0, "")
		doc.SetTextColor(0, 0, 0)
		doc.Ln(1)
		para("B", 12, q.Question)
		for _, f := range facts(q) {
			para("", 10, f)
		}
		doc.Ln(3)
		doc.SetFont("sans", "", 10.5)
		pw := doc.GetStringWidth(answerPrompt) + 2
		doc.CellFormat(pw, 6, answerPrompt, "", 0, "L", false, 0, "")
		y := doc.GetY() + 5.5
		doc.Line(pageMargin+pw, y, pageMargin+pw+25, y)
		doc.SetX(pageMargin + pw + 26)
		doc.CellFormat(6, 6, "%", "", 1, "L", false, 0, "")
		doc.Ln(1)
		doc.SetFont("sans", "", 10)
		doc.CellFormat(0, 5, reasonPrompt, "", 1, "L", false, 0, "")
		for range 3 {
			doc.Ln(6)
			rule(doc.GetY(), 150)
		}
		doc.Ln(5)
	}
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		return nil, fmt.Errorf("worksheet: writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}
