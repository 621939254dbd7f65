"""A news API's truncation mark ("… [+2712 chars]") is cut from the text, audited and warned."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.cleaning import clean_text
from analysis.corpus.exports import (
    truncated_documents,
    truncated_documents_in_parquet,
    truncated_warning,
)
from analysis.corpus.normalisers import remove_truncation_mark


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The council met on Monday and… [+2712 chars]", "The council met on Monday and"),
        ("Riders welcomed it... [+1 char]", "Riders welcomed it"),
        ("The council met. [+95 chars]", "The council met."),
        # not at the end of the line, or not the mark: kept
        (
            "A [+12 chars] note in the middle of a line",
            "A [+12 chars] note in the middle of a line",
        ),
        ("Prices rose [+12%] on Monday", "Prices rose [+12%] on Monday"),
        ("It has 2712 chars in all.", "It has 2712 chars in all."),
    ],
)
def test_remove_truncation_mark(line: str, expected: str) -> None:
    assert remove_truncation_mark(line) == expected
    assert remove_truncation_mark(expected) == expected  # idempotent


def test_cleaning_cuts_the_mark_and_audits_it() -> None:
    raw = "Council backs bus plan\nThe council voted on Tuesday to expand the bus… [+1834 chars]"
    cleaned = clean_text(raw, "n1")
    assert cleaned.text.endswith("to expand the bus")
    (entry,) = [e for e in cleaned.audit if e.rule == "truncation_mark"]
    assert (entry.doc_id, entry.line_no, entry.action) == ("n1", 2, "changed")
    assert entry.original.endswith("[+1834 chars]")
    assert clean_text(cleaned.text, "n1").text == cleaned.text


def test_truncated_documents_and_their_warning() -> None:
    audit = pd.DataFrame(
        {"doc_id": ["b", "a", "b", "c"], "rule": ["truncation_mark", "truncation_mark",
                                                  "truncation_mark", "whitespace"]}
    )  # fmt: skip
    assert truncated_documents(audit) == ["a", "b"]
    message = truncated_warning(audit, 3)
    assert message is not None and message.startswith("2 of 3 documents end with")
    assert "(a, b)" in message
    assert truncated_warning(audit[audit["rule"] == "whitespace"], 3) is None
    assert truncated_documents(pd.DataFrame()) == []


def test_loading_a_newsapi_answer_warns_that_articles_were_cut(tmp_path: Path) -> None:
    from analysis import load_corpus

    articles = [
        {
            "source": {"id": None, "name": name},
            "title": f"Bus plan {k}",
            "url": f"https://example.com/{k}",
            "content": "The council voted on Tuesday to expand the bus network after months "
            f"of complaints from riders in the… [+{1000 + k} chars]",
        }
        for k, name in enumerate(["Reuters", "BBC News", "Reuters"])
    ]
    path = tmp_path / "answer.json"
    path.write_text(json.dumps({"status": "ok", "articles": articles}, indent=2), "utf-8")
    with pytest.warns(UserWarning, match=r"3 of 3 documents end with the mark of a text cut short"):
        corpus = load_corpus(
            path, column_map={"text": "content", "outlet": "source.name"}, progress=False
        )
    assert sorted(corpus.documents["outlet"]) == ["BBC News", "Reuters", "Reuters"]
    assert not corpus.documents["text"].str.contains("chars]", regex=False).any()
    assert set(corpus.audit.loc[corpus.audit["rule"] == "truncation_mark", "doc_id"]) == set(
        corpus.documents["doc_id"]
    )


def test_truncated_documents_of_an_audit_written_as_parquet(tmp_path: Path) -> None:
    audit = pd.DataFrame(
        {
            "doc_id": ["b", "a", "b", "c", "d"],
            "rule": ["truncation_mark", "excerpt_mark", "whitespace", "whitespace", "feed_footer"],
            "action": ["changed"] * 5,
        }
    )
    path = tmp_path / "cleaning_audit.parquet"
    audit.to_parquet(path)
    assert truncated_documents_in_parquet(path) == ["a", "b"] == truncated_documents(audit)
    assert truncated_documents_in_parquet(tmp_path / "missing.parquet") == []
    audit[["doc_id", "action"]].to_parquet(path)  # an audit without its rules
    assert truncated_documents_in_parquet(path) == []
