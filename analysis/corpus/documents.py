"""Reading a folder of article files into clean, reviewable tables (internal).

The public loader is :func:`analysis.load_corpus`; this module holds the steps under it for a
corpus folder, the tables every loader returns (:class:`Corpus`) and the corpus fingerprint.

A corpus folder holds one UTF-8 ``.txt`` file per article and a ``manifest.csv`` describing each
file (see ``MANIFEST_COLUMNS``). Without a manifest, metadata may come from a ``metadata.csv`` or
``metadata.json`` sidecar keyed by ``file``; failing that the outlet is ``"unknown"`` (with a
warning). Loading is all-or-nothing: every problem found in the folder is reported in one
:class:`CorpusError` and nothing is returned half-loaded. Raw files are only ever read.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import numpy as np
import pandas as pd

from analysis.config import default_corpus_dir
from analysis.corpus.cleaning import (
    CHROME_SHARE,
    GALLERY_NOTE,
    LEFT_OUT,
    NOT_EXTRACTED,
    AuditEntry,
    audit_frame,
    clean_text,
    is_photo_gallery,
    template_lines,
)
from analysis.corpus.database_exports import RAW_FORMATS, articles_of_exports, export_text
from analysis.corpus.docx_text import DOCX_SUFFIXES, docx_text
from analysis.corpus.export_parts import date_of
from analysis.corpus.exports import several_articles_warning
from analysis.corpus.factiva import factiva_page_text
from analysis.corpus.front_matter import MARKDOWN_SUFFIXES, parse_front_matter, read_front_matter
from analysis.corpus.headline_furniture import cut_outlet_suffix, outlet_keys
from analysis.corpus.html import HTML_SUFFIXES, PAGE_COLUMNS, Page, is_html_page, read_page
from analysis.corpus.language import language_code
from analysis.corpus.metadata_rules import credit_reporters
from analysis.corpus.mhtml import MHTML_SUFFIXES, mhtml_page
from analysis.corpus.normalisers import normalise_unicode, unescape_entities
from analysis.corpus.page_charset import declared_charset
from analysis.corpus.quality import furniture_note
from analysis.corpus.rtf_text import RTF_SUFFIXES, rtf_text
from analysis.corpus.sentences import count_words_many, split_sentences
from analysis.corpus.transcripts import SPEAKER_COLUMNS
from analysis.corpus.webarchive import WEBARCHIVE_SUFFIXES, webarchive_page
from analysis.user_warnings import first_ids, warn_user

MANIFEST_NAME = "manifest.csv"
SIDECAR_NAMES = ("metadata.csv", "metadata.json")
MANIFEST_COLUMNS = [
    "doc_id",
    "file",
    "outlet",
    "title",
    "author",
    "published",
    "date_note",
    "url",
    "origin",
    "language",
    "notes",
]
SETTINGS_FILE = "analysis.toml"  # a corpus folder's settings (analysis.settings.SETTINGS_NAME)
REQUIRED_MANIFEST_COLUMNS = ["doc_id", "file", "outlet"]
# Article files a folder may hold: plain text, saved web pages (analysis.corpus.html), Word and
# RTF documents. Any letter case: pages saved on Windows are often "Page.HTM". Markdown notes
# (a web clipper's, analysis.corpus.front_matter) are articles of a folder without a manifest,
# and with one when it lists them: beside listed articles, a .md file is more often notes.
ARTICLE_SUFFIXES = (
    ".txt",
    ".html",
    ".htm",
    *MHTML_SUFFIXES,
    *WEBARCHIVE_SUFFIXES,
    *DOCX_SUFFIXES,
    *RTF_SUFFIXES,
)
# Names read as saved web pages: HTML, and pages saved as one file by a browser (MHTML from
# Chrome and Edge, a web archive from Safari)
PAGE_SUFFIXES = (*HTML_SUFFIXES, *MHTML_SUFFIXES, *WEBARCHIVE_SUFFIXES)
# An article file kept gzip-compressed ("page.html.gz", as crawlers and the article-extraction
# benchmarks store pages) is read as the file its name holds; the file is only read, never
# extracted beside itself.
GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"
# Decompressed size above which a compressed article is refused: no article page comes near it,
# and reading on would let a small file fill the memory (a "gzip bomb").
MAX_GUNZIPPED_BYTES = 256 * 1024 * 1024
# raw_format of the articles of a news database's export (analysis.corpus.database_exports)
EXPORT_FORMATS = frozenset(RAW_FORMATS.values())
_NOT_ARTICLES = frozenset({"readme", "license", "licence"})  # a folder's own description


def is_folder_description(name: str) -> bool:
    """Whether a file named ``name`` describes its folder (``README``, ``README.md``,
    ``LICENSE.txt``: the name without its endings is one of :data:`_NOT_ARTICLES`), so a
    folder without a manifest does not read it as an article. Only the whole name: a tester's
    "licence-fee-row.txt" and "readmission-rates.txt", news about licence fees and hospital
    readmissions, were left out without a word when any name starting so was."""
    return name.split(".", 1)[0].strip().lower() in _NOT_ARTICLES


DOCUMENT_COLUMNS = [*MANIFEST_COLUMNS, "text", "n_sentences", "n_words"]
SENTENCE_COLUMNS = ["doc_id", "outlet", "origin", "sentence_id", "sentence", "n_words"]
# cleaning's per-line speakers of a transcript, a column of clean documents that
# split_documents turns into the sentences' SPEAKER_COLUMNS and drops
SPEAKERS = "speakers"
UNKNOWN = "unknown"
# Share of control characters above which a file is treated as binary, not text.
_BINARY_CONTROL_SHARE = 0.10
_FALLBACK_ENCODING = "cp1252"
# Byte order marks that select an encoding other than UTF-8 (UTF-32 first: its LE mark starts
# with UTF-16's).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CorpusError(ValueError):
    """A corpus folder or file that cannot be loaded; the message names each file and problem."""

    def __init__(self, problems: Iterable[str], folder: Path | str | None = None) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        where = f" {folder}" if folder is not None else ""
        super().__init__(
            f"cannot load the corpus{where} ({len(self.problems)} problem(s)):\n{lines}"
        )


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus: documents, their sentences and the cleaning audit.

    ``left_out`` holds the documents a run's quality options left out (``doc_id``, ``outlet``,
    ``option``: ``-p duplicates drop`` or ``-p other_languages drop``), so that an outlet named
    by ``--outlets`` and emptied by them is explained, not called "not in the corpus".
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame
    audit: pd.DataFrame
    left_out: pd.DataFrame | None = None


def nul_pattern(sample: bytes) -> str | None:
    """``"UTF-16-LE"``/``"UTF-16-BE"`` when the NUL bytes of ``sample`` alternate like UTF-16
    text without a byte order mark (ASCII letters followed or preceded by a NUL), else None."""
    half = max(len(sample) // 2, 1)
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd >= 0.3 and even <= 0.05:
        return "UTF-16-LE"
    if even >= 0.3 and odd <= 0.05:
        return "UTF-16-BE"
    return None


def decode_text(
    data: bytes, name: str, declared: str | None = None, *, page: bool = False
) -> tuple[str, str]:
    """Decode the bytes of a text file (article, manifest, sidecar); return ``(text, encoding)``.

    Why: users bring files saved by many tools, and a decoding failure must be a one-line
    message naming the file, the byte and its offset, never a traceback. A UTF-32/UTF-16 byte
    order mark selects that encoding; otherwise UTF-8 (with or without BOM) is expected, and
    bytes that are not UTF-8 are decoded with the ``declared`` codec (an MHTML part's charset)
    or, for a ``page``, the charset its ``<meta>`` declares
    (:func:`analysis.corpus.page_charset.declared_charset`, looked for only then) when they
    decode with it, else as Windows-1252 (the caller records either). NUL bytes without a BOM are
    refused, with a hint when they alternate like BOM-less UTF-16. Raises :class:`ValueError`
    with the message.
    """
    for bom, codec in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                raise ValueError(
                    f"{name}: starts with a {codec.upper()} byte order mark but is not valid "
                    f"{codec.upper()} (bytes at offset {error.start}); re-save the file as UTF-8"
                ) from None
    head = data[:8192]
    packed = _packed_kind(head)
    if packed is not None:
        raise ValueError(f"{name}: {packed}")
    if b"\x00" in head:
        variant = nul_pattern(head)
        if variant is not None:
            raise ValueError(
                f"{name}: looks like {variant} text without a byte order mark (every other byte "
                f"is NUL); re-save it as UTF-8, e.g. iconv -f {variant} -t UTF-8 IN > OUT"
            )
        raise ValueError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if declared is None and page:
            declared = declared_charset(data)
        if declared is not None and declared != _FALLBACK_ENCODING:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # a wrong declaration: the fallback below, or the message
        try:
            text = data.decode(_FALLBACK_ENCODING)
        except UnicodeDecodeError as error:
            raise ValueError(
                f"{name}: not valid UTF-8 (byte 0x{data[utf8_error.start]:02X} at offset "
                f"{utf8_error.start}) and not {_FALLBACK_ENCODING} either (byte "
                f"0x{data[error.start]:02X} at offset {error.start} is undefined in "
                f"{_FALLBACK_ENCODING}); re-save the file as UTF-8"
            ) from None
        _refuse_other_script(text, data, name)
        return text, _FALLBACK_ENCODING


# Above this share of non-ASCII characters (outside markup), a text read as cp1252 is another
# script's bytes: Western text in cp1252 has a few accents and typographic quotes (a tester's
# English cp1252 file 0.2%), KOI8-R Russian or GBK Chinese read so is all accented letters
# (99% and 100%)
_OTHER_SCRIPT_SHARE = 0.3
_MARKUP_RE = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;")


def _refuse_other_script(text: str, data: bytes, name: str) -> None:
    """Raise :class:`ValueError` when ``text`` (``data`` read as cp1252) is mostly non-ASCII
    characters outside markup: the bytes are another script's encoding (a tester's KOI8-R
    Russian and GBK Chinese files became "ðÒÁ×ÉÔÅ" and "Õþ¸®ÖÜ", read as Yoruba and Ligurian
    and scored, with a line in the audit only). The message names the encoding
    charset-normalizer guesses, for re-saving the file as UTF-8."""
    visible = [c for c in _MARKUP_RE.sub(" ", text) if not c.isspace()]
    if len(visible) < 20:
        return
    share = sum(ord(c) >= 0x80 for c in visible) / len(visible)
    if share <= _OTHER_SCRIPT_SHARE:
        return
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding.replace("_", "-").upper() if best is not None else ""
    sample = "".join(visible[:12])
    said = f"probably {guess} text" if guess else "text in another encoding"
    fix = f"iconv -f {guess} -t UTF-8 IN > OUT" if guess else "iconv -f ENCODING -t UTF-8"
    raise ValueError(
        f"{name}: not valid UTF-8, and read as cp1252 (Windows Western) {share:.0%} of its "
        f"characters would be accented letters or symbols ({sample!r}…): {said}; re-save it as "
        f"UTF-8, e.g. {fix}"
    )


# A file that is no text but a container, by its first bytes, and what to do with it
_PACKED_KINDS = (
    (
        b"\x1f\x8b",
        "is gzip-compressed, not text (a page fetched without decompressing it, as curl does "
        "without --compressed, or a .gz file renamed); decompress it first, e.g. gunzip -c FILE "
        "> page.html",
    ),
    (
        b"PK\x03\x04",
        "is a ZIP archive, not text (a .docx, .xlsx or .zip file renamed?); give a Word "
        "document its .docx name, save a sheet as CSV, or unzip an archive first",
    ),
    (b"%PDF-", "is a PDF, not text; copy its text into a .txt file (PDFs are not read)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # an OLE2 compound file
        "is an old Word (.doc), Excel (.xls) or Outlook (.msg) file, not text: save a Word "
        "document as .docx (File > Save As) and name it .docx, or copy its text into a .txt file",
    ),
)


def _packed_kind(head: bytes) -> str | None:
    """What to say of a file whose first bytes mark a compressed file, an archive, a PDF or an
    old Office file (a tester's .doc was "a binary file (NUL bytes)"), else None: decoded as
    text, such bytes gave a message about NUL bytes or control characters, or (a PDF) mojibake
    read as an article."""
    for magic, message in _PACKED_KINDS:
        if head.startswith(magic):
            return message
    return None


def decode_article(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode an article file, returning ``(text, encoding_used)``.

    Decoding follows :func:`decode_text` (UTF-8; a UTF-16/UTF-32 byte order mark; else the
    charset a saved page declares, or the Windows-1252 fallback, the usual encoding of Western
    news exports; the caller records which; ``declared`` names a charset found outside the
    bytes, as an MHTML part's header). A file that is empty, does not decode, or looks binary
    is refused with a message.
    """
    if not data.strip():
        raise ValueError(f"{name}: file is empty")
    text, encoding = decode_text(data, name, declared, page=True)
    if not text.strip():
        raise ValueError(f"{name}: file is empty")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _BINARY_CONTROL_SHARE * max(len(text), 1):
        raise ValueError(f"{name}: looks like a binary file ({controls} control characters)")
    return text, encoding


def confine(corpus_dir: Path, name: str, where: str) -> Path:
    """The path of ``name`` inside ``corpus_dir``, resolved, or :class:`ValueError` saying why not.

    Why: a manifest or sidecar is user data, and must not pull an arbitrary readable file (a
    system file, ``../x.txt``, a symlink pointing elsewhere) into the report. Absolute paths and
    ``..`` are refused outright; files in subfolders are fine when they resolve inside the folder.
    ``where`` names the manifest row (or file) for the message. A manifest written on Windows
    names a file in a subfolder with backslashes (``2025\\oct\\a.txt``): when no file has that
    name as it is, the name with slashes is used.
    """
    parts = name.replace("\\", "/").split("/")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).anchor:
        raise ValueError(
            f"{where}: file {name!r} is an absolute path; corpus files must be inside the corpus "
            "folder, named relative to it (e.g. a.txt or sub/a.txt)"
        )
    if ".." in parts:
        raise ValueError(
            f"{where}: file {name!r} points outside the corpus folder ('..'); move the file "
            "into the corpus folder and name it relative to it"
        )
    base = corpus_dir.resolve()
    try:
        resolved = (base / name).resolve()
        if "\\" in name and not resolved.exists():
            resolved = base.joinpath(*parts).resolve()
    except (RuntimeError, OSError) as err:  # a link loop (a.txt -> b.txt -> a.txt)
        raise ValueError(
            f"{where}: file {name!r} is a symbolic link that cannot be followed ({err}); "
            "replace it with the file itself"
        ) from None
    if not resolved.is_relative_to(base):
        raise ValueError(
            f"{where}: file {name!r} is a link resolving outside the corpus folder "
            f"({resolved}); copy the file into the corpus folder instead"
        )
    return resolved


