package forecasts

import "strings"

// StarterFile is one file of a new dataset folder.
type StarterFile struct {
	Name string // the file's name in the folder
	Data []byte
}

// StarterFolder returns the files of a new dataset folder for a dataset
// named name, as `hindcast forecasts init` writes them: manifest.yaml,
// every field with a comment on what it means; records.yaml, four
// commented example records, one for each form of estimate (a
// probability, a range, a term on a scale, a negated statement); and
// README.md, the coding conventions. The folder is valid as it stands.
// name must be a valid dataset name, as DatasetName returns.
func StarterFolder(name string) []StarterFile {
	fill := func(s string) []byte {
		// The templates write ´ for a backtick, which a raw string cannot hold.
		return []byte(strings.NewReplacer("{{name}}", name, "´", "`").Replace(s))
	}
	return []StarterFile{
		{ManifestFile, fill(starterManifest)},
		{"records.yaml", fill(starterRecords)},
		{"README.md", fill(starterReadme)},
	}
}

// DatasetName turns a folder's name into a valid dataset name: lower
// case; ASCII letters, digits and _ kept; every other run of characters
// made one -; at most 64 characters: "Seminar 2026 (Cuba)" becomes
// "seminar-2026-cuba". A name with nothing usable becomes "dataset".
func DatasetName(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		default:
			dash = true
		}
	}
	name := strings.TrimLeft(b.String(), "-_")
	if len(name) > 64 {
		name = name[:64]
	}
	name = strings.TrimRight(name, "-_")
	if name == "" {
		return "dataset"
	}
	return name
}

const starterManifest = `# The manifest of the dataset {{name}}: what it is, who may use it and how its records
# were chosen. The records are in the other .yaml files of this folder (records.yaml to
# begin with); README.md gives the coding conventions. Check the whole folder with
#
#   hindcast forecasts validate FOLDER
#
# The format, field by field, is docs/format.md in the hindcast repository.

# Short name, used by --dataset and shown with every record: lower-case letters, digits,
# - and _. Required.
name: {{name}}

# What the records are, in one line. Required.
title: "{{name}}: forecast records"

# What the data is, in a paragraph: whose judgments, on what questions, from which
# documents and years, and how they were coded (the rules you apply to every record).
# Optional. ">-" lets the paragraph run over several lines.
description: >-
  Describe the data here: whose judgments, on what, from which documents, over which
  years, and the coding rules applied to every record.

# Who may use the data and how: an SPDX licence identifier such as CC-BY-4.0 or CC0-1.0.
# Optional; empty means not stated.
licence: ""

# How to cite the dataset, in one line. Optional.
citation: ""

# The dataset's version. Raise it whenever records change, so that a result can name the
# version it was computed on. Optional.
version: 0.1.0

# How the records were chosen. Required; one of:
#   all                 every judgment of a defined kind in a defined body of documents
#   random sample       drawn at random from such a body
#   chosen for failure  picked because they went wrong (post-mortems, case studies)
#   notable             famous or instructive cases, hits and misses: not a sample
#   unknown             nobody can say how the records came to be collected
# Calibration asks whether, of the judgments given (say) 70%, about 70% came true. That
# needs the judgments as they were made, hits and misses together. A set chosen for
# failure holds the misses, picked after the outcomes were known, so how often its
# forecasts came true says nothing about how often the forecaster was right: it cannot
# measure calibration, and hindcast marks every calibration figure computed on it with
# that warning. Scores on notable or unknown sets describe those cases, not the
# forecaster; only all and random sample support claims about the forecaster.
selection: unknown

# Why and how these records were chosen: which documents, by what rule, by whom. Optional,
# but a reader needs it to judge any score.
selection_note: ""
`

