package textout

import (
	"fmt"
	"io"
	"strings"

	"github.com/hindcast/hindcast/internal/provenance"
)

// provenanceLines says what made a result, a line each: hindcast's build,
// the command line, each input with its SHA-256, and the options.
func provenanceLines(p *provenance.Provenance) []string {
	b := p.Hindcast
	out := []string{
		fmt.Sprintf("hindcast %s, commit %s (modified: %s), %s", b.Version, b.Commit, b.ModifiedText(), b.Go),
		"command: " + p.Command,
	}
	for _, in := range p.Inputs {
		what := "input"
		if in.Builtin {
			what = "built-in dataset"
		}
		out = append(out, fmt.Sprintf("%s %s: sha256 %s, %d bytes", what, terminalText(in.Name), in.SHA256, in.Bytes))
	}
	if len(p.Options) > 0 {
		opts := make([]string, len(p.Options))
		for i, o := range p.Options {
			opts[i] = o.Key + "=" + terminalText(o.Value)
		}
		out = append(out, "options: "+strings.Join(opts, " "))
	}
	return out
}

// writeProvenanceComment writes the provenance as "# " lines before a CSV
// table (pandas: read_csv(..., comment="#"); R: read.csv(..., comment.char = "#")).
func writeProvenanceComment(w io.Writer, p *provenance.Provenance) error {
	if p == nil {
		return nil
	}
	var b strings.Builder
	for _, l := range provenanceLines(p) {
		b.WriteString("# " + l + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeProvenanceMarkdown writes the provenance as a closing section.
func writeProvenanceMarkdown(b *strings.Builder, p *provenance.Provenance) {
	if p == nil {
		return
	}
	b.WriteString("\n<details><summary>Provenance</summary>\n\n")
	for _, l := range provenanceLines(p) {
		b.WriteString("- " + mdEscape(l) + "\n")
	}
	b.WriteString("\n</details>\n")
}