def _read_table_text(path: Path, corpus_dir: Path) -> str:
    """The decoded text of a manifest or sidecar inside ``corpus_dir``, or :class:`CorpusError`.

    Decoded like an article (:func:`decode_text`); a Windows-1252 fallback is reported with a
    warning, since the manifest has no audit row of its own.
    """
    try:
        resolved = confine(corpus_dir, path.name, str(path))
        text, encoding = decode_text(resolved.read_bytes(), str(path))
    except ValueError as error:
        raise CorpusError([str(error)]) from None
    if encoding != "utf-8":
        warn_user(
            f"{path}: not valid UTF-8, read as {encoding}; check the accented letters in its "
            "metadata and re-save it as UTF-8 to silence this warning"
        )
    return text


def read_csv_table(path: Path, corpus_dir: Path) -> pd.DataFrame:
    """A manifest or sidecar CSV of the folder ``corpus_dir`` as strings (only an empty cell is
    empty: ``N/A`` or ``NA`` are text), separated as its header line says (commas, semicolons,
    tabs or pipes); every failure a :class:`CorpusError`."""
    from analysis.corpus.csv_dialect import header_separator

    text = _read_table_text(path, corpus_dir)
    separator = header_separator(text)
    _check_csv_shape(path, text, separator)
    try:  # (a spreadsheet in a locale whose decimal mark is a comma saves it with semicolons)
        return pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise CorpusError([f"{path}: the file is empty (no header row)"]) from None
    except pd.errors.ParserError as error:
        detail = str(error).strip().splitlines()[-1]
        advice = (
            "; a row has more cells than the header: a cell holding the separator needs double "
            'quotes around it ("Smith, Jones")'
            if "Expected" in detail
            else ""
        )
        raise CorpusError([f"{path}: not a valid CSV file ({detail}){advice}"]) from None


def _check_csv_shape(path: Path, text: str, separator: str) -> None:
    """A :class:`CorpusError` when a row has more cells than the header (pandas would take the
    first column as an index and shift the rest) or the header names a column twice (letter
    case and spaces aside): pandas would read the second as ``file.1`` and every cell under a
    shifted name (a tester's ``doc_id,file,file,outlet,...`` compared 15 "outlets" that were
    titles)."""
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    header = next(reader, [])
    longer, shorter = [], []
    for row in reader:
        if len(row) > len(header):
            longer.append(reader.line_num)
        elif 1 < len(row) < len(header) and any(cell.strip() for cell in row):
            shorter.append(reader.line_num)
    if header and shorter:  # a cell left out in the middle shifts the rest: said, not refused
        shown = ", ".join(str(n) for n in shorter[:5]) + (" …" if len(shorter) > 5 else "")
        warn_user(
            f"{path}: line(s) {shown} have fewer cells than the header's {len(header)}: their "
            f"cells are read as the first columns ({', '.join(header[:4])}, …) and the rest "
            "left empty; if a cell was left out in the middle, the cells after it are read "
            "under the wrong names (give it an empty cell: two separators in a row)"
        )
    if header and longer:  # pandas would take the first column as the rows' index, unsaid
        shown = ", ".join(str(n) for n in longer[:5]) + (" …" if len(longer) > 5 else "")
        raise CorpusError(
            [
                f"{path}: line(s) {shown} have more cells than the header's {len(header)}; a "
                'cell holding the separator needs double quotes around it ("Smith, Jones")'
            ]
        )
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        key = name.strip().casefold()
        if key and key in seen:
            raise CorpusError(
                [
                    f"{path}: the header names the column {name.strip()!r} twice (columns "
                    f"{seen[key]} and {number}); name each column once, or the cells below are "
                    "read under the wrong names"
                ]
            )
        seen.setdefault(key, number)


def _scalar_text(value: object) -> str | None:
    """A JSON scalar as text (None as ``""``); None for an object or list."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return None
    return str(value)


def _sidecar_json(path: Path, corpus_dir: Path) -> pd.DataFrame:
    """``metadata.json``: a list of records, or ``{"file.txt": {...}}``; scalars only."""
    try:
        data = json.loads(_read_table_text(path, corpus_dir))
    except json.JSONDecodeError as error:
        raise CorpusError([f"{path}: not valid JSON ({error.msg}, line {error.lineno})"]) from None
    if isinstance(data, dict):  # {"file.txt": {"outlet": ...}, ...}
        records = []
        for key, value in data.items():
            if not isinstance(value, dict):
                raise CorpusError([f"{path}: entry {key!r} is not an object of metadata fields"])
            records.append({"file": key, **value})
    elif isinstance(data, list) and all(isinstance(r, dict) for r in data):
        records = data
    else:
        raise CorpusError([f"{path}: expected a list of objects or an object keyed by file"])
    problems = []
    rows = []
    for number, record in enumerate(records, start=1):
        row = {}
        for key, value in record.items():
            text = _scalar_text(value)
            if text is None:
                problems.append(
                    f"{path}: entry {number}, field {key!r} holds a nested "
                    f"{type(value).__name__}; metadata fields must be plain text or numbers"
                )
            row[str(key)] = text or ""
        rows.append(row)
    if problems:
        raise CorpusError(problems)
    return pd.DataFrame(rows).fillna("").astype(str)


def columns_by_folded_name(columns: Iterable[object]) -> dict[str, list[str]]:
    """``columns`` (as text) under their name stripped of outer spaces and lower-cased: where
    a manifest's or a corpus file's column named in another letter case or with spaces around
    it (``Title``, ``URL ``) is looked for under our name; more than one column under a name
    means none is taken."""
    by_name: dict[str, list[str]] = {}
    for name in map(str, columns):
        by_name.setdefault(name.strip().lower(), []).append(name)
    return by_name


def with_our_column_names(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a column that is one of ours (:data:`MANIFEST_COLUMNS`) in another letter
    case or with spaces around it (``File``, ``Doc_ID``, ``Outlet ``: a manifest typed in a
    spreadsheet) renamed to ours, when the frame has only one such column and not ours itself
    (:func:`columns_by_folded_name`, which finds a corpus file's columns too)."""
    by_name = columns_by_folded_name(frame.columns)
    renames = {}
    for ours in MANIFEST_COLUMNS:
        alike = by_name.get(ours, [])
        if ours not in frame.columns and len(alike) == 1:
            renames[alike[0]] = ours
    return frame.rename(columns=renames) if renames else frame


