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

Speed: splitting runs on every line of large corpora, so our Punkt (:class:`_Punkt`) makes
NLTK's decisions with less Python: a line with no potential sentence end is one sentence
without further work, the decision at each potential end is made over word strings rather than
annotated token objects and remembered per context ("said. The"), and words are counted over
the whole sentence column at once (:func:`count_words_many`). The tests compare it with NLTK's
own Punkt over the same parameters (:func:`_nltk_punkt`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import (
    _ORTHO_BEG_LC,
    _ORTHO_LC,
    _ORTHO_MID_UC,
    _ORTHO_UC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from analysis.config import DATA_DIR

# A bullet or list marker at the start of a line: "-", "*", "•", "·", "▪", "1.", "2)", "(a)".
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦‣●]|\(?\d{1,3}[.)]|\([a-z]\))\s+")
# What a line's first character after white space must be for BULLET_RE to match (else a digit).
_BULLET_STARTS = frozenset("-*•·▪◦‣●(")
# Tokens that carry no word: punctuation and symbols only.
_WORDLIKE_RE = re.compile(r"\w")
# Scripts written without spaces between words: Han ideographs (with their extensions and
# compatibility block), hiragana and katakana. Each character counts as one word, the
# convention of word processors and of CJK reading-rate studies, since a run of them is a
# clause, not a word.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# ... its parts: kana (hiragana, then katakana) and Han
HIRAGANA_CHARS = "\u3040-\u309f"
KATAKANA_CHARS = "\u30a0-\u30ff"
KANA_CHARS = "\u3040-\u30ff"
HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
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
        # pronouns and articles that start a sentence after an acronym ("the U.S. She said")
        # but are not a name after a title ("Dr. He Jiankui" is why "he" is not here)
        "she",
        "i",
        "a",
        "an",
        "there",
        "his",
        "her",
        "that",
        "as",
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


