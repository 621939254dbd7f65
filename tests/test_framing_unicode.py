"""Indicators with non-ASCII letters at an edge, and in scripts written without spaces."""

from __future__ import annotations

import re

import pytest

from analysis.framing import frame_hits, frame_matrix
from analysis.framing.codebook import parse_codebook
from analysis.framing.frames import _compiled, regex_contains, to_arrow
from analysis.framing.indicators import indicator_pattern
from analysis.lexicon import bounded, edge_boundary, phrase_pattern

BOOK = parse_codebook(
    {
        "frames": [
            {"key": "food", "label": "Food", "indicators": ["café", "naïve", "Zürich"]},
            {"key": "tariffs", "label": "Tariffs", "indicators": ["关税"]},
        ]
    }
)


@pytest.mark.parametrize(
    ("sentence", "food", "tariffs"),
    [
        ("We met at the café.", True, False),
        ("Two cafés opened.", True, False),  # plain inflection of a non-ASCII word
        ("CAFÉ SOCIETY", True, False),
        ("a caféx brand", False, False),  # a letter after the é: no word boundary
        # Known limit: an ASCII edge keeps its ASCII \b, so a non-ASCII letter before "c"
        # counts as a boundary (changing that would move the spans of every bundled term).
        ("écafé", True, False),
        ("A naïve plan in Zürich", True, False),
        ("美国对关税政策", False, True),  # no spaces: the CJK term matches inside the run
        ("tariffs", False, False),
    ],
)
def test_unicode_indicators_match(sentence: str, food: bool, tariffs: bool) -> None:
    flags = frame_matrix([sentence], BOOK)
    assert flags.iloc[0].tolist() == [food, tariffs]
    hits = frame_hits([sentence], BOOK)
    assert sorted(set(hits["frame"])) == sorted(
        k for k, on in (("food", food), ("tariffs", tariffs)) if on
    )


def test_hits_report_the_word_without_its_boundary() -> None:
    hits = frame_hits(["Le café, le 关税."], BOOK)
    assert hits["matched"].tolist() == ["café", "关税"]


def test_python_and_re2_agree_on_unicode_edges() -> None:
    texts = ["café", "cafés!", "(Café)", "cafe", "caféine", "x café y", "关税政策"]
    for term in ("café", "=café", "关税", "Zürich", "naïve"):
        pattern = indicator_pattern(term)
        re2 = regex_contains(to_arrow(texts), pattern).tolist()
        py = [bool(_compiled(pattern).search(t)) for t in texts]
        assert re2 == py, term


def test_edge_boundary_rules() -> None:
    assert edge_boundary("a", lead=True) == r"\b"
    assert edge_boundary("关", lead=True) == ""
    assert edge_boundary(".", lead=False) == ""
    assert edge_boundary("é", lead=False).startswith("(?:[^")
    assert bounded("x", lead=True, tail=True) == r"\bx\b"
    # ASCII-edged phrases keep exactly their old pattern.
    assert phrase_pattern("Zürich") == r"\bZürich\b"
    assert re.search(phrase_pattern("Šefčovič"), "met Šefčovič today")
