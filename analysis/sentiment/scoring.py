"""Sentence sentiment: plain VADER and a news-domain variant ("vader-news").

``method="vader"`` is VADER with NLTK's rules, reading a word beside quotation marks, brackets
or a dash, or spelt with a typographic apostrophe, as the word (see
:mod:`analysis.sentiment.vader`).

``method="vader-news"`` corrects one documented failure of a general-purpose lexicon on policy
news: words that VADER rates as emotion are also parts of technical terms. In trade-policy
reporting "critical minerals" is a category, not a complaint (VADER: critical −1.3); "national
security" and "supply-chain security" are policy domains, not a feeling of safety (security
+1.4); "market dominance" is a market share (dominance +0.8); and "United States" adds +1.8
through "united". Names of institutions do the same on any topic: "Supreme Court" (supreme
+2.6), "Labour Party" (party +1.7), "health care" (care +2.2). The list of such multi-word
expressions is data, ``analysis/data/vader_news_terms.csv`` (one ``term`` per row with a
``note`` saying why and quoting VADER's valence), small enough to review in a few minutes.

How a term is neutralised: every word of a matched term gets a trailing underscore
("critical_ minerals_"), so VADER sees the same number of tokens — sentence length, "but"
position and the booster/negation windows are unchanged — but finds none of the term's words in
its lexicon; they count as neutral words. Single words are never neutralised: "critical
importance", "a critical twelve months" and "security first" keep VADER's reading, because there
the word is doing evaluative work. Matching ignores case, accepts a space or hyphen between words
("supply-chain security") and a plural on the last word ("critical mineral(s)").

Deliberately *not* in the list (documented choices):

* "export control(s)": "control" has no VADER valence, nothing to correct;
* "trade war", "tariff war": the metaphor is evaluative (conflict), and outlets choose it;
* "rare earth(s)": no valence; "strategic": no valence;
* "free market": an ideological phrase more than a technical one.

A sentence with no listed term gets exactly the plain VADER score, so ``compound_news`` differs
from ``compound`` only where a term occurs; only those sentences are re-scored.

**A sentence in capitals** (:func:`in_capitals`: its letters all capitals, but for a short tail
after a separator, an outlet's name as in "… DISPUTE | Valley Courier") is scored, by both
methods, as if written in lower case, and flagged in the column ``all_caps``. VADER adds 0.733
to a word in capitals only when the sentence also holds a word that is not (its emphasis among
lower-case words); a headline set in capitals got that boost wherever a number or the outlet's
name stood in it, and not where none did: "BUS STRIKE LEAVES 300 COMMUTERS STRANDED AS TALKS
COLLAPSE" scored −0.73 against −0.57 written normally; of a tester's 3,868 headlines, 224 were in
capitals and 67 of them had been pushed further from neutral. A sentence with some words in
capitals ("Talks FAILED, he said") keeps VADER's reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import DATA_DIR
from analysis.lexicon import (
    SPACES_OR_HYPHENS,
    LexiconError,
    alternation,
    arrow_texts,
    compile_whole_words,
    contains_whole_words,
    literal_word,
    longest_first,
    phrase_pattern,
    word_list,
)
from analysis.sentiment.vader import default_analyzer

METHODS = ("vader", "vader-news")
SCORE_COLUMNS = ["neg", "neu", "pos", "compound"]
# a sentence written in capitals, scored as if in lower case (in_capitals)
CAPITALS_COLUMN = "all_caps"
# every column add_sentiment adds: plain VADER's scores, the news variant's compound, and
# whether the sentence was read in capitals
SENTIMENT_COLUMNS = [*SCORE_COLUMNS, "compound_news", CAPITALS_COLUMN]
NEWS_TERMS_FILE = DATA_DIR / "vader_news_terms.csv"
# VADER's conventional thresholds for calling a compound score positive / negative.
POS_THRESHOLD = 0.05
NEG_THRESHOLD = -0.05

_WORD_RE = re.compile(r"[^\s\-]+")
# A sentence in capitals has at least this many words of two or more capital letters...
MIN_CAPITAL_WORDS = 3
# ...and after them at most this many words with a lower-case letter (an outlet's name), set off
# by one of these separators ("- Riverbend Times", "| Valley Courier", ", sources say")
MAX_CAPITALS_TAIL = 3
_TAIL_SEPARATORS = frozenset("-|–—:,·•/")


def load_news_terms(path: Path | str | None = None) -> pd.DataFrame:
    """The domain-term list: columns ``term`` and ``note``, one row per multi-word expression.

    Terms must be unique (ignoring case) and each needs a note; a
    :class:`analysis.lexicon.LexiconError` names the file and the entry at fault.
    """
    path = Path(path) if path is not None else NEWS_TERMS_FILE
    where = f"news-term list {path}"
    terms = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"term", "note"} - set(terms.columns)
    if missing:
        raise LexiconError(f"{where}: missing columns {sorted(missing)}")
    terms["term"] = list(word_list(terms["term"].tolist(), where=where, name="term", strip=True))
    for number, (term, note) in enumerate(zip(terms["term"], terms["note"], strict=True), 1):
        if not note.strip():
            raise LexiconError(
                f"{where}: every row needs a term and a note; "
                f"entry #{number} ({term!r}) has no note"
            )
    single = terms[terms["term"].str.split().str.len() < 2]
    if len(single):
        raise LexiconError(
            f"{where}: terms must be multi-word expressions, got {single['term'].tolist()}"
        )
    return terms.reset_index(drop=True)


def _plural_word(word: str) -> str:
    # The last word of a term also matches its plural ("critical mineral(s)", "securit(y|ies)").
    escaped = literal_word(word, apostrophes=False)
    if escaped.endswith("y"):
        return escaped[:-1] + "(?:y|ies)"
    if not escaped.endswith(("s", ".")):
        return escaped + "(?:s|es)?"
    return escaped


def _term_pattern(term: str) -> str:
    return phrase_pattern(
        term.lower(),
        word=partial(literal_word, apostrophes=False),
        last_word=_plural_word,
        gap=SPACES_OR_HYPHENS,
        lead=False,
        tail=False,
    )


def build_terms_regex(terms: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive alternation over ``terms`` (longest first, whole words only).

    A term may not follow a hyphen either, so "non-national security" is left alone.
    """
    return compile_whole_words(terms_body(terms), ignore_case=True, no_hyphen_before=True)


