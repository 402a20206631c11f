package forecasts

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// prompter asks for a draft's fields one by one.
type prompter struct {
	in  *bufio.Reader
	out io.Writer
}

// ErrInputEnded is Ask's error when its input ends before every
// required field is given.
var ErrInputEnded = errors.New("input ended before every required field was given; nothing written")

// ask shows the question and reads answers until one is not empty and
// check (when given) accepts it.
func (p *prompter) ask(label, hint string, check func(string) error) (string, error) {
	for {
		fmt.Fprintf(p.out, "%s (%s): ", label, hint)
		line, err := p.in.ReadString('\n')
		answer := strings.TrimSpace(line)
		if err != nil && (err != io.EOF || answer == "") {
			fmt.Fprintln(p.out)
			return "", ErrInputEnded
		}
		switch {
		case answer == "":
			fmt.Fprintln(p.out, "  required")
		case check != nil && check(answer) != nil:
			fmt.Fprintf(p.out, "  %v\n", check(answer))
		default:
			return answer, nil
		}
	}
}

// Ask asks on out for each field the draft still needs (see Missing) and
// reads the answers from in, checking each answer that can be checked on
// its own (a date, a probability, a term of its scale, a wording, an
// outcome) and asking again until it passes; the rest is checked with the
// dataset the record joins. It returns ErrInputEnded when in ends first.
// `hindcast forecasts add` asks so on a terminal.
func (d *Draft) Ask(in *bufio.Reader, out io.Writer) error {
	p := &prompter{in: in, out: out}
	var err error
	text := func(field *string, label, hint string, check func(string) error) {
		if err == nil && strings.TrimSpace(*field) == "" {
			*field, err = p.ask(label, hint, check)
		}
	}
	text(&d.ID, "id", "letters, digits and - _ . :", nil)
	text(&d.Question, "question", "yes or no, with a horizon: Will ... by 31 December 1990?", nil)
	text(&d.Forecaster, "forecaster", "who made the judgment", nil)
	text(&d.Issued, "issued", "YYYY, YYYY-MM or YYYY-MM-DD", func(s string) error {
		_, err := ParseDate(s)
		return err
	})
	if d.Statement != "" {
		text(&d.Wording, "wording", "verbatim, paraphrase or unconfirmed", oneOf(Wordings))
	}
	if err == nil {
		err = p.estimate(d)
	}
	text(&d.Outcome, "outcome", "yes, no, unresolved or ambiguous", oneOf(Outcomes))
	return err
}

// estimate asks for the estimate, and for the scale of a term, until the
// term is found on the scale.
func (p *prompter) estimate(d *Draft) error {
	scales := BuiltinScales()
	for {
		if d.Probability == "" && d.Range == nil && d.Term == "" {
			a, err := p.ask("estimate", "a probability such as 0.3, a range such as 0.2,0.45, or a term such as likely", func(s string) error {
				if lo, hi, ok := strings.Cut(s, ","); ok {
					return checkProbs(lo, hi)
				}
				if _, err := strconv.ParseFloat(s, 64); err == nil || strings.HasSuffix(s, "%") {
					return checkProbs(s)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if lo, hi, ok := strings.Cut(a, ","); ok {
				d.Range = []string{strings.TrimSpace(lo), strings.TrimSpace(hi)}
			} else if _, err := strconv.ParseFloat(a, 64); err == nil {
				d.Probability = a
			} else {
				d.Term = a
			}
		}
		if d.Term == "" {
			return nil
		}
		if d.Scale == "" {
			a, err := p.ask("scale", strings.Join(scales.Names(), ", "), func(s string) error {
				if _, ok := scales.Get(s); !ok {
					return fmt.Errorf("no scale %q; scales: %s", s, strings.Join(scales.Names(), ", "))
				}
				return nil
			})
			if err != nil {
				return err
			}
			d.Scale = a
		}
		sc, ok := scales.Get(d.Scale)
		if !ok {
			return nil // a --scale flag; the check of the dataset reports it
		}
		if _, ok := sc.Lookup(d.Term); ok {
			return nil
		}
		fmt.Fprintf(p.out, "  %q is not a term of %s; its terms: %s\n", d.Term, sc.Name, strings.Join(sc.TermNames(), ", "))
		d.Term, d.Scale = "", ""
	}
}

func checkProbs(xs ...string) error {
	for _, x := range xs {
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil || f < 0 || f > 1 {
			return fmt.Errorf("%q is not a probability: write a number from 0 to 1 (0.3 for 30%%)", strings.TrimSpace(x))
		}
	}
	return nil
}

func oneOf[T ~string](allowed []T) func(string) error {
	return func(s string) error {
		for _, a := range allowed {
			if strings.EqualFold(s, string(a)) {
				return nil
			}
		}
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		return fmt.Errorf("%q is not one of: %s", s, strings.Join(names, ", "))
	}
}
