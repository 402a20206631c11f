package forecasts

// Ids made by a template, for tables with no id column or with ids that
// are not ids here (-200978). See ImportOptions.IDTemplate.

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// IDTemplate makes a record's id from the cells of its row: the text of
// the template with each {COLUMN} replaced by the row's value in that
// column (spaces around it dropped) and {row} by the row's number, 1 for
// the first row of the table. gjp-{forecast_id} makes gjp-7 of a row whose
// forecast_id is 7; q{question_id}-{user_id} joins two columns; {row}
// numbers the rows.
type IDTemplate struct {
	text  string
	parts []idPart
}

// idPart is literal text, or a column's value, or the row's number.
type idPart struct {
	lit    string
	column string // the column named, as written in the template
	row    bool
	col    *importColumn
}

// idRow is the placeholder for the row's number.
const idRow = "row"

// ParseIDTemplate reads a template (see IDTemplate): literal text with
// {COLUMN} and {row} in it. A brace that opens or closes nothing, an
// empty {}, and a template with neither a column nor {row} (which would
// give every row the same id) are errors.
func ParseIDTemplate(s string) (*IDTemplate, error) {
	t := &IDTemplate{text: s}
	named := false
	for rest := s; rest != ""; {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			t.parts = append(t.parts, idPart{lit: rest})
			break
		}
		if rest[open] == '}' {
			return nil, fmt.Errorf("id template %q: a } closes no {", s)
		}
		if open > 0 {
			t.parts = append(t.parts, idPart{lit: rest[:open]})
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 || rest[open+1+end] == '{' {
			return nil, fmt.Errorf("id template %q: a { is not closed: write {COLUMN} or {row}", s)
		}
		name := strings.TrimSpace(rest[open+1 : open+1+end])
		if name == "" {
			return nil, fmt.Errorf("id template %q: {} names nothing: write {COLUMN} or {row}", s)
		}
		t.parts = append(t.parts, idPart{column: name, row: name == idRow})
		named = true
		rest = rest[open+1+end+1:]
	}
	if !named {
		return nil, fmt.Errorf("id template %q names no column and not {row}: every row would get the same id", s)
	}
	return t, nil
}

// String returns the template as written.
func (t *IDTemplate) String() string { return t.text }

// Columns returns the columns the template names, in order, without {row}.
func (t *IDTemplate) Columns() []string {
	var out []string
	for _, p := range t.parts {
		if p.column != "" && !p.row {
			out = append(out, p.column)
		}
	}
	return out
}

// uses reports whether the template names the column.
func (t *IDTemplate) uses(c *importColumn) bool {
	for _, p := range t.parts {
		if p.col == c {
			return true
		}
	}
	return false
}

// bind finds the column each placeholder names: the column of that name,
// or else the only one of that name in another case. It reports each
// placeholder no column answers, at line hline of the header.
func (t *IDTemplate) bind(im *importer, errs *ErrorList, hline int) {
	var names []string
	for _, c := range im.cols {
		names = append(names, c.name)
	}
	for i := range t.parts {
		p := &t.parts[i]
		if p.column == "" || p.row {
			continue
		}
		var folded []*importColumn
		for _, c := range im.cols {
			if c.name == p.column {
				p.col = c
				break
			}
			if strings.EqualFold(c.name, p.column) {
				folded = append(folded, c)
			}
		}
		if p.col == nil && len(folded) == 1 {
			p.col = folded[0]
		}
		if p.col != nil {
			continue
		}
		msg := fmt.Sprintf("--id-template %q names column %q, which the file does not have", t.text, p.column)
		if s := suggest(p.column, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else if hline > 0 {
			msg += "; its columns: " + strings.Join(printableNames(names), ", ")
		}
		errs.Add(im.file, hline, min(hline, 1), "id", "%s", msg)
	}
}

// idCell is a value of a template's column in one row: its text, where
// it is, and whether the row has it.
type idCell struct {
	text      string
	line, col int
	ok        bool
	kind      string // what a JSON value is when it is not text, a number or true/false
}

// templateID makes the id of row number rowNum, starting at line:col,
// from the cells cell returns; it reports an empty cell, an id that is
// not one, and an id already given, and returns the id as the cell to
// add to the row, or nil when there is no id to add.
func (im *importer) templateID(rowNum, line, col int, cell func(*importColumn) idCell) *importCell {
	t := im.opt.IDTemplate
	var b strings.Builder
	at := idCell{line: line, col: col}
	placed := false
	for _, p := range t.parts {
		switch {
		case p.row:
			b.WriteString(strconv.Itoa(rowNum))
		case p.col != nil:
			c := cell(p.col)
			if !placed {
				at, placed = c, true
			}
			if c.kind != "" {
				im.idError(c.line, c.col, "row %d: --id-template %q needs %s, which holds %s in this row, not text or a number", rowNum, t.text, p.column, c.kind)
				return nil
			}
			if !c.ok || c.text == "" {
				im.idError(c.line, c.col, "row %d: --id-template %q needs %s, which is empty in this row", rowNum, t.text, p.column)
				return nil
			}
			b.WriteString(c.text)
		default:
			b.WriteString(p.lit)
		}
	}
	id := b.String()
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: id, Line: at.line, Column: at.col}
	cellOf := &importCell{col: &importColumn{name: "--id-template", field: "id", line: at.line, col: at.col}, value: v}
	if !idPattern.MatchString(id) {
		im.idError(at.line, at.col, "row %d: --id-template %q gives %q, which is not an id: an id uses letters, digits and . _ : - and starts with a letter or digit", rowNum, t.text, id)
		return cellOf
	}
	if first, dup := im.madeIDs[id]; dup {
		im.idError(at.line, at.col, "row %d: --id-template %q gives %q, as it did for row %d (line %d): ids must be unique; add {row}, or a column that tells the rows apart, to the template", rowNum, t.text, id, first[0], first[1])
		return cellOf
	}
	if pos, dup := im.l.ids[id]; dup {
		im.idError(at.line, at.col, "row %d: --id-template %q gives %q, the id of the record at %s: ids must be unique", rowNum, t.text, id, pos)
		return cellOf
	}
	if im.madeIDs == nil {
		im.madeIDs = map[string][2]int{}
	}
	im.madeIDs[id] = [2]int{rowNum, line}
	return cellOf
}

// idError reports a problem with a made id, which replaces what the
// record checks say of the id in this row.
func (im *importer) idError(line, col int, format string, args ...any) {
	im.l.errs.Add(im.file, line, col, "id", format, args...)
	im.idErr = im.l.errs[len(im.l.errs)-1]
}

// csvIDCell returns the value of column c in a CSV row.
func (im *importer) csvIDCell(row []string, c *importColumn) idCell {
	for i, rc := range im.cols {
		if rc == c {
			line, col := im.pos(im.csv.FieldPos(i))
			return idCell{text: strings.TrimSpace(unguardCSVCell(row[i])), line: line, col: col, ok: true}
		}
	}
	return idCell{}
}

// jsonlIDCell returns the value of key c in a JSON Lines row n: a
// string, number or true/false; null or a missing key is empty.
func jsonlIDCell(n *yaml.Node, c *importColumn) idCell {
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value != c.name {
			continue
		}
		v := n.Content[j+1]
		if v.Kind != yaml.ScalarNode {
			return idCell{line: v.Line, col: v.Column, kind: kindName(v)}
		}
		if v.Tag == "!!null" {
			return idCell{line: v.Line, col: v.Column}
		}
		return idCell{text: strings.TrimSpace(v.Value), line: v.Line, col: v.Column, ok: true}
	}
	return idCell{line: n.Line, col: n.Column}
}
