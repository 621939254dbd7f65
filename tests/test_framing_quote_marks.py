"""Quotations in single curly quotes, guillemets and the dash interview style count as quotations.

A media-sourcing tester's drought corpus quoted in all three: "‘The council officials told us
nothing for months,’ said Dev Patel." credited government officials (the quotation's words), and
a verb inside « … » made a sentence attributed.
"""

from __future__ import annotations

import pyarrow as pa
import pytest

from analysis.framing.quote_marks import as_double_quotes
from analysis.framing.sourcing import load_sources, sourcing_matrix


def read(sentences: list[str], doc_ids: list[int] | None = None) -> list[tuple[int, int, list]]:
    """(has_quote, attributed, kinds) of each sentence."""
    matrix = sourcing_matrix(sentences, doc_ids=doc_ids)
    columns = [c for c in matrix.columns if c.startswith("source_")]
    return [
        (int(r.has_quote), int(r.attributed), [c.removeprefix("source_") for c in columns if r[c]])
        for _, r in matrix.iterrows()
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "‘The council officials told us nothing for months,’ said Dev Patel.",
        "Dev Patel was furious: « The council officials told us nothing for months. »",
        "Dev Patel war wütend: » The council officials told us nothing for months. «",
        "— The council officials told us nothing for months, says Dev Patel.",
        "— The council officials told us nothing for months, Dev Patel says.",
    ],
)
def test_the_words_inside_other_quotation_marks_are_a_quotation_not_the_speaker(sentence) -> None:
    assert read([sentence]) == [(1, 1, [])]


def test_a_verb_inside_guillemets_does_not_attribute_the_sentence() -> None:
    matrix = sourcing_matrix(["The mayor was blunt: « Officials announced nothing. »"])
    assert matrix["attribution_verb"].isna().all() and matrix["has_quote"].all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apostrophes are no quotation marks
        ("It’s the ’90s, don’t ask.", "It’s the ’90s, don’t ask."),
        ("The workers’ pay rose.", "The workers’ pay rose."),
        # a plural possessive inside a quotation does not close it
        ("‘The students’ union said no,’ she said.", "“The students’ union said no,” she said."),
        ("a ‘go-ahead’ for the students’ plan", "a “go-ahead” for the students’ plan"),
        # tokenised text: a space after the opening mark
        ("a plan to ‘ lift our citizens to work.’", "a plan to “ lift our citizens to work.”"),
        # a quotation's tail, opened in the sentence before
        ("Closing us does not save a drop.’", "Closing us does not save a drop.”"),
        # single quotes inside double ones are a quotation within a quotation
        ("“It’s ‘fine’ now,” she said.", "“It’s ‘fine’ now,” she said."),
        ("He asked; she responded ‘No.’”", "He asked; she responded ‘No.’”"),
        # a lone guillemet separates a page's sections
        ("Opinion » Why I quit the union", "Opinion » Why I quit the union"),
    ],
)
def test_single_curly_quotes_are_told_from_apostrophes(text, expected) -> None:
    verbs = load_sources().verb_pattern
    assert as_double_quotes(pa.array([text]), verbs).to_pylist() == [expected]


def test_a_dash_line_without_an_incise_is_a_quotation_only_after_one_in_its_document() -> None:
    lines = [
        "— We have had three cancellations this week, says Paolo Renzi.",
        "— Guests read about the drought and think there is no water.",
        "— The Senate passed the budget on Tuesday night.",  # a bullet of a list
    ]
    assert [q for q, _, _ in read(lines, doc_ids=[1, 1, 2])] == [1, 1, 0]
    assert [q for q, _, _ in read(lines)] == [1, 0, 0]  # read alone: a bullet is no quotation


def test_straight_and_curly_double_quotes_read_as_before() -> None:
    assert read(['"We will enforce it," said the minister.']) == [(1, 1, ["government_officials"])]
