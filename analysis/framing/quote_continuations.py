"""Quotations that run over several sentences or paragraphs, opened in one and closed later.

By the English convention a quotation of several paragraphs opens each paragraph with a
quotation mark and closes only the last one; a quotation of several sentences in one paragraph
is cut by the sentence splitter into an opening, sentences with no mark at all and a closing
one. Read one sentence at a time, the sentences between the opening and the closing hold no
quotation mark: they counted as no quotation, and a verb inside them ("My son has told me he's
looking for work") made them attributed to no one. :func:`continued_quotations` finds such
quotations within a document, in reading order, over double quotation marks (straight or
curly; single ones inside are quotations within the quotation):

* a sentence that leaves a quotation open (its last double mark opens one) **opens** it;
* the sentences after it that hold no double mark, or that open with a quotation mark and hold
  no other (the next paragraph of the same quotation), are **inside** it;
* the first sentence whose first double mark closes it, or that reopens it and then closes it
  ("“If the district cuts ...,” said Maria Ruiz, a parent."), **closes** it.

A quotation is kept only when it closes within :data:`MAX_INSIDE` sentences of the same
document and nothing else interrupts it (a mark opening a new quotation in the middle of a
sentence while one is open: the marks are not those of a continued quotation). Sourcing
(:func:`analysis.framing.sourcing.sourcing_matrix`) reads the sentences inside as quotations
(``has_quote``; their words, verbs included, are what is said; the opening is a quotation
as read alone, not when a mark ends it with no word after) and credits the opening and the
inside sentences with the kinds of the speaker named where the quotation opens, else where it
closes, else the opening's own credit as a follow-up (:mod:`analysis.framing.follow_ups`).

Limit: the sentences table keeps no paragraph boundaries (each line of a cleaned text is split
on its own, then the lines' sentences are listed together), so a sentence with no mark after an
unclosed quotation is taken to continue it whether it stands in the same paragraph or in the
next; a quotation a writer forgot to close is caught only by the closing that must follow
within :data:`MAX_INSIDE` sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The most sentences inside one continued quotation (between its opening and its closing)
MAX_INSIDE = 10
_MARKS = frozenset('“”"')


@dataclass(frozen=True)
class ContinuedQuotation:
    """One quotation over several sentences: the rows of its opening, of the sentences inside
    it and of its closing, in reading order."""

    opening: int
    inside: tuple[int, ...]
    closing: int


# the marks found by one regex scan, not a per-character Python loop; most sentences hold none
_MARK_RE = re.compile("[" + "".join(sorted(_MARKS)) + "]")


def _has_mark(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark (three plain substring tests)."""
    return '"' in text or "“" in text or "”" in text


def _marks(text: str) -> list[tuple[int, str]]:
    """(position, mark) of each double quotation mark in ``text``, in order."""
    if not _has_mark(text):
        return []
    return [(m.start(), m.group()) for m in _MARK_RE.finditer(text)]


def _leaves_open(marks: list[tuple[int, str]]) -> bool:
    """Whether a sentence read from outside any quotation ends inside one (its straight marks
    alternate; a curly mark says which it is)."""
    inside = False
    for _, mark in marks:
        inside = True if mark == "“" else False if mark == "”" else not inside
    return inside


def _ends_open(text: str) -> bool:
    """:func:`_leaves_open` of ``text``'s marks, without listing them: the last curly mark says
    whether the text is inside a quotation there (none: outside, at its start), and each
    straight mark after it turns that over."""
    last = max(text.rfind("“"), text.rfind("”"))
    inside = last >= 0 and text[last] == "“"
    return inside != (text.count('"', last + 1) % 2 == 1)


def continued_quotations(
    texts: Sequence[str | None], doc_ids: Sequence[object]
) -> list[ContinuedQuotation]:
    """The quotations that run over several sentences of one document (module docstring);
    ``texts`` are the sentences in reading order, a document's rows together."""
    if len(texts) != len(doc_ids):
        raise ValueError(f"continued_quotations: {len(doc_ids)} doc_ids for {len(texts)} texts")
    found: list[ContinuedQuotation] = []
    opening: int | None = None
    inside: list[int] = []
    for row, text in enumerate(texts):
        if opening is not None and doc_ids[row] != doc_ids[opening]:
            opening = None  # a document ended inside a quotation: not one
        if opening is None:
            # nothing open: a text opens a quotation when it ends inside one; one without a
            # mark (most sentences) does not
            if text and _has_mark(text) and _ends_open(text):
                opening, inside = row, []
            continue
        text = text or ""
        marks = _marks(text)
        if not marks:
            inside.append(row)
            if len(inside) > MAX_INSIDE:
                opening = None
            continue
        at, first = marks[0]
        starts = not text[:at].strip()
        if first == "”" or (first == '"' and not starts):
            found.append(ContinuedQuotation(opening, tuple(inside), row))
            opening = None
            continue
        if starts and len(marks) == 1:  # the next paragraph of the same quotation
            inside.append(row)
            if len(inside) > MAX_INSIDE:
                opening = None
            continue
        if starts and marks[1][1] in '”"':  # reopened, then closed
            found.append(ContinuedQuotation(opening, tuple(inside), row))
            opening = None
            continue
        # another quotation opens: these marks are not a continued one (this may open one)
        opening = None
        if _leaves_open(marks):
            opening, inside = row, []
    return found
