"""analysis.corpus.documents.author_without_by: "By" is taken off an export's author, audited
(a tester's export gave "By Jane Roe", and "By" alone in 226 rows)."""

from __future__ import annotations

import pytest

from analysis.corpus.documents import author_without_by


@pytest.mark.parametrize(
    ("given", "kept"),
    [("By Jane Roe", "Jane Roe"), ("BY JANE ROE", "JANE ROE"), ("By", ""), ("By: Jo Li", "Jo Li")],
)
def test_by_is_taken_off_and_audited(given: str, kept: str) -> None:
    row = {"author": given}
    (entry,) = author_without_by(row, "d1")
    assert row["author"] == kept
    assert entry.rule == "author_by" and entry.original == f"author: {given}"


@pytest.mark.parametrize("given", ["Byron Smith", "Jane Roe", "", None])
def test_other_authors_stay(given: str | None) -> None:
    row = {"author": given}
    assert author_without_by(row, "d1") == [] and row["author"] == given
