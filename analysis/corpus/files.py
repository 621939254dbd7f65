"""Reading a corpus folder or file as a stream of raw-document chunks (internal).

The public loader is :func:`analysis.load_corpus`; this module is the chunk reader under it and
under the streaming ``python -m analysis process`` command and the engines. Large corpora come as
one export from a news database (CSV, JSON Lines or Parquet) or a spreadsheet (``.xlsx``:
:mod:`analysis.corpus.spreadsheet`) rather than a folder of ``.txt`` files. :func:`read_chunks`
checks a file's columns before anything is processed, then yields chunks of raw documents with
the same columns as :func:`analysis.corpus.documents.read_raw_documents`
(``doc_id, file, outlet, title, author, published, date_note, url, origin, language, notes,
encoding, raw_text``), so the same per-chunk function serves a folder and a file of millions of
rows. Memory stays flat: one chunk of rows is held at a time, plus the set of document ids already
seen (to refuse duplicated ids, which would make per-document results ambiguous).

Rules, applied the same way to every format:

- ``text`` and ``outlet`` columns are required (after mapping, see :func:`parse_column_map`);
  ``doc_id, title, author, published, url, origin, language, date_note, notes`` are optional. Other
  columns are the user's own metadata, kept as text (a run can group by them); the
  :class:`ReadReport` lists them, and apart the few not read (unnamed columns, a JSON object
  whose fields are columns of their own).
- A row whose text is missing or blank is skipped and counted (never silently dropped).
- A row without a ``doc_id`` gets ``doc{row:08d}``, ``row`` being its 1-based data row, so the id
  is the same on every run and points back to the row.
- An empty ``outlet`` or ``origin`` becomes ``"unknown"`` and is counted.
- A file without an ``outlet`` column but with a ``url`` column names each row's outlet by the
  site of its address (:func:`analysis.corpus.sites.site_of`: ``latimes.com``), with a warning;
  a row whose address names no site gets ``"unknown"``, counted.
- A ``doc_id`` seen twice is an error that names the id and both rows.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.corpus.csv_dialect import CsvLayout
from analysis.corpus.documents import (
    MANIFEST_COLUMNS,
    article_name,
    columns_by_folded_name,
    decode_text,
    extra_columns,
)
from analysis.corpus.group_names import similar_names_warning
from analysis.corpus.sites import is_address, site_of
from analysis.user_warnings import warn_user

if TYPE_CHECKING:
    from analysis.corpus.spreadsheet import SheetHeader

# The columns of a raw-documents chunk, as produced by analysis.corpus.documents.read_raw_documents.
# ``raw_format`` is "html" when ``raw_text`` holds a web page (analysis.corpus.html extracts it).
RAW_DOC_COLUMNS = [*MANIFEST_COLUMNS, "encoding", "raw_text", "raw_format"]
REQUIRED_COLUMNS = ("text", "outlet")
OPTIONAL_COLUMNS = (
    "doc_id",
    "title",
    "author",
    "published",
    "url",
    "origin",
    "language",
    "date_note",
    "notes",
    "html",  # saved web pages, an alternative to "text" (extracted with trafilatura)
)
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
UNKNOWN = "unknown"
DEFAULT_CHUNK_SIZE = 500
FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".xls": "xlsx",  # every workbook is read by analysis.corpus.spreadsheet
    ".ods": "xlsx",
}
# Formats not read, with what to do instead.
_UNREAD_FORMATS = {
    ".numbers": "export it as .xlsx or as CSV (UTF-8)",
    ".docx": "a Word document is one article of a corpus folder: put the documents in a "
    "folder and give the folder; in a folder without a manifest.csv, a Nexis Uni .docx of many "
    "articles is read as its articles",
    ".rtf": "an RTF document is one article of a corpus folder: put the documents in a folder "
    "and give the folder; in a folder without a manifest.csv, a Nexis Uni or Factiva .rtf of "
    "many articles is read as its articles",
    ".pdf": "extract the text first (one .txt file per article in a corpus folder)",
    ".txt": "a .txt file is one article of a corpus folder (with a manifest.csv), or, in a "
    "folder without one, a LexisNexis, Nexis Uni or Factiva export read as its articles; a "
    "table that Excel saved as 'Unicode Text' or as 'Text (Tab-delimited)' is tab-separated: "
    "rename it to .tsv",
    **dict.fromkeys(
        (".html", ".htm", ".mhtml", ".mht", ".webarchive"),
        "a saved web page is one article of a corpus folder: put the pages in a folder and "
        "give the folder (a manifest.csv is optional; a saved Factiva page of many articles is "
        "read as its articles in a folder without one)",
    ),
}
_COMPRESSIONS = (".gz", ".bz2", ".xz", ".zst", ".zip")
_MAX_LISTED_ROWS = 20


class CorpusFileError(ValueError):
    """A corpus file that cannot be read as documents; the message says what to change."""


class MissingColumnError(CorpusFileError):
    """A corpus file without a column a run needs: ``columns`` are those it lacks, of
    ``"text"`` and ``"outlet"``, ``column`` the first of them."""

    def __init__(self, message: str, column: str = "", columns: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.column = column
        self.columns = list(columns) or ([column] if column else [])


def _rows_word(n: int) -> str:
    return "row" if n == 1 else "rows"


def _rows(n: int) -> str:
    """``n`` with "row" or "rows"."""
    return f"{n} {_rows_word(n)}"


# column names of an export that hold its rows' ids (see ReadReport._id_hint)
_ID_NAMES = frozenset(
    {"id", "article_id", "story_id", "item_id", "uid", "guid", "docid", "document_id", "an"}
)


@dataclass
class ReadReport:
    """What reading a corpus file found; counts are final once the chunks are exhausted."""

    path: str
    format: str
    columns: dict[str, str]  # our column name -> the file's column name
    ignored_columns: list[str] = field(default_factory=list)  # not read at all
    metadata_columns: list[str] = field(default_factory=list)  # the user's own, kept as text
    n_rows_total: int | None = None  # known up front for Parquet and workbooks only
    n_rows: int = 0  # data rows read
    n_docs: int = 0  # rows passed on as documents
    n_empty_skipped: int = 0  # rows with an id, outlet or title but no text: left out, said
    # rows whose every cell is empty (Excel's ";;;;" rows, blank rows under the data): not
    # articles, so not counted with the rows without text (a tester's 4 such rows were said
    # as "Left out: 4 rows of the corpus file without text")
    n_blank_rows: int = 0
    # columns without a name that are empty in every row (";;" at each line's end, Excel's
    # trailing separators): not named as columns not read
    empty_columns: list[str] = field(default_factory=list)
    # first few 1-based rows skipped ("page2.csv:3" in a folder of export files)
    empty_rows: list[int | str] = field(default_factory=list)
    # every row skipped for empty text: (file name, the row's doc_id or "", its number as the
    # user finds it, the same named: "sheet row 39"), for the cleaning audit (a removal the audit
    # did not list: a tester's 7 empty rows)
    skipped_rows: list[tuple[str, str, int, str]] = field(default_factory=list)
    # every row left out as an exact repeat of an earlier row with the same doc_id (its text and
    # every column the same: an export's commonest glitch): (file name, doc_id, its number as
    # the user finds it, the same named, the earlier row named)
    repeated_rows: list[tuple[str, str, int, str, str]] = field(default_factory=list)
    n_generated_ids: int = 0
    n_unknown_outlet: int = 0
    n_unknown_origin: int = 0
    outlet_from_url: bool = False  # no outlet column: each outlet is its url's site
    n_no_site: int = 0  # of those, rows whose url names no site (outlet 'unknown')
    encoding: str = "utf-8"  # how a text file was decoded ("cp1252" when it was not UTF-8)
    separator: str = ""  # a CSV file's field separator ("" for other formats)
    header_line: int = 0  # lines (a workbook: rows) above the header, not read: a preamble
    # Excel's first line naming the separator ("sep=;"), when the file opens with one: said as
    # that, not as a line above the header that was not read
    separator_line: str = ""
    # our column -> the file's, for columns not mapped but named in another case ("Title")
    alike_columns: dict[str, str] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)  # documents per outlet
    finished: bool = False

    def skipped_for_empty_text(self) -> str:
        """ "2 rows without text (sheet rows 38 ('ps3470'), 363, …)", or "" when none was: rows
        with an id, outlet or title but no text, each with its id when it has one, a
        workbook's or CSV's rows as the sheet numbers them. Rows with every cell empty are not
        among them (:meth:`blank_rows_text`)."""
        if not self.n_empty_skipped:
            return ""
        ids = [doc_id for _, doc_id, _, _ in self.skipped_rows]
        shown = ", ".join(
            f"{row} ({ids[i]!r})" if i < len(ids) and ids[i] else str(row)
            for i, row in enumerate(self.empty_rows)
        )
        more = "…" if self.n_empty_skipped > len(self.empty_rows) else ""
        sheet = "sheet " if self.row_kind == "sheet" else ""
        which = f"{sheet}{_rows_word(len(self.empty_rows))} {shown}{more}"
        return f"{_rows(self.n_empty_skipped)} without text ({which})"

    def blank_rows_text(self) -> str:
        """ "3 empty rows ignored" (every cell empty), or "" when there was none."""
        if not self.n_blank_rows:
            return ""
        return f"{self.n_blank_rows} empty {_rows_word(self.n_blank_rows)} ignored"

    def repeated_text(self) -> str:
        """ "3 rows left out as exact repeats of an earlier row with the same doc_id ('A1',
        sheet row 244 as sheet row 243; ...)", or "" when none was."""
        if not self.repeated_rows:
            return ""
        shown = "; ".join(
            f"{doc_id!r}, {where} as {first}"
            for _, doc_id, _, where, first in self.repeated_rows[:_MAX_LISTED_ROWS]
        )
        more = "; …" if len(self.repeated_rows) > _MAX_LISTED_ROWS else ""
        return (
            f"{_rows(len(self.repeated_rows))} left out as exact repeats of an earlier row with "
            f"the same doc_id ({shown}{more})"
        )

    def shown_row(self, row: int) -> int:
        """A 1-based data ``row`` as the user finds it: in a workbook or a CSV/TSV file, the
        row a spreadsheet program numbers it (the header and the rows above it counted: testers
        looked for "row 38" of a workbook and of a CSV one row too high; a CSV's blank lines,
        which are not read, would shift it); in JSON or Parquet the data row itself."""
        return row + self.header_line + 1 if self.row_kind == "sheet" else row

    @property
    def row_kind(self) -> str:
        """How :meth:`shown_row` counts: "sheet" in a workbook or CSV/TSV, "data" elsewhere."""
        return "sheet" if self.format in ("xlsx", "csv", "tsv") else "data"

    def where(self, row: int) -> str:
        """ "sheet row 39" in a workbook, "data row 38" elsewhere: :meth:`shown_row` named."""
        return f"{self.row_kind} row {self.shown_row(row)}"

    def _id_hint(self) -> str:
        """ " (--map doc_id=id?)" when doc_ids were generated beside a column whose name says it
        holds the rows' ids, else "": with ids generated, rows repeating one are not found (a
        data journalist's 40 repeated rows were kept, counted twice)."""
        for name in [*self.metadata_columns, *self.ignored_columns]:
            if str(name).strip().casefold().replace(" ", "_") in _ID_NAMES:
                return f" (--map doc_id={name}? rows repeating an id are then left out)"
        return ""

    def summary(self) -> str:
        """One paragraph for the terminal: what was read, skipped and filled in."""
        parts = [f"{self.path}: {_rows(self.n_rows)} read, {self.n_docs} documents"]
        if self.n_empty_skipped:
            parts.append(self.skipped_for_empty_text())
        if self.n_blank_rows:
            parts.append(self.blank_rows_text())
        if self.n_generated_ids:
            parts.append(f"{self.n_generated_ids} doc_ids generated as doc<row>{self._id_hint()}")
        if self.repeated_rows:
            parts.append(self.repeated_text())
        if self.outlet_from_url:
            parts.append(f"each outlet is the site of the row's {self.columns['url']!r}")
            if self.n_no_site:
                parts.append(
                    f"{_rows(self.n_no_site)} whose address names no site set to '{UNKNOWN}'"
                )
        elif self.n_unknown_outlet:
            parts.append(f"{_rows(self.n_unknown_outlet)} with an empty outlet set to '{UNKNOWN}'")
        if self.n_unknown_origin and "origin" in self.columns:  # not news without the column
            parts.append(f"{_rows(self.n_unknown_origin)} with no origin set to '{UNKNOWN}'")
        if self.alike_columns:
            shown = ", ".join(
                f"{theirs!r} as {ours}" for ours, theirs in self.alike_columns.items()
            )
            parts.append(f"read by name in another letter case: {shown}")
        if self.metadata_columns:
            parts.append(f"kept as metadata: {', '.join(self.metadata_columns)}")
        if self.ignored_columns:
            parts.append(f"not read: {', '.join(self.ignored_columns)}")
        if self.encoding != "utf-8":
            parts.append(f"the file is not UTF-8 and was read as {self.encoding}")
        similar = similar_names_warning(self.outlets)
        if similar:
            parts.append(similar.rstrip("."))
        if self.separator_line:
            parts.append(f"its first line `{self.separator_line}` names the separator (Excel's)")
        elif self.header_line:
            unit = "row" if self.format == "xlsx" else "line"
            parts.append(
                f"the header is {unit} {self.header_line + 1}; the {self.header_line} {unit}(s) "
                "above it were not read"
            )
        if self.format == "csv" and self.separator not in ("", ","):
            from analysis.corpus.csv_dialect import SEPARATOR_NAMES

            name = SEPARATOR_NAMES.get(self.separator, repr(self.separator))
            why = (
                "" if self.separator_line else f" (its header line holds more {name}s than commas)"
            )
            parts.append(f"read as {name}-separated{why}")
        return "; ".join(parts)


