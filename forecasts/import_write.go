package forecasts

import (
	"bytes"
	"strings"
)

// ManifestYAML writes m as the manifest.yaml of a dataset folder: the
// fields at the top level, as WriteYAML writes them under dataset:, after
// note as # comment lines (none when note is empty).
func ManifestYAML(m *Manifest, note string) []byte {
	var b bytes.Buffer
	writeComment(&b, note)
	y, err := encodeYAMLNode(manifestNode(m))
	if err != nil {
		panic("forecasts: encoding a manifest: " + err.Error()) // every scalar is valid UTF-8 text
	}
	b.Write(y)
	return b.Bytes()
}

// RecordsYAML writes rs as a record file of a dataset folder: a records:
// list as WriteYAML writes it (every field, a blank line between records),
// after note as # comment lines. Load reads the records back as they are.
func RecordsYAML(rs []*Record, note string) []byte {
	var b bytes.Buffer
	writeComment(&b, note)
	if len(rs) == 0 {
		b.WriteString("records: []\n")
		return b.Bytes()
	}
	b.WriteString("records:\n")
	for i, r := range rs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.Write(indentYAML(draftOf(r).YAML(), "  - ", "    "))
	}
	return b.Bytes()
}

func writeComment(b *bytes.Buffer, note string) {
	if note == "" {
		return
	}
	for _, line := range strings.Split(strings.TrimRight(note, "\n"), "\n") {
		if line == "" {
			b.WriteString("#\n")
		} else {
			b.WriteString("# " + line + "\n")
		}
	}
	b.WriteByte('\n')
}