def terms_body(terms: Sequence[str]) -> str:
    """The alternation over ``terms`` (longest first) without its whole-word edges; matched
    ignoring case, not after a hyphen (:func:`build_terms_regex`)."""
    if not terms:
        raise ValueError("build_terms_regex needs at least one term")
    ordered = longest_first({t.strip() for t in terms}, key=str.lower)
    return alternation(map(_term_pattern, ordered), group=False)


@lru_cache(maxsize=8)
def news_terms_body(path: Path | str | None = None) -> str | None:
    """:func:`terms_body` of a domain-term list (default: the bundled one); None for an empty
    list."""
    terms = load_news_terms(path)["term"].tolist()
    return terms_body(terms) if terms else None


@lru_cache(maxsize=8)
def news_terms_regex(path: Path | str | None = None) -> re.Pattern[str]:
    """The compiled regex for a domain-term list (default: the bundled one); an empty list
    matches nothing."""
    terms = load_news_terms(path)["term"].tolist()
    return build_terms_regex(terms) if terms else re.compile(r"(?!)")


@lru_cache(maxsize=8)
def _lower_case_terms_regex(path: str | None) -> re.Pattern[str] | None:
    """:func:`news_terms_regex` without ignoring case, for ASCII texts lower-cased first; None
    when a term is not ASCII.

    On an ASCII text the two find the same spans: the terms are written in lower case, an ASCII
    text lower-cased keeps its length, and no character outside ASCII (among them those that
    Python's ``re`` folds onto ASCII letters: "İ", "ı", "ſ", the Kelvin sign) is in either.
    Matching without case folding is about twice as fast (:func:`_masked`)."""
    body = news_terms_body(path)
    if body is None or not body.isascii():
        return None
    return compile_whole_words(body, no_hyphen_before=True)


