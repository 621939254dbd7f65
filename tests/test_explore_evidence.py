"""evidence() on a run's sentences table says when the codebook it reads is not the run's."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.explore import evidence


def _sentences(flags: list[bool]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "sentence_id": [0, 1, 0],
            "outlet": ["X", "X", "Y"],
            "sentence": ["Rivals traded attacks.", "Fares rose by a fifth.", "A calm day."],
            "frame_conflict": flags,
        }
    )


def test_a_table_coded_with_another_codebook_is_warned_about(tmp_path) -> None:
    """A tester's evidence(sentences, "conflict") read the package's codebook by default and
    showed 6 sentences where her run's table had 11."""
    book = tmp_path / "book.toml"
    book.write_text('[[frames]]\nkey = "conflict"\nlabel = "Conflict"\nindicators = ["fare"]\n')
    table = _sentences([False, True, False])  # her codebook's codes
    with pytest.warns(UserWarning, match="the run used another codebook"):
        rows = evidence(table, "conflict")  # the package's: "attacks"
    assert rows["sentence_id"].tolist() == [0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mine = evidence(table, "conflict", codebook=book)
    assert mine["sentence_id"].tolist() == [1]
