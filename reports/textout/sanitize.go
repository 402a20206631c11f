package textout

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// terminalText makes dataset text safe to print on a terminal: every
// control character (C0, DEL and C1: ESC, BEL, NUL, CSI …) and every
// bidirectional control (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) is written as a visible escape, \x1b or \u202e, and a
// byte that is not UTF-8 as \xff. Ordinary Unicode text (accents, CJK,
// Romanian ș) is unchanged, and so is a backslash. Text tables, forecasts
// show and the score, compare and sensitivity text and Markdown use it;
// JSON is escaped the same way (WriteJSON); CSV is data for other
// programs and keeps its cells as they are.
func terminalText(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	return escapeControls(s, false)
}

// terminalLines is TerminalText keeping line breaks: for the multi-line
// fields of forecasts show, which wraps them itself.
func terminalLines(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	return escapeControls(s, true)
}

// unsafeRune reports whether r is a control or a bidirectional control.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func needsEscape(s string, keepNewlines bool) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
		if unsafeRune(r) && !(keepNewlines && r == '\n') {
			return true
		}
	}
	return false
}

func escapeControls(s string, keepNewlines bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepNewlines && r == '\n':
			b.WriteByte('\n')
		case unsafeRune(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeJSONControls escapes, in encoded JSON, the characters that
// encoding/json leaves raw and a terminal obeys: DEL, the C1 controls
// and the bidirectional controls, as \u007f or \u202e. They can only
// stand inside strings, where the escape reads back as the same
// character, so the JSON means what it meant.
func escapeJSONControls(data []byte) []byte {
	if !bytes.ContainsFunc(data, func(r rune) bool { return r >= 0x7f && unsafeRune(r) }) {
		return data
	}
	var b bytes.Buffer
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r >= 0x7f && unsafeRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.Bytes()
}
