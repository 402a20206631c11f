package forecasts

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// A tableBlock is a run of whole rows handed to a worker.
type tableBlock struct {
	buf  []byte // the buffer to give back when done
	data []byte // whole rows (the last block may end without a newline)
	line int    // physical line number of data[0]
}

// tableSplitter reads r in blocks that end at a row boundary: for CSV,
// the last newline outside quotes, found by quote parity (a block
// always starts outside quotes); for JSON Lines, the last newline.
// The parity rule is exactly how the CSV scanner ends rows, malformed
// quotes included, so a row never depends on where blocks are cut.
type tableSplitter struct {
	name     string
	r        io.Reader
	csv      bool
	block    int
	maxLine  int
	free     chan []byte
	progress func(int64)
	lastCall time.Time

	cur      []byte // pending bytes, starting at a row boundary
	scanned  int    // cur[:scanned] holds no row boundary
	scannedQ int    // quotes in cur[:scanned]
	line     int    // physical line of cur[0]
	bytes    int64  // bytes read
	eof      bool
	started  bool // the first read, which may hold a byte order mark, is done
	done     bool
	header   bool // a too-long row is the header: fail instead of skipping
	skipping bool // discarding the rest of a too-long row
	skipInQ  bool // skipping inside quotes

	errs     ErrorList // too-long rows found here
	rows     int64     // rows skipped here for being too long
	tooLongE *Error    // a too-long header
	utf16    bool      // the input starts with a UTF-16 byte order mark
	primed   bool      // cur was just filled: next need not fill it
}

var tableBOM = []byte{0xEF, 0xBB, 0xBF}

func (s *tableSplitter) get() []byte {
	select {
	case b := <-s.free:
		return b[:0]
	default:
		return make([]byte, 0, s.block)
	}
}

func (s *tableSplitter) put(b []byte) {
	select {
	case s.free <- b[:0]:
	default:
	}
}

// fill reads into s.cur: up to BlockBytes, or twice as much as is
// pending when a row is already that long. The amount depends on the
// data only, so blocks are cut at the same places on every run.
func (s *tableSplitter) fill() error {
	if s.eof {
		return nil
	}
	if s.cur == nil {
		s.cur = s.get()
	}
	target := s.block
	if len(s.cur) >= target {
		target = 2 * len(s.cur)
	}
	if cap(s.cur) < target {
		nb := make([]byte, len(s.cur), target)
		copy(nb, s.cur)
		s.put(s.cur)
		s.cur = nb
	}
	n, err := io.ReadFull(s.r, s.cur[len(s.cur):target])
	old := len(s.cur)
	s.cur = s.cur[:old+n]
	s.bytes += int64(n)
	if !s.started {
		s.started = true
		if bytes.HasPrefix(s.cur, tableBOM) {
			s.cur = s.cur[:copy(s.cur, s.cur[len(tableBOM):])]
		}
		if bytes.HasPrefix(s.cur, []byte{0xFF, 0xFE}) || bytes.HasPrefix(s.cur, []byte{0xFE, 0xFF}) {
			s.utf16 = true
		}
	}
	if s.progress != nil {
		if now := time.Now(); now.Sub(s.lastCall) >= 100*time.Millisecond {
			s.lastCall = now
			s.progress(s.bytes)
		}
	}
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		s.eof = true
	case err != nil:
		s.eof = true
		return fmt.Errorf("reading %s: %w", s.name, err)
	}
	return nil
}

