package forecasts

import (
	"bytes"
	"fmt"
)

// csvBlock parses the CSV rows of d, whose first byte is at the start
// of physical line `line`.
func (w *tableWorker) csvBlock(d []byte, line int) {
	for i := 0; i < len(d); {
		if w.cbErr != nil {
			return
		}
		switch c := d[i]; {
		case c == '\n':
			i++
			line++
			continue
		case c == '\r' && i+1 < len(d) && d[i+1] == '\n':
			i += 2
			line++
			continue
		case c == '\r' && i+1 == len(d):
			// A CR just before the end of the input: a blank line, as
			// for encoding/csv. (A block not at the end ends with LF.)
			i++
			continue
		}
		start, startLine := i, line
		w.startRow()
		errMark, nerrMark := len(w.errs), w.nerr
		var end int
		end, i, line = w.csvRecord(d, i, line)
		w.rows++
		switch {
		case end-start > w.cfg.maxLine:
			w.errs, w.nerr, w.rowErrs = w.errs[:errMark], nerrMark, 0
			w.fail(startLine, 1, "", "%s", tableTooLong(w.cfg.maxLine, true))
		case w.rowErrs == 0:
			w.finishRow(startLine)
		}
		w.endRow()
	}
}

// csvRecord scans the row that starts at d[i], the start of physical
// line `line`. It stores the needed fields in w.cells (and every field
// in w.all when w.keepAll) and reports malformed quotes (at most one per
// row) and a wrong number of fields. It returns the offset of the row's
// ending newline (len(d) at the end), the offset after it and the line
// number there.
//
// A row ends at the first newline after an even number of quotes: a
// bare quote in an unquoted field opens a quoted stretch, and text after
// a closing quote is skipped up to the next separator, quotes counted,
// so that the rows are the ones tableLastCut finds.
func (w *tableWorker) csvRecord(d []byte, i, line int) (end, next, nextLine int) {
	n := len(d)
	comma := w.cfg.comma
	lineStart := i
	f := 0
	quoteErr := false
	w.scratch = w.scratch[:0]
	if w.keepAll {
		w.all, w.allCol = w.all[:0], w.allCol[:0]
	}
	extraLine, extraCol := 0, 0
fields:
	for {
		fstart, fline, fcol := i, line, i-lineStart+1
		var v []byte
		if i < n && d[i] == '"' {
			i++
			vstart := i
			normalize := false // "" or CRLF inside the quotes
			for {
				j := bytes.IndexByte(d[i:], '"')
				seg := d[i:]
				if j >= 0 {
					seg = seg[:j]
				}
				if k := bytes.LastIndexByte(seg, '\n'); k >= 0 {
					line += bytes.Count(seg[:k], tableNL) + 1
					lineStart = i + k + 1
					normalize = true
				}
				if j < 0 {
					if !quoteErr {
						quoteErr = true
						w.fail(fline, fcol, "", "quoted field is not closed")
					}
					i = n
					break fields
				}
				i += j + 1
				if i < n && d[i] == '"' {
					normalize = true
					i++
					continue
				}
				break
			}
			v = d[vstart : i-1]
			if normalize {
				v = w.unquote(v)
			}
			if i < n && d[i] != comma && d[i] != '\n' {
				if d[i] == '\r' && (i+1 == n || d[i+1] == '\n') {
					i++
				} else {
					eline, ecol, c := line, i-lineStart+1, d[i]
					var inq bool
					i, line, lineStart, inq = w.csvSkip(d, i, line, lineStart, false)
					if !quoteErr {
						quoteErr = true
						w.fail(eline, ecol, "", "%s after a closing quote (a quote inside a quoted field is written \"\")%s",
							tableByte(c), tableRunOn(eline, line, inq))
					}
				}
			}
		} else {
			for i < n && !w.special[d[i]] {
				i++
			}
			if i < n && d[i] == '"' {
				eline, ecol := line, i-lineStart+1
				var inq bool
				i, line, lineStart, inq = w.csvSkip(d, i+1, line, lineStart, true)
				if !quoteErr {
					quoteErr = true
					w.fail(eline, ecol, "", "quote in an unquoted field (quote the whole field and write the quote as \"\")%s",
						tableRunOn(eline, line, inq))
				}
			}
			v = d[fstart:i]
			if (i == n || d[i] == '\n') && len(v) > 0 && v[len(v)-1] == '\r' {
				v = v[:len(v)-1]
			}
		}
		if f < len(w.layout.roleOf) {
			if r := w.layout.roleOf[f]; r >= 0 {
				c := &w.cells[r]
				c.v, c.line, c.col, c.set = v, fline, fcol, true
			}
		} else if f == w.layout.ncols {
			extraLine, extraCol = fline, fcol
		}
		if w.keepAll {
			w.all = append(w.all, v)
			w.allCol = append(w.allCol, fcol)
		}
		f++
		if i < n && d[i] == comma {
			i++
			continue
		}
		break
	}
	end = i
	if !quoteErr && w.layout.ncols > 0 && f != w.layout.ncols {
		if f > w.layout.ncols {
			w.fail(extraLine, extraCol, "", "row has %d fields, the header has %d", f, w.layout.ncols)
		} else {
			w.fail(line, i-lineStart+1, "", "row has %s, the header has %d", countNoun(f, "field", "fields"), w.layout.ncols)
		}
	}
	if i < n {
		i++
		line++
	}
	return end, i, line
}

// csvSkip skips the rest of a malformed field from d[i], inside quotes
// when inq, up to the next separator or newline outside quotes. It
// returns where it stopped and whether that is still inside quotes (at
// the end of d).
func (w *tableWorker) csvSkip(d []byte, i, line, lineStart int, inq bool) (int, int, int, bool) {
	comma := w.cfg.comma
	for ; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			inq = !inq
		case c == '\n' && inq:
			line++
			lineStart = i + 1
		case !inq && (c == comma || c == '\n'):
			return i, line, lineStart, false
		}
	}
	return i, line, lineStart, inq
}

// tableRunOn tells, for a malformed quote at line from, how far the
// quoted stretch it opened took the row.
func tableRunOn(from, to int, open bool) string {
	switch {
	case open:
		return "; the quote is never closed, and the row runs to the end"
	case to > from:
		return fmt.Sprintf("; the quote it opens takes the row on to line %d", to)
	}
	return ""
}

// unquote returns the text of a quoted field's inside v with "" read
// as " and CRLF as LF (as encoding/csv does), in w.scratch.
func (w *tableWorker) unquote(v []byte) []byte {
	start := len(w.scratch)
	for j := 0; j < len(v); j++ {
		c := v[j]
		switch {
		case c == '"':
			j++ // the second quote of ""
		case c == '\r' && j+1 < len(v) && v[j+1] == '\n':
			continue
		}
		w.scratch = append(w.scratch, c)
	}
	return w.scratch[start:]
}
