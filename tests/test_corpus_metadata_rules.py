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
    assert cleaned.text.splitlines() == ["Harbour Fees Paused", PROSE[0], PROSE[1]]


@pytest.mark.parametrize(
    "line",
    [
        "Tuesday, 3 March 2024",
        "2024-03-03",
        "Mar. 3, 2024 10:15 a.m. EST",
        "3 March 2024 · 5 min read",
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
