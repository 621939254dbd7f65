"""Broadcast transcripts: stage directions, timestamps, transcript notices, speaker labels and
a news database's header fields.

A television or radio transcript, as a broadcaster's website or Nexis gives it, is the spoken
text between lines no one said: stage directions ("(BEGIN VIDEOTAPE)", "(APPLAUSE)",
"(CROSSTALK)"), timestamps ("[18:12:40]"), the notice "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY
NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.", the show's title and air time ("... Aired 6-7p
ET", "Aired March 3, 2025 - 18:00 ET"), and a speaker label opening each turn ("TOM REYES, CBN
CORRESPONDENT:", "REYES (voice-over):", "UNIDENTIFIED MALE:"). A tester's four transcripts kept
them: a direction was removed only when it recurred across documents (``repeated_line``), so
"(CHEERING AND APPLAUSE)" scored as a positive sentence, the notice gave the actors "BE" and "BE
UPDATED", and the labels opened 73 of 166 sentences, became the outlet's most distinctive words
("reyes", "delgado", "cbn") and its actors ("CBN CORRESPONDENT").

:mod:`analysis.corpus.cleaning` removes the directions, timestamps and notices in any text
(rules ``stage_direction``, ``transcript_notice``), moves the show's title line to the title
(``transcript_title``), and in a text recognised as a transcript (:data:`TRANSCRIPT_LABELS`
labelled lines or more, of two speakers or more: :func:`is_transcript`) cuts each turn's label
off its line (``speaker_label``), keeping who speaks each line (:func:`turn_speakers`: the
speaker's fullest label, and whether the show's own voice or a guest speaks, which the
sourcing measures read). A Nexis transcript's header fields ("HEADLINE:", "BYLINE:",
"HIGHLIGHT:") left in a corpus file's text go to the title and the author, or stay as text
without their name (``nexis_field``), as :mod:`analysis.corpus.database_exports` reads them in
a whole export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = [
    "GUEST_ROLE",
    "HOST_ROLE",
    "SPEAKER_COLUMNS",
    "TRANSCRIPT_LABELS",
    "TRANSCRIPT_RULES",
    "TranscriptLine",
    "cut_inline_directions",
    "is_stage_direction",
    "is_transcript",
    "is_transcript_only",
    "nexis_field",
    "show_name",
    "speaker_label",
    "transcript_line",
    "turn_speakers",
]

TRANSCRIPT_RULES: dict[str, str] = {
    "stage_direction": "A transcript's stage direction or timestamp alone on its line, in "
    "capitals in brackets ('(BEGIN VIDEOTAPE)', '(CHEERING AND APPLAUSE)', '[CROSSTALK]'; a "
    "direction's word or a word in -ING: not '(AP)', '(R)' or '(D-Calif.)'), a known direction "
    "in any case ('(voice-over)', '(inaudible)'), or a time of day with seconds in brackets "
    "('[18:12:40]', '(00:01:23)'; one alone, '18:12:40', goes as site_chrome); a known "
    "direction inside a line ('We will (inaudible) do it') is cut from it.",
    "transcript_notice": "A transcript's notices: 'THIS IS A RUSH TRANSCRIPT. THIS COPY MAY "
    "NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.', 'Transcript provided by ...', CQ-Roll "
    "Call's and FDCH's lines, and, in a text recognised as a transcript, its 'Transcripts' "
    "heading and 'END' line; its air time ('Aired March 3, 2025 - 18:00 ET') moves to "
    "metadata['dateline'].",
    "transcript_title": "A transcript's title line, the show's headlines before its air time "
    "('Dockworkers Walk Off the Job at Port of Harlan. Aired 6-7p ET'), moves to "
    "metadata['title'] without the air time; in a text recognised as a transcript, the show's "
    "name alone right above it ('CBN Newsroom') goes.",
    "speaker_label": "In a text recognised as a transcript (3 lines or more opening with a "
    "speaker's label, of 2 speakers or more), the label opening a turn ('TOM REYES, CBN "
    "CORRESPONDENT:', 'REYES (voice-over):', 'UNIDENTIFIED MALE:': a name in capitals, perhaps "
    "its title after a comma and '(voice-over)', then a colon) is cut off the line, so it is "
    "neither a word, an actor nor part of the tone of what is said; an article's 'WASHINGTON:' "
    "stays.",
    "nexis_field": "A Nexis record's header field in a corpus file's text (a transcript's, as "
    "Nexis gives it): 'HEADLINE: ...' moves to metadata['title'], 'BYLINE: ...' to "
    "metadata['author'], 'HIGHLIGHT: ...', the programme's own summary, stays as text "
    "without its field's name, and a transcript's 'GUESTS: ...', 'BODY:' and 'LENGTH: 1022 "
    "words' go; its date line with the weekday after it ('March 4, 2025 Tuesday') moves to "
    "metadata['dateline'].",
}

# --------------------------------------------------------------------------------------------
# Stage directions and timestamps.
# --------------------------------------------------------------------------------------------

# The words of stage directions (the transcripts of CNN, Fox News, NBC and Nexis' CQ-Roll Call
# and FDCH): a bracketed line in capitals holding one of them, or a word in -ING ("CHANTING",
# "BOOING"), is a direction; an agency's "(AP)" or a party's "(R)" holds none
_DIRECTION_WORDS = frozenset(
    {
        "APPLAUSE", "LAUGHTER", "LAUGHS", "CROSSTALK", "INAUDIBLE", "UNINTELLIGIBLE", "CHANTING",
        "CHEERING", "BOOING", "BOOS", "CHEERS", "MUSIC", "SILENCE", "PAUSE", "BREAK", "COMMERCIAL",
        "BEGIN", "END", "VIDEO", "VIDEOTAPE", "CLIP", "AUDIO", "SOUNDBITE", "SOUND", "BITE",
        "OFF-MIKE", "OFF-CAMERA", "GUNFIRE", "SIRENS", "SIREN", "GUNSHOTS", "SIGHS", "CHUCKLES",
        "CHUCKLING", "NOISE", "VOICE-OVER", "CAMERA", "TELEPHONE", "TRANSLATOR", "TRANSLATION",
        "LANGUAGE", "FOREIGN", "SPEAKING", "SINGING", "SCREAMING", "APPLAUDING", "LIVE", "TAPE",
        "TAPED", "FEED", "GAP", "BELL", "GAVEL",
    }
)  # fmt: skip
# directions written in lower case too, known whole ("(voice-over)", "(inaudible)")
_KNOWN_DIRECTIONS = (
    r"voice[- ]over|on camera|off camera|off[- ]mike|via telephone|by telephone|on the phone"
    r"|through (?:a )?translator|through interpreter|inaudible|unintelligible|crosstalk"
    r"|laughter|laughs|applause|cheers|cheering|booing|chanting|music|sic transit"
)
_KNOWN_RE = re.compile(rf"(?:{_KNOWN_DIRECTIONS})", re.IGNORECASE)
# a bracketed text in capitals: letters, digits, spaces and a few marks
_CAPS_BRACKETED_RE = re.compile(r"[(\[]\s*([A-Z][A-Z0-9 ,.'’&/-]*?)\s*[)\]]")
_WORD_RE = re.compile(r"[A-Z][A-Z'’-]*")
# a time of day with its seconds in brackets: "[18:12:40]", "(00:01:23)", a broadcaster's
# "[18:12:40 ET]" (a time alone, "18:12:40", is a live blog's stamp too: rule site_chrome)
_TIMESTAMP_RE = re.compile(
    r"[(\[]\s*\d{1,2}:\d{2}:\d{2}(?:\s*(?:ET|EST|EDT|PT|PST|CT|GMT|UTC))?\s*[)\]]"
)
MAX_DIRECTION_WORDS = 8
# a known direction in brackets inside a line: "We will (inaudible) do it" (not "(voice-over)",
# which a speaker's label holds and :func:`speaker_label` reads)
_INLINE_DIRECTION_RE = re.compile(
    r"\s*[(\[](?:inaudible|unintelligible|crosstalk|laughter|laughs|applause|cheers|cheering"
    r"|booing|chanting|off[- ]mike)[)\]]",
    re.IGNORECASE,
)


def _is_caps_direction(inside: str) -> bool:
    """Whether ``inside``, a bracket's text in capitals, is a stage direction: it holds a
    direction's word or a word in -ING, in at most :data:`MAX_DIRECTION_WORDS` words."""
    words = _WORD_RE.findall(inside)
    if not words or len(inside.split()) > MAX_DIRECTION_WORDS:
        return False
    return any(word in _DIRECTION_WORDS or word.endswith("ING") for word in words)


