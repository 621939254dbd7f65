"""analysis.validation.sheets.item_keys: item ids matched between sheets as numbers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.validation.sheets import item_keys, read_sheets


def test_a_numbers_leading_zeros_and_a_spreadsheets_point_zero_do_not_count() -> None:
    ids = pd.Series(["0001", "1", "1.0", " 0012 ", "0", "A-07", "07b", ""])
    assert item_keys(ids).tolist() == ["1", "1", "1", "12", "0", "A-07", "07b", ""]


def test_a_sheet_resaved_by_a_spreadsheet_program_still_meets_the_other(tmp_path: Path) -> None:
    # a tester's second coder's sheet came back from Excel with 1, 2 for 0001, 0002: the two
    # coders shared no item, so each sentence counted twice and no agreement was measured
    first = tmp_path / "ann.csv"
    first.write_text("item_id,sentence,war\n0001,A clash.,1\n0002,Calm.,0\n", encoding="utf-8")
    second = tmp_path / "bob.csv"
    second.write_text("item_id,sentence,war\n1,A clash.,1\n2,Calm.,1\n", encoding="utf-8")
    coded = read_sheets([first, second], ["war"])
    assert sorted(coded["item"].unique()) == ["1", "2"]
    assert coded.groupby("item")["coder"].nunique().tolist() == [2, 2]
