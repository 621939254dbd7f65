"""The hierarchical bootstrap: seeded, nested, and honest about one-document groups."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.stats import bootstrap as bootstrap_module
from analysis.stats.bootstrap import bootstrap_ci


def _frame(groups: dict[str, dict[str, list[float]]]) -> pd.DataFrame:
    rows = [
        {"group": g, "doc_id": d, "value": v, "words": 10.0}
        for g, docs in groups.items()
        for d, values in docs.items()
        for v in values
    ]
    return pd.DataFrame(rows)


def test_same_seed_same_interval_other_seed_other_interval() -> None:
    df = _frame({"A": {"a1": [0.1, 0.5, -0.2, 0.9], "a2": [0.3, -0.4, 0.2]}})
    first = bootstrap_ci(df, "value", "group", n_boot=500, seed=7)
    again = bootstrap_ci(df, "value", "group", n_boot=500, seed=7)
    other = bootstrap_ci(df, "value", "group", n_boot=500, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first[["ci_low", "ci_high"]].equals(other[["ci_low", "ci_high"]])


def test_estimate_is_the_pooled_mean_with_sample_sizes() -> None:
    df = _frame({"A": {"a1": [1.0, 0.0], "a2": [1.0, 1.0, 1.0]}, "B": {"b1": [0.0, 0.0]}})
    out = bootstrap_ci(df, "value", "group", n_boot=200, seed=0).set_index("group")
    assert out.loc["A", "estimate"] == pytest.approx(0.8)
    assert (out.loc["A", "n_docs"], out.loc["A", "n_sentences"]) == (2, 5)
    assert (out.loc["B", "n_docs"], out.loc["B", "n_sentences"]) == (1, 2)
    assert out.loc["B", "ci_low"] == out.loc["B", "ci_high"] == 0.0


def test_documents_are_resampled_so_between_document_spread_widens_the_interval() -> None:
    # Two groups with the same sentence values; in "apart" documents differ systematically.
    together = {f"t{i}": [0.0, 1.0] * 5 for i in range(4)}
    apart = {f"p{i}": [float(i % 2)] * 10 for i in range(4)}
    out = bootstrap_ci(
        _frame({"together": together, "apart": apart}), "value", "group", n_boot=2000, seed=3
    ).set_index("group")
    width = out["ci_high"] - out["ci_low"]
    assert out.loc["together", "estimate"] == out.loc["apart", "estimate"] == 0.5
    assert width["apart"] > 1.5 * width["together"]


def test_rate_per_thousand_words() -> None:
    df = _frame({"A": {"a1": [1.0, 0.0, 1.0, 0.0]}})  # 2 hits in 40 words
    out = bootstrap_ci(df, "value", "group", denom_col="words", scale=1000, n_boot=100, seed=0)
    assert out.loc[0, "estimate"] == pytest.approx(50.0)
    assert 0.0 <= out.loc[0, "ci_low"] <= 50.0 <= out.loc[0, "ci_high"] <= 100.0


def test_interval_covers_the_true_mean_most_of_the_time() -> None:
    rng = np.random.default_rng(11)
    covered = 0
    for trial in range(60):
        docs = {f"d{i}": list(rng.normal(0.2, 1.0, size=15)) for i in range(6)}
        out = bootstrap_ci(_frame({"A": docs}), "value", "group", n_boot=400, seed=trial)
        covered += int(out.loc[0, "ci_low"] <= 0.2 <= out.loc[0, "ci_high"])
    assert covered >= 48  # nominal 95 %; percentile intervals with 6 documents run a bit short


def test_filtering_other_groups_does_not_change_a_group() -> None:
    df = _frame({"A": {"a1": [0.1, 0.4, 0.3]}, "B": {"b1": [0.9, 0.2]}})
    both = bootstrap_ci(df, "value", "group", n_boot=300, seed=5).set_index("group")
    only_a = bootstrap_ci(df[df["group"] == "A"], "value", "group", n_boot=300, seed=5)
    assert only_a.set_index("group").loc["A"].equals(both.loc["A"])


@pytest.mark.parametrize("kwargs", [{"ci": 1.5}, {"n_boot": 0}])
def test_bad_arguments_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        bootstrap_ci(_frame({"A": {"a": [1.0]}}), "value", "group", **kwargs)


def test_missing_column_is_named() -> None:
    with pytest.raises(KeyError, match="nope"):
        bootstrap_ci(_frame({"A": {"a": [1.0]}}), "nope", "group")


def test_many_documents_use_the_cluster_bootstrap_and_still_cover() -> None:
    rng = np.random.default_rng(4)
    docs = {f"d{i}": list(rng.normal(0.1 + rng.normal(0, 0.2), 1.0, size=8)) for i in range(80)}
    df = _frame({"A": docs})
    out = bootstrap_ci(df, "value", "group", n_boot=1000, seed=1)
    mean = df["value"].mean()
    assert out.loc[0, "estimate"] == pytest.approx(mean)
    assert out.loc[0, "ci_low"] < mean < out.loc[0, "ci_high"]
    # Document-level spread: the interval is about 2 * 1.96 * sd(doc means) / sqrt(80) wide.
    doc_means = df.groupby("doc_id")["value"].mean()
    expected = 2 * 1.96 * doc_means.std() / np.sqrt(len(doc_means))
    assert 0.7 * expected < out.loc[0, "ci_high"] - out.loc[0, "ci_low"] < 1.3 * expected


def _reference_replicates(values, denoms, doc_lengths, n_boot, rng):
    """The hierarchical bootstrap as one plain loop per replicate, drawing the same numbers in
    the same order as the vectorised one (documents for the whole batch, then sentences)."""
    offsets = np.concatenate([[0], np.cumsum(doc_lengths)[:-1]])
    n_docs = len(doc_lengths)
    chosen = (
        rng.integers(0, n_docs, size=(n_boot, n_docs))
        if n_docs > 1
        else np.zeros((n_boot, 1), dtype=np.int64)
    )
    uniform = rng.random(int(doc_lengths[chosen].sum()))
    out, k = [], 0
    for row in chosen:
        num = den = 0.0
        for doc in row:
            for _ in range(doc_lengths[doc]):
                sentence = offsets[doc] + int(uniform[k] * doc_lengths[doc])
                num, den, k = num + values[sentence], den + denoms[sentence], k + 1
        out.append(num / den if den != 0 else np.nan)
    return np.array(out)


@pytest.mark.parametrize("trial", range(6))
def test_vectorised_replicates_equal_the_plain_loop_on_random_inputs(trial: int) -> None:
    from analysis.stats.bootstrap import bootstrap_replicates, group_replicates, group_rng

    bootstrap_module._group_resamples.cache_clear()
    rng = np.random.default_rng(trial)
    doc_lengths = rng.integers(1, 9, size=int(rng.integers(1, 6)))
    values = rng.normal(size=int(doc_lengths.sum())).round(3)
    denoms = rng.integers(0, 3, size=values.size).astype(float)  # some 0/0 replicates
    n_boot = int(rng.integers(1, 60))
    expected = _reference_replicates(values, denoms, doc_lengths, n_boot, group_rng(7, "g"))
    got = bootstrap_replicates(values, denoms, doc_lengths, n_boot, group_rng(7, "g"))
    np.testing.assert_allclose(got, expected, rtol=1e-12, equal_nan=True)
    for _ in range(2):  # drawn once for the group, then reused: the same numbers, bit for bit
        reused = group_replicates(values, denoms, doc_lengths, n_boot, 7, "g")
        np.testing.assert_array_equal(reused, got)


def test_a_groups_resampling_is_reused_for_other_values_and_redrawn_for_another_group(
    monkeypatch,
) -> None:
    bootstrap = bootstrap_module
    draws: list[str] = []
    group_rng = bootstrap.group_rng
    monkeypatch.setattr(
        bootstrap,
        "group_rng",
        lambda seed, group: (draws.append(str(group)), group_rng(seed, group))[1],
    )
    bootstrap._group_resamples.cache_clear()
    lengths = np.array([3, 5, 2])
    rng = np.random.default_rng(1)
    for _ in range(3):  # three measures of group "a": one resampling
        values = rng.normal(size=10)
        fresh = bootstrap.bootstrap_replicates(values, np.ones(10), lengths, 50, group_rng(4, "a"))
        reused = bootstrap.group_replicates(values, np.ones(10), lengths, 50, 4, "a")
        np.testing.assert_array_equal(reused, fresh)
    bootstrap.group_replicates(values, np.ones(10), lengths, 50, 4, "b")
    bootstrap.group_replicates(values, np.ones(10), lengths, 50, 5, "a")
    bootstrap.group_replicates(values, np.ones(10), np.array([3, 7]), 50, 4, "a")
    assert draws == ["a", "b", "a", "a"]


@pytest.mark.parametrize(
    ("n_docs", "n_boot"),
    [
        (bootstrap_module.CLUSTER_ONLY_MIN_DOCS, 30),
        (3, bootstrap_module._MAX_REUSED_DRAWS // 6 + 1),
    ],
)
def test_group_replicates_outside_the_reused_sizes_are_the_plain_bootstrap(n_docs, n_boot):
    lengths = np.full(n_docs, 2)
    values = np.random.default_rng(0).normal(size=2 * n_docs)
    expected = bootstrap_module.bootstrap_replicates(
        values, np.ones_like(values), lengths, n_boot, bootstrap_module.group_rng(3, "x")
    )
    got = bootstrap_module.group_replicates(values, np.ones_like(values), lengths, n_boot, 3, "x")
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize(
    "docs",
    [
        ["b", "a", "a", "c", None, "b", "c", "c"],
        [3, 1, 1, 2, 2, 2],
        pd.Categorical(["b", "a", "a"], categories=["a", "b", "z"]),
        pd.array(["d2", "d1", "d2"], dtype="string"),
    ],
)
def test_doc_lengths_are_the_groupby_sizes_of_the_sorted_documents(docs) -> None:
    column = pd.Series(docs).sort_values(kind="stable")
    expected = column.groupby(column, sort=True).size().to_numpy()
    np.testing.assert_array_equal(bootstrap_module.doc_lengths_of(column), expected)
