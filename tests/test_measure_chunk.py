"""The per-document chunk step (:mod:`analysis.measure.chunk`): clean, split, measure."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.documents import SENTENCE_COLUMNS
from analysis.corpus.files import to_raw_docs
from analysis.measure.chunk import process_chunk


def _raw() -> pd.DataFrame:
    texts = [
        "Menu\nPorts reopened on Monday. Traders said fees may rise.",
        "Critics warned the deal is fragile.",
    ]
    columns = {"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "raw_text": texts}
    return to_raw_docs(columns, 2)


def test_a_chunk_is_cleaned_split_and_measured() -> None:
    result = process_chunk(_raw())
    assert result.documents["n_sentences"].tolist() == [2, 1]
    assert result.audit["rule"].tolist() == ["site_chrome"]
    assert list(result.sentences.columns[: len(SENTENCE_COLUMNS)]) == SENTENCE_COLUMNS
    assert {"compound", "compound_news"} <= set(result.sentences.columns)


def test_without_measures_the_chunk_stops_after_splitting() -> None:
    measured = process_chunk(_raw())
    plain = process_chunk(_raw(), measures=False)
    assert list(plain.sentences.columns) == SENTENCE_COLUMNS
    pd.testing.assert_frame_equal(plain.sentences, measured.sentences[SENTENCE_COLUMNS])
    pd.testing.assert_frame_equal(plain.documents, measured.documents)


def test_keep_text_false_drops_the_clean_text() -> None:
    assert "text" not in process_chunk(_raw(), keep_text=False).documents.columns


def test_after_cleaning_sees_the_clean_documents_before_they_are_split() -> None:
    seen: list[pd.DataFrame] = []
    result = process_chunk(_raw(), actors=False, after_cleaning=seen.append)
    assert len(seen) == 1
    clean = seen[0]
    assert "n_sentences" not in clean.columns  # not yet split
    assert clean["text"].tolist() == result.documents["text"].tolist()
    assert clean.index.equals(result.documents.index)
