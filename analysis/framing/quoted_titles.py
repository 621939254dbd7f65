"""Titles in quotation marks: the name of a film, book, report, law or slogan is not a quotation.

American news style puts titles of films, songs, reports and television programmes in double
quotation marks (the AP Stylebook's "composition titles"): 'the report "Made in China 2025"',
'the film "The Lord of the Rings"'. Counted as direct quotations, they inflate an outlet's
share of quoted sentences without anyone being quoted. A quoted span reads as a title when
every word is capitalised except short function words ("of", "the", "in"...), its first word
is capitalised, and it is not all capitals (a shouted "NO MORE TARIFFS!" is speech). Speech
written in title case is rare; a title in sentence case ("the report "A new era for trade"")
still counts as a quotation, and so does a span in title case that a colon introduces
('She replied: "Seriously Tommy Vietor?"'); speech in title case after no colon is missed, the
limit of reading case alone. On PerSenT's 31,484 sentences this takes the quotation off 279 of
the 7,663 sentences that held one (attributed 12,693 → 12,468 in ``python -m analysis bench
sourcing``); of 40 of the 279 read at random, none quoted speech: titles of films, books,
reports and shows, names of campaigns and coalitions. Before the colon rule 290 were taken off;
of 40 read then, 2 were speech ("Who's Steve and Eydie?", and one after "responded:").
"""

from __future__ import annotations

import re

# Words a title leaves in lower case (Chicago and AP style, and the particles of names).
_SMALL = """a an the and but or nor for so yet of in on at to by with from as vs vs. via into onto
over per up off out upon than de la le les du des del di da von van der den y e et"""
SMALL_WORDS = frozenset(_SMALL.split())
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_title_like(span: str) -> bool:
    """Whether the words of a quoted ``span`` (without its quotation marks) read as a title:
    capitalised words but for :data:`SMALL_WORDS`, the first word capitalised, not all capitals,
    and at least one cased letter (a span in a script without case is never a title)."""
    letters = _LETTER_RE.findall(span)
    cased = [c for c in letters if c.isupper() or c.islower()]
    if not cased or all(c.isupper() for c in cased):
        return False
    first = True
    for word in span.split():
        head = _LETTER_RE.search(word)
        if head is None:  # "2025", "–"
            continue
        if head.group().isupper():
            first = False
            continue
        if first or word.strip("\"'“”‘’()[],.:;!?").lower() not in SMALL_WORDS:
            return False
    return not first


def only_titles_quoted(text: str, span_pattern: re.Pattern[str]) -> bool:
    """Whether every quoted span of ``text`` found by ``span_pattern`` (group ``q``: the words
    inside the marks; a match without it, a short quotation, is skipped) reads as a title
    (:func:`is_title_like`); False when none is found."""
    spans = [m for m in span_pattern.finditer(text) if m.group("q") is not None]
    return bool(spans) and all(
        is_title_like(m.group("q")) and not _introduced(text, m.start()) for m in spans
    )


def _introduced(text: str, start: int) -> bool:
    """Whether a colon introduces the quotation at ``start`` ('Stephens responded: "Seriously
    Tommy Vietor?"'): speech, whatever its case."""
    return text[:start].rstrip().endswith((":", "："))