def outlet_from_url_message(path: Path, resolved: dict[str, str], available: list[str]) -> str:
    """The warning that a corpus file with no outlet column (``resolved``: our names to the
    file's, with ``url``) takes each article's outlet from its address, naming the file's
    columns that look like an outlet's (a tester's export had "Source", and the warning did not
    name it)."""
    likely = _outlet_like_columns(available, set(resolved.values()))
    suggest = f" ({', '.join(_map_option('outlet', n) for n in likely[:3])}?)" if likely else ""
    return (
        f"{path}: no outlet column; each article's outlet is the site of its web address "
        f"in column {resolved['url']!r} (e.g. latimes.com for https://www.latimes.com/...), "
        f"and '{UNKNOWN}' where the address names none. To compare outlets by name, name "
        f"the column that holds them with --map outlet=COLUMN{suggest}."
    )


def parse_column_map(spec: str | dict[str, str] | None) -> dict[str, str]:
    """Parse ``"text=body,outlet=source"`` into ``{"text": "body", "outlet": "source"}``.

    Keys are our column names (:data:`KNOWN_COLUMNS`), values the file's column names.
    """
    if spec is None or spec == "":
        return {}
    if isinstance(spec, dict):
        pairs = list(spec.items())
    else:
        pairs = []
        for item in spec.split(","):
            if not item.strip():
                continue
            ours, sep, theirs = item.partition("=")
            if not sep or not ours.strip() or not theirs.strip():
                raise CorpusFileError(
                    f"column mapping {item.strip()!r} is not NAME=COLUMN "
                    "(example: --map text=body,outlet=source)"
                )
            pairs.append((ours.strip(), theirs.strip()))
    mapping: dict[str, str] = {}
    for ours, theirs in pairs:
        if ours not in KNOWN_COLUMNS:
            raise CorpusFileError(
                f"column mapping names {ours!r}, which is not one of ours: "
                f"{', '.join(KNOWN_COLUMNS)}"
            )
        if ours in mapping:
            raise CorpusFileError(f"column mapping gives {ours!r} twice")
        mapping[ours] = theirs
    # the article's text is no other field: a tester's outlet=Body made 295 "outlets" named
    # after whole articles (the text column is "text" or "html" when the map does not name it)
    body = next((mapping[k] for k in ("text", "html") if k in mapping), None)
    for ours, theirs in mapping.items():
        if ours not in ("text", "html") and theirs in ((body,) if body else ("text", "html")):
            raise CorpusFileError(
                f"column mapping gives the article text's column {theirs!r} as {ours!r} too; "
                f"map {ours} to a column of its own (e.g. --map text=body,outlet=source)"
            )
    return mapping


def detect_format(path: Path | str) -> str:
    """The file's format from its name: ``csv``, ``tsv``, ``jsonl`` or ``parquet``.

    A compression suffix (``.gz``, ``.zst``…) after the format's extension is allowed.
    """
    name = Path(path).name.lower()
    for ext in _COMPRESSIONS:
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    suffix = Path(name).suffix
    given = Path(path).name.lower()
    if article_name(given) != given and suffix in _UNREAD_FORMATS:  # "page.html.gz" is read as
        # the article it holds in a folder, as "page.html" is
        raise CorpusFileError(
            f"{path}: a compressed {suffix} file is not read as a corpus file: "
            f"{_UNREAD_FORMATS[suffix]}"
        )
    if suffix not in FORMATS and name != Path(path).name.lower():  # "articles.zip"
        raise CorpusFileError(
            f"{path}: a compressed file is read only when its name says the table inside "
            f"('export.csv{Path(path).suffix.lower()}'); an archive of articles (a news "
            "database's download) is not read: extract it and give the folder"
        )
    if suffix not in FORMATS:
        instead = _UNREAD_FORMATS.get(suffix)
        raise CorpusFileError(
            f"{path}: cannot tell the format from the extension {suffix or '(none)'!r}; "
            "use .csv, .tsv, .json, .jsonl (or .ndjson), .parquet, .xlsx, .xls or .ods"
            + (f" ({suffix} is not read: {instead})" if instead else "")
        )
    if FORMATS[suffix] == "xlsx" and name != Path(path).name.lower():
        raise CorpusFileError(f"{path}: a compressed workbook is not read; decompress it first")
    return FORMATS[suffix]


