"""Pages saved by Safari as a web archive are read as their main HTML resource."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.corpus.webarchive import webarchive_page

ADDRESS = "https://www.harbourtimes.co.uk/news/port-strike"
PARAGRAPHS = [
    "Dock workers at the city's container port walked out on Thursday after talks on pay broke "
    "down, union leaders said, halting the loading of ships for the first time in a decade.",
    "The port authority called the strike regrettable and said contingency plans would keep "
    "food and medicine moving, though freight companies warned of delays lasting weeks.",
]


def _html() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Port workers strike</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Port workers strike</h1>{body}</article>"
        "</body></html>"
    )


def _archive(html: bytes, encoding: str | None = "UTF-8", mime: str = "text/html") -> bytes:
    main = {
        "WebResourceData": html,
        "WebResourceMIMEType": mime,
        "WebResourceURL": ADDRESS,
        "WebResourceFrameName": "",
    }
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    logo = {
        "WebResourceData": b"\x89PNG" + bytes(50),
        "WebResourceMIMEType": "image/png",
        "WebResourceURL": "https://www.harbourtimes.co.uk/logo.png",
    }
    archive = {"WebMainResource": main, "WebSubresources": [logo]}
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def test_the_main_resource_is_taken_with_its_encoding_and_address() -> None:
    page = webarchive_page(_archive(_html().encode("cp1252"), "windows-1252"), "s.webarchive")
    assert page.html == _html().encode("cp1252")
    assert (page.charset, page.address) == ("cp1252", ADDRESS)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>not an archive</html>", "not a Safari web archive"),
        (plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY), "without its page"),
        (_archive(b"%PDF-1.4", mime="application/pdf"), "application/pdf, not an HTML page"),
    ],
)
def test_what_is_not_a_saved_page_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=rf"notes\.webarchive: .*{message}"):
        webarchive_page(data, "notes.webarchive")


def test_a_folder_of_safari_pages_is_read_as_articles(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "Port workers strike.webarchive").write_bytes(_archive(_html().encode("utf-8")))
    corpus = load_corpus(folder, progress=False, jobs=1)
    (doc,) = corpus.documents.to_dict("records")
    assert "Dock workers at the city's container port walked out" in doc["text"]
    assert (doc["url"], doc["outlet"], doc["encoding"]) == (ADDRESS, "harbourtimes.co.uk", "utf-8")


def test_a_broken_archive_stops_the_load_naming_it(tmp_path: Path) -> None:
    from analysis.corpus.documents import CorpusError

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "broken.webarchive").write_bytes(b"bplist00 truncated")
    with pytest.raises(CorpusError, match=r"broken\.webarchive: not a Safari web archive"):
        load_corpus(folder, progress=False, jobs=1)
