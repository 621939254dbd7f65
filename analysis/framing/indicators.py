"""Frame indicators: the codebook's word syntax turned into stem-aware regexes.

Indicator syntax (all matching is case-insensitive and whole-word):

* ``word``: stem-aware. The word is stemmed with NLTK's Snowball stemmer and matches the stem
  (or the word as written) followed by up to four common English suffix morphemes, so "tariff"
  matches "tariffs", "negotiate" matches "negotiations" and "negotiators", and "price" matches
  "pricing"; "cost" does not match "costume" and "fund" does not match "fundamental". A stem
  shorter than four letters is too ambiguous to extend, so the word matches itself and its plain
  inflections only ("war" matches "war(s)", never "warn" or "ward"). Two indicators of one frame
  that compile to the same pattern ("retaliate", "retaliation") are rejected as redundant.
* ``two words``: a phrase; the words may be separated by spaces or hyphens, each word matched as
  above ("supply chain" matches "supply-chain" and "supply chains").
* ``=word``: this exact word only ("=fair" does not match "fairly").
* ``word*``: a literal prefix without stemming ("dominan*" matches "dominance", "dominant").

An exclusion is a phrase written in the same syntax (:mod:`analysis.framing.codebook` says how
exclusions are applied).

Each word becomes a pattern here and plugs into :func:`analysis.lexicon.phrase_pattern`, which
joins the words of a phrase and owns the word boundaries. Patterns use only syntax shared by
Python's ``re`` and Google RE2, so pandas can run them through pyarrow's vectorised RE2 kernels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.stem import SnowballStemmer

from analysis.lexicon import (
    SPACES_OR_DASHES,
    WORD_CHAR,
    alternation,
    bounded,
    literal_word,
    longest_first,
    phrase_pattern,
)

MIN_STEM_LENGTH = 4
# Suffix morphemes that may follow a stem; up to four stack, so "iz"+"ation"+"s" covers
# "weaponizations" and "ic"+"al"+"ly" covers "strategically", while "cost" never reaches
# "costume" and "fund" never reaches "fundamental".
SUFFIX_MORPHEMES = (
    "s",
    "es",
    "e",
    "d",
    "ed",
    "ing",
    "er",
    "or",
    "est",
    "ly",
    "y",
    "ies",
    "ied",
    "ier",
    "ily",
    "ion",
    "ation",
    "at",
    "ate",
    "iz",
    "is",
    "ic",
    "al",
    "ity",
    "ive",
    "ant",
    "ent",
    "ance",
    "ence",
    "ment",
    "ness",
    "ful",
    "less",
    "able",
    "ible",
    "abil",
    "ibil",
    "ify",
    "ifi",
    "ist",
    "ism",
    "ory",
    "ary",
    "ry",
)
MAX_SUFFIXES = 4
_SUFFIX_GROUP = "(?:" + "|".join(sorted(SUFFIX_MORPHEMES, key=lambda s: (-len(s), s))) + ")"
_SUFFIX_RUN = _SUFFIX_GROUP + f"{{0,{MAX_SUFFIXES}}}"
_ALPHA_RE = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


def indicator_alternation(patterns: tuple[str, ...]) -> str:
    """One group matching any of ``patterns``, longest first, each in its own group."""
    return alternation(f"(?:{p})" for p in longest_first(patterns))


def stems_pattern(core: str) -> str:
    """A stem core (or several, joined by ``|``) followed by up to :data:`MAX_SUFFIXES` suffix
    morphemes, as a whole word; frames put all their one-word cores into one such pattern."""
    return bounded(f"(?:{core})" + _SUFFIX_RUN, lead=True, tail=True)


def _short_word_pattern(word: str) -> str:
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return bounded(alternation(longest_first(forms)), lead=True, tail=True)


def word_pattern(word: str) -> str:
    """The regex for one indicator word (see the module docstring for the syntax).

    This is the per-word pattern that :func:`indicator_pattern` plugs into
    :func:`analysis.lexicon.phrase_pattern`; boundaries and literal escaping come from there.
    """
    word = word.strip().lower()
    if not word:
        raise ValueError("empty indicator word")
    if word.startswith("="):
        literal = word[1:]
        if not literal:
            raise ValueError("'=' must be followed by a word")
        # As written: apostrophes are not widened here.
        body = literal_word(literal, apostrophes=False)
        return bounded(body, lead=True, tail=literal[-1].isalnum())
    if word.endswith("*"):
        prefix = word[:-1]
        if len(prefix) < 3:
            raise ValueError(f"prefix {word!r} is shorter than 3 letters")
        body = literal_word(prefix, apostrophes=False) + WORD_CHAR + "*"
        return bounded(body, lead=True, tail=False)
    if not _ALPHA_RE.match(word):
        # Names with digits, dots or apostrophes ("u.s.", "g7", "people's"): literal, with
        # either apostrophe.
        return phrase_pattern(word)
    core = stem_core(word)
    if core is None:
        return _short_word_pattern(word)
    return stems_pattern(core)


def stem_core(word: str) -> str | None:
    """The stem part of a stem-aware word's regex, or None when the word is not stem-aware.

    The full pattern is :func:`stems_pattern` of the core; frames put all their one-word cores
    into one such pattern that shares a single suffix group, which keeps the compiled expression
    small and fast.
    """
    word = word.strip().lower()
    if not _ALPHA_RE.match(word):
        return None
    stem = _stemmer().stem(word)
    if len(stem) < MIN_STEM_LENGTH:
        return None
    prefixes = {stem}
    if not word.startswith(stem):
        # Snowball rewrites endings ("supply" → "suppli"); keep the written form too.
        prefixes.add(word)
    alternatives = [re.escape(prefix) for prefix in sorted(prefixes)]
    for prefix in sorted(prefixes):
        if prefix.endswith("e") and len(prefix) >= MIN_STEM_LENGTH:
            # "price" → "pricing", "trade" → "traded": the e drops before a vowel suffix.
            alternatives.append(re.escape(prefix[:-1]) + "(?:ing|ed|er|ation|able|ible|ion)")
    return "|".join(alternatives)


def indicator_pattern(term: str) -> str:
    """The regex for one indicator or exclusion as written in a codebook (word or phrase).

    Words are separated by spaces, hyphens or en dashes in the codebook and in the text; each
    word is a :func:`word_pattern`, which carries its own word boundaries.
    """
    return phrase_pattern(
        term,
        word=word_pattern,
        split=SPACES_OR_DASHES,
        gap=SPACES_OR_DASHES,
        lead=False,
        tail=False,
    )
