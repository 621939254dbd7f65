"""Distinctive vocabulary: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5. Each group (outlet or origin) is
compared with the rest of the corpus pooled. For word w, group i and the rest j, with counts
``y``, totals ``n``, and prior ``alpha_w`` summing to ``alpha0``:

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
              - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))          (eq. 16)
    var(delta_w) ≈ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)               (eq. 18–20)
    z_w = delta_w / sqrt(var(delta_w))                               (eq. 22)

The informative prior is the corpus's own word distribution: ``alpha_w = alpha0 * y_w / n``,
where ``y_w`` is the word's count in the whole corpus and ``n`` the corpus size. The default
``alpha0`` is the corpus size itself (so ``alpha_w = y_w``), a prior as strong as the data: it
shrinks rare words hard, which is what a corpus of a few thousand words needs (a word used twice
by one outlet and never by the others gets a modest z instead of topping the list), and it scales
with the corpus, so a large corpus is not over-smoothed. No minimum document frequency is applied:
the prior does the work a count threshold would do without emptying a small vocabulary.

Tokens come from :func:`analysis.corpus.sentences.tokenize_words`, lower-cased; stop words
(``analysis/data/stopwords_en.txt``, NLTK's English list written out, "us", the honorifics
"Mr.", "Mrs.", "Ms.", "Dr." and the modal verbs "would", "could", "might", "may", "must",
"shall"), the tokenizer's pieces that are no words ("ca" of "can't", web addresses) and tokens
without
a letter (numbers, percentages) are dropped; an acronym spelt like a stop word keeps its capitals
("US", "WHO") and "U.S." is counted as "US" (:func:`content_tokens`). Bigrams, if asked for
(``keyness_bigrams`` in notebooks 01 and 03), join adjacent tokens of one sentence when neither
is dropped; a compound of two words written with a hyphen ("asylum-seekers") is then counted as
the two-word term too ("asylum seekers", :func:`compound_bigram`), so that the term's count does
not depend on the spelling, while the hyphenated word stays a term of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

import numpy as np
import pandas as pd

from analysis.corpus.sentences import HAN_CHARS, HIRAGANA_CHARS, KATAKANA_CHARS, tokenize_words
from analysis.lexicon import english_stop_words

KEYNESS_COLUMNS = ["term", "count_in_group", "count_in_rest", "log_odds", "z"]
_LETTER_RE = re.compile(r"[^\W\d_]")


stopwords = english_stop_words  # the bundled English stop word list, lower case


# Chinese and Japanese, written without spaces between words: a Han character, a run of katakana
# (a loanword, "デスクトップ") and a run of hiragana (mostly particles and endings, "は", "その")
_HAN_KANA_RE = re.compile(f"([{HAN_CHARS}]|[{KATAKANA_CHARS}]+|[{HIRAGANA_CHARS}]+)")
_HIRAGANA_RE = re.compile(f"[{HIRAGANA_CHARS}]+")


def _pieces(token: str) -> list[str]:
    """``token`` cut where Chinese or Japanese is written without spaces: each Han character
    alone, each run of katakana or of hiragana, and the runs of other letters between them. The
    word tokenizer kept a clause as one "word" ("今回はそのkindleデスクトップアプリ"), so keyness
    listed clauses; a character is the unit these texts are counted in (the README's words per
    character)."""
    if not _HAN_KANA_RE.search(token):
        return [token]
    return [piece for piece in _HAN_KANA_RE.split(token) if piece]


# "us" is not in NLTK's list, so the pronoun was counted, and, lower-cased, merged with the
# country: a tester's keyness ranked "us" (the US and "pressure on us") and "u.s." apart.
# Honorifics are a house style ("Mr." at every second mention), not vocabulary: a reviewer's
# keyness listed "mr." among two outlets' most distinctive words.
# Modal verbs NLTK's list leaves out ("should" and "can" are in it): a linguist's keyness listed
# "would" and "could"; "may" goes too, and with it the month "May" (lower-cased, one word).
MODAL_VERBS = frozenset({"would", "could", "might", "may", "must", "shall"})
EXTRA_STOP_WORDS = (
    frozenset({"us", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."}) | MODAL_VERBS
)
# The Treebank tokenizer splits "can't" and "won't" into "ca"/"wo" and "n't": the first piece
# is no word ("ca" and "wo" were keyness terms); dropped when "n't" follows it.
_NEGATION = frozenset({"n't", "n’t"})
# A web address: "https://www.example.gov/x" gives "https" and "//www.example.gov/x" as tokens.
_URL_PIECE_RE = re.compile(r"^(?://|www\.)|://", re.IGNORECASE)
_URL_SCHEME = frozenset({"http", "https", "ftp"})
# A word's trailing full stop, "!" or "?" the tokenizer left on ("said." before a curly opening
# quote): stripped unless the word has another full stop ("e.g.", "U.S." are handled apart).
_TRAILING_STOP_RE = re.compile(r"(?<=[^\W\d_])[.!?]+$")
# Stop words that, in capitals, are an acronym a news text means: the US, the WHO, IT.
ACRONYM_STOP_WORDS = frozenset({"us", "who", "it"})
# An acronym written with full stops: "U.S.", "U.S", "E.U." (counted as "US", "EU").
_DOTTED_ACRONYM_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")


def content_tokens(text: str, stop: frozenset[str] | None = None) -> list[str | None]:
    """Lower-cased tokens of ``text``; stop words, letterless tokens and runs of hiragana
    (Japanese particles and endings) become None; Chinese and Japanese are cut into Han
    characters and katakana runs (:func:`_pieces`).

    An acronym spelt like a stop word (:data:`ACRONYM_STOP_WORDS`: "US", "WHO", "IT") keeps its
    capitals and is counted,
    unless the whole text is in capitals (a shouted headline); an acronym written with full
    stops is counted without them ("U.S." is "US"). Keeping the gaps as None lets bigrams be
    formed only from tokens that were adjacent.
    """
    stop = stopwords() if stop is None else stop
    shouted = text.isupper()
    out: list[str | None] = []
    tokens = tokenize_words(text)
    for k, token in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if _is_artefact(token, following):
            out.append(None)
            continue
        if "." not in token[:-1]:
            token = _TRAILING_STOP_RE.sub("", token)
        for piece in _pieces(token):
            if _DOTTED_ACRONYM_RE.fullmatch(piece):
                piece = piece.replace(".", "")
            low = piece.lower()
            is_stop = low in stop or low in EXTRA_STOP_WORDS
            if is_stop and not shouted and low in ACRONYM_STOP_WORDS and piece.isupper():
                out.append(piece)  # "US", "WHO": an acronym, not the word
                continue
            dropped = is_stop or not _LETTER_RE.search(low) or _HIRAGANA_RE.fullmatch(low)
            out.append(None if dropped else low)
    return out


def _is_artefact(token: str, following: str) -> bool:
    """Whether ``token`` is a piece of the tokenizer's, not a word: the "ca" of "can't" and the
    "wo" of "won't" (followed by "n't"), a web address or its "https" (followed by "//...")."""
    if following.lower() in _NEGATION and token.lower() in {"ca", "wo", "sha", "ai"}:
        return True
    if _URL_PIECE_RE.search(token):
        return True
    return token.lower() in _URL_SCHEME and following.startswith("//")


# Two words of letters joined by a hyphen (ASCII, or the Unicode hyphen and non-breaking hyphen).
_COMPOUND_RE = re.compile(r"([^\W\d_]{2,})[-\u2010\u2011]([^\W\d_]{2,})")


def compound_bigram(token: str | None, stop: frozenset[str] | None = None) -> str | None:
    """The two-word term a hyphenated compound of two words stands for ("asylum-seekers" is
    "asylum seekers"), or None when ``token`` is none: one hyphen, each side two letters or
    more and no stop word ("so-called", "e-mail" and "well-to-do" are none).

    A linguist's corpus wrote "asylum seekers" 19 times and "asylum-seekers" 3 times: counted
    apart, the two-word term missed the hyphenated uses. Merged only when two-word terms are
    counted; the hyphenated word is kept as a term too, as a spaced pair keeps its words.
    """
    if not token:
        return None
    match = _COMPOUND_RE.fullmatch(token)
    if match is None:
        return None
    stop = stopwords() if stop is None else stop
    words = [w.lower() for w in match.groups()]
    if any(w in stop or w in EXTRA_STOP_WORDS for w in words):
        return None
    return " ".join(words)


def _bigrams(tokens: list[str | None], stop: frozenset[str] | None) -> list[str]:
    """The two-word terms of one text's :func:`content_tokens`: adjacent pairs of kept tokens,
    then the hyphenated compounds (:func:`compound_bigram`)."""
    pairs = [f"{a} {b}" for a, b in pairwise(tokens) if a and b]
    compounds = (compound_bigram(t, stop) for t in tokens)
    return pairs + [c for c in compounds if c is not None]


def count_terms(
    texts: Iterable[str], *, bigrams: bool = False, stop: frozenset[str] | None = None
) -> Counter[str]:
    """Term counts over ``texts`` (unigrams, plus "w1 w2" bigrams when ``bigrams``: adjacent
    words and hyphenated compounds, :func:`_bigrams`)."""
    counts: Counter[str] = Counter()
    for text in texts:
        tokens = content_tokens(text, stop)
        counts.update(t for t in tokens if t is not None)
        if bigrams:
            counts.update(_bigrams(tokens, stop))
    return counts


def group_term_counts(
    sentences: pd.DataFrame,
    group_col: str,
    *,
    text_col: str = "sentence",
    bigrams: bool = False,
    stop: frozenset[str] | None = None,
) -> pd.DataFrame:
    """A term × group count matrix (rows sorted by term, columns by group)."""
    for col in (group_col, text_col):
        if col not in sentences.columns:
            raise KeyError(f"group_term_counts: missing column {col!r}")
    per_group = {
        str(group): count_terms(part[text_col].astype(str), bigrams=bigrams, stop=stop)
        for group, part in sentences.groupby(group_col, sort=True, observed=True)
    }
    matrix = pd.DataFrame(per_group).fillna(0).astype(np.int64)
    return matrix.sort_index().reindex(columns=sorted(per_group))


def log_odds_dirichlet(
    counts_i: np.ndarray, counts_j: np.ndarray, alpha0: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al. (2008) log-odds ratio of group i against j and its z-score.

    ``counts_i`` and ``counts_j`` are aligned count vectors over the same vocabulary. The prior is
    ``alpha_w = alpha0 * (y_iw + y_jw) / n`` with ``alpha0`` defaulting to ``n``, the total count.
    Returns ``(delta, z)``.
    """
    y_i = np.asarray(counts_i, dtype=float)
    y_j = np.asarray(counts_j, dtype=float)
    if y_i.shape != y_j.shape:
        raise ValueError("counts_i and counts_j must have the same shape")
    if (y_i < 0).any() or (y_j < 0).any():
        raise ValueError("counts must be non-negative")
    y = y_i + y_j
    n = y.sum()
    if n == 0:
        raise ValueError("no tokens to compare")
    a0 = float(n if alpha0 is None else alpha0)
    if a0 <= 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0}")
    alpha = a0 * y / n
    n_i, n_j = y_i.sum(), y_j.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + alpha) / (n_i + a0 - y_i - alpha)) - np.log(
            (y_j + alpha) / (n_j + a0 - y_j - alpha)
        )
        variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(variance)
    return delta, z


