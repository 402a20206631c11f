package figure

import (
	"math"
	"strconv"
	"time"

	"gonum.org/v1/plot"
)

// PercentAxis makes a a probability axis from 0 to 100%, ticked by
// PercentTicks. Set a.Min and a.Max afterwards for part of the range.
func PercentAxis(a *plot.Axis) {
	a.Min, a.Max = 0, 1
	a.Tick.Marker = PercentTicks{}
}

// PercentTicks ticks a probability axis in percent: "0%", "10%" … "100%".
// Step is the distance between labelled ticks as a probability (0.1 labels
// every 10%); zero chooses the smallest of 1, 2, 2.5, 5, 10, 20, 25 and 50
// points that shows at most 6 labels (0%, 20% … 100%), which fits a
// panel 6 cm wide; a chart with 11 cm or more for the axis may set 0.1.
// An unlabelled minor tick falls halfway between labels.
type PercentTicks struct {
	Step float64
}

var percentSteps = []float64{0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1}

// Ticks implements plot.Ticker.
func (t PercentTicks) Ticks(min, max float64) []plot.Tick {
	step := t.Step
	if step <= 0 {
		step = percentSteps[len(percentSteps)-1]
		for _, s := range percentSteps {
			if (max-min)/s <= 5+1e-9 {
				step = s
				break
			}
		}
	}
	const eps = 1e-9
	var ticks []plot.Tick
	for k := math.Ceil(min/step - eps); k*step <= max+eps; k++ {
		v := k * step
		ticks = append(ticks, plot.Tick{Value: v, Label: percentLabel(v)})
	}
	for k := math.Ceil(min/step-0.5-eps) + 0.5; k*step <= max+eps; k++ {
		ticks = append(ticks, plot.Tick{Value: k * step})
	}
	return ticks
}

