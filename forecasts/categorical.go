package forecasts

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// OptionProb is one option's probability.
type OptionProb struct {
	Option string
	P      float64
}

// OptionProbs are the probabilities of a categorical forecast, one per
// option, in the order of the record's options.
type OptionProbs []OptionProb

// MarshalJSON writes the probabilities as one object, {"option": p, ...},
// keys in the order of the options.
func (ps OptionProbs) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.Option)
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(formatNumber(p.P))
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// String writes the probabilities as "Medvedev 0.6, Putin 0.3, neither 0.1".
func (ps OptionProbs) String() string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s %g", p.Option, p.P)
	}
	return strings.Join(parts, ", ")
}

// Values returns the probabilities alone, in option order.
func (ps OptionProbs) Values() []float64 {
	out := make([]float64, len(ps))
	for i, p := range ps {
		out[i] = p.P
	}
	return out
}

// DefaultSumTolerance is how far from 1 the probabilities of a
// categorical forecast may add up to (rounding in a spreadsheet), unless
// a Loader or table says otherwise.
const DefaultSumTolerance = 1e-6

// Categorical reports whether the record is a categorical forecast: a
// question with named options.
func (r *Record) Categorical() bool { return len(r.Options) > 0 }

// OutcomeOption returns the index among the options of the option that
// happened, or -1 when the record is not categorical or its outcome is
// unresolved or ambiguous.
func (r *Record) OutcomeOption() int {
	for i, o := range r.Options {
		if string(r.Outcome) == o {
			return i
		}
	}
	return -1
}

// sumTolerance is the Loader's tolerance for a sum of probabilities.
func (l *Loader) sumTolerance() float64 {
	if l.SumTolerance > 0 {
		return l.SumTolerance
	}
	return DefaultSumTolerance
}

// options reads a record's options: a list of at least two distinct,
// non-empty names.
func (d *decoder) options(o *object) []string {
	items := o.list("options")
	if v := o.value("options"); v == nil || v.Kind != yaml.SequenceNode {
		return nil // not a list, reported
	}
	if len(items) < 2 {
		d.errorf(o.values["options"], "options", "a question with options has at least two, found %d", len(items))
	}
	var out []string
	first := map[string]int{}
	for _, item := range items {
		if item = d.resolve(item); item == nil {
			continue
		}
		s, ok := d.scalar(item, "options")
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			d.errorf(item, "options", "an option must not be empty")
			continue
		case first[s] > 0:
			d.errorf(item, "options", "option %q is listed twice (first at line %d)", s, first[s])
			continue
		}
		first[s] = item.Line
		out = append(out, s)
	}
	return out
}

// probabilities reads estimate.probabilities, option: probability, and
// checks it against the options: every option given once, each
// probability in [0, 1], no other names, and the sum 1 within the
// tolerance. The result is in the order of the options; nil when
// anything is wrong.
func (l *Loader) probabilities(d *decoder, o *object, options []string) OptionProbs {
	const field = "estimate.probabilities"
	n := o.value("probabilities")
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "expected option: probability pairs, such as {%s}, found %s", exampleProbs(options), kindName(n))
		return nil
	}
	got := map[string]float64{}
	at := map[string]*yaml.Node{}
	good := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], d.resolve(n.Content[i+1])
		if v == nil {
			good = false
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, field, "expected an option's name, found %s", kindName(k))
			good = false
			continue
		}
		name := strings.TrimSpace(k.Value)
		f := field + "." + name
		if prev, dup := at[name]; dup {
			d.errorf(k, f, "option given twice (first at line %d)", prev.Line)
			good = false
			continue
		}
		at[name] = k
		known := false
		for _, opt := range options {
			known = known || opt == name
		}
		if !known && len(options) > 0 {
			msg := fmt.Sprintf("a probability for %q, which is not one of the options (%s)", name, strings.Join(options, ", "))
			if s := suggestOption(name, options); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			d.errorf(k, f, "%s", msg)
			good = false
		}
		p, ok := d.prob(v, f)
		if !ok {
			good = false
			continue
		}
		got[name] = p
	}
	var out OptionProbs
	sum := 0.0
	for _, opt := range options {
		p, ok := got[opt]
		if !ok {
			if _, named := at[opt]; !named {
				d.errorf(n, field, "no probability for option %q: give every option one (0 for none)", opt)
			}
			good = false
			continue
		}
		out = append(out, OptionProb{Option: opt, P: p})
		sum += p
	}
	if !good || len(options) == 0 {
		return nil
	}
	if tol := l.sumTolerance(); math.Abs(sum-1) > tol {
		d.errorf(n, field, "the probabilities add up to %s, not 1 (the tolerance is %g; --sum-tolerance sets it)", strconv.FormatFloat(sum, 'g', 10, 64), tol)
		return nil
	}
	return out
}

