"""A printed page's furniture in text copied out of a PDF: page numbers, running headers and
footers, the masthead line over the headline, and footnotes.

An e-paper edition pasted as text keeps what its pages print around the article: "Page 3 of 7"
at each page's foot, the paper's name and date over each page ("THE DAILY STAR | Tuesday, March
12, 2024"). None of it is the article's; left in, a tester's pastes gave the date line as a
sentence of every page, took it for the headline, and flagged texts ending "Page 2 of 2" as cut
short. :mod:`analysis.corpus.cleaning` removes these lines (rules ``page_number``,
``page_header`` and ``footnote``), and a paragraph goes on over a page break they mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from analysis.corpus.block_rules import _CLOSERS
from analysis.corpus.metadata_rules import _OUTLET_END_WORDS, is_date_line
from analysis.corpus.normalisers import SUPERSCRIPTS, glued_footnote_numbers

# "Page 3 of 7", "Page 3", "page 3/7", "p. 3", "- 3 -", "— 12 —": a page's number alone on its line
_PAGE_NUMBER_RE = re.compile(
    r"(?:page|pg\.?|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]",
    re.IGNORECASE,
)
MAX_PAGE_NUMBER_CHARS = 20


def is_page_number(text: str) -> bool:
    """Whether the (normalised) line is a page's number alone: "Page 3 of 7", "Page 3", "- 3 -".
    A number alone ("3") is already site chrome (a gallery's count)."""
    return len(text) <= MAX_PAGE_NUMBER_CHARS and _PAGE_NUMBER_RE.fullmatch(text) is not None


# A running header or footer is short and no sentence: a paper's name, a date, a section
MAX_HEADER_WORDS = 12
MAX_HEADER_CHARS = 100
HEADER_REPEATS = 2  # the fewest times it recurs in one text
_NOT_HEADER_END = ".!?…:;,"  # a sentence's end, a label's colon, a clause going on
_DIGITS_RE = re.compile(r"\d+")
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")


def header_key(text: str) -> str | None:
    """The form in which a (normalised) line is compared with the text's other lines as a
    running header or footer, or None when it cannot be one: case-folded, each run of digits
    as "#" (the page's number or date changes from page to page); only a line of at most
    :data:`MAX_HEADER_WORDS` words with a letter, that opens with no lower-case letter, is
    no bullet, and ends with no sentence's mark, colon or comma."""
    if not text or len(text) > MAX_HEADER_CHARS or text[:1].islower() or text[:2] == "- ":
        return None
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] in _NOT_HEADER_END or text.count(" ") >= MAX_HEADER_WORDS:
        return None
    if not _HAS_LETTER_RE.search(text):
        return None
    return _DIGITS_RE.sub("#", text.casefold())


# The fewest raw lines from one occurrence of a running header to the next: a page's worth of
# text stands between them, where a list's items ("Item 1", "Item 2") follow each other
HEADER_GAP = 4
# Lines that recur only digits aside ("Day 1", "Day 2") are a running header only with this
# many words: a page's header names the paper or the date, a list's heading is short
VARYING_HEADER_WORDS = 3


def running_headers(lines: Iterable[tuple[int, str]]) -> frozenset[str]:
    """The :func:`header_key` of the lines of one text (``(raw line number, normalised
    text)``) that recur in it :data:`HEADER_REPEATS` times or more, each :data:`HEADER_GAP`
    raw lines or more after the last: a page's running header or footer ("THE DAILY STAR |
    Sunday, March 17, 2024" over each page of a tester's e-paper paste). Lines that differ in
    their digits need :data:`VARYING_HEADER_WORDS` words ("Day 1" and "Day 2" are headings)."""
    return running_header_keys((no, header_key(text), text) for no, text in lines)


def running_header_keys(lines: Iterable[tuple[int, str | None, str]]) -> frozenset[str]:
    """:func:`running_headers` of lines given as ``(raw line number, header_key, text)``, the
    keys computed by the caller (None: no header)."""
    seen: dict[str, list[int]] = {}
    texts: dict[str, set[str]] = {}
    for line_no, key, text in lines:
        if key is not None:
            seen.setdefault(key, []).append(line_no)
            texts.setdefault(key, set()).add(text.casefold())
    found = set()
    for key, numbers in seen.items():
        if len(numbers) < HEADER_REPEATS:
            continue
        if any(b - a < HEADER_GAP for a, b in pairwise(numbers)):
            continue
        if len(texts[key]) > 1 and key.count(" ") + 1 < VARYING_HEADER_WORDS:
            continue
        found.add(key)
    return frozenset(found)


