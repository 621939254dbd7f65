"""Corpus files saved as UTF-16 or UTF-32 (Excel's "Unicode Text", Windows tools) are read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analysis.corpus.files import CorpusFileError, detect_format, read_chunks, text_file_encoding

ROWS = [
    ["text", "outlet", "title"],
    ["Riders in Zürich welcomed the “new” buses — finally.", "Daily Ledger", "Buses"],
    ["The council voted on Tuesday to expand the network.", "Post", "Vote"],
]


@pytest.mark.parametrize(
    ("name", "codec", "sep"),
    [
        ("export.tsv", "utf-16", "\t"),  # Excel's "Unicode Text", renamed from .txt
        ("export.csv", "utf-16-be", ","),
        ("export.csv", "utf-32", ";"),
        ("export.tsv.gz", "utf-16", "\t"),
    ],
)
def test_a_unicode_table_with_its_byte_order_mark_is_read(
    tmp_path: Path, name: str, codec: str, sep: str
) -> None:
    text = "\r\n".join(sep.join(row) for row in ROWS) + "\r\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # Python writes no mark for an explicit byte order
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    expected = "utf-32" if codec == "utf-32" else "utf-16"
    assert text_file_encoding(path) == expected
    chunks, report = read_chunks(path)
    raw = next(chunks)
    assert raw["raw_text"].tolist() == [ROWS[1][0], ROWS[2][0]]
    assert raw["outlet"].tolist() == ["Daily Ledger", "Post"]
    assert raw["encoding"].tolist() == [expected] * 2
    assert report.encoding == expected


def test_json_lines_in_utf16_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [json.dumps({"text": row[0], "outlet": row[1]}, ensure_ascii=False) for row in ROWS[1:]]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    chunks, _ = read_chunks(path)
    assert next(chunks)["raw_text"].tolist() == [ROWS[1][0], ROWS[2][0]]


def test_utf16_without_its_mark_is_refused_with_the_command_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("text,outlet\nA long enough sentence here.,X\n".encode("utf-16-le"))
    with pytest.raises(CorpusFileError, match=r"UTF-16-LE text without a byte order mark.*iconv"):
        text_file_encoding(path)


def test_a_broken_utf16_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("text,outlet\nOne,X\n".encode("utf-16") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(CorpusFileError, match="UTF-16 byte order mark but"):
        text_file_encoding(path)


def test_a_txt_table_is_refused_with_the_rename_to_make() -> None:
    # Excel's "Text (Tab-delimited)" too, which a tester saved (cp1252, read as a .tsv)
    with pytest.raises(
        CorpusFileError,
        match=r"'Unicode Text' or as 'Text \(Tab-delimited\)' is tab-separated: rename it to .tsv",
    ):
        detect_format("export.txt")
