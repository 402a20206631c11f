package forecasts

import (
	"fmt"
	"strings"
)

// A tableLayout says where a table's needed columns are.
type tableLayout struct {
	cfg     *tableConfig
	header  []string       // CSV header, trimmed
	ncols   int            // CSV fields per row; 0 while reading the header
	roleOf  []int          // CSV: the role of each column, -1 when unused
	keyRole map[string]int // JSON Lines: the role of each needed key
}

func (l *tableLayout) jsonKeys() {
	l.keyRole = make(map[string]int)
	for r, name := range l.cfg.names {
		if name != "" {
			l.keyRole[name] = r
		}
	}
}

// readHeader reads the CSV header, the first row that is not blank, and
// returns the rest of its block. Every header problem is fatal.
func (l *tableLayout) readHeader(name string, sp *tableSplitter) (tableBlock, bool, error) {
	hw := newTableWorker(name, l, nil)
	hw.keepAll = true
	for {
		b, ok, err := sp.next()
		if err != nil {
			return b, false, err
		}
		if !ok {
			if sp.tooLongE != nil {
				return b, false, ErrorList{sp.tooLongE}
			}
			return b, false, ErrorList{{File: name, Msg: "the table is empty: a CSV table starts with a header row"}}
		}
		d, i, line := b.data, 0, b.line
		for i < len(d) {
			if d[i] == '\n' {
				i, line = i+1, line+1
			} else if d[i] == '\r' && i+1 < len(d) && d[i+1] == '\n' {
				i, line = i+2, line+1
			} else if d[i] == '\r' && i+1 == len(d) {
				i++
			} else {
				break
			}
		}
		if i == len(d) {
			sp.put(b.buf)
			continue
		}
		start, startLine := i, line
		end, i, line := hw.csvRecord(d, i, line)
		if end-start > l.cfg.maxLine {
			return b, false, ErrorList{{File: name, Line: startLine, Col: 1, Msg: tableTooLong(l.cfg.maxLine, true)}}
		}
		if len(hw.errs) > 0 {
			return b, false, hw.errs
		}
		header := make([]string, len(hw.all))
		for j, v := range hw.all {
			header[j] = string(tableTrim(v))
		}
		if errs := l.setHeader(name, header, hw.allCol, startLine); len(errs) > 0 {
			errs.Sort()
			return b, false, errs
		}
		sp.header = false
		b.data, b.line = d[i:], line
		return b, true, nil
	}
}

// setHeader finds the needed columns in the header.
func (l *tableLayout) setHeader(name string, header []string, cols []int, line int) ErrorList {
	var errs ErrorList
	l.header = header
	l.ncols = len(header)
	l.roleOf = make([]int, len(header))
	for i := range l.roleOf {
		l.roleOf[i] = -1
	}
	for r, want := range l.cfg.names {
		if want == "" {
			continue
		}
		found := -1
		for i, h := range header {
			if h != want {
				continue
			}
			if found >= 0 {
				errs.Add(name, line, cols[i], want, "the column appears twice in the header (columns %d and %d)", found+1, i+1)
				continue
			}
			found = i
			l.roleOf[i] = r
		}
		if found < 0 {
			errs.Add(name, line, 0, want, "no such column; %s", tableColumnsHint(want, "the header", header))
		}
	}
	return errs
}

// tableColumnsHint lists the columns there are in what, with the
// closest one to want when it is a near miss.
func tableColumnsHint(want, what string, have []string) string {
	var b strings.Builder
	b.WriteString(what)
	if len(have) == 0 {
		return what + " is empty"
	}
	b.WriteString(" has")
	const most = 20
	for i, h := range have {
		if i == most {
			fmt.Fprintf(&b, " and %d more", len(have)-most)
			break
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " %q", h)
	}
	if s, ok := tableDidYouMean(want, have); ok {
		fmt.Fprintf(&b, " (did you mean %q?)", s)
	}
	return b.String()
}

// tableDidYouMean returns the name in have closest to want, if any is a
// near miss: the same but for case, one a prefix of the other (of three
// letters or more), or at most two edits away.
func tableDidYouMean(want string, have []string) (string, bool) {
	best, bestScore := "", 1<<30
	lw := strings.ToLower(want)
	for _, h := range have {
		lh := strings.ToLower(h)
		score := 1 << 30
		switch {
		case lh == lw:
			score = 0
		case min(len(lh), len(lw)) >= 3 && (strings.HasPrefix(lh, lw) || strings.HasPrefix(lw, lh)):
			score = 1
		default:
			if d := tableEditDistance(lw, lh); d <= 2 && d < len(lw) {
				score = 1 + d
			}
		}
		if score < bestScore {
			best, bestScore = h, score
		}
	}
	return best, bestScore < 1<<30
}

// tableEditDistance is the Levenshtein distance between a and b, in
// bytes; it gives up (returns 3) for long names.
func tableEditDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 3
	}
	return editDistance(a, b)
}
