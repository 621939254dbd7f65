"""Sentences and word tokens, with NLTK and no downloaded data.

Punkt is used with its default (untrained) parameters plus a list of abbreviations common in
news ("Mr.", "U.S.", "Oct.", "Sept.", "Corp.", "Ltd."), so the split does not depend on what a
user's ``nltk_data`` holds. Each line of a cleaned text is a paragraph, heading, bullet or
timeline entry, so lines are split separately: a bullet is never glued to the next paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.config import DATA_DIR

# A bullet or list marker at the start of a line: "-", "*", "•", "·", "▪", "1.", "2)", "(a)".
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣●]|\(?\d{1,3}[.)]|\([a-z]\))\s+")
# Tokens that carry no word: punctuation and symbols only.
_WORDLIKE_RE = re.compile(r"\w")
# A word for counting: letters or digits, joined by inner hyphens, apostrophes, periods or
# commas ("market-dominance", "China's", "U.S.", "1,000" are one word each).
_COUNT_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*")
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


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_read_word_list("abbreviations.txt"))
    params.sent_starters = set(_SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def strip_bullet(line: str) -> str:
    """Return ``line`` without a leading bullet or list marker."""
    return BULLET_RE.sub("", line, count=1).strip()


def split_sentences(text: str) -> list[str]:
    """Split a cleaned article text into sentences.

    Each non-empty line is a unit (paragraph, heading, bullet or timeline entry); bullet
    markers are dropped and each unit is split with Punkt and the news abbreviation list.
    """
    tokenizer = _punkt()
    out: list[str] = []
    for line in text.splitlines():
        unit = strip_bullet(line)
        if not unit:
            continue
        out.extend(s.strip() for s in tokenizer.tokenize(unit) if s.strip())
    return out


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
    count them. One regular expression, because it runs on every sentence of large corpora.
    """
    return len(_COUNT_WORD_RE.findall(text))
