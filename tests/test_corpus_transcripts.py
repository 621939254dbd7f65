"""A broadcast transcript's own lines (:mod:`analysis.corpus.transcripts`): stage directions,
timestamps, notices, speaker labels and a Nexis record's header fields.

Texts written for these tests after a tester's CBN transcripts, as a broadcaster's website and
Nexis give them."""

from __future__ import annotations

import pandas as pd
import pytest
from cleaning_cases import PROSE

from analysis.corpus.cleaning import RULES, audit_frame, clean_text
from analysis.corpus.quality import quality_table
from analysis.corpus.transcripts import (
    TRANSCRIPT_RULES,
    is_stage_direction,
    is_transcript,
    speaker_label,
)

TRANSCRIPT = """Transcripts

CBN Newsroom

Dockworkers Walk Off the Job at Port of Harlan; Strike Halts Cargo. Aired 6-7p ET

Aired March 3, 2025 - 18:00   ET

THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.

[18:00:12]

MARIA DELGADO, CBN ANCHOR: Good evening. Tonight, the cranes are silent at the Port of Harlan.

TOM REYES, CBN CORRESPONDENT: Maria, the picket line has been growing all afternoon.

(BEGIN VIDEOTAPE)

REYES (voice-over): At the main gate, the chants started before dawn.

(CHEERING AND APPLAUSE)

RAY OKONJO, PRESIDENT, IDU LOCAL 17: We offered training. They walked away from the table.

UNIDENTIFIED MALE: No robots, no contract! We will (inaudible) stay out.

(END VIDEOTAPE)

DELGADO: Tom Reyes at the Port of Harlan, thank you.

END
"""


def _rules(cleaned) -> dict[str, str]:
    return {entry.original: entry.rule for entry in cleaned.audit}


@pytest.mark.parametrize(
    "line",
    [
        "(APPLAUSE)",
        "(BEGIN VIDEOTAPE)",
        "(CROSSTALK)",
        "(COMMERCIAL BREAK)",
        "(LAUGHTER)",
        "(INAUDIBLE)",
        "(CHANTING)",
        "(CHEERING AND APPLAUSE)",
        "(voice-over)",
        "[MUSIC]",
        "[CROSSTALK]",
        "[18:12:40]",
        "(00:01:23)",
    ],
)
def test_a_stage_direction_alone_goes_in_a_single_text(line: str) -> None:
    # a tester's direction stayed a sentence unless another document repeated it
    assert is_stage_direction(line)
    cleaned = clean_text(f"{PROSE[0]}\n\n{line}\n\n{PROSE[1]}", "t", model=None)
    assert cleaned.text.splitlines() == PROSE[:2]
    assert _rules(cleaned)[line] == "stage_direction"


@pytest.mark.parametrize(
    "line",
    ["(Reuters)", "(D-Calif.)", "(R)", "(AP)", "(CNN)", "(The minister declined to comment.)"],
)
def test_bracketed_text_that_is_no_direction_stays(line: str) -> None:
    assert not is_stage_direction(line)


def test_a_direction_inside_a_line_is_cut() -> None:
    cleaned = clean_text(f"{PROSE[0]}\nWe will (inaudible) do it, the mayor said.", "t", model=None)
    assert cleaned.text.splitlines()[1] == "We will do it, the mayor said."
    entry = next(e for e in cleaned.audit if e.rule == "stage_direction")
    assert entry.action == "changed" and entry.result == "We will do it, the mayor said."