def is_stage_direction(text: str) -> bool:
    """Whether the (normalised) line is a stage direction or a timestamp alone:
    "(BEGIN VIDEOTAPE)", "(CHEERING AND APPLAUSE)", "[MUSIC]", "(voice-over)", "[18:12:40]" (a
    time alone, "18:12:40", is the line rules' ``site_chrome``). A bracketed name in capitals
    ("(AP)", "(R)", "(D-CALIF.)") or a sentence in lower case in brackets is none."""
    if len(text) > 80 or not text:
        return False
    if _TIMESTAMP_RE.fullmatch(text):
        return True
    if text[0] not in "([" or text[-1] not in ")]":
        return False
    caps = _CAPS_BRACKETED_RE.fullmatch(text)
    if caps is not None and _is_caps_direction(caps.group(1)):
        return True
    return _KNOWN_RE.fullmatch(text[1:-1].strip()) is not None


def cut_inline_directions(text: str) -> str:
    """``text`` without the known stage directions inside it ("SMITH: We will (inaudible) do
    it" -> "SMITH: We will do it"); the line unchanged when it holds none."""
    if "(" not in text and "[" not in text:
        return text
    cut = _INLINE_DIRECTION_RE.sub("", text)
    return cut.strip() if cut != text else text


# --------------------------------------------------------------------------------------------
# Transcript notices and the title line.
# --------------------------------------------------------------------------------------------

