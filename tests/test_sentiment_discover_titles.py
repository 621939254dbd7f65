"""names_in: a title before a name is no part of it."""

from __future__ import annotations

from analysis.sentiment.discover import names_in


def test_a_religious_or_royal_title_is_no_part_of_the_name() -> None:
    # a copy editor's "Pope Francis" and "Francis" were two actors, and an outlet writing only
    # "Pope Francis" had n = 0 in the "Francis" column of Figure 4
    assert names_in("Yesterday Pope Francis met Sheikh Mohammed in Rome.") == [
        "Francis",
        "Mohammed",
        "Rome",
    ]
    assert names_in("Yesterday Martin Luther King spoke.") == ["Martin Luther King"]


def test_a_run_of_more_capitalised_words_than_a_name_has_is_no_name() -> None:
    tags = "Generational Dynamics Syria Russia Vladimir Putin Sochi Sergei Lavrov Staffan"
    assert names_in(f"Filed under {tags} and more.") == []
    assert names_in("The Martin Luther King Jr Center for Peace opened.") == [
        "Martin Luther King Jr Center for Peace"  # seven words: still a name
    ]
