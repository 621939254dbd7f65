"""analysis.stats.comparisons: Cliff's delta, permutation test, Holm, pairwise table."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from analysis.stats.comparisons import (
    MIN_PERM_SPLITS,
    cliffs_delta,
    cluster_permutation_test,
    holm,
    is_clear_difference,
    pairwise_table,
    permutation_test,
    shuffles_documents,
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


def _documents_frame(shift: float, n_docs: int = 12, seed: int = 0) -> pd.DataFrame:
    """Two outlets of ``n_docs`` articles each; every article has its own level (documents
    differ), outlet B's articles sit ``shift`` higher on average."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, offset in (("Daily Ledger", 0.0), ("Freedonia Post", shift)):
        for d in range(n_docs):
            level = offset + rng.normal(0, 0.3)
            for s in range(int(rng.integers(5, 15))):
                rows.append((f"{outlet[:2]}{d}", outlet, s, level + rng.normal(0, 0.05)))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "sentence_id", "compound"])


def test_cluster_permutation_is_seeded_and_tracks_document_differences():
    sums_a, counts_a = [1.0, 2.0, 1.5, 0.5], [2, 4, 3, 1]
    sums_b, counts_b = [4.0, 6.0, 5.0, 3.0], [2, 3, 2, 2]
    p = cluster_permutation_test(sums_a, counts_a, sums_b, counts_b, n_perm=999, seed=[3, 4])
    assert p == cluster_permutation_test(
        sums_a, counts_a, sums_b, counts_b, n_perm=999, seed=[3, 4]
    )
    # 4 + 4 documents: 70 splits, the observed one and its mirror are the most extreme
    assert p == pytest.approx(2 / 70, abs=0.02)
    same = cluster_permutation_test(sums_a, counts_a, sums_a, counts_a, n_perm=999, seed=1)
    assert same > 0.5
    with pytest.raises(ValueError, match="n_perm"):
        cluster_permutation_test(sums_a, counts_a, sums_b, counts_b, n_perm=0)
    with pytest.raises(ValueError, match="one document"):
        cluster_permutation_test([], [], sums_b, counts_b)


def test_cluster_permutation_is_far_less_confident_than_sentence_shuffling_when_docs_vary():
    # Articles differ a lot, outlets barely: shuffling sentences treats 100+ correlated
    # sentences as independent; shuffling articles does not.
    frame = _documents_frame(shift=0.15, seed=7)
    a = frame[frame["outlet"] == "Daily Ledger"]
    b = frame[frame["outlet"] == "Freedonia Post"]
    p_sent = permutation_test(a["compound"], b["compound"], n_perm=999, seed=0)
    sums = frame.groupby(["outlet", "doc_id"], sort=True)["compound"].agg(["sum", "size"])
    sa, sb = sums.loc["Daily Ledger"], sums.loc["Freedonia Post"]
    p_doc = cluster_permutation_test(
        sa["sum"], sa["size"], sb["sum"], sb["size"], n_perm=999, seed=0
    )
    assert p_sent < 0.01
    assert p_doc > 5 * p_sent


def test_pairwise_table_says_which_unit_was_shuffled():
    many = _documents_frame(shift=1.0, n_docs=5)  # C(10, 5) = 252 ways to deal them
    table = pairwise_table(many, "compound", "outlet", method="v", n_boot=100, n_perm=300)
    assert table["perm_unit"].tolist() == ["document"]
    assert table["p_perm"].iloc[0] < 0.02
    few = many[~many["doc_id"].isin(["Da0"])]  # 4 and 5: C(9, 4) = 126 ways, too few
    table = pairwise_table(few, "compound", "outlet", method="v", n_boot=100, n_perm=300)
    assert table["perm_unit"].tolist() == ["sentence"]


@pytest.mark.parametrize(
    ("a", "b", "documents"),
    [(5, 5, True), (4, 5, False), (3, 9, True), (2, 19, True), (2, 18, False), (1, 199, True),
     (1, 198, False), (9, 30, True), (1, 1, False)],
)  # fmt: skip
def test_documents_are_shuffled_from_enough_ways_to_deal_them(a, b, documents):
    # 9 and 30 articles were shuffled as sentences before (both groups needed 10): a
    # methodologist's null corpora then gave "clear" differences in 12% of random labelings
    assert shuffles_documents(a, b) is documents is shuffles_documents(b, a)
    assert (math.comb(a + b, a) >= MIN_PERM_SPLITS) is documents
