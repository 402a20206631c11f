package evaluate

import (
	"github.com/hindcast/hindcast/forecasts"
)

// ForecastGroups turns the forecasts into the charts' groups: one per
// group key, or one for everything, each with its named cases when the
// forecasts are records.
func (f *Forecasts) ForecastGroups() []ForecastGroup {
	groups := f.Groups
	if len(groups) == 0 {
		groups = []*Group{f.Overall}
	}
	out := make([]ForecastGroup, 0, len(groups))
	for _, g := range groups {
		fg := ForecastGroup{Name: g.Name(), Table: g.Tally.Table()}
		for _, sr := range g.Scored {
			fg.Cases = append(fg.Cases, Case{ID: sr.Record.ID, P: sr.P, Outcome: sr.Record.Outcome})
		}
		out = append(out, fg)
	}
	return out
}

// Cases lists every record as a named case: the scored ones at the
// probability they are scored at, the others as coded (charts name them
// as not scored). Records left out by --latest are not cases.
func (f *Forecasts) Cases() []Case {
	scored := map[*forecasts.Record]float64{}
	for _, sr := range f.Overall.Scored {
		scored[sr.Record] = sr.P
	}
	var out []Case
	for _, d := range f.Datasets {
		for _, r := range d.Records {
			p, ok := scored[r]
			if !ok {
				if r.Outcome.Scored() {
					continue // superseded by --latest
				}
				p = r.Event.Point
			}
			out = append(out, Case{ID: r.ID, P: p, Outcome: r.Outcome})
		}
	}
	return out
}
