"""Article files kept gzip-compressed (:func:`analysis.corpus.documents.article_name`,
:func:`analysis.corpus.documents.gunzipped`): "page.html.gz", as crawlers and the article
extraction benchmarks keep pages, is read as the page its name holds, in memory, and never
extracted beside itself."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import pytest
from conftest import ARTICLE_A, PAGE_NAMING_ITS_SITE

from analysis import load_corpus
from analysis.corpus import documents
from analysis.corpus.documents import (
    CorpusError,
    article_name,
    corpus_fingerprint,
    gunzipped,
    read_raw_documents,
)


def _load_quietly(folder: Path):  # a folder without a manifest warns about its outlets
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


@pytest.mark.parametrize(
    ("name", "read_as"),
    [
        ("page.html.gz", "page.html"),
        ("Page.HTM.GZ", "Page.HTM"),
        ("story.txt.gz", "story.txt"),
        ("note.md.gz", "note.md"),
        ("export.csv.gz", "export.csv.gz"),  # a compressed export is no article
        ("pages.tar.gz", "pages.tar.gz"),
        ("page.html", "page.html"),
        (".gz", ".gz"),
    ],
)
def test_an_article_files_gz_ending_is_dropped_only_when_an_article_is_inside(
    name: str, read_as: str
) -> None:
    assert article_name(name) == read_as


def test_a_folder_of_compressed_pages_is_read_as_the_pages_they_hold(tmp_path: Path) -> None:
    # refused before: "the folder holds no .txt, … .html … files"
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    (plain / "story.html").write_text(PAGE_NAMING_ITS_SITE, encoding="utf-8")
    (plain / "brief.txt").write_text(ARTICLE_A, encoding="utf-8")
    (packed / "story.html.gz").write_bytes(gzip.compress(PAGE_NAMING_ITS_SITE.encode(), mtime=0))
    (packed / "brief.txt.gz").write_bytes(gzip.compress(ARTICLE_A.encode(), mtime=0))
    before = sorted(p.name for p in packed.iterdir())
    expected, got = _load_quietly(plain), _load_quietly(packed)
    columns = ["doc_id", "outlet", "text", "n_sentences"]
    assert got.documents[columns].equals(expected.documents[columns])
    assert got.documents["outlet"].tolist() == ["unknown", "Harbour Times"]  # the page's site
    assert got.sentences["sentence"].tolist() == expected.sentences["sentence"].tolist()
    assert sorted(p.name for p in packed.iterdir()) == before  # nothing extracted beside


def test_a_manifest_may_list_compressed_pages(make_corpus) -> None:
    folder = make_corpus(
        files={"a.html.gz": gzip.compress(PAGE_NAMING_ITS_SITE.encode(), mtime=0)},
        manifest=[{"doc_id": "a1", "file": "a.html.gz", "outlet": ""}],
    )
    raw = read_raw_documents(folder)
    assert raw["raw_format"].tolist() == ["html"]
    assert raw["raw_text"].tolist() == [PAGE_NAMING_ITS_SITE]
    assert _load_quietly(folder).documents["outlet"].tolist() == ["Harbour Times"]


def test_gzip_bytes_under_a_plain_name_are_read_as_the_page_they_hold(tmp_path: Path) -> None:
    # a page fetched as curl does without --compressed: the name says .html, the bytes are gzip
    (tmp_path / "fetched.html").write_bytes(gzip.compress(PAGE_NAMING_ITS_SITE.encode()))
    raw = read_raw_documents(tmp_path)
    assert raw["raw_text"].tolist() == [PAGE_NAMING_ITS_SITE]


def test_a_compressed_article_counts_in_the_corpus_hash(tmp_path: Path) -> None:
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE_NAMING_ITS_SITE.encode(), mtime=0))
    first = corpus_fingerprint(tmp_path)
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(b"<p>Another page.</p>", mtime=0))
    assert corpus_fingerprint(tmp_path) != first


def test_a_compressed_file_cut_short_is_refused_naming_it(tmp_path: Path) -> None:
    whole = gzip.compress(ARTICLE_A.encode(), mtime=0)
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "fine.txt").write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"cut\.txt\.gz: is gzip-compressed but cannot be"):
        read_raw_documents(tmp_path)


def test_a_file_decompressing_beyond_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_GUNZIPPED_BYTES", 1000)
    data = gzip.compress(b"a" * 1001)
    with pytest.raises(ValueError, match=r"big\.html\.gz: decompresses to more than"):
        gunzipped(data, "big.html.gz")
    assert gunzipped(gzip.compress(b"a" * 1000), "ok.html.gz") == b"a" * 1000


def test_every_member_of_a_gzip_stream_is_read() -> None:
    # gunzip reads a file of several members (cat a.gz b.gz > ab.gz) as their texts joined
    data = gzip.compress(b"<p>One.</p>", mtime=0) + gzip.compress(b"<p>Two.</p>", mtime=0)
    assert gunzipped(data, "ab.html.gz") == b"<p>One.</p><p>Two.</p>"
