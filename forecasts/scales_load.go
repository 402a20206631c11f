package forecasts

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

var (
	scaleFields = []string{"name", "title", "source", "url", "kind", "caveats", "terms"}
	termFields  = []string{"term", "synonyms", "level", "range", "point", "spread", "median", "iqr", "p05_p95"}
)

// LoadScales reads scale files (the format of docs/format.md) from a file
// system; names in errors are prefixed with label.
func LoadScales(fsys fs.FS, label string, names ...string) (*Scales, error) {
	var errs ErrorList
	var list []*Scale
	named := map[string]Pos{} // where each scale's name was given
	l := &Loader{}
	for _, name := range names {
		file := path.Join(label, name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(file, 0, 0, "", "%s", cleanOSError(err))
			continue
		}
		root, ok := l.parse(file, data)
		errs = append(errs, l.errs...)
		l.errs = nil
		if !ok {
			continue
		}
		d := &decoder{file: file, errs: &errs}
		sc, at := d.scale(root)
		if sc == nil {
			continue
		}
		key := strings.ToLower(sc.Name) // Scales.Get ignores case
		if first, dup := named[key]; dup && sc.Name != "" {
			d.errorf(at, "name", "%q names another scale too (at %s): scale names must differ", sc.Name, first)
			continue
		}
		named[key] = Pos{File: file, Line: at.Line, Col: at.Column}
		list = append(list, sc)
	}
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return NewScales(list...)
}

// scale reads a scale file, and returns the node of its name (or of the
// file when it has none) for messages.
func (d *decoder) scale(n *yaml.Node) (*Scale, *yaml.Node) {
	o, ok := d.object(n, "scale", "", scaleFields)
	if !ok {
		return nil, nil
	}
	sc := &Scale{
		Name:    o.str("name", true),
		Title:   o.str("title", true),
		Source:  o.str("source", true),
		URL:     o.str("url", false),
		Kind:    ScaleKind(o.oneOf("kind", true, strs(ScaleKinds))),
		Caveats: o.strs("caveats"),
	}
	if sc.Name != "" && !namePattern.MatchString(sc.Name) {
		d.errorf(o.values["name"], "name", "%q: use lower-case letters, digits, - and _", sc.Name)
	}
	seen := map[string]int{}
	for _, tn := range o.list("terms") {
		t := d.term(tn, sc.Kind)
		if t == nil {
			continue
		}
		for _, w := range append([]string{t.Term}, t.Synonyms...) {
			if line, dup := seen[normTerm(w)]; dup {
				d.errorf(tn, "terms", "%q appears twice in the scale (first at line %d)", w, line)
			}
			seen[normTerm(w)] = tn.Line
		}
		sc.Terms = append(sc.Terms, t)
	}
	if !o.has("terms") {
		o.missing("terms")
	}
	at := o.node
	if v := o.values["name"]; v != nil {
		at = v
	}
	return sc, at
}

func (d *decoder) term(n *yaml.Node, kind ScaleKind) *Term {
	o, ok := d.object(n, "terms", "terms.", termFields)
	if !ok {
		return nil
	}
	t := &Term{
		Term:     o.str("term", true),
		Synonyms: o.strs("synonyms"),
		Level:    Level(o.oneOf("level", true, strs(Levels))),
		Range:    o.probPair("range"),
		Point:    o.prob("point"),
		Median:   o.prob("median"),
		IQR:      o.probPair("iqr"),
		P05P95:   o.probPair("p05_p95"),
	}
	if v := o.value("spread"); v != nil {
		if f, ok := d.prob(v, "terms.spread"); ok {
			t.Spread = &f
		}
	}
	need := func(names ...string) bool {
		all := true
		for _, name := range names {
			if !o.has(name) {
				d.errorf(o.node, "terms."+name, "required for a %s scale", kind)
				all = false
			}
		}
		return all
	}
	switch kind {
	case KindRanges:
		if !need("range") || t.Range == nil {
			return nil
		}
		mid := tidy((t.Range[0] + t.Range[1]) / 2)
		if t.Point != nil {
			mid = *t.Point
			if mid < t.Range[0] || mid > t.Range[1] {
				d.errorf(o.values["point"], "terms.point", "%g lies outside the term's range [%g, %g]", mid, t.Range[0], t.Range[1])
			}
		}
		t.Interval = Interval{Low: t.Range[0], Point: mid, High: t.Range[1]}
	case KindPointSpread:
		if !need("point", "spread") || t.Point == nil || t.Spread == nil {
			return nil
		}
		p, s := *t.Point, *t.Spread
		t.Interval = Interval{Low: max(0, tidy(p-s)), Point: p, High: min(1, tidy(p+s))}
	case KindSurvey:
		if !need("median", "iqr", "p05_p95") || t.Median == nil || t.IQR == nil || t.P05P95 == nil {
			return nil
		}
		m := *t.Median
		if m < t.IQR[0] || m > t.IQR[1] {
			d.errorf(o.values["median"], "terms.median", "%g lies outside the interquartile range [%g, %g]", m, t.IQR[0], t.IQR[1])
		}
		if t.IQR[0] < t.P05P95[0] || t.IQR[1] > t.P05P95[1] {
			d.errorf(o.values["iqr"], "terms.iqr", "the interquartile range must lie inside the 5-95%% range [%g, %g]", t.P05P95[0], t.P05P95[1])
		}
		t.Interval = Interval{Low: t.IQR[0], Point: m, High: t.IQR[1]}
	default:
		return nil
	}
	return t
}

//go:embed scales/*.yaml
var scaleFS embed.FS

//go:embed builtin/*.yaml
var builtinFS embed.FS

var builtinScales = sync.OnceValue(func() *Scales {
	names := yamlNames(scaleFS, "scales")
	sc, err := LoadScales(scaleFS, "", names...)
	if err != nil {
		panic(fmt.Sprintf("forecasts: built-in scales are invalid:\n%s", err.(ErrorList).Format(0)))
	}
	return sc
})

// BuiltinScales returns the scales that ship with hindcast.
func BuiltinScales() *Scales { return builtinScales() }

func yamlNames(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		panic("forecasts: " + err.Error())
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	slices.Sort(names)
	return names
}

// BuiltinNames lists the built-in datasets.
func BuiltinNames() []string {
	var names []string
	for _, n := range yamlNames(builtinFS, "builtin") {
		names = append(names, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	return names
}

// LoadBuiltin reads the named built-in datasets (all of them when no
// name is given), checked against the built-in scales.
func LoadBuiltin(names ...string) ([]*Dataset, error) {
	return (&Loader{}).LoadBuiltin(names...)
}

// LoadBuiltin reads the named built-in datasets (all of them when no name
// is given), as Load reads files.
func (l *Loader) LoadBuiltin(names ...string) ([]*Dataset, error) {
	known := BuiltinNames()
	if len(names) == 0 {
		names = known
	}
	files := make([]string, len(names))
	for i, n := range names {
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("no built-in dataset %q; built-in datasets: %s", n, strings.Join(known, ", "))
		}
		files[i] = "builtin/" + n + ".yaml"
	}
	ds, err := l.LoadFS(builtinFS, "", files...)
	for _, d := range ds {
		d.Builtin = true
	}
	return ds, err
}
