"""lexicon.contains_whole_words_each: every body's whole-word matches in one pass of an RE2 set,
the same answers as contains_whole_words body by body (the actors of a chunk are matched so)."""

from __future__ import annotations

import numpy as np
import pytest

import analysis.lexicon as lexicon
from analysis.lexicon import contains_whole_words, contains_whole_words_each
from analysis.sentiment.actors import actor_body
from tests.test_lexicon_re2 import ACTORS, SENTENCES

BODIES = [actor_body(actor) for actor in ACTORS]


def _mostly_decided(texts: list[str]) -> list[str]:
    """``texts`` the short edges decide, with a few they leave undecided (non-ASCII edges) mixed
    in, under the share that sends a column to the full classes: the set's own path."""
    undecided = lexicon._undecided_rows(lexicon.arrow_texts(texts))
    decided = [t for t, u in zip(texts, undecided, strict=True) if not u]
    others = [t for t, u in zip(texts, undecided, strict=True) if u]
    return decided + others[: len(decided) // 10]


TEXTS = _mostly_decided(SENTENCES)


@pytest.fixture(autouse=True)
def _set_path_taken(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every test below goes through the set (_short_set_matches), not the fallback."""
    calls: list[int] = []
    real = lexicon._short_set_matches

    def spy(array: object, patterns: tuple[str, ...]) -> np.ndarray:
        calls.append(len(patterns))
        return real(array, patterns)

    monkeypatch.setattr(lexicon, "_short_set_matches", spy)
    yield calls
    assert calls, "the set's path was not taken"


def _one_by_one(texts: list[str], bodies: list[str]) -> list[np.ndarray]:
    return [contains_whole_words(texts, body) for body in bodies]


def test_each_body_gets_contains_whole_words_answer() -> None:
    expected = _one_by_one(TEXTS, BODIES)
    assert all(column.any() and not column.all() for column in expected)  # both outcomes
    got = contains_whole_words_each(TEXTS, BODIES)
    assert len(got) == len(BODIES)
    for column, want in zip(got, expected, strict=True):
        assert column.dtype == bool
        assert np.array_equal(column, want)


def test_the_set_wrapper_without_its_binding_gives_the_same_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A re2 release whose set has no ``_set`` binding: its wrapper's Match (None for no
    match) is asked instead."""

    class WrapperOnly:
        def __init__(self, inner: object) -> None:
            self._inner = inner

        def Match(self, text: bytes) -> list[int] | None:
            return self._inner.Match(text)

    real = lexicon._short_set
    monkeypatch.setattr(lexicon, "_short_set", lambda patterns: WrapperOnly(real(patterns)))
    got = contains_whole_words_each(TEXTS, BODIES)
    for column, want in zip(got, _one_by_one(TEXTS, BODIES), strict=True):
        assert np.array_equal(column, want)


def test_no_set_falls_back_to_pyarrow_pattern_by_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A set RE2 cannot compile (or whose memory runs out on every text): every row is matched
    by pyarrow, pattern by pattern, with the same answers."""
    monkeypatch.setattr(lexicon, "_short_set", lambda patterns: None)
    got = contains_whole_words_each(TEXTS, BODIES)
    for column, want in zip(got, _one_by_one(TEXTS, BODIES), strict=True):
        assert np.array_equal(column, want)


def test_two_bodies_and_no_text() -> None:
    got = contains_whole_words_each(TEXTS, BODIES[:2])
    for column, body in zip(got, BODIES[:2], strict=True):
        assert np.array_equal(column, contains_whole_words(TEXTS, body))
    assert [column.size for column in contains_whole_words_each([], BODIES)] == [0] * len(BODIES)
