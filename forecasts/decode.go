package forecasts

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder turns YAML nodes into values, collecting a positioned error for
// every problem instead of stopping at the first.
type decoder struct {
	file string
	errs *ErrorList

	// Aliases are bounded against alias bombs: how many are followed, and
	// how many nodes they reach, counted each time they are reached.
	aliases     int
	aliasNodes  int
	aliasFailed bool
}

// maxAliases bounds how many aliases one file may follow, and
// maxAliasNodes how many nodes they may reach in all: a file of a few
// lines can name a value of thousands of nodes a thousand times.
const (
	maxAliases    = 1000
	maxAliasNodes = 100000
)

func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.errs.Add(d.file, line, col, field, format, args...)
}

// resolve follows an alias to the node it names. When the file's aliases
// go beyond the bounds it returns nil, and reports it once, at the alias.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		if d.aliasFailed {
			return nil
		}
		d.aliases++
		d.aliasNodes += nodeCount(n.Alias)
		if d.aliases > maxAliases || d.aliasNodes > maxAliasNodes {
			d.aliasFailed = true
			d.errorf(n, "", "too many aliases: with *%s the file's aliases would be followed more than %d times or reach more than %d values; write the values out instead", n.Value, maxAliases, maxAliasNodes)
			return nil
		}
		n = n.Alias
	}
	return n
}

// nodeCount counts the nodes of the tree under n; an alias in it counts
// as one (what it names is counted when it is followed).
func nodeCount(n *yaml.Node) int {
	c := 1
	for _, k := range n.Content {
		c += nodeCount(k)
	}
	return c
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "something else"
}

// object is a YAML mapping whose keys must come from a known list.
type object struct {
	d      *decoder
	node   *yaml.Node
	prefix string // field prefix for messages: "estimate."
	keys   map[string]*yaml.Node
	values map[string]*yaml.Node
}

// object checks that n is a mapping with only known keys (reporting
// unknown ones with a suggestion, and duplicates) and returns it; ok is
// false when n is not a mapping.
func (d *decoder) object(n *yaml.Node, field, prefix string, known []string) (*object, bool) {
	n = d.resolve(n)
	o := &object{d: d, node: n, prefix: prefix, keys: map[string]*yaml.Node{}, values: map[string]*yaml.Node{}}
	if n == nil { // too many aliases, reported
		return o, false
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "expected a mapping of fields, found %s", kindName(n))
		return o, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, field, "expected a field name, found %s", kindName(k))
			continue
		}
		name := k.Value
		if name == "<<" && k.Tag == "!!merge" {
			d.errorf(k, prefix+"<<", "merge keys (<<: *anchor) are not supported: write the fields out (an alias may stand for a whole value: sources: *anchor)")
			continue
		}
		if !slices.Contains(known, name) {
			msg := fmt.Sprintf("unknown field %q", name)
			if s := suggest(name, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += "; known fields: " + strings.Join(known, ", ")
			}
			d.errorf(k, prefix+name, "%s", msg)
			continue
		}
		if prev, dup := o.keys[name]; dup {
			d.errorf(k, prefix+name, "field given twice (first at line %d)", prev.Line)
			continue
		}
		o.keys[name] = k
		o.values[name] = v
	}
	return o, true
}

// has reports whether the field is present and not null.
func (o *object) has(name string) bool {
	v, ok := o.values[name]
	return ok && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null")
}

// value returns the field's node with aliases followed, or nil.
func (o *object) value(name string) *yaml.Node {
	if !o.has(name) {
		return nil
	}
	return o.d.resolve(o.values[name]) // nil after too many aliases, reported
}

func (o *object) missing(name string) {
	o.d.errorf(o.node, o.prefix+name, "required field is missing")
}

// str reads a scalar as text; numbers and booleans are taken as written.
func (o *object) str(name string, required bool) string {
	v := o.value(name)
	if v == nil {
		if required && !o.has(name) {
			o.missing(name)
		}
		return ""
	}
	s, ok := o.d.scalar(v, o.prefix+name)
	if ok && required && strings.TrimSpace(s) == "" {
		o.d.errorf(v, o.prefix+name, "must not be empty")
	}
	return s
}

func (d *decoder) scalar(v *yaml.Node, field string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, field, "expected text, found %s", kindName(v))
		return "", false
	}
	return v.Value, true
}

// oneOf reads a scalar that must be one of the allowed words (case-insensitive).
func (o *object) oneOf(name string, required bool, allowed []string) string {
	s := o.str(name, required)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimSpace(s), a) {
			return a
		}
	}
	o.d.errorf(o.values[name], o.prefix+name, "%q is not one of: %s", s, strings.Join(allowed, ", "))
	return ""
}

func (o *object) date(name string, required bool) Date {
	s := o.str(name, required)
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(strings.TrimSpace(s))
	if err != nil {
		o.d.errorf(o.values[name], o.prefix+name, "%v", err)
	}
	return d
}

