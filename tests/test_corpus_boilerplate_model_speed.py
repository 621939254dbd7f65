"""analysis.corpus.boilerplate_model: the faster per-line features equal the reference ones.

``_own_cached`` (C-level counting, memoised per line) must give exactly the features of the
reference ``_own`` (Python generators), for English and non-English documents, on varied
made-up lines; ``line_features`` is checked against a reference assembled from ``_own``.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from analysis.corpus import boilerplate_model as bm

LINES = [
    "",
    "   ",
    "Share this article",
    "- Follow us on Twitter",
    "Beijing said on Tuesday that the export controls would stay in place, officials told AP.",
    "READ MORE: https://example.com/a-b-c",
    "Copyright © 2025 Example Media Ltd. All rights reserved.",
    "The 17 rare-earth elements, 90% of which are refined in China, are critical ٣٤٥ ²³.",
    "关税政策 对 稀土 出口 的 影响 123",
    "ÉTATS-UNIS ET CHINE: «accord» — l'été 2025, à Genève, les négociations ont repris.",
    "A B C D E F G H I J K L M N O P, Q R S T U V W X Y Z.",
    "i.e. e.g. U.S. U.K. No. 10 Downing St.",
    "Photo: Reuters/John Doe",
]


def _varied(n: int = 400, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words = " ".join(LINES).split()
    return [" ".join(rng.choices(words, k=rng.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize("english", [True, False])
def test_own_cached_equals_reference(english: bool) -> None:
    is_function = bm._function_word(english)
    for line in LINES + _varied():
        assert list(bm._own_cached(line, english)) == bm._own(line, is_function), line


def _reference_features(lines: list[str]) -> np.ndarray:
    # line_features with the reference _own: swap it in for the memoised one
    original = bm._own_cached
    try:
        bm._own_cached = lambda line, english: bm._own(line, bm._function_word(english))
        return bm.line_features(lines)
    finally:
        bm._own_cached = original


@pytest.mark.parametrize("lines", [LINES, LINES[8:10] * 5, _varied(60)])
def test_line_features_equal_reference(lines: list[str]) -> None:
    expected = _reference_features(lines)
    assert np.array_equal(bm.line_features(lines), expected)
