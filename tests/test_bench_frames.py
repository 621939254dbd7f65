"""The GVFC frames benchmark on a made-up folder in GVFC's format (never /work/shared)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.bench.frames import FRAMES, load_gvfc, macro_f1, report, run

WORDS = {
    1: "second amendment rights",
    2: "gun control bill",
    3: "senate republicans vote",
    4: "mental health care",
    5: "school security drill",
    6: "racist hate crime",
    7: "students march protest",
    8: "video game culture",
    9: "gun maker stock price",
}


def make_gvfc(folder: Path, copies: int = 24) -> Path:
    rows = []
    for i in range(copies):
        for code, words in WORDS.items():
            other = code % 9 + 1 if i % 3 == 0 else 99
            rows.append({"headline": f"{words} story {i}", "Q3 Theme1": code, "Q3 Theme2": other})
    folder.mkdir()
    pd.DataFrame(rows).to_csv(folder / "GVFC_extension_multimodal.csv", index=False)
    return folder


def test_load_gvfc_is_multilabel(tmp_path: Path) -> None:
    table = load_gvfc(make_gvfc(tmp_path / "g"))
    assert list(table.columns) == ["text", *FRAMES.values()]
    assert table.iloc[0][["gun_rights", "gun_control"]].tolist() == [1, 1]


def test_macro_f1_is_the_mean_of_frame_f1() -> None:
    gold = pd.DataFrame({"a": [1, 0, 1, 0], "b": [0, 0, 1, 1]})
    pred = pd.DataFrame({"a": [1, 0, 0, 0], "b": [0, 0, 1, 1]})
    macro, per = macro_f1(gold, pred)
    assert per == {"a": 2 / 3, "b": 1.0}
    assert macro == (2 / 3 + 1) / 2


def test_run_scores_three_methods_on_the_held_out_half(tmp_path: Path) -> None:
    results = run(make_gvfc(tmp_path / "g"), seed=3)
    assert results["n_train"] + results["n_test"] == 9 * 24
    assert set(results["methods"]) == {"codebook", "trained", "majority"}
    assert results["methods"]["trained"]["macro_f1"] > results["methods"]["majority"]["macro_f1"]
    assert [c["n_train"] for c in results["learning_curve"]] == [100]
    assert "| trained |" in report(results)
