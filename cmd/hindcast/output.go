package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// atomicFile is a file written under a temporary name in its final folder
// and renamed into place by Commit, so that a reader sees the old file or
// the new one, never a part, and a failed command leaves nothing behind.
type atomicFile struct {
	*os.File
	path string
	perm fs.FileMode
}

// createAtomic starts writing path. A symbolic link is followed, so the
// file it points to is replaced, not the link.
func createAtomic(path string, perm fs.FileMode) (*atomicFile, error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	return createAtomicHere(path, perm)
}

// createAtomicHere starts writing path itself: a symbolic link there is
// replaced by the file, not followed, so nothing outside path's folder is
// written.
func createAtomicHere(path string, perm fs.FileMode) (*atomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, cleanPathError(err))
	}
	return &atomicFile{File: tmp, path: path, perm: perm}, nil
}

// Commit syncs the file, gives it its permissions and renames it into
// place; the folder is synced too where the system allows.
func (f *atomicFile) Commit() error {
	err := f.Chmod(f.perm)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("%s: %w", f.path, err)
	}
	if d, derr := os.Open(filepath.Dir(f.path)); derr == nil {
		d.Sync() // best effort: not every system can sync a folder
		d.Close()
	}
	return nil
}

// Abort removes the temporary file; after Commit it does nothing.
func (f *atomicFile) Abort() {
	f.Close()
	os.Remove(f.Name())
}

// writeFileAtomic replaces path with data in one step (see atomicFile).
func writeFileAtomic(path string, data []byte, perm fs.FileMode) error {
	f, err := createAtomic(path, perm)
	if err != nil {
		return err
	}
	return writeAndCommit(f, path, data)
}

// writeFileHere replaces path with data in one step, as writeFileAtomic
// does, but replaces a symbolic link at path instead of the file it
// points to; the file keeps the permissions of the regular file it
// replaces, or gets 0644.
func writeFileHere(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() {
		perm = info.Mode().Perm()
	}
	f, err := createAtomicHere(path, perm)
	if err != nil {
		return err
	}
	return writeAndCommit(f, path, data)
}

func writeAndCommit(f *atomicFile, path string, data []byte) error {
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Commit()
}

// outputPerm is the permission a written file gets: that of the file it
// replaces, or 0644.
func outputPerm(path string) fs.FileMode {
	if info, err := os.Stat(path); err == nil {
		return info.Mode().Perm()
	}
	return 0o644
}

// count writes n with its noun, plural unless n is 1: "1 record",
// "2 records".
func count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, plural(n, noun, noun+"s"))
}

// plural picks the word for a count: one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