def test_a_transcript_loses_its_labels_directions_and_notices() -> None:
    cleaned = clean_text(TRANSCRIPT, "tv", model=None)
    lines = cleaned.text.splitlines()
    assert lines == [
        "Good evening. Tonight, the cranes are silent at the Port of Harlan.",
        "Maria, the picket line has been growing all afternoon.",
        "At the main gate, the chants started before dawn.",
        "We offered training. They walked away from the table.",
        "No robots, no contract! We will stay out.",
        "Tom Reyes at the Port of Harlan, thank you.",
    ]
    rules = _rules(cleaned)
    assert rules["THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY "
                 "BE UPDATED."] == "transcript_notice"  # fmt: skip
    assert rules["Transcripts"] == rules["END"] == "transcript_notice"
    assert rules["CBN Newsroom"] == "transcript_title"  # the show's name over its title
    assert rules["(CHEERING AND APPLAUSE)"] == rules["[18:00:12]"] == "stage_direction"
    labels = [e for e in cleaned.audit if e.rule == "speaker_label"]
    assert len(labels) == 6 and all(e.action == "changed" for e in labels)
    # the show's title line and its air time are metadata
    title = "Dockworkers Walk Off the Job at Port of Harlan; Strike Halts Cargo"
    assert cleaned.metadata["title"] == title
    assert cleaned.metadata["dateline"] == "March 3, 2025 - 18:00 ET"
    # idempotent: the clean text cleaned again is the same
    assert clean_text(cleaned.text, "tv", model=None).text == cleaned.text


@pytest.mark.parametrize(
    ("line", "label", "rest"),
    [
        ("TOM REYES, CBN CORRESPONDENT: Maria.", "TOM REYES, CBN CORRESPONDENT", "Maria."),
        ("REYES (voice-over): At the gate.", "REYES (voice-over)", "At the gate."),
        ("UNIDENTIFIED MALE: No robots!", "UNIDENTIFIED MALE", "No robots!"),
        (
            "GOV. DANA WHITCOMB (D), WASHINGTON: Every day counts.",
            "GOV. DANA WHITCOMB (D), WASHINGTON",
            "Every day counts.",
        ),
        ("RAY OKONJO, PRESIDENT, IDU LOCAL 17: Yes", "RAY OKONJO, PRESIDENT, IDU LOCAL 17", "Yes"),
    ],
)  # fmt: skip
def test_speaker_labels(line: str, label: str, rest: str) -> None:
    assert speaker_label(line) == (label, rest)


@pytest.mark.parametrize("line", ["Q: What now?", "BYLINE: Jane Doe", "The US: a view", "NOTE: x"])
def test_no_speaker_label(line: str) -> None:
    assert speaker_label(line) is None


def test_an_article_keeps_its_dateline_and_q_and_a_labels() -> None:
    # "WASHINGTON:" opening a paragraph, and an interview's "Q:" and "A:", are no transcript
    lines = [
        f"WASHINGTON: {PROSE[0]}",
        f"Q: {PROSE[1]}",
        f"A: {PROSE[2]}",
        f"Q: {PROSE[3]}",
        f"A: {PROSE[0]}",
    ]
    assert not is_transcript(lines)
    cleaned = clean_text("\n\n".join(lines), "t", model=None)
    assert cleaned.text.splitlines() == lines
    assert not any(e.rule == "speaker_label" for e in cleaned.audit)


def test_an_advice_column_is_no_transcript() -> None:
    # the extraction benchmark's Dear Abby page lost its letters' salutations as speaker labels
    lines = [
        f"DEAR ABBY: {PROSE[0]}",
        f"DEAR WORRIED: {PROSE[1]}",
        f"DEAR ABBY: {PROSE[2]}",
        f"DEAR PUZZLED: {PROSE[3]}",
    ]
    assert speaker_label(lines[0]) is None
    assert not is_transcript(lines)
    cleaned = clean_text("\n\n".join(lines), "t", model=None)
    assert cleaned.text.splitlines() == lines