_NOTICE_RE = re.compile(
    r"(?:this is a rush transcript\.?\s*)?(?:this copy may not be in its final form"
    r"(?: and may be updated)?\.?)"
    r"|this is a rush transcript\.?"
    r"|transcript (?:provided|produced) by .{2,80}"
    r"|(?:copyright \d{4} )?(?:cq[- ]roll call|cq transcriptions|fdch e-media|federal document "
    r"clearing house|fdch political transcripts)\b.{0,120}",
    re.IGNORECASE,
)
# "Aired March 3, 2025 - 18:00 ET", "Aired October 21, 2025 - 20:00   ET"
_AIRED_RE = re.compile(
    r"Aired\s+(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4}(?:\s*[-–—]\s*\d{1,2}:\d{2}"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?)"
)
# "Dockworkers Walk Off the Job; Strike Halts Cargo. Aired 6-7p ET": the show's headlines and
# its air time, as CNN's transcript pages write them
_TITLE_LINE_RE = re.compile(
    r"(?P<title>\S.{2,300}?)[.;]?\s+Aired\s+\d{1,2}(?::\d{2})?(?:[ap]m?)?\s*[-–—]\s*"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.?m?\.?\s+(?:ET|EST|EDT|PT|PST|CT|GMT)"
)
# what only a transcript's lines are alone: its section's heading and the end mark
_TRANSCRIPT_ONLY_LINES = frozenset({"transcripts", "transcript", "end"})


class TranscriptLine:
    """What :func:`transcript_line` finds: a rule, and the metadata key and value a line
    moves to (None: the line is removed)."""

    __slots__ = ("key", "rule", "value")

    def __init__(self, rule: str, key: str | None = None, value: str = "") -> None:
        self.rule, self.key, self.value = rule, key, value

    def __repr__(self) -> str:
        return f"TranscriptLine({self.rule!r}, {self.key!r}, {self.value!r})"


