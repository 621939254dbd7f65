"""Sentences and word tokens, with NLTK and no downloaded data.

Punkt is used with its default (untrained) parameters plus a list of abbreviations common in
news ("Mr.", "U.S.", "Oct.", "Sept.", "Corp.", "Ltd."), so the split does not depend on what a
user's ``nltk_data`` holds. Each line of a cleaned text is a paragraph, heading, bullet or
timeline entry, so lines are split separately: a bullet is never glued to the next paragraph.
Chinese and Japanese text is first cut after its full-width sentence ends (。！？), where
Punkt, made for spaced scripts, would not cut.

Two guards keep the split working on any input. NLTK ≥ 3.10 runs Punkt's regular expressions
through ``nltk.redos``, with a wall-clock time limit that makes a long line (or a normal line on
a busy machine) fail with ``TimeoutError``; our Punkt runs NLTK's own, fixed patterns with the
standard :mod:`re` instead (they are trusted and linear, and the old NLTK ran them that way). And
a line longer than :data:`MAX_UNIT_CHARS` (a whole article on one line) is first cut at its last
sentence end, else its last space, within each window of that size, so time and memory stay
linear in the length of the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from analysis.config import DATA_DIR

# A bullet or list marker at the start of a line: "-", "*", "•", "·", "▪", "1.", "2)", "(a)".
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣●]|\(?\d{1,3}[.)]|\([a-z]\))\s+")
# Tokens that carry no word: punctuation and symbols only.
_WORDLIKE_RE = re.compile(r"\w")
# Scripts written without spaces between words: Han ideographs (with their extensions and
# compatibility block), hiragana and katakana. Each character counts as one word, the
# convention of word processors and of CJK reading-rate studies, since a run of them is a
# clause, not a word.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# A word for counting: letters or digits, joined by inner hyphens, apostrophes, periods or
# commas ("market-dominance", "China's", "U.S.", "1,000" are one word each); or one CJK character.
_COUNT_WORD_RE = re.compile(rf"[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+(?:[-'’.,][^\W_{CJK_CHARS}]+)*")
# Full-width sentence ends (Chinese and Japanese), with any closing quotes or brackets after
# them; Punkt, trained on spaced scripts, does not split there.
_CJK_END_RE = re.compile(r"[。！？][」』”’）》〉\)\]\"']*")
# Words that commonly start a sentence; after an abbreviation they signal a break ("U.S. The").
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "but",
        "however",
        "meanwhile",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "we",
        "in",
        "on",
        "at",
        "for",
        "while",
        "when",
        "if",
        "after",
        "before",
        "although",
        "yet",
        "still",
        "both",
        "according",
    ]
)


def _read_word_list(name: str) -> frozenset[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# The longest line Punkt gets in one piece; longer lines are cut first (see _bounded_units).
MAX_UNIT_CHARS = 10_000
# A sentence end followed by whitespace: where a too-long line is best cut.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]}»]*\s+")
_SPACE_RE = re.compile(r"\s+")


class _PunktVars(PunktLanguageVars):
    """NLTK's Punkt patterns, compiled with :mod:`re`: no wall-clock limit on trusted patterns."""

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def __init__(self) -> None:
        self._re_word_tokenizer = re.compile(
            self._word_tokenize_fmt
            % {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            },
            re.UNICODE | re.VERBOSE,
        )
        self._re_period_context = re.compile(
            self._period_context_fmt
            % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
            re.UNICODE | re.VERBOSE,
        )

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return self._re_word_tokenizer

    def period_context_re(self) -> re.Pattern[str]:
        """The pattern of a possible sentence end and the token after it (stdlib ``re``)."""
        return self._re_period_context


class _PunktToken(PunktToken):
    """A Punkt token whose property patterns are compiled with :mod:`re` (no time limit)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)
    _RE_NON_PUNCT = re.compile(r"[^\W\d]", re.UNICODE)

    @property
    def is_non_punct(self) -> re.Match[str] | None:
        """A match when the token is a number or holds a letter (NLTK's ``is_non_punct``)."""
        return self._RE_NON_PUNCT.search(self.type)


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_read_word_list("abbreviations.txt"))
    params.sent_starters = set(_SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_PunktVars(), token_cls=_PunktToken)


def _last_end(pattern: re.Pattern[str], text: str, start: int, stop: int) -> int | None:
    """End of the last match of ``pattern`` in ``text[start:stop]``, or None."""
    end = None
    for match in pattern.finditer(text, start, stop):
        end = match.end()
    return end


