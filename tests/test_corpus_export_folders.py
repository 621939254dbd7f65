"""A folder of export files (a news API's pages, a database's downloads) read as one corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.files import CorpusFileError, read_chunks

BODY = "The council voted on Tuesday to expand the bus network. Critics said it costs too much."


def _pages(folder: Path, rows_per_page: tuple[int, ...]) -> Path:
    folder.mkdir(exist_ok=True)
    for page, n in enumerate(rows_per_page, start=1):
        rows = [{"text": f"{BODY} Route {page}-{k}.", "outlet": "AB"[k % 2]} for k in range(n)]
        pd.DataFrame(rows).to_csv(folder / f"page{page}.csv", index=False)
    return folder


def test_the_files_are_read_in_name_order_as_one_stream_of_chunks(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages", (4, 3, 2))
    chunks, report = read_chunks(folder, chunk_size=4)
    frames = list(chunks)
    assert [len(f) for f in frames] == [4, 4, 1]  # across the files' boundaries
    docs = pd.concat(frames, ignore_index=True)
    assert docs["doc_id"].tolist()[:5] == [
        "page1-doc00000001", "page1-doc00000002", "page1-doc00000003", "page1-doc00000004",
        "page2-doc00000001",
    ]  # fmt: skip
    assert docs["file"].tolist()[-1] == "page3.csv:2"
    assert (report.n_rows, report.n_docs, report.n_generated_ids) == (9, 9, 9)
    assert report.outlets == {"A": 5, "B": 4} and report.finished
    # the same documents as one file holding every row
    whole = pd.concat([pd.read_csv(p) for p in sorted(folder.glob("*.csv"))], ignore_index=True)
    whole.to_csv(tmp_path / "all.csv", index=False)
    one, _ = read_chunks(tmp_path / "all.csv", chunk_size=4)
    single = pd.concat(list(one), ignore_index=True)
    for column in ("raw_text", "outlet"):
        assert docs[column].tolist() == single[column].tolist()


def test_skipped_empty_rows_are_named_with_their_file(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages", (2, 2))
    (folder / "page2.csv").write_text(f"text,outlet\n{BODY},A\n ,B\n", encoding="utf-8")
    chunks, report = read_chunks(folder)
    list(chunks)
    assert report.n_empty_skipped == 1 and report.empty_rows == ["page2.csv:3"]
    assert "1 row without text (sheet row page2.csv:3)" in report.summary()


def test_one_file_in_a_folder_keeps_its_plain_ids(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages", (2,))
    chunks, _ = read_chunks(folder)
    assert next(chunks)["doc_id"].tolist() == ["doc00000001", "doc00000002"]


def test_an_id_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in (1, 2):
        # the shared id's rows differ (a row repeated exactly is left out, not refused)
        rows = {"doc_id": [f"p{page}", "shared"], "text": [BODY, BODY], "outlet": ["A", f"B{page}"]}
        pd.DataFrame(rows).to_csv(folder / f"page{page}.csv", index=False)
    chunks, _ = read_chunks(folder)
    with pytest.raises(CorpusFileError, match=r"page2\.csv: doc_id 'shared' appears twice, in "
                       r"page1\.csv \(sheet row 3\) and here \(sheet row 3\)"):  # fmt: skip
        list(chunks)


def test_a_file_without_the_columns_is_refused_before_any_row(tmp_path: Path) -> None:
    folder = _pages(tmp_path / "pages", (2,))
    (folder / "page2.csv").write_text("body,outlet\nText.,A\n", encoding="utf-8")
    with pytest.raises(CorpusFileError, match=r"page2\.csv: no 'text' column"):
        read_chunks(folder)


def test_news_api_pages_load_as_one_corpus_with_their_own_columns(tmp_path: Path) -> None:
    from analysis import load_corpus

    folder = tmp_path / "answers"
    folder.mkdir()
    for page in (1, 2):
        articles = [
            {"source": {"id": None, "name": name}, "content": f"{BODY} Page {page}.",
             "authors": ["Ann Lee", "Bo Kim"], "lean": "left"}
            for name in ("BBC News", "Reuters")
        ]  # fmt: skip
        (folder / f"page{page}.json").write_text(json.dumps({"articles": articles}), "utf-8")
    (folder / "README.md").write_text("Pages fetched on 1 December.", "utf-8")
    mapping = {"text": "content", "outlet": "source.name"}
    corpus = load_corpus(folder, column_map=mapping, progress=False)
    docs = corpus.documents
    assert docs["outlet"].tolist() == ["BBC News", "Reuters"] * 2
    assert docs["lean"].tolist() == ["left"] * 4
    # a list is its JSON text; the object whose fields are columns is not repeated
    assert docs["authors"].iloc[0] == '["Ann Lee", "Bo Kim"]'
    assert "source" not in docs.columns and "source.id" in docs.columns
    chunks, report = read_chunks(folder, mapping)
    list(chunks)
    assert report.metadata_columns == ["source.id", "authors", "lean"]
    assert report.ignored_columns == ["source"]
    assert "not read: source" in report.summary()


def test_two_files_of_one_stem_get_ids_of_their_whole_names(tmp_path: Path) -> None:
    # news.csv beside news.jsonl: both generated "news-doc00000001", and the load was refused
    folder = tmp_path / "exports"
    folder.mkdir()
    pd.DataFrame([{"text": BODY, "outlet": "A"}]).to_csv(folder / "news.csv", index=False)
    (folder / "news.jsonl").write_text(json.dumps({"text": BODY, "outlet": "B"}) + "\n")
    (folder / "extra.csv").write_text(f"text,outlet\n{BODY},C\n", encoding="utf-8")
    chunks, _ = read_chunks(folder)
    docs = pd.concat(list(chunks), ignore_index=True)
    assert docs["doc_id"].tolist() == [
        "extra-doc00000001", "news.csv-doc00000001", "news.jsonl-doc00000001",
    ]  # fmt: skip
