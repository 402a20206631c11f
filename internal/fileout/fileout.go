// Package fileout writes the files hindcast's commands output, so that
// nothing a user has is lost and nothing is left half-written.
package fileout

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A file is written under a temporary name beside it (see temp.go) and
// renamed into place, so that a reader sees the old file or the new one,
// never a part, and a failed or interrupted command leaves nothing behind
// (HandleSignals removes the temporaries on SIGINT and SIGTERM). What is
// not a regular file (a device, a FIFO, /dev/stdout) is written straight
// through instead: it is never replaced by a file.
//
//	Write(path, stdout, data)           -o: "-" is stdout; a device is written through; a file is replaced
//	Create(path, stdout)                the same, for a stream of writes: Write, then Commit or Abort
//	WriteAtomic(path, data, perm)       replace a file in one step (a device is written through)
//	WriteHere(path, data)               replace path itself, not the file a link there points to
//	WriteNewFile(path, data)            create a file in one step; never replace one
//	WriteNewFolder(dir, files)          create a folder of files in one step
//	WriteOwnedFolder(dir, list, files)  write files into a folder that lists the files hindcast owns there

// Stdout is the -o name that means standard output.
const Stdout = "-"

// isDescriptorPath reports whether path names a file descriptor hindcast
// was given (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N): what
// it leads to is written through, never replaced.
func isDescriptorPath(path string) bool {
	path = filepath.Clean(path)
	switch path {
	case "/dev/stdout", "/dev/stderr":
		return true
	}
	return strings.HasPrefix(path, "/dev/fd/") || strings.HasPrefix(path, "/proc/self/fd/")
}

// writesThrough reports whether path is written straight through rather
// than replaced: it is a descriptor, or it exists and is not a regular
// file (a device, FIFO or socket). A folder is an error.
func writesThrough(path string) (bool, error) {
	if path == "" {
		return false, errors.New("-o needs a file name")
	}
	if isDescriptorPath(path) {
		return true, nil
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		// A new file, or a link to none: it is created. Any other
		// problem is reported when the temporary is made.
		return false, nil
	case info.IsDir():
		return false, isFolderError(path)
	}
	return !info.Mode().IsRegular(), nil
}

func isFolderError(path string) error { return &FolderError{Path: path} }

// FolderError is a file name given (with -o) that names a folder: a
// wrong argument, not bad data.
type FolderError struct{ Path string }

func (e *FolderError) Error() string { return e.Path + " is a folder; give the name of a file" }

// Output is where a command writes what -o names: standard output, a
// device or FIFO written through, or a file replaced by Commit.
type Output struct {
	w      io.Writer
	path   string
	atomic *Atomic  // the file being written, nil when written through
	device *os.File // the device or FIFO opened, nil otherwise
}

// Create opens what the user named with -o for writing: "-" is
// stdout (nil: this command cannot write to standard Output); a device,
// FIFO, socket or /dev/fd/N is opened and written through; a regular file,
// or a link to one, is replaced in one step by Commit and keeps its
// permissions (a new file gets 0644). Abort discards what was written to
// a file; what went through to a device cannot be taken back.
func Create(path string, stdout io.Writer) (*Output, error) {
	if path == Stdout {
		if stdout == nil {
			return nil, errors.New("-o -: this command cannot write to standard output; give a file name")
		}
		return &Output{w: stdout, path: "standard output"}, nil
	}
	through, err := writesThrough(path)
	if err != nil {
		return nil, err
	}
	if through {
		flag := os.O_WRONLY
		if isDescriptorPath(path) {
			// A shell's >> opened it to append; > has emptied it.
			flag |= os.O_APPEND
		}
		f, err := os.OpenFile(path, flag, 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, pathError(err))
		}
		return &Output{w: f, path: path, device: f}, nil
	}
	f, err := CreateAtomic(path, outputPerm(path))
	if err != nil {
		return nil, err
	}
	return &Output{w: f, path: path, atomic: f}, nil
}