// percentLabel writes a probability as a percentage with no more decimals
// than it needs: 0.1 → "10%", 0.025 → "2.5%".
func percentLabel(p float64) string {
	v := math.Round(p*100*1e6) / 1e6
	if v == 0 {
		v = 0 // no "-0%"
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + "%"
}

// DateValue is the axis value of a time: seconds since 1970 in UTC, the
// unit DateTicks reads.
func DateValue(t time.Time) float64 { return float64(t.Unix()) }

func ValueDate(v float64) time.Time { return time.Unix(int64(math.Round(v)), 0).UTC() }

// DateAxis makes a a time axis ticked by DateTicks; its values are DateValues.
func DateAxis(a *plot.Axis) {
	a.Tick.Marker = DateTicks{}
}

// DateTicks ticks a time axis whose values are DateValues on calendar
// boundaries: years ("1950") across decades, months ("Jan 1979", "Apr")
// across a year or two, days ("7 Jan 1979", "9 Jan") across weeks. It
// chooses the finest step that shows at most MaxLabels labels and adds
// unlabelled minor ticks between them. Zero means 5, which fits a panel
// 6 cm wide; a chart with 9 cm or more for the axis may allow 8.
type DateTicks struct {
	MaxLabels int
}

type dateStep struct {
	unit  byte // 'y' years, 'm' months, 'd' days
	n     int
	minor int // in the same unit; 0 for none
}

// days is the longest the step can be, in days: with a span of more than
// days × (k + 2), a step gives more than k ticks whatever the calendar.
func (s dateStep) days() float64 {
	switch s.unit {
	case 'y':
		return 366 * float64(s.n)
	case 'm':
		return 31 * float64(s.n)
	}
	return float64(s.n)
}

var dateSteps = []dateStep{
	{'d', 1, 0}, {'d', 2, 1}, {'d', 7, 1}, {'d', 14, 7},
	{'m', 1, 0}, {'m', 2, 1}, {'m', 3, 1}, {'m', 6, 1},
	{'y', 1, 0}, {'y', 2, 1}, {'y', 5, 1}, {'y', 10, 5}, {'y', 20, 10}, {'y', 25, 5},
	{'y', 50, 10}, {'y', 100, 50}, {'y', 200, 100}, {'y', 500, 100}, {'y', 1000, 500},
}

// Ticks implements plot.Ticker.
func (t DateTicks) Ticks(min, max float64) []plot.Tick {
	most := t.MaxLabels
	if most <= 0 {
		most = 5
	}
	lo, hi := ValueDate(min), ValueDate(max)
	step := dateSteps[len(dateSteps)-1]
	var major []time.Time
	span := hi.Sub(lo).Hours() / 24
	for _, s := range dateSteps {
		if span/s.days() > float64(most)+2 {
			continue // far too many ticks at this step: not worth listing them
		}
		major = calendarTimes(lo, hi, s.unit, s.n)
		if len(major) <= most {
			step = s
			break
		}
	}
	major = calendarTimes(lo, hi, step.unit, step.n)
	ticks := make([]plot.Tick, 0, len(major))
	for i, d := range major {
		first := i == 0
		var label string
		switch step.unit {
		case 'y':
			label = d.Format("2006")
		case 'm':
			label = d.Format("Jan")
			if first || d.Month() == time.January {
				label = d.Format("Jan 2006")
			}
		default:
			label = d.Format("2 Jan")
			if first || d.YearDay() <= step.n {
				label = d.Format("2 Jan 2006")
			}
		}
		ticks = append(ticks, plot.Tick{Value: DateValue(d), Label: label})
	}
	if step.minor > 0 {
		for _, d := range calendarTimes(lo, hi, step.unit, step.minor) {
			if !onStep(d, step.unit, step.n) {
				ticks = append(ticks, plot.Tick{Value: DateValue(d)})
			}
		}
	}
	return ticks
}

// calendarTimes lists the starts of years, months or days from lo to hi
// that fall on multiples of n: years divisible by n, months whose number
// from January is divisible by n, days counted from 1970-01-05 (a Monday,
// so that weeks start on Mondays). It stops early at a thousand.
func calendarTimes(lo, hi time.Time, unit byte, n int) []time.Time {
	var out []time.Time
	var d time.Time
	switch unit {
	case 'y':
		y := lo.Year()
		if lo.After(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) {
			y++
		}
		y = ceilTo(y, n)
		d = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case 'm':
		d = time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		if d.Before(lo) {
			d = d.AddDate(0, 1, 0)
		}
		for int(d.Month()-1)%n != 0 {
			d = d.AddDate(0, 1, 0)
		}
	default:
		d = time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
		if d.Before(lo) {
			d = d.AddDate(0, 0, 1)
		}
		for !onStep(d, 'd', n) {
			d = d.AddDate(0, 0, 1)
		}
	}
	for !d.After(hi) && len(out) < 1000 {
		out = append(out, d)
		switch unit {
		case 'y':
			d = d.AddDate(n, 0, 0)
		case 'm':
			d = d.AddDate(0, n, 0)
		default:
			d = d.AddDate(0, 0, n)
		}
	}
	return out
}

var mondayEpoch = time.Date(1970, 1, 5, 0, 0, 0, 0, time.UTC)

// onStep reports whether the start of a year, month or day d falls on a
// multiple of n, as calendarTimes counts them.
func onStep(d time.Time, unit byte, n int) bool {
	switch unit {
	case 'y':
		return d.Year()%n == 0
	case 'm':
		return int(d.Month()-1)%n == 0
	}
	days := int(math.Round(d.Sub(mondayEpoch).Hours() / 24))
	return ((days%n)+n)%n == 0
}

func ceilTo(x, n int) int {
	if r := ((x % n) + n) % n; r != 0 {
		return x + n - r
	}
	return x
}

// RowAxis makes a an axis of rows labelled from the top: labels[0] names
// the top row, at RowValue(0, len(labels)), and the last the bottom one.
// The rows have no axis line or tick marks, only their labels; set
// a.Tick.Label for their size.
func RowAxis(a *plot.Axis, labels []string) {
	n := len(labels)
	ticks := make(plot.ConstantTicks, n)
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: RowValue(i, n), Label: l}
	}
	a.Min, a.Max = -0.5, float64(n)-0.5
	a.Tick.Marker = ticks
	a.Tick.Length = 0
	a.LineStyle.Width = 0
	a.Padding = 0
}

// RowValue is the axis value of row i of n, counted from the top.
func RowValue(i, n int) float64 { return float64(n - 1 - i) }
