package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// FindRecord returns the record with the id among the datasets, and its
// dataset. When there is none, the *UsageError names up to three ids that
// contain it or are contained in it.
func FindRecord(ds []*forecasts.Dataset, id string) (*forecasts.Record, *forecasts.Dataset, error) {
	for _, d := range ds {
		for _, r := range d.Records {
			if r.ID == id {
				return r, d, nil
			}
		}
	}
	msg := fmt.Sprintf("no record with id %q", id)
	if near := nearIDs(ds, id); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	} else {
		msg += " (hindcast forecasts list shows the ids)"
	}
	return nil, nil, &UsageError{Msg: msg}
}

// nearIDs lists up to three ids of the datasets' records near id: those
// that contain it or are contained in it, or else the one a few letters
// away.
func nearIDs(ds []*forecasts.Dataset, id string) []string {
	var near, all []string
	for _, r := range AllRecords(ds) {
		all = append(all, r.ID)
		if len(near) < 3 && (strings.Contains(r.ID, id) || strings.Contains(id, r.ID)) {
			near = append(near, r.ID)
		}
	}
	if s := forecasts.Suggest(id, all); len(near) == 0 && s != "" {
		near = append(near, s)
	}
	return near
}

// Selection chooses records of the datasets read, before they are
// grouped, weighted or scored. The zero value keeps every record.
type Selection struct {
	// IDs, when not empty, keeps only the records with these ids.
	IDs []string
	// Exclude drops the records with these ids.
	Exclude []string
	// Where keeps the records whose FIELD equals VALUE, for every
	// "FIELD=VALUE" of the list: FIELD is a record field
	// (forecasts.RecordFields, question, id, label) or a tag key, also
	// written tags.KEY; VALUE is compared exactly, as forecasts list
	// and --by show it (year 1978, decade 1970s, negated true).
	Where []string
}

// IsZero reports whether the selection keeps every record.
func (s Selection) IsZero() bool {
	return len(s.IDs) == 0 && len(s.Exclude) == 0 && len(s.Where) == 0
}

// condition is one FIELD=VALUE of Selection.Where.
type condition struct{ field, value string }

// conditions parses Where, reporting a missing = or field as a
// *UsageError.
func (s Selection) conditions() ([]condition, error) {
	var out []condition
	for _, w := range s.Where {
		field, value, ok := strings.Cut(w, "=")
		field = strings.TrimSpace(field)
		if !ok || field == "" {
			return nil, usagef("--where %q: write FIELD=VALUE, such as forecaster=CIA or region=Europe", w)
		}
		out = append(out, condition{strings.TrimPrefix(field, "tags."), value})
	}
	return out, nil
}

// check reports an empty id as a *UsageError.
func (s Selection) check() error {
	for _, id := range slices.Concat(s.IDs, s.Exclude) {
		if strings.TrimSpace(id) == "" {
			return usagef("--id and --exclude: empty id")
		}
	}
	_, err := s.conditions()
	return err
}

// SelectRecords returns the datasets with only the records the selection
// keeps, in their order, leaving out datasets with none left; ds is not
// changed. An id that no record has, a field that is neither a record
// field nor a tag, a value that no record has, and a selection that keeps
// nothing are *UsageErrors, with the nearest id, field or value.
func SelectRecords(ds []*forecasts.Dataset, s Selection) ([]*forecasts.Dataset, error) {
	if s.IsZero() {
		return ds, nil
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	conds, _ := s.conditions()
	for _, id := range slices.Concat(s.IDs, s.Exclude) {
		if _, _, err := FindRecord(ds, id); err != nil {
			flag := "--id"
			if !slices.Contains(s.IDs, id) {
				flag = "--exclude"
			}
			names := make([]string, len(ds))
			for i, d := range ds {
				names[i] = d.Name
			}
			return nil, usagef("%s %s: not an id of the records read (%s)%s", flag, id, strings.Join(names, ", "),
				strings.TrimPrefix(err.Error(), fmt.Sprintf("no record with id %q", id)))
		}
	}
	for _, c := range conds {
		if err := checkCondition(ds, c); err != nil {
			return nil, err
		}
	}
	var out []*forecasts.Dataset
	for _, d := range ds {
		var keep []*forecasts.Record
		for _, r := range d.Records {
			if s.keeps(r, conds) {
				keep = append(keep, r)
			}
		}
		if len(keep) > 0 {
			sel := *d
			sel.Records = keep
			if len(keep) < len(d.Records) {
				sel.ChosenBy, sel.Total = s.describe(), len(d.Records)
			}
			out = append(out, &sel)
		}
	}
	if len(out) == 0 {
		return nil, usagef("no record is both %s: nothing left to read", s.describe())
	}
	return out, nil
}

// keeps reports whether the selection keeps the record.
func (s Selection) keeps(r *forecasts.Record, conds []condition) bool {
	if len(s.IDs) > 0 && !slices.Contains(s.IDs, r.ID) || slices.Contains(s.Exclude, r.ID) {
		return false
	}
	for _, c := range conds {
		if v, ok := r.Field(c.field); !ok || v != c.value {
			return false
		}
	}
	return true
}

// describe says what the selection asks for, for a message.
func (s Selection) describe() string {
	var parts []string
	if len(s.IDs) > 0 {
		parts = append(parts, "--id "+strings.Join(s.IDs, ","))
	}
	for _, id := range s.Exclude {
		parts = append(parts, "not "+id)
	}
	for _, w := range s.Where {
		parts = append(parts, w)
	}
	return strings.Join(parts, " and ")
}

// selectFields are the fields --where knows besides tags.
var selectFields = append([]string{"id", "label", "question"}, forecasts.RecordFields...)

// checkCondition reports a field that is neither a record field nor a
// tag of the datasets' records, and a value that no record has.
func checkCondition(ds []*forecasts.Dataset, c condition) error {
	keys := tagKeys(ds)
	if !slices.Contains(selectFields, c.field) && !slices.Contains(keys, c.field) {
		msg := fmt.Sprintf("--where %s=%s: %q is not a record field or tag", c.field, c.value, c.field)
		if s := forecasts.Suggest(c.field, slices.Concat(selectFields, keys)); s != "" {
			return usagef("%s; did you mean %s?", msg, s)
		}
		return usagef("%s; fields: %s; %s", msg, strings.Join(selectFields, ", "), tagsNamed(keys))
	}
	var values []string
	for _, r := range AllRecords(ds) {
		v, ok := r.Field(c.field)
		if ok && v == c.value {
			return nil
		}
		if ok && !slices.Contains(values, v) {
			values = append(values, v)
		}
	}
	msg := fmt.Sprintf("--where %s=%s: no record has %s %q", c.field, c.value, c.field, c.value)
	if s := forecasts.Suggest(c.value, values); s != "" {
		return usagef("%s; did you mean %s=%s?", msg, c.field, s)
	}
	if len(values) <= 12 && !slices.Contains([]string{"question", "id", "label"}, c.field) {
		slices.Sort(values)
		return usagef("%s; the values are %s", msg, strings.Join(values, ", "))
	}
	return usagef("%s (hindcast forecasts list shows them)", msg)
}