# What Punkt's orthographic heuristic treats as punctuation (``PunktSentenceTokenizer``).
_PUNKT_PUNCTUATION = frozenset(PunktSentenceTokenizer.PUNCTUATION)
_SENT_END_TOKENS = frozenset(PunktLanguageVars.sent_end_chars)
# What NLTK's Punkt calls whitespace (string.whitespace), but the space.
_NOT_SPACE_WHITESPACE = string.whitespace.replace(" ", "")
_NOT_SPACE_WHITESPACE_RE = re.compile(f"[{re.escape(_NOT_SPACE_WHITESPACE)}]")
# The characters NLTK's boundary realignment pattern (re_boundary_realignment) can start with:
# closing quotes and brackets.
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
# Contexts of potential sentence ends whose decision a tokenizer remembers before starting afresh.
CONTEXT_MEMO_SIZE = 100_000


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt sentence tokenizer with the same decisions, made with less Python.

    Punkt finds every potential sentence end (a period, "?" or "!" followed by punctuation or by
    whitespace and a token) and asks :meth:`text_contains_sentbreak` about the few words around
    it, which in NLTK builds a :class:`PunktToken` per word and runs two annotation passes of
    generators. Here that question is answered by :func:`_contains_sentbreak` over the word
    strings, with the same first- and second-pass rules (abbreviations, ellipses, initials,
    numbers, the orthographic and sentence-starter heuristics) read from the same parameters.
    A piece of text with no potential sentence end at all is one sentence without further work.
    The test suite checks both against NLTK's own code.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[str, bool] = {}

    def sentences_from_text(self, text: str, realign_boundaries: bool = True) -> list[str]:
        """The sentences of ``text``: NLTK's slicing and boundary realignment, in one loop.

        Text with no potential sentence end is one sentence (NLTK gives the same).
        """
        if not realign_boundaries:
            return super().sentences_from_text(text, realign_boundaries)
        contexts = self._match_potential_end_contexts(text)
        if not contexts:
            stop = len(text.rstrip())
            return [text[:stop]] if stop else []
        # NLTK's _slices_from_text
        slices: list[tuple[int, int]] = []
        last_break = 0
        memo = self._memo  # text_contains_sentbreak's memo, read here first (no call per end)
        for match, context in contexts:
            found = memo.get(context)
            if found is None:
                found = self.text_contains_sentbreak(context)
            if found:
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        # NLTK's _realign_boundaries: closing quotes and brackets after a sentence end join it
        realign_re = self._lang_vars.re_boundary_realignment
        out: list[str] = []
        realign = 0
        last = len(slices) - 1
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k == last:
                if text[start:stop]:
                    out.append(text[start:stop])
                break
            next_start, next_stop = slices[k + 1]
            # the pattern starts with one of _REALIGN_FIRST: most sentences do not, and their
            # text is neither copied nor matched
            if next_start < next_stop and text[next_start] in _REALIGN_FIRST:
                m = realign_re.match(text[next_start:next_stop])
            else:
                m = None
            if m:
                out.append(text[start : next_start + len(m.group(0).rstrip())])
                realign = m.end()
            else:
                realign = 0
                if text[start:stop]:
                    out.append(text[start:stop])
        return out

    def _match_potential_end_contexts(self, text: str) -> list[tuple[re.Match[str], str]]:
        """NLTK's potential sentence ends of ``text``, each with its context (the word before
        it, the end and the token after it), with NLTK's overlap rule; a list, built without
        NLTK's slice objects and without copying the text before each end. A context is
        one slice: NLTK's word + end + ``after_tok`` are adjacent (the end is one character,
        and the lookahead group ``after_tok`` starts right after it)."""
        out: list[tuple[re.Match[str], str]] = []
        prev_start = prev_stop = 0
        prev: re.Match[str] | None = None
        other_space: bool | None = None  # looked for at the first end (most lines have none)
        for match in self._lang_vars.period_context_re().finditer(text):
            start = match.start()
            if other_space is None:
                # whitespace other than the space is rare: without it, the last space is the
                # answer
                other_space = _NOT_SPACE_WHITESPACE_RE.search(text) is not None
            if other_space:
                space = _last_whitespace(text, prev_stop, start)
            else:
                space = text.rfind(" ", prev_stop, start)
            # NLTK: the previous word starts after the last whitespace since the previous end,
            # unless there is none or it is that text's first character
            word_start = space + 1 if space > prev_stop else prev_start
            if prev is not None and prev_stop <= word_start:
                out.append((prev, text[prev_start : prev.end("after_tok")]))
            prev, prev_start, prev_stop = match, word_start, start
        if prev is not None:
            out.append((prev, text[prev_start : prev.end("after_tok")]))
        return out

    def text_contains_sentbreak(self, text: str) -> bool:
        """Whether a token of ``text`` other than its last is a sentence break (as NLTK).

        ``text`` is the context of one potential sentence end (the word before it, the end
        and the token after it: "said. The"), and the answer depends on nothing else, so it is
        remembered per context (emptied past :data:`CONTEXT_MEMO_SIZE` entries).
        """
        memo = self._memo
        found = memo.get(text)
        if found is None:
            if len(memo) >= CONTEXT_MEMO_SIZE:
                memo.clear()
            found = memo[text] = _contains_sentbreak(self, text)
        return found


def _last_whitespace(text: str, start: int, stop: int) -> int:
    """Index of the last character of ``text[start:stop]`` that NLTK's Punkt calls whitespace
    (``string.whitespace``), or -1. The characters other than the space matter only after the
    last space, so only that tail is searched for them."""
    index = text.rfind(" ", start, stop)
    tail = max(index + 1, start)
    for char in _NOT_SPACE_WHITESPACE:
        index = max(index, text.rfind(char, tail, stop))
    return index


def _first_pass(tok: str, abbrev_types: set[str]) -> tuple[bool, bool, bool]:
    """Punkt's first pass for one token: ``(sentbreak, abbr, ellipsis)``."""
    if tok in _SENT_END_TOKENS:
        return True, False, False
    if _PunktToken._RE_ELLIPSIS.match(tok):
        return False, False, True
    if tok.endswith(".") and not tok.endswith(".."):
        low = tok[:-1].lower()
        if low in abbrev_types or low.split("-")[-1] in abbrev_types:
            return False, True, False
        return True, False, False
    return False, False, False


def _token_type(tok: str) -> str:
    """Punkt's case-normalised type of a token (numbers become ``##number##``)."""
    return _PunktToken._RE_NUMERIC.sub("##number##", tok.lower())