def _bounded_units(line: str, limit: int = MAX_UNIT_CHARS) -> Iterator[str]:
    """``line`` in pieces of at most ``limit`` characters, cut where a sentence ends.

    Lines up to ``limit`` characters (every normal paragraph) come back whole. A longer line is
    cut after the last sentence end in each window of ``limit`` characters, else after its last
    whitespace, else (a run with no space at all) at ``limit``; each window is scanned once, so
    the work is linear in the length of the line.
    """
    start, n = 0, len(line)
    while n - start > limit:
        stop = start + limit
        cut = _last_end(_SENTENCE_END_RE, line, start, stop)
        if cut is None:
            cut = _last_end(_SPACE_RE, line, start + 1, stop) or stop
        piece = line[start:cut].strip()
        if piece:
            yield piece
        start = cut
    piece = line[start:].strip()
    if piece:
        yield piece


_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE


def _stdlib(pattern: Any) -> re.Pattern[str]:
    """The same pattern compiled with :mod:`re` (NLTK ≥ 3.10 wraps it in a timed ``regex``)."""
    return re.compile(pattern.pattern, pattern.flags & _RE_FLAGS)


def _stdlib_rules(rules: Any) -> Any:
    """A ``(pattern, substitution)`` rule, or a list of them, with its patterns under :mod:`re`."""
    if isinstance(rules, tuple):
        return (_stdlib(rules[0]), rules[1])
    return [(_stdlib(pattern), substitution) for pattern, substitution in rules]


class _WordTokenizer(NLTKWordTokenizer):
    """NLTK's Treebank-style word tokenizer with its trusted patterns run by :mod:`re`.

    Same rules, same tokens; no wall-clock limit that could fail a long sentence on a busy
    machine (see :class:`_PunktVars` for the same change to sentence splitting).
    """

    STARTING_QUOTES = _stdlib_rules(NLTKWordTokenizer.STARTING_QUOTES)
    ENDING_QUOTES = _stdlib_rules(NLTKWordTokenizer.ENDING_QUOTES)
    PUNCTUATION = _stdlib_rules(NLTKWordTokenizer.PUNCTUATION)
    PARENS_BRACKETS = _stdlib_rules(NLTKWordTokenizer.PARENS_BRACKETS)
    CONVERT_PARENTHESES = _stdlib_rules(NLTKWordTokenizer.CONVERT_PARENTHESES)
    DOUBLE_DASHES = _stdlib_rules(NLTKWordTokenizer.DOUBLE_DASHES)
    CONTRACTIONS2: ClassVar = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
    CONTRACTIONS3: ClassVar = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS3]


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return _WordTokenizer()


def strip_bullet(line: str) -> str:
    """Return ``line`` without a leading bullet or list marker."""
    return BULLET_RE.sub("", line, count=1).strip()


def split_sentences(text: str) -> list[str]:
    """Split a cleaned article text into sentences.

    Each non-empty line is a unit (paragraph, heading, bullet or timeline entry); bullet
    markers are dropped and each unit is split with Punkt and the news abbreviation list. A unit
    longer than :data:`MAX_UNIT_CHARS` is first cut at sentence ends (see the module docstring).
    """
    tokenizer = _punkt()
    out: list[str] = []
    for line in text.splitlines():
        unit = strip_bullet(line)
        if not unit:
            continue
        for piece in _bounded_units(unit):
            for part in _cjk_sentences(piece):
                out.extend(s.strip() for s in tokenizer.tokenize(part) if s.strip())
    return out


def _cjk_sentences(text: str) -> list[str]:
    """``text`` cut after each full-width sentence end (。！？ and closing quotes), else whole.

    Chinese and Japanese put no space after a sentence end, so Punkt sees one sentence; the cut
    is made first and Punkt still splits any spaced-script sentences inside each part.
    """
    if not _CJK_END_RE.search(text):
        return [text]
    parts, start = [], 0
    for match in _CJK_END_RE.finditer(text):
        parts.append(text[start : match.end()])
        start = match.end()
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def tokenize_words(text: str) -> list[str]:
    """Word tokens of ``text`` (NLTK's Treebank-style tokenizer), punctuation tokens dropped.

    Clitics stay separate tokens ("China's" gives "China", "'s"), as in the Penn Treebank.
    """
    text = text.replace("’", "'").replace("‘", "'")
    return [tok for tok in _word_tokenizer().tokenize(text) if _WORDLIKE_RE.search(tok)]


def count_words(text: str) -> int:
    """Number of words in ``text``, the denominator of every per-1,000-words rate.

    Words are runs of letters or digits joined by inner hyphens, apostrophes, periods or commas,
    so "China's", "U.S.", "market-dominance" and "1,000" count once each, as a reader would
    count them. Chinese and Japanese characters count one each (no spaces mark their words).
    One regular expression, because it runs on every sentence of large corpora.
    """
    return len(_COUNT_WORD_RE.findall(text))
