"""A workbook exported by a monitoring service: a report's preamble above the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus.files import CorpusFileError, file_columns, read_chunks
from analysis.corpus.spreadsheet import xlsx_header

openpyxl = pytest.importorskip("openpyxl")

BODIES = [
    "The council met on Monday and agreed the plan for the new harbour.",
    "The mayor said the budget would rise by four percent next year.",
]
PREAMBLE = [
    ["Report:", "Harbour coverage"],
    ["Query:", "harbour OR port"],
    [],
    ["From:", "2025-10-01"],
]


def _workbook(path: Path, preamble: list[list[str]] = PREAMBLE) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in preamble:
        sheet.append(row)
    sheet.append(["Date", "Title", "Full Text", "Domain"])
    for k, body in enumerate(BODIES):
        sheet.append([f"2025-10-0{k + 1}", f"Story {k}", body, f"site{k}.com"])
    book.save(path)
    return path


def test_the_header_is_found_below_the_preamble(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mentions.xlsx")
    header = xlsx_header(path, accepts=lambda names: "Full Text" in names)
    assert header.names == ["Date", "Title", "Full Text", "Domain"]
    assert header.row == 4
    assert header.skipped == (
        "Report: Harbour coverage",
        "Query: harbour OR port",
        "",
        "From: 2025-10-01",
    )
    assert header.n_rows == 2


def test_without_a_check_the_first_row_is_the_header(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mentions.xlsx")
    assert xlsx_header(path).names[:2] == ["Report:", "Harbour coverage"]
    assert xlsx_header(path).row == 0


def test_the_rows_below_the_preamble_are_read_with_a_warning(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mentions.xlsx")
    mapping = "text=Full Text,outlet=Domain"
    with pytest.warns(UserWarning, match=r"its header is row 5 \(Date, Title, Full Text, Domain\)"):
        chunks, report = read_chunks(path, columns=mapping)
        docs = next(chunks)
    assert list(docs["raw_text"]) == BODIES
    assert list(docs["outlet"]) == ["site0.com", "site1.com"]
    assert "the header is row 5; the 4 row(s) above it were not read" in report.summary()
    assert (
        file_columns(path, {"text": "Full Text", "outlet": "Domain"}, warn=False)[2] == "Full Text"
    )


def test_a_plain_workbook_is_read_from_its_first_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "plain.xlsx", preamble=[])
    chunks, report = read_chunks(path, columns="text=Full Text,outlet=Domain")
    assert list(next(chunks)["raw_text"]) == BODIES
    assert report.header_line == 0


def test_a_wrong_map_lists_the_tables_names_not_the_preambles(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mentions.xlsx")
    with pytest.raises(
        CorpusFileError,
        match="mapping text=Body names a column the file does not have; its columns are: Date, "
        "Title, Full Text, Domain",
    ):
        read_chunks(path, columns="text=Body,outlet=Domain")
