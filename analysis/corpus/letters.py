"""Letters pages: readers' letters, each closed by its writer's signature, under a "Letters"
heading.

A newspaper's letters page, copied as one document, holds several short letters, each followed
by the writer's name and town ("Margaret Hale, Leeds", "Rev. Alan Pryce, Hay-on-Wye, Powys")
or, as the Times prints them, the name in capitals over a line of address or role ("DR ELAINE
FORSYTH" / "Headteacher, Holmfirth High School, West Yorkshire"). A tester's two letters pages
kept every signature as a sentence: "Leeds" became an actor, "Tunbridge Wells, Kent" scored
+0.25, and the page's notices ("Letters to the editor may be edited for length.") gave a hedge
quoted as evidence and, as its last line, the page a "truncated" flag.

:mod:`analysis.corpus.cleaning` reads a text as a letters page (:func:`is_letters_page`) when a
letters heading ("Letters", "Letters to the editor", "Letters: Readers on the strike") opens it
or a letters page's notice (rule ``letters_notice``, a line rule of
``analysis/data/boilerplate_patterns.toml``, which goes in any text) stands in it, and
:data:`MIN_SIGNATURES` lines or more are shaped as signatures right under a letter's last
sentence. In such a text each signature, with the lines of address or role under it, moves to
``metadata["letter_signatures"]`` (rule ``letter_signature``), and the page's heading, or the
first short heading under a "Letters to the Editor" label, moves to the title
(``letters_heading``). The document is flagged ``letters`` in ``quality_flags``. Outside a
letters page, no line is read as a signature: "Margaret Hale, Leeds" under an article's
paragraph stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from analysis.corpus.line_rules import LineView

__all__ = [
    "LETTERS_RULES",
    "MIN_SIGNATURES",
    "is_letters_page",
    "is_letters_title",
    "letters_title",
    "signature_end",
]

LETTERS_RULES: dict[str, str] = {
    "letter_signature": "In a text recognised as a letters page (a letters heading or a letters "
    "page's notice, and 2 signatures or more), a letter's signature under its last sentence "
    "moves to metadata['letter_signatures']: the writer's name and town ('Margaret Hale, "
    "Leeds', 'Rev. Alan Pryce, Hay-on-Wye, Powys'), a name in capitals or with a title ('DR "
    "ELAINE FORSYTH', 'Professor Anna Whitcombe') and the lines of address or role under it "
    "('Headteacher, Holmfirth High School, West Yorkshire', 'Tunbridge Wells, Kent').",
    "letters_heading": "A letters page's heading moves to metadata['title']: 'Letters: Readers "
    "on the teachers' strike', or the first short line of text under a 'Letters to the Editor' "
    "label (the label itself goes as genre_label).",
}

MIN_SIGNATURES = 2  # signatures that make a text with a letters heading or notice a letters page
HEADING_LINES = 3  # a letters heading stands among the text's first lines
SIGNATURE_WORDS = 12  # the longest signature or address line, in words
LETTER_END_WORDS = 6  # the shortest last line of a letter a signature stands under
AFFILIATION_LINES = 2  # lines of address or role under a name
TITLE_WORDS = 15  # the longest heading under a "Letters to the Editor" label, in words

# "Letters", "Letters to the editor", "Readers' letters", "Your letters", alone or before a
# colon, a bar or a dash and the page's own heading ("Letters: Readers on the teachers' strike")
_LETTERS_LABEL = (
    r"(?:(?:readers['’]?|your)\s+)?letters?(?:\s+(?:to\s+the\s+editor|page))?"
    r"|letters?\s+to\s+the\s+editor"
)
_HEADING_RE = re.compile(rf"(?:{_LETTERS_LABEL})(?:\s*[:|–—-]\s*(?P<rest>\S.*))?", re.IGNORECASE)
# a title before a name: "Rev.", "Dr", "Professor", "Cllr", in any case ("DR ELAINE FORSYTH")
_HONORIFIC = (
    r"(?i:the\s+)?(?i:rev(?:d)?|dr|prof|professor|cllr|councillor|sir|dame|lord|lady|baroness"
    r"|baron|mr|mrs|ms|miss|mx|canon|father|fr|rabbi|imam|captain|capt|col|colonel|major|maj"
    r"|general|gen|judge|dean|bishop|archbishop|sister|brother)\.?"
)
_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|del|der|van|von|di|du|la|le|st\.?|ter)"
_PERSON = rf"(?:{_HONORIFIC}\s+)?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{1,3}}"
# a place's or a body's name after a comma: "Leeds", "Hay-on-Wye", "Institute of Education",
# "Tunbridge Wells", "London SW1" (a postcode's district)
_PART = (
    r"(?:[A-Z0-9][\w'’.&()/-]*)(?:\s+(?:[A-Z0-9][\w'’.&()/-]*|of|the|and|on|upon|in|under|by"
    r"|for|at|de|la|le|en|sur|&))*"
)
_NAME_PLACE_RE = re.compile(rf"{_PERSON}(?:\s*,\s*{_PART}){{1,4}}\.?")
_TITLED_NAME_RE = re.compile(
    rf"{_HONORIFIC}\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{1,3}}"
)
_CAPS_NAME_RE = re.compile(r"[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){1,4}")
_AFFILIATION_RE = re.compile(rf"(?:[\w'’.-]+\s+)?{_PART}(?:\s*,\s*{_PART}){{1,4}}\.?")
# a body's name alone under a writer's name: "University College London", "Leeds City Council"
_BODY_RE = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+|of\s+|the\s+|and\s+|for\s+){0,6}"
    r"(?:University|College|School|Institute|Society|Association|Council|Trust|Union"
    r"|Hospital|Church|Foundation|Academy|Federation|Confederation|Party|Ltd|plc)"
    r"(?:\s+(?:of|for|the|and|[A-Z][\w'’.&-]*)){0,6}"
)
# a letter opens with its salutation: a line opening so is a letter, never an address
_SALUTATION_RE = re.compile(r"(?:sir|madam)\s*[,:;—–-]|dear\s", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")


def letters_title(line: LineView) -> str | None:
    """The heading a letters heading line gives the page ("Letters: Readers on the teachers'
    strike" gives itself; "Letters to the editor" alone gives ""), or None: no letters
    heading."""
    match = _HEADING_RE.fullmatch(line.bare)
    if match is None:
        return None
    return line.text.strip() if match.group("rest") else ""


def _is_name_line(line: LineView) -> bool:
    """Whether ``line`` is shaped as a letter's signature: a name and a town ("Margaret Hale,
    Leeds"), or a name alone in capitals ("PETER GRANGE") or with a title ("Professor Anna
    Whitcombe")."""
    if line.n_words > SIGNATURE_WORDS or line.is_bullet or _SALUTATION_RE.match(line.bare):
        return False
    text = line.text.strip()
    if _NAME_PLACE_RE.fullmatch(text) or _TITLED_NAME_RE.fullmatch(text):
        return True
    return text.isupper() and bool(_CAPS_NAME_RE.fullmatch(text))


def _is_affiliation(line: LineView) -> bool:
    """Whether ``line``, under a signature's name, is its address or role: a short line of
    capitalised parts between commas ("Tunbridge Wells, Kent", "Headteacher, Holmfirth High
    School, West Yorkshire") or a body's name ("University College London")."""
    if line.n_words > SIGNATURE_WORDS or line.is_bullet or _SALUTATION_RE.match(line.bare):
        return False
    text = line.text.strip()
    if _SENTENCE_END_RE.search(text) and not text.endswith("."):
        return False
    return bool(_AFFILIATION_RE.fullmatch(text) or _BODY_RE.fullmatch(text.rstrip(".")))


def _is_letter_end(line: LineView) -> bool:
    """Whether ``line`` can be a letter's last line: a sentence of some length."""
    return line.n_words >= LETTER_END_WORDS and bool(_SENTENCE_END_RE.search(line.text.strip()))


def signature_end(
    lines: Sequence[LineView], i: int, removed: Callable[[LineView], object]
) -> int | None:
    """End (exclusive) of the signature that starts at ``lines[i]``: a name line
    (:func:`_is_name_line`) whose previous line not ``removed`` (a line rule's: a notice) ends a
    letter (:func:`_is_letter_end`), with up to :data:`AFFILIATION_LINES` lines of address or
    role under it (:func:`_is_affiliation`); None when no signature starts there."""
    if removed(lines[i]) or not _is_name_line(lines[i]):
        return None
    k = i - 1
    while k >= 0 and removed(lines[k]):
        k -= 1
    if k < 0 or not _is_letter_end(lines[k]):
        return None
    end = i + 1
    while end < len(lines) and end - i <= AFFILIATION_LINES and _is_affiliation(lines[end]):
        end += 1
    return end


def is_letters_page(lines: Sequence[LineView], removed: Callable[[LineView], object]) -> bool:
    """Whether ``lines`` (a text's lines, those a line rule removes among them) are a letters
    page: a letters heading among the first :data:`HEADING_LINES` lines (:func:`letters_title`)
    or a letters page's notice (a line ``removed`` as ``letters_notice``), and
    :data:`MIN_SIGNATURES` signatures or more (:func:`signature_end`)."""
    headed = any(letters_title(line) is not None for line in lines[:HEADING_LINES])
    if not headed and not any(removed(line) == "letters_notice" for line in lines):
        return False
    found = 0
    i = 0
    while i < len(lines):
        end = signature_end(lines, i, removed)
        if end is None:
            i += 1
            continue
        found += 1
        if found >= MIN_SIGNATURES:
            return True
        i = end
    return False


def is_letters_title(line: LineView) -> bool:
    """Whether ``line``, the first line of text of a letters page, is its heading: a short line
    (:data:`TITLE_WORDS` words) that does not end as a sentence does, nor opens a letter."""
    text = line.text.strip()
    return (
        1 <= line.n_words <= TITLE_WORDS
        and not _SENTENCE_END_RE.search(text)
        and not _SALUTATION_RE.match(line.bare)
        and not text.endswith((",", ":", ";"))
    )