def keyness_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    text_col: str = "sentence",
    alpha0: float | None = None,
    bigrams: bool = False,
    max_terms_per_group: int | None = None,
) -> pd.DataFrame:
    """Each group against the rest: ``<group_col>, term, count_in_group, count_in_rest,
    log_odds, z``, sorted by group then z descending (ties by term).

    Every term is kept by default, those a group never uses too (they carry negative z:
    under-use), so the z-scores can be recomputed from the table's own counts (the group's and
    the corpus's totals are its column sums). A number for ``max_terms_per_group`` keeps a
    group's top and bottom halves by z only: the default was 2,000, and a linguist found 27% of
    the terms of 30 PerSenT articles missing from a ``keyness.csv`` said to hold every term.
    """
    matrix = group_term_counts(sentences, group_col, text_col=text_col, bigrams=bigrams)
    columns = [group_col, *KEYNESS_COLUMNS]
    if matrix.empty or len(matrix.columns) < 2:
        return pd.DataFrame(columns=columns)
    terms = matrix.index.to_numpy()
    total = matrix.sum(axis=1).to_numpy()
    frames = []
    for group in matrix.columns:
        y_i = matrix[group].to_numpy()
        y_j = total - y_i
        delta, z = log_odds_dirichlet(y_i, y_j, alpha0)
        part = pd.DataFrame(
            {
                group_col: group,
                "term": terms,
                "count_in_group": y_i,
                "count_in_rest": y_j,
                "log_odds": delta,
                "z": z,
            }
        ).sort_values(["z", "term"], ascending=[False, True], kind="stable")
        if max_terms_per_group is not None and len(part) > max_terms_per_group:
            top = max_terms_per_group // 2
            part = pd.concat([part.head(top), part.tail(max_terms_per_group - top)])
        frames.append(part)
    return pd.concat(frames, ignore_index=True)[columns]