def file_encoding(path: Path, fmt: str) -> str:
    """How a corpus file of format ``fmt`` is decoded: :func:`text_file_encoding` for the text
    formats; ``"utf-8-sig"`` (unused) for Parquet and workbooks, which say their own."""
    return "utf-8-sig" if fmt in ("parquet", "xlsx") else text_file_encoding(path)


def _open_binary(path: Path) -> Any:
    """The file's bytes, decompressed when its name ends in a compression suffix."""
    name = path.name.lower()
    if name.endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")
    if name.endswith(".bz2"):
        import bz2

        return bz2.open(path, "rb")
    if name.endswith(".xz"):
        import lzma

        return lzma.open(path, "rb")
    return open(path, "rb")


def text_file_encoding(path: Path, block: int = 1 << 20) -> str:
    """How to decode a CSV/TSV/JSON export: ``"utf-8-sig"``, ``"utf-16"`` or ``"utf-32"`` (a
    file that opens with that byte order mark, as Excel's "Unicode Text" and some Windows tools
    save), or, failing UTF-8, ``"cp1252"``.

    Spreadsheet programs on Windows still save "CSV" as cp1252. The whole file is checked once,
    a block at a time (linear, constant memory): valid UTF-8 is read as UTF-8 (a byte order mark
    is dropped); otherwise cp1252 if every byte is defined there (the fallback is reported, and
    every document's audit records it); otherwise a :class:`CorpusFileError` names the offset
    and the byte. A file with a UTF-16/32 byte order mark must be valid in that encoding; one
    whose bytes alternate with NULs like UTF-16 without the mark is refused with the command to
    convert it. Files with another compression (``.zst``, ``.zip``) are read as UTF-8.
    """
    import codecs

    from analysis.corpus.documents import BYTE_ORDER_MARKS, nul_pattern

    if path.name.lower().endswith((".zst", ".zip")):
        return "utf-8-sig"
    with _open_binary(path) as handle:
        data = handle.read(block)  # the first block: its byte order mark, or NULs
        unicode = next((codec for bom, codec in BYTE_ORDER_MARKS if data.startswith(bom)), None)
        if unicode is None and b"\x00" in data[:8192] and (variant := nul_pattern(data[:8192])):
            raise CorpusFileError(
                f"{path}: looks like {variant} text without a byte order mark (every other byte "
                f"is NUL); save it as UTF-8, e.g. iconv -f {variant} -t UTF-8 IN > OUT"
            )
        utf8 = codecs.getincrementaldecoder(unicode or "utf-8")()
        cp1252 = codecs.getincrementaldecoder("cp1252")()
        is_utf8, offset = True, 0
        while data:
            if is_utf8:
                try:
                    utf8.decode(data)
                except UnicodeDecodeError as error:
                    if unicode:
                        raise CorpusFileError(
                            f"{path}: starts with a {unicode.upper()} byte order mark but is not "
                            f"valid {unicode.upper()} (bytes at offset {offset + error.start}); "
                            "save the file as UTF-8"
                        ) from None
                    is_utf8 = False
            if not is_utf8:
                try:
                    cp1252.decode(data)
                except UnicodeDecodeError as error:
                    at = offset + error.start
                    raise CorpusFileError(
                        f"{path}: byte 0x{data[error.start]:02X} at offset {at} is neither UTF-8 "
                        "nor cp1252; save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)"
                    ) from None
            offset += len(data)
            data = handle.read(block)
    if is_utf8:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            if unicode:
                raise CorpusFileError(
                    f"{path}: starts with a {unicode.upper()} byte order mark but ends inside a "
                    "character; save the file as UTF-8"
                ) from None
            return "cp1252"
        return unicode or "utf-8-sig"
    return "cp1252"


def csv_layout_of(
    path: Path, fmt: str, encoding: str = "utf-8-sig", mapping: dict[str, str] | None = None
) -> CsvLayout:
    """Where the table of a CSV/TSV file starts (:func:`analysis.corpus.csv_dialect.
    csv_layout`): its separator and the lines above its header, found as the first line of
    the file's first 64 KiB that holds the columns ``mapping`` names (or the default ones). A
    ``.zip``/``.zst`` file, which this does not open, is a comma-separated table from line 1."""
    from analysis.corpus.csv_dialect import HEAD_BYTES, csv_layout

    if path.name.lower().endswith((".zst", ".zip")):
        return CsvLayout("\t" if fmt == "tsv" else ",")
    with _open_binary(path) as handle:
        head = handle.read(HEAD_BYTES).decode(encoding, errors="replace")
    return csv_layout(
        head,
        lambda fields: _resolves(path, fields, mapping or {}),
        "\t" if fmt == "tsv" else None,
    )


def _resolves(path: Path, available: list[str], mapping: dict[str, str]) -> bool:
    """Whether ``available`` columns are enough to read the file with ``mapping``."""
    try:
        _resolve_columns(path, available, mapping)
    except CorpusFileError:
        return False
    return True


@dataclass(frozen=True)
class FileHeader:
    """Where a corpus file's table starts and what its header names: the format and text
    encoding, the column ``names``, a CSV's ``separator``, the lines (a workbook: rows) above
    the header (``skip``) and those of them a user wrote (``skipped``: a report's preamble, not
    Excel's ``sep=`` line), the data rows the file records (``n_rows``: workbooks and
    Parquet; None otherwise), and a workbook's sheet that holds the table (``sheet``, 0-based)."""

    format: str
    encoding: str
    names: list[str]
    separator: str = ""
    skip: int = 0
    skipped: tuple[str, ...] = ()
    n_rows: int | None = None
    sheet: int = 0
    separator_line: str = ""  # Excel's "sep=;" line above a CSV's header, as written


def locate_header(
    path: Path, mapping: dict[str, str] | None = None, warn: bool = True
) -> FileHeader:
    """A corpus file's header, read without its rows: a CSV's or a workbook's from the first
    line (row) that holds the columns ``mapping`` names, below a report's preamble
    (:func:`csv_layout_of`, :func:`_workbook_header`); a workbook's other sheets are warned
    about unless not ``warn``."""
    fmt = detect_format(path)
    encoding = file_encoding(path, fmt)
    if fmt == "xlsx":  # its columns and size from one opening of the workbook
        sheet = _workbook_header(path, warn, mapping)
        return FileHeader(
            fmt, encoding, sheet.names, "", sheet.row, sheet.skipped, sheet.n_rows, sheet.sheet
        )
    if fmt in ("csv", "tsv"):
        layout = csv_layout_of(path, fmt, encoding, mapping)
        try:
            header = pd.read_csv(
                path, nrows=0, sep=layout.separator, encoding=encoding, skiprows=layout.header_line
            )
        except pd.errors.EmptyDataError:
            raise CorpusFileError(f"{path}: the file is empty (no header row)") from None
        skipped = () if layout.directive else layout.skipped
        directive = layout.skipped[0].strip().strip("\ufeff") if layout.directive else ""
        names = [str(c) for c in header.columns]
        if warn:
            _warn_repeated_names(path, names)
        return FileHeader(
            fmt,
            encoding,
            names,
            layout.separator,
            layout.header_line,
            skipped,
            separator_line=directive,
        )
    if fmt == "jsonl":
        for record in _json_records(path, encoding):
            return FileHeader(fmt, encoding, list(record))
        raise CorpusFileError(f"{path}: the file holds no JSON records")
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    return FileHeader(fmt, encoding, _parquet_columns(parquet), n_rows=parquet.metadata.num_rows)


_PANDAS_INDEX_RE = re.compile(r"__index_level_\d+__")  # how pandas names an unnamed index


def _pandas_index_columns(parquet: Any) -> list[str]:
    """The columns of a Parquet file (a ``pyarrow.parquet.ParquetFile``) in which pandas stored
    the index of the frame it wrote (``DataFrame.to_parquet``, its ``pandas`` metadata), in
    order; none for a default index, which pandas stores as a range, not a column."""
    metadata = parquet.schema_arrow.pandas_metadata or {}
    return [name for name in metadata.get("index_columns", []) if isinstance(name, str)]


def _parquet_columns(parquet: Any) -> list[str]:
    """A Parquet file's corpus columns: all but those holding an unnamed pandas index
    (``__index_level_0__``: a frame filtered or concatenated before ``to_parquet`` keeps its row
    labels there), which are no part of the articles: not read, not metadata, not reported as
    left unread. An index with a name (``df.set_index("doc_id")``) is a column like any other
    (:func:`_parquet_batches`)."""
    unnamed = {c for c in _pandas_index_columns(parquet) if _PANDAS_INDEX_RE.fullmatch(c)}
    return [name for name in parquet.schema_arrow.names if name not in unnamed]