def _read_sidecar(corpus_dir: Path) -> pd.DataFrame | None:
    for name in SIDECAR_NAMES:
        path = corpus_dir / name
        if not path.is_file():
            continue
        if name.endswith(".csv"):
            frame = read_csv_table(path, corpus_dir)
        else:
            frame = _sidecar_json(path, corpus_dir)
        frame = with_our_column_names(frame)
        if "file" not in frame.columns:
            raise CorpusError([f"{path}: sidecar metadata needs a 'file' column"])
        problems = []
        for index, file_name in frame["file"].items():
            try:
                confine(corpus_dir, str(file_name), f"{path}: entry {index + 1}")
            except ValueError as error:
                problems.append(str(error))
        if problems:
            raise CorpusError(problems)
        return frame
    return None


def _missing_manifest_columns(path: Path, manifest: pd.DataFrame, missing: list[str]) -> str:
    """The error for a manifest without ``doc_id``, ``file`` or ``outlet``: its columns, and,
    when only ``doc_id`` is missing, the sidecar that needs none."""
    message = (
        f"{path}: missing required column(s) {missing}; a manifest needs "
        f"{', '.join(REQUIRED_MANIFEST_COLUMNS)}, and this one has: "
        f"{', '.join(map(str, manifest.columns))}"
    )
    if missing == ["doc_id"]:
        message += (
            ". To key the rows by file alone, name it metadata.csv instead: each article's "
            "doc_id is then its file name without the suffix"
        )
    return message


def read_manifest(corpus_dir: Path | str) -> pd.DataFrame:
    """The corpus metadata, one row per article file, with every manifest column present.

    Uses ``manifest.csv`` when present; otherwise a ``metadata.csv``/``metadata.json`` sidecar;
    otherwise every article file (:func:`_article_files`, Markdown notes included) with
    ``doc_id`` = file stem and outlet ``"unknown"``.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError([f"{corpus_dir}: corpus folder does not exist"])
    manifest_path = corpus_dir / MANIFEST_NAME
    if manifest_path.is_file():
        as_read = read_csv_table(manifest_path, corpus_dir)
        manifest = with_our_column_names(as_read)
        missing = [c for c in REQUIRED_MANIFEST_COLUMNS if c not in manifest.columns]
        if missing:
            raise CorpusError([_missing_manifest_columns(manifest_path, as_read, missing)])
    else:
        files = [p.name for p in _article_files(corpus_dir, markdown=True)]
        manifest = pd.DataFrame({"file": files})
        sidecar = _read_sidecar(corpus_dir)
        if sidecar is not None:
            manifest = manifest.merge(sidecar, on="file", how="left")
        if "doc_id" not in manifest.columns:
            manifest["doc_id"] = [Path(article_name(f)).stem for f in files]
        # a file with no outlet is warned about once read (read_raw_documents): a saved page
        # names its site, a news database's export each article's publication
        outlets = manifest.get("outlet", pd.Series([""] * len(manifest)))
        if "outlet" not in manifest.columns or outlets.fillna("").isin(["", "nan"]).any():
            manifest["outlet"] = outlets.fillna("").replace({"": UNKNOWN, "nan": UNKNOWN})
    for column in MANIFEST_COLUMNS:
        if column not in manifest.columns:
            manifest[column] = ""
    manifest = manifest.fillna("")
    # a value's outer spaces are not part of it ("Reuters " is Reuters), as in a corpus file;
    # a file name is taken as written, or as the folder holds it (_name_on_disk)
    for column in manifest.columns.drop("file", errors="ignore"):
        manifest[column] = manifest[column].astype(str).str.strip()
    if manifest_path.is_file():
        manifest["file"] = [
            _name_on_disk(corpus_dir, str(name), row + 2)
            for row, name in enumerate(manifest["file"])
        ]
    manifest["origin"] = manifest["origin"].replace("", UNKNOWN)
    return (
        manifest[[*MANIFEST_COLUMNS, *extra_columns(manifest)]].astype(str).reset_index(drop=True)
    )


def _name_on_disk(corpus_dir: Path, name: str, row: int) -> str:
    """The manifest's file ``name`` as the folder holds it: as written when it exists, else
    without the spaces around it ("dpr.txt " of a spreadsheet cell), else the one file whose
    name is the same in Unicode NFC (macOS writes "Büs.txt" decomposed, a manifest typed
    elsewhere composed: they print alike and compared unequal). A warning names each row read
    so; a name that matches nothing is kept, for the check to report it missing."""
    if not name or any((corpus_dir / n).exists() for n in (name, name.replace("\\", "/"))):
        return name  # as written, or as a Windows manifest writes it (confine reads it so)
    candidates = [name.strip()] if name.strip() != name else []
    wanted = normalise_unicode(name.strip()).replace("\\", "/")
    folder = (corpus_dir / wanted).parent
    if folder.is_dir() and folder.resolve().is_relative_to(corpus_dir.resolve()):
        candidates += [
            str((Path(wanted).parent / entry.name).as_posix()).removeprefix("./")
            for entry in folder.iterdir()
            if normalise_unicode(entry.name) == PurePosixPath(wanted).name
        ]
    found = next((c for c in candidates if c and (corpus_dir / c).exists()), None)
    if found is None:
        return name
    why = (
        "spaces around the name"
        if found == name.strip()
        else "the same letters, composed differently in Unicode (NFC and NFD)"
    )
    warn_user(
        f"{corpus_dir / MANIFEST_NAME}: row {row} names {name!r}, read as the folder's "
        f"{found!r} ({why})"
    )
    return found


def extra_columns(frame: pd.DataFrame) -> list[str]:
    """The user's own metadata columns of ``frame`` (a manifest's ``lean``, an export's
    ``language`` of its own...): every column that is not one of ours, in the frame's order.
    They are carried through to the documents and sentences tables, so a run can group by them."""
    ours = {*MANIFEST_COLUMNS, *DOCUMENT_COLUMNS, *SENTENCE_COLUMNS, "encoding", "raw_text"}
    from analysis.corpus.quality import QUALITY_COLUMNS

    ours |= {"n_encoding_repairs", "raw_format", "html", *PAGE_COLUMNS, *QUALITY_COLUMNS}
    ours |= {SPEAKERS, *SPEAKER_COLUMNS}
    return [str(c) for c in frame.columns if c not in ours and not str(c).startswith("Unnamed:")]


# A metadata column whose values average this many characters or more holds text (a snippet, an
# abstract, paragraphs, a second copy of the article), not a label to group by; a title is
# 60-100 characters, an outlet, section or country name far fewer.
LABEL_CHARS = 100


def text_metadata_columns(documents: pd.DataFrame) -> list[str]:
    """The user's metadata columns (:func:`extra_columns`) that hold text, not labels: their
    non-empty values average :data:`LABEL_CHARS` characters or more.

    They stay in the documents table but are not copied to every sentence (a run groups by
    labels): PerSenT as a corpus file carries a masked second copy of each article and its 16
    paragraphs, which copied to each of 32,557 sentences made a 150 MB sentences table."""
    return [c for c in extra_columns(documents) if mean_chars(documents[c]) >= LABEL_CHARS]


def mean_chars(values: pd.Series) -> float:
    """The mean length in characters of the non-empty values of a column (0 when none)."""
    text = values.fillna("").astype(str)
    text = text[text.str.strip() != ""]
    return float(text.str.len().mean()) if len(text) else 0.0


def folder_exports(corpus_dir: Path) -> list[Path]:
    """The export files a folder holds instead of articles, sorted by name: the files the
    corpus-file reader takes (:func:`analysis.corpus.files.detect_format`) in a folder with no
    manifest and no article files (hidden files, the folder's own files and its README left
    out). Empty for a folder of articles: such a folder is read as articles."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir() or (corpus_dir / MANIFEST_NAME).is_file():
        return []
    if _article_files(corpus_dir, markdown=True):
        return []
    from analysis.corpus.files import CorpusFileError, detect_format

    def is_export(path: Path) -> bool:  # a file the corpus-file reader takes
        try:
            return bool(detect_format(path))
        except CorpusFileError:
            return False

    return sorted(
        (
            p
            for p in corpus_dir.iterdir()
            if p.is_file()
            and p.name not in _OWN_FILES
            and not p.name.startswith(".")
            and not is_folder_description(p.name)
            and is_export(p)
        ),
        key=lambda p: p.name,
    )


def no_articles_message(corpus_dir: Path) -> str:
    """Why a folder has no articles to read: its manifest lists none, or it holds no article
    files and no export files either."""
    if (corpus_dir / MANIFEST_NAME).is_file():
        return f"{corpus_dir / MANIFEST_NAME}: lists no articles (a header and no rows)"
    message = (
        f"{corpus_dir}: no articles: the folder holds no .txt, .md, .html, .htm, .mhtml, "
        ".webarchive, .docx or .rtf files (nor such files gzip-compressed, .html.gz) and no "
        "export files (.csv, .tsv, .json, .jsonl, .parquet, .xlsx, .xls, .ods)"
    )
    packed = _compressed_files(corpus_dir)
    if packed:  # a download's archive of articles (a compressed page, a.html.gz, is read)
        shown = ", ".join(packed[:_UNREAD_SHOWN]) + (" …" if len(packed) > _UNREAD_SHOWN else "")
        message += (
            f"; it holds {len(packed)} compressed file(s), which are not read ({shown}): "
            "extract them into the folder first (e.g. unzip a .zip, tar -xf a .tar.gz)"
        )
    below = _subfolder_articles(corpus_dir, set())
    if below:  # an unzipped download often puts the files one folder down
        name, _ = max(below.items(), key=lambda item: item[1])
        message += (
            f"; sub-folders are not read, and {_counted(below)}: give that folder as the "
            f"corpus (e.g. {str(corpus_dir / name)!r})"
        )
    return message


def _subfolder_articles(
    corpus_dir: Path, listed: set[str], *, markdown: bool = True
) -> dict[str, int]:
    """The number of article files directly in each sub-folder of ``corpus_dir`` (hidden ones
    left out) that ``listed`` (a manifest's file names) does not name, for the sub-folders that
    hold any. Only one level down; a run's own outputs (``reports/summary.html`` of a run whose
    ``--out`` is this folder, in its record of the files it wrote) are not articles, nor are
    the resources a browser saved beside a page ("Story_files" beside "Story.html":
    :func:`_is_page_resources`); Markdown notes count only with ``markdown`` (a folder without
    a manifest, where they are articles)."""
    from analysis.outputs import MANIFEST, OutputsError
    from analysis.outputs import read_manifest as read_outputs

    try:
        written = read_outputs(corpus_dir / "reports" / MANIFEST)
    except OutputsError:
        written = set()
    # a manifest written on Windows names them with backslashes (confine)
    listed = listed | {os.path.normpath(name.replace("\\", "/")) for name in listed}
    found: dict[str, int] = {}
    pages = {p.stem.casefold() for p in corpus_dir.iterdir() if p.suffix.lower() in HTML_SUFFIXES}
    for sub in sorted(corpus_dir.iterdir(), key=lambda p: p.name):
        if sub.name.startswith(".") or not sub.is_dir() or _is_page_resources(sub.name, pages):
            continue
        try:
            n = sum(
                1
                for p in _article_files(sub, markdown=markdown)
                if os.path.normpath(f"{sub.name}/{p.name}") not in listed
                and f"{sub.name}/{p.name}" not in written
            )
        except OSError:
            continue
        if n:
            found[sub.name] = n
    return found


