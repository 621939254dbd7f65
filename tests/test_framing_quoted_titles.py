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


@pytest.mark.parametrize(
    "sentence",
    [
        # a title after a word naming a work, whatever its case
        'Residents can watch the authority’s video "How to read your water meter" on its website.',
        'Parents signed a petition titled "save our school pools now" last week.',
        'A satirical site ran an article titled "the turkeys were never pardoned at all" today.',
        # a scare quote: a short noun phrase in a sentence that attributes nothing
        'The drought has turned the city’s famous "green belt of the coast" brown.',
        "The drought has turned Harlow Bay’s famous ‘green belt of the coast’ brown.",
        'Obama turned to his "pen and phone" strategy of governing.',
    ],
)
def test_a_title_or_scare_quote_in_any_case_is_no_quotation(sentence) -> None:
    row = sourcing_matrix([sentence]).iloc[0]
    assert not row["has_quote"] and not row["attributed"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a verb of speech or an attribution makes the short span someone's words
        'The governor vowed to "keep every tap running" this summer.',
        'Trump blamed the "radical left agitators" for the violence.',
        'Mehta said the rebates were "a good start" but small.',
        'The report said "the city is out of water" on Monday.',
        # after "that" or at the sentence's end: a partial quotation
        'Obama warned voters that "our democracy is at stake" this year.',
        'The ruling found the claims "most but not all proved."',
    ],
)
def test_a_short_span_that_is_someones_words_stays_a_quotation(sentence) -> None:
    assert sourcing_matrix([sentence]).iloc[0]["has_quote"]
