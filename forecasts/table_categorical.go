package forecasts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// CategoricalTableOptions say how ReadCategoricalTable reads a flat table
// of forecasts of questions with options, in one of two shapes:
//
//   - long (OptionCol set): one row per forecast and option, with the
//     option's name in OptionCol and its probability in ProbCol. The rows
//     of one forecast share the values of KeyCols (question, forecaster,
//     time); the options are in the order of its rows.
//   - wide (OptionCols set): one row per forecast, one probability column
//     per option, in option order. An option's name is its column's name
//     without a leading "p_" (p_Medvedev is Medvedev). An empty cell says
//     the row's question does not have that option.
//
// In both, OutcomeCol names the option that happened (in every row of a
// long forecast, the same); "unresolved", "ambiguous" or an empty cell
// leave the forecast unscored (counted, not an error).
type CategoricalTableOptions struct {
	OptionCol  string   // long: the option column
	OptionCols []string // wide: the probability columns, in option order
	ProbCol    string   // long: the probability column
	OutcomeCol string   // the column naming the option that happened
	// KeyCols name the columns whose values together say which rows are
	// one forecast (long form): the question, and the forecaster and time
	// when there are such columns.
	KeyCols []string
	// QuestionCols, of KeyCols, name the question: every forecast of one
	// question must give the same options (a missing row is an option
	// forgotten, not a question with fewer options).
	QuestionCols []string
	// GroupCols and ClusterCols are carried to each forecast (and must be
	// the same in every row of one).
	GroupCols, ClusterCols []string
	// Ordered says every question's options are ordered; OrderedCol names
	// a column saying so forecast by forecast (true/false, yes/no, 1/0).
	Ordered    bool
	OrderedCol string
	Percent    bool    // probabilities in 0–100
	Tolerance  float64 // how far from 1 a forecast's probabilities may add up to; 0: DefaultSumTolerance
	Comma      rune    // 0 means ','
}

// CategoricalRow is one forecast read from a flat table.
type CategoricalRow struct {
	Options []string
	P       []float64
	Outcome int // the index of the option that happened; -1 when unresolved
	// Unscored says why a forecast without an outcome was not scored:
	// "unresolved" or "ambiguous"; empty when Outcome is set.
	Unscored string
	Ordered  bool
	Group    []string // the values of GroupCols
	Cluster  []string // the values of ClusterCols
	Line     int      // the line of its first row
}

