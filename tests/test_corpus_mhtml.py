"""Pages saved by a browser as one file (MHTML) are read as their HTML page."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.corpus.mhtml import mhtml_page

ADDRESS = "https://news.example.org/2025/10/31/port-strike"
PARAGRAPHS = [
    "Dock workers at the city's container port walked out on Thursday after talks on pay broke "
    "down, union leaders said, halting the loading of ships for the first time in a decade.",
    "The port authority called the strike regrettable and said contingency plans would keep "
    "food and medicine moving, though freight companies warned of delays lasting weeks.",
    "Negotiators for both sides are expected to meet again on Monday, according to a statement "
    "issued late on Thursday by the regional labour mediation office.",
]


def _html(charset_meta: str = "UTF-8", text: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in text)
    return (
        "<!DOCTYPE html><html lang='en'><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
        "<title>Port workers strike</title></head><body><nav><a href='/'>Home</a> "
        f"<a href='/world'>World</a></nav><article><h1>Port workers strike</h1>{body}</article>"
        "<footer>(c) 2025 Example News</footer></body></html>"
    )


def _mhtml(html: bytes, part_charset: str | None = None) -> bytes:
    """An MHTML file as Chrome writes it: the page quoted-printable, an image in base64."""
    boundary = "----MultipartBoundary--5kXbQ9n2----"
    content_type = "text/html" + (f"; charset={part_charset}" if part_charset else "")
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode("ascii")
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {ADDRESS}\r\n"
        "Subject: Port workers strike\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {ADDRESS}\r\n\r\n"
    ).encode("ascii")
    tail = (
        f"\r\n--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.org/logo.png\r\n\r\n"
        f"{image}\r\n--{boundary}--\r\n"
    ).encode("ascii")
    return head + quopri.encodestring(html) + tail


def test_the_html_part_is_taken_out_and_its_transfer_encoding_undone() -> None:
    html = _html().encode("utf-8")
    page = mhtml_page(_mhtml(html), "story.mhtml")
    assert page.html == html
    assert page.address == ADDRESS
    assert page.charset is None  # the part's header names none; the page's meta does


def test_the_parts_charset_is_kept() -> None:
    page = mhtml_page(_mhtml(_html("windows-1251").encode("cp1251"), "windows-1251"), "s.mht")
    assert page.charset == "cp1251"


def test_a_file_without_a_page_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"notes\.mhtml: no HTML page in it"):
        mhtml_page(b"Just some notes, not a saved page.\n", "notes.mhtml")


@pytest.fixture
def saved_pages(tmp_path: Path) -> Path:
    """A folder as a user saves pages: one MHTML from Chrome, one Russian page in windows-1251
    (its own meta), one Chinese page in GBK saved as MHTML (the part's header names it)."""
    folder = tmp_path / "saved pages"
    folder.mkdir()
    (folder / "Port workers strike.mhtml").write_bytes(_mhtml(_html().encode("utf-8")))
    russian = [
        "Президент заявил в четверг, что переговоры о пошлинах продолжатся на следующей неделе."
    ] * 3
    (folder / "kommersant.html").write_bytes(_html("windows-1251", russian).encode("cp1251"))
    chinese = ["商务部周四表示，稀土出口管制措施将暂停实施一年，中美双方将继续磋商。"] * 3
    (folder / "caixin.mht").write_bytes(_mhtml(_html("GBK", chinese).encode("gbk"), "gbk"))
    return folder


def test_a_folder_of_saved_pages_reads_each_in_its_own_encoding(saved_pages: Path) -> None:
    with pytest.warns(UserWarning) as said:
        corpus = load_corpus(saved_pages, progress=False, jobs=1)
    messages = [str(w.message) for w in said]
    assert any("kommersant.html: the page names no site" in m for m in messages)
    assert not any("mhtml" in m or ".mht:" in m for m in messages)
    # the pages' template says lang='en' of a Russian and a Chinese page: believed, but said
    assert any("given as English but their text reads as another" in m for m in messages)
    docs = corpus.documents.set_index("file")
    assert (
        "Dock workers at the city's container port walked out"
        in docs.loc["Port workers strike.mhtml", "text"]
    )
    assert "Home" not in docs.loc["Port workers strike.mhtml", "text"].split()
    assert docs.loc["Port workers strike.mhtml", "url"] == ADDRESS
    assert docs.loc["Port workers strike.mhtml", "encoding"] == "utf-8"
    assert "Президент заявил" in docs.loc["kommersant.html", "text"]
    assert docs.loc["kommersant.html", "encoding"] == "cp1251"
    assert "稀土出口管制" in docs.loc["caixin.mht", "text"]
    assert docs.loc["caixin.mht", "encoding"] == "gb18030"
    audit = corpus.audit
    declared = audit[audit["rule"] == "decode_fallback"]
    assert set(declared["doc_id"]) == {
        docs.loc["kommersant.html", "doc_id"],
        docs.loc["caixin.mht", "doc_id"],
    }
    assert declared["result"].str.contains("declares this charset").all()
    assert docs.loc["Port workers strike.mhtml", "outlet"] == "example.org"


@pytest.mark.parametrize("name", ["story.html", "story.mhtml", "Story.HTM"])
def test_one_saved_page_given_as_the_corpus_is_refused_with_what_to_do(
    tmp_path: Path, name: str
) -> None:
    from analysis.corpus.files import CorpusFileError

    path = tmp_path / name
    path.write_text(_html(), encoding="utf-8")
    with pytest.raises(CorpusFileError, match="put the pages in a folder and give the folder"):
        load_corpus(path, progress=False, jobs=1)