_RENAMED_REPEAT_RE = re.compile(r"^(?P<name>.+)\.(?P<n>[1-9]\d*)$")


def _warn_repeated_names(path: Path, names: list[str]) -> None:
    """Warn about a CSV header naming a column twice: pandas reads the second as "Source.1",
    and a tester's mapping took the first without a word about the other."""
    repeats = sorted(
        {m["name"] for c in names if (m := _RENAMED_REPEAT_RE.match(c)) and m["name"] in names}
    )
    if repeats:
        shown = ", ".join(f"{name!r} (the next read as '{name}.1')" for name in repeats)
        warn_user(
            f"{path}: the header names a column twice: {shown}; --map and the reader take the "
            "first. If the other holds what you mean, rename one in the file."
        )


def file_columns(path: Path, mapping: dict[str, str] | None = None, warn: bool = True) -> list[str]:
    """A corpus file's column names, read without its rows (:func:`locate_header`)."""
    return locate_header(path, mapping, warn).names


def _workbook_header(
    path: Path, warn: bool = True, mapping: dict[str, str] | None = None
) -> SheetHeader:
    """A workbook's header (:func:`analysis.corpus.spreadsheet.xlsx_header`): its first row, or
    the first of the next rows that holds the columns ``mapping`` names (or the default ones)
    under a report's preamble; every failure a :class:`CorpusFileError`."""
    from analysis.corpus.spreadsheet import SpreadsheetError, xlsx_header

    try:
        return xlsx_header(path, warn, lambda names: _resolves(path, names, mapping or {}))
    except SpreadsheetError as error:
        raise CorpusFileError(str(error)) from None


