"""Hard-wrapped text (:mod:`analysis.corpus.hard_wraps`, rule ``hard_wrap_join``): lines of a
column joined into paragraphs, words hyphenated at a line's end rejoined.

Texts written for these tests after a tester's pastes of PDF e-paper editions."""

from __future__ import annotations

import textwrap

import pytest
from cleaning_cases import clean_lines, rules_by_line

from analysis.corpus.block_rules import MIN_WRAPPED_LEN
from analysis.corpus.cleaning import clean_text
from analysis.corpus.hard_wraps import (
    NARROWEST_COLUMN,
    WordForms,
    joins_without_hyphen,
    wrap_minimum,
)

STORY = (
    "The minister said on Tuesday that the new rules would help the government cut waste in "
    "the health service by next year, while critics in the opposition said the plan was poorly "
    "thought out and would hurt patients who rely on the local hospital every day. A spokesman "
    "for the health department declined to comment on the figures when asked about them by "
    "reporters outside the building."
)


def _cleaned(text: str) -> list[str]:
    """The lines of the cleaned ``text`` (rules only), without the blank lines that keep apart
    paragraphs that cleaning again would otherwise join."""
    return [line for line in clean_text(text, "t", model=None).text.splitlines() if line]


# --------------------------------------------------------------------------------------------
# Words hyphenated at a line's end.
# --------------------------------------------------------------------------------------------


def test_a_word_hyphenated_at_the_line_end_is_rejoined_without_its_hyphen() -> None:
    # "gov-" / "ernment" became "gov- ernment", a word of no lexicon
    cleaned = clean_lines(
        "The minister said the new rules would help the gov-",
        "ernment cut waste in the health service by next year.",
    )
    assert cleaned.text == (
        "The minister said the new rules would help the government cut waste in the health "
        "service by next year."
    )
    assert rules_by_line(cleaned) == {1: {"hard_wrap_join"}, 2: {"hard_wrap_join"}}


def test_a_compound_split_at_its_own_hyphen_keeps_it() -> None:
    cleaned = clean_lines(
        "The council said the plan, drawn up by a well-",
        "known architect, would cost less than the old one.",
    )
    assert "a well-known architect" in cleaned.text


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("gov-", "ernment cut", "government cut"),
        ("a well-", "known face", "a well-known face"),
        ("a so-", "called deal", "a so-called deal"),  # a compound's second part: "called"
        ("a 1.36-", "kilogram statue", "a 1.36-kilogram statue"),  # a number before it
        ("an e-", "mail to staff", "an e-mail to staff"),  # one letter before it
        ("Franco-", "German talks", "Franco-German talks"),  # a capital after it
        ("Rus-", "sian name", "Russian name"),
    ],
)
def test_a_line_end_hyphen_goes_or_stays(first: str, second: str, joined: str) -> None:
    start = "The statement read out by the spokesman on Monday mentioned "
    cleaned = clean_lines(start + first, second + " and nothing else.")
    assert cleaned.text == f"{start}{joined} and nothing else."


def test_the_text_itself_decides_a_hyphen_before_the_lists() -> None:
    # "cost-cutting" written inside a line keeps the hyphen of "cost-" / "cutting"; "wellbeing"
    # written inside a line drops that of "well-" / "being", though "well" opens compounds
    text = (
        "The ministry's cost-cutting plan, which officials say protects patients' wellbeing,\n"
        "was sent back on Monday by the committee, which wants more cost-\n"
        "cutting and said the patients' well-\n"
        "being was not its concern."
    )
    cleaned = _cleaned(text)
    assert cleaned[0].endswith(
        "wants more cost-cutting and said the patients' wellbeing was not its concern."
    )


def test_joins_without_hyphen_reads_the_pair() -> None:
    forms = WordForms("A well-known face and the council's welfare office.")
    assert joins_without_hyphen("help the gov-", "ernment cut", None)
    assert not joins_without_hyphen("a well-", "known face", None)
    assert joins_without_hyphen("the wel-", "fare office", forms)
    assert not joins_without_hyphen("one more well-", "known face", forms)
    assert not joins_without_hyphen("China -", "so cold", None)  # a dash, not a hyphen
    assert not joins_without_hyphen("the U.S.-", "led coalition", None)


# --------------------------------------------------------------------------------------------
# The wrap width.
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [26, 30, 36, 40, 45, 50, 60, 70])
def test_a_column_of_any_width_is_joined_into_its_paragraph(width: int) -> None:
    # wrapped at 30 characters, the tester's column gave 15 sentences for 2: the join wanted a
    # previous line of 40 characters
    assert _cleaned(textwrap.fill(STORY, width)) == [STORY]


def test_the_wrap_minimum_reads_the_texts_own_wrapped_lines() -> None:
    assert wrap_minimum(textwrap.fill(STORY, 30).splitlines()) < 30
    assert wrap_minimum(textwrap.fill(STORY, 70).splitlines()) == MIN_WRAPPED_LEN
    assert wrap_minimum(["one line only"]) == MIN_WRAPPED_LEN