# the parts of a masthead line: "THE DAILY STAR | Tuesday, March 12, 2024", "HARBOUR POST —
# Tuesday 19 March 2024 — NEWS", "Northern Ledger · March 21, 2024"
_PART_SEPARATOR_RE = re.compile(r"\s+[|·•—–-]\s+|\s*[|·•]\s*")
MAX_SECTION_WORDS = 3  # "NEWS", "World News", "Page One"


def _names_a_paper(part: str) -> bool:
    """Whether ``part`` of a masthead line is a paper's name: in capitals ("THE DAILY STAR"),
    opening with "The", or ending with a word that ends outlets' names ("Harbour Post"). A
    person's name ("Jane Doe") is none, so "Jane Doe | March 12, 2024" stays a byline's."""
    words = part.split()
    return bool(words) and (
        (part.isupper() and len(part) > 1) or words[0] == "The" or words[-1] in _OUTLET_END_WORDS
    )


def _parts(text: str) -> list[str]:
    """The parts of a line set apart by bars, dots or spaced dashes."""
    return [part.strip() for part in _PART_SEPARATOR_RE.split(text) if part.strip()]


def has_date_part(text: str) -> bool:
    """Whether a part of the line set apart by bars, dots or dashes is a date ("Northern Ledger
    · March 21, 2024"): a running header with a date is never the article's headline."""
    return any(is_date_line(part) for part in _parts(text))


def is_masthead(text: str) -> bool:
    """Whether the (normalised) line is a page's masthead: a paper's name and a date, perhaps a
    section, set apart by bars, dots or dashes ("THE DAILY STAR | Tuesday, March 12, 2024",
    "HARBOUR POST — Tuesday 19 March 2024 — NEWS"). Asked of a text's first line of text
    only: over the headline, it kept a tester's headline from being recognised."""
    if len(text) > MAX_HEADER_CHARS or header_key(text) is None:
        return False
    parts = _parts(text)
    if not 2 <= len(parts) <= 4:
        return False
    dates = [part for part in parts if is_date_line(part)]
    names = [part for part in parts if part not in dates and _names_a_paper(part)]
    rest = [part for part in parts if part not in dates and part not in names]
    return (
        len(dates) == 1
        and len(names) >= 1
        and all(len(part.split()) <= MAX_SECTION_WORDS for part in rest)
    )


# A footnote: its number, then its text ("¹ Figures from the ministry's annual report.", "2
# Survey by the Patients Association.")
_SUPERSCRIPT_NOTE_RE = re.compile(f'[{SUPERSCRIPTS}]+\\s*["“‘(]?[^\\W\\d_]')
_NUMBERED_NOTE_RE = re.compile(r"(\d{1,2})\s+[\"“‘(]?[A-Z]")
MAX_FOOTNOTE_WORDS = 60


def footnote_markers(lines: Iterable[tuple[int, str]]) -> dict[str, int]:
    """The plain numbers the lines of a text (``(raw line number, text)``) hold as footnote
    markers ("2" of "thought out.2 Patients",
    :func:`~analysis.corpus.normalisers.glued_footnote_numbers`), each with the first line
    holding it."""
    markers: dict[str, int] = {}
    for line_no, text in lines:
        for number in glued_footnote_numbers(text):
            markers.setdefault(number, line_no)
    return markers


def may_be_numbered_footnote(text: str) -> bool:
    """Whether the line opens as a footnote numbered as its marker in the text would ("2
    Survey by ..."): the markers need to be looked for only in a text holding such a line."""
    return text[:1].isdigit() and _NUMBERED_NOTE_RE.match(text) is not None


def is_footnote(text: str, line_no: int, markers: dict[str, int]) -> bool:
    """Whether the (normalised) line at raw line ``line_no`` is a footnote: it opens with a
    superscript number ("¹ Figures from the ministry's annual report."), or with a number of
    ``markers`` that a line above it holds as a footnote's marker ("2 Survey by the Patients
    Association." under "thought out.2 Patients"); at most :data:`MAX_FOOTNOTE_WORDS` words.
    A numbered line with no marker above it ("2 cups of flour") stays."""
    if text.count(" ") >= MAX_FOOTNOTE_WORDS:
        return False
    if _SUPERSCRIPT_NOTE_RE.match(text):
        return True
    numbered = _NUMBERED_NOTE_RE.match(text) if markers else None
    return numbered is not None and markers.get(numbered.group(1), line_no) < line_no