// next returns the next block of whole rows; ok is false at the end.
func (s *tableSplitter) next() (b tableBlock, ok bool, err error) {
	for !s.done {
		if s.primed {
			s.primed = false
		} else if err := s.fill(); err != nil {
			return b, false, err
		}
		if s.skipping {
			cut, inq := tableFirstCut(s.cur, s.csv, s.skipInQ)
			if cut < 0 {
				s.line += bytes.Count(s.cur, tableNL)
				s.cur = s.cur[:0]
				s.skipInQ = inq
				if s.eof {
					s.skipping = false
				}
				continue
			}
			s.line += bytes.Count(s.cur[:cut], tableNL)
			s.cur = s.cur[:copy(s.cur, s.cur[cut:])]
			s.skipping = false
			s.scanned, s.scannedQ = 0, 0
		}
		cut := len(s.cur)
		if !s.eof {
			var q int
			cut, q = tableLastCut(s.cur, s.csv, s.scanned, s.scannedQ)
			s.scanned, s.scannedQ = len(s.cur), q
		}
		if cut <= 0 {
			if s.eof {
				s.done = true
				break
			}
			if len(s.cur) > s.maxLine {
				e := &Error{File: s.name, Line: s.line, Col: 1, Msg: tableTooLong(s.maxLine, s.csv)}
				if s.header {
					s.tooLongE = e
					return b, false, nil
				}
				s.errs = append(s.errs, e)
				s.rows++
				s.line += bytes.Count(s.cur, tableNL)
				if s.csv {
					s.skipInQ = bytes.Count(s.cur, tableQuote)%2 == 1
				}
				s.cur = s.cur[:0]
				s.scanned, s.scannedQ = 0, 0
				s.skipping = true
			}
			continue
		}
		nb := append(s.get(), s.cur[cut:]...)
		b = tableBlock{buf: s.cur, data: s.cur[:cut], line: s.line}
		s.line += bytes.Count(b.data, tableNL)
		s.cur = nb
		// The rest holds no row boundary: cut was the last one.
		s.scanned, s.scannedQ = len(nb), 0
		if s.csv {
			s.scannedQ = bytes.Count(nb, tableQuote)
		}
		if s.eof && len(s.cur) == 0 {
			s.done = true
		}
		return b, true, nil
	}
	return b, false, nil
}

var (
	tableNL    = []byte{'\n'}
	tableQuote = []byte{'"'}
)

func tableTooLong(max int, csv bool) string {
	if csv {
		return fmt.Sprintf("row is longer than %d bytes (is a quote not closed?)", max)
	}
	return fmt.Sprintf("row is longer than %d bytes", max)
}

// tableLastCut returns the length of the longest prefix of b, which
// starts outside quotes, that ends with a newline outside quotes; -1
// when there is none. b[:from], which holds q quotes, is known to hold
// no such newline. It also returns the number of quotes in b.
func tableLastCut(b []byte, csv bool, from, q int) (cut, quotes int) {
	if csv {
		q += bytes.Count(b[from:], tableQuote)
	}
	after := 0
	for j := len(b); ; {
		k := bytes.LastIndexByte(b[from:j], '\n')
		if k < 0 {
			return -1, q
		}
		k += from
		if csv {
			after += bytes.Count(b[k+1:j], tableQuote)
		}
		if (q-after)%2 == 0 {
			return k + 1, q
		}
		j = k
	}
}

// tableFirstCut returns the length of the shortest prefix of b that
// ends with a newline outside quotes, b starting inside quotes when inq.
// When there is none it returns -1 and whether b ends inside quotes.
func tableFirstCut(b []byte, csv, inq bool) (int, bool) {
	if !csv {
		if k := bytes.IndexByte(b, '\n'); k >= 0 {
			return k + 1, false
		}
		return -1, false
	}
	for i := 0; ; {
		q := bytes.IndexByte(b[i:], '"')
		if inq {
			if q < 0 {
				return -1, true
			}
			i += q + 1
			inq = false
			continue
		}
		seg := b[i:]
		if q >= 0 {
			seg = seg[:q]
		}
		if k := bytes.IndexByte(seg, '\n'); k >= 0 {
			return i + k + 1, false
		}
		if q < 0 {
			return -1, false
		}
		i += q + 1
		inq = true
	}
}

