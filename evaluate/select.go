package evaluate

import (
	"fmt"
	"strings"

	"github.com/hindcast/hindcast/forecasts"
)

// FindRecord returns the record with the id among the datasets, and its
// dataset. When there is none, the *UsageError names up to three ids that
// contain it or are contained in it.
func FindRecord(ds []*forecasts.Dataset, id string) (*forecasts.Record, *forecasts.Dataset, error) {
	var near []string
	for _, d := range ds {
		for _, r := range d.Records {
			if r.ID == id {
				return r, d, nil
			}
			if len(near) < 3 && (strings.Contains(r.ID, id) || strings.Contains(id, r.ID)) {
				near = append(near, r.ID)
			}
		}
	}
	msg := fmt.Sprintf("no record with id %q", id)
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	} else {
		msg += " (hindcast forecasts list shows the ids)"
	}
	return nil, nil, &UsageError{Msg: msg}
}
