"""Hard-wrapped text: the width a text is wrapped at, and words hyphenated at a line's end.

Text copied out of a PDF (an e-paper edition, a report) keeps the lines of its columns: each
line ends where the column did, and a word too long for the line is hyphenated there ("gov-" /
"ernment"). Cleaning joins such lines into paragraphs
(:func:`analysis.corpus.block_rules.continues_previous`); this module says, for one text, how
long a line must be before the next may continue it (:func:`wrap_minimum`: a narrow column's
lines are short), and whether a hyphen at a line's end goes when its lines are joined
(:func:`joins_without_hyphen`: "gov-" / "ernment" is "government", "well-" / "known" is
"well-known").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from statistics import median

from analysis.corpus.block_rules import (
    _CLOSERS,
    _TERMINAL,
    MIN_WRAPPED_LEN,
    starts_in_lower_case,
)

# A column narrower than this is no column of prose: a menu's items, a list of names. Lines this
# short never join, whatever the text's wrap width.
NARROWEST_COLUMN = 20
# The fewest lines that stop mid-sentence over a lower-case line that make a wrap width: fewer
# could be a headline over "by Jane Doe" or a label over a lower-case link
WRAP_EVIDENCE = 3
# ... and this share of the text's lines at least: most lines of a column stop mid-sentence over
# a lower-case line, where a web page's few lower-case menu items ("switch to the US edition")
# are a small part of its lines
WRAP_SHARE = 0.3
# A wrapped line may be this much shorter than the text's typical wrapped line (the next word
# did not fit): a column of 30 characters has lines of 22 to 30
WRAP_SLACK = 0.7


@dataclass(frozen=True)
class Wrapping:
    """How a text is wrapped: the shortest line a next line may continue (``minimum``), and
    whether its lines show it hard-wrapped at all (``wrapped``)."""

    minimum: int = MIN_WRAPPED_LEN
    wrapped: bool = False


def read_wrapping(lines: Sequence[str]) -> Wrapping:
    """How the text of ``lines`` (its raw lines, in order, blank ones included) is wrapped,
    read from the text itself.

    The evidence is the text's lines of :data:`NARROWEST_COLUMN` characters or more that stop
    mid-sentence right above a line opening in lower case (no blank line between): the lines
    of a hard-wrapped paragraph. With :data:`WRAP_EVIDENCE` of them or more, making up
    :data:`WRAP_SHARE` of the text's lines, the text is hard-wrapped, and the minimum is
    :data:`WRAP_SLACK` of their median length, but never under :data:`NARROWEST_COLUMN` nor
    over :data:`~analysis.corpus.block_rules.MIN_WRAPPED_LEN`: a tester's e-paper column
    wrapped at 30 characters was never joined (15 sentences for 2), since the join wanted a
    previous line of 40. A menu of short lower-case lines gives no evidence and so stays
    apart, and a web page's few longer ones are too small a part of its lines.
    """
    found = []
    n_lines = 0
    for previous, line in pairwise(["", *lines]):
        previous, line = previous.strip(), line.strip()
        n_lines += bool(line)
        if len(previous) < NARROWEST_COLUMN:
            continue
        if line.startswith("- ") or not starts_in_lower_case(line):
            continue
        core = previous.rstrip(_CLOSERS)
        if core and core[-1] not in _TERMINAL:
            found.append(len(" ".join(previous.split())))
    if len(found) < max(WRAP_EVIDENCE, WRAP_SHARE * n_lines):
        return Wrapping()
    width = int(WRAP_SLACK * median(found))
    return Wrapping(max(NARROWEST_COLUMN, min(MIN_WRAPPED_LEN, width)), wrapped=True)


def wrap_minimum(lines: Sequence[str]) -> int:
    """The shortest line that a next line may continue in the text of ``lines``:
    :data:`~analysis.corpus.block_rules.MIN_WRAPPED_LEN`, or less for a text wrapped narrower
    (:func:`read_wrapping`)."""
    return read_wrapping(lines).minimum


# Words that open a hyphenated compound more often than a hyphenated word: a line ending on
# one of them and a hyphen keeps the hyphen ("well-" / "known"). Kept short on purpose: "so-",
# "ex-", "ill-", "co-" or "non-" also end the first syllable of "social", "example", "illness",
# "coalition" and "nonsense", which a typesetter hyphenates there.
COMPOUND_FIRST = frozenset({"self", "well", "half", "cross", "far", "short", "long", "full"})
# Words that close a hyphenated compound ("Russian-" / "backed", "five-" / "year"); none is the
# end of a common word hyphenated before it
COMPOUND_SECOND = frozenset(
    {"based", "led", "backed", "owned", "run", "made", "style", "old", "related", "born"}
    | {"elect", "free", "friendly", "like", "wide", "sized", "scale", "level", "term", "called"}
    | {"known", "year", "month", "week", "day", "hour", "minute", "mile", "foot", "point"}
    | {"time", "century", "decade", "page", "member", "party", "state", "speaking"}
)  # fmt: skip
_LAST_WORD_RE = re.compile(r"([^\W_][\w'’.]*)-$")  # "gov-", "1.36-" (the word, then the hyphen)
_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")  # "ernment" of "ernment cut ...", "known" of "known,"
_HYPHENATED_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "well-known", "so-called"
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass
class WordForms:
    """The words of one text, read when a line's hyphen needs them (most texts have none)."""

    text: str

    @cached_property
    def hyphenated(self) -> frozenset[str]:
        """The pairs of words the text writes with a hyphen between them inside a line
        ("well-known" of "a well-known face"), case-folded: "well-known", "so-called"."""
        pairs = set()
        for found in _HYPHENATED_RE.finditer(self.text):
            parts = found.group().casefold().split("-")
            pairs.update(f"{a}-{b}" for a, b in pairwise(parts))
        return frozenset(pairs)

    @cached_property
    def words(self) -> frozenset[str]:
        """The words of the text, case-folded (a hyphenated one is two words)."""
        return frozenset(word.casefold() for word in _WORD_RE.findall(self.text))