def uses_to_reach(
    n_group: float, n_rest: float, threshold: float = 1.96, alpha0: float | None = None
) -> int | None:
    """The fewest uses a word used by one group only needs for z > ``threshold``, given the
    group's and the rest's token totals, or None when even all the group's tokens would not.

    With the prior :func:`log_odds_dirichlet` uses (``alpha_w = alpha0 * y_w / n``, ``alpha0 =
    n`` by default: each word's prior is its own count), such a word's log-odds hardly grows
    with its count (the prior doubles its count in the group and sets as much in the rest: on a
    linguist's corpora 0.93 whether used once or 21 times, between 0.6 and 1.1 as the group's
    share of the corpus varies), and its z grows with the square root of the count alone; so
    z > 1.96 takes a minimum number of uses (7 or 8 with three groups of equal size, 10 to 16
    with two), whatever the word. A finding that no word reaches it says that number.
    """
    n = float(n_group) + float(n_rest)
    if n_group <= 0 or n_rest <= 0:
        return None
    c = np.arange(1, int(n_group) + 1, dtype=float)
    alpha = (n if alpha0 is None else float(alpha0)) * c / n
    a0 = n if alpha0 is None else float(alpha0)
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((c + alpha) / (n_group + a0 - c - alpha)) - np.log(
            alpha / (n_rest + a0 - alpha)
        )
        z = delta / np.sqrt(1.0 / (c + alpha) + 1.0 / alpha)
    reached = np.flatnonzero(z > threshold)
    return int(c[reached[0]]) if reached.size else None


