"""Files that hold several articles: the plain-text exports of news databases (internal).

Researchers often save a LexisNexis, Nexis Uni or Factiva search as one plain-text file of many
articles. Put in a corpus folder, such a file is read as one article: its outlets, dates and
tones are pooled, its sentences counted once, and nothing looks wrong in the tables. The
databases mark where each article starts or ends with lines of their own, which this module
counts so that loading can warn:

- LexisNexis Academic: ``12 of 100 DOCUMENTS`` before each article;
- Nexis Uni: ``End of Document`` after each article;
- Factiva: ``Document WSJ0000020180315ee3f0004d`` (its 25-character id) after each article.

Two or more marks of one kind in a file mean several articles. Splitting them is left to the
user (the databases' metadata lines differ by product and year; R's LexisNexisTools parses
them): the warning says how.
"""

from __future__ import annotations

import re

# Each kind of mark, as a whole line.
ARTICLE_MARKS: dict[str, re.Pattern[str]] = {
    "LexisNexis ('N of M DOCUMENTS')": re.compile(r"^[ \t]*\d+ of \d+ DOCUMENTS[ \t]*$", re.M),
    "Nexis Uni ('End of Document')": re.compile(r"^[ \t]*End of Document[ \t]*$", re.M),
    "Factiva ('Document <id>')": re.compile(r"^[ \t]*Document [A-Za-z0-9]{25}[ \t]*$", re.M),
}


def article_marks(text: str) -> tuple[str, int]:
    """The kind of database mark found most often in ``text`` and how many times, or
    ``("", 0)`` when there is none."""
    best = ("", 0)
    for kind, pattern in ARTICLE_MARKS.items():
        n = len(pattern.findall(text))
        if n > best[1]:
            best = (kind, n)
    return best


def several_articles_warning(names: list[str], texts: list[str]) -> str | None:
    """The warning for the files among ``names`` whose ``texts`` hold two or more marks of one
    database's articles (:func:`article_marks`), naming each with its count; None when none
    does."""
    found = []
    for name, text in zip(names, texts, strict=True):
        kind, n = article_marks(text)
        if n >= 2:
            found.append(f"{name} ({n} marks of {kind})")
    if not found:
        return None
    return (
        f"{len(found)} file(s) look like a news database's export of several articles, read as "
        f"one article each: {'; '.join(found)}. Their tone, frames and counts pool every "
        "article in them. Save each article as its own .txt file (with a manifest.csv row), or "
        "export the search as CSV, one article per row."
    )