// Write writes p; an error names the user's path.
func (o *Output) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.atomic == nil {
		err = &fs.PathError{Op: "write", Path: o.path, Err: pathError(err)}
	}
	return n, err
}

// Commit puts a file in place, or closes the device written through.
func (o *Output) Commit() error {
	switch {
	case o.atomic != nil:
		return o.atomic.Commit()
	case o.device != nil:
		if err := o.device.Close(); err != nil {
			return fmt.Errorf("%s: %w", o.path, pathError(err))
		}
	}
	return nil
}

// Abort removes the temporary file, or closes the device.
func (o *Output) Abort() {
	switch {
	case o.atomic != nil:
		o.atomic.Abort()
	case o.device != nil:
		o.device.Close()
	}
}

// Write writes data to what the user named with -o, as
// Create says.
func Write(path string, stdout io.Writer, data []byte) error {
	o, err := Create(path, stdout)
	if err != nil {
		return err
	}
	if _, err := o.Write(data); err != nil {
		o.Abort()
		return err
	}
	return o.Commit()
}

// Atomic is a file written under a temporary name in its final folder
// and renamed into place by Commit. Its errors name the file it becomes,
// never the temporary.
type Atomic struct {
	file *os.File
	name string // as the user gave it, for errors
	path string // where it is renamed: name, or the file a link there points to
	perm fs.FileMode
}

// CreateAtomic starts writing path. A symbolic link is followed, so the
// file it points to is replaced, not the link.
func CreateAtomic(path string, perm fs.FileMode) (*Atomic, error) {
	real := path
	if r, err := filepath.EvalSymlinks(path); err == nil {
		real = r
	}
	return createAtomicAt(path, real, perm)
}

// CreateAtomicHere starts writing path itself: a symbolic link there is
// replaced by the file, not followed, so nothing outside path's folder is
// written.
func CreateAtomicHere(path string, perm fs.FileMode) (*Atomic, error) {
	return createAtomicAt(path, path, perm)
}

func createAtomicAt(name, path string, perm fs.FileMode) (*Atomic, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, isFolderError(name)
	}
	tmp, err := createTempFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, pathError(err))
	}
	return &Atomic{file: tmp, name: name, path: path, perm: perm}, nil
}

// Write writes p to the temporary file; an error names the file it
// becomes.
func (f *Atomic) Write(p []byte) (int, error) {
	n, err := f.file.Write(p)
	if err != nil {
		err = &fs.PathError{Op: "write", Path: f.name, Err: pathError(err)}
	}
	return n, err
}

// Commit syncs the file, gives it its permissions and renames it into
// place; the folder is synced too where the system allows.
func (f *Atomic) Commit() error {
	tmp := f.file.Name()
	err := f.file.Chmod(f.perm)
	if err == nil {
		err = f.file.Sync()
	}
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = renameTemp(tmp, f.path)
	}
	if err != nil {
		removeTemp(tmp)
		if info, serr := os.Stat(f.path); serr == nil && info.IsDir() {
			return isFolderError(f.name)
		}
		return fmt.Errorf("%s: %w", f.name, cleanLinkError(err))
	}
	syncFolder(filepath.Dir(f.path))
	return nil
}

// prepare gives the temporary file its permissions, syncs and closes it,
// ready to be renamed into place.
func (f *Atomic) prepare() error {
	err := f.file.Chmod(f.perm)
	if err == nil {
		err = f.file.Sync()
	}
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", f.name, pathError(err))
	}
	return nil
}

// Abort removes the temporary file; after Commit it does nothing.
func (f *Atomic) Abort() {
	f.file.Close()
	removeTemp(f.file.Name())
}

// cleanLinkError drops the two paths an *os.LinkError names (one of them a
// temporary) and the path of an *fs.PathError.
func cleanLinkError(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return pathError(err)
}

