"""analysis.comparisons: Cliff's delta, permutation test, Holm, pairwise table."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.comparisons import (
    cliffs_delta,
    holm,
    is_clear_difference,
    pairwise_table,
    permutation_test,
)


def brute_cliffs(a, b):
    gt = sum(x > y for x, y in itertools.product(a, b))
    lt = sum(x < y for x, y in itertools.product(a, b))
    return (gt - lt) / (len(a) * len(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([1, 2, 3], [4, 5, 6]),
        ([4, 5, 6], [1, 2, 3]),
        ([1, 2, 2, 3], [2, 2, 5]),
        ([0.1, -0.3, 0.0, 0.0], [0.0, 0.5]),
        ([1.0], [1.0]),
    ],
)
def test_cliffs_delta_matches_brute_force(a, b):
    assert cliffs_delta(a, b) == pytest.approx(brute_cliffs(a, b))


def test_cliffs_delta_extremes_and_errors():
    assert cliffs_delta([5, 6], [1, 2]) == 1.0
    assert cliffs_delta([1, 2], [5, 6]) == -1.0
    with pytest.raises(ValueError):
        cliffs_delta([], [1])
    with pytest.raises(ValueError):
        cliffs_delta([np.nan], [1])


def test_permutation_test_seeded_and_sensible():
    rng = np.random.default_rng(1)
    a = rng.normal(0.0, 1, 40)
    b = rng.normal(1.5, 1, 40)
    same = rng.normal(0.0, 1, 40)
    p1 = permutation_test(a, b, n_perm=999, seed=3)
    assert p1 == permutation_test(a, b, n_perm=999, seed=3)
    assert p1 == pytest.approx(1 / 1000)  # no shuffle beats a 1.5 SD gap
    assert permutation_test(a, same, n_perm=999, seed=3) > 0.05
    with pytest.raises(ValueError):
        permutation_test(a, b, n_perm=0)


def test_permutation_test_exact_small_case():
    # a = [1, 2], b = [3, 4]: of the 6 splits, 2 are as extreme as observed (|diff| = 2).
    p = permutation_test([1, 2], [3, 4], n_perm=20000, seed=0)
    assert p == pytest.approx(2 / 6, abs=0.02)


def test_holm():
    p = [0.01, 0.04, 0.03, 0.005]
    # sorted: .005*4=.02, .01*3=.03, .03*2=.06, .04*1=.04 -> monotone .02 .03 .06 .06
    assert holm(p).tolist() == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, np.nan]).tolist()[0] == 0.5 and np.isnan(holm([0.5, np.nan])[1])
    assert holm([0.9, 0.8]).max() <= 1.0


def sentences_frame() -> pd.DataFrame:
    rows = []
    rng = np.random.default_rng(7)
    for outlet, doc_ids, centre in [
        ("Daily Ledger", ["d1", "d2"], 0.4),
        ("Freedonia Post", ["f1"], -0.4),
        ("Strelsau Courier", ["s1"], 0.38),
    ]:
        for doc in doc_ids:
            for k in range(30):
                rows.append(
                    {
                        "doc_id": doc,
                        "outlet": outlet,
                        "sentence_id": k,
                        "compound": float(np.clip(rng.normal(centre, 0.2), -1, 1)),
                    }
                )
    return pd.DataFrame(rows)


def test_pairwise_table_columns_and_logic():
    table = pairwise_table(
        sentences_frame(), "compound", "outlet", method="vader", n_boot=300, n_perm=500, seed=1
    )
    assert list(table.columns[:3]) == ["outlet_a", "outlet_b", "method"]
    assert len(table) == 3
    pair = table.set_index(["outlet_a", "outlet_b"])
    ledger_post = pair.loc[("Daily Ledger", "Freedonia Post")]
    assert ledger_post["diff"] > 0.5 and ledger_post["diff_ci_low"] > 0
    assert ledger_post["n_docs_a"] == 2 and ledger_post["n_sentences_a"] == 60
    assert is_clear_difference(ledger_post)
    assert not is_clear_difference(pair.loc[("Daily Ledger", "Strelsau Courier")])
    assert (table["p_holm"] >= table["p_perm"]).all()


def test_pairwise_table_reproducible_and_pair_stable():
    frame = sentences_frame()
    t1 = pairwise_table(frame, "compound", "outlet", method="v", n_boot=200, n_perm=200, seed=4)
    t2 = pairwise_table(frame, "compound", "outlet", method="v", n_boot=200, n_perm=200, seed=4)
    pd.testing.assert_frame_equal(t1, t2)
    # dropping a third outlet leaves the other pair's CI and permutation p unchanged
    two = frame[frame["outlet"] != "Strelsau Courier"]
    t3 = pairwise_table(two, "compound", "outlet", method="v", n_boot=200, n_perm=200, seed=4)
    cols = ["diff_ci_low", "diff_ci_high", "p_perm"]
    assert t3[cols].iloc[0].tolist() == t1[cols].iloc[0].tolist()


def test_is_clear_difference_rules():
    base = {"diff_ci_low": 0.1, "diff_ci_high": 0.3, "p_holm": 0.01}
    assert is_clear_difference(base)
    assert not is_clear_difference({**base, "diff_ci_low": -0.01})
    assert not is_clear_difference({**base, "p_holm": 0.2})
    assert not is_clear_difference({**base, "p_holm": np.nan})
