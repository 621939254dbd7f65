"""Which character separates the fields of a "CSV" file, read from its header line.

Spreadsheet programs in locales whose decimal mark is a comma (most of Europe, Latin America)
save "CSV" with semicolons; other exports use tabs or pipes. Read with commas, such a file is
one column named ``id;source;body``, and every column the user names is "missing". The header
line alone decides: column names rarely hold a separator, while a body field often holds all
of them.
"""

from __future__ import annotations

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
