"""analysis.sentiment.findings: an actor's tone finding says when its mentions sit inside
longer names holding a word VADER rates (a tester's "tone around Harlow Creek", +0.43, came
from three of five sentences naming the group "Save Harlow Creek"; +0.13 without it)."""

from __future__ import annotations

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
        " In 2 of the 4 sentences mentioning it, the mention is part of a longer name holding "
        "a word VADER rates, “Save Harlow Creek” (save +2.2)"
    )


def test_no_note_without_such_a_name() -> None:
    (creek,) = actors_from_names(["Harlow Creek"])
    texts = ["Harlow Creek Elementary opened in 1961.", "Parents at Harlow Creek were angry."]
    assert _surrounding_name_note(creek, texts) == ""
    # the actor's own words are the name tone note's, not this one's
    (united,) = actors_from_names(["United States"])
    assert _surrounding_name_note(united, ["The United States said no."]) == ""