def test_a_menu_of_short_lower_case_lines_is_not_joined() -> None:
    menu = ["local elections", "river levels today", "school closures", "road works", "bins"]
    text = "\n".join([*menu, STORY])
    assert wrap_minimum(text.splitlines()) == MIN_WRAPPED_LEN
    assert _cleaned(text) == [*menu, STORY]


def test_two_short_lines_over_lower_case_ones_make_no_wrap_width() -> None:
    # two could be a headline over a lower-case standfirst: too few to read a column from
    lines = [
        "The council voted to close the library",
        "and the pool on Monday.",
        "Dockers voted to end the strike on",
        "terms they had rejected.",
    ]
    assert wrap_minimum(lines) == MIN_WRAPPED_LEN
    assert _cleaned("\n".join(lines)) == lines
    more = [*lines, "The port said it would reopen on", "the first day of the month."]
    assert wrap_minimum(more) < MIN_WRAPPED_LEN
    assert len(_cleaned("\n".join(more))) == 3


def test_no_line_shorter_than_the_narrowest_column_joins() -> None:
    lines = textwrap.fill(STORY, 14).splitlines()
    assert wrap_minimum(lines) == MIN_WRAPPED_LEN
    assert NARROWEST_COLUMN > 14
    assert len(_cleaned("\n".join(lines))) > 1


# --------------------------------------------------------------------------------------------
# A capitalised word continuing a line.
# --------------------------------------------------------------------------------------------


def test_a_capitalised_line_continues_a_line_ending_on_a_comma_or_a_function_word() -> None:
    # the tester's paste gave 3 sentences for 1
    lines = [
        "The attorney for the family said the decision was a blow to",
        "Johnson and his supporters, who had campaigned for months for",
        "Washington to intervene in the case before the end of the year.",
    ]
    assert _cleaned("\n".join(lines)) == [" ".join(lines)]
    quote = ['"This is a sad day for the town and its people,"', "Mayor Jane Roe said."]
    assert _cleaned("\n".join(quote)) == [" ".join(quote)]


def test_a_capitalised_line_under_a_finished_clause_stays_apart() -> None:
    lines = [
        "The attorney for the family said the decision was final",
        "Johnson and his supporters had campaigned for months.",
    ]
    assert _cleaned("\n".join(lines)) == lines


def test_the_cleaned_text_is_cleaned_the_same_again() -> None:
    # paragraphs of short lines parted by blank lines: without a blank line kept between them,
    # the cleaned text would read as a narrow column and be joined when cleaned again
    pairs = [f"A short unfinished line {k} of\n\nthe next paragraph, in lower case." for k in "abc"]
    once = clean_text("\n\n".join(pairs), "t", model=None).text
    assert once.count("A short unfinished line") == 3
    assert clean_text(once, "t", model=None).text == once


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lavrov has called the boy's return \"the last", 'straw" after a string of failures.'),
        ("There is talk now of a", "semi-Solomonic split between the two hosts."),
        ('For those who had forgotten to watch "The', 'Tonight Show" on Thursday night.'),
    ],
)
def test_a_line_continues_over_quotes_and_hyphens(first: str, second: str) -> None:
    # a tester's e-paper column: each of these pairs stayed two lines
    first = "In a statement read out on Monday, " + first
    assert _cleaned(f"{first}\n{second}") == [f"{first} {second}"]


def test_a_list_of_headlines_ending_on_for_or_in_is_not_run_together() -> None:
    # a web page's headlines: "for" and "in" end headlines ("what he wishes for", "log in"), so
    # they continue a line over a capital only in a text wrapped over lines
    lines = [
        "Browns' Garrett should be careful what he wishes for",
        "Lawrence, Maroney step out together after wedding",
        "If you would like to add a comment, please register or log in",
        "Register Log in",
    ]
    assert _cleaned("\n".join(lines)) == lines


def test_a_sub_menus_items_marked_o_are_not_joined() -> None:
    # inscriptis marks a sub-menu's items "o": a lower-case letter alone, no word going on
    lines = ["Back to the main menu of the site, with all sections", "o Traffic", "o Crime"]
    assert _cleaned("\n".join(lines)) == lines


def test_a_few_lower_case_menu_items_among_many_lines_make_no_wrap_width() -> None:
    # a web page: three menu items of 20+ characters over lower-case ones, among its lines
    menu = ["switch to the UK edition", "switch to the US edition", "switch to the AU edition"]
    lines = [*menu, "sign in", *(PARAGRAPHS * 3)]
    assert wrap_minimum(lines) == MIN_WRAPPED_LEN


PARAGRAPHS = [
    "Harbour officials in Freedonia agreed on Tuesday to pause new port fees for six months.",
    "The pause covers grain, timber and copper shipments, according to a ministry statement.",
    "Traders said prices fell 3% after the announcement, the biggest drop since March.",
]
