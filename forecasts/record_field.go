package forecasts

import (
	"fmt"
	"strconv"
)

// RecordFields are the record fields [Record.Field] reads besides tags:
// what a command may group, compare or select records by.
var RecordFields = []string{"forecaster", "audience", "dataset", "wording", "scale", "negated", "outcome", "year", "decade", "event"}

// Field returns the value of a record field named in RecordFields, of
// "question", "id" or "label" (ok only when set), or else of the tag with that key; ok is false when
// the record has no such field or tag. A numeric estimate's scale reads
// "(numeric)"; year and decade are those of the issue date ("1978",
// "1970s").
func (r *Record) Field(name string) (value string, ok bool) {
	switch name {
	case "question":
		return r.Question, true
	case "id":
		return r.ID, true
	case "label":
		return r.Label, r.Label != ""
	case "forecaster":
		return r.Forecaster, true
	case "audience":
		return r.Audience, true
	case "dataset":
		return r.Dataset, true
	case "wording":
		return string(r.Statement.Wording), true
	case "scale":
		if r.Estimate.Scale == "" {
			return "(numeric)", true
		}
		return r.Estimate.Scale, true
	case "negated":
		return strconv.FormatBool(r.Negated), true
	case "outcome":
		return string(r.Outcome), true
	case "year":
		return strconv.Itoa(r.Issued.Year), true
	case "decade":
		return fmt.Sprintf("%ds", r.Issued.Year/10*10), true
	case "event":
		return r.Happening, r.Happening != ""
	}
	return r.Tags.Get(name)
}
