package figure

import (
	"slices"
	"testing"
)

// TestNotesModes checks which notes each mode draws, and that the
// caveats take the warnings to body size, whatever the mode.
func TestNotesModes(t *testing.T) {
	ch := &Chart{Style: DefaultChartStyle(), Notes: []string{"how"}, Warnings: []string{"small"}, Remarks: []string{"mine"}}
	for _, c := range []struct {
		mode NotesMode
		want []string
	}{
		{"", []string{"mine", "how", "small"}},
		{NotesFull, []string{"mine", "how", "small"}},
		{NotesShort, []string{"mine", "small"}},
		{NotesNone, []string{"mine"}},
	} {
		ch.Style.Notes = c.mode
		if got := ch.drawnNotes(); !slices.Equal(got, c.want) {
			t.Errorf("notes %q: drawn %q, want %q", c.mode, got, c.want)
		}
	}
	ch.Caveats = []string{"chosen"}
	ch.Style.Notes = NotesNone
	if got := ch.caveatLines(ch.BodyWidth()); !slices.Equal(got, []string{"chosen", "small"}) {
		t.Errorf("caveat lines %q, want the caveat and the warning", got)
	}
	ch.Style.Notes = NotesFull
	if got := ch.drawnNotes(); !slices.Equal(got, []string{"mine", "how"}) {
		t.Errorf("with caveats: notes %q, want the warning among the caveats, not the notes", got)
	}
	if got := ch.SpeakerNotes(); !slices.Equal(got, []string{"chosen", "mine", "how", "small"}) {
		t.Errorf("speaker notes %q", got)
	}
}

// A fixed height is kept, however much the body asks for; otherwise the
// chart grows to fit its body.
func TestFixedHeight(t *testing.T) {
	st := DefaultChartStyle()
	ch := &Chart{Style: st, Title: "T"}
	ch.FitBody(1000)
	if _, h := ch.Size(); h <= 1000 {
		t.Errorf("height %v, want more than the body's 1000", h)
	}
	st.FixedHeight, st.Height = true, 300
	if _, h := ch.Size(); h != 300 || !ch.Overflows() {
		t.Errorf("fixed: height %v, overflows %v; want 300, true", h, ch.Overflows())
	}
	ch.FitBody(100)
	if ch.Overflows() {
		t.Error("a body of 100 pt overflows 300 pt")
	}
}
