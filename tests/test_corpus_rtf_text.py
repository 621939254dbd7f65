"""analysis.corpus.rtf_text: an RTF document read as its paragraphs."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.corpus.rtf_text import rtf_text

B = "\\"  # RTF's control character, kept out of Python's escapes


def _rtf(body: str, code_page: int = 1252, charset: int = 0) -> bytes:
    """An RTF document as TextEdit or Word writes one: the header, a font table, the document's
    information (its title and author: not text), a page header (not text), then ``body``."""
    head = (
        f"{{{B}rtf1{B}ansi{B}ansicpg{code_page}{B}deff0"
        f"{{{B}fonttbl{{{B}f0{B}fswiss{B}fcharset{charset} Helvetica;}}}}"
        f"{{{B}colortbl;{B}red0{B}green0{B}blue0;}}"
        f"{{{B}info{{{B}title Draft for the editor}}{{{B}author Ann Lee}}}}"
        f"{{{B}header {{{B}f0 Page 1 of the printout}}}}"
        f"{B}f0{B}fs24 "
    )
    return (head + body + "}").encode("ascii")


def test_paragraphs_are_lines_and_escapes_become_their_characters() -> None:
    body = (
        f"The caf{B}'e9 re-opened on Monday{B}emdash and the mayor said it was {B}ldblquote "
        f"overdue{B}rdblquote .{B}par "
        f"Owners{B}u8217?s plans include a terrace{B}line and a second floor.{B}par "
        f"{{{B}b Bold}} words stay words.{B}par"
    )
    text = rtf_text(_rtf(body), "cafe.rtf")
    assert text.strip("\n").split("\n") == [
        "The café re-opened on Monday\u2014and the mayor said it was \u201coverdue\u201d.",
        "Owners\u2019s plans include a terrace",
        "and a second floor.",
        "Bold words stay words.",
    ]
    # the document's information and its page header are not text
    assert "Draft for the editor" not in text and "Page 1" not in text and "Ann Lee" not in text


# as macOS TextEdit saves pasted text: a backslash before each line end is a paragraph break,
# a font table without inner groups, Cocoa's own control words
TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\tx1700\pardirnatural\partightenfactor0

\f0\fs24 \cf0 The caf\'e9 re-opened on Monday \'96 the mayor said it was \'93overdue\'94.\
Owners\'92 plans include a terrace.\
\
Residents welcomed the news.}
"""


def test_a_textedit_document_is_read_as_its_paragraphs() -> None:
    text = rtf_text(TEXTEDIT.encode("ascii"), "cafe.rtf")
    assert text.split("\n") == [
        "The café re-opened on Monday \u2013 the mayor said it was \u201coverdue\u201d.",
        "Owners\u2019 plans include a terrace.",
        "",
        "Residents welcomed the news.",
    ]


def test_a_code_page_and_characters_beyond_the_bmp_are_read() -> None:
    # Word's Cyrillic font (charset 204, Windows-1251): \'cc\'ee\'f1\'ea\'e2\'e0 is "Москва"
    moscow = "".join(f"{B}'{b:02x}" for b in "Москва".encode("cp1251"))
    body = f"{moscow} {B}u-10179?{B}u-8704? ok{B}par"
    text = rtf_text(_rtf(body, code_page=1251, charset=204), "m.rtf")
    assert text.strip() == "Москва \U0001f600 ok"
    # a lone surrogate cannot be written as UTF-8: it becomes U+FFFD instead of failing later
    assert rtf_text(_rtf(f"a {B}u-10179? b{B}par"), "x.rtf").strip() == "a \ufffd b"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 a docx renamed", "not an RTF document"),
        (b"\xd0\xcf\x11\xe0 an old .doc", "not an RTF document"),
        (b"", "not an RTF document"),
    ],
)
def test_what_is_not_rtf_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=rf"notes\.rtf: {message}"):
        rtf_text(data, "notes.rtf")


def test_a_folder_of_rtf_articles_is_read_and_a_nexis_uni_rtf_is_split(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    story = f"Dock workers walked out on Thursday after talks on pay broke down.{B}par "
    (folder / "strike.RTF").write_bytes(_rtf(story))
    nexis = "".join(
        f"{line}{B}par "
        for line in (
            "Ferry plan backed",
            "Valley Post",
            "May 3, 2025 Saturday",
            f"Length:{B}~230 words",
            "Body",
            "The island ferry will run twice a day from May, the minister announced.",
            "End of Document",
            "Bridge closed",
            "Harbour Times",
            "May 4, 2025 Sunday",
            "Body",
            "Engineers closed the old bridge for repairs that will take the winter.",
            "End of Document",
        )
    )
    (folder / "nexis.rtf").write_bytes(_rtf(nexis))
    (folder / "metadata.csv").write_text("file,outlet\nstrike.RTF,Harbour Times\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # but that these one-line articles are too short to guess a language, which is so
        warnings.filterwarnings("ignore", message=".*too short to guess a language")
        docs = load_corpus(folder, progress=False, jobs=1).documents.set_index("doc_id")
    assert docs.loc["strike", "text"] == (
        "Dock workers walked out on Thursday after talks on pay broke down."
    )
    assert docs.loc[["nexis-1", "nexis-2"], "outlet"].tolist() == ["Valley Post", "Harbour Times"]
    assert docs.loc["nexis-1", "published"] == "2025-05-03"
    assert docs.loc["nexis-2", "text"].startswith("Engineers closed the old bridge")


def test_a_renamed_word_file_stops_the_load_naming_it(tmp_path: Path) -> None:
    from analysis.corpus.documents import CorpusError

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.rtf").write_bytes(b"PK\x03\x04 not rtf")
    (folder / "manifest.csv").write_text("doc_id,file,outlet\na,a.rtf,X\n")
    with pytest.raises(CorpusError, match=r"a\.rtf: not an RTF document"):
        load_corpus(folder, progress=False, jobs=1)
