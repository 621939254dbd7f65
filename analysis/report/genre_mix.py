"""Whether the groups compared wrote different kinds of article, said in the summary's opening.

Tone, frames, sourcing and hedging differ by kind of article as much as by outlet: an opinion
column is more negative and less sourced than a news report of the same story. A tester's
outlets were compared at p = 0.026 ("Morning Ledger ... more positive in tone than Daily
Courier") while the Courier's six articles were three opinion pieces, an editorial, a letter and
one news report and the Ledger's mostly news; the corpus's ``genre`` column said so and the
summary did not. Grouped by genre the opposite was already said (one outlet wrote most of a
genre's articles: :func:`analysis.report.summary._dominant_outlets`).

A column of the user's metadata (:func:`analysis.corpus.documents.extra_columns`) whose name has
one of the words of :data:`GENRE_WORDS` ("genre", "section", "type", "kind", "format", or their
plurals: ``genre``, ``article_type``, ``Section``, ``contentFormat``) is read as a kind of
article. Its mix differs strongly between two groups when their shares of its values are at
least :data:`MIX_DIFFERENCE` apart in total variation distance (half the sum of the absolute
differences of the shares: at least half of one group's articles would have to be of another
kind for the two mixes to match). The opening then gives each group's most frequent kind and its
share, computed from ``documents.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

import pandas as pd

from analysis.corpus.documents import extra_columns, text_metadata_columns

# words of a column name that make it a kind of article (each also with an "s")
GENRE_WORDS = ("genre", "section", "type", "kind", "format")
# total variation distance between two groups' mixes from which they "differ strongly"
MIX_DIFFERENCE = 0.5
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def is_genre_column(name: str) -> bool:
    """Whether a column's name has a word of :data:`GENRE_WORDS` (or its plural), the words
    split at anything not a letter and at a capital after a small letter ("article_type",
    "contentFormat", "Genre", "sections")."""
    words = {w.lower() for w in _WORDS.findall(str(name))}
    return any(w in words or f"{w}s" in words for w in GENRE_WORDS)


def genre_columns(docs: pd.DataFrame, group_col: str) -> list[str]:
    """The user's metadata columns of ``docs`` that name a kind of article
    (:func:`is_genre_column`), other than ``group_col``, that hold labels (not text:
    :func:`analysis.corpus.documents.text_metadata_columns`), in the table's order."""
    text = set(text_metadata_columns(docs))
    return [
        c for c in extra_columns(docs) if c != group_col and c not in text and is_genre_column(c)
    ]


def _values(docs: pd.DataFrame, column: str) -> pd.Series:
    """The column's values as written, stripped; blank and missing ones as ``<NA>``."""
    values = docs[column].astype("string").str.strip()
    return values.where(values != "")


def mix_difference(docs: pd.DataFrame, group_col: str, column: str) -> float:
    """The largest total variation distance between two groups' shares of ``column``'s values
    (articles without a value left out); 0.0 when fewer than two groups have a value, or when no
    value is shared by two articles (a column of ids or titles, not of kinds)."""
    values = _values(docs, column)
    kept = values.notna()
    if not kept.any() or values[kept].value_counts().max() < 2:
        return 0.0
    table = pd.crosstab(docs.loc[kept, group_col].astype(str), values[kept])
    if len(table) < 2:
        return 0.0
    shares = table.div(table.sum(axis=1), axis=0)
    return max(
        0.5 * float((shares.loc[a] - shares.loc[b]).abs().sum())
        for a, b in combinations(shares.index, 2)
    )


def mix_column(docs: pd.DataFrame, group_col: str) -> str:
    """The genre column (:func:`genre_columns`) whose mix differs most between the groups, when
    it differs strongly (:data:`MIX_DIFFERENCE` or more; the first in the table's order of those
    that differ alike), else ``""``."""
    best, found = MIX_DIFFERENCE, ""
    for column in genre_columns(docs, group_col):
        difference = mix_difference(docs, group_col, column)
        if difference >= best and not (found and difference == best):
            best, found = difference, column
    return found


def group_mixes(
    docs: pd.DataFrame, group_col: str, column: str, order: Sequence[str]
) -> tuple[tuple[str, int, int, str, int], ...]:
    """(group, its articles, those with a value of ``column``, its most frequent value, that
    value's articles) of each group of ``order`` that has a value; the most frequent value is
    the one of most articles, ties broken by the value, so the answer does not depend on row
    order."""
    rows = []
    labels = docs[group_col].astype(str)
    values = _values(docs, column)
    for group in order:
        of_group = labels == group
        counts = values[of_group & values.notna()].astype(str).value_counts()
        if counts.empty:
            continue
        top = sorted(counts.index, key=lambda v: (-int(counts[v]), v))[0]
        rows.append(
            (str(group), int(of_group.sum()), int(counts.sum()), str(top), int(counts[top]))
        )
    return tuple(rows)


def share_words(n_top: int, total: int) -> str:
    """How much of a group one kind is: "all", "mostly" (more than half), "half", "most often"
    (the largest kind, less than half)."""
    if n_top == total:
        return "all"
    if n_top * 2 > total:
        return "mostly"
    return "half" if n_top * 2 == total else "most often"