def _resolve_columns(
    path: Path, available: list[str], mapping: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """Our column -> the file's column, checking that text and outlet are there.

    A column the user did not map is read under our name when the file has it under that
    name, or else under that name in another letter case or with spaces around it, if the file
    has only one such column (``Title``, ``URL``, ``Text``: monitoring services' exports
    capitalise their headers); the reading summary names each (:meth:`ReadReport.summary`)."""
    present = set(available)
    by_name = columns_by_folded_name(available)
    # every pair naming a column the file lacks, at once (a tester fixed three in three runs)
    missing = [f"{ours}={theirs}" for ours, theirs in mapping.items() if theirs not in present]
    if missing:
        pairs = ", ".join(missing)
        names = "names a column" if len(missing) == 1 else "name columns"
        raise CorpusFileError(
            f"{path}: the mapping {pairs} {names} the file does not have; "
            f"its columns are: {', '.join(available)}"
        )
    resolved: dict[str, str] = {}
    for ours in KNOWN_COLUMNS:
        if ours in mapping:
            resolved[ours] = mapping[ours]
        elif ours in present and ours not in mapping.values():
            resolved[ours] = ours
        elif ours not in present:
            alike = [c for c in by_name.get(ours, []) if c not in mapping.values()]
            if len(alike) == 1:
                resolved[ours] = alike[0]
    lacking = [
        ours
        for ours in REQUIRED_COLUMNS
        if ours not in resolved
        # an "html" column of saved pages stands in for "text"; with a column of addresses,
        # each article's outlet is its address's site (outlet_from_url)
        and not (ours == "text" and "html" in resolved)
        and not (ours == "outlet" and "url" in resolved)
    ]
    if lacking:
        # every required column at once (a tester renamed both and learnt of the second in a
        # second failed run), and the keyword load_corpus takes (the message named another)
        also = (
            " Or, to name each article's outlet by the site of its web address, name the "
            "column of addresses with --map url=COLUMN."
            if "outlet" in lacking
            else ""
        )
        names = " column and no ".join(repr(ours) for ours in lacking)
        # one --map, its pairs joined by commas: "--map text=COLUMN outlet=COLUMN" was
        # refused by the CLI ("unrecognized arguments: outlet=COLUMN")
        options = ",".join(f"{ours}=COLUMN" for ours in lacking)
        python = ", ".join(f"'{ours}': 'COLUMN'" for ours in lacking)
        what = " and the ".join(lacking)
        raise MissingColumnError(
            f"{path}: no {names} column. The file's columns are: {', '.join(available)}. "
            f"Name the column that holds the {what} with --map {options} "
            f"(in Python: load_corpus(..., column_map={{{python}}})).{also}",
            lacking[0],
            lacking,
        )
    ignored = [c for c in available if c not in resolved.values()]
    return resolved, ignored


def _json_records(path: Path, encoding: str = "utf-8-sig") -> Iterator[dict[str, Any]]:
    """The file's JSON records, flattened (:mod:`analysis.corpus.json_records`), every failure
    a :class:`CorpusFileError`."""
    from analysis.corpus.json_records import JsonRecordsError, json_records

    try:
        yield from json_records(path, encoding)
    except JsonRecordsError as error:
        raise CorpusFileError(str(error)) from None


# Words in a column's name that suggest it names each article's outlet (a hint only), in
# English and in the German, French and Spanish of European Excel exports (a tester's
# "Medium" beside "Inhalt" was not suggested).
_OUTLET_WORDS = (
    "outlet",
    "source",
    "publication",
    "publisher",
    "domain",
    "site",
    "media",
    "newspaper",
    "journal",
    "channel",
    "brand",
    "medium",
    "quelle",
    "zeitung",
    "média",
    "medio",
    "fuente",
    "periódico",
    "periodico",
)
_SAMPLE_ROWS = 100
_LONG_TEXT = 200  # characters on average: a column of article text, not of titles or names


def resolve_columns_explained(
    path: Path, available: list[str], mapping: dict[str, str]
) -> tuple[dict[str, str], list[str]]:
    """:func:`_resolve_columns`, and when the text or outlet column is missing, the message
    also names the file's columns likely to hold them, so that the ``--map`` to write is in
    the message: for the text, the column whose first 100 values are longest on average (200
    characters or more, so not a title), or that no column holds article text (a list of
    stories' titles and addresses); for the outlet, columns whose name says source,
    publication, domain, site, media... A hint only: nothing is read as text or outlet unless
    the user maps it."""
    try:
        return _resolve_columns(path, available, mapping)
    except CorpusFileError as error:
        missing = error.columns if isinstance(error, MissingColumnError) else []
        if not missing:
            raise
        if any(name.startswith("Unnamed: ") for name in available[1:]):  # a preamble's line:
            hint = (  # its columns would mislead a hint on them
                " If the table starts lower in the file, below a report's preamble, name its "
                "columns with --map (text=..., and outlet= or url=) and the header holding them "
                "is found."
            )
            raise MissingColumnError(f"{error}{hint}", missing[0], missing) from None
        try:
            sample = _sample_rows(path, mapping)
        except Exception:  # the hints are best effort; the message says what is wrong
            sample = None
        hint = ""
        if "text" in missing:
            manifest = _manifest_message(path, sample) if sample is not None else ""
            if manifest:  # not a table of articles: no column to map
                raise MissingColumnError(manifest, missing[0], missing) from None
            hint += _text_column_hint(sample, mapping) if sample is not None else ""
        if "outlet" in missing:
            if hint and not hint.rstrip().endswith("."):
                hint = hint.rstrip() + "."
            hint += _outlet_column_hint(available, mapping, sample)
        hint += _whole_map_hint(available, mapping, missing, sample)
        raise MissingColumnError(f"{error}{hint}", missing[0], missing) from None


def _whole_map_hint(
    available: list[str],
    mapping: dict[str, str],
    missing: list[str],
    sample: pd.DataFrame | None,
) -> str:
    """The whole ``--map`` to write, as the CLI takes it (" All together: --map
    text=Inhalt,outlet=Medium."), when the hints found a column for each missing one and the
    option has more than one pair (the user's own pairs kept); "" otherwise."""
    if sample is None:
        return ""
    found: dict[str, str] = {}
    if "text" in missing:
        text = _likely_text_column(sample, mapping)
        if text is None:
            return ""
        found["text"] = text
    if "outlet" in missing:
        taken = {*mapping.values(), *found.values(), *_address_columns(sample, mapping)}
        likely = _outlet_like_columns(available, taken)
        if not likely:
            return ""
        found["outlet"] = likely[0]
    pairs = {**mapping, **found}
    if len(pairs) < 2:
        return ""  # the hint above already names the one --map to give
    if any("," in theirs for theirs in pairs.values()):
        return ""  # a column named with a comma cannot be mapped: commas separate the pairs
    return f" All together: {_map_options(pairs)}."


def _map_option(ours: str, theirs: str) -> str:
    pair = f"{ours}={theirs}"
    return f'--map "{pair}"' if any(c in pair for c in " ,;'\"$`") else f"--map {pair}"


def _map_options(pairs: dict[str, str]) -> str:
    """``--map text=Inhalt,outlet=Medium``: several pairs in one option, as the CLI takes them,
    in quotes when a column's name has a space or a character the shell reads."""
    spec = ",".join(f"{ours}={theirs}" for ours, theirs in pairs.items())
    return f'--map "{spec}"' if any(c in spec for c in " ;'\"$`") else f"--map {spec}"


def _manifest_message(path: Path, sample: pd.DataFrame) -> str:
    """What to do with a corpus folder's manifest given as the corpus (its ``file`` column, in
    the ``sample`` of its first rows, names files that are beside it: the folder is the corpus),
    or "" for any other table."""
    if "file" not in sample.columns:
        return ""
    names = [v.strip() for v in sample["file"] if isinstance(v, str) and v.strip()]
    folder = path.parent
    if not names or not all((folder / name).is_file() for name in names):
        return ""
    rename = (
        ""
        if path.name.casefold() == "manifest.csv"
        else f", with {path.name} saved in it as manifest.csv (the name a folder's manifest has)"
    )
    return (
        f"{path}: this is a corpus folder's manifest, not a table of articles: its 'file' "
        f"column names files beside it ({names[0]!r}...). Give the folder as the corpus"
        f"{rename}: {shlex.quote(str(folder))}"
    )


def _mean_length(sample: pd.DataFrame, name: str) -> float:
    """The mean length in characters of the ``sample``'s values in column ``name`` (0 for a
    missing one)."""
    return float(sample[name].map(lambda v: len(v) if isinstance(v, str) else 0).mean())


def _likely_text_column(sample: pd.DataFrame, mapping: dict[str, str]) -> str | None:
    """The unmapped column of the ``sample`` whose values are longest on average, if they are
    article-length (:data:`_LONG_TEXT`); None otherwise."""
    lengths = {
        name: _mean_length(sample, name) for name in sample.columns if name not in mapping.values()
    }
    best = max(lengths, key=lambda n: lengths[n], default=None)
    return str(best) if best is not None and lengths[best] >= _LONG_TEXT else None


def _text_column_hint(sample: pd.DataFrame, mapping: dict[str, str]) -> str:
    lengths = {
        name: _mean_length(sample, name) for name in sample.columns if name not in mapping.values()
    }
    best = max(lengths, key=lambda n: lengths[n], default=None)
    if best is None:
        return ""
    if lengths[best] >= _LONG_TEXT:
        return (
            f" The column {best!r} holds the longest values (on average "
            f"{lengths[best]:,.0f} characters in the first {len(sample)} rows): "
            f"{_map_option('text', best)}"
        )
    # a list of stories (Media Cloud, GDELT): titles and addresses, not the articles
    headlines = [n for n in lengths if any(w in n.lower() for w in ("title", "headline"))]
    advice = (
        f"; to analyse the headlines alone, {_map_option('text', headlines[0])}"
        if headlines
        else ""
    )
    return (
        f" None of its columns holds article text (the longest values, in {best!r}, are "
        f"{lengths[best]:,.0f} characters on average in the first {len(sample)} rows): a list "
        "of stories with their titles and addresses, as Media Cloud or GDELT export one, does "
        "not hold the articles. Save the articles' pages (.html) in a folder and give the "
        f"folder{advice}."
    )


_ADDRESS_SHARE = 0.8  # a column is one of addresses when this share of its values are
_ADDRESS_WORDS = ("url", "link", "address", "href", "source", "permalink", "canonical")
_PICTURE_WORDS = ("image", "img", "thumb", "photo", "picture", "logo", "icon", "avatar", "video")


def _address_columns(sample: pd.DataFrame | None, mapping: dict[str, str]) -> list[str]:
    """The columns of ``sample`` whose filled values are mostly web addresses."""
    if sample is None:
        return []
    found = []
    for name in sample.columns:
        values = [v for v in sample[name] if isinstance(v, str) and v.strip()]
        if name in mapping.values() or not values:
            continue
        if sum(map(is_address, values)) >= _ADDRESS_SHARE * len(values):
            found.append(str(name))
    # an article's own address first ("url", "link", "source"); a picture's is no article's
    found = [n for n in found if not any(w in n.lower() for w in _PICTURE_WORDS)]
    return sorted(found, key=lambda n: not any(w in n.lower() for w in _ADDRESS_WORDS))


def _outlet_like_columns(available: list[str], taken: set[str]) -> list[str]:
    """The columns of ``available`` not in ``taken`` whose names say outlet, source, site..."""
    return [
        name
        for name in available
        if name not in taken and any(w in name.lower() for w in _OUTLET_WORDS)
    ]


def _outlet_column_hint(
    available: list[str], mapping: dict[str, str], sample: pd.DataFrame | None = None
) -> str:
    """Columns whose name says outlet, source, site... and, from the ``sample`` of the first
    rows, the columns of web addresses: one named "source" that holds addresses (trafilatura's
    JSON, many scrapers' exports) is for ``url``, not ``outlet``."""
    addresses = _address_columns(sample, mapping)
    likely = _outlet_like_columns(available, {*mapping.values(), *addresses})
    hint = (
        f" Columns whose names suggest an outlet: {', '.join(repr(n) for n in likely[:5])}."
        if likely
        else ""
    )
    if addresses:
        hint += (
            f" Columns of web addresses: {', '.join(repr(n) for n in addresses[:5])} "
            f"({_map_option('url', addresses[0])} compares the addresses' sites)."
        )
    return hint


_SHORT_TEXT = 20  # characters on average: ids, numbers or codes, not an article's text


def _warn_short_text_column(path: Path, mapping: dict[str, str], text: str) -> None:
    """Warn when the column mapped as text holds short values (ids, numbers) in the file's
    first rows while another holds article-length text: a tester's --map text=Id read 200
    numbers as 200 one-sentence articles without a word, the bodies kept as metadata."""
    try:
        sample = _sample_rows(path, mapping)
    except Exception:  # a hint only: reading the file reports what is wrong with it
        return
    if text not in sample.columns:
        return
    own = _mean_length(sample, text)
    if own >= _SHORT_TEXT:
        return
    lengths = {name: _mean_length(sample, name) for name in sample.columns if name != text}
    best = max(lengths, key=lambda n: lengths[n], default=None)
    if best is not None and lengths[best] >= _LONG_TEXT:
        warn_user(
            f"{path}: the text column {text!r} holds {own:.0f} characters on average in the "
            f"first {len(sample)} rows, while {best!r} holds {lengths[best]:,.0f}: is "
            f"{_map_option('text', best)} meant?"
        )


def _sample_rows(path: Path, mapping: dict[str, str]) -> pd.DataFrame:
    """The first :data:`_SAMPLE_ROWS` rows of a corpus file, every column as read."""
    h = locate_header(path, mapping, warn=False)
    batches = _raw_batches(
        path, h.format, h.names, _SAMPLE_ROWS, h.encoding, h.separator, h.skip, h.sheet
    )
    return next(iter(batches), pd.DataFrame(columns=h.names))


def _raw_batches(
    path: Path,
    fmt: str,
    source_columns: list[str],
    chunk_size: int,
    encoding: str = "utf-8-sig",
    sep: str = ",",
    skip: int = 0,
    sheet: int = 0,
) -> Iterator[pd.DataFrame]:
    """Batches of the file's rows holding only ``source_columns`` (a CSV's fields split at
    ``sep``, its header below ``skip`` lines; a workbook's from its ``sheet``)."""
    if fmt in ("csv", "tsv"):
        reader = pd.read_csv(
            path,
            sep=sep,
            skiprows=skip,
            usecols=source_columns,
            dtype=str,
            keep_default_na=False,
            chunksize=chunk_size,
            encoding=encoding,
        )
        try:
            with reader:
                yield from reader
        except pd.errors.ParserError as error:  # a traceback for a quotation mark left open
            detail = str(error).removeprefix("Error tokenizing data. C error: ")
            raise CorpusFileError(
                f"{path}: the CSV cannot be read past a broken row ({detail}): a quotation mark "
                "left open runs to the end of the file, or a row has more fields than the "
                "header. Fix the row in the file (a spreadsheet's CSV export quotes every field "
                "that needs it)."
            ) from None
    elif fmt == "jsonl":
        batch: list[dict[str, Any]] = []
        for record in _json_records(path, encoding):
            batch.append({c: record.get(c) for c in source_columns})
            if len(batch) >= chunk_size:
                yield pd.DataFrame(batch, columns=source_columns, dtype=object)
                batch = []
        if batch:
            yield pd.DataFrame(batch, columns=source_columns, dtype=object)
    elif fmt == "xlsx":
        from analysis.corpus.spreadsheet import xlsx_batches

        yield from xlsx_batches(path, source_columns, chunk_size, skip, sheet)
    else:
        yield from _parquet_batches(path, source_columns, chunk_size)


def _parquet_batches(path: Path, columns: list[str], chunk_size: int) -> Iterator[pd.DataFrame]:
    """Batches of a Parquet file's ``columns``, each a column of the frame: pandas would make
    one that holds the index of the frame it wrote (``df.set_index("doc_id").to_parquet``)
    the batch's index, where the reader, which asks for columns, did not find it."""
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    indexed = [name for name in _pandas_index_columns(parquet) if name in columns]
    for record_batch in parquet.iter_batches(batch_size=chunk_size, columns=columns):
        frame = record_batch.to_pandas()
        if indexed:  # the index's levels are those columns, in order, under their names
            frame.index = frame.index.set_names(indexed)
            frame = frame.reset_index()[columns]
        yield frame


_NESTED = (dict, list, tuple, set, frozenset, np.ndarray)
_BYTES = (bytes, bytearray, memoryview)


def _cell_text(value: object, name: str) -> tuple[str, str]:
    """One cell as ``(text, encoding)``; :class:`ValueError` (the reason) when it is not text.

    Bytes (a Parquet ``binary`` column) are decoded like an article file
    (:func:`analysis.corpus.documents.decode_text`: UTF-8, else the recorded Windows-1252
    fallback); a nested object or list is refused, never stringified into its Python repr.
    """
    if isinstance(value, _NESTED):
        kind = "object" if isinstance(value, dict) else "list"
        raise ValueError(f"a nested {kind} ({type(value).__name__})")
    if isinstance(value, _BYTES):  # a page's bytes: read in the charset it declares if not UTF-8
        return decode_text(bytes(value), name, page=True)
    if value is None or value is pd.NaT or value is pd.NA or value != value:
        return "", "utf-8"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), "utf-8"  # an id column with gaps arrives as floats
    if hasattr(value, "isoformat"):
        return value.isoformat(), "utf-8"
    return str(value), "utf-8"


