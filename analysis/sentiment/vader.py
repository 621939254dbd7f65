"""VADER with the numbers of NLTK's ``SentimentIntensityAnalyzer``, faster and offline, reading
the words of news text as a reader does.

The lexicon is ``vader_lexicon.txt`` shipped inside the ``vaderSentiment`` wheel (the same file
NLTK distributes as ``vader_lexicon.zip``); it is read as text, so nothing is loaded through
``nltk.data`` and a user's ``nltk_data`` folder plays no part.

:class:`VaderAnalyzer` reproduces ``nltk.sentiment.vader.SentimentIntensityAnalyzer
.polarity_scores`` operation for operation (same rules, same order of floating-point operations,
same rounding, quirks included), so its scores are identical. NLTK's version is slow mainly
because every sentence builds a dictionary of every word joined to every one of 17 punctuation
strings to strip leading and trailing punctuation; here that is a direct check of the token's
leading or trailing punctuation run. Tokens not in the lexicon are settled with one dictionary
lookup, and the context rules (boosters, negation, "but", idioms, "least") run only for the few
tokens that carry a valence. What a whitespace token becomes (stripped token, lower case,
scored or not, all capitals) is remembered per analyzer, and a sentence with no scored token
gets VADER's all-neutral result directly.

**Words as a reader reads them** (``tokens="words"``, the default). NLTK finds a token's word
only when one of its punctuation strings stands on one side of it, and knows only ASCII
punctuation. In news text that hides a word from the lexicon wherever a quotation begins or
ends or a dash joins two words: ``disaster,"`` (a comma and a quotation mark), ``"good"``
(marks on both sides), ``“disaster”`` and ``don’t`` (typographic marks, as web pages print
them: "I don’t like it" scored +0.36, as if "don’t" were not there, against −0.28 for
"I don't like it"), ``was—disaster``. So before the rules run, typographic quotation marks and
apostrophes are read as the ASCII ones (:data:`TYPOGRAPHIC`), a dash between words as a space,
and a token not in the lexicon as written (``:)``, ``<3``) loses every punctuation mark at its
edges, any run on either side, as vaderSentiment 3.3 (the authors' package, whose lexicon this
is) strips them; an underscore stays, as it marks the words :mod:`analysis.sentiment.scoring`
hides from VADER. Every rule after that is NLTK's, unchanged. On NLTK's own tokens
(``tokens="nltk"``) the scores are NLTK's exactly, down to the bit (tested against its class).

Quirks kept on purpose (they are part of VADER as published and as NLTK runs it):

* a token that occurs twice is scored in the context of its *first* occurrence;
* with ``tokens="nltk"``, words wrapped in brackets, or with punctuation on both sides other than
  a single run, keep their punctuation and so miss the lexicon (``"(good)"`` is neutral);
* "never so/this" and the idiom checks compare the original, not lower-cased, tokens.
"""

from __future__ import annotations

import importlib.util
import math
import re
import string
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, compress
from operator import itemgetter
from pathlib import Path
from typing import Literal

import numpy as np
from nltk.sentiment.vader import VaderConstants

LEXICON_FILE = "vader_lexicon.txt"

_C = VaderConstants
_PUNCT = string.punctuation
_PUNCT_SET = frozenset(_PUNCT)
_PUNC_LIST = frozenset(_C.PUNC_LIST)
_HAS_PUNCT = re.compile(f"[{re.escape(_PUNCT)}]").search
_BOOSTER = _C.BOOSTER_DICT
_NEGATE = _C.NEGATE
_IDIOMS = _C.SPECIAL_CASE_IDIOMS
# The first two words of every idiom and booster phrase (the multi-word keys): two or three
# whitespace tokens joined by spaces can equal such a key only if their first two are one of
# these pairs.
_PHRASE_STARTS = frozenset(tuple(key.split(" ")[:2]) for key in (*_IDIOMS, *_BOOSTER) if " " in key)
_B_INCR, _B_DECR, _C_INCR, _N_SCALAR = _C.B_INCR, _C.B_DECR, _C.C_INCR, _C.N_SCALAR
_SCORE_KEYS = ("neg", "neu", "pos", "compound")
_ZERO_TUPLE = (0.0, 0.0, 0.0, 0.0)  # no token at all
_NEUTRAL_TUPLE = (0.0, 1.0, 0.0, 0.0)  # tokens, none of them scored
# A memo entry: (token as VADER sees it, lower-cased, scored (in the lexicon and not a booster),
# all upper case); ``()`` for a whitespace token that VADER drops.
_Entry = tuple[str, str, bool, bool] | tuple[()]
_WE, _LOW, _SCORED, _UPPER = (itemgetter(k) for k in range(4))
# Distinct whitespace tokens an analyzer remembers before it starts its memo afresh.
TOKEN_MEMO_SIZE = 200_000