# A browser saving "Story.html" as a complete page puts its images, scripts and frames (some of
# them .html files) in "Story_files" (Chrome, Firefox, Edge), or under a name Internet Explorer
# localised ("Story-Dateien", "Story_fichiers"...): the page's resources, not articles.
_RESOURCE_SUFFIXES = (
    "_files",
    "-dateien",
    "_fichiers",
    "_archivos",
    "_arquivos",
    "_file",
    "_bestanden",
    "-filer",
    "_pliki",
    "_tiedostot",
)


def _is_page_resources(name: str, pages: set[str]) -> bool:
    """Whether a sub-folder ``name`` is the resource folder a browser saved beside one of the
    folder's ``pages`` (their stems, case-folded): "Story_files" beside "Story.html"."""
    folded = name.casefold()
    return any(
        folded.endswith(suffix) and folded[: -len(suffix)] in pages for suffix in _RESOURCE_SUFFIXES
    )


def _counted(below: dict[str, int]) -> str:
    """For each sub-folder of ``below`` (the first five), the words "'Files (3)' holds 3 article
    files", joined by commas."""
    parts = [
        f"{name!r} holds {n} article file{'s' if n > 1 else ''}"
        for name, n in list(below.items())[:_UNREAD_SHOWN]
    ]
    return ", ".join(parts) + (", …" if len(below) > _UNREAD_SHOWN else "")


def read_raw_documents(corpus_dir: Path | str | None = None) -> pd.DataFrame:
    """Every article of a corpus folder as raw text plus metadata, after checking the folder.

    Internal: the first step of :func:`analysis.load_corpus` for a folder, and the folder
    branch of the chunk reader (:func:`analysis.corpus.files.read_chunks`). Returns the manifest
    columns plus ``encoding`` and ``raw_text``. Raises :class:`CorpusError` listing every problem
    (missing or unlisted files, duplicate ids, empty, binary or undecodable files) so that nothing
    is half-loaded.
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
    manifest = read_manifest(corpus_dir)
    if manifest.empty:
        raise CorpusError([no_articles_message(corpus_dir)])
    problems: list[str] = []
    has_manifest = (corpus_dir / MANIFEST_NAME).is_file()
    duplicated = manifest.loc[manifest["doc_id"].duplicated(keep=False), "doc_id"]
    for doc_id in sorted(set(duplicated)):
        rows = manifest.index[manifest["doc_id"] == doc_id]
        if has_manifest:
            where = " and ".join(str(i + 2) for i in rows)
            problems.append(
                f"{corpus_dir / MANIFEST_NAME}: duplicate doc_id {doc_id!r} (rows {where})"
            )
        else:  # ids come from file names: "a.txt" and "a.html" both give "a"
            files = " and ".join(manifest.loc[rows, "file"])
            problems.append(
                f"{corpus_dir}: {files} both give the doc_id {doc_id!r} (a file's name without "
                "its extension); rename one, or give each an id in a manifest.csv"
            )
    if has_manifest:  # one file listed twice ("a.txt", "./a.txt") would count its article twice
        same_file = manifest["file"].map(lambda name: os.path.normpath(name.replace("\\", "/")))
        for name in sorted(set(same_file[same_file.duplicated(keep=False)])):
            rows = " and ".join(str(i + 2) for i in same_file.index[same_file == name])
            problems.append(
                f"{corpus_dir / MANIFEST_NAME}: rows {rows} list the same file {name!r}; an "
                "article is listed once"
            )
    # a saved page's empty outlet is its site name (analysis.corpus.html), as without a manifest
    # ... and so is a Markdown note's, from its front matter (analysis.corpus.front_matter)
    page = (
        manifest["file"]
        .map(article_name)
        .str.lower()
        .str.endswith((*PAGE_SUFFIXES, *MARKDOWN_SUFFIXES))
    )
    for column in ("doc_id", "file", "outlet"):
        empty = manifest[column].str.strip() == ""
        if column == "outlet":
            empty &= ~page
        for index in manifest.index[empty]:
            problems.append(f"{corpus_dir / MANIFEST_NAME}: row {index + 2} has an empty {column}")
    listed = {os.path.normpath(name) for name in manifest["file"]}
    _warn_system_files(corpus_dir)
    _warn_not_regular(corpus_dir, listed)
    looks_listed = {loose_name(name): name for name in listed}
    for path in _article_files(corpus_dir, markdown=not has_manifest):
        if path.name not in listed:
            alike = looks_listed.get(loose_name(path.name))
            hint = (
                f" ({MANIFEST_NAME} lists {alike!r}, which differs only in dashes, quotation "
                "marks, accents, spaces or letter case)"
                if alike and alike != path.name
                else ""
            )
            problems.append(f"{path}: file is not in {MANIFEST_NAME}{hint}")
    _warn_unread(corpus_dir, listed, has_manifest)
    texts: list[str] = []
    encodings: list[str] = []
    addresses: list[str] = []
    for index, name in manifest["file"].items():
        text, encoding, address = "", "", ""
        path = corpus_dir / name
        where = f"{corpus_dir / MANIFEST_NAME}: row {index + 2}" if has_manifest else str(path)
        try:
            resolved = confine(corpus_dir, name, where) if name.strip() else None
        except ValueError as error:
            problems.append(str(error))
            resolved = None
        if (
            resolved is not None
            and resolved.parent == corpus_dir.resolve()
            and (resolved.name in _OWN_FILES)
        ):  # a manifest written with `ls > manifest.csv` lists itself: it is no article
            problems.append(
                f"{where}: lists {resolved.name}, one of the folder's own files, as an article; "
                "remove that row"
            )
            resolved = None
        if resolved is not None and not resolved.is_file():
            what = (
                "a folder, not a file"
                if resolved.is_dir()
                else "not a regular file"
                if resolved.exists()
                else f"missing{_case_hint(resolved)}"
            )  # a folder or a pipe named in the manifest was called "missing"
            problems.append(f"{path}: listed in {MANIFEST_NAME} but {what}")
        elif resolved is not None:
            try:
                text, encoding, address = read_article_file(resolved, str(path))
            except ValueError as error:
                problems.append(str(error))
        texts.append(text)
        encodings.append(encoding)
        addresses.append(address)
    if problems:
        raise CorpusError(problems)
    raw = manifest.copy()
    raw["encoding"] = encodings
    raw["raw_text"] = texts
    raw["raw_format"] = [
        "html" if article_name(n).lower().endswith(PAGE_SUFFIXES) else "" for n in raw["file"]
    ]
    raw["_address"] = addresses
    if not has_manifest:
        raw = articles_of_exports(raw)
        _warn_unknown_outlets(corpus_dir, raw)
        if raw["doc_id"].duplicated().any():
            raise CorpusError(
                f"{corpus_dir}: duplicate doc_id {doc_id!r} (an export's article is named "
                "after its file and number)"
                for doc_id in sorted(set(raw.loc[raw["doc_id"].duplicated(), "doc_id"]))
            )
    if "url" in raw.columns:  # a saved page's own address where the manifest gives none;
        # not a database's page: its address is the search's, not its articles'
        given = raw["url"].fillna("").astype(str).str.strip()
        own = raw["_address"].where(~raw["raw_format"].isin(EXPORT_FORMATS), "")
        raw["url"] = given.where(given != "", own)
    raw = raw.drop(columns="_address")
    # a saved Factiva page is counted as the lines it is read as (analysis.corpus.factiva)
    texts = [
        (factiva_page_text(text) or text) if kind == "html" else text
        for text, kind in zip(raw["raw_text"], raw["raw_format"], strict=True)
    ]
    several = several_articles_warning(
        [str(corpus_dir / name) for name in raw["file"]], texts, has_manifest
    )
    if several:
        warn_user(several)
    return raw.reset_index(drop=True)


def _warn_unknown_outlets(corpus_dir: Path, raw: pd.DataFrame) -> None:
    """Warn, for a folder without a manifest, when articles have no outlet: neither a sidecar's
    nor an export's. A saved page is not counted: it names its site when it is cleaned, and is
    warned about there when it does not."""
    unknown = raw["outlet"].isin(["", UNKNOWN]) & (raw["raw_format"] != "html")
    unknown &= ~raw["raw_text"].map(is_html_page).astype(bool)  # a page saved as .txt
    unknown &= ~raw["raw_text"].map(_names_its_site).astype(bool)  # a clipped note
    if unknown.any():
        notes = (
            raw["file"].astype(str).map(article_name).str.lower().str.endswith(MARKDOWN_SUFFIXES)
        )
        hint = (
            " (a Markdown note may name its site instead, in its front matter: 'site: Valley "
            "Courier' or 'source: https://...')"
            if (unknown & notes).any()
            else ""
        )
        n, total = int(unknown.sum()), len(unknown)
        which = f"for {n} of its {total} files" if n < total else f"for any of its {total} files"
        which = "for its one file" if total == 1 else which
        shown = ", ".join(raw.loc[unknown, "file"].astype(str).head(3)) + (" …" if n > 3 else "")
        warn_user(
            f"{corpus_dir}: no {MANIFEST_NAME} and no outlet in a sidecar {which} ({shown}); "
            f"their outlet is '{UNKNOWN}'. Add a manifest.csv (columns: "
            f"{', '.join(MANIFEST_COLUMNS)}) to compare outlets{hint}."
        )


def _names_its_site(text: str) -> bool:
    """Whether ``text`` opens with front matter naming a site or an address, from which
    cleaning takes its outlet (:func:`analysis.corpus.front_matter.read_front_matter`)."""
    matter = parse_front_matter(text)
    return matter is not None and bool({"outlet", "url"} & matter.fields.keys())


def article_name(name: str) -> str:
    """The name an article file is read as: ``name`` without its ``.gz`` ending when what is
    left is an article's or a Markdown note's name ("page.html.gz" is read as "page.html",
    and its ``doc_id`` is "page"), else ``name`` itself ("export.csv.gz" is no article)."""
    if name.lower().endswith(GZIP_SUFFIX):
        inner = name[: -len(GZIP_SUFFIX)]
        if Path(inner).suffix.lower() in (*ARTICLE_SUFFIXES, *MARKDOWN_SUFFIXES):
            return inner
    return name


def gunzipped(data: bytes, name: str) -> bytes:
    """The bytes of a gzip-compressed article file, decompressed in memory (every member of
    the stream, as ``gunzip`` reads them); :class:`ValueError` naming the file when they are not
    a whole gzip stream, or decompress to more than :data:`MAX_GUNZIPPED_BYTES`."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            unpacked = stream.read(MAX_GUNZIPPED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise ValueError(
            f"{name}: is gzip-compressed but cannot be decompressed ({error}); the file may "
            "be cut short: download or save it again"
        ) from None
    if len(unpacked) > MAX_GUNZIPPED_BYTES:
        raise ValueError(
            f"{name}: decompresses to more than {MAX_GUNZIPPED_BYTES // 2**20} MiB, far more "
            "than an article; it is not read"
        )
    return unpacked


