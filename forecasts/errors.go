package forecasts

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem found in an input file, with its position.
// Line and Col are 1-based; 0 means unknown. Field names the record
// field (or table column) the problem is about, when there is one.
type Error struct {
	File  string
	Line  int
	Col   int
	Field string
	Msg   string
}

// Error formats e as FILE:LINE:COL: FIELD: message, leaving out the
// parts that are unknown.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		// A file name may hold control characters too (a dataset folder
		// from elsewhere): quoted then, as a field is.
		if printable(e.File) {
			b.WriteString(e.File)
		} else {
			b.WriteString(strconv.Quote(e.File))
		}
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, "%d:", e.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if e.Field != "" {
		// A field may be a column or key of the input: quoted when it
		// holds control characters, which would act on the terminal.
		if printable(e.Field) {
			b.WriteString(e.Field)
		} else {
			b.WriteString(strconv.Quote(e.Field))
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// countNoun writes n with the noun for it: "1 cell", "2 cells".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ErrorList collects every problem found in a run, in the manner of
// go/scanner.ErrorList. The zero value is ready to use.
type ErrorList []*Error

// Add appends a positioned error.
func (l *ErrorList) Add(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the errors by file, line, column, field and message, and
// removes exact duplicates.
func (l *ErrorList) Sort() {
	slices.SortStableFunc(*l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	*l = slices.CompactFunc(*l, func(a, b *Error) bool { return *a == *b })
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error reports the first error and how many more there are; use
// Format to print them all.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Format writes one line per error, at most max lines (all when max <= 0),
// followed by a line counting the rest.
func (l ErrorList) Format(max int) string {
	var b strings.Builder
	for i, e := range l {
		if max > 0 && i == max {
			fmt.Fprintf(&b, "... and %d more errors (%d in all)\n", len(l)-max, len(l))
			break
		}
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}
