"""Masking only the texts an exclusion matches gives the measures of masking every text.

``frame_matrix``, ``sourcing_matrix`` (attribution verbs) and ``hedging_counts`` (certainty)
mask exclusions out before matching. Masking leaves a text in which no exclusion matches as it
is, so they mask and re-match only the rows :func:`masked_rows` finds; and a source category is
matched in attributed sentences only, since it counts only there. These tests compute every
measure the plain way (mask the whole column, match every row) and compare, on sentences made of
indicator words, exclusion phrases and attribution verbs in random order.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow.compute as pc
import pytest
from framing_sentences import STORY_CODEBOOK
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.framing.codebook import load_codebook
from analysis.framing.frames import (
    frame_matrix,
    masked_rows,
    regex_contains,
    regex_count,
    regex_first,
    regex_mask,
    to_arrow,
)
from analysis.framing.hedging import hedging_counts, load_hedges
from analysis.framing.sourcing import (
    _QUOTE_CURLY,
    _QUOTE_STRAIGHT,
    _QUOTE_TAIL,
    load_sources,
    sourcing_matrix,
    speaker_spans,
    without_datelines,
)

BOOKS = [load_codebook(None), load_codebook(STORY_CODEBOOK)]
_EXTRA = (
    "said", "told", "newly announced", "according to", "political will", "will", "may",
    "officials", "analysts", "the ministry", '"We will not back down,"', "“a phased deal”",
    "war", "trade war", "prices", "CLEARLY", "goodwill", "-", ",", ".",
)  # fmt: skip
PIECES = sorted(
    {p for book in BOOKS for f in book.frames for p in (*f.exclusions, *f.indicators[:6])}
    | set(_EXTRA)
)


def _plain_frames(book, texts) -> dict[str, np.ndarray]:
    out = {}
    for frame in book.frames:
        masked = texts
        if frame.exclusion_pattern() is not None:
            masked = regex_mask(texts, frame.exclusion_pattern())
        out[frame.key] = regex_contains(masked, frame.pattern())
    return out


def _plain_sourcing(texts) -> pd.DataFrame:
    lex = load_sources(None)
    has_quote = np.zeros(len(texts), dtype=bool)
    for pattern in lex.quote_patterns:
        has_quote |= regex_contains(texts, pattern, ignore_case=False)
    # every text unquoted and masked, the speaker read in every one
    unquoted = pc.replace_substring_regex(texts, _QUOTE_TAIL, " ¶ ", max_replacements=1)
    unquoted = pc.replace_substring_regex(unquoted, _QUOTE_CURLY, " ¶ ")
    unquoted = pc.replace_substring_regex(unquoted, _QUOTE_STRAIGHT, " ¶ ")
    verb_texts = regex_mask(unquoted, lex.verb_exclusion) if lex.verb_exclusion else unquoted
    found = regex_first(verb_texts, lex.verb_pattern, ignore_case=True)
    verbs = [None if f is None else lex.verb_lemmas.get(" ".join(f.lower().split())) for f in found]
    attributed = has_quote | np.array([v is not None for v in verbs], dtype=bool)
    data = {
        "has_quote": has_quote,
        "attribution_verb": pd.Series(verbs, dtype="object"),
        "attributed": attributed,
    }
    sentence_texts = without_datelines(verb_texts)
    speakers = speaker_spans(sentence_texts, found, lex)
    for category in lex.categories:
        where = sentence_texts if category in lex.sentence_scope else speakers
        if category in lex.category_exclusions:  # the kind's own exclusions, masked in every text
            where = regex_mask(where, lex.category_exclusions[category])
        mentions = regex_contains(where, lex.category_patterns[category], ignore_case=False)
        data[f"source_{category}"] = mentions & attributed
    return pd.DataFrame(data)


def _plain_hedges(texts) -> dict[str, np.ndarray]:
    lists = load_hedges(None)
    out = {}
    for measure in ("hedges", "certainty"):
        marker = lists[measure]
        masked = regex_mask(texts, marker.exclusion) if marker.exclusion else texts
        out[measure] = regex_count(masked, marker.pattern, ignore_case=False)
    return out


def _check(sentences: list[str]) -> None:
    texts = to_arrow(sentences)
    for book in BOOKS:
        matrix = frame_matrix(texts, book)
        for key, flags in _plain_frames(book, texts).items():
            assert matrix[key].tolist() == flags.tolist(), key
    sourcing = sourcing_matrix(texts)
    plain = _plain_sourcing(texts)
    for column in plain.columns:
        assert sourcing[column].tolist() == plain[column].tolist(), column
    hedges = hedging_counts(texts)
    plain_hedges = _plain_hedges(texts)
    assert hedges["n_hedges"].tolist() == plain_hedges["hedges"].tolist()
    assert hedges["n_certainty"].tolist() == plain_hedges["certainty"].tolist()


def test_masked_rows_equal_plain_masking_on_made_up_sentences() -> None:
    rng = random.Random(5)
    sentences = ["", "said", *PIECES]
    sentences += [" ".join(rng.choices(PIECES, k=rng.randint(2, 12))) for _ in range(1500)]
    texts = to_arrow(sentences)
    exclusions = [f.exclusion_pattern() for f in BOOKS[1].frames if f.exclusion_pattern()]
    rows = masked_rows(texts, exclusions)
    assert 0 < len(rows) < len(sentences)  # the set exercises both kinds of row
    _check(sentences)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=10).map(" ".join), max_size=20))
def test_masked_rows_equal_plain_masking(sentences: list[str]) -> None:
    _check(sentences)


@pytest.mark.parametrize("max_chars", [50, 7000])
def test_masked_rows_are_the_rows_any_exclusion_matches(max_chars: int, monkeypatch) -> None:
    from analysis.framing import frames

    monkeypatch.setattr(frames, "MAX_PART_CHARS", max_chars)
    rng = random.Random(9)
    sentences = [" ".join(rng.choices(PIECES, k=rng.randint(1, 8))) for _ in range(500)]
    texts = to_arrow(sentences)
    exclusions = [f.exclusion_pattern() for f in BOOKS[1].frames if f.exclusion_pattern()]
    expected = np.zeros(len(sentences), dtype=bool)
    for exclusion in exclusions:
        expected |= regex_contains(texts, "(?i)" + exclusion, ignore_case=False)
    packed = frames._packed(tuple(f"(?:{e})" for e in exclusions), max_chars)
    assert len(packed) >= (2 if max_chars == 50 else 1)
    found = np.zeros(len(sentences), dtype=bool)
    for part in packed:
        found |= regex_contains(texts, "(?i)" + part, ignore_case=False)
    assert np.flatnonzero(found).tolist() == np.flatnonzero(expected).tolist()
    assert masked_rows(texts, exclusions).tolist() == np.flatnonzero(expected).tolist()
