"""Word lists turned into regular expressions: one phrase builder, one validator, one reader.

Five measures match word lists kept as data: actors (``actors.toml``), hedges and certainty
markers (``hedges.toml``), sources and attribution verbs (``sources.toml``), the news-domain terms
of the sentiment variant (``vader_news_terms.csv``) and the frame codebook (``frames.toml``). They
all build their patterns here, so "what counts as a whole word", "which characters may sit between
the words of a phrase" and "which apostrophes match each other" are decided in one module:

* :func:`literal_word` escapes one word; straight and curly apostrophes match each other.
* :func:`phrase_pattern` joins the words of a phrase with a gap (:data:`SPACES`,
  :data:`SPACES_OR_HYPHENS` or :data:`SPACES_OR_DASHES`), takes a per-word pattern (the codebook
  plugs in its stem-aware words, the news terms a plural on the last word) and puts a word
  boundary at an edge of the phrase that is a letter or digit.
* :func:`longest_first` orders alternatives so the longest phrase wins where several start at
  the same place; :func:`alternation` joins patterns, optionally ignoring case inside the group;
  :func:`whole_words` / :func:`compile_whole_words` wrap a whole alternation in look-arounds.
* :func:`word_list` validates a list of non-empty, unique strings, :func:`pattern_list` a list
  of regular expressions, and :func:`read_toml` reads a TOML file (:func:`parse_toml` parses a
  text already read); every error is a :class:`LexiconError` that names the file, the list and
  the entry.

Word boundaries: the one place
------------------------------
Every word-boundary token used by the lexicon patterns comes from this module:
:data:`WORD_BOUNDARY` (``\\b``), :data:`WORD_CHAR` (``\\w``), :func:`edge_boundary` (through
:func:`bounded`) and the look-arounds of :func:`whole_words`. The codebook, hedge and sourcing
patterns run in pyarrow's RE2 kernels (and, for ``frame_hits``, Python's ``re`` with
``re.ASCII``), where ``\\b`` and ``\\w`` are ASCII-only and look-arounds do not exist. So the
boundary at each edge of a term is chosen by the character at that edge (:func:`edge_boundary`):

* an ASCII letter or digit gets ``\\b`` (what every bundled word list uses; unchanged);
* a letter of a script written without spaces between words (Han, kana, Thai, Lao, Khmer,
  Myanmar: :data:`NO_SPACE_SCRIPTS`) gets no boundary at all, since "关税" sits between other
  letters in running text ("对关税政策"); such a term matches wherever its characters occur;
* any other letter or digit ("é" in "café", "ü" in "Zürich" is inside, so no matter) gets a
  boundary that consumes one character: the start/end of the text or a character that is not a
  letter or digit (:data:`LEAD_EDGE`, :data:`TAIL_EDGE`; letters are those of
  :data:`LETTER_RANGES`, which cover the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
  Indic, Hangul and no-space scripts). A masked match then takes that one neighbouring
  character (a space or punctuation mark) with it, which changes no word.

An ASCII edge keeps its ASCII ``\\b``, so a non-ASCII letter right before it counts as a
boundary ("écafé" contains "café"): changing that would move the spans of every bundled term.

Non-ASCII letters of a case-insensitive literal are written as both cases (``caf[éÉ]``), since
Python's ``re.ASCII`` folds ASCII letters only. Actor names and news terms are defined by
Python's ``re`` with Unicode ``\\w`` (:func:`whole_words`): "café" and "Zürich" work there; a name
in a no-space script needs a neighbour that is not a letter.

The same Python pattern, run over a whole column
-----------------------------------------------
pandas runs a look-around pattern row by row in Python. :func:`re2_whole_words` rewrites a
:func:`whole_words` pattern for RE2 (pyarrow's kernels) with *the same matches*: each look-around
becomes a consuming edge (start/end of text or one character that is not a word character), and
the Unicode classes and case folding of Python's ``re`` are written out, since RE2's ``\\s`` and
``\\w`` are ASCII-only and its case folding lacks Python's ``i``/``İ``/``ı`` equivalence:

* :func:`python_word_class` / :func:`python_space_class`: Python's ``\\w`` and ``\\s`` as
  explicit RE2 character-class bodies, built from this Python's own Unicode tables (once per
  process);
* ``i`` and ``I`` in a case-insensitive part become ``[iIİı]``, and any other non-ASCII letter
  there becomes the set of code points Python's ``re`` matches with it ignoring case, written out
  case-sensitively (:func:`python_case_class`: "Šefčovič" runs in RE2 too); a pattern with a
  construct whose meaning could differ (another escape class, ``^``/``$``, a non-ASCII letter
  ignoring case inside a class) is not rewritten (:func:`re2_whole_words` returns ``None``) and
  stays in Python's ``re``.

Whether a text *contains* a match is the same for both (both engines find a match wherever one
exists); spans are not used from RE2. :func:`contains_whole_words` picks the engine.

Python's full ``\\w`` class costs RE2 about 4 ms to compile, and pyarrow compiles a pattern
again on every call (every actor and the news terms, in every chunk). So a column is first
matched with edges drawn only from ASCII and the near-ASCII characters that are never word
characters (no-break space, curly quotes, dashes): every match found is one of Python's, and
only a text holding some other non-ASCII character, in which the body occurs unmatched, can
hold one more; those few texts get the full classes, or Python's ``re``
(:func:`_contains_in_arrow`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

import numpy as np

from analysis.config import DATA_DIR

# Word-boundary tokens (see "Word boundaries: the one place" above).
WORD_BOUNDARY = r"\b"
WORD_CHAR = r"\w"
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK ideographs.
NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
# Letters and digits for the consuming boundary (a character class body, literal characters so
# that RE2 and Python's re read it alike).
LETTER_RANGES = (
    "0-9A-Za-z_\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0370-\u03ff"
    "\u0400-\u052f\u0531-\u0587\u05d0-\u05ea\u0620-\u06ff\u0900-\u0dff\u1e00-\u1fff"
    "\uac00-\ud7af" + NO_SPACE_SCRIPTS
)
LEAD_EDGE = f"(?:^|[^{LETTER_RANGES}])"
TAIL_EDGE = f"(?:[^{LETTER_RANGES}]|$)"
_NO_SPACE_RE = re.compile(f"[{NO_SPACE_SCRIPTS}]")
# Straight and curly apostrophes match each other ("People's" finds "People’s").
APOSTROPHE = "['’]"
_APOSTROPHE_RE = re.compile("['’]")

# Gaps allowed between the words of a phrase.
SPACES = r"\s+"
SPACES_OR_HYPHENS = r"[\s\-]+"
SPACES_OR_DASHES = r"[\s\-–]+"


class LexiconError(ValueError):
    """A word list or lexicon file that cannot be used; the message names the file and entry."""


# --- patterns ---------------------------------------------------------------------------------


def _both_cases(char: str) -> str:
    """A non-ASCII cased letter as a class of both its cases; anything else escaped."""
    lower, upper = char.lower(), char.upper()
    if char.isascii() or len(lower) != 1 or len(upper) != 1 or lower == upper:
        return re.escape(char)
    return f"[{lower}{upper}]"


def literal_word(word: str, *, apostrophes: bool = True, fold_case: bool = False) -> str:
    """``word`` escaped for a regex; with ``apostrophes``, either apostrophe matches the other.

    The news-term list and the codebook's ``=word`` form match apostrophes as written
    (``apostrophes=False``); every other list treats them as one character. With ``fold_case``
    a non-ASCII letter is written as both its cases (``é`` → ``[éÉ]``), so that a
    case-insensitive match works under ``re.ASCII`` too; case-sensitive terms pass False.
    """
    if fold_case and not word.isascii():
        escaped = "".join(map(_both_cases, word))
    else:
        escaped = re.escape(word)
    return _APOSTROPHE_RE.sub(lambda _: APOSTROPHE, escaped) if apostrophes else escaped


def edge_boundary(char: str, *, lead: bool) -> str:
    """The boundary token before (``lead``) or after a term whose edge character is ``char``.

    ``\\b`` for an ASCII letter or digit, nothing for a non-alphanumeric character or a letter of
    a script written without spaces, :data:`LEAD_EDGE`/:data:`TAIL_EDGE` for any other letter or
    digit (see "Word boundaries: the one place" above for why).
    """
    if not char.isalnum():
        return ""
    if char.isascii():
        return WORD_BOUNDARY
    if _NO_SPACE_RE.match(char):
        return ""
    return LEAD_EDGE if lead else TAIL_EDGE


def bounded(body: str, *, lead: bool, tail: bool, first: str = "a", last: str = "a") -> str:
    """``body`` with a word boundary before it (``lead``) and/or after it (``tail``).

    ``first`` and ``last`` are the characters at the edges of the term (default: an ASCII letter,
    giving ``\\b``); :func:`edge_boundary` picks the boundary for each.
    """
    before = edge_boundary(first, lead=True) if lead and first else ""
    after = edge_boundary(last, lead=False) if tail and last else ""
    return before + body + after


def phrase_pattern(
    phrase: str,
    *,
    word: Callable[[str], str] = literal_word,
    last_word: Callable[[str], str] | None = None,
    split: str | None = None,
    gap: str = SPACES,
    lead: bool = True,
    tail: bool = True,
) -> str:
    """The regex for one phrase of a word list: its words, in order, with ``gap`` between them.

    ``word`` turns each word into its pattern (default :func:`literal_word`; the codebook passes
    its stem-aware word pattern) and ``last_word``, when given, the last word (a plural ending).
    Words are split on whitespace, or on the regex ``split``. With ``lead`` (``tail``) a word
    boundary goes before (after) the phrase when its first (last) character is a letter or
    digit, so "may" does not match "mayor" and "U.S." still matches before a space.
    """
    words = phrase.split() if split is None else [w for w in re.split(split, phrase.strip()) if w]
    if not words:
        raise ValueError(f"no words in {phrase!r}")
    parts = [word(w) for w in words]
    if last_word is not None:
        parts[-1] = last_word(words[-1])
    return bounded(gap.join(parts), lead=lead, tail=tail, first=phrase[0], last=phrase[-1])


def longest_first(items: Iterable[str], key: Callable[[str], str] | None = None) -> list[str]:
    """``items`` sorted longest first, ties by ``key`` (default: the item itself).

    In an alternation the first alternative that matches wins, so longest first makes "supply
    chain security" win over "supply chain". Duplicates are kept: pass a set to drop them.
    """
    tie = key if key is not None else (lambda item: item)
    return sorted(items, key=lambda item: (-len(item), tie(item)))


def alternation(patterns: Iterable[str], *, ignore_case: bool = False, group: bool = True) -> str:
    """``patterns`` joined with ``|``, in order: in ``(?i:...)`` with ``ignore_case``, else in a
    non-capturing group (or bare with ``group=False``, for joining into a larger alternation)."""
    body = "|".join(patterns)
    if ignore_case:
        return f"(?i:{body})"
    return f"(?:{body})" if group else body


def whole_words(body: str, *, no_hyphen_before: bool = False) -> str:
    """``body`` matched only where no word character touches it on either side.

    Unlike :func:`bounded`, this holds whatever the match starts or ends with ("U.S." is not
    matched inside "XU.S."). With ``no_hyphen_before`` a match may not follow a hyphen either.
    Uses look-arounds, so the result is for Python's ``re`` (RE2 has none).
    """
    before = rf"[{WORD_CHAR}-]" if no_hyphen_before else WORD_CHAR
    return rf"(?<!{before})(?:{body})(?!{WORD_CHAR})"


def compile_whole_words(
    body: str, *, ignore_case: bool = False, no_hyphen_before: bool = False
) -> re.Pattern[str]:
    """:func:`whole_words` compiled with Python's ``re`` (optionally ignoring case)."""
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(whole_words(body, no_hyphen_before=no_hyphen_before), flags)


