package fileout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Temporary files and folders are named ".NAME.tmp-RANDOM" beside the
// NAME they become, so that a reader never takes one for a finished file,
// and a temporary left by a run that was killed outright (SIGKILL, a power
// cut) is recognised by IsTempName and never counted as the user's.
const tempMark = ".tmp-"

// tempPattern is the os.CreateTemp pattern for a temporary that becomes
// path.
func tempPattern(path string) string {
	return "." + filepath.Base(path) + tempMark + "*"
}

// IsTempName reports whether name, a file or folder name without its
// folder, is a temporary hindcast writes before renaming it into place:
// ".NAME.tmp-DIGITS".
func IsTempName(name string) bool {
	i := strings.LastIndex(name, tempMark)
	if !strings.HasPrefix(name, ".") || i < 2 {
		return false
	}
	digits := name[i+len(tempMark):]
	if digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// temps are the temporary files and folders being written now. An
// interrupt removes them all (RemoveTemps) before hindcast exits, so that
// Ctrl-C or SIGTERM leaves nothing half-written behind.
var temps = struct {
	sync.Mutex
	paths   map[string]bool
	stopped bool // RemoveTemps ran: no new temporary may be made
}{paths: map[string]bool{}}

// errStopped is returned for a temporary asked for after an interrupt.
var errStopped = errors.New("hindcast is stopping")

// createTempFile creates a temporary file that becomes path, and records
// it until forgetTemp. It is made while the list is locked, so that an
// interrupt removes every temporary that exists.
func createTempFile(path string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.stopped {
		return nil, errStopped
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err == nil {
		temps.paths[f.Name()] = true
	}
	return f, err
}

// createTempDir creates a temporary folder that becomes dir, and records
// it until forgetTemp.
func createTempDir(dir string) (string, error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.stopped {
		return "", errStopped
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), tempPattern(dir))
	if err == nil {
		temps.paths[tmp] = true
	}
	return tmp, err
}

// forgetTemp takes tmp off the list once it has been renamed into place
// or removed.
func forgetTemp(tmp string) {
	temps.Lock()
	delete(temps.paths, tmp)
	temps.Unlock()
}

// renameTemp renames the temporary tmp to path and takes it off the
// list. After an interrupt it waits for the exit instead, so that nothing
// is put in place once the temporaries are being removed.
func renameTemp(tmp, path string) error {
	temps.Lock()
	defer temps.Unlock()
	if !temps.paths[tmp] {
		return errStopped
	}
	err := os.Rename(tmp, path)
	if err == nil {
		delete(temps.paths, tmp)
	}
	return err
}

// commitAll renames every staged file into place under one hold of the
// list's lock, so that an interrupt, which takes the lock to remove the
// temporaries, finds all of them renamed or none.
func commitAll(staged []*Atomic) error {
	temps.Lock()
	defer temps.Unlock()
	for _, f := range staged {
		tmp := f.file.Name()
		if !temps.paths[tmp] {
			return errStopped
		}
		if err := os.Rename(tmp, f.path); err != nil {
			return fmt.Errorf("%s: %w", f.name, cleanLinkError(err))
		}
		delete(temps.paths, tmp)
	}
	if len(staged) > 0 {
		syncFolder(filepath.Dir(staged[0].path))
	}
	return nil
}

// removeTemp removes the temporary tmp, a file or a folder, and takes it
// off the list.
func removeTemp(tmp string) {
	os.RemoveAll(tmp)
	forgetTemp(tmp)
}

// RemoveTemps removes every temporary being written and refuses new ones.
// It leaves the list locked when stop is true, for an exit that follows:
// a writer that would rename a temporary into place then waits, and the
// exit ends it.
func RemoveTemps(stop bool) {
	temps.Lock()
	for tmp := range temps.paths {
		// A writer may still be adding a file to a temporary folder:
		// try again if the folder was not empty when it was removed.
		for range 3 {
			if os.RemoveAll(tmp) == nil {
				break
			}
		}
		delete(temps.paths, tmp)
	}
	if stop {
		temps.stopped = true
		return
	}
	temps.Unlock()
}
