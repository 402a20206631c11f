//go:build !unix

package forecasts

import (
	"io/fs"
	"os"
)

// tryLock locks nothing: this system has no flock(2).
func tryLock(f *os.File) (bool, error) { return true, nil }

func ownerOf(info fs.FileInfo) (FileOwner, bool) { return FileOwner{}, false }
