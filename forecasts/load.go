package forecasts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The fields each part of the YAML format accepts (see docs/format.md).
var (
	manifestFields  = []string{"name", "title", "description", "licence", "citation", "version", "selection", "selection_note"}
	recordFields    = []string{"id", "label", "question", "event", "forecaster", "audience", "issued", "issued_note", "resolves_by", "resolved", "statement", "negated", "options", "ordered", "estimate", "coder_note", "outcome", "outcome_note", "sources", "notes", "conflicts", "tags"}
	statementFields = []string{"text", "wording"}
	estimateFields  = []string{"probability", "range", "term", "scale", "probabilities"}
	sourceFields    = []string{"title", "author", "publisher", "date", "page", "url", "quote"}
	conflictFields  = []string{"about", "readings", "consequence"}
	datasetFields   = []string{"dataset", "records"}
	recordsFields   = []string{"records"}
)

// MaxYAMLBytes bounds the size of one YAML file (and of one dataset file
// read by ReadJSONL, ReadCSV and the importer). A YAML node tree takes 45
// to 140 times the file's size in memory, so 8 MiB keeps a load under about
// 1.1 GB; a dataset folder may hold many such files, and tables of any size
// are read as flat tables instead.
const MaxYAMLBytes = 8 << 20

// MaxFolderBytes bounds the size of a dataset folder's YAML files in all:
// each may hold MaxYAMLBytes, and a folder of many would take many times
// their size in memory. 32 MiB of short records (247,000) validate in
// about 7 s and 490 MB.
const MaxFolderBytes = 32 << 20

// ManifestFile is the name of a dataset folder's manifest.
const ManifestFile = "manifest.yaml"

// Loader reads datasets, checking every record against its scales.
type Loader struct {
	Scales *Scales // the scales terms are looked up on; nil means the built-in scales
	// SumTolerance is how far from 1 a categorical forecast's
	// probabilities may add up to; 0 means DefaultSumTolerance.
	SumTolerance float64

	errs ErrorList
	ids  map[string]Pos
}

// Load reads each path — a single-file dataset or a dataset folder — and
// validates every record. Record ids must be unique across all paths, and
// across everything this Loader has read before. On any problem it returns
// all of them as an ErrorList, sorted.
func (l *Loader) Load(paths ...string) ([]*Dataset, error) {
	var out []*Dataset
	for _, p := range paths {
		if ds := l.loadPath(p); ds != nil {
			out = append(out, ds)
		}
	}
	return out, l.finish()
}

// LoadFS reads datasets from a file system, as Load does from disk; names
// in errors are prefixed with label.
func (l *Loader) LoadFS(fsys fs.FS, label string, names ...string) ([]*Dataset, error) {
	var out []*Dataset
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			l.errs.Add(path.Join(label, name), 0, 0, "", "%v", err)
			continue
		}
		if ds := l.decodeDatasetFile(path.Join(label, name), data); ds != nil {
			out = append(out, ds)
		}
	}
	return out, l.finish()
}

func (l *Loader) finish() error {
	l.errs.Sort()
	err := l.errs.Err()
	l.errs = nil
	return err
}

func (l *Loader) scales() *Scales {
	if l.Scales == nil {
		l.Scales = BuiltinScales()
	}
	return l.Scales
}

func (l *Loader) loadPath(p string) *Dataset {
	info, err := os.Stat(p)
	if err != nil {
		l.errs.Add(p, 0, 0, "", "%s", cleanOSError(err))
		return nil
	}
	if !info.IsDir() {
		switch ext := strings.ToLower(filepath.Ext(p)); ext {
		case ".csv", ".jsonl", ".ndjson", ".tsv", ".xlsx":
			// Read as YAML, a table gives a puzzling message about its
			// first line. (The whole file is the problem: no line.)
			l.errs.Add(p, 0, 0, "", "a table (%s), not a YAML dataset: hindcast forecasts import %s --to DIR makes it a dataset folder, and score --data reads a table of probabilities and outcomes", ext, p)
			return nil
		}
		data, ok := l.readFile(p)
		if !ok {
			return nil
		}
		return l.decodeDatasetFile(p, data)
	}
	return l.loadFolder(p, l.readFile)
}