// syncFolder syncs a folder after a rename in it, where the system can.
func syncFolder(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every system can sync a folder
		d.Close()
	}
}

// WriteAtomic replaces path with data in one step (see Atomic). A
// device, FIFO or /dev/fd/N at path is written through, never replaced.
func WriteAtomic(path string, data []byte, perm fs.FileMode) error {
	through, err := writesThrough(path)
	if err != nil {
		return err
	}
	if through {
		return Write(path, nil, data)
	}
	f, err := CreateAtomic(path, perm)
	if err != nil {
		return err
	}
	return writeAndCommit(f, data)
}

// WriteHere replaces path with data in one step, as WriteAtomic
// does, but replaces a symbolic link at path instead of the file it
// points to; the file keeps the permissions of the regular file it
// replaces, or gets 0644.
func WriteHere(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() {
		perm = info.Mode().Perm()
	}
	f, err := CreateAtomicHere(path, perm)
	if err != nil {
		return err
	}
	return writeAndCommit(f, data)
}

func writeAndCommit(f *Atomic, data []byte) error {
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// WriteNewFile creates path holding data in one step (permissions 0644);
// it refuses to replace anything there, a link included, even a file made
// meanwhile by another program: the file is written under a temporary
// name and linked to path, which link(2) does only when path is free.
func WriteNewFile(path string, data []byte) error {
	f, err := CreateAtomicHere(path, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	tmp := f.file.Name()
	defer removeTemp(tmp)
	err = f.file.Chmod(f.perm)
	if err == nil {
		err = f.file.Sync()
	}
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp, path)
	}
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s appeared while hindcast ran; nothing written", path)
	case err != nil:
		return fmt.Errorf("%s: %w", path, cleanLinkError(err))
	}
	syncFolder(filepath.Dir(path))
	return nil
}

// Chown gives the file its owner and group when it is renamed into place.
func (f *Atomic) Chown(uid, gid int) error { return f.file.Chown(uid, gid) }

// WriteNewFolder creates the folder dir holding files (its parents too):
// they are written into a temporary folder beside it, which is renamed
// dir, so that dir appears whole or not at all. It refuses to replace
// anything at dir.
func WriteNewFolder(dir string, files []Entry) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("%s: %w", parent, pathError(err))
	}
	tmp, err := createTempDir(dir)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, pathError(err))
	}
	fail := func(err error) error {
		removeTemp(tmp)
		return err
	}
	for _, f := range files {
		file, err := os.OpenFile(filepath.Join(tmp, f.Name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = file.Write(f.Data)
			if err == nil {
				err = file.Sync()
			}
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fail(fmt.Errorf("%s: %w", filepath.Join(dir, f.Name), pathError(err)))
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(fmt.Errorf("%s: %w", dir, pathError(err)))
	}
	if _, err := os.Lstat(dir); err == nil {
		return fail(fmt.Errorf("%s appeared while hindcast ran; nothing written", dir))
	}
	if err := renameTemp(tmp, dir); err != nil {
		if _, serr := os.Lstat(dir); serr == nil {
			// Made meanwhile by another hindcast; rename does not
			// replace a folder that holds files.
			return fail(fmt.Errorf("%s appeared while hindcast ran; nothing written", dir))
		}
		return fail(fmt.Errorf("%s: %w", dir, cleanLinkError(err)))
	}
	syncFolder(parent)
	return nil
}

// ListedNames reads the names the list file in dir says hindcast wrote
// there: plain names of files in dir, from a regular file only (a link
// there is not hindcast's list).
func ListedNames(dir, list string) map[string]bool {
	owned := map[string]bool{}
	path := filepath.Join(dir, list)
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		return owned
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return owned
	}
	for _, name := range strings.Split(string(data), "\n") {
		// The first line is a comment.
		if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") {
			continue
		}
		owned[name] = true
	}
	return owned
}

