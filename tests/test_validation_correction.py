"""Rogan–Gladen correction and its interval over corpus and validation sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.validation.correction import corrected_shares, rogan_gladen, validation_pairs


def test_rogan_gladen_recovers_a_known_prevalence() -> None:
    true, se, sp = 0.3, 0.8, 0.9
    apparent = se * true + (1 - sp) * (1 - true)
    assert float(rogan_gladen(apparent, se, sp)) == pytest.approx(true)


def test_rogan_gladen_clips_and_refuses_a_chance_coder() -> None:
    assert float(rogan_gladen(0.01, 0.8, 0.9)) == 0.0
    assert np.isnan(rogan_gladen(0.4, 0.5, 0.5))


def test_corrected_shares_use_the_validation_counts() -> None:
    # validation: 10 true frames (8 flagged), 20 others (2 flagged): se 0.8, sp 0.9
    human = np.array([1] * 10 + [0] * 20, dtype=float)
    pred = np.array([1] * 8 + [0] * 2 + [1] * 2 + [0] * 18, dtype=bool)
    validation = validation_pairs(
        pd.DataFrame({"war": human}), pd.DataFrame({"war": pred}), ["war"]
    )
    flags = [True] * 31 + [False] * 69  # apparent share 0.31 = 0.8·0.3 + 0.1·0.7
    sentences = pd.DataFrame(
        {"doc_id": np.repeat(np.arange(10), 10), "outlet": "A", "frame_war": flags}
    )
    table = corrected_shares(sentences, validation, ["war"], n_boot=300, seed=2)
    row = table.iloc[0]
    assert row["raw_share"] == pytest.approx(0.31)
    assert (row["sensitivity"], row["specificity"]) == (pytest.approx(0.8), pytest.approx(0.9))
    assert row["corrected_share"] == pytest.approx(0.3)
    raw_width = row["raw_ci_high"] - row["raw_ci_low"]
    assert row["corrected_ci_high"] - row["corrected_ci_low"] > raw_width
    again = corrected_shares(sentences, validation, ["war"], n_boot=300, seed=2)
    pd.testing.assert_frame_equal(table, again)


def test_pairs_from_agreement_give_the_same_correction_as_the_items() -> None:
    from analysis.validation.correction import pairs_from_agreement

    # items in a scrambled order: the rebuilt table must give the same se, sp and interval
    rng = np.random.default_rng(3)
    human = np.array([1] * 10 + [0] * 20, dtype=float)
    pred = np.array([1] * 8 + [0] * 2 + [1] * 2 + [0] * 18, dtype=bool)
    order = rng.permutation(30)
    items = validation_pairs(
        pd.DataFrame({"war": human[order]}), pd.DataFrame({"war": pred[order]}), ["war"]
    )
    agreement = pd.DataFrame(
        [
            {"method": "codebook", "frame": "war", "tp": 8, "fn": 2, "fp": 2, "tn": 18},
            {"method": "model", "frame": "war", "tp": 1, "fn": 9, "fp": 0, "tn": 20},
            {"method": "codebook", "frame": "calm", "tp": 1, "fn": 0, "fp": 0, "tn": 1},
        ]
    )
    rebuilt = pairs_from_agreement(agreement, {"war": "codebook", "calm": "codebook"})
    assert len(rebuilt) == 30 and rebuilt["calm"].notna().sum() == 2
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i // 10}" for i in range(100)],
            "outlet": "X",
            "frame_war": [True] * 31 + [False] * 69,
        }
    )
    a = corrected_shares(corpus, items, ["war"], n_boot=200, seed=1)
    b = corrected_shares(corpus, rebuilt, ["war"], n_boot=200, seed=1)
    assert a["corrected_share"].iloc[0] == pytest.approx(0.3)
    assert b["corrected_share"].iloc[0] == pytest.approx(0.3)
    assert a["sensitivity"].iloc[0] == b["sensitivity"].iloc[0] == pytest.approx(0.8)
    assert b["n_validation"].iloc[0] == 30
    model = pairs_from_agreement(agreement, {"war": "model", "gone": "model"})
    assert list(model.columns) == ["war", "pred_war"] and model["pred_war"].sum() == 1
