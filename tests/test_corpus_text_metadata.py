"""Columns of text among a corpus's own metadata: kept with the documents, not copied to every
sentence, and refused as a grouping (analysis.corpus.documents.text_metadata_columns)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.documents import LABEL_CHARS, mean_chars, text_metadata_columns
from analysis.pipeline.params import ParameterError, check_group_column
from analysis.selection import check_group_labels, corpus_palette

BODY = (
    "The council approved the new bus lanes on Tuesday after a long debate. "
    "Residents said the change would cut journeys to the hospital. "
    "The mayor promised a review of the scheme next spring."
)
SNIPPET = " ".join(["The council approved the new bus lanes after a long debate in the city."] * 2)


def test_a_column_is_text_when_its_non_empty_values_average_the_label_length():
    assert mean_chars(pd.Series(["ab", "", None, "abcd"])) == 3.0
    assert mean_chars(pd.Series(["", None])) == 0.0
    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["A" * 300, "B"],  # ours: never a column of the user's text
            "lean": ["left", ""],
            "snippet": ["x" * LABEL_CHARS, ""],
            "tags": ["x" * (LABEL_CHARS - 1), "y" * (LABEL_CHARS - 1)],
        }
    )
    assert text_metadata_columns(documents) == ["snippet"]


def write_export(folder: Path, n: int = 4) -> Path:
    rows = [
        {"id": f"d{k}", "source": "AB"[k % 2], "body": BODY, "desk": ["city", "politics"][k % 2],
         "snippet": SNIPPET}
        for k in range(n)
    ]  # fmt: skip
    path = folder / "export.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("chunk_size", [None, 1])  # one chunk, and a chunk per article
def test_a_column_of_text_stays_with_the_documents_not_every_sentence(tmp_path, chunk_size):
    path = write_export(tmp_path)
    corpus = load_corpus(
        path,
        column_map="doc_id=id,outlet=source,text=body",
        progress=False,
        jobs=1,
        chunk_size=chunk_size,
    )
    assert list(corpus.documents["snippet"]) == [SNIPPET] * 4
    assert "snippet" not in corpus.sentences.columns
    assert set(corpus.sentences["desk"]) == {"city", "politics"}  # labels are copied


def test_a_folders_manifest_column_of_text_stays_with_the_documents(tmp_path):
    for k in range(2):
        (tmp_path / f"a{k}.txt").write_text(f"Headline {k}\n{BODY}\n", encoding="utf-8")
    pd.DataFrame(
        {"doc_id": ["a0", "a1"], "file": ["a0.txt", "a1.txt"], "outlet": ["A", "B"],
         "lean": ["left", "right"], "abstract": [SNIPPET, SNIPPET]}
    ).to_csv(tmp_path / "manifest.csv", index=False)  # fmt: skip
    corpus = load_corpus(tmp_path, progress=False)
    assert "abstract" in corpus.documents.columns
    assert "abstract" not in corpus.sentences.columns and "lean" in corpus.sentences.columns
    with pytest.raises(ParameterError, match="'abstract' holds text, not group names"):
        check_group_column(tmp_path, "abstract")
    check_group_column(tmp_path, "lean")


def test_grouping_by_a_column_of_text_is_refused_before_the_run_and_in_a_notebook(tmp_path):
    path = write_export(tmp_path)
    mapping = "doc_id=id,outlet=source,text=body"
    with pytest.raises(ParameterError, match=rf"its values average {len(SNIPPET)} characters"):
        check_group_column(path, "snippet", mapping)
    check_group_column(path, "desk", mapping)
    documents = load_corpus(path, column_map=mapping, progress=False, jobs=1).documents
    with pytest.raises(ValueError, match="'snippet' holds text"):
        corpus_palette(documents, "snippet")
    assert {"city", "politics"} <= set(corpus_palette(documents, "desk"))
    check_group_labels(documents, "outlet")  # ours, whatever its length
