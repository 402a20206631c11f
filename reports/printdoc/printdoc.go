// Package printdoc starts the printable PDF documents of hindcast (the
// handout, the class worksheet): a portrait page of the paper asked, the
// charts' typeface embedded as "sans" (regular and "B" bold), the margins,
// a footer "FOOTER · page N of M", and fixed dates, so that the same
// content gives the same bytes.
package printdoc

import (
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/hindcast/hindcast/reports/figure"
)

// Options describe a document.
type Options struct {
	Paper   string  // fpdf's size name: "A4", "Letter"
	Title   string  // the document's metadata title
	Creator string  // the command that made it
	Footer  string  // before " · page N of M" at the foot of every page
	Margin  float64 // mm, on every side
	FooterY float64 // mm above the bottom margin's edge where the footer sits
}

// date is the creation and modification date of every document: a real
// clock would make two runs differ.
var date = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// New starts a document as o says, with its first page added.
func New(o Options) (*fpdf.Fpdf, error) {
	regular, err := figure.SansTTF(false)
	if err != nil {
		return nil, err
	}
	bold, err := figure.SansTTF(true)
	if err != nil {
		return nil, err
	}
	doc := fpdf.New("P", "mm", o.Paper, "")
	doc.SetCatalogSort(true)
	doc.SetCreationDate(date)
	doc.SetModificationDate(date)
	doc.SetTitle(o.Title, true)
	doc.SetCreator(o.Creator, true)
	doc.AddUTF8FontFromBytes("sans", "", regular)
	doc.AddUTF8FontFromBytes("sans", "B", bold)
	doc.SetMargins(o.Margin, o.Margin, o.Margin)
	doc.SetAutoPageBreak(true, o.Margin)
	doc.AliasNbPages("{nb}")
	doc.SetFooterFunc(func() {
		doc.SetY(-o.Margin + o.FooterY)
		doc.SetFont("sans", "", 8)
		doc.SetTextColor(90, 90, 90)
		doc.CellFormat(0, 4, fmt.Sprintf("%s · page %d of {nb}", o.Footer, doc.PageNo()), "", 0, "C", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	})
	doc.AddPage()
	return doc, doc.Error()
}