// exampleProbs writes an example of probabilities for the options.
func exampleProbs(options []string) string {
	if len(options) == 0 {
		return "A: 0.6, B: 0.3, C: 0.1"
	}
	parts := make([]string, len(options))
	for i, o := range options {
		parts[i] = fmt.Sprintf("%s: %s", o, formatNumber(math.Round(1e3/float64(len(options)))/1e3))
	}
	return strings.Join(parts, ", ")
}

// categorical reads what is particular to a record with options: the
// options, ordered, the estimate's probabilities and the outcome, which
// names an option (or is unresolved or ambiguous).
func (l *Loader) categorical(d *decoder, o *object, r *Record) {
	r.Options = d.options(o)
	r.Ordered = o.boolean("ordered")
	if r.Negated {
		d.errorf(o.values["negated"], "negated", "a question with options is not negated: give each option its probability")
	}
	e := o.value("estimate")
	if e == nil {
		if !o.has("estimate") {
			o.missing("estimate")
		}
	} else if eo, ok := d.object(e, "estimate", "estimate.", estimateFields); ok {
		for _, f := range []string{"probability", "range", "term", "scale"} {
			if eo.has(f) {
				d.errorf(eo.keys[f], "estimate."+f, "a question with options takes probabilities: {%s}, not %s", exampleProbs(r.Options), f)
			}
		}
		if !eo.has("probabilities") {
			d.errorf(eo.node, "estimate.probabilities", "required field is missing: a question with options gives each its probability, probabilities: {%s}", exampleProbs(r.Options))
		} else {
			r.Estimate.Probabilities = l.probabilities(d, eo, r.Options)
		}
	}
	s := strings.TrimSpace(o.str("outcome", true))
	if s == "" {
		return
	}
	for _, opt := range r.Options {
		if s == opt {
			r.Outcome = Outcome(opt)
			return
		}
	}
	for _, x := range []Outcome{Unresolved, Ambiguous} {
		if strings.EqualFold(s, string(x)) {
			r.Outcome = x
			return
		}
	}
	if len(r.Options) == 0 {
		return // the options are wrong, reported
	}
	msg := fmt.Sprintf("%q is not one of the options (%s), nor unresolved or ambiguous", s, strings.Join(r.Options, ", "))
	if sg := suggestOption(s, r.Options); sg != "" {
		msg += fmt.Sprintf("; did you mean %q?", sg)
	}
	d.errorf(o.values["outcome"], "outcome", "%s", msg)
}

// categoricalCSVColumns are the columns of a CSV export of a dataset with
// questions with options: CSVColumns with options, ordered and
// estimate_probabilities after negated. options holds a JSON list
// (["A", "B"]), estimate_probabilities a JSON object in the order of the
// options ({"A": 0.6, "B": 0.4}), ordered true or nothing; the p_event
// cells of such a record are empty. A dataset of yes/no questions alone is
// written with CSVColumns, as before.
var categoricalCSVColumns = func() []string {
	i := slices.Index(CSVColumns, "negated") + 1
	return slices.Concat(CSVColumns[:i], []string{"options", "ordered", "estimate_probabilities"}, CSVColumns[i:])
}()

// csvColumnsOf returns the columns WriteCSV writes for ds.
func csvColumnsOf(ds *Dataset) []string {
	for _, r := range ds.Records {
		if r.Categorical() {
			return categoricalCSVColumns
		}
	}
	return CSVColumns
}

// withCategoricalCells puts a row of CSVColumns in the layout of
// categoricalCSVColumns.
func withCategoricalCells(r *Record, row []string) []string {
	i := slices.Index(CSVColumns, "negated") + 1
	var opts, ordered, probs string
	if r.Categorical() {
		opts, probs = jsonCell(r.Options), jsonCell(r.Estimate.Probabilities)
		if r.Ordered {
			ordered = "true"
		}
		// P(event) means nothing here.
		n := len(row)
		row[n-3], row[n-2], row[n-1] = "", "", ""
	}
	return slices.Concat(row[:i], []string{opts, ordered, probs}, row[i:])
}

// hasKey reports whether the mapping m has the key.
func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// suggestOption returns the option a name is a slip of: the same in
// another case, or a few letters away in a name long enough that a few
// letters are a slip (Medvedew, not z for x); "" when none is.
func suggestOption(name string, options []string) string {
	s := suggest(name, options)
	if s == "" || strings.EqualFold(s, name) || editDistance(strings.ToLower(name), strings.ToLower(s)) <= len(name)/4 {
		return s
	}
	return ""
}