def read_article_file(path: Path, name: str) -> tuple[str, str, str]:
    """An article file's text, the encoding it was read with, and the address it was saved
    from (only a page saved as one file records one; else ``""``). A page saved as one
    ``.mhtml``/``.mht`` file is read as its HTML part (:func:`analysis.corpus.mhtml.mhtml_page`),
    a Safari ``.webarchive`` as its main resource (:func:`analysis.corpus.webarchive.
    webarchive_page`), a Word ``.docx`` as its paragraphs (:func:`analysis.corpus.docx_text.
    docx_text`), an ``.rtf`` document likewise (:func:`analysis.corpus.rtf_text.rtf_text`); every
    file is decoded by :func:`decode_article`, which raises
    :class:`ValueError` with the reason. A file kept gzip-compressed (``page.html.gz``), or
    one whose bytes are gzip under a plain name (a page fetched as curl does without
    ``--compressed``), is decompressed in memory first (:func:`gunzipped`) and read as the
    file its name holds without ``.gz`` (:func:`article_name`)."""
    data = path.read_bytes()
    if data.startswith(GZIP_MAGIC):
        data = gunzipped(data, name)
    lowered = article_name(name).lower()
    if lowered.endswith(DOCX_SUFFIXES):
        return (*decode_article(docx_text(data, name).encode("utf-8"), name), "")
    if lowered.endswith(RTF_SUFFIXES):
        return (*decode_article(rtf_text(data, name).encode("utf-8"), name), "")
    if lowered.endswith(MHTML_SUFFIXES):
        page = mhtml_page(data, name)
    elif lowered.endswith(WEBARCHIVE_SUFFIXES):
        page = webarchive_page(data, name)
    else:
        return (*decode_article(data, name), "")
    return (*decode_article(page.html, name, page.charset), page.address)


def _case_hint(missing: Path) -> str:
    """For a file that is not there: the path that names it in other letter case, folders
    included (a manifest typed by hand, or made on a system that ignores case: a tester's
    "TECH/9to5mac.html" for tech/), or whose name differs only in dashes, quotation marks,
    accents or spaces (a manifest typed with "-" for the file's "–", "e" for its "é": a
    journalist's two names that look alike on screen were reported as two unrelated
    problems), as a hint to add to the message; else ``""``."""
    base = missing
    while not base.exists() and base != base.parent:
        base = base.parent
    found = [base]
    for part in missing.relative_to(base).parts:
        try:
            nxt = [p for q in found for p in q.iterdir() if loose_name(p.name) == loose_name(part)]
        except OSError:
            return ""
        if not nxt:
            return ""
        found = nxt
    near = sorted(p.relative_to(base).as_posix() for p in found if p != missing and p.is_file())
    if not near:
        return ""
    wanted = missing.relative_to(base).as_posix()
    differs = (
        "letter case differs"
        if all(n.casefold() == wanted.casefold() for n in near)
        else "the names differ only in dashes, quotation marks, accents, spaces or letter case"
    )
    return f" (the folder has {', '.join(repr(n) for n in near)}: {differs})"