def _as_text(values: pd.Series, describe: Callable[[int], str]) -> tuple[list[str], list[str]]:
    """Every value as a string (missing values as ``""``) and the encoding each was read with.

    ``describe(i)`` names the cell ``i`` for messages. Raises :class:`CorpusFileError` naming the
    column and every row whose value is not text (nested objects, undecodable bytes).
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        texts = [v.isoformat() if not pd.isna(v) else "" for v in values]
        return texts, ["utf-8"] * len(texts)
    if isinstance(values.dtype, pd.StringDtype):
        # a text column (Parquet strings, a CSV read as text): every value a str or missing,
        # which is what the cell by cell path below would give, without its call per cell
        texts = values.fillna("").tolist()
        return texts, ["utf-8"] * len(texts)
    texts, encodings, problems = [], [], []
    for i, value in enumerate(values.tolist()):
        try:
            text, encoding = _cell_text(value, describe(i))
        except ValueError as error:
            problems.append((i, str(error)))
            text, encoding = "", ""
        texts.append(text)
        encodings.append(encoding)
    if problems:
        shown = "; ".join(
            reason if reason.startswith(describe(i)) else f"{describe(i)}: {reason}"
            for i, reason in problems[:3]
        )
        more = f" (and {len(problems) - 3} more rows)" if len(problems) > 3 else ""
        raise CorpusFileError(
            f"{shown}{more}; every value of a column must be text, a number or a date: flatten "
            "nested values in your export, or map another column with --map NAME=COLUMN (in a "
            "JSON file, an object's fields are columns of their own: --map outlet=source.name)"
        )
    return texts, encodings


# The dtype of every column of a raw-documents chunk (what ``astype(str)`` gives).
_TEXT_DTYPE = pd.Series([""]).astype(str).dtype
# A visible ASCII character: a text that has one is not blank, whatever else it holds.
_VISIBLE_ASCII = "[!-~]"


def _arrow_text(values: pd.Series) -> pa.LargeStringArray | None:
    """A text column as one Arrow string array with missing values as ``""``, when it is held
    as Arrow strings of the raw-documents dtype (a Parquet or CSV column read as text); else
    ``None`` (the cell by cell path of :func:`_as_text`).

    The article text is nearly all of a chunk's bytes: kept in Arrow it goes into the chunk as
    it was read, instead of being made into a Python string per row and back (about a third of
    reading a chunk)."""
    array = values.array
    if values.dtype != _TEXT_DTYPE or not isinstance(array, pd.arrays.ArrowStringArray):
        return None
    texts = pa.array(array, type=pa.large_string())  # one array, without copying one chunk
    return pc.fill_null(texts, "") if texts.null_count else texts


def _blank_texts(texts: pa.Array) -> np.ndarray:
    """Which texts are empty or whitespace only, as ``not text.strip()`` says. A text with a
    visible ASCII character is not; only the others (empty cells, a page of Chinese) are
    stripped in Python, so the answer is Python's exactly."""
    has_visible = pc.match_substring_regex(texts, _VISIBLE_ASCII).to_numpy(zero_copy_only=False)
    blank = np.zeros(len(texts), dtype=bool)
    for i in np.flatnonzero(~has_visible).tolist():
        blank[i] = not texts[i].as_py().strip()
    return blank


def _metadata_text(value: object) -> str:
    """A cell of the user's own metadata column as text: empty when missing, a list or an
    object as its JSON text (never Python's repr), anything else ``str``."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, np.ndarray):
        return json.dumps(value.tolist(), ensure_ascii=False, default=str)
    return "" if _is_missing(value) else str(value)


def _is_missing(value: object) -> bool:
    """A cell with no value (None, NaN, NA)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def to_raw_docs(columns: dict[str, list[str]], n: int) -> pd.DataFrame:
    """A raw-documents frame with :data:`RAW_DOC_COLUMNS` from column lists (missing ones ``""``),
    then any other column given (the file's own metadata columns).

    Used by the readers and by the Dask engine, so both give identical dtypes.
    """
    data = {c: columns.get(c, [""] * n) for c in RAW_DOC_COLUMNS}
    extras = [c for c in columns if c not in data]  # the file's own metadata columns
    data.update({c: columns[c] for c in extras})
    return pd.DataFrame(data, columns=[*RAW_DOC_COLUMNS, *extras]).astype(str)


def _empty_cell(value: Any) -> bool:
    """Whether a cell as read holds nothing: missing, or text of spaces only."""
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, np.ndarray)):  # a JSON field's list or object
        return len(value) == 0
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _empty_rows(batch: pd.DataFrame, positions: Sequence[int]) -> list[int]:
    """The ``positions`` (of rows without text) whose every cell read is empty: Excel's
    ";;;;" rows and the blank rows it leaves under the data, which are no articles."""
    return [i for i in positions if all(map(_empty_cell, batch.iloc[i].tolist()))]


