package forecasts

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tablePow10 holds the powers of ten that float64 represents exactly.
var tablePow10 = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

// tableSmallDecimals[k][m] is m/10^k for m <= 10^k, k <= 3: the
// probabilities of most tables, looked up rather than divided.
var tableSmallDecimals = func() (t [4][]float64) {
	for k := range t {
		n := int(tablePow10[k])
		t[k] = make([]float64, n+1)
		for m := range t[k] {
			t[k][m] = float64(m) / tablePow10[k]
		}
	}
	return t
}()

// tableParseNumber parses a decimal number divided by 10^shift: an
// optional sign, digits with at most one decimal point (".5" and "5."
// are numbers), and an optional exponent. Anything else (hexadecimal,
// underscores, "NaN", "Inf") is not a number. A number too large for
// float64 gives an infinity.
//
// Short plain decimals take a fast path: for m < 2^53 and k <= 22 both
// m and 10^k are exact in float64, so m / 10^k, a single IEEE division,
// is the correctly rounded value, the same as strconv.ParseFloat's.
func tableParseNumber(b []byte, shift int) (float64, bool) {
	var m uint64
	digits, frac := 0, 0
	dot := false
	i := 0
	for ; i < len(b); i++ {
		c := b[i]
		if d := c - '0'; d < 10 {
			if digits < 19 {
				m = m*10 + uint64(d)
			}
			digits++
			if dot {
				frac++
			}
			continue
		}
		if c == '.' && !dot {
			dot = true
			continue
		}
		break
	}
	if i == len(b) && digits > 0 && digits <= 19 && m < 1<<53 && frac+shift < len(tablePow10) {
		if k := frac + shift; k < len(tableSmallDecimals) && m < uint64(len(tableSmallDecimals[k])) {
			return tableSmallDecimals[k][m], true
		}
		return float64(m) / tablePow10[frac+shift], true
	}
	return tableParseNumberSlow(b, shift)
}

func tableParseNumberSlow(b []byte, shift int) (float64, bool) {
	i := 0
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return 0, false
		}
	}
	if i != len(b) {
		return 0, false
	}
	s := string(b)
	if shift > 0 {
		// Divide by 10^shift in the text, so that the value is rounded once.
		// (An exponent beyond int makes the value 0 or infinite either way.)
		mant, exp, err := s, 0, error(nil)
		if e := strings.IndexAny(s, "eE"); e >= 0 {
			mant = s[:e]
			exp, err = strconv.Atoi(s[e+1:])
		}
		if err == nil {
			s = mant + "e" + strconv.Itoa(exp-shift)
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(v, 0) {
		return 0, false // not reached: the syntax was checked
	}
	return v, true
}

// tableParseOutcome reads 0/1, yes/no or true/false, in any case.
func tableParseOutcome(b []byte) (yes, ok bool) {
	if len(b) == 1 {
		switch b[0] {
		case '0':
			return false, true
		case '1':
			return true, true
		}
		return false, false
	}
	switch {
	case tableEqualFold(b, "yes"), tableEqualFold(b, "true"):
		return true, true
	case tableEqualFold(b, "no"), tableEqualFold(b, "false"):
		return false, true
	}
	return false, false
}

// tableEqualFold reports whether b is lower, ignoring ASCII case;
// lower is lower case.
func tableEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if c|0x20 != lower[i] {
			return false
		}
	}
	return true
}

// tableIsNA reports whether a probability is missing: empty, NA or na.
func tableIsNA(b []byte) bool {
	return len(b) == 0 || string(b) == "NA" || string(b) == "na"
}

// tableTrim removes spaces and tabs around b.
func tableTrim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// tableQuoted quotes a value for a message, shortened when long.
func tableQuoted(b []byte) string {
	const max = 40
	if len(b) <= max {
		return strconv.Quote(string(b))
	}
	cut := max
	for cut > max-utf8.UTFMax && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return strconv.Quote(string(b[:cut])) + "..."
}

// tableByte describes a byte for a message: 'x', or 0x01.
func tableByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

// tableByteText is c as text when printable, else as \xNN.
func tableByteText(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return string(rune(c))
	}
	return fmt.Sprintf("x%02x", c)
}