// loadFolder reads a dataset folder: its manifest.yaml, then every other
// *.yaml and *.yml file in it, in name order, each file's bytes got from
// read. Hidden files (.name.yaml, such as an editor's lock or backup) are
// not part of the dataset. The files may hold MaxFolderBytes in all.
func (l *Loader) loadFolder(dir string, read func(path string) ([]byte, bool)) *Dataset {
	manifestPath := filepath.Join(dir, ManifestFile)
	if _, err := os.Stat(manifestPath); errors.Is(err, fs.ErrNotExist) {
		// A folder has no line to point to.
		l.errs.Add(dir, 0, 0, "", "not a dataset: a dataset is a YAML file, or a folder holding %s and record files, and this folder has no %s (hindcast forecasts init DIR makes a dataset folder)", ManifestFile, ManifestFile)
		return nil
	}
	data, ok := read(manifestPath)
	if !ok {
		return nil
	}
	total := int64(len(data))
	ds := l.decodeManifestFile(manifestPath, data)
	if ds == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		l.errs.Add(dir, 0, 0, "", "%s", cleanOSError(err))
		return nil
	}
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if !isRecordFile(e) {
			continue
		}
		fp := filepath.Join(dir, name)
		if info, err := os.Stat(fp); err == nil && !info.Mode().IsRegular() {
			// A FIFO would block the read until something writes to it.
			l.errs.Add(fp, 0, 0, "", "not a regular file (%s): a dataset folder's record files are files", fileKind(info.Mode()))
			continue
		}
		data, ok := read(fp)
		if !ok {
			continue
		}
		if total += int64(len(data)); total > MaxFolderBytes {
			l.errs.Add(fp, 0, 0, "", "with this file the YAML files of the dataset folder %s hold more than %s, the most a dataset folder may hold; the rest of the folder is not read (use a CSV or JSON Lines table for large data)", dir, sizeText(MaxFolderBytes))
			return nil
		}
		l.decodeRecordFile(ds, fp, data)
	}
	return ds
}

// isRecordFile reports whether a folder's entry is one of the record files
// of a dataset folder: a *.yaml or *.yml file other than the manifest, not
// hidden.
func isRecordFile(e fs.DirEntry) bool {
	return !e.IsDir() && IsRecordFile(e.Name())
}

// IsRecordFile reports whether a file of this name in a dataset folder is
// one of its record files: *.yaml or *.yml, not the manifest, not hidden.
func IsRecordFile(name string) bool {
	return name != ManifestFile && !strings.HasPrefix(name, ".") &&
		(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"))
}

// decodeManifestFile reads the manifest.yaml of a dataset folder: the
// manifest's fields at the top level. It returns nil when the file is not
// YAML.
func (l *Loader) decodeManifestFile(file string, data []byte) *Dataset {
	root, ok := l.parse(file, data)
	if !ok {
		return nil
	}
	d := &decoder{file: file, errs: &l.errs}
	ds := &Dataset{Files: []string{file}}
	ds.Manifest = d.manifest(root, "")
	return ds
}

// decodeRecordFile reads one record file of a dataset folder, a records:
// list, and adds its records to ds.
func (l *Loader) decodeRecordFile(ds *Dataset, file string, data []byte) {
	root, ok := l.parse(file, data)
	if !ok {
		return
	}
	ds.Files = append(ds.Files, file)
	rd := &decoder{file: file, errs: &l.errs}
	top, ok := rd.object(root, "", "", recordsFields)
	if !ok {
		return
	}
	if !top.has("records") {
		rd.errorf(root, "records", "required field is missing: a record file holds a records: list")
	}
	ds.Records = append(ds.Records, l.records(rd, top, ds.Name)...)
}

func (l *Loader) readFile(p string) ([]byte, bool) {
	data, err := ReadYAMLFile(p, MaxYAMLBytes)
	if err != nil {
		l.errs = append(l.errs, err.(ErrorList)...)
		return nil, false
	}
	return data, true
}

// ReadYAMLFile reads the file at path, of any kind — a regular file, a
// pipe, a device — through a reader that stops after max bytes (use
// MaxYAMLBytes): a file that goes on past max is an error, positioned
// where it passes the limit, and no more of it is read. Errors are an
// ErrorList naming path.
func ReadYAMLFile(path string, max int64) ([]byte, error) {
	var errs ErrorList
	f, err := os.Open(path)
	if err != nil {
		errs.Add(path, 0, 0, "", "%s", cleanOSError(err))
		return nil, errs
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() <= max {
		buf.Grow(int(info.Size()) + 1)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		errs.Add(path, 0, 0, "", "%s", cleanOSError(err))
		return nil, errs
	}
	if int64(buf.Len()) > max {
		line, col := textPos(buf.Bytes()[:max])
		errs.Add(path, line, col, "", "the file goes on past %s, the most a YAML dataset file may hold: split the records into several record files of a dataset folder, or use a CSV or JSON Lines table for large data", sizeText(max))
		return nil, errs
	}
	return buf.Bytes(), nil
}

// textPos returns the line and column (in characters) just after text.
func textPos(text []byte) (line, col int) {
	start := bytes.LastIndexByte(text, '\n') + 1
	return 1 + bytes.Count(text, []byte("\n")), 1 + utf8.RuneCount(text[start:])
}

// sizeText writes a size in bytes as MiB when it is a whole number of them.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB (%d bytes)", n>>20, n)
	}
	return fmt.Sprintf("%d bytes", n)
}

func cleanOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// parse reads one YAML document into a node tree, turning the parser's
// messages into positioned errors. The positions of the nodes are in the
// file's lines (see yamlPositions).
func (l *Loader) parse(file string, data []byte) (*yaml.Node, bool) {
	root, pos, ok := l.parseYAML(file, data)
	if ok {
		pos.place(root)
	}
	return root, ok
}

// parseYAML reads one YAML document as parse does, but leaves the nodes'
// positions as the parser gives them, in its lines, and returns the
// translation to the file's. Errors are positioned in the file's lines.
func (l *Loader) parseYAML(file string, data []byte) (*yaml.Node, *yamlPositions, bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		l.errs.Add(file, 1, 1, "", "the file is empty")
		return nil, nil, false
	}
	if line, col, msg := checkYAMLText(data); msg != "" {
		l.errs.Add(file, line, col, "", "%s", msg)
		return nil, nil, false
	}
	pos := newYAMLPositions(data)
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		l.errs.Add(file, 1, 1, "", "the file holds no YAML document, only comments")
		return nil, nil, false
	case err != nil:
		l.yamlError(file, data, pos, err)
		return nil, nil, false
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		line, col := pos.pos(extra.Line, extra.Column)
		l.errs.Add(file, line, col, "", "a dataset file holds one YAML document; found a second one (---)")
		return nil, nil, false
	case err != io.EOF:
		// A second document that is not even YAML: it must not be
		// ignored as if the file ended with the first.
		l.yamlError(file, data, pos, err)
		return nil, nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.errs.Add(file, 1, 1, "", "the file holds no YAML document")
		return nil, nil, false
	}
	return doc.Content[0], pos, true
}

// checkYAMLText finds the first character YAML does not allow in a file
// (or that is not UTF-8): its line and column (in characters) and what is
// wrong; msg is empty when the text is fine. The YAML parser reports these
// without a position.
func checkYAMLText(data []byte) (line, col int, msg string) {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return 1, 1, "the file is UTF-16 text; save it as UTF-8"
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, col, fmt.Sprintf("not valid UTF-8 text (byte 0x%02x): save the file as UTF-8", data[i])
		case r == 0:
			return line, col, "the file holds a zero byte, which text does not: is it UTF-16? save it as UTF-8"
		case !yamlPrintable(r):
			return line, col, fmt.Sprintf("the file holds the control character %U, which YAML does not allow", r)
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col++
	}
	return 0, 0, ""
}

// yamlPrintable reports whether YAML allows r in a file (YAML 1.1, 5.1).
func yamlPrintable(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || 0x20 <= r && r <= 0x7E || r == 0x85 ||
		0xA0 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

func (l *Loader) yamlError(file string, data []byte, pos *yamlPositions, err error) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		for _, e := range te.Errors {
			l.yamlMessage(file, data, pos, e)
		}
		return
	}
	l.yamlMessage(file, data, pos, err.Error())
}

// yamlParserProblems are the messages of the YAML parser (as opposed to
// its scanner). The parser gives the 0-based line where the construct
// it was reading began, or else of the problem, or no line at all when
// that is 0; the scanner gives 1-based lines, or none on the first.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
	"did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
	"did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
	"found incompatible YAML document", "found undefined tag handle",
}

