// Package provenance says where a figure came from: which hindcast
// (version, commit, whether its tree was modified), run how (the command
// line), on what (each input's name and SHA-256) and with which options
// that change a figure. It reads no clock: the same build, command and
// inputs give the same value, byte for byte, run after run.
//
// The build's version, commit and modified flag come from the Go
// toolchain (runtime/debug.ReadBuildInfo: vcs.revision, vcs.modified,
// stamped by go build in a Git checkout) unless set when linking:
//
//	go build -ldflags "-X github.com/hindcast/hindcast/internal/provenance.version=0.2.0 \
//	    -X github.com/hindcast/hindcast/internal/provenance.commit=$(git rev-parse HEAD) \
//	    -X github.com/hindcast/hindcast/internal/provenance.modified=$(test -z "$(git status --porcelain)" && echo false || echo true)" \
//	    ./cmd/hindcast
//
// Under go run and go test the toolchain stamps no VCS information: the
// commit and modified flag are then unknown, which is said, not an error.
//
// Hashing costs a read of each input. Measured (BenchmarkHashFile) on
// the 100,000,026-byte table hindcast simulate -n 10000000 writes, in
// the page cache, on 2 shared cores (AMD EPYC, go1.26.8, SHA-NI): 125–146
// ms a pass (680–800 MB/s), 33 KB of memory whatever the size; about 1.3
// s a GB. sha256sum takes 0.40 s on the same file. A command that
// streams an input once can hash it in that pass instead, with Reader.
package provenance

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Set with -ldflags -X (see the package comment); "" means not set.
var (
	version  = "0.1.0"
	commit   = ""
	modified = "" // "true" or "false"
)

// Unknown is what Build says of a commit, or a modified flag, that the
// build does not know.
const Unknown = "unknown"

// Build is the hindcast that ran.
type Build struct {
	Version string `json:"version"`
	// Commit is the full VCS revision the binary was built from, or
	// "unknown".
	Commit string `json:"commit"`
	// Modified says whether the tree had changes not committed: nil when
	// not known (JSON null).
	Modified *bool `json:"modified"`
	// Go is the toolchain that built it, such as go1.26.8.
	Go string `json:"go"`
}

// ModifiedText returns "yes", "no" or "unknown".
func (b Build) ModifiedText() string {
	switch {
	case b.Modified == nil:
		return Unknown
	case *b.Modified:
		return "yes"
	}
	return "no"
}

// Current returns this binary's Build: the values set with -ldflags -X,
// else those the toolchain stamped, else "unknown".
func Current() Build {
	info, ok := debug.ReadBuildInfo()
	return build(info, ok, version, commit, modified)
}

// build returns the Build from the toolchain's info and the linker's
// values, which win.
func build(info *debug.BuildInfo, ok bool, ver, rev, mod string) Build {
	b := Build{Version: ver, Commit: Unknown, Go: runtime.Version()}
	if ok && info != nil {
		if info.GoVersion != "" {
			b.Go = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if s.Value != "" {
					b.Commit = s.Value
				}
			case "vcs.modified":
				if v, err := parseBool(s.Value); err == nil {
					b.Modified = &v
				}
			}
		}
	}
	if rev != "" {
		b.Commit = rev
	}
	if v, err := parseBool(mod); err == nil {
		b.Modified = &v
	}
	return b
}

func parseBool(s string) (bool, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("not true or false: %q", s)
}

// Input is a file a figure was computed from.
type Input struct {
	// Name is the input as the user named it: the path given on the
	// command line (not made absolute: the same command gives the same
	// name), "-" for standard input, or a built-in dataset's name.
	Name string `json:"name"`
	// SHA256 is the SHA-256 of its bytes, in lower-case hex: of the file
	// as read, or of the embedded file of a built-in dataset.
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
	// Builtin is true for a dataset embedded in the binary.
	Builtin bool `json:"builtin,omitempty"`
}

// HashFile returns the Input of the file at path, named name, reading it
// once from start to end (streamed: any size, in constant memory).
func HashFile(name, path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, err
	}
	defer f.Close()
	return HashReader(name, f)
}

// HashReader returns the Input of what r holds, named name.
func HashReader(name string, r io.Reader) (Input, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", name, err)
	}
	return Input{Name: name, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: n}, nil
}

// HashBuiltin returns the Input of a built-in dataset: its name and the
// embedded bytes.
func HashBuiltin(name string, data []byte) Input {
	sum := sha256.Sum256(data)
	return Input{Name: name, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(data)), Builtin: true}
}

// Reader hashes what is read through it: for an input that is read once
// and cannot be read again (standard input), or to hash a large file in
// the same pass that reads it.
type Reader struct {
	name string
	r    io.Reader
	h    interface {
		io.Writer
		Sum([]byte) []byte
	}
	n int64
}

// NewReader returns a Reader of r, whose input is named name.
func NewReader(name string, r io.Reader) *Reader {
	return &Reader{name: name, r: r, h: sha256.New()}
}

func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.h.Write(p[:n])
	r.n += int64(n)
	return n, err
}

// Input returns the Input of the bytes read so far: of the whole input
// once it has been read to its end.
func (r *Reader) Input() Input {
	return Input{Name: r.name, SHA256: hex.EncodeToString(r.h.Sum(nil)), Bytes: r.n}
}

// Option is a setting that changes a figure (--bootstrap 1000, --seed 1,
// --scale kent-1964), as the command was given it.
type Option struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Provenance is where a set of figures came from.
type Provenance struct {
	Hindcast Build `json:"hindcast"`
	// Command is the command line, each argument quoted as a POSIX shell
	// reads it back where it needs quoting; the program is named by its
	// base name (hindcast), not the path it ran from.
	Command string  `json:"command"`
	Inputs  []Input `json:"inputs"`
	// Options are sorted by key; a key may come more than once.
	Options []Option `json:"options"`
}

// New returns the Provenance of a run of this binary with the command
// line args (os.Args), on inputs, with options: no clock time, nothing
// that differs between two runs of the same command on the same inputs.
// Inputs keep the order given; options are sorted by key, then value.
func New(args []string, inputs []Input, options ...Option) Provenance {
	p := Provenance{Hindcast: Current(), Command: CommandLine(args), Inputs: slices.Clone(inputs), Options: slices.Clone(options)}
	if p.Inputs == nil {
		p.Inputs = []Input{}
	}
	if p.Options == nil {
		p.Options = []Option{}
	}
	slices.SortStableFunc(p.Options, func(a, b Option) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return p
}

// CommandLine joins args as a POSIX shell would read them back: an
// argument of letters, digits and @%+=:,./_- as it is; another in single
// quotes; one with control characters or bytes that are not UTF-8 as
// $'...' with every byte beyond printable ASCII as \xNN, so that printing
// it cannot move a terminal's cursor. The first argument, the program, is named by its base name.
func CommandLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if i == 0 {
			a = filepath.Base(a)
		}
		out[i] = shellQuote(a)
	}
	return strings.Join(out, " ")
}

func shellQuote(s string) string {
	if s == "" {
		return "''"
	}
	plain, printable := true, utf8.ValidString(s)
	for _, c := range s {
		if !(c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("@%+=:,./_-", c))) {
			plain = false
		}
		if c != utf8.RuneError && !unicode.IsPrint(c) && c != ' ' {
			printable = false
		}
	}
	switch {
	case plain:
		return s
	case printable:
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return "$'" + escapeAll(s) + "'"
}

// escapeAll writes every byte of s that is not printable ASCII as \xNN,
// and ' and \ with a backslash, as $'...' reads them.
func escapeAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	return b.String()
}