// UsersEntries are the entries of a folder that are not hindcast's
// temporaries (left by a run that was killed outright).
func UsersEntries(entries []fs.DirEntry) []fs.DirEntry {
	var out []fs.DirEntry
	for _, e := range entries {
		if !IsTempName(e.Name()) {
			out = append(out, e)
		}
	}
	return out
}

// WriteOwnedFolder writes each file atomically into dir (created if
// needed), removes files an earlier run wrote that this one does not, and
// keeps the list file in dir naming the files hindcast owns there. A file
// of the user's with a name of files' is never replaced: that is an error
// and nothing is written. The list names the old files and the new before
// any is written, so that a run cut short (a full disk, Ctrl-C) leaves no
// file of hindcast's that the next run would take for the user's. Files
// are written into dir itself: a symbolic link there named like one of
// them is replaced, not followed out of the folder.
func WriteOwnedFolder(dir, list string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %w", dir, pathError(err))
	}
	names := slices.Sorted(maps.Keys(files))
	owned := ListedNames(dir, list)
	var theirs []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil && !owned[name] {
			theirs = append(theirs, filepath.Join(dir, name))
		}
	}
	if len(theirs) > 0 {
		return fmt.Errorf("%s: hindcast did not write %s and will not replace %s; move %s, or choose another folder with -o",
			strings.Join(theirs, ", "), plural(len(theirs), "this file", "these files"), plural(len(theirs), "it", "them"), plural(len(theirs), "it", "them"))
	}
	writeList := func(names []string) error {
		text := "# hindcast wrote these files and replaces them on the next run\n" + strings.Join(names, "\n") + "\n"
		return WriteHere(filepath.Join(dir, list), []byte(text))
	}
	both := slices.Sorted(maps.Keys(owned))
	for _, name := range names {
		if !owned[name] {
			both = append(both, name)
		}
	}
	slices.Sort(both)
	if err := writeList(both); err != nil {
		return err
	}
	// Every file is written and synced first, then all are put in place
	// at once, under the lock an interrupt takes: Ctrl-C leaves the old
	// report or the new one, never a mix.
	var staged []*Atomic
	for _, name := range names {
		path := filepath.Join(dir, name)
		perm := fs.FileMode(0o644)
		if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() {
			perm = info.Mode().Perm()
		}
		f, err := CreateAtomicHere(path, perm)
		if err == nil {
			staged = append(staged, f)
			if _, err = f.Write(files[name]); err == nil {
				err = f.prepare()
			}
		}
		if err != nil {
			for _, f := range staged {
				f.Abort()
			}
			return err
		}
	}
	if err := commitAll(staged); err != nil {
		for _, f := range staged {
			f.Abort()
		}
		return err
	}
	for name := range owned {
		if files[name] == nil {
			os.Remove(filepath.Join(dir, name))
		}
	}
	return writeList(names)
}

// outputPerm is the permission a written file gets: that of the file it
// replaces, or 0644.
func outputPerm(path string) fs.FileMode {
	if info, err := os.Stat(path); err == nil {
		return info.Mode().Perm()
	}
	return 0o644
}

// Entry is one file of a folder WriteNewFolder writes.
type Entry struct {
	Name string // the file's name in the folder
	Data []byte
}

// pathError drops the operation and path of an *fs.PathError, for a
// message that names the user's path itself.
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

// ReplaceKeepingOwner replaces path with data in one step (a temporary
// file, synced, renamed), keeping its permissions and, where the system
// allows (as root, or for a group one belongs to), its owner and group.
// It returns how many names (hard links) the file had: one other than
// path keeps the old text, and the caller should say so.
func ReplaceKeepingOwner(path string, data []byte) (links int, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, pathError(err))
	}
	f, err := CreateAtomic(path, info.Mode().Perm())
	if err != nil {
		return 0, err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return 0, err
	}
	uid, gid, links, ok := owner(info)
	if ok {
		f.Chown(uid, gid) // best effort: only root may give a file away
	}
	return links, f.Commit()
}
