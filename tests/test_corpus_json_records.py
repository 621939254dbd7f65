"""JSON corpus files: JSON Lines, or one document as news APIs answer, nested fields flattened."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analysis.corpus.files import CorpusFileError, read_chunks
from analysis.corpus.json_records import (
    JsonRecordsError,
    document_records,
    flattened,
    is_one_document,
    json_records,
    line_records,
)

ARTICLE = {"source": {"id": "bbc-news", "name": "BBC News"}, "content": "Buses run again."}


def test_flattened_names_nested_fields_with_dots() -> None:
    record = {"a": 1, "source": {"id": None, "name": "X", "more": {"k": 2}}, "tags": ["t"], "e": {}}
    assert flattened(record) == {
        "a": 1, "source": record["source"], "source.id": None, "source.name": "X",
        "source.more": {"k": 2}, "source.more.k": 2, "tags": ["t"], "e": {},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("document", "n"),
    [
        ({"status": "ok", "totalResults": 2, "articles": [ARTICLE, ARTICLE]}, 2),  # NewsAPI
        ({"response": {"status": "ok", "results": [ARTICLE] * 3}}, 3),  # the Guardian
        ([ARTICLE] * 4, 4),  # a top-level array
        (ARTICLE, 1),  # one article
    ],
)
@pytest.mark.parametrize("indent", [None, 2])
def test_one_document_gives_its_records(
    tmp_path: Path, document: object, n: int, indent: int | None
) -> None:
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(document, indent=indent), encoding="utf-8")
    assert is_one_document(path)
    records = list(json_records(path))
    assert len(records) == n
    assert all(r["source.name"] == "BBC News" for r in records)


def test_json_lines_named_json_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text("\n".join(json.dumps({**ARTICLE, "k": k}) for k in range(3)) + "\n", "utf-8")
    assert not is_one_document(path)
    assert [r["k"] for r in json_records(path)] == [0, 1, 2]
    zipped = tmp_path / "lines.jsonl.gz"
    zipped.write_bytes(gzip.compress(path.read_bytes()))
    assert [r["source.id"] for r in line_records(zipped)] == ["bbc-news"] * 3


def test_the_longest_list_is_read_and_the_others_are_named(tmp_path: Path) -> None:
    path = tmp_path / "answer.json"
    document = {"related": [ARTICLE], "articles": [ARTICLE, ARTICLE], "facets": {"x": [{"y": 1}]}}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.warns(UserWarning, match=r"2 objects of 'articles'.*'related' \(1\), 'facets.x'"):
        assert len(document_records(path)) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"articles": [', "not valid JSON"),
        ('[{"content": "a"}, 3, "b"]', "items 2, 3 of the top-level array are not JSON objects"),
        ("[1, 2]", "items 1, 2 of the top-level array are not JSON objects"),
        ("3", "holds no objects"),
    ],
)
def test_bad_documents_are_refused_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JsonRecordsError, match=message):
        list(json_records(path))


def test_a_newsapi_answer_is_a_corpus_file_with_mapped_nested_columns(tmp_path: Path) -> None:
    path = tmp_path / "answer.json"
    articles = [
        {**ARTICLE, "source": {"id": None, "name": name}, "content": f"Story {k} is here."}
        for k, name in enumerate(["BBC News", "Reuters", "BBC News"])
    ]
    path.write_text(json.dumps({"status": "ok", "articles": articles}, indent=1), "utf-8")
    columns = r"columns are: source, source\.id, source\.name, content"
    with pytest.raises(CorpusFileError, match=columns):
        read_chunks(path)
    chunks, _ = read_chunks(path, {"text": "content", "outlet": "source.name"})
    raw = next(chunks)
    assert raw["outlet"].tolist() == ["BBC News", "Reuters", "BBC News"]
    assert raw["raw_text"].tolist() == [a["content"] for a in articles]


def test_a_bad_line_of_json_lines_is_named(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\nnot json\n", encoding="utf-8")
    with pytest.raises(CorpusFileError, match="line 2 is not valid JSON"):
        chunks, _ = read_chunks(path, {"text": "content", "outlet": "source.name"})
        list(chunks)