_DASHES = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
    | {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"}
    | {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033"}
)


def loose_name(name: str) -> str:
    """``name`` as people read it: dashes as "-", curly quotation marks straight, accents
    dropped, runs of spaces as one, case-folded. Two file names with the same loose name look
    alike on screen (an editor or Excel turns a typed "-" into "–")."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_DASHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).casefold()


# Files of a corpus folder that are its configuration, not articles: never warned about; nor
# are lexicon files (a codebook, an actor list) that analysis.toml names beside it
_OWN_FILES = frozenset({MANIFEST_NAME, *SIDECAR_NAMES, "analysis.toml", "SHA256SUMS"})
_LEXICON_SUFFIXES = (".toml", ".yaml", ".yml")
_UNREAD_SHOWN = 5


def _warn_unread(corpus_dir: Path, listed: set[str], has_manifest: bool = False) -> None:
    """Warn about files in ``corpus_dir`` that will not be read, so none is skipped silently.

    Only ``.txt``/``.html``/``.htm`` files, pages saved as one file (``.mhtml``, ``.mht``,
    ``.webarchive``), Word documents (``.docx``) and RTF documents (``.rtf``), in any letter
    case (and whatever the manifest lists), are articles, and Markdown notes (``.md``) without
    a manifest (``has_manifest``) or when it lists them, each also gzip-compressed
    (``.html.gz``); an archive (``.zip``), a PDF or an old Word ``.doc`` next to them is not
    read. Hidden files, the folder's own files (manifest, sidecars, ``analysis.toml``,
    ``SHA256SUMS``), lexicon files (``.toml``, ``.yaml``: a codebook or an actor list beside
    ``analysis.toml``) and READMEs are not mentioned; a sub-folder is, when it holds article
    files the manifest does not list (:func:`_subfolder_articles`).
    """
    articles = {p.name for p in _article_files(corpus_dir, markdown=not has_manifest)}
    unread = sorted(
        p.name
        for p in corpus_dir.iterdir()
        if p.is_file()
        and not p.name.startswith(SYSTEM_FILE_PREFIXES)  # said by _warn_system_files
        and p.name not in _OWN_FILES
        and not p.name.lower().endswith(_LEXICON_SUFFIXES)
        and p.name not in articles
        and os.path.normpath(p.name) not in listed
        and not is_folder_description(p.name)
    )
    below = _subfolder_articles(corpus_dir, listed, markdown=not has_manifest)
    if below:
        warn_user(
            f"{corpus_dir}: sub-folders are not read, so the article files there are left out "
            f"({_counted(below)}): move them into the folder (or list each in manifest.csv as "
            "'sub-folder/file'), or give the sub-folder as the corpus"
        )
    if not unread:
        return
    shown = ", ".join(unread[:_UNREAD_SHOWN]) + (" …" if len(unread) > _UNREAD_SHOWN else "")
    hint = (
        " (compressed: extract them first)"
        if any(n.lower().endswith(COMPRESSED_SUFFIXES) for n in unread)
        else ""
    )
    if any(n.lower().endswith(MARKDOWN_SUFFIXES) for n in unread):
        hint += f" (a Markdown file is read when {MANIFEST_NAME} lists it)"
    warn_user(
        f"{corpus_dir}: {len(unread)} file(s) not read, as they are not .txt, .md, .html, .htm, "
        f".mhtml, .webarchive, .docx or .rtf articles (or such files gzip-compressed){hint}: "
        f"{shown}"
    )


# Endings of compressed files and archives, which a folder of articles does not read
COMPRESSED_SUFFIXES = (".gz", ".zip", ".bz2", ".xz", ".zst", ".7z", ".rar", ".tar", ".tgz")


def _compressed_files(corpus_dir: Path) -> list[str]:
    """The names of the compressed files and archives directly in ``corpus_dir`` (hidden files
    left out), sorted: a download's ``.zip`` or ``.tar.gz`` is not read as articles, and a
    message about a folder with nothing to read names them (a folder holding compressed
    article files, ``a.html.gz``, has articles to read: :func:`article_name`)."""
    return sorted(
        p.name
        for p in corpus_dir.iterdir()
        if p.name.lower().endswith(COMPRESSED_SUFFIXES)
        and not p.name.startswith(".")
        and p.is_file()
    )


def _article_files(corpus_dir: Path, *, markdown: bool = False) -> list[Path]:
    """The article files directly in ``corpus_dir`` (``.txt``, ``.html``, ``.htm``, ``.mhtml``,
    ``.mht``, ``.webarchive``, ``.docx``, ``.rtf``, and with ``markdown`` ``.md`` and
    ``.markdown``, in any letter case, each also gzip-compressed: ``.html.gz``), in the
    order of :func:`file_order`. A folder's ``README.txt`` or
    ``LICENSE.txt`` describes the folder: it is not an article unless the manifest lists it."""
    suffixes = (*ARTICLE_SUFFIXES, *MARKDOWN_SUFFIXES) if markdown else ARTICLE_SUFFIXES
    found = [
        p
        for p in corpus_dir.iterdir()
        if Path(article_name(p.name)).suffix.lower() in suffixes
        and not is_folder_description(p.name)
        and not p.name.startswith(SYSTEM_FILE_PREFIXES)
        and p.is_file()
    ]
    return sorted(found, key=file_order)


def file_order(path: Path) -> tuple[str, str]:
    """The order of a folder's article files without a manifest: by name without its ending,
    then by whole name. A copy a browser or a file manager names after its original ("page
    (1).html", "page copy.txt", "page - Copy.txt") so comes after it, and is the one flagged
    as a near-copy of the other, not the original: sorted by whole name, "page (1).html" came
    first (a space sorts before the dot of "page.html")."""
    return Path(article_name(path.name)).stem, path.name


# Files the system or an editor keeps beside a user's articles, never articles: Word's lock
# file of an open document ("~$draft.docx"), macOS's metadata of a file copied to a USB drive or
# network share ("._story.txt", binary), and any other hidden file. A tester's folder was
# refused because Word had "~$draft.docx" open.
SYSTEM_FILE_PREFIXES = ("~$", ".")


def _warn_system_files(corpus_dir: Path) -> None:
    """Say which files of ``corpus_dir`` with an article's extension were left out as the
    system's or an editor's (:data:`SYSTEM_FILE_PREFIXES`), so that none is thought read."""
    skipped = sorted(
        p.name
        for p in corpus_dir.iterdir()
        if p.name.startswith(SYSTEM_FILE_PREFIXES)
        and Path(article_name(p.name)).suffix.lower() in (*ARTICLE_SUFFIXES, *MARKDOWN_SUFFIXES)
    )
    if skipped:
        shown = ", ".join(skipped[:5]) + (" …" if len(skipped) > 5 else "")
        warn_user(
            f"{corpus_dir}: {len(skipped)} file(s) left out as a program's own, not articles: "
            f"{shown} (Word's lock file of an open document starts with ~$, macOS's metadata "
            "of a copied file with ._, a hidden file with a dot)"
        )


def _warn_not_regular(corpus_dir: Path, listed: set[str]) -> None:
    """Warn of the files of ``corpus_dir`` with an article's name that are no regular file and
    no manifest row names (a named pipe, a device, a link that leads nowhere or in a loop):
    never read, and, unlisted, never named by the checks (a tester's link loop and pipe in a
    folder without a manifest were skipped without a word). A listed one is an error there."""
    skipped = []
    for path in sorted(corpus_dir.iterdir()):
        if path.name in listed or path.name.startswith(SYSTEM_FILE_PREFIXES):
            continue
        if Path(article_name(path.name)).suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        try:
            regular = path.is_file() or path.is_dir()
        except OSError:  # a link loop
            regular = False
        if not regular:
            what = "a link that leads nowhere or in a loop" if path.is_symlink() else "no file"
            skipped.append(f"{path.name!r} ({what})")
    if skipped:
        warn_user(
            f"{corpus_dir}: not read, not being regular files: {', '.join(skipped[:5])}"
            + (" …" if len(skipped) > 5 else "")
        )


def _metadata_value(value: object) -> str:
    """A user's metadata cell as text; an empty one (blank, missing) stays empty. It is not
    made ``"unknown"``, as an empty outlet is: a run grouped by the column leaves such articles
    out, each in the audit (:mod:`analysis.corpus.group_values`; a tester's 5 articles with
    no lean were compared as a lean "unknown", and documents.csv showed "unknown" for her
    blank cells with no word)."""
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return ""
    return str(value).strip()


# Metadata put in Unicode NFC: the columns a run shows or groups by (not doc_id, which the
# manifest's uniqueness check has read as given, nor the file name, already read).
NFC_COLUMNS = tuple(c for c in MANIFEST_COLUMNS if c not in ("doc_id", "file"))


def metadata_in_nfc(row: dict[str, Any], doc_id: str, columns: Sequence[str]) -> list[AuditEntry]:
    """Put the ``columns`` of a document's metadata ``row`` in Unicode NFC, in place, and return
    an audit entry (rule ``unicode_nfc``, as for the text) for each value changed.

    Why: a file saved on a Mac often writes "ü" as "u" plus a combining diaeresis (NFD). Two
    spellings of one outlet in the two forms look the same in every table and figure, yet
    would be compared as two outlets; NFC makes them one string, as Unicode says they are.
    """
    entries: list[AuditEntry] = []
    for column in columns:
        value = row.get(column)
        if not isinstance(value, str) or value.isascii():
            continue
        row[column] = normalise_unicode(value)
        if row[column] == value:
            continue
        entries.append(
            whole_document_change(
                doc_id,
                f"{column}: {value}",
                "unicode_nfc",
                f"{column}: {row[column]} (metadata put in Unicode NFC, as the text is)",
            )
        )
    return entries


# the metadata an export may hold with its HTML entities left in ("New &amp; carbon tax")
ENTITY_COLUMNS = ("title", "outlet", "origin")


def metadata_unescaped(row: dict[str, Any], doc_id: str) -> list[AuditEntry]:
    """Turn the HTML entities of a document's :data:`ENTITY_COLUMNS` into their characters, in
    place, as cleaning does for the text (rule ``html_entity``), with an audit entry for each
    value changed: a tester's export gave titles such as "New &amp; carbon tax unveiled"."""
    entries: list[AuditEntry] = []
    for column in ENTITY_COLUMNS:
        value = row.get(column)
        if not isinstance(value, str) or "&" not in value:
            continue
        row[column] = unescape_entities(value)
        if row[column] != value:
            entries.append(
                whole_document_change(
                    doc_id,
                    f"{column}: {value}",
                    "html_entity",
                    f"{column}: {row[column]} (HTML entities turned into characters)",
                )
            )
    return entries


# "By" before an author's name in an export's author column ("By Jane Roe", "BY JANE ROE"), or
# nothing but it ("By"): the byline's word, not the name
_AUTHOR_BY_RE = re.compile(r"(?i:by)(?:\s+|\s*:\s*|$)")


def author_without_by(row: dict[str, Any], doc_id: str) -> list[AuditEntry]:
    """Take "By" off the start of a document's ``author``, in place, with an audit entry (rule
    ``author_by``): a tester's export gave "By Jane Roe" as the author, and "By" alone in 226
    rows, where cleaning's byline rule gives "Jane Roe" for the same line in a text."""
    value = row.get("author")
    if not isinstance(value, str) or not (match := _AUTHOR_BY_RE.match(value.strip())):
        return []
    row["author"] = value.strip()[match.end() :].strip()
    result = f"author: {row['author']}" if row["author"] else "author: (none)"
    return [
        whole_document_change(doc_id, f"author: {value}", "author_by", result + " ('By' taken off)")
    ]


def title_without_outlet(row: dict[str, Any], doc_id: str) -> list[AuditEntry]:
    """Cut the document's own outlet's name after a separator at the end of its ``title``, in
    place ("Buses return - Bayview Herald" of the Bayview Herald: "Buses return"), with an
    audit entry (rule ``outlet_suffix``), as cleaning cuts it from the text's lines: a
    tester's export of headlines kept the name, which became six outlets' most distinctive
    word."""
    title = row.get("title")
    if not isinstance(title, str) or not title.strip():
        return []
    cut = cut_outlet_suffix(title, outlet_keys([str(row.get("outlet", "") or "")]))
    if cut == title:
        return []
    row["title"] = cut
    return [whole_document_change(doc_id, f"title: {title}", "outlet_suffix", f"title: {cut}")]


def whole_document_change(doc_id: str, original: str, rule: str, result: str) -> AuditEntry:
    """An audit entry for a change to a document as a whole (its decoding, its page, its
    metadata) rather than to one of its lines: line 0, action ``changed``."""
    return AuditEntry(
        doc_id=doc_id, line_no=0, original=original, rule=rule, action="changed", result=result
    )


def clean_documents(raw: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean every raw document; return ``(documents, audit)``.

    ``raw`` has the columns of :func:`read_raw_documents` (the body in ``raw_text``, for folders
    and corpus files alike). ``documents`` has the manifest columns, the clean ``text``,
    ``n_encoding_repairs`` and ``encoding`` (sentence and word counts come with
    :func:`split_documents`); metadata lifted out of the body (e.g. an "Original article: URL"
    line) fills empty manifest fields; the user's own columns (:func:`extra_columns`) follow.
    ``audit`` records every removed, changed or moved line. A transcript's speakers per line
    (``CleanedText.speakers``) ride in the column ``speakers`` to :func:`split_documents`,
    which gives them to the sentences (:data:`SPEAKER_COLUMNS`) and drops it.
    """
    rows = []
    extras = extra_columns(raw)
    audit_entries: list[AuditEntry] = []
    prepared = [_prepare(record) for record in raw.to_dict("records")]
    # corpus-level pass: lines repeated across documents are template (rule repeated_line)
    templates = template_lines(
        [p[3] for p in prepared], [str(p[0].get("outlet", "") or "") for p in prepared]
    )
    for (record, row, page, raw_text, entries), template in zip(prepared, templates, strict=True):
        doc_id = str(record["doc_id"])
        encoding = str(record.get("encoding", "utf-8") or "utf-8")
        audit_entries.extend(entries)
        audit_entries.extend(title_without_outlet(row, doc_id))
        cleaned = clean_text(
            raw_text,
            doc_id=doc_id,
            title=row["title"] or None,
            template=template,
            outlet_names=[row["outlet"]],
        )
        audit_entries.extend(cleaned.audit)
        # a source line's address, a headline above its byline, the author the byline names
        for field in ("url", "title", "author"):
            if not row[field] and cleaned.metadata.get(field):
                row[field] = cleaned.metadata[field]
        wire_notes = wire_metadata(row, cleaned.metadata)
        if not row["published"]:
            row["published"], note = published_from_metadata(cleaned.metadata)
            if note and not row["date_note"]:
                row["date_note"] = note
        row["text"] = cleaned.text
        row["n_encoding_repairs"] = cleaned.n_encoding_repairs
        row[SPEAKERS] = cleaned.speakers
        row["encoding"] = encoding
        notes = list(page.notes) if page is not None else []
        notes.extend(wire_notes)
        if cleaned.metadata.get(CHROME_SHARE):
            notes.append(furniture_note(cleaned.metadata[CHROME_SHARE]))
        row["metadata_note"] = "; ".join(notes)
        row["extraction_problem"] = (page.problem or "") if page is not None else ""
        row.update({c: _metadata_value(record.get(c)) for c in extras})
        audit_entries.extend(metadata_unescaped(row, doc_id))
        audit_entries.extend(author_without_by(row, doc_id))
        audit_entries.extend(published_as_iso(row, doc_id))
        audit_entries.extend(published_with_time(row, cleaned.metadata, doc_id))
        audit_entries.extend(language_as_code(row, doc_id))
        audit_entries.extend(metadata_in_nfc(row, doc_id, [*NFC_COLUMNS, *extras]))
        rows.append(row)
    columns = [
        *MANIFEST_COLUMNS,
        "text",
        "n_encoding_repairs",
        "encoding",
        *PAGE_COLUMNS,
        SPEAKERS,
        *extras,
    ]
    return pd.DataFrame(rows, columns=columns), audit_frame(audit_entries)


# a date already ISO (with its time, if any), which sorts and compares as a date
_ISO_PUBLISHED_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}.*)?)?)?")


def published_as_iso(row: dict[str, Any], doc_id: str) -> list[AuditEntry]:
    """A given ``published`` written otherwise than ISO ("February 16, 2017", "23 Jun 2017
    12:59", "30/09/2018") rewritten as its ISO date, in place, when it can be only one day,
    with ``date_note`` saying what was written and an audit entry (rule ``date_iso``); one
    that may be two days ("03/04/2018") stays as written (loading warns of it). A tester's
    export had six date formats, and only the dates of database exports and datelines were
    read as days."""
    written = row.get("published")
    if not isinstance(written, str) or not written.strip():
        return []
    if _ISO_PUBLISHED_RE.fullmatch(written.strip()):
        return []
    iso = _iso_date(written)
    if not iso:
        return []
    row["published"] = iso
    note = f"Written '{written.strip()}' in the corpus; read as {iso}."
    row["date_note"] = f"{row['date_note']} {note}".strip() if row.get("date_note") else note
    return [
        whole_document_change(
            doc_id, f"published: {written}", "date_iso", f"published: {iso} (read as a day)"
        )
    ]


def wire_metadata(row: dict[str, Any], metadata: dict[str, str]) -> list[str]:
    """What a wire story's notes give the row (in place), and ``metadata_note``'s words for
    it: an empty ``author`` filled with the reporters of the credit line ("(Reporting by Brad
    Brooks in Lubbock, Texas; ...)", :func:`credit_reporters`: a Reuters story as a paper runs
    it has no byline), and the correction note cleaning took out of the text ("This story has
    been corrected to show that ...", ``metadata["correction"]``), kept where a researcher
    comparing versions of a story finds it."""
    notes = []
    reporters = credit_reporters(metadata.get("credits", "")) if not row.get("author") else None
    if reporters:
        row["author"] = reporters
        notes.append(f"author: read from the wire credit line '{metadata['credits']}'")
    if metadata.get("correction"):
        notes.append(f"correction note in the text: '{metadata['correction']}'")
    return notes


# a time of day a dateline or an "Updated" line gives: "11:20 a.m.", "3:45 PM", "15:45",
# "9.12am" (not "21.10" of "21.10.2025": a dot only before am or pm)
_CLOCK_RE = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2})?(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?(?![\d:])"
    r"|(?<![\d.:])(?P<h2>\d{1,2})\.(?P<m2>\d{2})\s*(?P<ap2>[ap])\.?\s?m\b",
    re.IGNORECASE,
)
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _clock(written: str) -> str | None:
    """The time ``written`` gives, as "HH:MM" on 24 hours, or None."""
    match = _CLOCK_RE.search(written)
    if match is None:
        return None
    hour = int(match.group("h") or match.group("h2"))
    minute = int(match.group("m") or match.group("m2"))
    half = (match.group("ap") or match.group("ap2") or "").lower()
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def published_with_time(
    row: dict[str, Any], metadata: dict[str, str], doc_id: str
) -> list[AuditEntry]:
    """A ``published`` day given the time of day the text's "Updated" line (else its dateline)
    gives, in place ("2024-10-11" and "UPDATED 11:20 a.m." → "2024-10-11T11:20"), with
    ``date_note`` saying where it came from and an audit entry (rule ``published_time``): a
    tester's two updates of one AP story, pasted by one paper on one day, could not be put in
    order. Only when the line gives no other day than ``published``'s; the time as written (a
    time zone it names is not applied)."""
    published = row.get("published")
    if not isinstance(published, str) or not _ISO_DAY_RE.fullmatch(published.strip()):
        return []
    day = published.strip()
    for key, what in (("updated", "'Updated' line"), ("dateline", "dateline")):
        written = metadata.get(key, "")
        clock = _clock(written) if written else None
        if clock is None or _iso_date(written) not in ("", day):
            continue
        row["published"] = f"{day}T{clock}"
        note = f"Time read from the text's {what}: '{written}'."
        if f"'{written}'" in (row.get("date_note") or ""):
            note = "Time read from the same line."  # the day was read from it
        row["date_note"] = f"{row['date_note']} {note}".strip() if row.get("date_note") else note
        return [
            whole_document_change(
                doc_id,
                f"published: {published}",
                "published_time",
                f"published: {row['published']} (time from the text's {what})",
            )
        ]
    return []


def language_as_code(row: dict[str, Any], doc_id: str) -> list[AuditEntry]:
    """A given ``language`` that names a language ("English", "ENGLISH", "Deutsch") rewritten
    as its ISO 639-1 code, in place, with an audit entry (rule ``language_code``): a tester's
    corpus mixed Factiva's "English", Nexis Uni's "ENGLISH" and pastes' "en", so a filter on
    ``language == "en"`` kept a third of its English articles
    (:func:`analysis.corpus.language.language_code`)."""
    written = row.get("language")
    if not isinstance(written, str) or not written.strip():
        return []
    code = language_code(written)
    if code is None or code == written.strip():
        return []
    row["language"] = code
    return [
        whole_document_change(
            doc_id, f"language: {written}", "language_code", f"language: {code} (ISO 639-1)"
        )
    ]


def published_from_metadata(metadata: dict[str, str]) -> tuple[str, str]:
    """``(ISO date, note)`` of the date a text's dateline gives (cleaning's
    ``metadata["dateline"]``, else its "Updated ..." line, ``metadata["updated"]``), or
    ``("", "")`` when it gives none that reads as a day ("3 hours ago", "03/04/2025": the day
    is unknown or ambiguous). A page pasted from a browser has its date only there, so a manifest
    without ``published`` gets it, and ``date_note`` says where it came from, as a researcher
    would note it."""
    for key, what in (("dateline", "dateline"), ("updated", "'Updated' line")):
        written = metadata.get(key, "")
        iso = _iso_date(written)
        if key == "updated" and not written.lstrip().lower().startswith("updated"):
            what = "date line"  # "Published March 3, 2025 ... | Updated ...", read from its start
        if iso:
            return iso, f"Read from the text's {what}: '{written}'."
    return "", ""


def _iso_date(written: str) -> str:
    """The ISO date ``written`` gives ("Oct. 21, 2025", "Tuesday, 3 March 2024", "2024-03-03
    10:15", "21.10.2025, 16.08 Uhr", "10/21/2025"), or "" (also for "03/04/2025": which is the
    month is not known)."""
    if not written:
        return ""
    # a page's date and time copied without a space between: "October 21, 20255:00 AM ET"
    written = _GLUED_TIME_RE.sub(r"\1 ", written)
    found = date_of(written)
    if found:
        return found[0]
    head = written.strip()[:10]
    try:
        return date.fromisoformat(head).isoformat()
    except ValueError:
        return _numeric_date(written)


_GLUED_TIME_RE = re.compile(r"\b((?:19|20)\d{2})(?=\d{1,2}[:.]\d{2}\b)")
_NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})\b")
# a whole value with a two-digit year, as a spreadsheet writes it: "31.12.24", "3/7/24 10:15"
_SHORT_YEAR_DATE_RE = re.compile(r"\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?:[ ,T].*)?", re.S)


def numeric_date_parts(written: str) -> tuple[int, str, int, int] | None:
    """``(first, separator, second, year)`` of a date in numbers ("21.10.2025", "10/21/2025",
    "3-7-2024", or a whole value with a two-digit year, "31.12.24": 00–68 are 2000–2068 and
    69–99 1969–1999, as :func:`time.strptime` reads them), or None."""
    match = _NUMERIC_DATE_RE.search(written)
    if match is not None:
        return int(match[1]), match[2], int(match[3]), int(match[4])
    short = _SHORT_YEAR_DATE_RE.fullmatch(written)
    if short is None:
        return None
    year = int(short[4])
    return int(short[1]), short[2], int(short[3]), year + (2000 if year < 69 else 1900)


def _numeric_date(written: str) -> str:
    """The ISO date of a date in numbers ("21.10.2025", "10/21/2025", "31.12.24") when it can
    be only one day: dots are written day first (German, French, Russian usage); with slashes or
    hyphens, the part above 12 is the day, and a date whose two parts are both 12 or less is
    ambiguous (""), as both orders are in use, unless they are equal ("02/02/2017" is one day
    either way; :mod:`analysis.corpus.date_order` then reads it as the corpus's other dates)."""
    parts = numeric_date_parts(written)
    if parts is None:
        return ""
    first, sep, second, year = parts
    if sep == "." or first > 12 >= second or first == second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return ""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _prepare(record: dict) -> tuple[dict, dict, Page | None, str, list[AuditEntry]]:
    """A raw record's manifest fields, extracted page (HTML), text to clean and audit so far."""
    audit_entries: list[AuditEntry] = []
    doc_id = str(record["doc_id"])
    encoding = str(record.get("encoding", "utf-8") or "utf-8")
    if encoding != "utf-8":
        if encoding in ("utf-16", "utf-32"):
            reason = "the file starts with its byte order mark"
        elif encoding == _FALLBACK_ENCODING:
            reason = "the file is not valid UTF-8"
        else:
            reason = "the file is not valid UTF-8 and the page declares this charset"
        audit_entries.append(
            whole_document_change(
                doc_id,
                f"(whole file, {encoding} bytes)",
                "decode_fallback",
                f"decoded as {encoding} because {reason}",
            )
        )
    raw_text = str(record["raw_text"] or "")
    row = {c: str(record.get(c, "") or "") for c in MANIFEST_COLUMNS}
    as_page = record.get("raw_format") == "html"
    if not as_page and is_html_page(raw_text):  # a page in a text column or a .txt file
        as_page = True
        audit_entries.append(
            whole_document_change(
                doc_id,
                f"(whole text, {len(raw_text)} characters)",
                "html_page_in_text",
                "the text is a whole HTML page (it opens with a doctype or <html>): its "
                "article was extracted as from a saved page",
            )
        )
    page = read_page(record, row, audit_entries) if as_page else None
    if page is not None:
        raw_text = page.text
    elif record.get("raw_format") in EXPORT_FORMATS:  # a news database's article
        raw_text = export_text(record, audit_entries)
    else:  # a clipped note's or a site generator's front matter (analysis.corpus.front_matter)
        matter = read_front_matter(raw_text, doc_id, row, audit_entries)
        raw_text = matter.text
        if matter.notes:
            page = Page(raw_text, matter.notes, None)
        if not row["outlet"].strip():  # a note the manifest lists without an outlet
            row["outlet"] = UNKNOWN
            warn_user(
                f"{record.get('file') or doc_id}: the manifest gives no outlet and the note's "
                f"front matter names no site or address; its outlet is '{UNKNOWN}'. Give its "
                f"outlet in {MANIFEST_NAME}."
            )
    return record, row, page, raw_text, audit_entries


def sentence_table(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: ``doc_id, outlet, origin, sentence_id, sentence, n_words``.

    Words are counted over the whole column at once (:func:`count_words_many`, the counts of
    :func:`count_words`). A document column that is already the text column pandas would infer
    from its values (the usual case) is repeated by position (one pyarrow take) rather than
    converted from Python strings again; any other is built row by row, as pandas infers it.

    With cleaning's ``speakers`` column (:func:`clean_documents`), each sentence gets its
    transcript's speaker and role (:data:`SPEAKER_COLUMNS`, "" outside transcripts).
    """
    keys = documents[_SENTENCE_KEYS]
    texts = documents["text"].tolist()
    if SPEAKERS in documents.columns:
        split, speakers = _split_with_speakers(texts, documents[SPEAKERS].tolist())
    else:
        split, speakers = [split_sentences(text) for text in texts], None
    sentences = list(chain.from_iterable(split))
    if sentences and all(keys[c].dtype == _inferred_text_dtype() for c in _SENTENCE_KEYS):
        counts = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
        at = np.repeat(np.arange(len(split)), counts)
        starts = np.repeat(np.cumsum(counts) - counts, counts)
        data = {c: keys[c].array.take(at) for c in _SENTENCE_KEYS}
        data["sentence_id"] = np.arange(len(sentences), dtype=np.int64) - starts
        data["sentence"] = pd.array(sentences, dtype=_inferred_text_dtype())
        table = pd.DataFrame(data)
    else:
        rows = [
            (*key, i, sentence)
            for key, parts in zip(keys.itertuples(index=False), split, strict=True)
            for i, sentence in enumerate(parts)
        ]
        table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS[:-1])
    table["n_words"] = count_words_many(sentences)
    if speakers is not None:
        for k, column in enumerate(SPEAKER_COLUMNS):
            values = [pair[k] for pair in speakers]
            table[column] = pd.array(values, dtype=_inferred_text_dtype())
    # both are int64 already on the usual path (np.arange, count_words_many): astype would
    # only copy the table
    wrong = {c: "int64" for c in ("sentence_id", "n_words") if table[c].dtype != np.int64}
    return table.astype(wrong) if wrong else table


def _split_with_speakers(
    texts: list[str], speakers: list[Sequence[tuple[str, str]]]
) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """Each text's sentences (as :func:`split_sentences` splits it), and each sentence's
    speaker ``(label, role)``: the speaker of its line where cleaning found a transcript's
    speakers, one per non-blank line (``speakers``), else ``("", "")``. Split line by line
    there, which splits alike: :func:`split_sentences` splits each line on its own."""
    split: list[list[str]] = []
    out: list[tuple[str, str]] = []
    for text, lines_speakers in zip(texts, speakers, strict=True):
        # (most texts have no speakers: their lines are not needed)
        lines = [line for line in text.splitlines() if line.strip()] if len(lines_speakers) else []
        if not len(lines_speakers) or len(lines_speakers) != len(lines):
            parts = split_sentences(text)
            split.append(parts)
            out.extend([("", "")] * len(parts))
            continue
        parts = []
        for line, (label, role) in zip(lines, lines_speakers, strict=True):
            found = split_sentences(line)
            parts.extend(found)
            out.extend([(label, role)] * len(found))
        split.append(parts)
    return split, out


_SENTENCE_KEYS = SENTENCE_COLUMNS[:3]  # the document columns each sentence row repeats


@lru_cache(maxsize=1)
def _inferred_text_dtype() -> pd.api.extensions.ExtensionDtype:
    """The dtype a DataFrame infers for a column of Python strings (its default text dtype)."""
    return pd.DataFrame({"x": ["x"]})["x"].dtype


def sentence_counts(doc_ids: pd.Series, sentences: pd.DataFrame) -> dict[str, np.ndarray]:
    """``n_sentences`` and ``n_words`` of each document in ``doc_ids`` (0 for none), in order.

    Counted over the codes of the sentences' ``doc_id`` (sentences without one count for no
    document), without pandas' grouping machinery: this runs once per chunk of every corpus.
    """
    codes, keys = pd.factorize(sentences["doc_id"])
    counted = codes >= 0
    codes = codes[counted]
    words = sentences["n_words"].to_numpy(dtype=np.int64)[counted]
    totals = {
        "n_sentences": np.bincount(codes, minlength=len(keys)),
        "n_words": np.zeros(len(keys), dtype=np.int64),
    }
    np.add.at(totals["n_words"], codes, words)
    at = pd.Index(keys).get_indexer(doc_ids)
    found = at >= 0
    out = {}
    for column, total in totals.items():
        out[column] = np.zeros(len(at), dtype=np.int64)
        out[column][found] = total[at[found]]
    return out


def split_documents(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split clean documents into sentences once; return ``(documents, sentences)``.

    The sentences carry the documents' own extra metadata columns (:func:`extra_columns`) after
    the standard ones (a corpus's columns of text are left out once the whole corpus is known:
    :func:`text_metadata_columns`, ``analysis.loading``).

    The documents gain ``n_sentences`` and ``n_words`` computed from the sentence table, so the
    two tables always agree (a document's words are the sum of its sentences' words); cleaning's
    per-line speakers (column ``speakers``) become the sentences' :data:`SPEAKER_COLUMNS` and
    leave the documents.
    """
    sentences = sentence_table(documents)
    documents = documents.assign(**sentence_counts(documents["doc_id"], sentences))
    extra = [c for c in PAGE_COLUMNS if c in documents.columns]
    extras = extra_columns(documents)
    ordered = [*DOCUMENT_COLUMNS, "n_encoding_repairs", "encoding", *extra, *extras]
    if extras:  # the user's own metadata, so that sentences can be grouped by it
        sentences = sentences.join(documents.set_index("doc_id")[extras], on="doc_id")
    return documents[ordered], sentences


def _warn_read_as_cp1252(raw: pd.DataFrame) -> None:
    """Warn about the article files read as cp1252 because they are not UTF-8: the guess is
    right for Western text saved on Windows, and wrong for another Western code page (Central
    European cp1250 reads "ł" as "³"); the audit has one decode_fallback row each, which a
    tester never saw, and the README promised a warning."""
    if "encoding" not in raw.columns:
        return
    ids = raw.loc[raw["encoding"].astype(str) == _FALLBACK_ENCODING, "doc_id"].astype(str)
    if ids.empty:
        return
    warn_user(
        f"{len(ids)} article file(s) are not UTF-8 and were read as cp1252 (Windows Western): "
        f"{first_ids(ids.tolist())}. Check that their accented letters and quotation marks "
        "read right in documents.csv, or re-save them as UTF-8 (each is in the audit as "
        "decode_fallback)."
    )


def build_corpus(corpus_dir: Path | str | None = None) -> Corpus:
    """Load, check, repair, clean and split a corpus folder (default: the bundled ``seeds/``).

    Internal: :func:`analysis.load_corpus` calls this for a folder (and adds the measures and
    the cache); use that.
    """
    raw = read_raw_documents(corpus_dir)
    _warn_read_as_cp1252(raw)
    documents, audit = clean_documents(raw)
    documents, sentences = split_documents(documents)
    no_text = documents["n_words"] == 0
    exported = documents["doc_id"].isin(raw.loc[raw["raw_format"].isin(EXPORT_FORMATS), "doc_id"])
    if (no_text & exported).any() and not no_text.all():
        # an export's article may be a graphic, a table or a headline alone: left out, as a
        # corpus file's empty rows are, rather than stopping a search of hundreds of articles
        ids = documents.loc[no_text & exported, "doc_id"].astype(str).tolist()
        shown = first_ids(ids)
        warn_user(
            f"{len(ids)} article(s) of news database exports have no text left after their "
            f"header and footer lines (a graphic, a table or a headline alone) and are left "
            f"out: {shown}. Their lines are in the audit."
        )
        documents = documents[~(no_text & exported)].reset_index(drop=True)
        no_text = documents["n_words"] == 0
    empty = documents.loc[no_text, ["doc_id", "file", "extraction_problem"]]
    galleries = photo_galleries(audit, empty["doc_id"])
    problems = [
        problem
        or f"{name}: no article text left after cleaning"
        + (f": {galleries[doc_id]}" if doc_id in galleries else "")
        for doc_id, name, problem in empty.itertuples(index=False)
    ]
    if len(empty) and no_text.all():
        raise CorpusError(
            problems, folder=Path(corpus_dir) if corpus_dir is not None else default_corpus_dir()
        )
    if len(empty):
        # left out and said, as a corpus file's empty rows are: one failed scrape among a
        # tester's folder of pages stopped the whole run, while the same rows as a CSV ran
        ids = documents.loc[no_text, "doc_id"].astype(str).tolist()
        warn_user(
            f"{len(ids)} article(s) have no text left after cleaning and are left out: "
            + "; ".join(problems[:5])
            + ("; …" if len(problems) > 5 else "")
            + " (their lines are in cleaning_audit.csv; each is listed there as no_text_left)"
        )
        audit = pd.concat(
            [audit, audit_frame(AuditEntry(d, 0, "", "no_text_left", LEFT_OUT, "") for d in ids)],
            ignore_index=True,
        )
        documents = documents[~no_text].reset_index(drop=True)
        sentences = sentences[~sentences["doc_id"].astype(str).isin(ids)].reset_index(drop=True)
    return Corpus(documents=documents, sentences=sentences, audit=audit)


def photo_galleries(audit: pd.DataFrame | None, doc_ids: pd.Series) -> dict[str, str]:
    """Of ``doc_ids``, those whose removed and moved lines in ``audit`` are a photo gallery's
    (:func:`~analysis.corpus.cleaning.is_photo_gallery`), each with what to say of it
    (:data:`~analysis.corpus.cleaning.GALLERY_NOTE`, and that only its title was left when
    that line moved to the title, rule ``gallery_title``): said of a document left without
    text, so that a gallery is not reported as an article whose text was lost."""
    if audit is None or not len(audit) or not len(doc_ids):
        return {}
    wanted = set(doc_ids.astype(str))
    # lines removed or moved, not a page's blocks that extraction left out (NOT_EXTRACTED)
    lines_gone = ~audit["action"].isin(("changed", NOT_EXTRACTED))
    rows = audit[audit["doc_id"].astype(str).isin(wanted) & lines_gone]
    out = {}
    for doc_id, rules in rows.groupby(rows["doc_id"].astype(str), sort=False)["rule"]:
        rules = rules.astype(str)
        if is_photo_gallery(rules):
            titled = (rules == "gallery_title").any()
            out[str(doc_id)] = GALLERY_NOTE + ("; only its title was left" if titled else "")
    return out


def corpus_fingerprint(corpus: Path | str) -> str:
    """SHA-256 identifying a corpus folder or corpus file (hex).

    A file (CSV/TSV/JSONL/Parquet/XLSX): the SHA-256 of its bytes, the value ``sha256sum``
    prints, so a reader can check a summary against the file they hold. A folder: SHA-256 over
    the name and bytes of every non-hidden file in it, sorted by name, except its settings file
    ``analysis.toml`` (the lexicons are hashed on their own, see :mod:`analysis.settings`), so
    the corpus hash names the articles and their metadata only. Files are read in blocks
    (:func:`hashlib.file_digest`), so a corpus file of several gigabytes hashes in constant
    memory.
    """
    path = Path(corpus)
    if path.is_file():
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    digest = hashlib.sha256()
    if not path.is_dir():
        raise FileNotFoundError(f"corpus not found: {path}")
    for item in sorted(path.iterdir()):
        if item.is_file() and not item.name.startswith(".") and item.name != SETTINGS_FILE:
            digest.update(item.name.encode("utf-8") + b"\0")
            _hash_into(digest, item)
            digest.update(b"\0")
    return digest.hexdigest()


def _hash_into(digest: hashlib._Hash, path: Path) -> None:
    """Feed the bytes of ``path`` into ``digest`` (``file_digest`` updates the object given)."""
    with path.open("rb") as handle:
        hashlib.file_digest(handle, lambda: digest)
