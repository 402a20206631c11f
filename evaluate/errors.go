package evaluate

import (
	"errors"
	"fmt"
	"io/fs"
)

// UsageError is a bad option or combination of options, as opposed to bad
// data: the command line has to change, not the input.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// usagef makes a UsageError.
func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// pathError drops the operation and path of an *fs.PathError, for a
// message that names the file itself: "no such file or directory".
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// plural picks the word for a count: one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
