"""Frame indicators: the codebook's word syntax turned into stem-aware regexes.

Indicator syntax (all matching is case-insensitive and whole-word):

* ``word``: stem-aware. The word is stemmed with NLTK's Snowball stemmer and matches the stem
  (or the word as written) followed by up to four common English suffix morphemes, so "tariff"
  matches "tariffs", "negotiate" matches "negotiations" and "negotiators", and "price" matches
  "pricing"; "cost" does not match "costume" and "fund" does not match "fundamental". A stem
  shorter than four letters is too ambiguous to extend, so the word matches itself and its plain
  inflections only ("war" matches "war(s)", never "warn" or "ward"; "ban" misses "banned").
  Two indicators of one frame that compile to the same pattern ("retaliate", "retaliation") are
  reported as redundant (a warning). Words with letters outside a–z ("café", "关税") are not
  stemmed: they match as written plus -s, -es, -ed and -ing; their word boundaries are
  Unicode-aware (:mod:`analysis.lexicon`).
* ``two words``: a phrase; the words may be separated by spaces or hyphens, each word matched as
  above ("supply chain" matches "supply-chain" and "supply chains").
* ``=word``: this exact word only ("=fair" does not match "fairly").
* ``word*``: a literal prefix without stemming ("dominan*" matches "dominance", "dominant").
* ``NRA``: a word of 2-6 capital letters is an acronym and also matches its letters with full
  stops ("N.R.A.", as the New York Times writes it); it is not stemmed.
* :func:`indicator_pattern` with ``exact=True`` matches every word as written, with
  ``case_sensitive=True`` keeps the letter case (the codebook's table form
  ``{term = "March", match = "exact", case = "sensitive"}``).

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
    LETTER_RANGES,
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


def _short_word_pattern(word: str, *, fold_case: bool = False) -> str:
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.isascii():
        return bounded(alternation(longest_first(forms)), lead=True, tail=True)
    # Non-ASCII edges get their own boundaries, which depend on each form's last character.
    return alternation(
        bounded(literal_word(f, fold_case=fold_case), lead=True, tail=True, first=f[0], last=f[-1])
        for f in longest_first(forms)
    )


def _edge(char: str) -> str:
    """The edge character to bound on: ``char``, or an ASCII letter (``\\b``) when it is none."""
    return char if char.isalnum() else "a"


def is_acronym(word: str) -> bool:
    """Whether an indicator word is written as an acronym: 2-6 capital letters ("NRA", "GOP",
    "NATO"), which copy also writes with full stops ("N.R.A.", "G.O.P.")."""
    word = word.strip()
    return word.isascii() and word.isalpha() and word.isupper() and 2 <= len(word) <= 6


def word_pattern(word: str, *, exact: bool = False, case_sensitive: bool = False) -> str:
    """The regex for one indicator word (see the module docstring for the syntax).

    This is the per-word pattern that :func:`indicator_pattern` plugs into
    :func:`analysis.lexicon.phrase_pattern`; boundaries and literal escaping come from there.
    ``exact`` matches the word as written (as ``=word`` does); ``case_sensitive`` keeps its
    letter case (the caller wraps the whole indicator in a case-sensitive group). An acronym
    (:func:`is_acronym`) also matches its letters with full stops: a scholar's "NRA" missed
    the New York Times' "N.R.A." in three headlines, which the actor matching had merged.
    """
    pattern = _word_pattern(word, exact=exact, case_sensitive=case_sensitive)
    if exact or not is_acronym(word):
        return pattern
    letters = word.strip() if case_sensitive else word.strip().lower()
    dotted = r"\.".join(literal_word(c, fold_case=not case_sensitive) for c in letters)
    dotted = bounded(dotted, lead=True, tail=True, first=letters[0], last=letters[-1])
    return alternation([dotted, pattern])


def _word_pattern(word: str, *, exact: bool, case_sensitive: bool) -> str:
    """:func:`word_pattern` without an acronym's dotted form."""
    word = word.strip() if case_sensitive else word.strip().lower()
    fold = not case_sensitive
    if not word:
        raise ValueError("empty indicator word")
    if word.startswith("=") or exact:
        literal = word[1:] if word.startswith("=") else word
        if not literal:
            raise ValueError("'=' must be followed by a word")
        # As written: apostrophes are not widened here.
        body = literal_word(literal, apostrophes=False, fold_case=fold)
        return bounded(body, lead=True, tail=True, first=_edge(literal[0]), last=literal[-1])
    if word.endswith("*"):
        prefix = word[:-1]
        if len(prefix) < 3:
            raise ValueError(f"prefix {word!r} is shorter than 3 letters")
        rest = WORD_CHAR if prefix.isascii() else f"[{LETTER_RANGES}]"
        body = literal_word(prefix, apostrophes=False, fold_case=fold) + rest + "*"
        return bounded(body, lead=True, tail=False, first=_edge(prefix[0]))
    if not _ALPHA_RE.match(word.lower()):
        if word.isalpha():
            # Letters outside a-z ("café", "关税"): the English stemmer does not apply; the word
            # and its plain inflections ("cafés").
            return _short_word_pattern(word, fold_case=fold)
        # Names with digits, dots or apostrophes ("u.s.", "g7", "people's"): literal, with
        # either apostrophe.
        return phrase_pattern(word, word=lambda w: literal_word(w, fold_case=fold))
    core = stem_core(word, case_sensitive=case_sensitive)
    if core is None:
        return _short_word_pattern(word)
    return stems_pattern(core)