def test_a_transcript_is_flagged() -> None:
    cleaned = clean_text(TRANSCRIPT, "tv", model=None)
    article = clean_text("\n\n".join(PROSE), "np", model=None)
    documents = pd.DataFrame(
        {
            "doc_id": ["tv", "np"],
            "outlet": ["CBN", "Tribune"],
            "text": [cleaned.text, article.text],
            "n_words": [200, 200],
            "language": ["en", "en"],
        }
    )
    sentences = pd.DataFrame({"doc_id": ["tv", "np"], "n_words": [20, 20]})
    audit = audit_frame([*cleaned.audit, *article.audit])
    table = quality_table(documents, sentences, audit).set_index("doc_id")
    assert table.loc["tv", "quality_flags"] == "transcript"
    assert table.loc["np", "quality_flags"] == ""
    # its directions and notices are the transcript's own lines, not lost page text
    assert table.loc["tv", "share_lines_removed"] == 0.0


NEXIS = """CBN NEWSROOM

March 4, 2025 Tuesday

SECTION: NEWS; Domestic

LENGTH: 1022 words

HEADLINE: Port Strike Day Two; Governor Urges Talks

BYLINE: Maria Delgado, Tom Reyes

GUESTS: Carla Jimenez

HIGHLIGHT: The strike enters its second day as the governor urges both sides back to talks.

BODY:

MARIA DELGADO, CBN ANCHOR: Day two of the strike at the Port of Harlan.

CARLA JIMENEZ, WASHINGTON SECRETARY OF LABOR: We have had constructive conversations.

DELGADO: Has either side agreed to come back?

JIMENEZ: That is not on the table right now.
"""


def test_nexis_transcript_fields() -> None:
    cleaned = clean_text(NEXIS, "tv", model=None)
    assert cleaned.metadata["title"] == "Port Strike Day Two; Governor Urges Talks"
    assert cleaned.metadata["author"] == "Maria Delgado, Tom Reyes"
    assert cleaned.metadata["dateline"] == "March 4, 2025"
    lines = cleaned.text.splitlines()
    # the highlight stays, without its field's name; the guests, body mark and length go
    highlight = "The strike enters its second day as the governor urges both sides back to talks."
    assert highlight in lines
    assert not any(":" in line.split(" ", 1)[0] for line in lines)
    assert lines[-1] == "That is not on the table right now."
    rules = _rules(cleaned)
    assert rules["GUESTS: Carla Jimenez"] == rules["BODY:"] == "nexis_field"


def test_the_rules_are_listed() -> None:
    assert set(TRANSCRIPT_RULES) <= set(RULES)


def test_the_summary_says_how_transcripts_turns_are_counted(tmp_path) -> None:
    # a tester's transcripts had 0% direct quotation against a newspaper's 35%, and the summary
    # gave it as a difference between the outlets
    from analysis.corpus.quality import transcript_sourcing_lines

    pd.DataFrame(
        {
            "doc_id": ["tv-01", "np-01"],
            "outlet": ["CBN", "Tribune"],
            "quality_flags": ["transcript", ""],
        }
    ).to_csv(tmp_path / "documents.csv", index=False)
    lines = transcript_sourcing_lines(tmp_path, {})
    assert lines[0].startswith("**Transcripts.** 1 of 2 documents are broadcast transcripts")
    assert "tv-01" in lines[0] and "CBN" in lines[0] and "no quotation marks" in lines[0]
    # how their turns are counted now: a guest's as a quotation, the host's as the outlet's
    assert "A guest's turn counts as a direct quotation" in lines[0]
    pd.DataFrame({"doc_id": ["np-01"], "outlet": ["Tribune"], "quality_flags": [""]}).to_csv(
        tmp_path / "documents.csv", index=False
    )
    assert transcript_sourcing_lines(tmp_path, {}) == []


def test_a_date_line_with_its_weekday_moves_only_at_the_top() -> None:
    line = "March 4, 2025 Tuesday"
    top = clean_text(f"{line}\n\n{PROSE[0]}\n\n{PROSE[1]}", "t", model=None)
    assert top.metadata["dateline"] == "March 4, 2025"
    below = clean_text("\n\n".join([*PROSE, line, PROSE[0]]), "t", model=None)
    assert line in below.text.splitlines()