var yamlAnchorProblem = regexp.MustCompile(`^(unknown anchor|anchor) '(.*)' (referenced|value contains itself)$`)

func (l *Loader) yamlMessage(file string, data []byte, pos *yamlPositions, msg string) {
	msg = strings.TrimPrefix(strings.TrimSpace(msg), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &line)
		msg = m[2]
	}
	switch {
	case slices.Contains(yamlParserProblems, msg):
		line = pos.line(line + 1)
	case line == 0 && yamlAnchorProblem.MatchString(msg):
		// The decoder names the anchor, not where it is used: find *NAME.
		m := yamlAnchorProblem.FindStringSubmatch(msg)
		if at := aliasUse(data, m[2]); at > 0 {
			line = at
		}
		if m[1] == "unknown anchor" {
			msg = fmt.Sprintf("*%s refers to no anchor &%s before it", m[2], m[2])
		} else {
			msg = fmt.Sprintf("the value of anchor &%s refers to itself (*%s)", m[2], m[2])
		}
	case line == 0:
		line = 1 // the scanner's problems on the first line come without one
	default:
		line = pos.line(line)
	}
	// A problem at the end of the text (an unclosed bracket or quote) is
	// on its last line of text, not on the empty ones after it.
	line = min(line, max(1, 1+bytes.Count(bytes.TrimRight(data, " \t\r\n\u0085\u2028\u2029"), []byte("\n"))))
	l.errs.Add(file, line, 0, "", "YAML syntax: %s", msg)
}

// aliasUse returns the line of the first *name in data that ends where the
// name does, or 0.
func aliasUse(data []byte, name string) int {
	ref := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(data[off:], ref)
		if i < 0 {
			return 0
		}
		end := off + i + len(ref)
		if end == len(data) || !isAnchorChar(data[end]) {
			return 1 + bytes.Count(data[:off+i], []byte("\n"))
		}
		off = end
	}
}

// isAnchorChar reports whether the YAML parser reads c as part of an
// anchor's name: letters, digits, _ and -.
func isAnchorChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// decodeDatasetFile reads a single-file dataset: a dataset: manifest and a records: list.
func (l *Loader) decodeDatasetFile(file string, data []byte) *Dataset {
	root, ok := l.parse(file, data)
	if !ok {
		return nil
	}
	d := &decoder{file: file, errs: &l.errs}
	top, ok := d.object(root, "", "", datasetFields)
	if !ok {
		return nil
	}
	ds := &Dataset{Files: []string{file}}
	if m := top.value("dataset"); m != nil {
		ds.Manifest = d.manifest(m, "dataset.")
	} else if !top.has("dataset") {
		d.errorf(root, "dataset", "required field is missing: a dataset file starts with a dataset: manifest (`hindcast forecasts schema` describes the format)")
	}
	if !top.has("records") {
		d.errorf(root, "records", "required field is missing: a dataset file holds a records: list")
	}
	ds.Records = l.records(d, top, ds.Name)
	return ds
}

var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func (d *decoder) manifest(n *yaml.Node, prefix string) Manifest {
	var m Manifest
	o, ok := d.object(n, strings.TrimSuffix(prefix, "."), prefix, manifestFields)
	if !ok {
		return m
	}
	m.Name = o.str("name", true)
	if m.Name != "" && !namePattern.MatchString(m.Name) {
		d.errorf(o.values["name"], prefix+"name", "%q: use lower-case letters, digits, - and _", m.Name)
	}
	m.Title = o.str("title", true)
	m.Description = o.str("description", false)
	m.Licence = o.str("licence", false)
	m.Citation = o.str("citation", false)
	m.Version = o.str("version", false)
	m.Selection = Selection(o.oneOf("selection", true, strs(Selections)))
	m.SelectionNote = o.str("selection_note", false)
	return m
}