def transcript_line(text: str, *, transcript: bool = False) -> TranscriptLine | None:
    """What the (normalised) line is as a transcript's own line, or None: a stage direction or
    timestamp (removed), a notice (removed; the air time moves to the dateline), the show's
    title line (to the title). ``transcript``: the text is a transcript, where its
    "Transcripts" heading and its "END" line alone are its own too."""
    if is_stage_direction(text):
        return TranscriptLine("stage_direction")
    if len(text) > 400:
        return None
    if _NOTICE_RE.fullmatch(text):
        return TranscriptLine("transcript_notice")
    aired = _AIRED_RE.fullmatch(text) if text[:5] == "Aired" else None
    if aired is not None:
        return TranscriptLine("transcript_notice", "dateline", aired.group("date"))
    title = _TITLE_LINE_RE.fullmatch(text) if "Aired" in text else None
    if title is not None:
        return TranscriptLine("transcript_title", "title", title.group("title").strip())
    return TranscriptLine("transcript_notice") if transcript and is_transcript_only(text) else None


SHOW_NAME_WORDS = 5  # "CBN Newsroom", "Anderson Cooper 360 Degrees"


def show_name(text: str, below: TranscriptLine | None) -> TranscriptLine | None:
    """``transcript_title`` (removed) when the (normalised) line is a transcript's show's name
    over its title line (``below``: what :func:`transcript_line` found in the next line):
    at most :data:`SHOW_NAME_WORDS` words, no sentence's end ("CBN Newsroom" over "Dockworkers
    Walk Off the Job ... Aired 6-7p ET"); else None. Asked of a recognised transcript only."""
    if below is None or below.rule != "transcript_title":
        return None
    if text.count(" ") >= SHOW_NAME_WORDS or text[-1:] in ".!?:;,":
        return None
    return TranscriptLine("transcript_title")


def is_transcript_only(text: str) -> bool:
    """Whether the line is what only a transcript has alone on a line: its "Transcripts"
    heading, its "END" mark (an article's line "End" may close a list: asked only of a text
    recognised as a transcript)."""
    return len(text) <= 12 and text.casefold() in _TRANSCRIPT_ONLY_LINES


# --------------------------------------------------------------------------------------------
# Speaker labels.
# --------------------------------------------------------------------------------------------

# a word of a name or title in capitals: "REYES", "O'BRIEN", "GOV.", "ROSA'S", "17", "(D)"
_CAPS_WORD = r"(?:[A-Z][A-Z.'’&-]*|\d{1,4}|\([A-Z](?:-[A-Z][A-Za-z.]*)?\))"
_LABEL_RE = re.compile(
    rf"(?P<label>(?P<name>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,5}})"
    rf"(?:, {_CAPS_WORD}(?: {_CAPS_WORD}){{0,7}}){{0,4}}"
    r"(?:\s*\((?i:voice[- ]over|on camera|off camera|via telephone|by telephone"
    r"|through (?:a )?translator)\))?)"
    r":(?:\s+(?P<rest>\S.*)|\s*)$",
    re.DOTALL,
)
# a label names someone: two letters at least ("Q:" and "A:" of an article's interview are no
# speaker's), and a label is short
_LABEL_MIN_LETTERS = 2
MAX_LABEL_WORDS = 14
# The fewest labelled lines, of at least two speakers, that make a text a transcript: an
# article's dateline "WASHINGTON:" or a "NOTE:" stays
TRANSCRIPT_LABELS = 3
# a letter's salutation in an advice column ("DEAR ABBY: My husband ...", "DEAR FEELING: Of
# course ..."): the extraction benchmark's Dear Abby page was read as a transcript and lost them
_NOT_SPEAKER_FIRST_WORDS = frozenset({"DEAR"})
_NOT_SPEAKERS = frozenset(
    {"NOTE", "EDITOR'S NOTE", "UPDATE", "CORRECTION", "WATCH", "READ MORE", "RELATED", "PHOTOS"}
)
# Nexis's field names, which a header line opens with in capitals ("HEADLINE:", "BYLINE:"):
# fields, not speakers
_FIELD_NAMES = frozenset(
    {
        "HEADLINE", "BYLINE", "HIGHLIGHT", "SECTION", "LENGTH", "LOAD-DATE", "LANGUAGE", "TYPE",
        "GUESTS", "GUEST", "BODY", "DATELINE", "SHOW", "SERIES", "PUBLICATION-TYPE", "SOURCE",
        "SUBJECT", "GEOGRAPHIC", "PERSON", "ORGANIZATION", "COMPANY", "INDUSTRY", "URL",
    }
)  # fmt: skip


