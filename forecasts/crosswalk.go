package forecasts

import (
	_ "embed"
	"fmt"
	"sync"
)

// Crosswalk says which term each scale uses for each level of the ladder,
// so that a term coded on one scale can be read on another. It is data
// (crosswalk.yaml), shown by `hindcast scales crosswalk`.
type Crosswalk struct {
	Rows []CrosswalkRow `json:"levels"`
}

// CrosswalkRow names, for one level, the term of each scale that has one.
type CrosswalkRow struct {
	Level Level             `json:"level"`
	Terms map[string]string `json:"terms"` // scale name → canonical term
}

//go:embed crosswalk.yaml
var crosswalkYAML []byte

var builtinCrosswalk = sync.OnceValue(func() *Crosswalk {
	cw, err := ParseCrosswalk("crosswalk.yaml", crosswalkYAML, BuiltinScales())
	if err != nil {
		panic(fmt.Sprintf("forecasts: the built-in crosswalk is invalid:\n%s", err.(ErrorList).Format(0)))
	}
	return cw
})

// BuiltinCrosswalk returns the crosswalk between the built-in scales.
func BuiltinCrosswalk() *Crosswalk { return builtinCrosswalk() }

// ParseCrosswalk reads a crosswalk and checks it against the scales: every
// term must exist on its scale, at the row's level.
func ParseCrosswalk(file string, data []byte, scales *Scales) (*Crosswalk, error) {
	l := &Loader{}
	root, ok := l.parse(file, data)
	if !ok {
		return nil, l.errs
	}
	var errs ErrorList
	d := &decoder{file: file, errs: &errs}
	cw := &Crosswalk{}
	if top, ok := d.object(root, "", "", []string{"levels"}); ok {
		known := append([]string{"level"}, scales.Names()...)
		for _, n := range top.list("levels") {
			o, ok := d.object(n, "levels", "", known)
			if !ok {
				continue
			}
			row := CrosswalkRow{Level: Level(o.oneOf("level", true, strs(Levels))), Terms: map[string]string{}}
			for _, name := range scales.Names() {
				word := o.str(name, false)
				if word == "" {
					continue
				}
				sc, _ := scales.Get(name)
				t, ok := sc.Lookup(word)
				switch {
				case !ok:
					d.errorf(o.values[name], name, "%q is not a term of %s", word, name)
				case t.Level != row.Level:
					d.errorf(o.values[name], name, "%q is at level %s on %s, not %s", word, t.Level, name, row.Level)
				default:
					row.Terms[name] = t.Term
				}
			}
			cw.Rows = append(cw.Rows, row)
		}
	}
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return cw, nil
}

// Translate finds the term of scale to that stands at the level of term t.
func (c *Crosswalk) Translate(t *Term, to *Scale) (*Term, bool) {
	for _, row := range c.Rows {
		if row.Level == t.Level {
			if name, ok := row.Terms[to.Name]; ok {
				return to.Lookup(name)
			}
			return nil, false
		}
	}
	return nil, false
}

// Reading picks which value of a coded interval the metrics use.
type Reading string

// The readings.
const (
	ReadPoint Reading = "point" // the term's point, the range's midpoint
	ReadLow   Reading = "low"   // the low end of P(event)'s interval
	ReadHigh  Reading = "high"  // the high end of P(event)'s interval
)

// Readings lists the valid readings.
var Readings = []Reading{ReadPoint, ReadLow, ReadHigh}

// Read returns the value of the interval that r picks.
func (iv Interval) Read(r Reading) float64 {
	switch r {
	case ReadLow:
		return iv.Low
	case ReadHigh:
		return iv.High
	}
	return iv.Point
}

// Coding is a record's P(event) as read on one scale.
type Coding struct {
	Event Interval `json:"p_event"`
	Scale string   `json:"scale,omitempty"` // the scale the term was read on; empty for a numeric estimate
	Term  string   `json:"term,omitempty"`  // the term on that scale
	// Translated is true when the record's own term was on another scale.
	Translated bool `json:"translated,omitempty"`
	// Missing is true when the scale has no counterpart for the record's
	// term; Event then keeps the record's own coding.
	Missing bool   `json:"missing,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Recode reads a record's estimate on the named scale through the
// crosswalk. A numeric probability or range is the same on every scale. A
// term on another scale is translated by its level; a narrowing range is
// dropped then (it was given in the other scale's terms), and said so.
func (c *Crosswalk) Recode(r *Record, scales *Scales, target string) Coding {
	own := Coding{Event: r.Event, Scale: r.Estimate.Scale}
	e := r.Estimate
	if e.Term == "" || target == "" {
		if e.Term != "" {
			own.Term = e.Term
		}
		return own
	}
	from, ok1 := scales.Get(e.Scale)
	to, ok2 := scales.Get(target)
	if !ok1 || !ok2 {
		own.Missing = true
		own.Note = fmt.Sprintf("scale %q is unknown", target)
		return own
	}
	t, ok := from.Lookup(e.Term)
	if !ok {
		own.Missing = true
		own.Note = fmt.Sprintf("%q is not a term of %s", e.Term, from.Name)
		return own
	}
	if from.Name == to.Name {
		own.Term = t.Term
		return own
	}
	u, ok := c.Translate(t, to)
	if !ok {
		own.Term = t.Term
		own.Missing = true
		own.Note = fmt.Sprintf("%s has no term at the level of %s %q (%s); kept as coded", to.Name, from.Name, t.Term, t.Level)
		return own
	}
	iv := u.Interval
	if r.Negated {
		iv = iv.Complement()
	}
	note := fmt.Sprintf("%s %q read as %s %q", from.Name, t.Term, to.Name, u.Term)
	if e.Range != nil {
		note += fmt.Sprintf("; the coder's narrowing range [%g, %g] applies only on %s and was dropped", e.Range[0], e.Range[1], from.Name)
	}
	return Coding{Event: iv, Scale: to.Name, Term: u.Term, Translated: true, Note: note}
}
