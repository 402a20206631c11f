package forecasts

import (
	"encoding/binary"
	"math"
	"sync/atomic"
	"unicode/utf8"
)

// A tableCell is the value of one needed column in the current row.
type tableCell struct {
	v         []byte
	line, col int
	set       bool  // the row has the column (JSON: the key)
	kind      uint8 // tableText, tableNull, ...
}

// A tableWorker parses blocks of rows and feeds its sink (or, for
// ReadTableRows, the callback). The same code parses the CSV header.
type tableWorker struct {
	_      [128]byte // keep workers' hot fields off each other's cache lines
	name   string
	cfg    *tableConfig
	layout *tableLayout
	stop   *atomic.Bool
	sink   TableSink
	rowFn  func(TableRow) error
	cbErr  error

	special [256]bool   // bytes that end an unquoted CSV field
	cells   []tableCell // by role
	gvals   [][]byte    // group values of the current row
	scratch []byte      // unquoted and decoded values of the current row
	keepAll bool        // keep every field (row mode, header)
	all     [][]byte    // every field of the current row
	allCol  []int       // and its column (CSV)
	keys    [][]byte    // JSON keys of the current row
	objCol  int         // column of the JSON object

	groups tableGroups // group key (values length-prefixed when several) → sink index
	group0 int         // sink index of the one group when there are no group columns
	keyBuf []byte

	rows, skipped, bad int64
	errs               ErrorList
	nerr               int64 // errors found, kept or not
	full               bool  // MaxErrors errors kept: keep no more
	rowErrs            int   // errors in the current row
	pctErrs            []*Error
	pctHigh, pctFrac   int64 // probabilities in (1, 100] and in (0, 1)

	// With Percent: good probabilities written with a % sign and
	// without, those above 1%, and the first of each sort.
	pctSigned, pctPlain, pctOver1 int64
	firstSigned, firstPlain       tableCellPos
	_                             [128]byte
}

// tableCellPos is where a value is, and the value; line 0 when unset.
type tableCellPos struct {
	line, col int
	text      string
	above1    bool // the value is above 1 (1%)
}

// before reports whether p comes before q in the file, an unset q
// coming after every p.
func (p tableCellPos) before(q tableCellPos) bool {
	return q.line == 0 || p.line != 0 && (p.line < q.line || p.line == q.line && p.col < q.col)
}

func newTableWorker(name string, l *tableLayout, stop *atomic.Bool) *tableWorker {
	w := &tableWorker{
		name:   name,
		cfg:    l.cfg,
		layout: l,
		stop:   stop,
		cells:  tablePadded[tableCell](len(l.cfg.names)),
		group0: -1,
	}
	w.special[w.cfg.comma] = true
	w.special['\n'] = true
	w.special['"'] = true
	return w
}

func (w *tableWorker) parse(b tableBlock) {
	w.keepAll = w.rowFn != nil
	if w.cfg.format == TableCSV {
		w.csvBlock(b.data, b.line)
	} else {
		w.jsonBlock(b.data, b.line)
	}
}

// fail records an error in the current row. It returns the error, or
// nil when MaxErrors errors are already kept.
func (w *tableWorker) fail(line, col int, field, format string, args ...any) *Error {
	w.rowErrs++
	w.nerr++
	if w.full {
		return nil
	}
	w.errs.Add(w.name, line, col, field, format, args...)
	return w.errs[len(w.errs)-1]
}

// dropping reports whether errors are no longer kept; it then counts
// one, so that callers need not format a message only to drop it.
func (w *tableWorker) dropping() bool {
	if w.full {
		w.rowErrs++
		w.nerr++
	}
	return w.full
}

func (w *tableWorker) startRow() { w.rowErrs = 0 }

// endRow counts a bad row and stops keeping errors once MaxErrors are
// kept. A worker's rows come in file order, so the errors it keeps are
// its first ones, and the first MaxErrors of all workers together are
// among them.
func (w *tableWorker) endRow() {
	if w.rowErrs > 0 {
		w.bad++
	}
	if !w.full && w.cfg.maxErr > 0 && len(w.errs) >= w.cfg.maxErr {
		w.full = true
	}
}

// What each role's values must be, for messages.
func (w *tableWorker) want(r int) string {
	switch {
	case r == tableRoleP && w.cfg.percent:
		return "a number between 0 and 100"
	case r == tableRoleP:
		return "a number between 0 and 1"
	case r == tableRoleSecond && !w.cfg.counts:
		return "0/1, yes/no or true/false"
	case r >= tableRoleGroup:
		return "text or a number"
	}
	return "a number >= 0"
}

// value returns the trimmed text of the role r cell, reporting a missing
// JSON key and JSON values of the wrong kind. A null group value is
// empty text.
func (w *tableWorker) value(r, line int) ([]byte, bool) {
	// The common case, text with nothing to trim, inlined.
	if c := &w.cells[r]; c.set && c.kind == tableText {
		if v := c.v; len(v) > 0 && v[0] > ' ' && v[len(v)-1] > ' ' {
			return v, true
		}
	}
	return w.valueSlow(r, line)
}

