package forecasts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// TargetError is a --to that names no file a record can be added to: a
// folder of several record files, or a manifest.
type TargetError struct{ Msg string }

func (e *TargetError) Error() string { return e.Msg }

func targetErrorf(format string, args ...any) error {
	return &TargetError{Msg: fmt.Sprintf(format, args...)}
}

// AddTarget finds the file to append a record to (for `hindcast forecasts
// add --to`) and the dataset path to check it
// with: the file itself for a single-file dataset, the folder for a record
// file beside a manifest.yaml. --to FOLDER means FOLDER/records.yaml, or
// the folder's one record file. Symbolic links are followed, so that the
// file they point to is the one replaced.
func AddTarget(to string) (file, dataset string, err error) {
	info, err := os.Stat(to)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("%s: no such file; start a dataset with 'hindcast forecasts init DIR'", to)
		}
		return "", "", fmt.Errorf("%s: %w", to, cleanPathErr(err))
	}
	file = to
	if info.IsDir() {
		entries, err := os.ReadDir(to)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", to, cleanPathErr(err))
		}
		var files []string
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && IsRecordFile(n) {
				files = append(files, n)
			}
		}
		switch {
		case slices.Contains(files, "records.yaml"):
			file = filepath.Join(to, "records.yaml")
		case len(files) == 1:
			file = filepath.Join(to, files[0])
		default:
			return "", "", targetErrorf("--to %s: a folder; name the record file to add to (%s)", to, strings.Join(files, ", "))
		}
	}
	if real, err := filepath.EvalSymlinks(file); err == nil && real != file {
		file = real
	}
	dir := filepath.Dir(file)
	if filepath.Base(file) == ManifestFile {
		return "", "", targetErrorf("--to %s: that is the folder's manifest; add to a record file, such as %s", file, filepath.Join(dir, "records.yaml"))
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestFile)); err == nil {
		return file, dir, nil // a record file of a dataset folder
	}
	return file, file, nil
}
