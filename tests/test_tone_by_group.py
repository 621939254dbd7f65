"""tone_by_group: human and VADER tone of a validation sample, outlet by outlet."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.validation.tone_by_group import TONE_BY_GROUP_COLUMNS, tone_by_group


def test_each_outlet_gets_its_items_means_and_shares() -> None:
    gold = pd.DataFrame(
        {"outlet": ["A", "A", "A", "B", "B"], "tone": [-1.0, -1.0, np.nan, 1.0, 0.0]}
    )
    machine = pd.Series([1, 0, 1, 1, -1])
    table = tone_by_group(gold, machine)
    assert table.columns.tolist() == TONE_BY_GROUP_COLUMNS
    a, b = (table.set_index("outlet").loc[name] for name in ("A", "B"))
    assert a["n"] == 2 and a["human_mean"] == -1.0 and a["machine_mean"] == 0.5
    assert a["human_negative"] == 1.0 and a["machine_positive"] == 0.5
    assert b["n"] == 2 and b["human_mean"] == 0.5 and b["machine_mean"] == 0.0
    assert b["machine_negative"] == 0.5 and b["human_positive"] == 0.5
    assert a["human_ci_low"] == a["human_ci_high"] == -1.0  # every code the same
    assert b["human_ci_low"] >= 0.0 and b["human_ci_high"] <= 1.0
    again = tone_by_group(gold, machine)
    pd.testing.assert_frame_equal(table, again)  # seeded


@pytest.mark.parametrize("columns", [{"tone": [1.0]}, {"outlet": ["A"]}])
def test_a_sheet_without_outlet_or_tone_gives_an_empty_table(columns: dict) -> None:
    table = tone_by_group(pd.DataFrame(columns), pd.Series([1]))
    assert table.empty and table.columns.tolist() == TONE_BY_GROUP_COLUMNS
