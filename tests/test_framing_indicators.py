"""analysis.framing.indicators: the codebook's indicator syntax as stem-aware regexes."""

from __future__ import annotations

import re

import pytest

from analysis.framing.indicators import indicator_alternation, indicator_pattern, stem_core


def _matches(term: str, text: str) -> bool:
    return re.search(indicator_pattern(term), text, re.IGNORECASE | re.ASCII) is not None


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("tariff", "new tariffs"),
        ("negotiate", "the negotiators met"),
        ("negotiate", "negotiations stalled"),
        ("price", "pricing power"),
        ("supply", "supplies dwindled"),
        ("supply chain", "supply-chain risks"),
        ("supply chain", "supply  chains"),
        ("war", "two wars"),
        ("weaponize", "weaponization of trade"),
        ("=fair", "a fair deal"),
        ("dominan*", "dominance"),
        ("people's lives", "people’s lives"),
        # Snowball drops a double l ("footfall" → "footfal"): a tester's word matched nothing
        ("footfall", "footfall fell"),
        ("footfall", "footfalls fell"),
        ("shortfall", "a shortfall"),
        ("install", "installed"),
        ("overall", "overall"),
    ],
)
def test_indicator_matches_inflections(term: str, text: str) -> None:
    assert _matches(term, text)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("cost", "a costume"),
        ("fund", "fundamental"),
        ("war", "a warning"),
        ("war", "the ward"),
        ("ally", "Allison"),
        ("=fair", "fairly"),
        ("tariff", "tarif"),
        ("supply chain", "supply of chain saws"),
    ],
)
def test_indicator_does_not_overreach(term: str, text: str) -> None:
    assert not _matches(term, text)


def test_stem_cores_and_the_shared_suffix_group() -> None:
    assert stem_core("supply") == "suppli|supply"  # Snowball's stem and the word as written
    assert stem_core("war") is None  # too short to extend
    assert stem_core("u.s.") is None
    assert indicator_pattern("tariff").startswith(r"\b(?:tariff)(?:")


def test_indicator_errors() -> None:
    with pytest.raises(ValueError, match="shorter than 3"):
        indicator_pattern("ab*")
    with pytest.raises(ValueError, match="'=' must be followed"):
        indicator_pattern("=")
    with pytest.raises(ValueError, match="no words"):
        indicator_pattern(" – ")


def test_indicator_alternation_longest_first() -> None:
    assert indicator_alternation(("a", "bb")) == "(?:(?:bb)|(?:a))"