const starterRecords = `# The records of the dataset {{name}}, one list item each. The folder may hold more
# record files beside this one (every .yaml file but manifest.yaml, read in name order);
# ids must be unique across all of them. README.md gives the coding conventions.
#
# The four records below are EXAMPLES, invented to show each form of estimate: a
# probability, a range, a term on a scale, and a negated statement. They are valid and
# are counted like any other record: replace them with your own, or delete them.
#
# Add a record with flags, or run without them on a terminal to be asked for each field:
#   hindcast forecasts add --to FOLDER/records.yaml --id ... --question ...
records:
  # 1. A probability: the source states a number.
  - id: example-probability              # unique; letters, digits and - _ . :
    question: Will the treaty be signed by 31 December 1990?   # yes or no, with its horizon
    forecaster: Desk A (example)         # who made the judgment: a person, office or agency
    audience: The foreign minister       # optional: for whom
    issued: 1990-03-15                   # YYYY, YYYY-MM or YYYY-MM-DD, as exact as the source
    issued_note: The date of the memorandum. # optional: how the date is known
    resolves_by: 1990-12-31              # the horizon: the last day the event counts
    resolved: 1990-12-31                 # optional: when the outcome happened or was known
    statement:                           # the judgment as the source gives it
      text: the chances of signature this year are about one in three
      wording: verbatim                  # verbatim | paraphrase | unconfirmed
    estimate:
      probability: 0.33                  # a number in [0, 1]: 33% is 0.33
    coder_note: >-
      "About one in three" is coded as 0.33. "This year" sets the horizon at
      31 December 1990.
    outcome: no                          # yes | no | unresolved | ambiguous
    outcome_note: No treaty was signed in 1990.
    sources:                             # each needs a title; author or publisher
      - title: Title of the document or article
        author: Author or office
        publisher: Publisher or archive
        date: 1990-03-15
        page: p. 4
        url: https://example.org/memorandum
        quote: the chances of signature this year are about one in three
    notes:                               # optional free notes: conflicts, caveats
      - An invented example.
    tags:                                # optional key: value pairs, for grouping
      region: Europe
      example: "yes"

  # 2. A range: the source gives an interval.
  - id: example-range
    question: Will the treaty be ratified by 31 December 1991?
    forecaster: Desk A (example)
    issued: 1990-06
    resolves_by: 1991-12-31
    resolved: 1991-10
    statement:
      text: ratification by the end of next year is put at 20 to 45 per cent
      wording: paraphrase
    estimate:
      range: [0.2, 0.45]                 # [low, high]; its point is the midpoint, 0.325
    coder_note: The source reports the estimate in its own words; "next year" is 1991.
    outcome: yes
    outcome_note: The treaty was ratified in October 1991.
    tags:
      example: "yes"

  # 3. A term on a scale: the source uses a word of likelihood.
  - id: example-term
    question: Will the talks collapse by 31 December 1990?
    forecaster: Desk B (example)
    issued: 1990-04-02
    resolves_by: 1990-12-31
    resolved: 1990-12-31
    statement:
      text: a collapse of the talks this year is unlikely
      wording: verbatim
    estimate:
      term: unlikely                     # the source's word, as a term of the scale
      scale: icd-203                     # hindcast scales list; hindcast scales show icd-203
    coder_note: >-
      "Unlikely" is read on ICD 203, which has the word (20-45%). The scale is later than
      the document: a consistent modern reading, not what the author was held to.
    outcome: no
    tags:
      example: "yes"

  # 4. A negated statement: the source says the event will NOT happen.
  - id: example-negated
    question: Will the rebels take the capital by 30 June 1991?
    forecaster: Desk B (example)
    issued: 1991-01
    resolves_by: 1991-06-30
    resolved: 1991-05-20
    statement:
      text: the rebels cannot take the capital before the summer
      wording: unconfirmed
    negated: true                        # the statement denies the event the question names
    estimate:                            # how sure the statement is, as worded
      term: almost certain
      scale: kent-1964
    coder_note: >-
      "Cannot" is a flat denial, read as Kent's "almost certain" that the capital would
      not fall; hindcast turns it around, P(capture) = 1 - 0.93 = 0.07. "Before the
      summer" is read as 30 June. Found only in one memoir, hence unconfirmed.
    outcome: yes
    outcome_note: The capital fell on 20 May 1991.
    tags:
      example: "yes"
`

