"""Other ways of marking a quotation, rewritten as curly double quotation marks “…”.

Sourcing (:mod:`analysis.framing.sourcing`) reads quotations in double quotation marks,
straight or curly. Copy also quotes in single curly quotation marks (British style, ‘We recycle
80 per cent of our water,’ said Dev Patel), in guillemets (« … » in French style, » … « in
German) and, in the interview style of continental copy, after a dash that opens the sentence
("— We will not move, says Paolo Renzi."). Unrecognised, the words inside were read as the
attribution: "‘The council officials told us nothing,’ said Dev Patel" credited government
officials, and a verb inside the quotation made a sentence attributed. :func:`as_double_quotes`
rewrites these marks as “ and ” before anything else is read, so that such quotations count
exactly as double-quoted ones and their words never name the speaker.

* **Single curly quotes**: ‘ opens a quotation at the start of the text or after a character
  that is not a letter or digit, and before one that is (perhaps after a space, as tokenised
  text writes it: "a plan to ‘ lift our citizens’"); the quotation closes at the first ’
  that is not followed by a letter or digit (not the apostrophe of "don’t") and not preceded by
  a space (not that of "’90s"). A ’ after an "s" and before a word ("the students’ union") is
  a possessive as often as a closing mark: it closes the quotation only when no other closing
  mark follows. Single quotes inside a double-quoted span (or before the closing mark of a
  quotation opened in an earlier sentence) are a quotation within a quotation and are left
  alone. A ’ after a comma, full stop, question or exclamation mark with no ‘ before it
  closes a quotation opened in an earlier sentence. An opening ‘ with no closing mark is
  left alone unless it opens the text (a quotation the sentence splitter cut).
* **Guillemets**: « opens and » closes, or the other way round when the first one is »; a text
  holding only one kind of them is left alone (a lone » separates a page's sections).
* **Dash interviews**: a text that opens with an em or en dash and a word is a quotation up to
  an incise that names its speaker (", says Paolo Renzi, who ...": a comma, then an attribution
  verb, or a name of capitalised words and one); without an incise, only when the text before
  it in the same document opened so too (the second line of the same answer: "— Guests read
  about the drought."), as a dash opening a line is also a list's bullet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

_OPEN, _CLOSE = "“", "”"
_DOUBLE_SPAN = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# a double quotation closed before any opens (sourcing's _QUOTE_TAIL)
_DOUBLE_TAIL = re.compile(r'^[^"“”]*(?:”|[^\s"“”]"(?:\s|$))')
_PUNCTUATION_BEFORE = frozenset(",.!?…")
_DASH_OPEN = re.compile(r"^\s*[—–]\s*(?=\w)")
# A closing single mark right after punctuation, before a space or the end: the only ’ that
# _single_quotes rewrites in a text without an opening ‘ (any other ’ is an apostrophe there).
_TAIL_CLOSE = r"[,.!?…]’(?: |$)"
_TAIL_CLOSE_RE = re.compile(r"[,.!?…]’(?= |\Z)")
# Texts worth a look: an opening single curly quotation mark, a closing one that may end a
# quotation opened before (_TAIL_CLOSE), a guillemet, or a dash opening the text. Texts with
# none of them (an apostrophe, "don’t", is no reason to look) come out of as_double_quotes
# unchanged, so they are not read one by one in Python.
ANY_MARK = rf"[‘«»]|{_TAIL_CLOSE}|^\s*[—–]"
# the single curly marks, where _single_quotes' scan stops (all other characters pass)
_SINGLE_MARK_RE = re.compile("[‘’]")
_OPENS_WORDS_RE = re.compile(r"‘ ?\w")
_DECADE_RE = re.compile(r"‘\d\ds\b")


def _inside_double(text: str) -> np.ndarray:
    """Per character of ``text``, whether it stands inside a double-quoted span."""
    inside = np.zeros(len(text) + 1, dtype=bool)
    tail = _DOUBLE_TAIL.match(text)
    if tail is not None:  # closed here, opened in an earlier sentence: 'she said ‘No.’”'
        inside[: tail.end()] = True
        text = " " * tail.end() + text[tail.end() :]
    for match in _DOUBLE_SPAN.finditer(text):
        inside[match.start() : match.end()] = True
    return inside


def _is_word(char: str) -> bool:
    return char.isalnum()


def _single_quotes(text: str) -> str:
    """``text`` with its quotations in single curly quotation marks in double ones (module
    docstring); apostrophes and single quotes inside double-quoted spans left as they are."""
    # Without an opening ‘, only a ’ after punctuation and before a space or the end can be
    # rewritten (the tail of a quotation opened before): any other text is returned as it is.
    if "‘" not in text and ("’" not in text or _TAIL_CLOSE_RE.search(text) is None):
        return text
    inside = _inside_double(text)
    chars = list(text)
    n = len(text)
    resume = 0  # where the scan goes on: after the closing mark of a quotation just rewritten
    opened_before = False
    # only the single marks do anything: the scan visits them alone, in order
    for mark in _SINGLE_MARK_RE.finditer(text):
        i = mark.start()
        if i < resume:
            continue
        c = mark.group()
        if c == "‘":
            opened_before = True  # a closing ’ after it is no tail of an earlier quotation
        if c == "’":
            # a closing mark after punctuation, nothing opened here: the tail of a quotation
            if (
                not opened_before
                and not inside[i]
                and i > 0
                and text[i - 1] in _PUNCTUATION_BEFORE
                and (i + 1 == n or text[i + 1] == " ")
            ):
                chars[i] = _CLOSE
                opened_before = True  # only the first such mark
            continue
        if inside[i] or (i > 0 and _is_word(text[i - 1])):
            continue
        if not _OPENS_WORDS_RE.match(text, i) or _DECADE_RE.match(text, i):
            continue  # "‘ " alone or "‘90s" (an apostrophe written the wrong way round)
        close = _closing(text, i + 1, inside)
        if close is None:
            if not text[:i].strip():  # a quotation opening the text, cut by the splitter
                chars[i] = _OPEN
            continue
        chars[i], chars[close] = _OPEN, _CLOSE
        resume = close + 1
    return "".join(chars)


def _closing(text: str, start: int, inside: np.ndarray) -> int | None:
    """Where the quotation opened before ``start`` closes, or None (module docstring)."""
    possessive = None
    for j in range(start, len(text)):
        c = text[j]
        if c == "‘" and not _is_word(text[j - 1]):
            break  # another quotation opens: this one was an apostrophe
        if c != "’" or inside[j] or text[j - 1].isspace():
            continue
        after = text[j + 1] if j + 1 < len(text) else ""
        if after and _is_word(after):
            continue  # "don’t"
        if after == " " and text[j - 1] in "sS" and j + 2 < len(text) and _is_word(text[j + 2]):
            possessive = possessive if possessive is not None else j  # "the students’ union"
            continue
        return j
    return possessive


def _guillemets(text: str) -> str:
    """``text`` with guillemets as curly double quotation marks: « … » or » … «."""
    first = re.search("[«»]", text)
    if first is None or "«" not in text or "»" not in text:
        return text  # a lone one is a separator ("Opinion » Why I quit"), not a quotation
    opening, closing = ("«", "»") if first.group() == "«" else ("»", "«")
    return text.replace(opening, _OPEN).replace(closing, _CLOSE)


def _dash_incise(verb_pattern: str) -> re.Pattern[str]:
    """An incise naming a dash quotation's speaker: a comma, then an attribution verb or a
    name of capitalised words and a verb (", says Paolo Renzi", ", Renzi says")."""
    name = r"(?:[A-Z][\w.'’-]*\s+){1,4}"
    return re.compile(rf",\s+(?=(?:{name})?(?i:{verb_pattern}))")


def _dash_quote(text: str, incise: re.Pattern[str], follows_one: bool) -> tuple[str, bool]:
    """``text`` with a dash interview quotation in curly double quotation marks, and whether it
    held one (module docstring)."""
    opening = _DASH_OPEN.match(text)
    if opening is None or "“" in text or '"' in text:
        return text, False
    body = text[opening.end() :]
    found = incise.search(body)
    if found is not None:
        return f"{_OPEN}{body[: found.start()]},{_CLOSE}{body[found.start() + 1 :]}", True
    if follows_one:
        return f"{_OPEN}{body.rstrip()}{_CLOSE}", True
    return text, False


def as_double_quotes(
    texts: pa.Array, verb_pattern: str, doc_ids: Sequence[object] | None = None
) -> pa.Array:
    """``texts`` with quotations in single curly quotation marks, guillemets or the dash
    interview style rewritten in curly double quotation marks (module docstring). ``verb_pattern``
    is the sourcing lexicon's attribution verbs (a dash quotation's incise); ``doc_ids``, each
    text's document in reading order, lets a dash line continue the one before it, which read
    alone it never does. Only texts holding such a mark are rewritten."""
    from analysis.framing.frames import regex_contains

    rows = np.flatnonzero(regex_contains(texts, ANY_MARK, ignore_case=False))
    if not len(rows):
        return texts
    incise = _dash_incise(verb_pattern)
    values = texts.take(pa.array(rows, type=pa.int64())).to_pylist()
    rewritten: list[str | None] = []
    dash_quoted: dict[int, bool] = {}
    for row, text in zip(rows.tolist(), values, strict=True):
        if text is None:
            rewritten.append(None)
            continue
        follows_one = (
            doc_ids is not None
            and dash_quoted.get(row - 1, False)
            and doc_ids[row - 1] == doc_ids[row]
        )
        text, dash_quoted[row] = _dash_quote(text, incise, bool(follows_one))
        rewritten.append(_single_quotes(_guillemets(text)))
    index = np.arange(len(texts), dtype=np.int64)
    index[rows] = len(texts) + np.arange(len(rows), dtype=np.int64)
    part = pa.array(rewritten, type=texts.type)
    return pa.concat_arrays([texts, part]).take(pa.array(index))