func strs[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

func (l *Loader) records(d *decoder, top *object, dataset string) []*Record {
	var out []*Record
	for _, n := range top.list("records") {
		r := l.record(d, n)
		if r == nil {
			continue
		}
		r.Dataset = dataset
		if r.ID != "" {
			if l.ids == nil {
				l.ids = map[string]Pos{}
			}
			if first, dup := l.ids[r.ID]; dup {
				d.errorf(n, "id", "duplicate id %q (first used at %s)", r.ID, first)
			} else {
				l.ids[r.ID] = r.Pos
			}
		}
		out = append(out, r)
	}
	return out
}

func (l *Loader) record(d *decoder, n *yaml.Node) *Record {
	o, ok := d.object(n, "record", "", recordFields)
	if !ok {
		return nil
	}
	r := &Record{Pos: Pos{File: d.file, Line: o.node.Line, Col: o.node.Column}}
	r.ID = o.str("id", true)
	if r.ID != "" && !idPattern.MatchString(r.ID) {
		d.errorf(o.values["id"], "id", "%q: an id uses letters, digits and . _ : - and starts with a letter or digit", r.ID)
	}
	r.Label = o.str("label", false)
	if msg := labelProblem(r.Label); msg != "" {
		d.errorf(o.values["label"], "label", "%s", msg)
	}
	r.Question = o.str("question", true)
	r.Happening = o.str("event", false)
	if r.Happening != "" && !eventPattern.MatchString(r.Happening) {
		d.errorf(o.values["event"], "event", "%q: an event is a short slug of lower-case letters, digits and hyphens naming the happening, such as fall-of-phnom-penh-1979", r.Happening)
	}
	r.Forecaster = o.str("forecaster", true)
	r.Audience = o.str("audience", false)
	r.Issued = o.date("issued", true)
	r.IssuedNote = o.str("issued_note", false)
	r.ResolvesBy = o.date("resolves_by", false)
	r.Resolved = o.date("resolved", false)
	if !r.Issued.IsZero() {
		if !r.ResolvesBy.IsZero() && r.ResolvesBy.Before(r.Issued) {
			d.errorf(o.values["resolves_by"], "resolves_by", "%s is before the forecast was issued (%s)", r.ResolvesBy, r.Issued)
		}
		if !r.Resolved.IsZero() && r.Resolved.Before(r.Issued) {
			d.errorf(o.values["resolved"], "resolved", "%s is before the forecast was issued (%s)", r.Resolved, r.Issued)
		}
	}
	if s := o.value("statement"); s != nil {
		if so, ok := d.object(s, "statement", "statement.", statementFields); ok {
			r.Statement.Text = so.str("text", true)
			r.Statement.Wording = Wording(so.oneOf("wording", true, strs(Wordings)))
		}
	}
	r.Negated = o.boolean("negated")
	categorical := o.has("options")
	if categorical {
		l.categorical(d, o, r)
	} else if o.has("ordered") {
		d.errorf(o.keys["ordered"], "ordered", "ordered says a question's options are in order: list them under options:")
	}
	switch e := o.value("estimate"); {
	case categorical: // read with the options
	case e != nil:
		r.Estimate, r.Event = l.estimate(d, e, r.Negated)
	case !o.has("estimate"):
		o.missing("estimate")
	}
	r.CoderNote = o.str("coder_note", false)
	if !categorical {
		r.Outcome = Outcome(o.oneOf("outcome", true, strs(Outcomes)))
	}
	r.OutcomeNote = o.str("outcome_note", false)
	for _, sn := range o.list("sources") {
		so, ok := d.object(sn, "sources", "sources.", sourceFields)
		if !ok {
			continue
		}
		r.Sources = append(r.Sources, Source{
			Title:     so.str("title", true),
			Author:    so.str("author", false),
			Publisher: so.str("publisher", false),
			Date:      so.date("date", false),
			Page:      so.str("page", false),
			URL:       so.str("url", false),
			Quote:     so.str("quote", false),
		})
	}
	r.Notes = o.strs("notes")
	for _, cn := range o.list("conflicts") {
		co, ok := d.object(cn, "conflicts", "conflicts.", conflictFields)
		if !ok {
			continue
		}
		c := Conflict{About: co.str("about", true), Readings: co.strs("readings"), Consequence: co.str("consequence", true)}
		if len(c.Readings) < 2 && co.has("readings") {
			d.errorf(co.values["readings"], "conflicts.readings", "%d reading: a conflict has at least two, one from each side", len(c.Readings))
		} else if !co.has("readings") {
			co.missing("readings")
		}
		r.Conflicts = append(r.Conflicts, c)
	}
	if t := o.value("tags"); t != nil {
		r.Tags = d.tags(t)
	}
	return r
}

func (d *decoder) tags(n *yaml.Node) Tags {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "tags", "expected key: value pairs, found %s", kindName(n))
		return nil
	}
	var out Tags
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], d.resolve(n.Content[i+1])
		if v == nil { // too many aliases, reported
			continue
		}
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode {
			d.errorf(k, "tags", "a tag is key: value, both plain text")
			continue
		}
		if _, dup := out.Get(k.Value); dup {
			d.errorf(k, "tags."+k.Value, "tag given twice")
			continue
		}
		out = append(out, Tag{Key: k.Value, Value: v.Value})
	}
	return out
}

