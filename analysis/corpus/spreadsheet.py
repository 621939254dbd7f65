"""Reading a corpus from a workbook (``.xlsx``, ``.xls``, ``.ods``), one row per article, by batch.

Journalists and analysts keep exports in spreadsheets; asking them to re-save a workbook as CSV
loses nothing but costs a step and, in many locales, turns the file into semicolon-separated
Windows-1252. openpyxl reads ``.xlsx`` in its read-only mode, row by row, so a workbook of
thousands of rows is read in constant memory, like a CSV.

What is read: the **first worksheet** that holds the corpus's columns (the first sheet, unless
it lacks them and a later one has them: a workbook often opens with a sheet of notes; a warning
names the sheet read and the others that hold data), its first row as the header, every later
row up to the last that is not empty (the empty rows a sheet's formatting leaves below the data
are not rows of the corpus; one between data rows is, and is skipped for its empty text like a
CSV's). Cells come as Excel stores them: text, numbers (an
integer-valued number stays an integer: an id of ``101`` is ``"101"``), dates (written as ISO
8601 by the chunk reader; a date-time at midnight as its date), and a formula's last computed
value (``data_only``; a formula never computed by Excel reads as empty). Header cells that are
empty are named ``Unnamed: N`` and a repeated name gets ``.1``, ``.2``, as pandas names CSV
columns. The old binary ``.xls`` and LibreOffice's ``.ods`` are read the same way with calamine
(python-calamine, a Rust reader; openpyxl reads neither), which reads the first sheet whole
rather than row by row, and gives an empty cell as empty text.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.user_warnings import warn_user


class SpreadsheetError(ValueError):
    """A workbook that cannot be read as a corpus; the message says why."""


# Workbooks openpyxl cannot read, read with calamine (python-calamine) instead.
CALAMINE_SUFFIXES = (".xls", ".ods")
WORKBOOK_SUFFIXES = (".xlsx", *CALAMINE_SUFFIXES)


class _CalamineSheet:
    """A calamine worksheet with the little of openpyxl's read-only worksheet used here."""

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self.title = sheet.name
        end = sheet.end  # (last row, last column), counted from 0; None for an empty sheet
        self.max_row = end[0] + 1 if sheet.height and end else 0

    def iter_rows(self, max_row: int | None = None, values_only: bool = True) -> Iterator[Any]:
        for k, row in enumerate(self._sheet.iter_rows()):
            if max_row is not None and k >= max_row:
                return
            yield tuple(row)


class _CalamineBook:
    """A calamine workbook with the little of openpyxl's workbook used here (its sheets)."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self.worksheets = [
            _CalamineSheet(book.get_sheet_by_index(k)) for k in range(len(book.sheet_names))
        ]

    def close(self) -> None:
        self._book.close()


def _open(path: Path) -> Any:
    """The workbook, read-only with cached formula values, or :class:`SpreadsheetError`: an
    ``.xlsx`` by openpyxl, row by row; an ``.xls`` or ``.ods`` by calamine, which
    reads a sheet whole (an ``.xls`` holds at most 65,536 rows)."""
    if path.suffix.lower() in CALAMINE_SUFFIXES:
        import python_calamine

        try:
            return _CalamineBook(python_calamine.CalamineWorkbook.from_path(str(path)))
        except (python_calamine.CalamineError, OSError, ValueError) as error:
            kind = path.suffix.lower()
            raise SpreadsheetError(f"{path}: not a readable {kind} workbook ({error})") from None
    from zipfile import BadZipFile

    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise SpreadsheetError(f"{path}: not a readable .xlsx workbook ({error})") from None


def _sheets(path: Path, workbook: Any) -> list[Any]:
    """The workbook's worksheets, or :class:`SpreadsheetError` when it has none."""
    sheets = list(workbook.worksheets)
    if not sheets:
        raise SpreadsheetError(f"{path}: the workbook has no worksheet")
    return sheets


def _warn_sheets_not_read(path: Path, sheets: Sequence[Any], read: int) -> None:
    """Warn of the sheets with data other than the one read (``read``, an index), naming it,
    and why it was read when it is not the first."""
    others = [s.title for k, s in enumerate(sheets) if k != read and s.max_row and s.max_row > 1]
    title = repr(sheets[read].title)
    if read:
        said = f"{path}: the sheet {title} is read: it holds the corpus's columns, which the "
        said += f"first sheet {sheets[0].title!r} does not"
    elif not others:
        return
    else:
        said = f"{path}: only its first sheet {title} is read"
    if others:
        which = (
            f"the sheet {others[0]!r} is"
            if len(others) == 1
            else f"the sheets {', '.join(repr(t) for t in others)} are"
        )
        said += f"; {which} not (save each as its own workbook or CSV to read it)"
    warn_user(said)


def _cell(value: Any) -> Any:
    """A cell's value, a date-time at midnight as its date: Excel stores a date as a date-time,
    and ``2026-07-01`` is what its user typed, not ``2026-07-01T00:00:00``."""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    return value


def header_names(cells: Sequence[Any]) -> list[str]:
    """Column names from a header row, as pandas names a CSV's: trailing empty cells dropped,
    an empty cell ``Unnamed: N`` (N counted from 0), a repeated name suffixed ``.1``, ``.2``."""
    values = list(cells)
    while values and (values[-1] is None or str(values[-1]).strip() == ""):
        values.pop()
    names: list[str] = []
    seen: dict[str, int] = {}
    for k, value in enumerate(values):
        name = f"Unnamed: {k}" if value is None or str(value).strip() == "" else str(value)
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        names.append(name)
    return names