def _no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _ortho_heuristic(tok: str, typ: str, ortho_context: dict[str, int]) -> bool | str:
    """NLTK's ``_ortho_heuristic`` for the token ``tok`` whose sentence-period-free type is
    ``typ``: True (starts a sentence), False (does not) or ``"unknown"``."""
    if tok in _PUNKT_PUNCTUATION:
        return False
    context = ortho_context.get(typ, 0)
    if tok[0].isupper() and (context & _ORTHO_LC) and not (context & _ORTHO_MID_UC):
        return True
    if tok[0].islower() and ((context & _ORTHO_UC) or not (context & _ORTHO_BEG_LC)):
        return False
    return "unknown"


def _final_sentbreak(
    params: PunktParameters, tok: str, first: tuple[bool, bool, bool], nxt: str, next_break: bool
) -> bool:
    """Whether ``tok`` ends a sentence after Punkt's second pass, given the next token ``nxt``
    (``next_break``: its first-pass sentence break). NLTK's ``_second_pass_annotation``."""
    sentbreak, abbr, ellipsis = first
    if not tok.endswith("."):
        return sentbreak
    typ = _no_period(_token_type(tok))
    next_type = _token_type(nxt)
    next_typ = _no_period(next_type) if next_break else next_type
    if (typ, next_typ) in params.collocations:
        return False
    is_initial = _PunktToken._RE_INITIAL.match(tok) is not None
    if (abbr or ellipsis) and not is_initial:
        if _ortho_heuristic(nxt, next_typ, params.ortho_context) is True:
            return True
        if nxt[0].isupper() and next_typ in params.sent_starters:
            return True
    if is_initial or typ == "##number##":
        starter = _ortho_heuristic(nxt, next_typ, params.ortho_context)
        if starter is False:
            return False
        if (
            starter == "unknown"
            and is_initial
            and nxt[0].isupper()
            and not (params.ortho_context.get(next_typ, 0) & _ORTHO_LC)
        ):
            return False
    return sentbreak


def _contains_sentbreak(tokenizer: PunktSentenceTokenizer, text: str) -> bool:
    """NLTK's ``text_contains_sentbreak`` over word strings instead of annotated tokens."""
    params = tokenizer._params
    word_tokenize = tokenizer._lang_vars.word_tokenize
    if "\n" in text:
        tokens = [tok for line in text.split("\n") if line.strip() for tok in word_tokenize(line)]
    else:
        tokens = word_tokenize(text) if text.strip() else []
    if len(tokens) < 2:
        return False
    abbrev_types = params.abbrev_types
    first = _first_pass(tokens[0], abbrev_types)
    for k in range(len(tokens) - 1):
        following = _first_pass(tokens[k + 1], abbrev_types)
        if _final_sentbreak(params, tokens[k], first, tokens[k + 1], following[0]):
            return True
        first = following
    return False


# A dotted initialism without its last period, as Punkt looks it up: "n.r.a", "g.o.p", "f.b.i".
_INITIALISM_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")


class _AbbreviationTypes(set):
    """Punkt's abbreviation types: the listed ones, and every dotted initialism.

    NYT-style copy dots every acronym ("N.R.A.", "G.O.P.", "F.B.I."); Punkt knows only the
    listed ones, so "the N.R.A. said" was cut after the acronym. An initialism now does not end
    a sentence unless a sentence starter follows it ("... joined the N.R.A. The group ..."), as
    for "U.S.". A set, so NLTK's own Punkt (the tests' reference) reads it the same way.
    """

    def __contains__(self, typ: object) -> bool:
        return set.__contains__(self, typ) or (
            isinstance(typ, str) and _INITIALISM_RE.fullmatch(typ) is not None
        )


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = _AbbreviationTypes(_read_word_list("abbreviations.txt"))
    params.sent_starters = set(_SENTENCE_STARTERS)
    return _Punkt(params, lang_vars=_PunktVars(), token_cls=_PunktToken)


@lru_cache(maxsize=1)
def _nltk_punkt() -> PunktSentenceTokenizer:
    """NLTK's own Punkt over the same parameters and patterns (the reference in tests)."""
    return PunktSentenceTokenizer(_punkt()._params, lang_vars=_PunktVars(), token_cls=_PunktToken)


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
    stripped = line.strip()
    # BULLET_RE matches only where the first character after the leading white space is a
    # marker, an opening bracket or a decimal digit (``\s`` and ``str.strip`` skip the same
    # characters, ``\d`` is ``str.isdecimal``): on any other line it would remove nothing
    if stripped and (stripped[0] in _BULLET_STARTS or stripped[0].isdecimal()):
        return BULLET_RE.sub("", line, count=1).strip()
    return stripped


