"""apply_other_languages: the documents flagged ``language`` kept, or left out with their
sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.quality import apply_other_languages

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c"], "quality_flags": ["short", "language;short", ""]})
SENTS = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "sentence": ["1", "2", "3", "4"]})


def test_keep_returns_both_tables_unchanged() -> None:
    docs, sents = apply_other_languages(DOCS, SENTS, "keep")
    assert docs is DOCS and sents is SENTS


def test_drop_leaves_out_the_flagged_documents_and_their_sentences() -> None:
    docs, sents = apply_other_languages(DOCS, SENTS, "drop")
    assert docs["doc_id"].tolist() == ["a", "c"]
    assert sents["sentence"].tolist() == ["1", "4"]
    assert sents.index.tolist() == [0, 1]


def test_a_flag_that_only_contains_the_word_is_not_language() -> None:
    docs = DOCS.assign(quality_flags=["languages_checked", "", ""])
    kept, _ = apply_other_languages(docs, SENTS, "drop")
    assert kept["doc_id"].tolist() == ["a", "b", "c"]


def test_an_unknown_mode_is_refused_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="keep, drop"):
        apply_other_languages(DOCS, SENTS, "remove")
