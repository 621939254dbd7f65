"""Discovered actors: the corpus's outlets in the forms articles name them, and a council
member's title, are no actors."""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.discover import discover_actors, outlet_forms


def test_an_outlets_short_forms_are_its_own() -> None:
    forms = outlet_forms(["Riverton Herald", "KMBR News 7", "The Washington Post"])
    assert {"herald", "riverton herald", "kmbr news", "kmbr", "post", "washington post"} <= forms
    assert "riverton" not in forms and "washington" not in forms  # the places stay names


def _sentences(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence"])


def test_an_outlet_named_by_its_last_word_is_no_actor() -> None:
    # a tester's actors held "Herald" and "Gazette", two outlets of her corpus
    rows = []
    for doc, outlet in (("a", "Riverton Herald"), ("b", "Northside Gazette")):
        rows += [
            (doc, outlet, "Nurses told the Herald that Maria Lopez would speak."),
            (doc, outlet, "A memo seen by the Gazette said Maria Lopez had agreed."),
        ]
    labels = [actor.label for actor in discover_actors(_sentences(rows))]
    assert labels == ["Maria Lopez"]


def test_a_council_members_title_is_not_part_of_the_name() -> None:
    # "Council Member Dana Whitfield" was the actor, so "Whitfield said" never counted
    rows = [
        (doc, "Courier", f"On {day} Council Member Dana Whitfield voted for the cap.")
        for doc, day in (("a", "Monday"), ("b", "Tuesday"), ("c", "Friday"))
    ]
    labels = [actor.label for actor in discover_actors(_sentences(rows))]
    assert labels == ["Dana Whitfield"]