class _ChunkNormaliser:
    """Turns batches of file rows into raw-document chunks, keeping the report and the ids."""

    def __init__(
        self,
        path: Path,
        resolved: dict[str, str],
        report: ReadReport,
        extras: Sequence[str] = (),
        id_prefix: str = "",
        seen_ids: dict[str, tuple[str, int, str, int]] | None = None,
    ) -> None:
        self.path = path
        self.resolved = resolved
        self.extras = list(extras)
        self.report = report
        self.id_prefix = id_prefix  # before a generated id ("page2-doc00000001")
        # id -> (file, data row, that row as the user finds it, a hash of its text and columns)
        # of its first row: shared by the files of an export folder
        self.seen_ids: dict[str, tuple[str, int, str, int]] = {} if seen_ids is None else seen_ids
        self.next_row = 1  # 1-based data row of the next batch's first row
        # the file's columns without a name ("Unnamed: 8"), read only to learn whether any of
        # their cells is filled (those never filled are not named as columns not read)
        self.unnamed = [c for c in report.ignored_columns if str(c).startswith("Unnamed: ")]
        self.filled: set[str] = set()

    def finish(self) -> None:
        """Once every batch is read: the columns without a name that no row filled are
        empty columns, not columns left unread."""
        empty = [c for c in self.unnamed if c not in self.filled]
        self.report.empty_columns = empty
        self.report.ignored_columns = [c for c in self.report.ignored_columns if c not in empty]

    def __call__(self, batch: pd.DataFrame) -> pd.DataFrame:
        n = len(batch)
        rows = list(range(self.next_row, self.next_row + n))
        self.next_row += n
        self.report.n_rows += n
        values: dict[str, list[str]] = {}
        encodings: list[str] = [self.report.encoding] * n
        # the text kept as Arrow strings, not one Python string per row (see _arrow_text)
        arrow_text = None if "html" in self.resolved else _arrow_text(batch[self.resolved["text"]])
        for ours, theirs in self.resolved.items():
            if ours == "text" and arrow_text is not None:
                continue

            def describe(i: int, theirs: str = theirs) -> str:
                return f"{self.path}: column {theirs!r}, {self.report.where(rows[i])}"

            values[ours], column_encodings = _as_text(batch[theirs], describe)
            decoded = ours == "text" or (ours == "html" and "text" not in self.resolved)
            if decoded and self.report.encoding == "utf-8":
                encodings = column_encodings  # a Parquet column of bytes, decoded row by row
        formats = [""] * n
        if "html" in values:  # a row's text, else its page (extracted when it is cleaned)
            plain = values.get("text", [""] * n)
            pages = values.pop("html")
            formats = ["" if t.strip() else "html" for t in plain]
            values["text"] = [t if t.strip() else h for t, h in zip(plain, pages, strict=True)]
        if arrow_text is None:
            is_blank = [not t.strip() for t in values["text"]]
        else:
            is_blank = _blank_texts(arrow_text).tolist()
        keep = [i for i, empty in enumerate(is_blank) if not empty]
        no_text = [i for i, empty in enumerate(is_blank) if empty]
        blank_rows = set(_empty_rows(batch, no_text))
        self.report.n_blank_rows += len(blank_rows)
        for column in self.unnamed:  # a column without a name: is any of its cells filled?
            if column not in self.filled and not all(map(_empty_cell, batch[column])):
                self.filled.add(column)
        is_blank = [empty and i not in blank_rows for i, empty in enumerate(is_blank)]
        skipped = [rows[i] for i, empty in enumerate(is_blank) if empty]
        if skipped:
            self.report.n_empty_skipped += len(skipped)
            room = _MAX_LISTED_ROWS - len(self.report.empty_rows)
            self.report.empty_rows.extend(map(self.report.shown_row, skipped[: max(room, 0)]))
            given = values.get("doc_id", [""] * n)
            self.report.skipped_rows.extend(
                (
                    self.path.name,
                    given[i].strip(),
                    self.report.shown_row(rows[i]),
                    self.report.where(rows[i]),
                )
                for i, empty in enumerate(is_blank)
                if empty
            )
        out: dict[str, list[str]] = {}
        for ours, vals in values.items():
            out[ours] = [vals[i] for i in keep]
        for name in self.extras:  # the file's own metadata, as plain text
            cells = batch[name].tolist()
            out[name] = [_metadata_text(cells[i]) for i in keep]
        kept_rows = [rows[i] for i in keep]
        ids = out.get("doc_id", [""] * len(keep))
        repeats: set[int] = set()
        # the columns a repeated row must match, in a fixed order, gathered once per batch
        compared = [out[name] for name in sorted(out) if name != "doc_id"]
        for j, row in enumerate(kept_rows):
            doc_id = ids[j].strip()
            signature = 0
            if not doc_id:
                doc_id = f"{self.id_prefix}doc{row:08d}"
                self.report.n_generated_ids += 1
            else:  # a given id: an exact repeat of its earlier row is left out, not refused
                text = (
                    values["text"][keep[j]] if arrow_text is None else arrow_text[keep[j]].as_py()
                )
                cells = tuple(column[j] for column in compared)
                signature = hash((str(text), cells))
            first = self.seen_ids.get(doc_id)
            if first is not None and signature and first[3] == signature:
                repeats.add(j)
                self.report.repeated_rows.append(
                    (
                        self.path.name,
                        doc_id,
                        self.report.shown_row(row),
                        self.report.where(row),
                        first[2] if first[0] == self.path.name else f"{first[0]} ({first[2]})",
                    )
                )
                continue
            if first is not None:
                here = self.report.where(row)
                where = (
                    f"in {self.report.row_kind} rows {self.report.shown_row(first[1])} and "
                    f"{self.report.shown_row(row)}"
                    if first[0] == self.path.name
                    else f"in {first[0]} ({first[2]}) and here ({here})"
                )
                counted = (
                    ""
                    if self.report.row_kind == "sheet"
                    else " (rows counted from 1, header excluded)"
                )
                raise CorpusFileError(
                    f"{self.path}: doc_id {doc_id!r} appears twice, {where}{counted}, with "
                    "another text or other columns (a row repeated exactly is left out, and "
                    "said). Every document needs its own id: fix the ids, or drop the doc_id "
                    "column to have ids generated."
                )
            self.seen_ids[doc_id] = (self.path.name, row, self.report.where(row), signature)
            ids[j] = doc_id
        out["doc_id"] = ids
        if repeats:  # left out, as the empty rows are (and said in the audit and a warning)
            out = {
                name: [v for j, v in enumerate(col) if j not in repeats]
                for name, col in out.items()
            }
            keep = [k for j, k in enumerate(keep) if j not in repeats]
            kept_rows = [r for j, r in enumerate(kept_rows) if j not in repeats]
        if self.report.outlet_from_url:
            out["outlet"] = [site_of(url) for url in out["url"]]
        for name in ("outlet", "origin"):
            column = out.get(name, [""] * len(keep))
            blank = [i for i, v in enumerate(column) if not v.strip()]
            for i in blank:
                column[i] = UNKNOWN
            out[name] = [v.strip() for v in column]
            if name == "outlet":
                self.report.n_unknown_outlet += len(blank)
                if self.report.outlet_from_url:
                    self.report.n_no_site += len(blank)
                for outlet, count in Counter(out[name]).items():
                    self.report.outlets[outlet] = self.report.outlets.get(outlet, 0) + count
            else:
                self.report.n_unknown_origin += len(blank)
        if not out.get("language"):  # guessed from the text later (corpus.language)
            out["language"] = [""] * len(keep)
        if arrow_text is None:
            out["raw_text"] = out.pop("text")
        else:
            kept = arrow_text if len(keep) == n else arrow_text.take(pa.array(keep, pa.int64()))
            out["raw_text"] = pd.Series(pd.arrays.ArrowStringArray(kept), dtype=_TEXT_DTYPE)
        name = self.path.name
        out["file"] = [f"{name}:{row}" for row in kept_rows]
        out["encoding"] = [encodings[i] for i in keep]
        out["raw_format"] = [formats[i] for i in keep]
        self.report.n_docs += len(keep)
        return to_raw_docs(out, len(keep))


RAGGED_SHOWN = 5  # the lines a warning about rows of the wrong width names


def ragged_csv_lines(
    path: Path, encoding: str, sep: str, skip: int, n_fields: int
) -> list[tuple[int, int]]:
    """``(line, fields)`` for each record of a CSV whose number of fields is not the header's
    ``n_fields``: the file's line where the record ends, and how many fields it has. A quote
    left open swallows the lines after it into one record, and a row missing a field or with
    one too many shifts its cells; pandas reads both without a word (a tester's export lost an
    article to a headline's stray quote, and another's date became its title). One pass of the
    csv module, about 100 MB a second; a separator of more than one character, and a file
    compressed with zstd or zip, are not checked."""
    if len(sep) != 1 or path.name.lower().endswith((".zst", ".zip")):
        return []
    import io

    csv.field_size_limit(sys.maxsize)
    found = []
    raw = _open_binary(path)  # decompressed, as pandas reads it
    with io.TextIOWrapper(raw, encoding=encoding, newline="", errors="replace") as handle:
        for _ in range(skip):
            handle.readline()
        reader = csv.reader(handle, delimiter=sep)
        next(reader, None)  # the header
        for row in reader:
            if row and len(row) != n_fields:
                found.append((reader.line_num + skip, len(row)))
    return found


def ragged_rows_message(path: Path, ragged: list[tuple[int, int]], n_fields: int) -> str:
    """The warning for :func:`ragged_csv_lines`'s records."""
    shown = ", ".join(f"line {line} ({fields})" for line, fields in ragged[:RAGGED_SHOWN])
    more = f" and {len(ragged) - RAGGED_SHOWN} more" if len(ragged) > RAGGED_SHOWN else ""
    return (
        f"{path}: {len(ragged)} row(s) do not have the header's {n_fields} fields ({shown}{more}; "
        "the line where each row ends, with its number of fields): a quotation mark left open "
        "joins the rows after it into one, and a missing or extra field shifts the cells after "
        "it into other columns, so their text, outlet or date may be wrong or lost. Fix them in "
        "the file (a spreadsheet's CSV export quotes every field that needs it)."
    )