# ``tokens="words"``: typographic marks read as the ASCII ones VADER's rules and lexicon know.
TYPOGRAPHIC = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        "\u2026": "...",
    }
)
# A dash (figure, en, em, horizontal bar, or two or more hyphens) is read as a space, so that
# the words it joins are two tokens.
_DASH_RE = re.compile("[\u2012-\u2015]|--+")
# What a token's edges lose: ASCII punctuation but "_", which marks a masked word.
_EDGE_PUNCT = _PUNCT.replace("_", "")
Tokens = Literal["words", "nltk"]


def lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package.

    The package is located without importing it (its analyzer module is not needed).
    """
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "the VADER lexicon comes from the 'vaderSentiment' package; "
            "install it with `pip install vaderSentiment`"
        )
    for folder in spec.submodule_search_locations:
        path = Path(folder) / LEXICON_FILE
        if path.is_file():
            return path
    raise FileNotFoundError(f"{LEXICON_FILE} not found in the vaderSentiment package")


def parse_lexicon(text: str) -> dict[str, float]:
    """Token → mean valence, parsed exactly as NLTK's ``make_lex_dict`` does.

    Lines are split on ``\\n`` and stripped (which removes the file's ``\\r``); the first two
    tab-separated fields are the token and its valence; a later duplicate overrides an earlier
    one. Blank lines are skipped.
    """
    lex: dict[str, float] = {}
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        fields = stripped.split("\t")
        if len(fields) < 2:
            raise ValueError(f"malformed VADER lexicon line: {line!r}")
        lex[fields[0]] = float(fields[1])
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, float]:
    """The VADER lexicon from the ``vaderSentiment`` wheel (cached; do not mutate)."""
    return parse_lexicon(lexicon_path().read_text(encoding="utf-8"))


def words_and_emoticons(text: str) -> list[str]:
    """VADER's tokens: whitespace tokens of two or more characters, with a leading or trailing
    run of punctuation removed when that run is one of VADER's punctuation strings and the rest
    is a punctuation-free word of two or more characters (NLTK ``SentiText`` semantics).
    """
    out = []
    for tok in text.split():
        if len(tok) < 2:
            continue
        if tok[0] in _PUNCT_SET:
            word = tok.lstrip(_PUNCT)
            if len(word) > 1 and tok[: len(tok) - len(word)] in _PUNC_LIST and not _HAS_PUNCT(word):
                tok = word
        elif tok[-1] in _PUNCT_SET:
            word = tok.rstrip(_PUNCT)
            if len(word) > 1 and tok[len(word) :] in _PUNC_LIST and not _HAS_PUNCT(word):
                tok = word
        out.append(tok)
    return out


def read_word(token: str, lexicon: dict[str, float]) -> str:
    """One whitespace token of two or more characters as ``tokens="words"`` reads it: its
    typographic marks as ASCII (:data:`TYPOGRAPHIC`); then, unless the token is in ``lexicon``
    as written, its leading and trailing punctuation removed, any run on either side
    (``disaster,"`` is ``disaster``), when two or more characters are left. An underscore stays.
    """
    token = token.translate(TYPOGRAPHIC)
    if token.lower() in lexicon:
        return token
    word = token.strip(_EDGE_PUNCT)
    return word if len(word) > 1 else token


def _has_dash(text: str) -> bool:
    """Does ``text`` hold a dash :func:`split_dashes` reads as a space (a few substring
    searches: five times faster than searching with the pattern)."""
    if "--" in text:
        return True
    if text.isascii():
        return False
    return "\u2014" in text or "\u2013" in text or "\u2012" in text or "\u2015" in text


def split_dashes(text: str) -> str:
    """``text`` with every dash read as a space (``was—disaster`` is two words)."""
    return _DASH_RE.sub(" ", text)


def _negated(word_lower: str) -> bool:
    return word_lower in _NEGATE or "n't" in word_lower


def _boost(valence: float, word_lower: str, word: str, cap_diff: bool) -> float:
    """NLTK's ``scalar_inc_dec`` for a booster word before a token of ``valence``."""
    scalar = _BOOSTER[word_lower]
    if valence < 0:
        scalar *= -1
    if word.isupper() and cap_diff:
        if valence > 0:
            scalar += _C_INCR
        else:
            scalar -= _C_INCR
    return scalar


def _token_entry(raw: str, lexicon: dict[str, float], tokens: Tokens) -> _Entry:
    """What VADER makes of one whitespace token: ``(token as VADER sees it, lower-cased, scored
    (in ``lexicon`` and not a booster), all upper case)``, or ``()`` for a token it drops;
    ``tokens`` says whose reading of the token's punctuation (see the module's docstring)."""
    if tokens == "words":
        if len(raw) < 2:
            return ()
        we = read_word(raw, lexicon)
    else:
        word = words_and_emoticons(raw)
        if not word:
            return ()
        we = word[0]
    low = we.lower()
    return (we, low, low in lexicon and low not in _BOOSTER, we.isupper())


class _TokenMemo(dict[str, _Entry]):
    """Whitespace token → :func:`_token_entry`, computed on first sight of a token (a missing
    key), so a sentence's tokens are looked up in one pass; emptied when it grows past
    :data:`TOKEN_MEMO_SIZE` entries."""

    def __init__(self, lexicon: dict[str, float], tokens: Tokens) -> None:
        super().__init__()
        self.lexicon = lexicon
        self.tokens = tokens

    def __missing__(self, raw: str) -> _Entry:
        if len(self) >= TOKEN_MEMO_SIZE:
            self.clear()
        entry = self[raw] = _token_entry(raw, self.lexicon, self.tokens)
        return entry


class VaderAnalyzer:
    """Faster equivalent of NLTK's ``SentimentIntensityAnalyzer`` that reads words as a reader
    does.

    ``polarity_scores(text)`` returns the same dict (``neg, neu, pos, compound``). With
    ``tokens="nltk"`` the numbers are NLTK's exactly; with ``tokens="words"`` (the default) a
    word next to a quotation mark, a typographic apostrophe or a dash is read as the word (see
    the module's docstring), and the rules are NLTK's. ``lexicon`` defaults to the
    vaderSentiment lexicon; pass a dict to use another. What each token is (in the lexicon or
    not) is remembered per analyzer, so make a new analyzer for another lexicon rather than
    changing ``lexicon`` in place.
    """

    def __init__(self, lexicon: dict[str, float] | None = None, tokens: Tokens = "words") -> None:
        if tokens not in ("words", "nltk"):
            raise ValueError(f"tokens must be 'words' or 'nltk', not {tokens!r}")
        self.lexicon = load_lexicon() if lexicon is None else dict(lexicon)
        self.tokens = tokens
        self._memo = _TokenMemo(self.lexicon, tokens)

    # -- per-token valence (NLTK's sentiment_valence and helpers) ---------------------------

    def _valence(self, wes: list[str], lows: list[str], i: int, cap_diff: bool) -> float:
        """NLTK's ``sentiment_valence`` for the scored token ``i``, its three-word loop unrolled
        (same operations in the same order)."""
        lex = self.lexicon
        valence = lex[lows[i]]
        if wes[i].isupper() and cap_diff:
            if valence > 0:
                valence += _C_INCR
            else:
                valence -= _C_INCR
        if i > 0 and lows[i - 1] not in lex:  # start_i 0
            low = lows[i - 1]
            s = _boost(valence, low, wes[i - 1], cap_diff) if low in _BOOSTER else 0.0
            valence = valence + s
            if low in _NEGATE or "n't" in low:  # _negated, inline (runs per scored token)
                valence = valence * _N_SCALAR
        if i > 1 and lows[i - 2] not in lex:  # start_i 1
            low = lows[i - 2]
            s = _boost(valence, low, wes[i - 2], cap_diff) if low in _BOOSTER else 0.0
            if s != 0:
                s = s * 0.95
            valence = valence + s
            if wes[i - 2] == "never" and (wes[i - 1] == "so" or wes[i - 1] == "this"):
                valence = valence * 1.5
            elif low in _NEGATE or "n't" in low:
                valence = valence * _N_SCALAR
        if i > 2 and lows[i - 3] not in lex:  # start_i 2
            low = lows[i - 3]
            s = _boost(valence, low, wes[i - 3], cap_diff) if low in _BOOSTER else 0.0
            if s != 0:
                s = s * 0.9
            valence = valence + s
            if (wes[i - 3] == "never" and (wes[i - 2] == "so" or wes[i - 2] == "this")) or (
                wes[i - 1] == "so" or wes[i - 1] == "this"
            ):
                valence = valence * 1.25
            elif low in _NEGATE or "n't" in low:
                valence = valence * _N_SCALAR
            # every idiom or booster phrase checked there starts at token i - 3, i - 2, i - 1
            # or i: where no two tokens starting there begin one, none can match
            starts = _PHRASE_STARTS
            if (
                (wes[i - 1], wes[i]) in starts
                or (wes[i - 2], wes[i - 1]) in starts
                or (wes[i - 3], wes[i - 2]) in starts
                or (i + 1 < len(wes) and (wes[i], wes[i + 1]) in starts)
            ):
                valence = self._idioms_check(valence, wes, i)
        # "least" check
        if i > 1 and lows[i - 1] not in lex and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * _N_SCALAR
        elif i > 0 and lows[i - 1] not in lex and lows[i - 1] == "least":
            valence = valence * _N_SCALAR
        return valence

    @staticmethod
    def _never_check(
        valence: float, wes: list[str], lows: list[str], start_i: int, i: int
    ) -> float:
        if start_i == 0:
            if _negated(lows[i - 1]):
                valence = valence * _N_SCALAR
        elif start_i == 1:
            if wes[i - 2] == "never" and (wes[i - 1] == "so" or wes[i - 1] == "this"):
                valence = valence * 1.5
            elif _negated(lows[i - 2]):
                valence = valence * _N_SCALAR
        else:
            if (wes[i - 3] == "never" and (wes[i - 2] == "so" or wes[i - 2] == "this")) or (
                wes[i - 1] == "so" or wes[i - 1] == "this"
            ):
                valence = valence * 1.25
            elif _negated(lows[i - 3]):
                valence = valence * _N_SCALAR
        return valence

    @staticmethod
    def _idioms_check(valence: float, wes: list[str], i: int) -> float:
        onezero = f"{wes[i - 1]} {wes[i]}"
        twoonezero = f"{wes[i - 2]} {wes[i - 1]} {wes[i]}"
        twoone = f"{wes[i - 2]} {wes[i - 1]}"
        threetwoone = f"{wes[i - 3]} {wes[i - 2]} {wes[i - 1]}"
        threetwo = f"{wes[i - 3]} {wes[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in _IDIOMS:
                valence = _IDIOMS[seq]
                break
        n = len(wes)
        if n - 1 > i:
            zeroone = f"{wes[i]} {wes[i + 1]}"
            if zeroone in _IDIOMS:
                valence = _IDIOMS[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{wes[i]} {wes[i + 1]} {wes[i + 2]}"
            if zeroonetwo in _IDIOMS:
                valence = _IDIOMS[zeroonetwo]
        if threetwo in _BOOSTER or twoone in _BOOSTER:
            valence = valence + _B_DECR
        return valence

    # -- sentence score ---------------------------------------------------------------------

    def _entries(self, text: str) -> list[_Entry]:
        """The :class:`_Entry` of each VADER token of ``text``, in order.

        Each whitespace token is looked up in a per-analyzer memo (:class:`_TokenMemo`), so the
        punctuation stripping, lower-casing and lexicon lookups run once per distinct token, not
        once per occurrence; the memo only remembers a pure function of the token, so it never
        changes a score. With ``tokens="words"`` a dash separates the words it joins.
        """
        if self.tokens == "words" and _has_dash(text):
            text = split_dashes(text)
        return list(filter(None, map(self._memo.__getitem__, text.split())))

    def _scores(self, text: str) -> tuple[float, float, float, float]:
        """``(neg, neu, pos, compound)`` of ``text``, as NLTK computes them from the tokens.

        A sentence none of whose tokens is scored (no lexicon word other than a booster) gets
        VADER's result for all-neutral tokens, ``(0.0, 1.0, 0.0, 0.0)``, without the
        arithmetic (the arithmetic gives exactly that); an empty one gets zeros.
        """
        entries = self._entries(text)
        n = len(entries)
        if n == 0:
            return _ZERO_TUPLE
        scored = list(compress(range(n), map(_SCORED, entries)))
        if not scored:
            return _NEUTRAL_TUPLE
        wes = list(map(_WE, entries))
        lows = list(map(_LOW, entries))
        cap_diff: bool | None = None
        cache: dict[str, float] = {}
        # NLTK appends 0 (an int) for every unscored token; a repeated token takes the value of
        # its first occurrence, which for an unscored token is that same 0.
        sentiments: list[float] = [0] * n
        any_hit = False
        for i in scored:
            item = wes[i]
            if item in cache:
                sentiments[i] = cache[item]
                continue
            if lows[i] == "kind" and i < n - 1 and lows[i + 1] == "of":
                value: float = 0
            else:
                if cap_diff is None:
                    n_upper = sum(map(_UPPER, entries))
                    cap_diff = 0 < n - n_upper < n
                value = self._valence(wes, lows, i, cap_diff)
                any_hit = True
            cache[item] = value
            sentiments[i] = value
        if any_hit and "but" in lows:
            bi = lows.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return _score_valence(sentiments, text)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``neg, neu, pos`` (rounded to 3 places) and ``compound`` (4 places) for ``text``."""
        if not isinstance(text, str):
            raise TypeError(f"polarity_scores expects a str, got {type(text).__name__}")
        return dict(zip(_SCORE_KEYS, self._scores(text), strict=True))

    def score_many(self, texts: Iterable[str]) -> np.ndarray:
        """An ``(n, 4)`` float array of ``neg, neu, pos, compound`` for each text, in order."""
        texts = list(texts)
        if set(map(type, texts)) <= {str}:  # the usual case: no text to check one by one
            rows = list(map(self._scores, texts))
        else:
            rows = []
            for text in texts:
                if not isinstance(text, str):
                    raise TypeError(f"polarity_scores expects a str, got {type(text).__name__}")
                rows.append(self._scores(text))
        # the same float64 array as np.array(rows, dtype=float), built faster from the flat values
        flat = np.fromiter(chain.from_iterable(rows), dtype=float, count=4 * len(rows))
        return flat.reshape(len(rows), 4)


def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """NLTK's ``score_valence``: punctuation emphasis, normalisation and the three shares, as
    ``(neg, neu, pos, compound)``.

    Zeros add nothing to a sum (not even the sign of a zero: the sum starts from the int 0),
    so only the non-zero values are summed and walked; the zeros are NLTK's neutral count."""
    nonzero = list(filter(None, sentiments))
    sum_s = float(sum(nonzero))
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct = ep_count * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    for s in nonzero:
        if s > 0:
            pos_sum += float(s) + 1
        elif s < 0:
            neg_sum += float(s) - 1
    neu_count = len(sentiments) - len(nonzero)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


@lru_cache(maxsize=1)
def default_analyzer() -> VaderAnalyzer:
    """A shared analyzer over the vaderSentiment lexicon."""
    return VaderAnalyzer()
