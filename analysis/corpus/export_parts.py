"""The parts of a news database's export and the roles of their lines (internal).

Shared by the readers of each database's layout (:mod:`analysis.corpus.database_exports` for
Nexis Uni and LexisNexis, :mod:`analysis.corpus.factiva` for Factiva): an article's part of the
file, what is read from it, the bookkeeping that gives every line that is not the article's text
a role (so that the audit accounts for each), and the date lines of the databases' interfaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

COPYRIGHT = re.compile(r"^[ \t\u00a0]*(?:Copyright\b|©|\(c\)|All Rights Reserved)", re.I)

# Month names of the interfaces the databases are used in: a Dutch Nexis Uni export writes
# "12 oktober 2023 donderdag" under English field names, a German one "12. Oktober 2023";
# and the abbreviations a German, Austrian, French or Spanish spreadsheet writes ("31. Dez.
# 2024", "14-Mrz-24", "31 déc. 2024": a tester's European export kept them as text)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "januari", "januar", "jän", "janvier", "janv", "enero", "ene"),
            ("february", "feb", "februari", "februar", "février", "févr", "fév", "febrero"),
            ("march", "mar", "maart", "märz", "mär", "mrz", "mars", "marzo"),
            ("april", "apr", "avril", "avr", "abril", "abr"),
            ("may", "mei", "mai", "mayo"),
            ("june", "jun", "juni", "juin", "junio"),
            ("july", "jul", "juli", "juillet", "juil", "julio"),
            ("august", "aug", "augustus", "août", "agosto", "ago"),
            ("september", "sep", "sept", "septembre", "septiembre"),
            ("october", "oct", "oktober", "okt", "octobre", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "October 12, 2025 Sunday", "12 October 2025", "Oct. 12, 2025", "12. Oktober 2025",
# "1er octobre 2025", "12 de octubre de 2025": a date line of a header
_DATE = re.compile(
    rf"\b(?:(?P<month1>{_MONTH})\.?\s+(?P<day1>\d{{1,2}}),?\s+(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:\.|er)?\s+(?:de\s+)?(?P<month2>{_MONTH})\.?,?\s+(?:de\s+)?"
    rf"(?P<year2>\d{{4}})"
    # a spreadsheet's "14-Mrz-24", "14-Mar-2024"
    rf"|(?P<day3>\d{{1,2}})-(?P<month3>{_MONTH})-(?P<year3>\d{{4}}|\d{{2}}))\b",
    re.I,
)
_DATE_LINE_MAX = 80  # a header's date line is short; a longer line holding a date is a headline


@dataclass(frozen=True)
class ExportArticle:
    """One article's part of an export file: the lines from where the previous article's part
    ended (the file's start, for the first) to where its own ends."""

    kind: str  # NEXIS_UNI, LEXISNEXIS or FACTIVA (analysis.corpus.database_exports)
    number: int  # 1-based, in the file's order
    count: int  # articles in the file
    first_line: int  # 1-based line of the file where this part starts
    text: str  # the part, as the file has it


@dataclass(frozen=True)
class ExportFields:
    """What :func:`read_export_article` reads from one article's part."""

    body: str  # the part with every line that is not the article's text made empty
    metadata: dict[str, str]  # title, outlet, published (ISO), date_text, byline, section
    # (line number in the part, the line, its role) for each non-blank line left out of the body
    other_lines: list[tuple[int, str, str]] = field(default_factory=list)
    # (line number in the part, the line, the text kept of it) for each line of the body that
    # holds a field's code beside its text (Factiva's "TD|First paragraph")
    edited_lines: list[tuple[int, str, str]] = field(default_factory=list)


def part_lines(text: str) -> list[str]:
    """The lines of ``text``, a Windows line end (``\\r\\n``) or a lone ``\\r`` ending one as
    ``\\n`` does, as cleaning counts them (:func:`analysis.corpus.cleaning.clean_text`)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def cut_parts(lines: list[str], bounds: list[int], kind: str) -> list[ExportArticle]:
    count = len(bounds) - 1
    return [
        ExportArticle(kind, n + 1, count, start + 1, "\n".join(lines[start:end]))
        for n, (start, end) in enumerate(pairwise(bounds))
    ]


class LineRoles:
    """The role of each line of a part that is not its text, and the metadata read."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.roles: dict[int, str] = {}
        self.metadata: dict[str, str] = {}
        self.edits: dict[int, str] = {}
        self.texts: set[int] = set()  # header lines that are the article's text (keep_text)

    def mark(self, start: int, end: int, role: str) -> None:
        for i in range(start, end):
            if self.lines[i].strip() and i not in self.roles and i not in self.texts:
                self.roles[i] = role

    def keep_text(self, index: int, text: str) -> None:
        """Keep the header line at ``index`` as the article's text, as ``text`` (its field's
        name taken off), never marked as the header's: Nexis Uni's "Highlight:" line."""
        self.texts.add(index)
        self.edit(index, text)

    def take(self, index: int, key: str, value: str) -> None:
        value = " ".join(value.split())
        if value and key not in self.metadata:
            self.metadata[key] = value
            self.roles[index] = key

    def edit(self, index: int, text: str) -> None:
        """Keep only ``text`` of the line at ``index`` in the body (a field's code taken off)."""
        if text != self.lines[index]:
            self.edits[index] = text

    def fields(self) -> ExportFields:
        body = [
            "" if i in self.roles else self.edits.get(i, line) for i, line in enumerate(self.lines)
        ]
        others = [(i + 1, self.lines[i], role) for i, role in sorted(self.roles.items())]
        edited = [
            (i + 1, self.lines[i], text)
            for i, text in sorted(self.edits.items())
            if i not in self.roles
        ]
        return ExportFields("\n".join(body), dict(self.metadata), others, edited)


def date_of(line: str) -> tuple[str, str] | None:
    """The ISO date and the date as written, when ``line`` is a header's date line."""
    if len(line.strip()) > _DATE_LINE_MAX:
        return None
    found = _DATE.search(line)
    if found is None:
        return None
    month = MONTHS[(found["month1"] or found["month2"] or found["month3"]).lower()]
    day = int(found["day1"] or found["day2"] or found["day3"])
    year = int(found["year1"] or found["year2"] or found["year3"])
    if year < 100:  # a two-digit year, read as Python's strptime reads it
        year += 2000 if year < 69 else 1900
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    return iso, " ".join(line.split())