// readTable runs the splitter in the calling goroutine and cfg.workers
// workers, block k going to worker k mod workers.
func readTable(name string, r io.Reader, cfg *tableConfig, sinks []TableSink, rowFn func(TableRow) error) (TableStats, error) {
	var stats TableStats
	sp := &tableSplitter{
		name:     name,
		r:        r,
		csv:      cfg.format == TableCSV,
		block:    cfg.block,
		maxLine:  cfg.maxLine,
		free:     make(chan []byte, 2*cfg.workers+4),
		progress: cfg.progress,
		header:   cfg.format == TableCSV,
		lastCall: time.Now(),
		line:     1,
	}
	finish := func() {
		stats.Bytes = sp.bytes
		if sp.progress != nil {
			sp.progress(sp.bytes)
		}
	}
	layout := &tableLayout{cfg: cfg}
	var first tableBlock
	haveFirst := false
	if err := sp.fill(); err != nil {
		finish()
		return stats, err
	}
	sp.primed = true
	if sp.utf16 {
		stats.Errors = 1
		finish()
		return stats, ErrorList{{File: name, Line: 1, Msg: "the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)"}}
	}
	if cfg.format == TableCSV {
		var err error
		first, haveFirst, err = layout.readHeader(name, sp)
		if err != nil {
			if el, ok := err.(ErrorList); ok {
				stats.Errors = int64(len(el))
			}
			finish()
			return stats, err
		}
	} else {
		layout.jsonKeys()
	}

	var stop atomic.Bool
	workers := make([]*tableWorker, cfg.workers)
	chans := make([]chan tableBlock, cfg.workers)
	var wg sync.WaitGroup
	for i := range workers {
		w := newTableWorker(name, layout, &stop)
		if sinks != nil {
			w.sink = sinks[i]
		}
		w.rowFn = rowFn
		workers[i] = w
		chans[i] = make(chan tableBlock, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range chans[i] {
				if !stop.Load() {
					w.parse(b)
				}
				sp.put(b.buf)
			}
		}()
	}
	k := 0
	send := func(b tableBlock) {
		chans[k%len(chans)] <- b
		k++
	}
	if haveFirst {
		send(first)
	}
	var readErr error
	for !stop.Load() {
		b, ok, err := sp.next()
		if err != nil {
			readErr = err
			break
		}
		if !ok {
			break
		}
		send(b)
	}
	for _, c := range chans {
		close(c)
	}
	wg.Wait()
	finish()

	var errs ErrorList
	errs = append(errs, sp.errs...)
	stats.Rows += sp.rows
	stats.Bad += sp.rows
	stats.Errors += int64(len(sp.errs))
	var high, frac int64
	var firstSigned, firstPlain tableCellPos
	var cbErr error
	for _, w := range workers {
		stats.Rows += w.rows
		stats.Skipped += w.skipped
		stats.Bad += w.bad
		stats.Errors += w.nerr
		errs = append(errs, w.errs...)
		high += w.pctHigh
		frac += w.pctFrac
		stats.PercentSigned += w.pctSigned
		stats.PercentPlain += w.pctPlain
		stats.PercentAbove1 += w.pctOver1
		if w.firstSigned.before(firstSigned) {
			firstSigned = w.firstSigned
		}
		if w.firstPlain.before(firstPlain) {
			firstPlain = w.firstPlain
		}
		if cbErr == nil {
			cbErr = w.cbErr
		}
	}
	if stats.PercentSigned > 0 && stats.PercentPlain > 0 {
		// Not each value without a sign: that would mean keeping them all
		// until the first sign is seen. The first, and how many.
		stats.Errors++
		msg := percentMixMessage(firstPlain.text, firstSigned.line, !firstPlain.above1)
		if stats.PercentPlain > 1 {
			msg += fmt.Sprintf(" (%d values have no %% sign; this is the first)", stats.PercentPlain)
		}
		errs.Add(name, firstPlain.line, firstPlain.col, cfg.names[tableRoleP], "%s", msg)
	}
	if high > 0 && high >= frac {
		for _, w := range workers {
			for _, e := range w.pctErrs {
				e.Msg += "; the column looks like percentages: use --percent"
			}
		}
	}
	errs.Sort()
	if cfg.maxErr > 0 && len(errs) > cfg.maxErr {
		errs = errs[:cfg.maxErr]
	}
	switch {
	case cbErr != nil:
		return stats, cbErr
	case readErr != nil:
		return stats, readErr
	}
	return stats, errs.Err()
}