func (w *tableWorker) valueSlow(r, line int) ([]byte, bool) {
	c := &w.cells[r]
	if !c.set {
		if !w.dropping() {
			w.fail(line, w.objCol, w.cfg.names[r], "no such key; %s", tableColumnsHint(w.cfg.names[r], "the object", tableStrings(w.keys)))
		}
		return nil, false
	}
	switch c.kind {
	case tableNull:
		if r >= tableRoleGroup {
			return nil, true
		}
		w.fail(c.line, c.col, w.cfg.names[r], "null; want %s", w.want(r))
		return nil, false
	case tableObject:
		w.fail(c.line, c.col, w.cfg.names[r], "an object; want %s", w.want(r))
		return nil, false
	case tableArray:
		w.fail(c.line, c.col, w.cfg.names[r], "an array; want %s", w.want(r))
		return nil, false
	}
	return tableTrim(c.v), true
}

// invalid reports a value of role r that is not what it should be.
func (w *tableWorker) invalid(r int, v []byte) *Error {
	c := &w.cells[r]
	if w.dropping() {
		return nil
	}
	if len(v) == 0 {
		return w.fail(c.line, c.col, w.cfg.names[r], "missing value; want %s", w.want(r))
	}
	return w.fail(c.line, c.col, w.cfg.names[r], "%s is not %s", tableQuoted(v), w.want(r))
}

// finishRow checks the values of a row without structural errors and
// hands a good row on.
func (w *tableWorker) finishRow(line int) {
	cfg := w.cfg
	if pc := &w.cells[tableRoleP]; pc.set && (pc.kind == tableNull || pc.kind == tableText && tableIsNA(tableTrim(pc.v))) {
		w.skipped++
		return
	}
	var p float64
	if v, ok := w.value(tableRoleP, line); ok {
		num, shift, signed := v, 0, false
		if cfg.percent {
			shift = 2
			if n := len(num); n > 0 && num[n-1] == '%' {
				num, signed = tableTrim(num[:n-1]), true
			}
		}
		x, ok := tableParseNumber(num, shift)
		switch {
		case ok && 0 <= x && x <= 1:
			p = x
			if 0 < x && x < 1 {
				w.pctFrac++
			} else if x == 0 {
				p = 0 // not -0, which a sink might tell from 0
			}
			if cfg.percent {
				w.percentSeen(signed, x, v)
			}
		case !ok && !cfg.percent && tableIsPercentage(v):
			w.pctHigh++ // it counts for the column looking like percentages
			if !w.dropping() {
				c := &w.cells[tableRoleP]
				w.fail(c.line, c.col, cfg.names[tableRoleP], "%s is a percentage: use --percent to read the column as percentages", tableQuoted(v))
			}
		default:
			e := w.invalid(tableRoleP, v)
			if ok && !cfg.percent && 1 < x && x <= 100 {
				w.pctHigh++
				if e != nil {
					w.pctErrs = append(w.pctErrs, e)
				}
			}
		}
	}
	var n, yes float64
	outcome := false
	if cfg.counts {
		var okN, okYes bool
		n, okN = w.amount(tableRoleSecond, line)
		yes, okYes = w.amount(tableRoleThird, line)
		if okN && okYes && yes > n && !w.dropping() {
			c := &w.cells[tableRoleThird]
			w.fail(c.line, c.col, cfg.names[tableRoleThird], "%s is more than %s (%s)",
				tableQuoted(tableTrim(c.v)), cfg.names[tableRoleSecond], tableQuoted(tableTrim(w.cells[tableRoleSecond].v)))
		}
	} else {
		if v, ok := w.value(tableRoleSecond, line); ok {
			var good bool
			if outcome, good = tableParseOutcome(v); !good {
				w.invalid(tableRoleSecond, v)
			}
		}
		n = 1
		if cfg.third {
			n, _ = w.amount(tableRoleThird, line)
		}
		if outcome {
			yes = n
		}
	}
	w.gvals = w.gvals[:0]
	for r := tableRoleGroup; r < len(w.cells); r++ {
		v, _ := w.value(r, line)
		// A group's name is printed and written as JSON: bytes that are
		// not UTF-8 would print as U+FFFD, and two groups as one name.
		if !utf8.Valid(v) && !w.dropping() {
			c := &w.cells[r]
			w.fail(c.line, c.col, cfg.names[r], "%s is not UTF-8 text; save the file as UTF-8", tableQuoted(v))
		}
		w.gvals = append(w.gvals, v)
	}
	if w.rowErrs > 0 {
		return
	}
	if w.rowFn != nil {
		w.emitRow(line, p, outcome, n, yes)
		return
	}
	w.sink.Add(w.groupIndex(), p, n, yes)
}

