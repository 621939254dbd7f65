"""analysis.framing.indicators: an indicator written as an acronym also matches its letters
with full stops (a scholar's "NRA" missed the New York Times' "N.R.A." in three headlines that
the actor matching had merged with it)."""

from __future__ import annotations

import re

import pytest

from analysis.framing.indicators import indicator_pattern, is_acronym


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("NRA", "The N.R.A. said on Friday.", True),
        ("NRA", "The NRA said on Friday.", True),
        ("GOP", "With gun control nearing a dead end, G.O.P. turns to safety.", True),
        ("NATO", "N.A.T.O. allies met.", True),
        ("NRA", "The SNRA said so.", False),
        ("nra", "The N.R.A. said on Friday.", False),  # lower case: a word, not an acronym
        ("gun NRA", "Its gun N.R.A. ties.", True),
    ],
)
def test_an_acronym_matches_its_dotted_form(term: str, text: str, found: bool) -> None:
    assert bool(re.search(indicator_pattern(term), text, re.IGNORECASE)) is found


def test_what_counts_as_an_acronym() -> None:
    assert is_acronym("NRA") and is_acronym("EU") and is_acronym("NATO")
    assert not is_acronym("A") and not is_acronym("Nra") and not is_acronym("G7")
