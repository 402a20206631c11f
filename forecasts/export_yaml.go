package forecasts

import (
	"bytes"
	"io"
)

// WriteYAML writes ds as a single-file dataset (docs/format.md): the
// manifest under dataset:, then records: with one list item per record
// and a blank line between records. Every field of the format is
// written; empty optional fields are left out, and negated only when it
// is true. Text is quoted only where YAML needs it and lines are not
// wrapped. The bytes depend only on the dataset, and ReadYAML (or Load)
// reads them back as the same dataset. Derived values (P(event), the
// dataset name of each record) are not written: they follow from the rest.
func WriteYAML(w io.Writer, ds *Dataset) error {
	var b bytes.Buffer
	m, err := encodeYAMLNode(manifestNode(&ds.Manifest))
	if err != nil {
		return err
	}
	b.WriteString("dataset:\n")
	b.Write(indentYAML(m, "  ", "  "))
	if len(ds.Records) == 0 {
		b.WriteString("records: []\n")
	} else {
		b.WriteString("records:\n")
		for i, r := range ds.Records {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.Write(indentYAML(draftOf(r).YAML(), "  - ", "    "))
		}
	}
	_, err = w.Write(b.Bytes())
	return err
}

// ReadYAML reads a single-file YAML dataset from r, as Load reads a file;
// file names it in errors.
func ReadYAML(r io.Reader, file string) (*Dataset, error) {
	return (&Loader{}).ReadYAML(r, file)
}

// ReadYAML reads a single-file YAML dataset from r, as Load reads a file;
// file names it in errors. Record ids must be unique across everything the
// Loader has read.
func (l *Loader) ReadYAML(r io.Reader, file string) (*Dataset, error) {
	data, ok := l.readAll(r, file, MaxYAMLBytes)
	if !ok {
		return nil, l.finish()
	}
	ds := l.decodeDatasetFile(file, data)
	return ds, l.finish()
}

// readAll reads r to its end, refusing more than max bytes.
func (l *Loader) readAll(r io.Reader, file string, max int64) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		l.errs.Add(file, 0, 0, "", "%s", cleanOSError(err))
		return nil, false
	}
	if int64(len(data)) > max {
		l.errs.Add(file, 0, 0, "", "more than %d bytes: too large to read", max)
		return nil, false
	}
	return data, true
}
