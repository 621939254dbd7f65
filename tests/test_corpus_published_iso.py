"""analysis.corpus.documents.published_as_iso: a given date that can be only one day is written
as ISO, with what was written in date_note and the audit (a tester's export had six formats)."""

from __future__ import annotations

import pytest

from analysis.corpus.documents import published_as_iso


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("February 16, 2017", "2017-02-16"),
        ("23 Jun 2017 12:59", "2017-06-23"),
        ("30/09/2018", "2018-09-30"),
        ("09/13/2018", "2018-09-13"),
        ("02/02/2017", "2017-02-02"),  # the same day either way (an export's was left as text)
        ("31.12.24", "2024-12-31"),  # a German Excel's short year (a tester's export)
        ("13-7-2024", "2024-07-13"),
        # abbreviations a German, Austrian, French or Spanish spreadsheet writes
        ("31. Dez. 2024", "2024-12-31"),
        ("31 déc. 2024", "2024-12-31"),
        ("14-Mrz-24", "2024-03-14"),
        ("3. Jän. 2024", "2024-01-03"),
    ],
)
def test_a_date_of_one_day_is_written_as_iso(written: str, iso: str) -> None:
    row = {"published": written, "date_note": ""}
    (entry,) = published_as_iso(row, "d1")
    assert row["published"] == iso
    assert row["date_note"] == f"Written '{written}' in the corpus; read as {iso}."
    assert entry.rule == "date_iso" and entry.original == f"published: {written}"


@pytest.mark.parametrize(
    "written",
    ["03/04/2018", "3/7/69", "2017-11-23T07:35:00Z", "2017-11-23 07:35", "2017-11", "n.d.", ""],
)
def test_iso_ambiguous_and_unreadable_dates_stay(written: str) -> None:
    row = {"published": written, "date_note": "given by the desk"}
    assert published_as_iso(row, "d1") == []
    assert row == {"published": written, "date_note": "given by the desk"}
