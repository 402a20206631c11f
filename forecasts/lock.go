package forecasts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// LockFolder takes the advisory lock a hindcast command holds while it
// adds records to a dataset in the folder dir: add (to a single-file
// dataset or a record file of a dataset folder: the folder the file is
// in) and import into a dataset folder. The lock makes such writers take
// turns, so that each reads, checks and writes the dataset as the one
// before left it: no record is lost, and ids stay unique across a
// folder's files. The lock is flock(2) on the folder itself, so that no
// file is left behind; where a folder cannot be locked (some network file
// systems), on the file LockFile in it, made when first needed and left
// in place. Other programs do not take the lock: an editor saving the
// file meanwhile is not kept out.
//
// LockFolder waits up to wait for another process to release the lock
// (polling; 0 means try once) and then returns a *LockedError. On systems
// without flock(2) it locks nothing.
func LockFolder(dir string, wait time.Duration) (*FolderLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot lock the folder: %w", dir, cleanPathErr(err))
	}
	lock, err := lockWaiting(f, dir, wait)
	if err == nil || errors.As(err, new(*LockedError)) {
		return lock, err
	}
	// The folder cannot be locked: lock a file in it.
	path := filepath.Join(dir, LockFile)
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if errors.Is(err, fs.ErrPermission) {
		// A lock file made by another user: locking needs no write access.
		f, err = os.Open(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot lock the folder: %w", path, cleanPathErr(err))
	}
	return lockWaiting(f, dir, wait)
}

// LockFile is the file LockFolder locks in a folder that cannot be locked
// itself; hidden, as the loader skips hidden files.
const LockFile = ".hindcast.lock"

// LockWait is how long a hindcast command waits, by default, for another
// to release a folder.
const LockWait = 10 * time.Second

// FolderLock is a held lock on a folder (see LockFolder).
type FolderLock struct {
	f *os.File
}

// LockedError is returned by LockFolder when another process held the
// lock for all of the wait.
type LockedError struct {
	Dir    string        // the folder
	Waited time.Duration // how long LockFolder waited
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is locked by another hindcast (waited %s); try again", e.Dir, e.Waited)
}

// lockWaiting takes the lock of f, an open file or folder, waiting up to
// wait; it closes f unless it returns the lock.
func lockWaiting(f *os.File, dir string, wait time.Duration) (*FolderLock, error) {
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: cannot lock: %w", f.Name(), err)
		}
		if ok {
			return &FolderLock{f: f}, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			f.Close()
			return nil, &LockedError{Dir: dir, Waited: wait}
		}
		time.Sleep(min(pause, left))
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// Unlock releases the lock; it may be called more than once.
func (l *FolderLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing the file releases its lock
	l.f = nil
	return err
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// FileOwner says who owns a file and how many names (hard links) it has.
type FileOwner struct {
	UID, GID int
	Links    int
}

// OwnerOf returns the owner of the file info describes; ok is false on
// systems that do not say.
func OwnerOf(info fs.FileInfo) (owner FileOwner, ok bool) {
	return ownerOf(info)
}