def _compile_news_terms(news_terms: Path | str | None = None) -> None:
    """Compile the Python patterns that mask a term list's terms (:func:`news_terms_regex` and
    :func:`_lower_case_terms_regex`), once per process (they are cached).

    Called whenever texts are scored with the news variant, not only when one of them holds a
    term, so that a run builds them on the made-up sample it warms up on
    (:func:`analysis.measure.warmup.warm_up`), whose text holds no term of the run's list,
    before its clock starts, not in the first chunk of each process (about 0.01 s of the
    critical path of a two-core run, once per process). Nothing else changes: the patterns are
    the ones the first term found would have built.
    """
    key = _key(news_terms)
    if news_terms_body(key) is not None:
        news_terms_regex(key)
        _lower_case_terms_regex(key)


def _mask_words(span: str) -> str:
    return _WORD_RE.sub(lambda w: w.group(0) + "_", span)


def _mask_match(match: re.Match[str]) -> str:
    return _mask_words(match.group(0))


def mask_domain_terms(text: str, regex: re.Pattern[str] | None = None) -> str:
    """``text`` with each word of every domain term suffixed by ``_`` (invisible to VADER)."""
    return (regex or news_terms_regex()).sub(_mask_match, text)


def _masked(texts: list[str], rows: np.ndarray, news_terms: Path | str | None) -> list[str]:
    """:func:`mask_domain_terms` of the texts at ``rows`` with the term list ``news_terms``; an
    ASCII text is matched lower-cased, without case folding (:func:`_lower_case_terms_regex`:
    the same spans, found faster), and masked at those spans."""
    key = _key(news_terms)
    regex = news_terms_regex(key)
    lower_case = _lower_case_terms_regex(key)
    out = []
    for k in rows:
        text = texts[k]
        if lower_case is None or not text.isascii():
            out.append(mask_domain_terms(text, regex))
            continue
        parts, last = [], 0
        for match in lower_case.finditer(text.lower()):
            start, stop = match.span()
            parts += (text[last:start], _mask_words(text[start:stop]))
            last = stop
        parts.append(text[last:])
        out.append("".join(parts))
    return out


def has_domain_term(
    sentences: Sequence[str] | pd.Series, news_terms: Path | str | None = None
) -> pd.Series:
    """Boolean Series: does each sentence contain a domain term (vectorised); ``news_terms`` is
    the term list's file (default: the bundled one)."""
    return pd.Series(_domain_term_flags(_texts(sentences), news_terms))


def _domain_term_flags(
    texts: list[str], news_terms: Path | str | None, column: pd.Series | None = None
) -> np.ndarray:
    """Does each text hold a domain term; ``column`` is the pandas column ``texts`` came from,
    if any (its arrow data is used as it is, :func:`analysis.lexicon.arrow_texts`)."""
    body = news_terms_body(_key(news_terms))
    if body is None:
        return np.zeros(len(texts), dtype=bool)
    # RE2 over the whole column, with the matches of the Python pattern (analysis.lexicon)
    array = arrow_texts(texts if column is None else column)
    return contains_whole_words(texts, body, ignore_case=True, no_hyphen_before=True, arrow=array)


def find_domain_terms(text: str, news_terms: Path | str | None = None) -> list[str]:
    """The domain terms found in ``text``, as written, in order."""
    return [m.group(0) for m in news_terms_regex(_key(news_terms)).finditer(text)]