# A sentence Punkt ended at a quotation's end ("?”, "!”, ".”): Punkt always breaks after "?"
# and "!", even before "she said".
_QUOTES = frozenset("\"'”’»")
_ENDS = frozenset(".?!…")
# What goes with the quotation before it: a closing quote with the punctuation after it
# ('", was mocked'), what starts in lower case ("she said.", "asked Ann Lee, a rider."), or a
# short capitalised attribution ("Mayor Ellen Park said.").
_CLOSES_QUOTE_RE = re.compile(r"""^["'”’»]+(?:$|\s*[,;:)\]–—-])""")
_LOWER_START_RE = re.compile(r"^[a-z]")
# a name (up to five capitalised words) and a speech verb, then at most when or where it was
# said or a description between commas: "Mayor Ellen Park said.", "Park said on Monday.",
# "Park said, adding nothing." ("Officials said the plan failed." is a sentence of its own)
_ATTRIBUTION_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,5}(?:said|says|asked|asks|added|adds|told\s+\w+|wrote|writes|"
    r"replied|replies|explained|insisted|noted|warned|declared|shouted|recalled|tweeted|posted)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|tonight|this\s+week|last\s+week|later|then|again|in\s+a\s+statement|"
    r"in\s+an\s+interview|at\s+a\s+news\s+conference))?(?:,[^.?!\"“”]{0,80})?[.?!]?$"
)


def _goes_with_quote(previous: str, sentence: str) -> bool:
    """Whether ``sentence`` continues the quotation that ends ``previous`` (see above)."""
    if sentence[0] in _QUOTES and _CLOSES_QUOTE_RE.match(sentence):
        return True
    # the two characters tested directly: this runs after every sentence of a corpus
    if not (len(previous) > 1 and previous[-1] in _QUOTES and previous[-2] in _ENDS):
        return False
    if _LOWER_START_RE.match(sentence):
        return True
    return _ATTRIBUTION_RE.match(sentence) is not None


def split_sentences(text: str) -> list[str]:
    """Split a cleaned article text into sentences.

    Each non-empty line is a unit (paragraph, heading, bullet or timeline entry); bullet
    markers are dropped and each unit is split with Punkt and the news abbreviation list. A unit
    longer than :data:`MAX_UNIT_CHARS` is first cut at sentence ends (see the module docstring).
    Punkt's pieces that belong to the quotation before them are joined back to it: the
    attribution after a question or exclamation (\u201c“Why now?” she asked.\u201d was two
    sentences, the second quoted as evidence) or a short capitalised one (\u201c“Enough.” Mayor
    Ellen Park said.\u201d), and a closing quote cut off with what follows it.
    """
    tokenize = _punkt().tokenize
    out: list[str] = []
    for line in text.splitlines():
        unit = strip_bullet(line)
        if not unit:
            continue
        # a normal line is one piece (no cut)
        pieces = (unit,) if len(unit) <= MAX_UNIT_CHARS else _bounded_units(unit)
        first = len(out)
        for piece in pieces:
            for part in _cjk_sentences(piece):
                cursor, joined_from = 0, -1  # where the last sentence starts in ``part``
                for sentence in tokenize(part):
                    sentence = sentence.strip()
                    if not sentence:
                        continue
                    start = part.find(sentence, cursor)  # Punkt's sentences are its slices
                    cursor = start + len(sentence)
                    # _goes_with_quote is False unless the sentence starts with or the one
                    # before it ends with a quotation mark (tested here: no call per sentence)
                    if (
                        len(out) > first
                        and (sentence[0] in _QUOTES or out[-1][-1] in _QUOTES)
                        and _goes_with_quote(out[-1], sentence)
                    ):
                        # as written (no space is added between '.”' and ', was mocked')
                        joined = part[joined_from:cursor] if joined_from >= 0 else None
                        out[-1] = joined or f"{out[-1]} {sentence}"
                    else:
                        out.append(sentence)
                        joined_from = start
    return out


