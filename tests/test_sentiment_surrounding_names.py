"""analysis.sentiment.findings: an actor's tone finding says when its mentions sit inside
longer names holding a word VADER rates (a tester's "tone around Harlow Creek", +0.43, came
from three of five sentences naming the group "Save Harlow Creek"; +0.13 without it)."""

from __future__ import annotations

from analysis.sentiment.actors import Actor
from analysis.sentiment.discover import actors_from_names
from analysis.sentiment.findings import _surrounding_name_note


def test_a_mention_inside_a_name_with_a_rated_word_is_named() -> None:
    (creek,) = actors_from_names(["Harlow Creek"])
    texts = [
        "Save Harlow Creek will meet on Thursday at the church.",
        "The petition of Save Harlow Creek has 900 names.",
        "Harlow Creek Elementary opened in 1961.",
        "Parents at Harlow Creek were angry.",
    ]
    note = _surrounding_name_note(creek, texts)
    assert note.startswith(
        " In 2 of the 4 sentences mentioning Harlow Creek, the mention is part of a longer name "
        "holding a word VADER rates, “Save Harlow Creek” (save +2.2)"
    )


def test_no_note_without_such_a_name() -> None:
    (creek,) = actors_from_names(["Harlow Creek"])
    texts = ["Harlow Creek Elementary opened in 1961.", "Parents at Harlow Creek were angry."]
    assert _surrounding_name_note(creek, texts) == ""
    # the actor's own words are the name tone note's, not this one's
    (united,) = actors_from_names(["United States"])
    assert _surrounding_name_note(united, ["The United States said no."]) == ""


def test_a_headline_in_title_case_is_no_longer_name() -> None:
    (creek,) = actors_from_names(["Harlow Creek"])
    headlines = ["Fears Grow Under Harlow Creek Plan", "Parents Praise Harlow Creek Teachers"]
    assert _surrounding_name_note(creek, headlines) == ""
    # a sentence in sentence case that names "Save Harlow Creek" still counts
    note = _surrounding_name_note(
        creek, [*headlines, "The members of Save Harlow Creek met on Thursday."]
    )
    assert note.startswith(" In 1 of the 3 sentences mentioning")


def test_the_advice_to_give_an_actor_list_is_for_discovered_actors_only() -> None:
    texts = ["Save Harlow Creek will meet on Thursday at the church."]
    (found,) = actors_from_names(["Harlow Creek"])
    assert "give an actor list" in _surrounding_name_note(found, texts)
    listed = Actor("creek", "Harlow Creek", "", ("Harlow Creek",), (), "")
    note = _surrounding_name_note(listed, texts)
    assert "Save Harlow Creek" in note
    assert "give an actor list" not in note