def test_turn_speakers_name_each_turn_by_its_fullest_label_and_role() -> None:
    # "REYES (voice-over)" is the correspondent of "TOM REYES, CBN CORRESPONDENT"; the
    # anchor and the correspondent are the show's own voice, everyone else a guest
    from analysis.corpus.transcripts import GUEST_ROLE, HOST_ROLE, turn_speakers

    labels = [
        "MARIA DELGADO, CBN ANCHOR",
        "TOM REYES, CBN CORRESPONDENT",
        "REYES (voice-over)",
        "GOV. DANA WHITCOMB (D), WASHINGTON",
        "WHITCOMB",
        "UNIDENTIFIED MALE",
        "DELGADO",
    ]
    speakers = turn_speakers(labels)
    assert [label for label, _ in speakers] == [
        labels[0], labels[1], labels[1], labels[3], labels[3], labels[5], labels[0]
    ]  # fmt: skip
    roles = [role for _, role in speakers]
    assert roles == [HOST_ROLE, HOST_ROLE, HOST_ROLE, GUEST_ROLE, GUEST_ROLE, GUEST_ROLE, HOST_ROLE]


def test_without_a_label_naming_a_host_the_speaker_with_most_turns_hosts() -> None:
    from analysis.corpus.transcripts import turn_speakers

    labels = ["KAREN BELL", "SEN. MARIA LOPEZ (D-CA)", "BELL", "LOPEZ", "BELL"]
    roles = dict(turn_speakers(labels))
    assert roles == {"KAREN BELL": "host", "SEN. MARIA LOPEZ (D-CA)": "guest"}


def test_a_transcript_keeps_who_speaks_each_line() -> None:
    # cleaning cut the labels and kept no speaker, so no guest's turn could be a quotation
    cleaned = clean_text(TRANSCRIPT, "tv", model=None)
    lines = [line for line in cleaned.text.splitlines() if line.strip()]
    assert len(cleaned.speakers) == len(lines)
    said = dict(zip(lines, cleaned.speakers, strict=True))
    okonjo = said["We offered training. They walked away from the table."]
    assert okonjo == ("RAY OKONJO, PRESIDENT, IDU LOCAL 17", "guest")
    reyes = said["At the main gate, the chants started before dawn."]  # "REYES (voice-over):"
    assert reyes == ("TOM REYES, CBN CORRESPONDENT", "host")
    assert said["No robots, no contract! We will stay out."] == ("UNIDENTIFIED MALE", "guest")
    assert clean_text("\n\n".join(PROSE), "t", model=None).speakers == ()


def test_the_sentences_of_a_transcript_carry_their_speaker() -> None:
    from analysis.corpus.documents import clean_documents, split_documents
    from analysis.corpus.files import to_raw_docs
    from analysis.corpus.tables import sentences_csv
    from analysis.corpus.transcripts import SPEAKER_COLUMNS

    texts = {"tv": TRANSCRIPT, "paper": "\n\n".join(PROSE)}
    columns = {
        "doc_id": list(texts),
        "outlet": ["CBN", "Tribune"],
        "raw_text": list(texts.values()),
    }
    documents, sentences = split_documents(clean_documents(to_raw_docs(columns, 2))[0])
    assert "speakers" not in documents.columns
    speaker, role = SPEAKER_COLUMNS
    tv = sentences[sentences["doc_id"] == "tv"].set_index("sentence")
    assert tv.loc["We offered training.", speaker] == "RAY OKONJO, PRESIDENT, IDU LOCAL 17"
    assert tv.loc["They walked away from the table.", role] == "guest"
    assert tv.loc["Good evening.", role] == "host"
    paper = sentences[sentences["doc_id"] == "paper"]
    assert len(paper) and (paper[speaker] == "").all() and (paper[role] == "").all()
    assert set(SPEAKER_COLUMNS) <= set(sentences_csv(sentences).columns)
    # a corpus without transcripts writes the sentences table it wrote before
    assert not set(SPEAKER_COLUMNS) & set(sentences_csv(paper).columns)
