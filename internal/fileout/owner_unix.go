//go:build unix

package fileout

import (
	"io/fs"
	"syscall"
)

// owner returns the owner, group and number of names of the file info
// describes.
func owner(info fs.FileInfo) (uid, gid, links int, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 1, false
	}
	return int(st.Uid), int(st.Gid), int(st.Nlink), true
}
