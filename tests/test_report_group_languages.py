"""analysis.report.group_languages: notes on the findings about groups mostly not in English."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.report.group_languages import (
    FIGURE_NOTE_GROUPS,
    GroupLanguages,
    figure_note,
    findings_note,
    group_language_note,
    groups_not_in_english,
    language_notes,
)


def documents(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "language"])


@pytest.mark.parametrize(
    ("languages", "noted"),
    [
        (["pt", "pt"], True),
        (["pt", "en"], True),  # half: noted
        (["pt", "en", "en"], False),  # a third: described mostly by its English articles
        (["en", "", "en-GB"], False),  # unknown and English variants are not "other"
        (["und-Latn", "unknown"], False),  # values naming no language are not another one
        (["fr-CA", "unknown"], True),
    ],
)
def test_a_group_is_noted_when_at_least_half_its_articles_are_not_in_english(languages, noted):
    rows = [(f"a{k}", "A", lang) for k, lang in enumerate(languages)]
    rows += [("b0", "B", "en"), ("b1", "B", "en")]
    found = groups_not_in_english(documents(rows), "outlet")
    assert [g.group for g in found] == (["A"] if noted else [])


def test_the_languages_are_counted_most_first_then_by_name():
    rows = [("a0", "A", "pt"), ("a1", "A", "id"), ("a2", "A", "pt"), ("a3", "A", "de")]
    assert groups_not_in_english(documents(rows), "outlet") == [
        GroupLanguages("A", 4, 4, (("pt", 2), ("de", 1), ("id", 1)))
    ]


def test_the_groups_are_the_sentences_groups_when_given_pooled_and_selected():
    docs = documents([("a0", "A", "pt"), ("c0", "C", "de"), ("d0", "D", "en"), ("e0", "E", "fr")])
    sentences = pd.DataFrame(
        {"doc_id": ["a0", "a0", "c0", "d0"], "outlet": ["A", "A", "Other", "Other"]}
    )  # E not selected: left out
    found = groups_not_in_english(docs, "outlet", sentences)
    assert [(g.group, g.n_not_english, g.n_docs) for g in found] == [("A", 1, 1), ("Other", 1, 2)]


def test_where_the_text_contradicts_the_given_language_the_texts_counts():
    from analysis.corpus.language import CONTRADICTED

    docs = documents([("a0", "A", "de"), ("a1", "A", "de"), ("b0", "B", "en"), ("b1", "B", "en")])
    docs["metadata_note"] = [
        CONTRADICTED.format(given="de", guess="en"),  # German as given, English as read
        "title: from the HTML; " + CONTRADICTED.format(given="de", guess="en"),
        CONTRADICTED.format(given="en", guess="pt"),  # English as given, Portuguese as read
        "",
    ]
    found = groups_not_in_english(docs, "outlet")
    assert found == [GroupLanguages("B", 1, 2, (("pt", 1),))]  # A's text reads as English
    docs["metadata_note"] = ""
    assert [g.group for g in groups_not_in_english(docs, "outlet")] == ["A"]


def test_grouping_by_the_language_column_itself_works():
    docs = documents([("a0", "A", "pt"), ("b0", "B", "en")])
    assert [g.group for g in groups_not_in_english(docs, "language")] == ["pt"]


def test_without_a_language_column_no_group_is_noted():
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["A"]})
    assert groups_not_in_english(docs, "outlet") == []
    assert language_notes(docs, "outlet") == {}


def test_a_missing_group_column_is_named():
    with pytest.raises(KeyError, match="section"):
        groups_not_in_english(documents([("a0", "A", "pt")]), "section")


def test_the_note_names_counts_languages_and_escapes_the_group():
    note = group_language_note(GroupLanguages("<b>X</b>", 2, 3, (("pt", 1), ("id", 1))))
    assert note == "2 of the 3 articles from &lt;b&gt;X&lt;/b&gt; (`pt` 1, `id` 1)"
    assert "the 1 article from" in group_language_note(GroupLanguages("Y", 1, 1, (("de", 1),)))


def test_a_finding_gets_a_note_only_for_its_noted_groups():
    notes = {"A": "2 of the 2 articles from A (`pt` 2)", "C": "1 of the 1 article from C"}
    assert findings_note(("B",), notes) == ""
    assert findings_note((), notes) == ""
    one = findings_note(("B", "A"), notes, "tone")
    assert one.startswith("**Not in English:** 2 of the 2 articles from A (`pt` 2). The lexicons")
    assert "in these articles they read only the words spelt as English ones" in one
    assert "“Not in English”" in one
    both = findings_note(("A", "C", "A"), notes, "frames")
    assert "A (`pt` 2); 1 of the 1 article from C." in both and "in those articles" in both


def test_a_vocabulary_finding_says_the_words_stand_out_by_their_language():
    note = findings_note(("A",), {"A": "2 of the 2 articles from A (`pt` 2)"}, "vocabulary")
    assert "stand out by their language" in note and "lexicons" not in note


def test_a_figures_note_names_the_groups_mostly_not_in_english_and_what_that_does():
    rows = [("a0", "A", "pt"), ("a1", "A", "pt"), ("b0", "B", "en"), ("c0", "C", "id")]
    note = figure_note(documents(rows), "outlet")
    assert note.startswith("Mostly not in English: A (2 of 2: pt 2); C (1 of 1: id 1). ")
    assert "count only their words spelt as English ones" in note
    assert "B" not in note.split(".")[0]
    assert figure_note(documents([("b0", "B", "en")]), "outlet") == ""


def test_a_figures_note_names_a_few_groups_and_counts_the_rest():
    rows = [(f"d{k}", f"G{k}", "de") for k in range(FIGURE_NOTE_GROUPS + 2)]
    note = figure_note(documents(rows), "outlet")
    assert note.count("(1 of 1: de 1)") == FIGURE_NOTE_GROUPS
    assert " and 2 more." in note