def _key(path: Path | str | None) -> str | None:
    """A term-list path in one spelling (the regex cache's key)."""
    return str(Path(path).resolve()) if path else None


def _texts(sentences: Sequence[str] | pd.Series) -> list[str]:
    """The sentences as a list of ``str``; a ``TypeError`` names the first that is not text."""
    if isinstance(sentences, str):
        raise TypeError("pass a sequence of sentences, not a single string")
    values = sentences.tolist() if isinstance(sentences, pd.Series) else list(sentences)
    if set(map(type, values)) <= {str}:  # all plain str (the usual case): one pass, in C
        return values
    for first, value in enumerate(values):
        if not isinstance(value, str):
            raise TypeError(
                f"sentence {first} is {type(value).__name__}, not str; "
                "fill or drop missing sentences first"
            )
    return [v if type(v) is str else str(v) for v in values]


def in_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals: no lower-case letter before a short tail, at
    least :data:`MIN_CAPITAL_WORDS` words of two or more capitals, and a tail of at most
    :data:`MAX_CAPITALS_TAIL` whitespace tokens (the first with a lower-case letter on) set off
    by a separator or brackets ("… DISPUTE | Coastline Post"). Digits, punctuation and emoji
    count as neither case. "NEW YORK CITY Council votes" (no separator) and "BREAKING NEWS:
    Mayor resigns" (two words in capitals) are not in capitals.

    Such a sentence is scored as if in lower case (:func:`sentiment_scores`): VADER's boost for
    a word in capitals is emphasis among lower-case words, which a headline set in capitals is
    not, although a number or an outlet's name in it made VADER apply it."""
    # Most sentences are settled by their first word: when its second character is a lower-case
    # letter ("The"), the loop below stops at that first token with no word in capitals before
    # it, and returns False; tested here without splitting the whole sentence.
    if len(text) > 1 and text[1].islower() and not text[0].isspace():
        return False
    # The loop below returns False at the first token with a lower-case letter when fewer than
    # MIN_CAPITAL_WORDS tokens come before it, so a lower-case letter in one of the first
    # MIN_CAPITAL_WORDS tokens ('"People', "I am a") settles it without splitting the rest.
    head = text.split(None, MIN_CAPITAL_WORDS)
    for token in head[:MIN_CAPITAL_WORDS]:
        if any(map(str.islower, token)):
            return False
    # a text of at most MIN_CAPITAL_WORDS tokens is split whole already
    tokens = head if len(head) <= MIN_CAPITAL_WORDS else text.split()
    n_capital_words = 0
    for k, token in enumerate(tokens):
        if any(c.islower() for c in token):
            tail = tokens[k:]
            if len(tail) > MAX_CAPITALS_TAIL or n_capital_words < MIN_CAPITAL_WORDS:
                return False
            before = tokens[k - 1] if k else ""
            return bool(before) and (before[-1] in _TAIL_SEPARATORS or token[0] in "([")
        if sum(c.isupper() for c in token) >= 2:
            n_capital_words += 1
    return n_capital_words >= MIN_CAPITAL_WORDS


def capitals_flags(texts: Sequence[str]) -> np.ndarray:
    """:func:`in_capitals` of each text, as a boolean array."""
    return np.fromiter(map(in_capitals, texts), dtype=bool, count=len(texts))


def _as_read(texts: list[str], capitals: np.ndarray) -> list[str]:
    """``texts`` with each text in capitals (``capitals``) in lower case, as it is scored."""
    if not capitals.any():
        return texts
    return [text.lower() if caps else text for text, caps in zip(texts, capitals, strict=True)]


