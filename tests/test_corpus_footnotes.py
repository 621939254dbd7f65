"""Footnotes in text copied out of a PDF (rules ``footnote_mark`` and ``footnote``): the
markers glued to the text are cut, so that sentences split there, and the notes at a page's
foot go.

Texts written for these tests after a tester's pastes of PDF e-paper editions."""

from __future__ import annotations

import pytest

from analysis.corpus.cleaning import RULES, clean_text
from analysis.corpus.normalisers import glued_footnote_numbers, remove_footnote_marks
from analysis.corpus.page_furniture import is_footnote
from analysis.corpus.sentences import split_sentences

TEXT = (
    "The minister said the new rules would help the government cut waste by 2025.¹ Critics "
    "said the plan was poorly thought out.2 Patients who rely on the hospital were worried.\n\n"
    "¹ Figures from the ministry's annual report.\n"
    "2 Survey by the Patients Association."
)


def test_footnote_markers_and_notes_go_and_sentences_split_there() -> None:
    cleaned = clean_text(TEXT, "f", model=None)
    assert cleaned.text == (
        "The minister said the new rules would help the government cut waste by 2025. Critics "
        "said the plan was poorly thought out. Patients who rely on the hospital were worried."
    )
    rules = {(e.line_no, e.rule, e.action) for e in cleaned.audit}
    assert rules == {
        (1, "footnote_mark", "changed"),
        (3, "footnote", "removed"),
        (4, "footnote", "removed"),
    }
    assert {"footnote_mark", "footnote"} <= set(RULES)
    # one sentence of three before: no split before "Critics" and "Patients"
    assert len(split_sentences(cleaned.text)) == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("police spokesman Sgt.¹ Jim Holcomb said.", "police spokesman Sgt. Jim Holcomb said."),
        ("the annual report³ says so.", "the annual report says so."),
        ("a valuable occasion.2 For all of us", "a valuable occasion. For all of us"),
        ('"It was wrong."12 She left.', '"It was wrong." She left.'),
    ],
)  # fmt: skip
def test_a_footnote_marker_is_cut(line: str, expected: str) -> None:
    assert remove_footnote_marks(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "a flat of 50 m² and a garden of 20 ft² in all",  # a unit's exponent
        "as E=mc² says",
        "the price of 10² is in 2025.2 Critics",  # a number's exponent; a decimal
        "He writes with a No.2 Pencil",  # an abbreviation numbers follow
        "see Vol.3 Chapter one",
        "the U.S.2 Team",
        "rates rose 3.5 Percent",
        "the list: item.2 is next",  # no capital after it
    ],
)
def test_what_is_no_footnote_marker_stays(line: str) -> None:
    assert remove_footnote_marks(line) == line


def test_a_numbered_line_is_a_footnote_only_under_its_marker() -> None:
    markers = {"2": 1}
    assert is_footnote("2 Survey by the Patients Association.", 4, markers)
    assert not is_footnote("2 Survey by the Patients Association.", 1, markers)  # above it
    assert not is_footnote("3 Survey by the Patients Association.", 4, markers)
    assert not is_footnote("2 Survey by the Patients Association.", 4, {})
    assert is_footnote("¹ Figures from the ministry's annual report.", 4, {})
    assert not is_footnote("¹", 4, {})
    assert glued_footnote_numbers("was poorly thought out.2 Patients") == ["2"]
    # a recipe's numbered lines, with no marker in the text, stay
    recipe = "Mix the flour and the butter.\n2 Cups of sugar go in next.\n3 Eggs are beaten."
    assert clean_text(recipe, "r", model=None).text == recipe


def test_cleaning_the_cleaned_text_again_changes_nothing() -> None:
    once = clean_text(TEXT, "f", model=None).text
    assert clean_text(once, "f", model=None).text == once
