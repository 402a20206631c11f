package forecasts

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseTime reads when a forecast was made, or a question resolved, as
// seconds: an RFC 3339 time, a date and time ("2006-01-02 15:04:05",
// "2006-01-02T15:04:05", "2006-01-02 15:04"), a date as [ParseDate] reads
// it (its first second: 1978 is 1 January 1978), or a plain finite number
// in any unit. ok is false for anything else.
func ParseTime(s string) (seconds float64, ok bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.Unix()) + float64(t.Nanosecond())/1e9, true
		}
	}
	if d, err := ParseDate(s); err == nil {
		return float64(d.First().Unix()), true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f, true
	}
	return 0, false
}
