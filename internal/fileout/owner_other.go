//go:build !unix

package fileout

import "io/fs"

// owner: this system does not say who owns a file.
func owner(fs.FileInfo) (uid, gid, links int, ok bool) { return 0, 0, 1, false }