# --- the same whole-word patterns for RE2 (see "The same Python pattern, ..." above) ----------

# Every code point except the surrogates, in order, in two runs (surrogates are not text).
_CODE_POINT_RUNS = ((0, 0xD800), (0xE000, 0x110000))


@lru_cache(maxsize=1)
def _code_point_texts() -> tuple[tuple[int, str], ...]:
    """Every code point except the surrogates, as ``(first, text)`` runs (built once)."""
    return tuple(
        (first, np.arange(first, stop, dtype="<u4").tobytes().decode("utf-32-le"))
        for first, stop in _CODE_POINT_RUNS
    )


def _class_body(python_class: str, flags: int = 0) -> str:
    """The code points that Python's ``re`` matches with ``python_class`` (``\\w``, ``\\s``), as
    an RE2 character-class body of ranges: Python's own regex finds the runs over all of them."""
    regex = re.compile(f"(?:{python_class})+", flags)
    parts: list[str] = []
    for first, text in _code_point_texts():
        for run in regex.finditer(text):
            lo, hi = first + run.start(), first + run.end() - 1
            parts.append(f"\\x{{{lo:X}}}" + (f"-\\x{{{hi:X}}}" if hi > lo else ""))
    return "".join(parts)


@lru_cache(maxsize=512)
def python_case_class(char: str) -> str:
    """The code points that Python's ``re`` matches with the letter ``char`` ignoring case, as a
    case-sensitive RE2 group (``(?-i:[...])``): written out from Python's own matching, so that
    RE2's case folding (which may differ for a non-ASCII letter) plays no part."""
    return f"(?-i:[{_class_body(re.escape(char), re.IGNORECASE)}])"


