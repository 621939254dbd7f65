"""`published_from_metadata`: the day a text's dateline gives, as ISO, with a note of where it
came from; nothing for a dateline that names no day."""

from __future__ import annotations

import pytest

from analysis.corpus.documents import published_from_metadata


@pytest.mark.parametrize(
    ("metadata", "iso", "source"),
    [
        ({"dateline": "Oct. 21, 2025"}, "2025-10-21", "dateline: 'Oct. 21, 2025'"),
        ({"dateline": "Tuesday, 3 March 2024"}, "2024-03-03", "dateline"),
        ({"dateline": "2024-03-03T10:15"}, "2024-03-03", "dateline"),
        (
            {"updated": "Updated 10:32 AM EDT, Tue October 21, 2025"},
            "2025-10-21",
            "'Updated' line",
        ),
        # copied from pages of other sites: a date and a time run together (NPR), a date in
        # numbers written day first (Der Spiegel), a date with its update (ABC News)
        ({"dateline": "October 21, 20255:00 AM ET"}, "2025-10-21", "dateline"),
        ({"dateline": "21.10.2025, 16.08 Uhr"}, "2025-10-21", "dateline"),
        ({"dateline": "10/21/2025"}, "2025-10-21", "dateline"),
        (
            {"dateline": "Posted Tue 21 Oct 2025 at 5:37am, updated Tue 21 Oct 2025 at 9:12am"},
            "2025-10-21",
            "dateline",
        ),
        # a line that holds "Updated" but opens with the publication date: no 'Updated' line
        (
            {"updated": "Published March 3, 2025 at 6:12 a.m. | Updated March 3, 2025"},
            "2025-03-03",
            "the text's date line: 'Published March 3",
        ),
        # the dateline before the 'Updated' line
        (
            {"updated": "Updated Oct. 22, 2025", "dateline": "Oct. 21, 2025"},
            "2025-10-21",
            "dateline",
        ),
    ],
)
def test_a_dateline_that_names_a_day_gives_it(metadata: dict, iso: str, source: str) -> None:
    published, note = published_from_metadata(metadata)
    assert published == iso
    assert source in note


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"dateline": "3 hours ago"},
        {"dateline": "2024-13-03"},
        {"author": "Oct. 21, 2025"},
        {"dateline": "03/04/2025"},  # March 4th or April 3rd: both orders are in use
        {"dateline": "31.02.2025"},
    ],
)
def test_no_day_gives_nothing(metadata: dict) -> None:
    assert published_from_metadata(metadata) == ("", "")
