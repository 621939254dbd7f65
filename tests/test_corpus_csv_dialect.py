"""The field separator of a "CSV" file from its header line
(:func:`analysis.corpus.csv_dialect.header_separator`) and reading such files as a corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.csv_dialect import header_separator
from analysis.corpus.documents import read_raw_documents
from analysis.corpus.files import read_chunks


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("id,source,body\n1,a,b", ","),
        ('id;source;body\n1;a;"x, y, z, and more commas"', ";"),
        ("id\tsource\tbody", "\t"),
        ("id|source|body", "|"),
        ('"a;b",c', ","),  # a separator in quotes is a column name's
        ("id;source, name;body", ";"),  # the most frequent wins
        ("id;source,body", ","),  # a tie goes to the comma
        ("text", ","),  # one column
        ("", ","),
    ],
)
def test_header_separator_reads_the_first_line(text: str, separator: str) -> None:
    assert header_separator(text) == separator


def test_a_semicolon_csv_is_read_by_its_columns_and_says_so(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "id": ["r1", "r2"],
            "source": ["Harbour Herald", "Valley Courier"],
            "body": ["Prices rose 2,5 percent; traders, though, shrugged.", "Talks resumed."],
        }
    )
    path = tmp_path / "export.csv"
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    chunks, report = read_chunks(path, "doc_id=id,outlet=source,text=body")
    docs = pd.concat(list(chunks), ignore_index=True)
    assert docs["doc_id"].tolist() == ["r1", "r2"]
    assert docs["raw_text"].iloc[0] == "Prices rose 2,5 percent; traders, though, shrugged."
    assert report.separator == ";"
    assert "read as semicolon-separated" in report.summary()
    frame.to_csv(path, index=False)  # the same as a comma-separated file: nothing said
    chunks, report = read_chunks(path, "doc_id=id,outlet=source,text=body")
    assert len(pd.concat(list(chunks))) == 2 and "separated" not in report.summary()


def test_a_semicolon_manifest_is_read_by_its_columns(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Ministers agreed to pause grain tariffs.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "doc_id;file;outlet;title\na1;a.txt;Harbour Herald;Grain, rice and tariffs\n",
        encoding="utf-8",
    )
    raw = read_raw_documents(folder)
    assert raw["outlet"].tolist() == ["Harbour Herald"]
    assert raw["title"].tolist() == ["Grain, rice and tariffs"]
