"""analysis.selection.check_group_by: a grouping a run can compare, or a message naming them."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.selection import check_group_by
from analysis.sentiment.tables import require_scores


def test_a_mistyped_grouping_is_told_the_groupings_not_the_tables_measures() -> None:
    # a tester's group_by "leaning" was offered 'text', 'n_words' and 'quality_flags', and in
    # notebook 02 told to score the sentences first
    columns = ["doc_id", "outlet", "origin", "lean", "text", "n_words", "quality_flags",
               "flag_short", "actor_china", "frame_conflict", "compound", "language"]  # fmt: skip
    with pytest.raises(ValueError) as err:
        check_group_by("leaning", columns)
    assert str(err.value) == ("group_by must be one of ['outlet', 'origin', 'lean'], got 'leaning'")
    assert check_group_by("lean", columns) == "lean"
    sentences = pd.DataFrame(
        {"doc_id": ["a"], "sentence_id": [0], "sentence": ["x."], "outlet": ["A"], "lean": ["l"]}
    )
    with pytest.raises(ValueError, match="group_by must be one of"):
        require_scores(sentences, "leaning", ["vader"])
    with pytest.raises(KeyError, match="score it first"):
        require_scores(sentences, "lean", ["vader"])
    with pytest.raises(ValueError, match=r"did you mean 'outlet'\?"):
        check_group_by("outlets", columns)


def test_the_loaders_and_sourcings_own_columns_are_not_offered_as_groupings() -> None:
    # a tester's notebook 02 offered 'extraction_problem', then 'attributed', then refused both
    columns = ["doc_id", "outlet", "origin", "human_tone", "extraction_problem", "attributed"]
    with pytest.raises(ValueError) as err:
        check_group_by("lean", columns)
    assert "['outlet', 'origin', 'human_tone']" in str(err.value)