def _read_corpus_file(
    path: Path | str,
    columns: dict[str, str] | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    *,
    id_prefix: str = "",
    seen_ids: dict[str, tuple[str, int, str, int]] | None = None,
) -> tuple[Iterator[pd.DataFrame], ReadReport]:
    """Open a CSV/TSV, JSON Lines or Parquet corpus file as a stream of raw-document chunks.

    ``columns`` maps our names to the file's (``{"text": "body"}`` or ``"text=body"``). The
    file's columns are checked now, before any row is read, so a missing ``text`` or ``outlet``
    column fails at once. Returns ``(chunks, report)``: ``chunks`` yields DataFrames with
    :data:`RAW_DOC_COLUMNS` of at most ``chunk_size`` documents each (rows with empty text are
    skipped), and ``report`` is filled in as the chunks are consumed. A duplicated ``doc_id``
    raises :class:`CorpusFileError` from the chunk that holds its second occurrence.
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusFileError(f"{path}: no such file")
    if chunk_size < 1:
        raise CorpusFileError(f"chunk_size must be at least 1, got {chunk_size}")
    mapping = parse_column_map(columns)
    header = locate_header(path, mapping)
    fmt, encoding, available = header.format, header.encoding, header.names
    sep, skip = header.separator, header.skip
    resolved, ignored = resolve_columns_explained(path, available, mapping)
    report = ReadReport(path=str(path), format=fmt, columns=resolved, ignored_columns=ignored)
    report.separator = sep
    report.header_line = skip
    report.separator_line = header.separator_line
    report.alike_columns = {
        ours: theirs for ours, theirs in resolved.items() if ours not in mapping and theirs != ours
    }
    said = [_cut(line.strip()) for line in header.skipped if line.strip(" \t,;|")]  # not ",,,"
    if said:  # blank lines above the header hold nothing to lose: skipped without a word
        unit = "row" if fmt == "xlsx" else "line"
        shown = _cut(" | ".join(said), 200)
        warn_user(
            f"{path}: its header is {unit} {skip + 1} ({', '.join(available[:4])}"
            f"{', …' if len(available) > 4 else ''}); the {skip} {unit}(s) above it, a report's "
            f"preamble, are not read: {shown}"
        )
    if "text" in mapping:  # a mapped text column checked against the file's others
        _warn_short_text_column(path, mapping, resolved["text"])
    if "outlet" not in resolved:  # _resolve_columns allows it only with a url column
        report.outlet_from_url = True
        warn_user(outlet_from_url_message(path, resolved, available))
    if encoding != "utf-8-sig":  # documents record it; UTF-16/32 lose nothing, cp1252 may
        report.encoding = encoding
    if encoding == "cp1252":
        warn_user(
            f"{path}: the file is not UTF-8; it was read as cp1252 (Windows Western), and each "
            "document's cleaning audit records that. Save it as UTF-8 if that is wrong."
        )
    report.n_rows_total = header.n_rows
    if fmt in ("csv", "tsv"):
        ragged = ragged_csv_lines(path, encoding, sep, skip, len(available))
        if ragged:
            warn_user(ragged_rows_message(path, ragged, len(available)))
    # a JSON object whose fields are columns of their own ("source": source.id, source.name)
    # is not carried as metadata a second time
    parents = {c.rsplit(".", 1)[0] for c in available if "." in c} if fmt == "jsonl" else set()
    extras = [c for c in extra_columns(pd.DataFrame(columns=ignored)) if c not in parents]
    report.metadata_columns = extras
    report.ignored_columns = [c for c in ignored if c not in extras]
    unnamed = [c for c in report.ignored_columns if str(c).startswith("Unnamed: ")]
    source_columns = list(dict.fromkeys([*resolved.values(), *extras, *unnamed]))

    def chunks() -> Iterator[pd.DataFrame]:
        normalise = _ChunkNormaliser(path, resolved, report, extras, id_prefix, seen_ids)
        for batch in _raw_batches(
            path, fmt, source_columns, chunk_size, encoding, sep, skip, header.sheet
        ):
            chunk = normalise(batch)
            if len(chunk):
                yield chunk
        normalise.finish()
        report.finished = True

    return chunks(), report


def chunk_frame(
    frame: pd.DataFrame, chunk_size: int = DEFAULT_CHUNK_SIZE
) -> Iterator[pd.DataFrame]:
    """Consecutive row slices of ``frame`` with at most ``chunk_size`` rows (fresh index)."""
    for start in range(0, len(frame), chunk_size):
        yield frame.iloc[start : start + chunk_size].reset_index(drop=True)


def read_chunks(
    source: Path | str,
    columns: dict[str, str] | str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> tuple[Iterator[pd.DataFrame], ReadReport]:
    """Raw-document chunks from a corpus folder (``.txt`` + manifest) or a corpus file (internal).

    A file is opened as described in :func:`_read_corpus_file` (its columns checked at once,
    rows read a chunk at a time). A folder is read whole with
    :func:`analysis.corpus.documents.read_raw_documents` (folders are small), then cut into
    chunks, so both kinds of input feed the same engines. Returns ``(chunks, report)``; the
    report is complete once the chunks are exhausted.
    """
    source = Path(source)
    if not source.is_dir():
        return _read_corpus_file(source, columns=columns, chunk_size=chunk_size)
    from analysis.corpus.documents import folder_exports

    exports = folder_exports(source)
    if exports:
        return _read_export_folder(source, exports, columns, chunk_size)
    if columns:
        raise CorpusFileError(
            f"{source}: a column mapping applies to a corpus file, not a folder; "
            "a folder's metadata comes from its manifest.csv"
        )
    from analysis.corpus.documents import read_raw_documents

    raw = read_raw_documents(source)
    raw = raw.reindex(columns=[*RAW_DOC_COLUMNS, *extra_columns(raw)], fill_value="")
    report = ReadReport(
        path=str(source),
        format="folder",
        columns={c: c for c in KNOWN_COLUMNS if c != "text"} | {"text": "(files)"},
        n_rows_total=len(raw),
        n_rows=len(raw),
        n_docs=len(raw),
    )

    def chunks() -> Iterator[pd.DataFrame]:
        yield from chunk_frame(raw, chunk_size)
        report.finished = True

    return chunks(), report


def _read_export_folder(
    folder: Path,
    files: Sequence[Path],
    columns: dict[str, str] | str | None,
    chunk_size: int,
) -> tuple[Iterator[pd.DataFrame], ReadReport]:
    """The export files of a folder (a news API's pages, a database's downloads) read as one
    corpus, in name order, each with the same ``columns`` mapping: every file's columns checked
    now, chunks of ``chunk_size`` documents across file boundaries (as one file holding every
    row would give them), ids unique across the files (a generated id starts with its file's
    name: ``page2-doc00000001``, or ``news.jsonl-doc00000001`` beside ``news.csv``), ``file``
    naming each row's file and row. The report sums the
    files' reports once the chunks are exhausted."""
    if chunk_size < 1:
        raise CorpusFileError(f"chunk_size must be at least 1, got {chunk_size}")
    seen: dict[str, tuple[str, int, str, int]] = {}
    prefix = len(files) > 1
    # two files of one stem ("news.csv", "news.jsonl") are told apart by their whole names
    stems = [p.stem for p in files]
    names = [p.name if stems.count(p.stem) > 1 else p.stem for p in files]
    opened = [
        _read_corpus_file(
            path, columns, chunk_size, id_prefix=f"{name}-" if prefix else "", seen_ids=seen
        )
        for path, name in zip(files, names, strict=True)
    ]
    reports = [report for _, report in opened]
    first = reports[0]
    totals = [r.n_rows_total for r in reports]
    report = ReadReport(
        path=str(folder),
        format="+".join(dict.fromkeys(r.format for r in reports)),
        columns=first.columns,
        ignored_columns=list(dict.fromkeys(c for r in reports for c in r.ignored_columns)),
        metadata_columns=list(dict.fromkeys(c for r in reports for c in r.metadata_columns)),
        n_rows_total=None if None in totals else sum(t or 0 for t in totals),
    )
    report.outlet_from_url = any(r.outlet_from_url for r in reports)
    report.encoding = next((r.encoding for r in reports if r.encoding != "utf-8"), "utf-8")
    report.alike_columns = {k: v for r in reports for k, v in r.alike_columns.items()}

    def chunks() -> Iterator[pd.DataFrame]:
        buffer: list[pd.DataFrame] = []
        held = 0
        for file_chunks, _ in opened:
            for chunk in file_chunks:
                buffer.append(chunk)
                held += len(chunk)
                while held >= chunk_size:
                    joined = _joined(buffer)
                    yield joined.iloc[:chunk_size].reset_index(drop=True)
                    rest = joined.iloc[chunk_size:].reset_index(drop=True)
                    buffer, held = ([rest] if len(rest) else []), len(rest)
        if held:
            yield _joined(buffer)
        for name in ("n_rows", "n_docs", "n_empty_skipped", "n_blank_rows", "n_generated_ids"):
            setattr(report, name, sum(getattr(r, name) for r in reports))
        for name in ("n_unknown_outlet", "n_unknown_origin", "n_no_site"):
            setattr(report, name, sum(getattr(r, name) for r in reports))
        report.empty_rows = [f"{Path(r.path).name}:{row}" for r in reports for row in r.empty_rows][
            :_MAX_LISTED_ROWS
        ]
        report.skipped_rows = [row for r in reports for row in r.skipped_rows]
        # a column without a name is one not read when any file filled it
        report.ignored_columns = list(dict.fromkeys(c for r in reports for c in r.ignored_columns))
        report.empty_columns = [
            c
            for c in dict.fromkeys(c for r in reports for c in r.empty_columns)
            if c not in report.ignored_columns
        ]
        report.repeated_rows = [row for r in reports for row in r.repeated_rows]
        for r in reports:
            for outlet, n in r.outlets.items():
                report.outlets[outlet] = report.outlets.get(outlet, 0) + n
        report.finished = True

    return chunks(), report


def _cut(text: str, limit: int = 60) -> str:
    """``text`` up to ``limit`` characters, "…" marking a cut (a preamble's title was shown as
    "Project Tone 2" for "Project Tone 2013", which read as a different project)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Raw-document chunks of several files as one: a user column one file lacks is empty."""
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    joined = pd.concat(frames, ignore_index=True)
    extra = [c for c in joined.columns if c not in RAW_DOC_COLUMNS]
    if extra:
        joined[extra] = joined[extra].fillna("")
    return joined
