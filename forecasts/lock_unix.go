//go:build unix

package forecasts

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// tryLock takes the exclusive flock(2) lock of f without waiting; ok is
// false when another open file holds it.
func tryLock(f *os.File) (ok bool, err error) {
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		}
		return false, err
	}
}

func ownerOf(info fs.FileInfo) (FileOwner, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return FileOwner{}, false
	}
	return FileOwner{UID: int(st.Uid), GID: int(st.Gid), Links: int(st.Nlink)}, true
}