def _frame(scores: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(scores, columns=SCORE_COLUMNS).astype(float)


def score_sentences(
    sentences: Sequence[str] | pd.Series,
    method: str = "vader",
    *,
    news_terms: Path | str | None = None,
) -> pd.DataFrame:
    """VADER scores for each sentence: columns ``neg, neu, pos, compound``, one row per input in
    order, fresh ``RangeIndex``.

    ``method="vader"`` is :class:`analysis.sentiment.vader.VaderAnalyzer`'s ``polarity_scores``;
    ``method="vader-news"`` first neutralises the domain terms (see module docstring) of the
    list ``news_terms`` (a file; default: the bundled list). A sentence in capitals
    (:func:`in_capitals`) is scored in lower case by either.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    texts = _texts(sentences)
    texts = _as_read(texts, capitals_flags(texts))
    analyzer = default_analyzer()
    scores = analyzer.score_many(texts)
    if method == "vader-news" and texts:
        _compile_news_terms(news_terms)
        hit = _domain_term_flags(texts, news_terms)
        if hit.any():
            scores[hit] = analyzer.score_many(_masked(texts, np.flatnonzero(hit), news_terms))
    return _frame(scores)


def add_sentiment(
    sentences: pd.DataFrame,
    text_col: str = "sentence",
    *,
    news_terms: Path | str | None = None,
) -> pd.DataFrame:
    """A copy of the sentences table with ``neg, neu, pos, compound`` (plain VADER) and
    ``compound_news`` (the news variant, with the term list ``news_terms``) added; the text is
    scored once per method only where needed."""
    if text_col not in sentences.columns:
        raise KeyError(f"add_sentiment: no {text_col!r} column in the sentences table")
    return with_sentiment_scores(sentences, sentiment_scores(sentences[text_col], news_terms))


def sentiment_scores(column: pd.Series, news_terms: Path | str | None = None) -> np.ndarray:
    """The columns :func:`add_sentiment` adds (:data:`SENTIMENT_COLUMNS`), for the texts of
    ``column``, as an array with one row per text.

    Apart from the table, so that a run can hand this step of its last chunk to an idle
    worker process: the texts go there and six numbers per text come back
    (:func:`analysis.measure.chunk.measure_sentences`). A sentence in capitals
    (:func:`in_capitals`) is scored in lower case by both methods, and its last column is 1."""
    texts = _texts(column)
    capitals = capitals_flags(texts)
    texts = _as_read(texts, capitals)
    analyzer = default_analyzer()
    scores = analyzer.score_many(texts)
    compound_news = scores[:, 3].copy()
    if texts:
        _compile_news_terms(news_terms)
        hit = _domain_term_flags(texts, news_terms, column)
        if hit.any():
            masked = _masked(texts, np.flatnonzero(hit), news_terms)
            compound_news[hit] = analyzer.score_many(masked)[:, 3]
    return np.column_stack([scores, compound_news, capitals.astype(float)])


def with_sentiment_scores(
    sentences: pd.DataFrame, scores: np.ndarray, at: int | None = None
) -> pd.DataFrame:
    """A copy of ``sentences`` with :func:`sentiment_scores` ``scores`` as its
    :data:`SENTIMENT_COLUMNS`: replacing them where it has them, else added at column position
    ``at`` (default: last), so that a table measured in another order gets the same layout."""
    out = sentences.copy()
    insert = at is not None and not out.columns.isin(SENTIMENT_COLUMNS).any()
    for k, col in enumerate(SENTIMENT_COLUMNS):
        values = scores[:, k].astype(bool) if col == CAPITALS_COLUMN else scores[:, k]
        if insert:
            out.insert(at + k, col, values)
        else:
            out[col] = values
    return out


def compound_column(method: str) -> str:
    """The sentences-table column holding ``method``'s compound score."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    return "compound" if method == "vader" else "compound_news"


def tone_class(compound: np.ndarray | pd.Series | float) -> np.ndarray:
    """-1 / 0 / +1 by VADER's conventional thresholds (compound ≥ 0.05 positive, ≤ −0.05
    negative, otherwise neutral)."""
    values = np.asarray(compound, dtype=float)
    return np.where(values >= POS_THRESHOLD, 1, np.where(values <= NEG_THRESHOLD, -1, 0))