def stem_core(word: str, *, case_sensitive: bool = False) -> str | None:
    """The stem part of a stem-aware word's regex, or None when the word is not stem-aware.

    The full pattern is :func:`stems_pattern` of the core; frames put all their one-word cores
    into one such pattern that shares a single suffix group, which keeps the compiled expression
    small and fast. With ``case_sensitive`` the stem keeps the letter case of ``word`` as written
    ("March" → "March" + suffixes).
    """
    written = word.strip()
    word = written.lower()
    if not _ALPHA_RE.match(word) or is_acronym(written):  # an acronym has its dotted form too
        return None
    stem = _stemmer().stem(word)
    if len(stem) < MIN_STEM_LENGTH:
        return None
    prefixes = {stem}
    if not re.fullmatch(re.escape(stem) + _SUFFIX_RUN, word):
        # Snowball rewrites endings ("supply" → "suppli") and drops a double l ("footfall" →
        # "footfal", which no suffix gives back: a tester's "footfall" matched nothing, not
        # even itself); keep the written form too, where the stem's forms miss it.
        prefixes.add(word)
    if case_sensitive:
        prefixes = {written[: len(p)] for p in prefixes if word.startswith(p)}
    alternatives = [re.escape(prefix) for prefix in sorted(prefixes)]
    for prefix in sorted(prefixes):
        if prefix.endswith("e") and len(prefix) >= MIN_STEM_LENGTH:
            # "price" → "pricing", "trade" → "traded": the e drops before a vowel suffix.
            alternatives.append(re.escape(prefix[:-1]) + "(?:ing|ed|er|ation|able|ible|ion)")
    return "|".join(alternatives)


def indicator_pattern(term: str, *, exact: bool = False, case_sensitive: bool = False) -> str:
    """The regex for one indicator or exclusion as written in a codebook (word or phrase).

    Words are separated by spaces, hyphens or en dashes in the codebook and in the text; each
    word is a :func:`word_pattern`, which carries its own word boundaries. ``exact`` matches
    every word as written (no stemming); ``case_sensitive`` puts the pattern in a ``(?-i:...)``
    group, which RE2 and Python's ``re`` both honour inside a case-insensitive search.
    """
    pattern = phrase_pattern(
        term,
        word=lambda w: word_pattern(w, exact=exact, case_sensitive=case_sensitive),
        split=SPACES_OR_DASHES,
        gap=SPACES_OR_DASHES,
        lead=False,
        tail=False,
    )
    return f"(?-i:{pattern})" if case_sensitive else pattern