def _cjk_sentences(text: str) -> list[str]:
    """``text`` cut after each full-width sentence end (。！？ and closing quotes), else whole.

    Chinese and Japanese put no space after a sentence end, so Punkt sees one sentence; the cut
    is made first and Punkt still splits any spaced-script sentences inside each part.
    """
    if text.isascii() or not _CJK_END_RE.search(text):  # (the ends are not ASCII)
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
    # a sentence's final period parted from its closing quote by a space ('he says. "', as an
    # export without commas wrote it) is split off as when they touch: the Treebank tokenizer
    # left "says." a word of its own, and a tester's keyness count of "says" was 2 short
    text = _FINAL_STOP_SPACED_RE.sub(r".\1", text)
    return [tok for tok in _word_tokenizer().tokenize(text) if _WORDLIKE_RE.search(tok)]


_FINAL_STOP_SPACED_RE = re.compile(r"(?<=[^\W\d_])\.\s+([\]\)}>\"'”]+)\s*$")


def count_words(text: str) -> int:
    """Number of words in ``text``, the denominator of every per-1,000-words rate.

    Words are runs of letters or digits joined by inner hyphens, apostrophes, periods or commas,
    so "China's", "U.S.", "market-dominance" and "1,000" count once each, as a reader would
    count them. Chinese and Japanese characters count one each (no spaces mark their words).
    One regular expression, because it runs on every sentence of large corpora.
    """
    return len(_COUNT_WORD_RE.findall(text))


@lru_cache(maxsize=1)
def _count_word_re2() -> str:
    """:data:`_COUNT_WORD_RE` for RE2, with Python's Unicode letters and digits (and the CJK
    characters, one word each) written out (RE2's own classes are ASCII-only), so that it finds
    the same words."""
    from analysis.lexicon import python_class

    cjk = python_class(f"[{CJK_CHARS}]")
    letters = python_class("[^\\W_" + CJK_CHARS + "]")
    word = f"[{letters}]+"
    return f"[{cjk}]|{word}(?:[\\-'’.,]{word})*"


def count_words_many(texts: list[str]) -> np.ndarray:
    """:func:`count_words` of each text, as an int64 array, counted over the whole list at once.

    Texts are counted from their UTF-8 bytes with array operations: ASCII texts (most English
    sentences) byte by byte (:func:`_count_ascii_words`), other texts whose characters are all
    in the Basic Multilingual Plane (curly quotes, dashes, accented and CJK letters) character
    by character (:func:`_count_bmp_words`). The few others go to RE2: the pattern has one way
    to match any text (one CJK character, or a greedy run of other letters and digits, then
    separator-and-run repeats; separators are not letters), so RE2's leftmost-first matches are
    Python's and the counts are equal; pyarrow's kernel counts them without a Python call per
    sentence. Texts that pyarrow cannot hold (a lone surrogate) are counted by Python.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        array = pa.array(texts, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):
        return np.fromiter(map(count_words, texts), dtype=np.int64, count=len(texts))
    ascii_rows = pc.string_is_ascii(array).to_numpy(zero_copy_only=False).astype(bool)
    counts = np.empty(len(texts), dtype=np.int64)
    counts[ascii_rows] = _count_ascii_words(array.filter(pa.array(ascii_rows)))
    others = np.flatnonzero(~ascii_rows)
    if len(others):
        data, offsets = _utf8(array.take(pa.array(others)))
        # a lead byte of 0xF0 or more starts a character outside the BMP
        outside = np.flatnonzero(data >= 0xF0)
        astral = np.diff(np.searchsorted(outside, offsets)) > 0
        bmp = ~astral
        counts[others[bmp]] = _count_bmp_words(array.take(pa.array(others[bmp])))
        if astral.any():
            found = pc.count_substring_regex(
                array.take(pa.array(others[astral])), _count_word_re2()
            )
            counts[others[astral]] = found.to_numpy(zero_copy_only=False)
    return counts


# In ASCII text the words of _COUNT_WORD_RE are runs of letters and digits joined by one of
# these separators (each byte value: is it a letter or digit, is it a separator).
_ASCII_ALNUM = np.array([chr(b).isascii() and chr(b).isalnum() for b in range(256)])
_ASCII_JOINER = np.array([chr(b) in "-'.," for b in range(256)])
# What each character of the Basic Multilingual Plane is to _COUNT_WORD_RE.
_OTHER, _ALNUM, _JOINER, _CJK = range(4)
# A character or a range "a-b" of CJK_CHARS.
_CJK_RANGE_RE = re.compile(r"(.)(?:-(.))?", re.DOTALL)


def _utf8(array: Any) -> tuple[np.ndarray, np.ndarray]:
    """The UTF-8 bytes of a pyarrow large-string array's texts, and each text's byte offsets
    into them (starting at 0)."""
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    offsets = offsets[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(array.buffers()[2] or b"", dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data, offsets - offsets[0]


def _count_runs(alnum: np.ndarray, joiner: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per text (the units between consecutive ``offsets``): runs of letter-or-digit units,
    less the separator units with a letter or digit on both sides in the same text.

    A word of :data:`_COUNT_WORD_RE` outside CJK is a maximal run of letters and digits,
    extended over each separator (``-``, ``'``, ``’``, ``.``, ``,``) that has a letter or digit
    on both sides (the greedy pattern takes every such separator, and no other), so a text has
    that many such words; runs and separators are found over all texts at once, never reaching
    across two texts.
    """
    size = len(alnum)
    before = np.zeros(size, dtype=bool)  # a letter or digit just before, in the same text
    before[1:] = alnum[:-1]
    before[offsets[:-1][offsets[:-1] < size]] = False
    after = np.zeros(size, dtype=bool)  # a letter or digit just after, in the same text
    after[:-1] = alnum[1:]
    after[offsets[1:][offsets[1:] > 0] - 1] = False
    runs = np.flatnonzero(alnum & ~before)
    joins = np.flatnonzero(joiner & before & after)
    return np.diff(np.searchsorted(runs, offsets)) - np.diff(np.searchsorted(joins, offsets))