const starterReadme = `# {{name}}

A hindcast dataset: ´manifest.yaml´ says what it is and how its records were
chosen; ´records.yaml´ holds the records (more record files may sit beside it).

    hindcast forecasts validate FOLDER               # check every record; exit 1 on any problem
    hindcast forecasts list --data FOLDER            # one line per record
    hindcast forecasts add --to FOLDER/records.yaml  # add a record (asks for missing fields)

The rest of this file is the coding conventions: how a judgment in a document becomes a
record. Keep them, amend them to your project, and apply them to every record; where a
record departs from them, say so in its ´coder_note´.

## The question

- One event, answered **yes or no** by what happened, with a **horizon**: "Will Vietnamese
  forces capture Phnom Penh by 31 January 1979?", not "Will Vietnam win?".
- Name who, what, where and by when, so that a stranger with the sources would decide the
  outcome as you did. Replace vague words ("soon", "serious") with what will be checked.
- Ask about the event the statement is about, in the positive, even when the statement
  denies it (see ´negated´).

## Dates and the horizon

- ´issued´: when the judgment was given, as exact as the source allows (1978, 1978-08,
  1978-08-15); say in ´issued_note´ how the date is known when it is not printed on
  the document.
- ´resolves_by´: the last day on which the event counts. Take it from the statement when
  it has one ("this year": 31 December). When it has none, choose one by a rule stated
  once, here or in the manifest's description (the built-in cpc dataset takes six months
  from the assessment), and give the reason in ´coder_note´.
- Fix the horizon from the statement, not from when the event happened: a horizon chosen
  after the fact decides the score.
- ´resolved´: when the event happened, or when it was clear it had not.

## The statement and its provenance

- ´statement.text´: the judgment as the source gives it, quoted, not summarised.
- ´wording´: ´verbatim´ only when the words are confirmed as the document's
  own; ´paraphrase´ when a source reports the judgment in its own words;
  ´unconfirmed´ when it is found in one weak place only (a memoir, an unsourced article).
- Put the passage in the source's ´quote´, with its page.

## negated

When the statement says the event will **not** happen ("could not capture", "will not step
down"), keep the question about the event, code the statement as worded (how sure it is
that the event will not happen) and write ´negated: true´; hindcast uses
P(event) = 1 − estimate. A statement that gives the event a low chance ("an attack is
unlikely") is not negated: code its term as it stands.

## The estimate: a number, a range, or a term on a scale

- A number in the source: ´probability´ (30% is 0.3). An interval: ´range: [low, high]´.
- A word of likelihood: a ´term´ on a ´scale´ that has that word
  (´hindcast scales list´, ´hindcast scales show NAME´): ICD 203 for "unlikely" or
  "remote", Kent 1964 for "almost certain" or "probable", the Mauboussin reader survey for
  phrases no standard has ("serious possibility"). A scale later than the document is a
  modern reading; say so in ´coder_note´.
- A flat "will" or "would" with no word of likelihood: choose one reading and apply it to
  every record (the built-in datasets read a plain "would" as Kent's "probable" and an
  emphatic one, "assured", "could not", as "almost certain").
- A number an author gave later for what he had meant is a gloss: it goes in
  ´coder_note´, and the document's words are coded.
- ´coder_note´: why this term, range or horizon, in a sentence or two.

## Outcome

´yes´ or ´no´ when the horizon has passed and the sources settle it; ´unresolved´
before that; ´ambiguous´ when they do not. Only yes and no are scored.
´outcome_note´: what happened, with its date.

## Sources

Every record should name at least one source: its ´title´, ´author´ or
´publisher´, ´date´, ´page´, ´url´ and the ´quote´ the
statement rests on. Prefer the document itself, then the closest secondary source. Record
conflicts between sources in ´notes´.
`
