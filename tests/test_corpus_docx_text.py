"""Word documents in a corpus folder: each one article, one line per paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_documents import docx_bytes

from analysis import load_corpus
from analysis.corpus.docx_text import docx_text

PARAGRAPHS = [
    "Dock workers at the city's container port walked out on Thursday after talks on pay broke "
    "down, union leaders said.",
    "The port authority called the strike regrettable and said contingency plans would keep "
    "food and medicine moving.",
]


def _paragraph(text: str) -> str:
    # two runs, as Word splits a paragraph where formatting or spell-checking changes
    half = len(text) // 2
    return f"<w:p><w:r><w:t>{text[:half]}</w:t></w:r><w:r><w:t>{text[half:]}</w:t></w:r></w:p>"


def test_each_paragraph_is_a_line_and_runs_are_joined() -> None:
    body = "".join(_paragraph(p) for p in PARAGRAPHS)
    assert docx_text(docx_bytes(body), "a.docx") == "\n".join(PARAGRAPHS)


def test_tabs_breaks_tables_kept_and_deleted_text_and_text_boxes_left() -> None:
    body = (
        "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t>second line</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>removed in review</w:delText></w:r></w:del>"
        "<w:r><w:t>kept</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>Body</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>PULL QUOTE</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>"
    )
    assert docx_text(docx_bytes(body), "a.docx").split("\n") == [
        "Name\tRole",
        "second line",
        "kept",
        "cell one",
        "cell two",
        "Body",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0 an old binary .doc", "not a Word .docx document"),
        (b"PK\x05\x06" + bytes(18), "not a Word .docx document"),  # an empty zip
    ],
)
def test_what_is_not_a_docx_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=rf"story\.docx: {message}"):
        docx_text(data, "story.docx")


def test_a_folder_of_word_documents_is_read_with_its_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "strike.docx").write_bytes(docx_bytes("".join(_paragraph(p) for p in PARAGRAPHS)))
    (folder / "manifest.csv").write_text(
        "doc_id,file,outlet\nstrike,strike.docx,Harbour Times\n", encoding="utf-8"
    )
    corpus = load_corpus(folder, progress=False, jobs=1)
    (doc,) = corpus.documents.to_dict("records")
    assert doc["text"] == "\n".join(PARAGRAPHS)
    assert (doc["outlet"], doc["encoding"]) == ("Harbour Times", "utf-8")
    assert corpus.sentences["sentence"].str.startswith("Dock workers").any()


def test_a_database_docx_of_several_articles_is_warned_about(tmp_path: Path) -> None:
    folder = tmp_path / "nexis"
    folder.mkdir()
    story = "".join(_paragraph(p) for p in PARAGRAPHS)
    end = "<w:p><w:r><w:t>End of Document</w:t></w:r></w:p>"
    (folder / "Files (2).docx").write_bytes(docx_bytes(story + end + story + end))
    (folder / "manifest.csv").write_text(
        "doc_id,file,outlet\nnexis,Files (2).docx,Nexis\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning, match=r"Files \(2\)\.docx"):
        load_corpus(folder, progress=False, jobs=1)