@dataclass(frozen=True)
class SheetHeader:
    """A sheet's header: its column ``names``, the ``row`` (0-based) that holds them, the rows
    above it (``skipped``, each as its non-empty cells joined), the data rows below it as the
    workbook records its size (``n_rows``: empty rows included; None when it does not say), and
    which ``sheet`` (0-based) it is."""

    names: list[str]
    row: int = 0
    skipped: tuple[str, ...] = ()
    n_rows: int | None = None
    sheet: int = 0


def _header_rows(
    sheet: Any, accepts: Callable[[list[str]], bool] | None
) -> tuple[int | None, list[Any]]:
    """Where a sheet's header is: ``(row, rows read)``; ``row`` is the first row unless
    ``accepts`` refuses it and takes one of the next, else None (no row of it accepted)."""
    from analysis.corpus.csv_dialect import PREAMBLE_MAX_LINES

    rows = list(sheet.iter_rows(max_row=PREAMBLE_MAX_LINES, values_only=True))
    named = [(k, header_names(row)) for k, row in enumerate(rows)]
    if accepts is None or (named and named[0][1] and accepts(named[0][1])):
        return 0, rows
    return next((j for j, n in named[1:] if n and accepts(n)), None), rows


def xlsx_header(
    path: Path | str,
    warn: bool = True,
    accepts: Callable[[list[str]], bool] | None = None,
) -> SheetHeader:
    """The header of the workbook's corpus sheet, from one opening of the workbook (each opening
    parses its table of shared strings, the text of every article).

    The header is the first row, unless ``accepts`` refuses its names and takes those of one of
    the next rows up to :data:`~analysis.corpus.csv_dialect.PREAMBLE_MAX_LINES`: a
    monitoring service's export opens with a report's preamble (its name, query and dates)
    above the table, as its CSV does (:func:`analysis.corpus.csv_dialect.csv_layout`). The
    sheet is the first, unless ``accepts`` takes no row of it and takes one of a later sheet:
    a tester's workbook opened with a sheet of notes, and the articles on the second were
    refused with "its columns are: Note". ``warn=False`` leaves the warnings about the sheets
    to a later read (a check before a run whose notebooks read the file)."""
    from analysis.corpus.csv_dialect import widest_row

    path = Path(path)
    workbook = _open(path)
    try:
        sheets = _sheets(path, workbook)
        index, (k, rows) = 0, _header_rows(sheets[0], accepts)
        if k is None:
            for j, sheet in enumerate(sheets[1:], start=1):
                found, found_rows = _header_rows(sheet, accepts)
                if found is not None:
                    index, k, rows = j, found, found_rows
                    break
        sheet = sheets[index]
        if warn:
            _warn_sheets_not_read(path, sheets, index)
        if k is None:  # no row holds the columns asked for: the table's likeliest header, so
            k = widest_row(rows)  # the message lists its columns, not a preamble's title
        names = header_names(rows[k]) if rows else []
        if not names:
            raise SpreadsheetError(f"{path}: the first sheet is empty (no header row)")
        skipped = tuple(
            " ".join(str(_cell(v)) for v in row if v is not None and str(v).strip())
            for row in rows[:k]
        )
        size = sheet.max_row
        return SheetHeader(names, k, skipped, size - 1 - k if size else None, index)
    finally:
        workbook.close()


def xlsx_columns(path: Path | str, warn: bool = True) -> list[str]:
    """The column names of the workbook's first sheet (its first row: :func:`xlsx_header`)."""
    return xlsx_header(path, warn).names


def xlsx_batches(
    path: Path | str,
    columns: Sequence[str],
    chunk_size: int,
    header_row: int = 0,
    sheet: int = 0,
) -> Iterator[pd.DataFrame]:
    """Batches of at most ``chunk_size`` non-empty data rows of the ``sheet`` (0-based: the
    first), holding the ``columns`` named (header names of :func:`xlsx_header`, its header on
    row ``header_row``), cells as Excel stores them."""
    path = Path(path)
    workbook = _open(path)
    try:
        rows = _sheets(path, workbook)[sheet].iter_rows(values_only=True)
        for _ in range(header_row):  # a report's preamble above the header
            next(rows, None)
        names = header_names(next(rows, ()))
        where = {name: k for k, name in enumerate(names)}
        picks = [where[c] for c in columns]
        batch: list[list[Any]] = []
        empty = 0  # empty rows not yet passed on: dropped if no data row follows them
        for row in rows:
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                empty += 1
                continue
            # an empty row between data rows is passed on (and skipped for its empty text),
            # so that row numbers in messages stay the sheet's
            batch.extend([[None] * len(picks)] * empty)
            empty = 0
            batch.append([_cell(row[k]) if k < len(row) else None for k in picks])
            while len(batch) >= chunk_size:
                yield pd.DataFrame(batch[:chunk_size], columns=list(columns), dtype=object)
                batch = batch[chunk_size:]
        if batch:
            yield pd.DataFrame(batch, columns=list(columns), dtype=object)
    finally:
        workbook.close()


def cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: empty for no value, an integer-valued number
    without ``.0``, a date or date-time in ISO 8601 (:func:`_cell`), anything else ``str``."""
    value = _cell(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def read_xlsx_table(path: Path | str) -> pd.DataFrame:
    """The first sheet of a small workbook (a coding sheet) as a table of text, every cell as
    :func:`cell_text` gives it, as :func:`pandas.read_csv` with ``dtype=str`` and
    ``keep_default_na=False`` reads the same sheet saved as CSV. Raises
    :class:`SpreadsheetError` for a file that is not a workbook or a sheet without a header."""
    path = Path(path)
    columns = xlsx_columns(path)
    frames = list(xlsx_batches(path, columns, chunk_size=10_000))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return table.map(cell_text).astype(str) if len(table) else table.astype(str)