def ends_in_hyphen(previous: str) -> bool:
    """Whether ``previous`` ends on a word (or a number) and a hyphen: "gov-", "1.36-"."""
    return _LAST_WORD_RE.search(previous) is not None


def joins_without_hyphen(previous: str, line: str, forms: WordForms | None) -> bool:
    """Whether the hyphen ending ``previous`` goes when ``line`` is joined to it as the rest of
    its last word ("gov-" / "ernment cut ..." gives "government"); else the word is a compound
    split at its own hyphen, which stays ("well-" / "known" gives "well-known").

    Decided, in this order, by: a number or a single letter before the hyphen ("1.36-kilogram",
    "e-mail") keeps it; the text itself, which elsewhere writes the pair with a hyphen inside a
    line (keep it) or the joined word (drop it); the common first and second parts of
    compounds (:data:`COMPOUND_FIRST`, :data:`COMPOUND_SECOND`), which keep it; otherwise the
    hyphen goes, as a line-end hyphen in a justified column is mostly the typesetter's. A
    capitalised rest ("Franco-" / "German") always keeps it: a hyphenated word does not
    continue in capitals. ``forms``: the words of the whole text (None: the lists alone).
    """
    end = _LAST_WORD_RE.search(previous)
    start = _FIRST_WORD_RE.match(line)
    if end is None or start is None or not line[:1].islower():
        return False
    first, rest = end.group(1), start.group()
    if len(first) < 2 or not first.isalpha():
        return False
    first, rest = first.casefold(), rest.casefold()
    if forms is not None:
        if f"{first}-{rest}" in forms.hyphenated:
            return False
        if first + rest in forms.words:
            return True
    return first not in COMPOUND_FIRST and rest not in COMPOUND_SECOND


def joined_words(previous: str, line: str, forms: WordForms | None) -> tuple[str, str]:
    """``(previous, separator)`` to join ``line`` after: ``previous`` without its line-end
    hyphen and no separator when the hyphen goes (:func:`joins_without_hyphen`), ``previous``
    and no separator when a hyphenated compound is rejoined, ``previous`` and a space else."""
    if not ends_in_hyphen(previous):
        return previous, " "
    if joins_without_hyphen(previous, line, forms):
        return previous[:-1], ""
    return previous, ""
