"""analysis.corpus.spreadsheet: a corpus read from an .xlsx workbook, as from the same CSV."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.files import CorpusFileError, detect_format, read_chunks
from analysis.corpus.spreadsheet import cell_text, header_names, read_xlsx_table, xlsx_columns

ROWS = [
    ["doc_id", "text", "outlet", "published"],
    [
        101,
        "The port reopened on Monday after a long strike.",
        "Herald",
        datetime.datetime(2026, 7, 1),
    ],
    [102, "Officials said the deal was fragile.", "Post", datetime.datetime(2026, 7, 2, 14, 30)],
    [103, "Traders welcomed the news, and prices fell.", "Herald", "3 July 2026"],
]


def _workbook(
    path: Path, rows: list[list[object]], *sheets: tuple[str, list[list[object]]]
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for title, more in sheets:
        other = book.create_sheet(title)
        for row in more:
            other.append(row)
    book.save(path)
    return path


def _read(path: Path, **kwargs: object) -> tuple[pd.DataFrame, object]:
    chunks, report = read_chunks(path, **kwargs)
    return pd.concat(list(chunks), ignore_index=True), report


def test_a_workbook_reads_as_the_same_rows_saved_as_csv(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "export.xlsx", ROWS)
    csv = tmp_path / "export.csv"
    dates = ["2026-07-01", "2026-07-02T14:30:00", "3 July 2026"]
    pd.DataFrame(
        [[r[0], r[1], r[2], d] for r, d in zip(ROWS[1:], dates, strict=True)], columns=ROWS[0]
    ).to_csv(csv, index=False)
    from_book, report = _read(book, chunk_size=2)
    from_csv, _ = _read(csv)
    assert report.format == "xlsx" and report.n_docs == 3 and report.n_rows_total == 3
    assert from_book.drop(columns="file").equals(from_csv.drop(columns="file"))
    assert from_book["doc_id"].tolist() == ["101", "102", "103"]  # integers, not 101.0
    assert from_book["published"].tolist() == ["2026-07-01", "2026-07-02T14:30:00", "3 July 2026"]


def test_empty_rows_below_the_data_are_not_rows_and_one_between_keeps_the_numbering(
    tmp_path: Path,
) -> None:
    rows = [ROWS[0], ["", "", "", None], ROWS[1][:3], [None] * 4, [None] * 4]
    book = _workbook(tmp_path / "gaps.xlsx", rows)
    docs, report = _read(book)
    # the empty row (the sheet's row 2, under the header) is an empty row ignored, not a row
    # without text (an article left out): a tester's Excel rows of ";;;;" read as lost articles
    assert report.n_rows == 2 and report.n_blank_rows == 1
    assert report.n_empty_skipped == 0 and report.empty_rows == []
    assert docs["doc_id"].tolist() == ["101"]


def test_only_the_first_sheet_is_read_and_the_others_with_data_are_named(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "two.xlsx", ROWS, ("notes", [["a"], ["b"]]), ("empty", []))
    with pytest.warns(
        UserWarning, match=r"only its first sheet 'Sheet' is read; the sheet 'notes'"
    ):
        docs, _ = _read(book)
    assert len(docs) == 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _read(_workbook(tmp_path / "one.xlsx", ROWS, ("empty", [])))
        assert xlsx_columns(book, warn=False) == ROWS[0]  # a check before a run: not said twice


def test_a_workbook_opening_with_a_sheet_of_notes_is_read_from_its_corpus_sheet(
    tmp_path: Path,
) -> None:
    notes = [["Note"], ["exported by the library"], ["query: port strike"]]
    mapped = [["Body", "Source", "Date"], *[[r[1], r[2], r[3]] for r in ROWS[1:]]]
    book = _workbook(tmp_path / "notes_first.xlsx", notes, ("articles", mapped), ("log", [["x"]]))
    with pytest.warns(UserWarning) as said:
        docs, report = _read(book, columns="text=Body,outlet=Source,published=Date", chunk_size=2)
    (message,) = [str(w.message) for w in said if "sheet" in str(w.message)]
    assert message.endswith(
        "notes_first.xlsx: the sheet 'articles' is read: it holds the corpus's columns, which "
        "the first sheet 'Sheet' does not; the sheet 'Sheet' is not (save each as its own "
        "workbook or CSV to read it)"
    )
    assert docs["outlet"].tolist() == ["Herald", "Post", "Herald"]
    assert report.n_rows_total == 3
    assert docs["file"].tolist() == [
        "notes_first.xlsx:1",
        "notes_first.xlsx:2",
        "notes_first.xlsx:3",
    ]
    # no sheet holds the columns: the first is read, and the error names its columns
    with (
        pytest.raises(CorpusFileError, match="its columns are: Note"),
        pytest.warns(UserWarning, match="only its first sheet 'Sheet' is read"),
    ):
        _read(book, columns="text=Story,outlet=Source")


def test_header_names_follow_pandas_for_empty_and_repeated_cells() -> None:
    assert header_names(["text", None, "text", " ", "outlet", None, ""]) == [
        "text", "Unnamed: 1", "text.1", "Unnamed: 3", "outlet"
    ]  # fmt: skip


def test_a_mapped_workbook_loads_as_a_corpus(tmp_path: Path) -> None:
    rows = [["body", "source"], *[[r[1], r[2]] for r in ROWS[1:]]]
    book = _workbook(tmp_path / "mapped.xlsx", rows)
    corpus = load_corpus(book, column_map="text=body,outlet=source", progress=False)
    assert sorted(corpus.documents["outlet"]) == ["Herald", "Herald", "Post"]


def test_a_file_that_is_not_a_workbook_and_a_missing_column_are_clear_errors(
    tmp_path: Path,
) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("text,outlet\nA.,B\n", encoding="utf-8")
    with pytest.raises(CorpusFileError, match=r"fake.xlsx: not a readable .xlsx workbook"):
        read_chunks(fake)
    book = _workbook(tmp_path / "no_outlet.xlsx", [["text"], ["A sentence."]])
    with pytest.raises(CorpusFileError, match="outlet"):
        read_chunks(book)
    empty = _workbook(tmp_path / "empty.xlsx", [])
    with pytest.raises(CorpusFileError, match="the first sheet is empty"):
        read_chunks(empty)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("report.numbers", "export it as .xlsx or as CSV"),
        ("export.docx", "a Word document is one article of a corpus folder"),
        ("scan.pdf", "extract the text first"),
        ("export.xlsx.gz", "compressed workbook"),
    ],
)
def test_formats_not_read_say_what_to_do(name: str, hint: str) -> None:
    with pytest.raises(CorpusFileError, match=hint):
        detect_format(name)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (7, "7"),
        (7.0, "7"),
        (0.25, "0.25"),
        (datetime.datetime(2026, 7, 1), "2026-07-01"),
        (datetime.datetime(2026, 7, 1, 9, 5), "2026-07-01T09:05:00"),
        ("négatif", "négatif"),
        (True, "True"),
    ],
)
def test_a_cell_reads_as_the_text_its_csv_would_hold(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_a_small_workbook_reads_as_a_table_of_text(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "sheet.xlsx", [["id", "code"], [1, None], [2, 1.0], [None] * 2])
    table = read_xlsx_table(book)
    assert table.to_dict("list") == {"id": ["1", "2"], "code": ["", "1"]}
    header_only = read_xlsx_table(_workbook(tmp_path / "header.xlsx", [["id", "code"]]))
    assert list(header_only.columns) == ["id", "code"] and header_only.empty
