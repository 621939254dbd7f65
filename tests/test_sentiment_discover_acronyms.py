"""Discovered actors: an acronym opening a sentence is in capitals whatever word it opens, so
it counts as a name there (a headline's label in capitals does not)."""

from __future__ import annotations

import pytest

from analysis.sentiment.discover import discovered_names, names_in
from tests.test_sentiment_discover_openings import headlines


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("NTSB Region 4 opened an inquiry.", ["NTSB"]),
        ("CFMEU officers kept watch at the gate.", ["CFMEU"]),
        ("NATO allies met in Riga.", ["NATO", "Riga"]),
    ],
)
def test_an_acronym_opening_a_sentence_is_a_name(sentence: str, names: list[str]) -> None:
    assert names_in(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    ["LIVE: talks resume today.", "WATCH | the vote", "UPDATE - the strike ends", "OK, fine.",
     "Hopeful signs emerge.", "A vote is due.", "I said no."],
)  # fmt: skip
def test_a_label_or_a_capitalised_opener_is_no_name(sentence: str) -> None:
    assert names_in(sentence) == []


def test_an_acronym_written_only_at_openings_is_discovered() -> None:
    table = headlines(
        "CFMEU officers kept watch.",
        "CFMEU members voted to strike.",
        "CFMEU leaders met the minister.",
        "CFMEU said the deal was fair.",
    )
    counts = discovered_names(table, "outlet").groupby("name")["n_sentences"].sum()
    assert counts.to_dict() == {"CFMEU": 4}
    # a sentence wholly in capitals still gives none
    shouting = headlines("CFMEU WALKS OUT AT DAWN", "CFMEU WINS THE VOTE")
    assert discovered_names(shouting, "outlet").empty