def term_counts_by_row(
    texts: Iterable[object], terms: Iterable[object], stop: frozenset[str] | None = None
) -> np.ndarray:
    """How many times each of ``terms`` occurs in each of ``texts``: an array of shape
    (texts, terms), counted on :func:`content_tokens` as :func:`count_terms` counts them (a
    "w1 w2" term on adjacent tokens).

    Where a term is used, and in how many articles, must come from the tokens its count comes
    from: a search of the text for ``\\bUS\\b`` ignoring case found the pronoun "us" in one
    article and missed four writing "U.S.", and "asylum" was "in 8 of 8" articles although one
    wrote only "asylum-seekers" (another token).
    """
    wanted = [str(t) for t in terms]
    index = {t: k for k, t in enumerate(wanted)}
    rows = list(texts)
    out = np.zeros((len(rows), len(wanted)), dtype=np.int64)
    if not wanted:
        return out
    any_bigram = any(" " in t for t in wanted)
    for r, text in enumerate(rows):
        tokens = content_tokens(text if isinstance(text, str) else "", stop)
        found = [t for t in tokens if t is not None]
        if any_bigram:
            found += _bigrams(tokens, stop)
        for token in found:
            k = index.get(token)
            if k is not None:
                out[r, k] += 1
    return out


def term_regex(term: object) -> str:
    """A regular expression for the written forms of a keyness term, for a keyword-in-context
    look-up (:func:`analysis.explore.kwic` with ``regex=True``, which ignores case): whole
    tokens, not inside a hyphenated word ("asylum" is not "asylum-seekers"); an acronym kept in
    capitals ("US") matches only in capitals, with or without full stops ("U.S."), so the
    pronoun "us" is not shown for it; a two-word term matches its words joined by a hyphen too
    ("asylum-seekers" for "asylum seekers", counted so by :func:`compound_bigram`). Pair it
    with :func:`term_counts_by_row` to keep exactly the sentences the counts come from."""
    words = []
    for word in str(term).split():
        if word.isupper() and word.isalpha():
            words.append("(?-i:" + r"\.?".join(re.escape(c) for c in word) + r"\.?)")
        else:
            words.append(re.escape(word))
    body = r"(?:\s+|[-\u2010\u2011])".join(words)
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def top_terms(keyness: pd.DataFrame, group_col: str, n: int = 15) -> pd.DataFrame:
    """The ``n`` most distinctive terms per group (highest z, used by the group at least once)."""
    used = keyness[keyness["count_in_group"] > 0]
    return (
        used.sort_values([group_col, "z", "term"], ascending=[True, False, True], kind="stable")
        .groupby(group_col, sort=True)
        .head(n)
        .reset_index(drop=True)
    )