def _count_ascii_words(array: Any) -> np.ndarray:
    """:func:`count_words` of each text of a pyarrow large-string array of ASCII texts, from
    their bytes (:func:`_count_runs`)."""
    data, offsets = _utf8(array)
    return _count_runs(_ASCII_ALNUM[data], _ASCII_JOINER[data], offsets)


@lru_cache(maxsize=1)
def _bmp_classes() -> np.ndarray:
    r"""What each BMP code point is to :data:`_COUNT_WORD_RE`: a CJK character (a word by
    itself), another letter or digit (Python's ``str.isalnum``, what ``[^\W_]`` matches), a
    separator or anything else."""
    classes = np.fromiter(
        (_ALNUM if chr(c).isalnum() else _OTHER for c in range(0x10000)),
        dtype=np.uint8,
        count=0x10000,
    )
    for char in "-'’.,":
        classes[ord(char)] = _JOINER
    for run in _CJK_RANGE_RE.finditer(CJK_CHARS):
        first, last = run.group(1), run.group(2) or run.group(1)
        if ord(first) < 0x10000:
            classes[ord(first) : min(ord(last), 0xFFFF) + 1] = _CJK
    return classes


def _count_bmp_words(array: Any) -> np.ndarray:
    """:func:`count_words` of each text of a pyarrow large-string array whose characters are
    all in the BMP (one to three UTF-8 bytes each): the characters are decoded from the bytes,
    classified (:func:`_bmp_classes`) and counted as words (:func:`_count_runs`), each CJK
    character one word."""
    data, offsets = _utf8(array)
    starts = np.flatnonzero((data & 0xC0) != 0x80)  # the first byte of each character
    code = data[starts].astype(np.int32)  # an ASCII character is its byte
    multi = np.flatnonzero(code >= 0xC0)  # the first byte of two or three
    if len(multi):
        at = starts[multi]
        b0 = code[multi]
        b1 = data[at + 1].astype(np.int32) & 0x3F
        three = b0 >= 0xE0
        b2 = np.zeros(len(at), dtype=np.int32)
        b2[three] = data[at[three] + 2] & 0x3F
        code[multi] = np.where(three, ((b0 & 0x0F) << 12) | (b1 << 6) | b2, ((b0 & 0x1F) << 6) | b1)
    classes = _bmp_classes()[code]
    chars = np.searchsorted(starts, offsets)  # each text's character offsets
    cjk = np.diff(np.searchsorted(np.flatnonzero(classes == _CJK), chars))
    return _count_runs(classes == _ALNUM, classes == _JOINER, chars) + cjk
