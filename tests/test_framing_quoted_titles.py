"""Titles in quotation marks are not direct quotations (analysis.framing.quoted_titles)."""

import re

import pytest

from analysis.framing.quoted_titles import is_title_like, only_titles_quoted
from analysis.framing.sourcing import sourcing_matrix


@pytest.mark.parametrize(
    "span",
    ["The Lord of the Rings", "Made in China 2025", "Fire and Fury: Inside the Trump White House"],
)
def test_title_case_spans_read_as_titles(span: str) -> None:
    assert is_title_like(span)


@pytest.mark.parametrize(
    "span",
    [
        "We will not back down,",  # speech
        "NO MORE WARS",  # shouted: speech, not a title
        "a very good deal for everyone",
        "of the People",  # a title starts capitalised
        "我们不会让步的 今天 再见",  # no case: never a title
        "2025 2026 2027",  # no letters
    ],
)
def test_other_spans_are_not_titles(span: str) -> None:
    assert not is_title_like(span)


def test_only_titles_quoted_needs_every_span_a_title() -> None:
    span = re.compile(r"[\"“]\s*(?P<q>[^\s\"“”]+(?:\s+[^\s\"“”]+){2,})\s*(?:[\"”]|$)")
    assert only_titles_quoted('The film "The Lord of the Rings" won.', span)
    assert not only_titles_quoted('"The Lord of the Rings" and "we will win this" both.', span)
    assert not only_titles_quoted("No quotation here at all.", span)
    assert not only_titles_quoted('Stephens responded: "Seriously Tommy Vietor?"', span)


def test_sourcing_does_not_count_a_quoted_title_as_a_quotation() -> None:
    sentences = [
        'He watched the film "The Lord of the Rings" twice.',
        "The plan, called “Made in China 2025”, worries officials.",
        '"We will not back down," the minister said.',
        'She described it as "a very good deal for everyone".',
        'Crowds chanted "NO MORE WARS" outside.',
        'Trump said "Make America Great Again" at the rally.',  # after a verb: spoken
    ]
    got = sourcing_matrix(sentences)
    assert got["has_quote"].tolist() == [False, False, True, True, True, True]
    assert got["attributed"].tolist() == [False, False, True, True, True, True]