// percentSeen counts a good probability read with Percent, as x, from
// the text v, with a % sign or not. A 0 counts for neither kind: it reads
// the same as a fraction and as a percentage.
func (w *tableWorker) percentSeen(signed bool, x float64, v []byte) {
	if x == 0 {
		return
	}
	if x > 0.01 {
		w.pctOver1++
	}
	n, first := &w.pctPlain, &w.firstPlain
	if signed {
		n, first = &w.pctSigned, &w.firstSigned
	}
	*n++
	if first.line == 0 {
		c := &w.cells[tableRoleP]
		*first = tableCellPos{line: c.line, col: c.col, text: string(v), above1: x > 0.01}
	}
}

// tableIsPercentage reports whether v is a number with a % sign after
// it (and maybe spaces before the sign).
func tableIsPercentage(v []byte) bool {
	n := len(v)
	if n == 0 || v[n-1] != '%' {
		return false
	}
	_, ok := tableParseNumber(tableTrim(v[:n-1]), 0)
	return ok
}

// amount reads a number >= 0.
func (w *tableWorker) amount(r, line int) (float64, bool) {
	v, ok := w.value(r, line)
	if !ok {
		return 0, false
	}
	x, ok := tableParseNumber(v, 0)
	if !ok || x < 0 || math.IsInf(x, 0) {
		w.invalid(r, v)
		return 0, false
	}
	if x == 0 {
		return 0, true // not -0
	}
	return x, true
}

// groupIndex returns the sink's index for the current row's group,
// asking the sink the first time the worker meets the group.
func (w *tableWorker) groupIndex() int {
	g := w.gvals
	switch len(g) {
	case 0:
		if w.group0 < 0 {
			w.group0 = w.sink.Group([]string{})
		}
		return w.group0
	case 1:
		return w.groupOf(g[0], func() []string { return []string{string(g[0])} })
	}
	buf := w.keyBuf[:0]
	for _, v := range g {
		buf = binary.AppendUvarint(buf, uint64(len(v)))
		buf = append(buf, v...)
	}
	w.keyBuf = buf
	return w.groupOf(buf, func() []string { return tableStrings(g) })
}

// groupOf returns the sink index of the group whose encoded key is b,
// asking the sink (with the key that key makes) the first time.
func (w *tableWorker) groupOf(b []byte, key func() []string) int {
	h := tableHash(b)
	if i, ok := w.groups.find(b, h); ok {
		return i
	}
	i := w.sink.Group(key())
	w.groups.insert(string(b), h, i)
	return i
}

func (w *tableWorker) emitRow(line int, p float64, outcome bool, n, yes float64) {
	row := TableRow{Line: line, P: p, Outcome: outcome, Weight: n, Yes: yes}
	if w.cfg.format == TableCSV {
		row.Columns = w.layout.header
	} else {
		row.Columns = tableStrings(w.keys)
	}
	row.Values = make([]string, len(w.all))
	for i, v := range w.all {
		row.Values[i] = string(tableTrim(v))
	}
	if err := w.rowFn(row); err != nil {
		w.cbErr = err
		w.stop.Store(true)
	}
}

func tableStrings(bs [][]byte) []string {
	s := make([]string, len(bs))
	for i, b := range bs {
		s[i] = string(b)
	}
	return s
}

// tablePadded makes a slice of n elements with unused room on both
// sides, so that two workers' slices never share a cache line.
func tablePadded[T any](n int) []T {
	const pad = 4
	return make([]T, n+2*pad)[pad : pad+n : pad+n]
}

// tableGroups maps group keys (as bytes) to sink indexes: an
// open-addressing hash table that, unlike a Go map, hashes short keys in
// a few instructions. Lookups do not allocate.
type tableGroups struct {
	slots []int32 // 0 when empty, else entry index + 1; len is a power of two
	hash  []uint64
	key   []string
	index []int
}

// find returns the sink index of key b, whose hash is h.
func (g *tableGroups) find(b []byte, h uint64) (int, bool) {
	if len(g.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(g.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := g.slots[i]
		if e == 0 {
			return 0, false
		}
		if g.hash[e-1] == h && g.key[e-1] == string(b) {
			return g.index[e-1], true
		}
	}
}

func (g *tableGroups) insert(key string, h uint64, index int) {
	if 2*(len(g.key)+1) > len(g.slots) {
		n := max(16, 2*len(g.slots))
		g.slots = make([]int32, n)
		mask := uint64(n - 1)
		for e, eh := range g.hash {
			i := eh & mask
			for g.slots[i] != 0 {
				i = (i + 1) & mask
			}
			g.slots[i] = int32(e + 1)
		}
	}
	g.hash = append(g.hash, h)
	g.key = append(g.key, key)
	g.index = append(g.index, index)
	mask := uint64(len(g.slots) - 1)
	i := h & mask
	for g.slots[i] != 0 {
		i = (i + 1) & mask
	}
	g.slots[i] = int32(len(g.key))
}

// tableHash hashes b eight bytes at a time (a multiply-xorshift mix).
func tableHash(b []byte) uint64 {
	h := uint64(len(b)) * 0x9e3779b97f4a7c15
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		b = b[8:]
	}
	var t uint64
	for i, c := range b {
		t |= uint64(c) << (8 * i)
	}
	h = (h ^ t) * 0x94d049bb133111eb
	return h ^ h>>29
}
