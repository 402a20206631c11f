package forecasts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateOrder says how an all-number date such as 08/09/1978 is read: the
// order of day and month cannot be told from the text.
type DateOrder int

const (
	// DateOrderUnset reads no all-number date: 31/08/1978 is an error
	// that asks for the order. hindcast does not guess it, not even
	// when the day is above 12, as a file uses one order throughout.
	DateOrderUnset DateOrder = iota
	// DayMonthYear reads 08/09/1978 as 8 September 1978.
	DayMonthYear
	// MonthDayYear reads 08/09/1978 as 9 August 1978.
	MonthDayYear
)

// String returns the name ParseDateOrder accepts: "dmy" or "mdy"; "" when unset.
func (o DateOrder) String() string {
	switch o {
	case DayMonthYear:
		return "dmy"
	case MonthDayYear:
		return "mdy"
	}
	return ""
}

// ParseDateOrder returns the order named s: "dmy" or "mdy", in any case.
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "dmy":
		return DayMonthYear, nil
	case "mdy":
		return MonthDayYear, nil
	}
	return DateOrderUnset, fmt.Errorf("unknown date order %q; want dmy (31/08/1978) or mdy (08/31/1978)", s)
}

var (
	// 1978, 1978-08, 1978-08-31, with - / or . between the parts, months
	// and days with one or two digits; a day may be followed by a time,
	// which is dropped: 1978-08-31T00:00:00, 1978-08-31 00:00:00.000Z.
	isoYear     = regexp.MustCompile(`^(\d{4})$`)
	isoMonth    = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})$`)
	isoDay      = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$`)
	numericDay  = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4})$`)
	numericYY   = regexp.MustCompile(`^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$`)
	monthYear   = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{4})$`)
	serialDay   = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
	dayOrdinal  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?$`)
	fourDigits  = regexp.MustCompile(`^\d{4}$`)
	monthByName = func() map[string]int {
		m := map[string]int{"sept": 9}
		for i := 1; i <= 12; i++ {
			name := strings.ToLower(time.Month(i).String())
			m[name] = i
			m[name[:3]] = i
		}
		return m
	}()
)

// ParseCommonDate reads a date as spreadsheets and people write it and
// returns it as hindcast keeps it, a partial date:
//
//	1978-08-31, 1978-08, 1978           as in the format (also 1978/08/31, 1978-8-31)
//	1978-08-31T00:00:00                 and 1978-08-31 00:00:00: the time is dropped
//	31 Aug 1978, 31 August 1978         also 31st August 1978, 31-Aug-1978, 31 Aug. 1978
//	August 31, 1978, Aug 31 1978
//	Aug 1978, August 1978, 08/1978      a month
//	31/08/1978, 31.08.1978, 31-08-1978  only with order DayMonthYear or MonthDayYear
//
// Month names are English, in full or as their first three letters (and
// Sept), in any case. All-number dates need order: with DateOrderUnset
// they are errors, since 08/09/1978 could be either. Two-digit years are
// errors (the century would be a guess), as are five-digit numbers, which
// are spreadsheet serial day numbers. The date must exist.
func ParseCommonDate(s string, order DateOrder) (Date, error) {
	s = strings.TrimSpace(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if m := isoYear.FindStringSubmatch(s); m != nil {
		return checkDate(s, atoi(m[1]), 0, 0)
	}
	if m := isoMonth.FindStringSubmatch(s); m != nil {
		return checkMonth(s, atoi(m[1]), atoi(m[3]))
	}
	if m := isoDay.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		if m[6] != "" && (atoi(m[6]) > 23 || atoi(m[7]) > 59 || m[8] != "" && atoi(m[8]) > 60) {
			return Date{}, fmt.Errorf("%q: the time of day is not a time", s)
		}
		return checkDay(s, atoi(m[1]), atoi(m[3]), atoi(m[5]))
	}
	if m := numericDay.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[5])
		switch order {
		case DayMonthYear:
			return checkDay(s, y, b, a)
		case MonthDayYear:
			return checkDay(s, y, a, b)
		}
		dmy, dmyErr := checkDay(s, y, b, a)
		mdy, mdyErr := checkDay(s, y, a, b)
		switch {
		case dmyErr == nil && mdyErr == nil && dmy != mdy:
			return Date{}, fmt.Errorf("%q could be %s (dmy) or %s (mdy): give the order with --date-order dmy or mdy", s, longDate(dmy), longDate(mdy))
		case dmyErr == nil && mdyErr == nil:
			return Date{}, fmt.Errorf("%q: give the order of day and month with --date-order dmy or mdy (both read %s here); it is not guessed from the numbers", s, longDate(dmy))
		case dmyErr == nil:
			return Date{}, fmt.Errorf("%q: give the order of day and month with --date-order dmy or mdy (dmy reads %s); it is not guessed from the numbers", s, longDate(dmy))
		case mdyErr == nil:
			return Date{}, fmt.Errorf("%q: give the order of day and month with --date-order dmy or mdy (mdy reads %s); it is not guessed from the numbers", s, longDate(mdy))
		}
		return Date{}, fmt.Errorf("%q is not a date in either order, day/month/year or month/day/year", s)
	}
	if numericYY.MatchString(s) {
		return Date{}, fmt.Errorf("%q: write the year with four digits; the century of a two-digit year would be a guess", s)
	}
	if m := monthYear.FindStringSubmatch(s); m != nil {
		return checkMonth(s, atoi(m[3]), atoi(m[1]))
	}
	if serialDay.MatchString(s) {
		return Date{}, fmt.Errorf("%q looks like a spreadsheet's serial day number, not a date: format the column as a date (yyyy-mm-dd) before saving the file", s)
	}
	if d, ok, err := parseNamedMonth(s); ok {
		return d, err
	}
	return Date{}, fmt.Errorf("%q is not a date: write 1978-08-31, 1978-08 or 1978 (31 Aug 1978, August 31, 1978 and Aug 1978 are read too, and 31/08/1978 with --date-order)", s)
}

// parseNamedMonth reads dates with a month name: 31 Aug 1978, August 31,
// 1978, Aug 1978. ok is false when s is not of that shape.
func parseNamedMonth(s string) (d Date, ok bool, err error) {
	t := strings.ToLower(s)
	if strings.ContainsAny(t, "abcdefghijklmnopqrstuvwxyz") {
		t = strings.ReplaceAll(t, "-", " ") // 31-Aug-1978
	}
	t = strings.ReplaceAll(t, ",", " ")
	words := strings.Fields(t)
	month := func(w string) (int, bool) {
		m, ok := monthByName[strings.TrimSuffix(w, ".")]
		return m, ok
	}
	day := func(w string) (int, bool) {
		m := dayOrdinal.FindStringSubmatch(w)
		if m == nil {
			return 0, false
		}
		n, _ := strconv.Atoi(m[1])
		return n, true
	}
	year := func(w string) (int, bool) {
		if !fourDigits.MatchString(w) {
			return 0, false
		}
		n, _ := strconv.Atoi(w)
		return n, true
	}
	switch len(words) {
	case 2: // Aug 1978
		if m, ok := month(words[0]); ok {
			if y, ok := year(words[1]); ok {
				d, err := checkMonth(s, y, m)
				return d, true, err
			}
		}
	case 3: // 31 Aug 1978, Aug 31 1978
		if dd, ok := day(words[0]); ok {
			if m, ok := month(words[1]); ok {
				if y, ok := year(words[2]); ok {
					d, err := checkDay(s, y, m, dd)
					return d, true, err
				}
			}
		}
		if m, ok := month(words[0]); ok {
			if dd, ok := day(words[1]); ok {
				if y, ok := year(words[2]); ok {
					d, err := checkDay(s, y, m, dd)
					return d, true, err
				}
			}
		}
	}
	return Date{}, false, nil
}

// checkDate returns the date year-month-day (month and day 0 when not
// known) when it exists; s is the text it was read from, for the error.
func checkDate(s string, year, month, day int) (Date, error) {
	if year < 1 {
		return Date{}, fmt.Errorf("%q: year 0000 does not exist", s)
	}
	if month == 0 && day == 0 {
		return Date{Year: year}, nil
	}
	if month < 1 || month > 12 {
		return Date{}, fmt.Errorf("%q: month %d does not exist", s, month)
	}
	if day == 0 {
		return Date{Year: year, Month: month}, nil
	}
	if last := daysIn(year, month); day < 1 || day > last {
		return Date{}, fmt.Errorf("%q: %s %d has %d days", s, time.Month(month), year, last)
	}
	return Date{Year: year, Month: month, Day: day}, nil
}

// checkMonth is checkDate for a date written with its month, which must
// not be 0 (checkDate takes month 0 for a year alone: 1978-00 is not 1978).
func checkMonth(s string, year, month int) (Date, error) {
	if month == 0 {
		return Date{}, fmt.Errorf("%q: month 0 does not exist", s)
	}
	return checkDate(s, year, month, 0)
}

// checkDay is checkDate for a date written with its month and day, neither
// of which may be 0 (00/00/1978 is not 1978, nor 00/08/1978 August).
func checkDay(s string, year, month, day int) (Date, error) {
	switch {
	case month == 0:
		return Date{}, fmt.Errorf("%q: month 0 does not exist", s)
	case day == 0:
		return Date{}, fmt.Errorf("%q: day 0 does not exist", s)
	}
	return checkDate(s, year, month, day)
}

// longDate writes a date for a person: 8 September 1978.
func longDate(d Date) string {
	return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
}

// ParseOutcome reads an outcome label, trimmed and in any case:
//
//	yes: yes, y, true, 1, "resolved yes" (also resolved-yes, resolved_yes, resolved: yes)
//	no:  no, n, false, 0, "resolved no" (and the same variants)
//	unresolved, ambiguous: as written
//
// "resolved" alone is an error: it says the question was settled, not how.
// labels, when not nil, maps further labels (lower case) to outcomes; it is
// looked up first, so it may also give a built-in label another meaning.
func ParseOutcome(s string, labels map[string]Outcome) (Outcome, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	if o, ok := labels[key]; ok {
		return o, nil
	}
	switch key {
	case "yes", "y", "true", "1":
		return Yes, nil
	case "no", "n", "false", "0":
		return No, nil
	case "unresolved":
		return Unresolved, nil
	case "ambiguous":
		return Ambiguous, nil
	case "resolved":
		return "", fmt.Errorf("%q says the question was settled, not how: write yes or no (or resolved yes, resolved no), or give the label a meaning with --outcome-map %s=yes", s, key)
	}
	if rest, ok := strings.CutPrefix(key, "resolved"); ok && rest != "" && strings.ContainsRune(" -_:", rune(rest[0])) {
		switch strings.TrimSpace(strings.TrimLeft(rest, " -_:")) {
		case "yes", "y", "true":
			return Yes, nil
		case "no", "n", "false":
			return No, nil
		}
	}
	return "", fmt.Errorf("%q is not an outcome: use yes, no, unresolved or ambiguous (y/n, true/false and 1/0 are read too), or give the label a meaning with --outcome-map %s=OUTCOME", s, quoteFlagValue(key))
}

// quoteFlagValue quotes a label for a command line when it needs it. A
// label with control characters or bytes that are not UTF-8 is quoted as
// Go quotes it instead: printed as it is, it could move the cursor or
// clear the terminal the message is read on.
func quoteFlagValue(s string) string {
	if !printable(s) {
		return strconv.Quote(s)
	}
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\!*?;&|<>()[]{}#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// printableNames returns names with those that are not printable text
// quoted as Go quotes them, for a message.
func printableNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if !printable(n) {
			out[i] = strconv.Quote(n)
		}
	}
	return out
}

// printable reports whether s is UTF-8 text without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// parseFlag reads true or false as yes/no, y/n, true/false or 1/0, in any case.
func parseFlag(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1":
		return true, true
	case "false", "no", "n", "0":
		return false, true
	}
	return false, false
}

// parsePercent reads a percentage, 0 to 100 with an optional % sign, as
// the probability it gives, written as a decimal (30 → 0.3, 12.5% →
// 0.125). The division is done on the decimal text, so that the result
// is the float64 nearest to the exact value. It also says whether the
// text had a % sign, and whether it is a number above 1 (1%), even when
// it is not a percentage (130).
func parsePercent(s string) (p string, signed, above1 bool, err error) {
	t := strings.TrimSpace(s)
	t, signed = strings.CutSuffix(t, "%")
	t = strings.TrimSpace(t)
	x, ok := tableParseNumber([]byte(t), 2)
	if !ok || t == "" {
		return "", signed, false, fmt.Errorf("expected a percentage from 0 to 100, found %q", s)
	}
	above1 = x > 0.01
	if x < 0 || x > 1 {
		return "", signed, above1, fmt.Errorf("%s is outside 0 to 100 (--percent reads probabilities as percentages)", strings.TrimSpace(s))
	}
	if x == 0 {
		x = 0 // not -0
	}
	return formatNumber(x), signed, above1, nil
}

// percentMixMessage says that the probability v, read as a percentage,
// has no % sign while other values of its column have one, the first on
// line signedLine; small says v is at most 1, so likely a fraction.
func percentMixMessage(v string, signedLine int, small bool) string {
	t := strings.TrimSpace(v)
	msg := fmt.Sprintf("%q has no %% sign, but the column's value on line %d has one: the column mixes percentages and plain numbers", t, signedLine)
	if small {
		msg += fmt.Sprintf(", and --percent would read %q as %s%%", t, t)
	}
	return msg + "; write all of its values with % or all without"
}

// percentFractionMessage says that the probability v, read as a
// percentage, is in a column whose values are all at most 1, none with
// a % sign: fractions, most likely.
func percentFractionMessage(v string) string {
	t := strings.TrimSpace(v)
	return fmt.Sprintf("--percent reads %q as %s%%, and no value of the column is above 1 or has a %% sign: "+
		"the column looks like fractions from 0 to 1; import without --percent (or, if it holds percentages of at most 1%%, write them with a %% sign)", t, t)
}

// checkUnitProbability reports a probability given as a percentage when
// percentages were not announced: "30%", or a number in (1, 100].
func checkUnitProbability(s string) error {
	t := strings.TrimSpace(s)
	if p, ok := strings.CutSuffix(t, "%"); ok {
		if _, ok := tableParseNumber([]byte(strings.TrimSpace(p)), 0); ok {
			return fmt.Errorf("%q is a percentage: import with --percent to read the column as percentages", s)
		}
	}
	if x, ok := tableParseNumber([]byte(t), 0); ok && x > 1 && x <= 100 {
		return fmt.Errorf("%s is outside [0, 1]; if the column holds percentages, import with --percent", t)
	}
	return nil
}

// isNA reports whether a cell holds NA, R's mark of a missing value.
func isNA(s string) bool {
	t := strings.TrimSpace(s)
	return t == "NA" || t == "na"
}
