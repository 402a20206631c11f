package forecasts

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date that may be partial, as historical dates often
// are: a year (1951), a month (1978-08) or a day (1979-01-07). A partial
// date stands for the whole period it names. The zero Date is unknown.
type Date struct {
	Year  int // 1..9999; 0 means the date is unknown
	Month int // 1..12, or 0 when only the year is known
	Day   int // 1..31, or 0 when only the year or month is known
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD and checks that the date
// exists (no 1979-02-30).
func ParseDate(s string) (Date, error) {
	var d Date
	bad := fmt.Errorf("%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", s)
	num := func(part string, width int) (int, bool) {
		if len(part) != width {
			return 0, false
		}
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var ok bool
	switch len(s) {
	case 4:
		d.Year, ok = num(s, 4)
	case 7:
		if s[4] != '-' {
			return Date{}, bad
		}
		if d.Year, ok = num(s[:4], 4); ok {
			d.Month, ok = num(s[5:], 2)
		}
	case 10:
		if s[4] != '-' || s[7] != '-' {
			return Date{}, bad
		}
		if d.Year, ok = num(s[:4], 4); ok {
			if d.Month, ok = num(s[5:7], 2); ok {
				d.Day, ok = num(s[8:], 2)
			}
		}
	}
	if !ok {
		return Date{}, bad
	}
	if d.Year < 1 {
		return Date{}, fmt.Errorf("%q: year 0000 does not exist", s)
	}
	if len(s) >= 7 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("%q: month %d does not exist", s, d.Month)
	}
	if len(s) == 10 {
		if last := daysIn(d.Year, d.Month); d.Day < 1 || d.Day > last {
			return Date{}, fmt.Errorf("%q: %s %d has %d days", s, time.Month(d.Month), d.Year, last)
		}
	}
	return d, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as it was written: YYYY, YYYY-MM or YYYY-MM-DD.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First is the first day of the period the date names.
func (d Date) First() time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day of the period the date names.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Before reports whether the whole of d's period ends before e's begins:
// 1978-08 is before 1978-09-01, but 1978 is not before 1978-08.
func (d Date) Before(e Date) bool { return d.Last().Before(e.First()) }

// MarshalText writes the date as it was written; an unknown date is empty.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