def speaker_label(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` when the (normalised) line opens with a speaker's label: a name in
    capitals, perhaps its title after a comma, perhaps how it is heard ("(voice-over)"), and a
    colon ("TOM REYES, CBN CORRESPONDENT: Maria, you can ...", "REYES (voice-over): At the
    main gate ...", "GOV. DANA WHITCOMB (D), WASHINGTON: Every day ..."); ``rest`` is the turn's
    text ("" when the label stands alone). None for a line that does not, and for a database's
    field ("BYLINE: ...") or a note ("NOTE: ...")."""
    if not text[:1].isupper() or ":" not in text[:200]:
        return None
    match = _LABEL_RE.match(text)
    if match is None:
        return None
    label, name = match.group("label"), match.group("name")
    if sum(ch.isalpha() for ch in name) < _LABEL_MIN_LETTERS:
        return None
    if name in _FIELD_NAMES or label in _NOT_SPEAKERS or label.count(" ") >= MAX_LABEL_WORDS:
        return None
    if name.split(" ", 1)[0] in _NOT_SPEAKER_FIRST_WORDS:
        return None
    return label, (match.group("rest") or "").strip()


def is_transcript(texts: Iterable[str]) -> bool:
    """Whether the (normalised) lines of a text are a transcript's: at least
    :data:`TRANSCRIPT_LABELS` of them open with a speaker's label (:func:`speaker_label`),
    of at least two speakers. An article's dateline ("NEW DELHI: Their American dream ...")
    or a Q&A's "Q:" leaves it an article."""
    speakers: set[str] = set()
    n = 0
    for text in texts:
        found = speaker_label(text)
        if found is None:
            continue
        n += 1
        speakers.add(speaker_name(found[0]))
    return n >= TRANSCRIPT_LABELS and len(speakers) >= 2


def speaker_name(label: str) -> str:
    """The speaker a label names, without title or how heard: "TOM REYES, CBN CORRESPONDENT
    (voice-over)" -> "TOM REYES"."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", label)
    return name.split(",", 1)[0].strip()


# The words of a label that name the show's own people: what they say is the outlet's voice,
# as a reporter's own sentences in print are ("MARIA DELGADO, CBN ANCHOR", "TOM REYES, CBN
# CORRESPONDENT", "JUDY WOODRUFF, PBS NEWSHOUR MODERATOR")
_STAFF_WORD_RE = re.compile(
    r"\b(?:CO-?)?(?:HOST|ANCHOR|CORRESPONDENT|REPORTER|MODERATOR|PRESENTER|NEWSREADER)S?\b"
)
# ... of them, the words that name the one presenting the show: when no label says so, the
# speaker with the most turns presents it
_PRESENTER_WORD_RE = re.compile(r"\b(?:CO-?)?(?:HOST|ANCHOR|MODERATOR|PRESENTER|NEWSREADER)S?\b")
# how a turn is heard, after the speaker's name and title: not part of who speaks
_HOW_HEARD_RE = re.compile(
    r"\s*\((?i:voice[- ]over|on camera|off camera|via telephone|by telephone"
    r"|through (?:a )?translator)\)\s*$"
)
HOST_ROLE = "host"
GUEST_ROLE = "guest"
# The sentences table's columns of a transcript's speaker of each sentence: the label (its
# fullest form in the text) and the role, HOST_ROLE (the show's own voice) or GUEST_ROLE; ""
# outside transcripts (analysis.corpus.documents.sentence_table)
SPEAKER_COLUMNS = ["transcript_speaker", "transcript_role"]


def _speaker_key(label: str) -> str:
    """What the labels of one speaker share: the last word of the name, not a party's
    bracket ("TOM REYES, CBN CORRESPONDENT" and "REYES (voice-over)": "REYES"; "GOV. DANA
    WHITCOMB (D), WASHINGTON" and "WHITCOMB": "WHITCOMB")."""
    words = [word for word in speaker_name(label).split() if not word.startswith("(")]
    return words[-1].strip(".,'’") if words else label


def turn_speakers(labels: Sequence[str]) -> list[tuple[str, str]]:
    """Each turn's speaker in one transcript, from its turns' labels in order
    (:func:`speaker_label`): ``(label, role)``, the speaker's fullest label in the text (a turn
    labelled "REYES (voice-over)" after "TOM REYES, CBN CORRESPONDENT" is the latter's: the
    longest label of the same surname, without how it is heard) and :data:`HOST_ROLE` or
    :data:`GUEST_ROLE`.

    The show's own voice (``host``): a speaker one of whose labels names the show's people
    (host, anchor, correspondent, reporter, moderator, presenter, co-host), and, when no label
    names a host, anchor, moderator or presenter, the speaker with the most turns (the first
    to speak of those with as many). Everyone else is a guest ("SEN. MARIA LOPEZ (D-CA)",
    "DR. ALAN CHU, EPIDEMIOLOGIST", "UNIDENTIFIED MALE"). Limits: another outlet's reporter
    as a guest ("JANE ROE, TRIBUNE REPORTER") counts as the show's own, and two speakers of
    one surname as one."""
    keys = [_speaker_key(label) for label in labels]
    fullest: dict[str, str] = {}
    turns: dict[str, int] = {}
    staff: set[str] = set()
    presenters: set[str] = set()
    for key, label in zip(keys, labels, strict=True):
        bare = _HOW_HEARD_RE.sub("", label)
        if len(bare) > len(fullest.get(key, "")):
            fullest[key] = bare
        turns[key] = turns.get(key, 0) + 1
        if _STAFF_WORD_RE.search(label):
            staff.add(key)
        if _PRESENTER_WORD_RE.search(label):
            presenters.add(key)
    if not presenters and turns:
        staff.add(max(turns, key=lambda k: turns[k]))  # the first of the most (dict order)
    return [(fullest[key], HOST_ROLE if key in staff else GUEST_ROLE) for key in keys]


# --------------------------------------------------------------------------------------------
# A Nexis record's header fields.
# --------------------------------------------------------------------------------------------

_NEXIS_FIELD_RE = re.compile(r"(?P<name>HEADLINE|BYLINE|HIGHLIGHT):\s*(?P<value>\S.*)")
_FIELD_KEYS = {"HEADLINE": "title", "BYLINE": "author", "HIGHLIGHT": "text"}
# the fields of a Nexis transcript's header that name no one and say nothing of the text:
# its guests (named again where they speak), "BODY:" over the text, its length, its show
_DROPPED_FIELD_RE = re.compile(
    r"BODY:|(?:GUESTS?|SHOW|PROGRAM|PROGRAMME|TYPE):\s*\S.{0,200}|LENGTH:\s*[\d,]+\s+words"
)

# a Nexis record's date line, its weekday after it: "March 4, 2025 Tuesday"
_NEXIS_DATE_RE = re.compile(
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}),? (?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)"
)


def nexis_field(text: str) -> tuple[str, str] | None:
    """``(what, value)`` of a Nexis record's header field alone on the (normalised) line, in
    capitals as LexisNexis writes them: "HEADLINE: Port Strike Day Two" -> ("title", ...),
    "BYLINE: Maria Delgado, Tom Reyes" -> ("author", ...), "HIGHLIGHT: The strike ..." ->
    ("text", the text: it stays, without the field's name); a transcript's "GUESTS: ...",
    "BODY:", "LENGTH: 1022 words" -> ("", "") (removed); its date line "March 4, 2025 Tuesday"
    -> ("dateline", "March 4, 2025"). A tester's Nexis transcripts lost
    their headline to the classifier in one and kept it as a sentence in another, and the
    summary quoted "HIGHLIGHT: ..." as the most positive sentence."""
    date = _NEXIS_DATE_RE.fullmatch(text) if text[-3:] == "day" else None
    if date is not None:
        return "dateline", date.group("date")
    if not text[:2].isupper():
        return None
    match = _NEXIS_FIELD_RE.fullmatch(text)
    if match is not None:
        return _FIELD_KEYS[match.group("name")], match.group("value").strip()
    return ("", "") if _DROPPED_FIELD_RE.fullmatch(text) else None