func (o *object) boolean(name string) bool {
	v := o.value(name)
	if v == nil {
		return false
	}
	if v.Kind == yaml.ScalarNode {
		switch v.Value {
		case "true", "True", "TRUE":
			return true
		case "false", "False", "FALSE":
			return false
		}
	}
	o.d.errorf(v, o.prefix+name, "expected true or false, found %s", kindName(v))
	return false
}

// number reads a finite number written in decimal, as in a table: an
// optional sign, digits with at most one decimal point, an optional
// exponent (0.3, .5, 1e-3). Other spellings YAML or Go would take
// (0x1p-3, 1_0, .inf) are refused, saying so, rather than read as a
// number some and not all of them are. ok is false when bad.
func (d *decoder) number(v *yaml.Node, field string) (float64, bool) {
	if v.Kind == yaml.ScalarNode {
		s := strings.TrimSpace(v.Value)
		if f, ok := tableParseNumber([]byte(s), 0); ok && !math.IsInf(f, 0) {
			return f, true
		}
		if p, ok := strings.CutSuffix(s, "%"); ok {
			if f, ok := tableParseNumber([]byte(strings.TrimSpace(p)), 0); ok && !math.IsInf(f, 0) {
				d.errorf(v, field, "expected a probability between 0 and 1, found %q; write %g for %s", v.Value, f/100, s)
				return 0, false
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil { // 0x0, 0o7, 0b1: integers only
			var i int64
			i, err = strconv.ParseInt(s, 0, 64)
			f = float64(i)
		}
		if err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			d.errorf(v, field, "%q: write numbers in decimal, with digits and a decimal point (%s)", v.Value, formatNumber(f))
			return 0, false
		}
	}
	d.errorf(v, field, "expected a number, found %s", kindName(v))
	return 0, false
}

// prob reads a probability in [0, 1].
func (d *decoder) prob(v *yaml.Node, field string) (float64, bool) {
	f, ok := d.number(v, field)
	if !ok {
		return 0, false
	}
	if f < 0 || f > 1 {
		hint := ""
		if f > 1 && f <= 100 && (f >= 5 || f == math.Trunc(f)) {
			hint = fmt.Sprintf("; write %g for %g%%", f/100, f)
		}
		d.errorf(v, field, "%s is outside [0, 1]%s", strings.TrimSpace(v.Value), hint)
		return 0, false
	}
	return f, true
}

func (o *object) prob(name string) *float64 {
	v := o.value(name)
	if v == nil {
		return nil
	}
	f, ok := o.d.prob(v, o.prefix+name)
	if !ok {
		return nil
	}
	return &f
}

// probPair reads [low, high] with 0 <= low <= high <= 1.
func (o *object) probPair(name string) *[2]float64 {
	v := o.value(name)
	if v == nil {
		return nil
	}
	field := o.prefix + name
	if v.Kind != yaml.SequenceNode || len(v.Content) != 2 {
		o.d.errorf(v, field, "expected [low, high], two probabilities, found %s", describeList(v))
		return nil
	}
	lo, ok1 := o.d.prob(v.Content[0], field)
	hi, ok2 := o.d.prob(v.Content[1], field)
	if !ok1 || !ok2 {
		return nil
	}
	if lo > hi {
		o.d.errorf(v, field, "[%g, %g] is reversed: low must not exceed high", lo, hi)
		return nil
	}
	return &[2]float64{lo, hi}
}

func describeList(v *yaml.Node) string {
	if v.Kind == yaml.SequenceNode {
		return fmt.Sprintf("a list of %d", len(v.Content))
	}
	return kindName(v)
}

// list returns the items of a sequence field.
func (o *object) list(name string) []*yaml.Node {
	v := o.value(name)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.d.errorf(v, o.prefix+name, "expected a list, found %s", kindName(v))
		return nil
	}
	return v.Content
}

func (o *object) strs(name string) []string {
	var out []string
	for _, item := range o.list(name) {
		if item = o.d.resolve(item); item == nil {
			continue
		}
		if s, ok := o.d.scalar(item, o.prefix+name); ok {
			out = append(out, s)
		}
	}
	return out
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// eventPattern is the form of a record's event: a slug of at most 80
// lower-case letters, digits and hyphens.
var eventPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$`)

// suggest returns the known word closest to w when it is a near miss.
func suggest(w string, known []string) string {
	best, bestD := "", math.MaxInt
	for _, k := range known {
		if strings.EqualFold(k, w) {
			return k
		}
		if d := editDistance(strings.ToLower(w), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 || (bestD <= 3 && len(w) >= 8) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Suggest returns the word of known nearest to w, for a "did you mean"
// after a typing mistake: the same word in another case, or one a few
// letters away; "" when none is near.
func Suggest(w string, known []string) string { return suggest(w, known) }
