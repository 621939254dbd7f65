"""analysis.figures.fold_groups: groups without a colour pooled, and a palette made for another
grouping said."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis.figures import OTHER_LABEL, fold_groups


def test_groups_without_a_colour_are_pooled() -> None:
    folded = fold_groups(pd.Series(["A", "B", "C"]), ["A", "B"])
    assert folded.tolist() == ["A", "B", OTHER_LABEL]


def test_a_palette_made_for_another_grouping_is_warned_about() -> None:
    # a tester changed group_by mid-session and reran a figure's cell only: three groups drawn
    # as one pool, without a word
    with pytest.warns(UserWarning, match=r"none of these groups \(left, right\) has a colour"):
        folded = fold_groups(pd.Series(["left", "right"]), ["Daily", "Post"])
    assert folded.tolist() == [OTHER_LABEL, OTHER_LABEL]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fold_groups(pd.Series([OTHER_LABEL]), ["Daily"])  # the pool alone: nothing to say
        fold_groups(pd.Series(["Daily", "Small"]), ["Daily"])
        fold_groups(pd.Series(["left"]), [])
