"""Workbooks openpyxl cannot read (.xls, .ods) are read with calamine, as an .xlsx is read."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from analysis.corpus.files import CorpusFileError, detect_format, read_chunks
from analysis.validation.sheets import read_sheet

FIXTURES = Path(__file__).parent / "fixtures"  # written by fixtures/make_workbooks.py


@pytest.mark.parametrize("name", ["corpus.xls", "corpus.ods"])
def test_a_legacy_or_libreoffice_workbook_is_a_corpus_file(name: str) -> None:
    assert detect_format(name) == "xlsx"
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        chunks, report = read_chunks(FIXTURES / name)
        raw = next(chunks)
    other_sheet = "only its first sheet 'articles' is read; the sheet 'notes' is not"
    # the .xls has a second sheet with data, the .ods none
    assert any(other_sheet in str(w.message) for w in said) is name.endswith(".xls")
    assert raw["doc_id"].tolist() == ["101", "102"]  # an integer id stays an integer
    assert raw["outlet"].tolist() == ["Daily Ledger", "Post"]
    assert raw["published"].tolist() == ["2026-07-01", "2026-07-02T09:30:00"]
    assert raw["raw_text"].tolist()[0] == "Riders in Zürich welcomed the “new” buses."
    assert raw["file"].tolist() == [f"{name}:1", f"{name}:3"]  # the empty row 2 is skipped
    # every cell of data row 2 is empty: an empty row ignored, not a row without text
    assert (report.n_rows, report.n_docs, report.empty_rows) == (3, 2, [])
    assert report.n_blank_rows == 1 and report.n_empty_skipped == 0


def test_a_broken_workbook_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(b"this is not a workbook at all")
    with pytest.raises(CorpusFileError, match=r"export\.xls: not a readable \.xls workbook"):
        read_chunks(path)
    zipped = tmp_path / "export.ods.gz"
    shutil.copy(FIXTURES / "corpus.ods", zipped)
    with pytest.raises(CorpusFileError, match="a compressed workbook is not read"):
        detect_format(zipped)


def test_a_coding_sheet_saved_by_libreoffice_is_read() -> None:
    sheet = read_sheet(FIXTURES / "coded.ods", ["conflict"])
    assert sheet["item_id"].tolist() == ["s1", "s1", "s2", "s2"]
    assert sheet["conflict"].tolist() == [1.0, 1.0, 0.0, 0.0]
    assert sheet["tone"].tolist() == [-1.0, -1.0, 1.0, 0.0]


def test_load_corpus_reads_an_xls_end_to_end() -> None:
    from analysis import load_corpus

    with pytest.warns(UserWarning) as caught:
        corpus = load_corpus(FIXTURES / "corpus.xls", progress=False)
    said = [str(w.message) for w in caught]
    assert any("only its first sheet" in m for m in said)
    # its row with every cell empty is no article without text, and not named as one
    assert any("3 rows read, 2 documents; 1 empty row ignored;" in m for m in said), said
    assert not any("without text" in m for m in said), said
    assert corpus.documents["doc_id"].tolist() == ["101", "102"]
    assert corpus.sentences["sentence"].iloc[0].startswith("Riders in Zürich")


def test_a_workbooks_duplicate_id_and_empty_row_are_named_by_sheet_row(tmp_path: Path) -> None:
    # a preamble row above the header: the sheet's rows, not the data rows, are what a user
    # scrolls to; the audit names the empty row the same way
    from openpyxl import Workbook

    from analysis import load_corpus

    book = Workbook()
    sheet = book.active
    sheet.append(["Export of 2026-11-02"])
    sheet.append(["doc_id", "text", "outlet"])
    sheet.append(["a", "Ports reopened on Monday after the strike.", "X"])
    sheet.append(["b", "", "X"])
    sheet.append(["c", "Prices fell on Tuesday, traders said.", "X"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    with pytest.warns(UserWarning) as caught:
        corpus = load_corpus(path, progress=False)
    said = [str(w.message) for w in caught]
    assert any("1 row without text (sheet row 4 ('b'))" in m for m in said), said
    left = corpus.audit[corpus.audit["action"] == "document_left_out"]
    assert left["original"].tolist() == ["export.xlsx, sheet row 4: no text"]
    sheet.append(["a", "A second article with the first one's id.", "X"])
    book.save(path)
    with pytest.raises(CorpusFileError, match=r"doc_id 'a' appears twice, in sheet rows 3 and 6,"):
        load_corpus(path, progress=False)


def test_a_mistyped_map_on_a_workbook_under_a_preamble_names_the_tables_columns(
    tmp_path: Path,
) -> None:
    # a tester's --map text=Fulltext (the column is "Full Text") was answered with the
    # preamble's title as the file's columns, blaming doc_id=Story ID, which was right
    from openpyxl import Workbook

    from analysis import load_corpus

    book = Workbook()
    sheet = book.active
    sheet.append(["Media monitoring export — Project Tone 2013"])
    sheet.append(["Query: harbour"])
    sheet.append(["Story ID", "Headline", "Full Text", "Source"])
    sheet.append(["s1", "Ports", "Ports reopened on Monday after the strike.", "X"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    mapping = {"doc_id": "Story ID", "text": "Fulltext", "outlet": "Source"}
    with pytest.raises(CorpusFileError) as caught:
        load_corpus(path, column_map=mapping, progress=False)
    message = str(caught.value)
    assert "text=Fulltext names a column the file does not have" in message
    assert "its columns are: Story ID, Headline, Full Text, Source" in message
