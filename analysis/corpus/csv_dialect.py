"""Which character separates the fields of a "CSV" file, read from its header line.

Spreadsheet programs in locales whose decimal mark is a comma (most of Europe, Latin America)
save "CSV" with semicolons; other exports use tabs or pipes. Read with commas, such a file is
one column named ``id;source;body``, and every column the user names is "missing". The header
line alone decides: column names rarely hold a separator, while a body field often holds all
of them. Where the table starts is read here too (:func:`csv_layout`): after Excel's ``sep=``
directive, or under a report's preamble.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Candidates, a comma first: it wins a tie.
SEPARATORS = (",", ";", "\t", "|")
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def header_separator(text: str) -> str:
    """The separator of a CSV file whose text (or first line) is ``text``: of the comma,
    semicolon, tab and pipe, the one its first line holds most often outside double quotes;
    a comma on a tie, and when the line holds none of them (a file of one column)."""
    line = text.split("\n", 1)[0]
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(SEPARATORS, key=lambda sep: (counts[sep], sep == ","))


# Excel's directive line ("sep=;"), written by tools so that Excel opens the file with the right
# separator; it is not the header.
_DIRECTIVE = re.compile(r'"?sep=(.)"?\s*')
# How far down a header is looked for under a report's preamble (lines, and bytes read).
PREAMBLE_MAX_LINES = 50
HEAD_BYTES = 1 << 16


@dataclass(frozen=True)
class CsvLayout:
    """Where a CSV file's table starts: its ``separator``, the number of lines above its header
    (``header_line``, 0 for a plain file) and those lines (``skipped``), and whether the first
    of them is Excel's ``sep=`` directive (``directive``)."""

    separator: str
    header_line: int = 0
    skipped: tuple[str, ...] = ()
    directive: bool = False


def excel_directive(line: str) -> str | None:
    """The separator that Excel's directive line ``sep=X`` names, or ``None``."""
    match = _DIRECTIVE.fullmatch(line.strip("\ufeff"))
    return match.group(1) if match and match.group(1) in SEPARATORS else None


def header_fields(line: str, separator: str) -> list[str]:
    """The fields of one header line, split at ``separator`` outside double quotes."""
    return next(csv.reader([line], delimiter=separator), [])


def csv_layout(
    head: str, accepts: Callable[[list[str]], bool], separator: str | None = None
) -> CsvLayout:
    """Where the table of a CSV file whose first bytes are ``head`` starts.

    Why: exports are not always a bare table. A tool that writes for Excel may put ``sep=;``
    on the first line, and the exports of media-monitoring and social-listening services
    (Brandwatch, Meltwater, Talkwalker) open with a report's preamble: its name, the query,
    the dates, a blank line, then the header. Read from line 1, such a file has columns named
    ``Report:`` and ``Unnamed: 1``, and every column a user names is "missing".

    The first line is the header when ``accepts`` takes its fields (the columns the user named
    are there, or the default ones). Otherwise the first of the next :data:`PREAMBLE_MAX_LINES`
    lines whose fields ``accepts`` takes is the header, and the lines above it are skipped; if
    none does, the first line with the most fields is taken for it (so that the reader's message
    lists the table's columns, not a preamble's title: a tester's mistyped --map was answered
    with "its columns are: Media monitoring export — Project Tone 2013"). A ``separator`` given
    (a ``.tsv`` file's tab) is used throughout; otherwise each candidate line's own
    (:func:`header_separator`), after a directive line the separator it names. A preamble line
    that a quoted field carries over a line break is not expected.
    """
    lines = head.splitlines()[:PREAMBLE_MAX_LINES]
    if not lines:
        return CsvLayout(separator or ",")
    named = excel_directive(lines[0])
    if named is not None:
        return CsvLayout(separator or named, 1, (lines[0],), directive=True)

    def sep_of(line: str) -> str:
        return separator or header_separator(line)

    if accepts(header_fields(lines[0], sep_of(lines[0]))):
        return CsvLayout(sep_of(lines[0]))
    for k, line in enumerate(lines[1:], start=1):
        if line.strip() and accepts(header_fields(line, sep_of(line))):
            return CsvLayout(sep_of(line), k, tuple(lines[:k]))
    rows = [header_fields(line, sep_of(line)) for line in lines]
    # a header's fields are names; a line of prose that a quoted field carries over a line
    # break, split at its commas, is not one (a tester's export, its texts over several lines,
    # had such a line taken for its header, and was called "empty")
    names = [k for k, row in enumerate(rows) if _names_row(row)]
    k = min(names, key=lambda k: (-_filled(rows[k]), k)) if names else widest_row(rows)
    return CsvLayout(sep_of(lines[k]), k, tuple(lines[:k])) if k else CsvLayout(sep_of(lines[0]))


def _filled(row: Sequence[object]) -> int:
    return sum(1 for v in row if v is not None and str(v).strip())


def _names_row(row: Sequence[object]) -> bool:
    """Whether ``row`` reads as a table's header: two fields or more, each filled one a name of
    at most five words that does not end like a sentence."""
    filled = [str(v).strip() for v in row if v is not None and str(v).strip()]
    return len(filled) >= 2 and all(
        len(v.split()) <= 5 and len(v) <= 60 and not v.endswith((".", "!", "?", "”", '"'))
        for v in filled
    )


def widest_row(rows: Sequence[Sequence[object]]) -> int:
    """The index of the first row with the most non-empty fields: the likeliest header of a
    table under a preamble (a title, a query and dates, one field each) when no row holds the
    columns asked for."""
    counts = [sum(1 for v in row if v is not None and str(v).strip()) for row in rows]
    return counts.index(max(counts)) if counts else 0