@lru_cache(maxsize=1)
def python_word_class() -> str:
    """Python's Unicode ``\\w`` (``str.isalnum()`` or ``_``) as an RE2 class body."""
    return _class_body(WORD_CHAR)


@lru_cache(maxsize=16)
def python_class(python_class: str) -> str:
    """Any Python character class (``[^\\W_]``: a letter or digit) as an RE2 class body, from
    Python's own matching over every code point (once per process and class)."""
    return _class_body(python_class)


@lru_cache(maxsize=1)
def python_space_class() -> str:
    """Python's Unicode ``\\s`` (``str.isspace()``) as an RE2 class body."""
    return _class_body(r"\s")


# Tokens of the patterns this module writes: an escape, a class, a group opening, any character.
_TOKEN_RE = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\(\?i:|\(\?:|\(\?|.", re.DOTALL)
_CLASS_TOKEN_RE = re.compile(r"\\.|.", re.DOTALL)
_I_FOLD = "[iI\u0130\u0131]"  # what Python's re.IGNORECASE matches for "i" (RE2 lacks İ, ı)


def _re2_char(char: str, ignore_case: bool, in_class: bool) -> str | None:
    if ignore_case and char.isalpha():
        if not char.isascii():
            # Python's and RE2's case folding may differ: Python's own set of matches, written
            # out (not inside a class, where RE2 would fold it again: stay in Python there)
            return None if in_class else python_case_class(char)
        if char in "iI":
            return None if in_class else _I_FOLD
    return char


def _re2_class(token: str, ignore_case: bool) -> str | None:
    body = token[1:-1]
    if body.startswith("^"):
        return None
    out = []
    for part in _CLASS_TOKEN_RE.findall(body):
        if part == "\\s":
            out.append(python_space_class())
        elif part.startswith("\\"):
            if part[1].isalnum():
                return None
            out.append(part)
        else:
            char = _re2_char(part, ignore_case, in_class=True)
            if char is None:
                return None
            out.append(char)
    return "[" + "".join(out) + "]"


def re2_body(pattern: str, *, ignore_case: bool = False) -> str | None:
    """A pattern written by this module (phrases, alternations, ``(?i:...)`` groups) rewritten so
    that RE2 matches exactly what Python's ``re`` matches (Unicode ``\\s``, Python's case folding).

    ``ignore_case`` is the mode of the whole pattern (Python's ``re.IGNORECASE``). Returns None
    when the pattern holds a construct this rewrite does not carry over exactly.
    """
    stack = [ignore_case]
    out: list[str] = []
    for token in _TOKEN_RE.findall(pattern):
        ci = stack[-1]
        if token == "(?i:":
            stack.append(True)
            out.append("(?i:")
        elif token in ("(?:", "("):
            stack.append(ci)
            out.append("(?:")
        elif token == ")":
            if len(stack) == 1:
                return None
            stack.pop()
            out.append(")")
        elif token.startswith("(?") or token in ("^", "$"):
            return None
        elif token.startswith("[") and len(token) > 1:
            rewritten = _re2_class(token, ci)
            if rewritten is None:
                return None
            out.append(rewritten)
        elif token == "\\s":
            out.append(f"[{python_space_class()}]")
        elif token.startswith("\\"):
            if token[1].isalnum():
                return None
            out.append(token)
        else:
            char = _re2_char(token, ci, in_class=False)
            if char is None:
                return None
            out.append(char)
    if len(stack) != 1:
        return None
    return f"(?i:{''.join(out)})" if ignore_case else "".join(out)


@lru_cache(maxsize=1024)
def re2_whole_words(
    body: str, *, ignore_case: bool = False, no_hyphen_before: bool = False
) -> str | None:
    """The RE2 pattern whose ``contains`` equals that of :func:`compile_whole_words` with the same
    arguments, or None when ``body`` cannot be carried over exactly (see :func:`re2_body`)."""
    inner = re2_body(body, ignore_case=ignore_case)
    if inner is None:
        return None
    word = python_word_class()
    before = f"[^{word}\\-]" if no_hyphen_before else f"[^{word}]"
    return f"(?:^|{before})(?:{inner})(?:[^{word}]|$)"


# Characters near ASCII that Python's ``\w`` never matches: Latin-1's symbols and the general
# punctuation block (no-break space, curly quotes, dashes). A whole-word edge drawn only from
# these and ASCII is a small class that RE2 compiles in a fraction of a millisecond; Python's
# full ``\W`` (:func:`python_word_class`) takes it about 4 ms, on every pyarrow call.
_NEAR_ASCII = (*range(0x80, 0x100), *range(0x2000, 0x2070))
# At most this many rows are checked with Python's ``re`` when the short edges cannot decide
# them (:func:`contains_whole_words`); more go to RE2 with Python's full classes.
_PYTHON_ROWS = 64
# When more than this share of a column's texts is undecided (most texts of a corpus in German,
# French or Chinese), the short edges would be a pass more over most of it: the column goes
# straight to the full classes.
_UNDECIDED_SHARE = 0.2


def _runs_class(runs: Iterable[tuple[int, int]]) -> str:
    """Runs of code points ``(first, last)`` as an RE2 class body."""
    return "".join(f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in runs)


def _runs(code_points: Iterable[int]) -> list[tuple[int, int]]:
    """Distinct code points as sorted runs ``(first, last)``."""
    runs: list[tuple[int, int]] = []
    for cp in sorted(set(code_points)):
        if runs and cp == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    return runs


@lru_cache(maxsize=1)
def _short_edges() -> tuple[str, str, str]:
    """``(edge, edge_no_hyphen, undecided)``: RE2 class bodies of the ASCII and near-ASCII
    characters Python's ``\\w`` never matches (with and without ``-``), and of every other
    character outside ASCII, whose presence in a text leaves the short edges undecided."""
    word = re.compile(WORD_CHAR)
    sure = [cp for cp in (*range(0x80), *_NEAR_ASCII) if not word.fullmatch(chr(cp))]
    undecided: list[tuple[int, int]] = []  # the gaps between them, surrogates left out
    for first, stop in ((0x80, 0xD800), (0xE000, 0x110000)):
        low = first
        for start, end in _runs(cp for cp in sure if first <= cp < stop):
            if start > low:
                undecided.append((low, start - 1))
            low = end + 1
        if low < stop:
            undecided.append((low, stop - 1))
    no_hyphen = _runs(cp for cp in sure if cp != ord("-"))
    return _runs_class(_runs(sure)), _runs_class(no_hyphen), _runs_class(undecided)


@lru_cache(maxsize=1024)
def _re2_short_whole_words(
    body: str, *, ignore_case: bool = False, no_hyphen_before: bool = False
) -> tuple[str, str] | None:
    """``(pattern, inner)``: :func:`re2_whole_words` with edges drawn only from
    :func:`_short_edges` (each of its matches is one of Python's; it misses those whose edge is
    another non-ASCII character), and the body alone; None as for :func:`re2_whole_words`."""
    inner = re2_body(body, ignore_case=ignore_case)
    if inner is None:
        return None
    edge, edge_no_hyphen, _ = _short_edges()
    before = edge_no_hyphen if no_hyphen_before else edge
    return f"(?:^|[{before}])(?:{inner})(?:[{edge}]|$)", inner


_last_undecided: tuple[Any, np.ndarray] | None = None  # the last array asked about, its answer


def _undecided_rows(array: Any) -> np.ndarray:
    """Boolean array: which texts of ``array`` hold a character outside ASCII and the near-ASCII
    non-word characters (:func:`_short_edges`). Kept for the last array asked about, since
    every actor of a chunk asks about the same column (one tuple, read and replaced whole, so
    that threads computing chunks side by side never mix two columns up)."""
    global _last_undecided
    last = _last_undecided
    if last is not None and last[0] is array:
        return last[1]
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = ~pc.string_is_ascii(array).to_numpy(zero_copy_only=False).astype(bool)
    some = np.flatnonzero(rows)
    if some.size:
        found = pc.match_substring_regex(pc.take(array, pa.array(some)), f"[{_short_edges()[2]}]")
        rows[some] = found.to_numpy(zero_copy_only=False).astype(bool)
    rows.flags.writeable = False  # shared by the calls that follow
    _last_undecided = (array, rows)
    return rows


def _contains_in_arrow(
    array: Any,
    body: str,
    short: tuple[str, str],
    *,
    ignore_case: bool,
    no_hyphen_before: bool,
    found: np.ndarray | None = None,
) -> np.ndarray:
    """:func:`contains_whole_words` over a pyarrow array by RE2, for a body that carries over
    exactly; ``short`` is its :func:`_re2_short_whole_words`.

    Short edges first (:func:`_re2_short_whole_words`): every row they find is a match, and a
    row they miss can only be a match if it holds a character they leave undecided
    (:func:`_undecided_rows`) and the body occurs in it. Those few rows are checked with
    Python's ``re`` (at most :data:`_PYTHON_ROWS`) or with RE2 and Python's full classes
    (:func:`re2_whole_words`). Same answers as the full classes on every row, which cost 4 ms
    of compiling on each call (pyarrow keeps no compiled pattern). A column most of whose texts
    are undecided (over :data:`_UNDECIDED_SHARE`) is matched with the full classes at once.

    ``found``: the short pattern's answer for every row when the caller has it already
    (:func:`contains_whole_words_each`, a new array this function may change), used as given
    unless the column goes to the full classes."""
    import pyarrow as pa
    import pyarrow.compute as pc

    options = {"ignore_case": ignore_case, "no_hyphen_before": no_hyphen_before}
    undecided = _undecided_rows(array)
    if np.count_nonzero(undecided) > _UNDECIDED_SHARE * len(undecided):
        found = pc.match_substring_regex(array, re2_whole_words(body, **options))
        return found.to_numpy(zero_copy_only=False).astype(bool)
    pattern, inner = short
    if found is None:
        found = pc.match_substring_regex(array, pattern)
        found = found.to_numpy(zero_copy_only=False).astype(bool)
    rows = np.flatnonzero(undecided & ~found)
    if rows.size:
        occurs = pc.match_substring_regex(pc.take(array, pa.array(rows)), inner)
        rows = rows[occurs.to_numpy(zero_copy_only=False).astype(bool)]
    if rows.size > _PYTHON_ROWS:
        full = re2_whole_words(body, **options)
        exact = pc.match_substring_regex(pc.take(array, pa.array(rows)), full)
        found[rows] = exact.to_numpy(zero_copy_only=False).astype(bool)
    elif rows.size:
        regex = compile_whole_words(body, **options)
        found[rows] = [regex.search(array[int(i)].as_py()) is not None for i in rows]
    return found


def arrow_column(values: object) -> Any:
    """The pyarrow data of a pandas text column stored by pyarrow (pandas' default text dtype),
    as one large-string array with its missing values as nulls; None for anything else.

    Taking the column's own data skips a round trip through Python strings."""
    import pandas as pd
    import pyarrow as pa

    if not (isinstance(values, pd.Series) and isinstance(values.array, pd.arrays.ArrowStringArray)):
        return None
    data = pa.array(values.array)
    if isinstance(data, pa.ChunkedArray):
        data = data.combine_chunks()
    return data.cast(pa.large_string())


def arrow_texts(texts: Sequence[str]) -> Any:
    """``texts`` as one pyarrow large-string array, or None when pyarrow cannot hold one of them
    (a lone surrogate); convert once and pass it to every :func:`contains_whole_words` call over
    the same texts. A pandas text column stored by pyarrow without missing values is taken as
    its arrow data (:func:`arrow_column`)."""
    import pyarrow as pa

    column = arrow_column(texts)
    if column is not None and column.null_count == 0:
        return column
    try:
        return pa.array(texts, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):
        return None


_NOT_CONVERTED = object()


def contains_whole_words(
    texts: Sequence[str],
    body: str,
    *,
    ignore_case: bool = False,
    no_hyphen_before: bool = False,
    arrow: Any = _NOT_CONVERTED,
) -> np.ndarray:
    """Boolean array: does each text contain a whole-word match of ``body``?

    The same answer as ``compile_whole_words(body, ...).search(text)`` for every text, computed
    over the whole column by RE2 (pyarrow) when the pattern carries over exactly, else by
    Python's ``re`` (also when a text cannot be converted for pyarrow, such as a lone surrogate).
    ``arrow`` is :func:`arrow_texts` of ``texts`` when the caller has it already.
    """
    options = {"ignore_case": ignore_case, "no_hyphen_before": no_hyphen_before}
    short = _re2_short_whole_words(body, **options)
    if short is not None:
        array = arrow_texts(texts) if arrow is _NOT_CONVERTED else arrow
        if array is not None:
            return _contains_in_arrow(array, body, short, **options)
    regex = compile_whole_words(body, **options)
    return np.fromiter((regex.search(t) is not None for t in texts), dtype=bool, count=len(texts))


def contains_whole_words_each(
    texts: Sequence[str], bodies: Sequence[str], *, arrow: Any = _NOT_CONVERTED
) -> list[np.ndarray]:
    """``[contains_whole_words(texts, body, arrow=arrow) for body in bodies]`` (case as each
    body writes it, a hyphen before a word allowed), with the short-edge patterns of all the
    bodies (:func:`_re2_short_whole_words`) matched in one pass over each text.

    pyarrow compiles a pattern again on each call and its DFA starts empty, so the actors of a
    chunk, each one long alternation over every sentence, cost several column passes that
    rebuild the same states; one RE2 set of all their short patterns, compiled once per process
    (:func:`_short_set`), answers for every body per text. Its answers are the same as the
    column tests' (RE2 both, same options); the rows it leaves unanswered (the set's DFA out of
    memory) and every body's undecided rows are settled as :func:`_contains_in_arrow` settles
    them. Falls back to one call per body where that path would not take the short patterns
    (a body RE2 cannot carry over, texts pyarrow cannot hold, a column mostly undecided)."""
    shorts = [_re2_short_whole_words(body) for body in bodies]
    array = arrow_texts(texts) if arrow is _NOT_CONVERTED else arrow
    if len(bodies) < 2 or array is None or any(short is None for short in shorts):
        return [contains_whole_words(texts, body, arrow=array) for body in bodies]
    undecided = _undecided_rows(array)
    if np.count_nonzero(undecided) > _UNDECIDED_SHARE * len(undecided):
        return [contains_whole_words(texts, body, arrow=array) for body in bodies]
    found = _short_set_matches(array, tuple(short[0] for short in shorts))
    options = {"ignore_case": False, "no_hyphen_before": False}
    return [
        _contains_in_arrow(array, body, short, **options, found=found[:, j].copy())
        for j, (body, short) in enumerate(zip(bodies, shorts, strict=True))
    ]


# RE2's memory budget for a set of short patterns (:func:`_short_set`), as the frames' set has
RE2_SET_MAX_MEM = 64 << 20


def re2_options(*, ignore_case: bool, max_mem: int) -> Any:
    """The options pyarrow's kernels give RE2 (UTF-8, quiet), with ``max_mem`` as budget."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.max_mem = max_mem
    options.log_errors = False
    return options


def sentinel_set(patterns: Sequence[str], options: Any) -> Any:
    """The RE2 set (unanchored) of an empty sentinel pattern, which matches every text, at index
    0 and ``patterns`` after it; None when RE2 cannot compile it with ``options``
    (:func:`re2_options`). A text the set leaves without the sentinel got no answer (its DFA
    ran out of memory): :func:`set_matches`."""
    import re2

    matcher = re2.Set.SearchSet(options)
    try:
        for pattern in ("", *patterns):
            matcher.Add(pattern)
        matcher.Compile()
    except re2.error:
        return None
    return matcher


def set_matches(
    matcher: Any, texts: Sequence[bytes], n_columns: int, columns: np.ndarray | None = None
) -> np.ndarray:
    """One row per text (UTF-8 bytes), ``n_columns`` boolean columns: True where a pattern of
    :func:`sentinel_set`'s ``matcher`` matches the text, in the column ``columns[index]`` of
    the pattern's set index (the index itself without ``columns``); column 0 is the sentinel's
    when ``columns[0]`` is 0, False on a row the set did not answer.

    The set's own binding is called where the installed re2 has one (without its wrapper's
    per-call tests; an empty list reads as no match, as the wrapper's None)."""
    match = getattr(matcher, "_set", matcher).Match
    found = [match(text) or () for text in texts]
    n = len(found)
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=n)
    hits = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(lengths.sum()))
    wide = np.zeros((n, n_columns), dtype=bool)
    wide[np.repeat(np.arange(n), lengths), hits if columns is None else columns[hits]] = True
    return wide


@lru_cache(maxsize=16)
def _short_set(patterns: tuple[str, ...]) -> Any:
    """:func:`sentinel_set` of ``patterns`` (case as written, pyarrow's options otherwise).
    Kept per process: a chunk's actors are the same chunk after chunk."""
    return sentinel_set(patterns, re2_options(ignore_case=False, max_mem=RE2_SET_MAX_MEM))


def _short_set_matches(array: Any, patterns: tuple[str, ...]) -> np.ndarray:
    """One row per text of ``array`` (large strings, no nulls), one column per pattern: does
    the pattern match in the text, as pyarrow's ``match_substring_regex`` tells.

    Matched with :func:`_short_set`, each text's UTF-8 bytes once. A set whose DFA runs out of
    memory answers nothing at all, the sentinel included: those rows (and every row, when the
    set does not compile) are matched by pyarrow, pattern by pattern."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n, k = len(array), len(patterns)
    matcher = _short_set(patterns)
    if matcher is not None and n:
        wide = set_matches(matcher, utf8_values(array), k + 1)
    else:
        wide = np.zeros((n, k + 1), dtype=bool)
    rows = np.flatnonzero(~wide[:, 0])
    if rows.size:
        part = pc.take(array, pa.array(rows, type=pa.int64()))
        for j, pattern in enumerate(patterns):
            matched = pc.match_substring_regex(part, pattern)
            wide[rows, j + 1] = matched.to_numpy(zero_copy_only=False).astype(bool)
    return wide[:, 1:]


def utf8_values(array: Any) -> list[bytes]:
    """The UTF-8 bytes of each text of a large-string array without nulls, taken from the
    array's buffers: the bytes pyarrow's kernels would have matched."""
    n = len(array)
    if n == 0:
        return []
    _, offsets_buffer, data_buffer = array.buffers()
    bounds = np.frombuffer(
        offsets_buffer, dtype=np.int64, count=n + 1, offset=array.offset * 8
    ).tolist()
    data = data_buffer.to_pybytes() if data_buffer is not None else b""
    return [data[a:b] for a, b in pairwise(bounds)]


# --- the bundled English stop words ---------------------------------------------------------


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """The bundled English stop word list (``analysis/data/stopwords_en.txt``, NLTK's English
    list written out), case-folded: read once per process for keyness, the boilerplate
    classifier's stop-word share and the language guess."""
    lines = (DATA_DIR / "stopwords_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


# --- validation and reading -------------------------------------------------------------------


def word_list(
    value: Any,
    *,
    where: str,
    name: str,
    ignore_case: bool = True,
    strip: bool = False,
    error: type[LexiconError] = LexiconError,
) -> tuple[str, ...]:
    """``value`` checked as a list of non-empty, unique strings, returned as a tuple.

    ``where`` names the file (and the table in it) for the error message, ``name`` the list.
    Duplicates are compared with runs of whitespace as one space (phrases match any whitespace
    between words), ignoring case unless the list is matched case-sensitively
    (``ignore_case=False``). With ``strip`` the entries come back stripped.
    Raises ``error`` (a :class:`LexiconError`) naming the file, the list and the entry at fault.
    """
    if not isinstance(value, list):
        raise error(f"{where}: '{name}' must be a list of strings, got {type(value).__name__}")
    seen: dict[str, int] = {}
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise error(f"{where}: '{name}' entry #{number} must be a string, got {item!r}")
        if not item.strip():
            raise error(f"{where}: '{name}' entry #{number} is empty")
        norm = " ".join(item.lower().split() if ignore_case else item.split())
        if norm in seen:
            raise error(
                f"{where}: '{name}' lists {item.strip()!r} twice (entries #{seen[norm]} and "
                f"#{number})"
            )
        seen[norm] = number
    return tuple(v.strip() for v in value) if strip else tuple(value)


def pattern_list(
    value: Any, *, where: str, name: str, error: type[LexiconError] = LexiconError
) -> tuple[str, ...]:
    """:func:`word_list` of regular expressions that must compile (case-sensitive duplicates)."""
    patterns = word_list(value, where=where, name=name, ignore_case=False, error=error)
    for number, pattern in enumerate(patterns, start=1):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise error(
                f"{where}: '{name}' entry #{number} is an invalid pattern {pattern!r}: {exc}"
            ) from exc
    return patterns


def read_text(path: Path, what: str, *, error: type[LexiconError] = LexiconError) -> str:
    """The UTF-8 text of a lexicon file; ``error`` names ``what`` and the file if unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{what} {path}: cannot be read ({exc})") from exc


def read_toml(
    path: Path | str, what: str, *, error: type[LexiconError] = LexiconError
) -> dict[str, Any]:
    """A TOML lexicon file as a dict; ``error`` names ``what`` ("hedging lexicon") and the file."""
    path = Path(path)
    return parse_toml(read_text(path, what, error=error), path, what, error=error)


def parse_toml(
    text: str, path: Path | str, what: str, *, error: type[LexiconError] = LexiconError
) -> dict[str, Any]:
    """The TOML ``text`` of the lexicon file ``path`` as a dict (for a caller that has read the
    text already); ``error`` names ``what`` and the file when it is not valid TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path}: not valid TOML: {exc}") from exc
