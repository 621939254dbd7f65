"""Metadata lines (:mod:`analysis.corpus.metadata_rules`): title, source, dateline, byline and
credits move to the document's metadata."""

from __future__ import annotations

import pytest
from cleaning_cases import PROSE, clean_lines


def test_title_line_moves_to_metadata_even_with_different_quotes_and_case() -> None:
    cleaned = clean_lines(
        "Port Fees “Paused” For Now", PROSE[0], title='port fees "paused" for now'
    )
    assert cleaned.text == PROSE[0]
    assert cleaned.metadata["title"] == "Port Fees “Paused” For Now"
    assert [(e.rule, e.action) for e in cleaned.audit] == [("title_line", "moved_to_metadata")]


def test_first_line_that_is_not_the_title_stays() -> None:
    cleaned = clean_lines(PROSE[0], PROSE[1], title="Something else entirely")
    assert cleaned.text.splitlines() == PROSE[:2]
    assert "title" not in cleaned.metadata


def test_source_url_lines_move_to_metadata() -> None:
    cleaned = clean_lines(PROSE[0], "Original article: https://example.org/a/123", PROSE[1])
    assert cleaned.metadata["url"] == "https://example.org/a/123"
    assert cleaned.text.splitlines() == PROSE[:2]
    cleaned = clean_lines(PROSE[0], "Source: https://example.org/b", "https://example.org/c")
    assert cleaned.metadata["url"] == "https://example.org/b"  # the first one wins
    assert cleaned.text == PROSE[0]
    assert [e.result for e in cleaned.audit] == ["https://example.org/b", "https://example.org/c"]


def test_dateline_near_the_top_moves_to_metadata() -> None:
    cleaned = clean_lines("Harbour Fees Paused", "March 3, 2024", PROSE[0], PROSE[1])
    assert cleaned.metadata["dateline"] == "March 3, 2024"
    # without a known title, the headline above the dateline is the title (headline_line)
    assert cleaned.metadata["title"] == "Harbour Fees Paused"
    assert cleaned.text.splitlines() == [PROSE[0], PROSE[1]]
    # with a title given that differs, the first line is article text and stays
    cleaned = clean_lines("Harbour Fees Paused", "March 3, 2024", PROSE[0], title="Other")
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", PROSE[0]]


def test_a_headline_over_its_byline_is_the_title_when_none_is_known() -> None:
    cleaned = clean_lines("Markets slide as tariff fears return", "By Jane Doe", *PROSE[:2])
    assert cleaned.metadata["title"] == "Markets slide as tariff fears return"
    assert cleaned.text.splitlines() == PROSE[:2]
    assert [(e.rule, e.action) for e in cleaned.audit][:1] == [
        ("headline_line", "moved_to_metadata")
    ]
    again = clean_lines(*cleaned.text.splitlines())  # idempotent: no headline left to take
    assert again.text == cleaned.text and "title" not in again.metadata


def test_only_a_text_that_opens_with_its_headline_gives_one() -> None:
    # a menu line first: the headline under it is not taken once the menu has gone
    cleaned = clean_lines(
        "Sign in", "Markets slide as tariff fears return", "By Jane Doe", PROSE[0]
    )
    assert "title" not in cleaned.metadata
    assert "Markets slide as tariff fears return" in cleaned.text.splitlines()


@pytest.mark.parametrize(
    "first",
    [
        "Officials met on Tuesday.",  # a sentence: it ends as one
        "Port fees paused for six months:",  # a clause's opening
        "Paused",  # too short for a headline
        " ".join(["word"] * 26),  # too long for one
    ],
)
def test_a_first_line_not_shaped_as_a_headline_stays(first: str) -> None:
    cleaned = clean_lines(first, "By Jane Doe", *PROSE[:2])
    assert "title" not in cleaned.metadata
    assert cleaned.text.splitlines()[0] == first


def test_a_short_first_line_with_no_byline_or_dateline_below_stays() -> None:
    cleaned = clean_lines("Harbour Fees Paused", *PROSE[:2])
    assert "title" not in cleaned.metadata
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", *PROSE[:2]]


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, 3 March 2024",
        "2024-03-03",
        "Mar. 3, 2024 10:15 a.m. EST",
        "3 March 2024 · 5 min read",
        "3 hours ago",
        "Published 2 days ago",
        "October 21, 2025 4:32 PM UTC Updated 2 hours ago",
    ],
)
def test_dateline_formats(line: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert cleaned.metadata["dateline"] == line
    assert cleaned.text.splitlines() == PROSE


def test_a_date_deep_in_the_body_or_in_a_timeline_is_kept() -> None:
    cleaned = clean_lines(
        *PROSE, "March 3, 2024", "- Oct. 5, 2024:", "- Talks resume in the capital."
    )
    assert cleaned.text.splitlines()[-3:] == [
        "March 3, 2024",
        "- Oct. 5, 2024:",
        "- Talks resume in the capital.",
    ]
    assert "dateline" not in cleaned.metadata


def test_published_and_updated_lines_move_to_metadata_anywhere() -> None:
    cleaned = clean_lines(*PROSE, "Published: 3 March 2024", "Updated: March 4, 2024 09:00 GMT")
    assert cleaned.metadata == {"dateline": "Published: 3 March 2024",
                                "updated": "Updated: March 4, 2024 09:00 GMT"}  # fmt: skip
    assert cleaned.text.splitlines() == PROSE


def test_byline_at_the_top_moves_to_metadata() -> None:
    cleaned = clean_lines("By Jane Roe, Harbour Ledger", *PROSE)
    assert cleaned.metadata["author"] == "Jane Roe"
    assert cleaned.text.splitlines() == PROSE


def test_wire_credit_line_moves_to_metadata() -> None:
    cleaned = clean_lines(*PROSE, "(Reporting by Jane Roe in Lisbon; Editing by Tom Lee)")
    assert cleaned.metadata["credits"].startswith("(Reporting by Jane Roe")
    assert cleaned.text.splitlines() == PROSE


def test_a_name_over_a_role_line_at_the_top_is_the_byline() -> None:
    cleaned = clean_lines("Jane Doe", "Business reporter, BBC News", *PROSE)
    assert cleaned.text.splitlines() == PROSE
    assert cleaned.metadata["author"] == "Jane Doe"
    assert cleaned.metadata["author_role"] == "Business reporter, BBC News"
    assert {e.rule for e in cleaned.audit} == {"byline"}


@pytest.mark.parametrize(
    "lines",
    [
        ["Jane Doe", PROSE[0]],  # a name with no role under it
        [PROSE[0], PROSE[1], PROSE[2], "Jane Doe", "Business reporter, BBC News"],  # not the top
        ["Two years ago", "Business reporter, BBC News"],  # not a name
    ],
)
def test_a_name_or_role_elsewhere_is_no_byline(lines: list[str]) -> None:
    cleaned = clean_lines(*lines, PROSE[3])
    assert "author" not in cleaned.metadata
    names = {"Jane Doe", "Two years ago"}
    assert not any(e.rule == "byline" and e.original in names for e in cleaned.audit)


@pytest.mark.parametrize("line", ["2 hours ago the council met.", "Three hours ago"])
def test_prose_about_hours_ago_is_no_dateline(line: str) -> None:
    cleaned = clean_lines(line, *PROSE)
    assert "dateline" not in cleaned.metadata
