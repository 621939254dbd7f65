"""Discovered actors: a capitalised word followed by a number labels a numbered thing ("Year
11", "Grade 9", "Page 4"), no actor."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment.discover import discover_actors, names_in


@pytest.mark.parametrize(
    "label", ["Year 11", "Grade 9", "Stage 2", "Level 3", "Page 4", "Section 5"]
)
def test_a_word_before_a_number_is_no_name(label: str) -> None:
    assert names_in(f"Pupils of {label} met Maria Lopez in Leeds.") == ["Maria Lopez", "Leeds"]
    assert names_in(f"The report is in {label}.") == []  # at the sentence's end too


def test_the_number_takes_only_its_label_from_a_longer_name() -> None:
    assert names_in("He flew Malaysia Airlines Flight 370 to Beijing.") == [
        "Malaysia Airlines",
        "Beijing",
    ]
    # a number after a name that is no label's leaves the name: a comma ends it
    assert names_in("Maria Lopez, 45, spoke.") == ["Maria Lopez"]


def test_school_years_are_no_discovered_actor() -> None:
    # a tester's discovered actors held "Year", from "my Year 11s" and "Year 13 pupils"
    rows = [
        ("a", "Courier", "Strikes hit my Year 11s, Daniel Kebede was told."),
        ("a", "Courier", "Daniel Kebede said Year 11 exams went ahead."),
        ("b", "Ledger", "Lessons were lost by Year 13 pupils, Daniel Kebede said."),
        ("b", "Ledger", "Daniel Kebede said Year 13 mocks matter."),
    ]
    frame = pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])
    labels = [actor.label for actor in discover_actors(frame)]
    assert labels == ["Daniel Kebede"]