// estimate reads an estimate and derives P(event) from it.
func (l *Loader) estimate(d *decoder, n *yaml.Node, negated bool) (Estimate, Interval) {
	var e Estimate
	o, ok := d.object(n, "estimate", "estimate.", estimateFields)
	if !ok {
		return e, Interval{}
	}
	if o.has("probabilities") {
		d.errorf(o.keys["probabilities"], "estimate.probabilities", "probabilities are for a question with options: list them under options:, or give one probability")
		return e, Interval{}
	}
	forms := 0
	for _, f := range []string{"probability", "range", "term"} {
		if o.has(f) {
			forms++
		}
	}
	switch {
	case forms == 0:
		d.errorf(o.node, "estimate", "give one of probability, range, or term with scale")
		return e, Interval{}
	case o.has("probability") && forms > 1:
		d.errorf(o.node, "estimate", "give one of probability, range, or term with scale, not several")
		return e, Interval{}
	}
	e.Probability = o.prob("probability")
	e.Range = o.probPair("range")
	e.Term = o.str("term", false)
	e.Scale = o.str("scale", false)
	if o.has("scale") && !o.has("term") {
		d.errorf(o.values["scale"], "estimate.scale", "a scale needs a term: add term:, or remove scale:")
	}
	var iv Interval
	var good bool
	switch {
	case e.Term != "":
		iv, good = l.termInterval(d, o, e)
	case e.Range != nil:
		iv, good = Interval{Low: e.Range[0], Point: tidy((e.Range[0] + e.Range[1]) / 2), High: e.Range[1]}, true
	case e.Probability != nil:
		iv, good = Interval{Low: *e.Probability, Point: *e.Probability, High: *e.Probability}, true
	}
	if !good {
		return e, Interval{}
	}
	if negated {
		iv = iv.Complement()
	}
	return e, iv
}

func (l *Loader) termInterval(d *decoder, o *object, e Estimate) (Interval, bool) {
	if !o.has("scale") {
		d.errorf(o.values["term"], "estimate.scale", "a term needs the scale it is read on; scales: %s", strings.Join(l.scales().Names(), ", "))
		return Interval{}, false
	}
	if e.Scale == "" {
		return Interval{}, false
	}
	sc, ok := l.scales().Get(e.Scale)
	if !ok {
		msg := fmt.Sprintf("unknown scale %q", e.Scale)
		if s := suggest(e.Scale, l.scales().Names()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += "; scales: " + strings.Join(l.scales().Names(), ", ")
		}
		d.errorf(o.values["scale"], "estimate.scale", "%s", msg)
		return Interval{}, false
	}
	t, ok := sc.Lookup(e.Term)
	if !ok {
		d.errorf(o.values["term"], "estimate.term", "%q is not a term of %s; its terms: %s", e.Term, sc.Name, strings.Join(sc.TermNames(), ", "))
		return Interval{}, false
	}
	iv := t.Interval
	if e.Range != nil {
		const tol = 1e-12
		if e.Range[0] < iv.Low-tol || e.Range[1] > iv.High+tol {
			d.errorf(o.values["range"], "estimate.range", "[%g, %g] lies outside [%g, %g], the interval of %q on %s", e.Range[0], e.Range[1], iv.Low, iv.High, t.Term, sc.Name)
			return Interval{}, false
		}
		iv = Interval{Low: e.Range[0], Point: tidy((e.Range[0] + e.Range[1]) / 2), High: e.Range[1]}
	}
	return iv, true
}

// SortRecords orders records by issue date, then id.
func SortRecords(rs []*Record) {
	slices.SortStableFunc(rs, func(a, b *Record) int {
		if c := a.Issued.First().Compare(b.Issued.First()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// fileKind names what a folder entry that is not a regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	}
	return "not a plain file"
}