// ReadCategoricalTable reads a CSV table of categorical forecasts (see
// CategoricalTableOptions). Every problem is reported, as
// FILE:LINE:COL: COLUMN: message, in one ErrorList: a missing column (at
// the header), a probability that is not a number in [0, 1], an option
// given twice in a forecast, a forecast whose probabilities do not add up
// to 1 within the tolerance or that has fewer than two options, an outcome
// that is none of its options, and the rows of one forecast that disagree
// on the outcome, group or cluster. The forecasts come in the order of
// their first rows. A long table's forecasts are held in memory until the
// table ends (any row may belong to any of them).
func ReadCategoricalTable(r io.Reader, file string, opt CategoricalTableOptions) ([]CategoricalRow, int64, error) {
	var errs ErrorList
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	if opt.Comma != 0 {
		cr.Comma = opt.Comma
	}
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			errs.Add(file, 1, 1, "", "the table is empty: no header row")
			return nil, 0, errs
		}
		return nil, 0, csvProblem(file, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	colIndex := map[string]int{}
	for i, h := range header {
		if _, dup := colIndex[h]; !dup {
			colIndex[h] = i
		}
	}
	need := func(col, flag string) int {
		i, ok := colIndex[col]
		if !ok {
			msg := fmt.Sprintf("no column %q (%s); the columns are %s", col, flag, quotedList(header))
			if s := suggest(col, header); s != "" {
				msg = fmt.Sprintf("no column %q (%s); did you mean %q?", col, flag, s)
			}
			errs.Add(file, 1, 1, col, "%s", msg)
			return -1
		}
		return i
	}
	wide := len(opt.OptionCols) > 0
	var optIdx []int
	var optNames []string
	var optCol, probCol int
	if wide {
		for _, c := range opt.OptionCols {
			optIdx = append(optIdx, need(c, "--option-cols"))
			optNames = append(optNames, strings.TrimPrefix(c, "p_"))
		}
		for i, n := range optNames {
			if j := slices.Index(optNames, n); j < i {
				errs.Add(file, 1, 1, opt.OptionCols[i], "names the option %q, as column %q does", n, opt.OptionCols[j])
			}
		}
	} else {
		optCol = need(opt.OptionCol, "--option-col")
		probCol = need(opt.ProbCol, "--prob-col")
	}
	outCol := need(opt.OutcomeCol, "--outcome-col")
	idx := func(cols []string, flag string) []int {
		out := make([]int, len(cols))
		for i, c := range cols {
			out[i] = need(c, flag)
		}
		return out
	}
	keyIdx := idx(opt.KeyCols, "--question-col, --forecaster-col or --time-col")
	questionIdx := idx(opt.QuestionCols, "--question-col")
	groupIdx := idx(opt.GroupCols, "--by")
	clusterIdx := idx(opt.ClusterCols, "--cluster")
	orderedCol := -1
	if opt.OrderedCol != "" {
		orderedCol = need(opt.OrderedCol, "--ordered-col")
	}
	if len(errs) > 0 {
		return nil, 0, errs
	}
	tol := opt.Tolerance
	if tol <= 0 {
		tol = DefaultSumTolerance
	}

	// A forecast being read: its rows' values, and where they are.
	type pending struct {
		question string // the values of QuestionCols
		row      CategoricalRow
		outcome  string
		outPos   [2]int
		optLine  []int
		probPos  [][2]int
		bad      bool
		rowCount int
	}
	var order []*pending
	byKey := map[string]*pending{}
	var rows int64
	cellPos := func(field int) (int, int) { return cr.FieldPos(field) }
	cellAt := func(rec []string, i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	values := func(rec []string, at []int) []string {
		out := make([]string, len(at))
		for i, j := range at {
			out[i] = cellAt(rec, j)
		}
		return out
	}
	readProb := func(s string, field int, col string) (float64, bool) {
		line, c := cellPos(field)
		t := strings.TrimSpace(s)
		if opt.Percent {
			t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
		}
		p, ok := tableParseNumber([]byte(t), 0)
		if !ok || math.IsInf(p, 0) {
			errs.Add(file, line, c, col, "expected a probability, found %q", s)
			return 0, false
		}
		if opt.Percent {
			p /= 100
		}
		if p < 0 || p > 1 {
			errs.Add(file, line, c, col, "%s is outside [0, 1]", strings.TrimSpace(s))
			return 0, false
		}
		return p, true
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvProblem(file, err)...)
			break
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		rows++
		line, _ := cellPos(0)
		if len(rec) < len(header) {
			l, c := cellPos(len(rec) - 1)
			errs.Add(file, l, c, header[len(rec)], "the row has %d cells, and the header %d: it ends before column %q", len(rec), len(header), header[len(rec)])
			continue
		}
		var pd *pending
		if wide {
			pd = &pending{row: CategoricalRow{Line: line, Outcome: -1}}
			order = append(order, pd)
		} else {
			key := strings.Join(values(rec, keyIdx), "\x00") + "\x01" + strings.Join(values(rec, groupIdx), "\x00")
			if pd = byKey[key]; pd == nil {
				pd = &pending{row: CategoricalRow{Line: line, Outcome: -1}}
				byKey[key] = pd
				order = append(order, pd)
			}
		}
		pd.rowCount++
		group, cluster := values(rec, groupIdx), values(rec, clusterIdx)
		out := strings.TrimSpace(cellAt(rec, outCol))
		ol, oc := cellPos(max(outCol, 0))
		if pd.rowCount == 1 {
			pd.question = strings.Join(values(rec, questionIdx), "\x00")
			pd.row.Group, pd.row.Cluster, pd.outcome, pd.outPos = group, cluster, out, [2]int{ol, oc}
			pd.row.Ordered = opt.Ordered
			if orderedCol >= 0 {
				if b, ok := parseFlag(cellAt(rec, orderedCol)); ok {
					pd.row.Ordered = b
				} else {
					l, c := cellPos(orderedCol)
					errs.Add(file, l, c, opt.OrderedCol, "expected true or false (yes/no, 1/0), found %q", cellAt(rec, orderedCol))
				}
			}
		} else {
			if out != pd.outcome {
				errs.Add(file, ol, oc, opt.OutcomeCol, "%q, but the forecast's row on line %d says %q: the rows of one forecast name the same outcome", out, pd.row.Line, pd.outcome)
			}
			if !slices.Equal(cluster, pd.row.Cluster) {
				errs.Add(file, line, 1, strings.Join(opt.ClusterCols, ","), "the rows of one forecast (first on line %d) are in different clusters", pd.row.Line)
			}
		}
		if wide {
			for k, j := range optIdx {
				s := cellAt(rec, j)
				if strings.TrimSpace(s) == "" || strings.EqualFold(strings.TrimSpace(s), "NA") {
					continue
				}
				l, c := cellPos(j)
				p, ok := readProb(s, j, opt.OptionCols[k])
				if !ok {
					pd.bad = true
					continue
				}
				pd.row.Options = append(pd.row.Options, optNames[k])
				pd.row.P = append(pd.row.P, p)
				pd.probPos = append(pd.probPos, [2]int{l, c})
			}
			continue
		}
		name := strings.TrimSpace(cellAt(rec, optCol))
		nl, nc := cellPos(optCol)
		if name == "" {
			errs.Add(file, nl, nc, opt.OptionCol, "an option must not be empty")
			pd.bad = true
			continue
		}
		if k := slices.Index(pd.row.Options, name); k >= 0 {
			errs.Add(file, nl, nc, opt.OptionCol, "option %q is given twice for one forecast (first on line %d)", name, pd.optLine[k])
			pd.bad = true
			continue
		}
		p, ok := readProb(cellAt(rec, probCol), probCol, opt.ProbCol)
		if !ok {
			pd.bad = true
			continue
		}
		pd.row.Options = append(pd.row.Options, name)
		pd.row.P = append(pd.row.P, p)
		pd.optLine = append(pd.optLine, nl)
		pl, pc := cellPos(probCol)
		pd.probPos = append(pd.probPos, [2]int{pl, pc})
	}
	out := make([]CategoricalRow, 0, len(order))
	// The options of each question: those most of its forecasts give
	// (the first such forecast's line), so that a forecast missing a row
	// is the one blamed, whichever comes first.
	type optionSet struct {
		names []string // sorted
		line  int
		count int
	}
	questionOptions := map[string]optionSet{}
	if len(opt.QuestionCols) > 0 {
		seen := map[string][]optionSet{}
		for _, pd := range order {
			if pd.bad || len(pd.row.Options) < 2 {
				continue
			}
			names := slices.Sorted(slices.Values(pd.row.Options))
			sets := seen[pd.question]
			k := slices.IndexFunc(sets, func(s optionSet) bool { return slices.Equal(s.names, names) })
			if k < 0 {
				sets = append(sets, optionSet{names: names, line: pd.row.Line})
				k = len(sets) - 1
			}
			sets[k].count++
			seen[pd.question] = sets
		}
		for q, sets := range seen {
			best := sets[0]
			for _, s := range sets[1:] {
				if s.count > best.count {
					best = s
				}
			}
			questionOptions[q] = best
		}
	}
	probField := opt.ProbCol
	if wide {
		probField = strings.Join(opt.OptionCols, ",")
	}
	for _, pd := range order {
		if pd.bad {
			continue
		}
		r := pd.row
		good := true
		if len(r.Options) < 2 {
			errs.Add(file, r.Line, 1, probField, "a forecast of a question with options gives at least two, found %d", len(r.Options))
			good = false
		}
		if len(opt.QuestionCols) > 0 && len(r.Options) >= 2 {
			names := slices.Sorted(slices.Values(r.Options))
			if most := questionOptions[pd.question]; !slices.Equal(most.names, names) {
				field := opt.OptionCol
				if wide {
					field = probField
				}
				others := fmt.Sprintf("the forecast of the same question on line %d gives", most.line)
				if most.count > 1 {
					others = fmt.Sprintf("%d forecasts of the same question (the first on line %d) give", most.count, most.line)
				}
				errs.Add(file, r.Line, 1, field, "the forecast gives the options %s, but %s %s: every forecast of a question gives every option (a probability of 0 too), so a row or cell is missing",
					quotedList(names), others, quotedList(most.names))
				good = false
			}
		}
		sum := 0.0
		for _, p := range r.P {
			sum += p
		}
		if len(r.P) >= 2 && math.Abs(sum-1) > tol {
			at := pd.probPos[len(pd.probPos)-1]
			errs.Add(file, at[0], at[1], probField, "the forecast's probabilities (from line %d) add up to %s, not 1 (the tolerance is %g; --sum-tolerance sets it)", r.Line, trimFloat(sum), tol)
			good = false
		}
		switch o := strings.ToLower(pd.outcome); {
		case o == "" || o == "unresolved" || o == "na":
			r.Unscored = "unresolved"
		case o == "ambiguous":
			r.Unscored = "ambiguous"
		default:
			name := strings.TrimPrefix(pd.outcome, "p_")
			if wide && !slices.Contains(optNames, name) {
				name = pd.outcome
			}
			r.Outcome = slices.Index(r.Options, name)
			if r.Outcome < 0 {
				msg := fmt.Sprintf("%q is not one of the forecast's options (%s)", pd.outcome, quotedList(r.Options))
				if wide && slices.Contains(optNames, name) {
					msg = fmt.Sprintf("%q happened, but the forecast gives it no probability (its cell is empty)", pd.outcome)
				}
				errs.Add(file, pd.outPos[0], pd.outPos[1], opt.OutcomeCol, "%s", msg)
				good = false
			}
		}
		if good {
			out = append(out, r)
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, rows, errs
	}
	return out, rows, nil
}

// quotedList writes names for a message, each quoted: a cell may hold
// anything.
func quotedList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(out, ", ")
}

// trimFloat writes a sum for a message: 10 significant digits.
func trimFloat(x float64) string { return fmt.Sprintf("%.10g", x) }

// csvProblem turns an encoding/csv error into a positioned one.
func csvProblem(file string, err error) ErrorList {
	var errs ErrorList
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		errs.Add(file, pe.Line, pe.Column, "", "CSV: %v", pe.Err)
	} else {
		errs.Add(file, 0, 0, "", "%s", cleanOSError(err))
	}
	return errs
}
