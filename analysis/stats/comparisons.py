"""Pairwise comparisons between groups: effect size, permutation test, Holm correction.

For each pair of groups (outlets or origins) the table gives the difference in mean sentence
tone with a hierarchical bootstrap CI (the same resampling as
:func:`analysis.stats.bootstrap.bootstrap_ci`:
documents within a group when it has more than one, sentences within documents), Cliff's delta
(the probability that a sentence from A scores higher than one from B minus the reverse; ±0.147,
±0.33, ±0.474 are the usual small / medium / large cut-offs of Romano et al. 2006), and a
two-sided permutation p-value for the difference in means, Holm-corrected over all pairs of one
method.

What the permutation test shuffles depends on how many documents there are (column
``perm_unit``). When the two groups' documents can be dealt between them in at least
:data:`MIN_PERM_SPLITS` ways (5 and 5 documents, 3 and 9, 2 and 19, 1 and 199) it shuffles whole
*documents* between the two groups (a cluster permutation test of the difference in pooled
sentence means): documents are the sampling units, sentences of one article are not independent,
and the cost grows with the number of documents, not sentences. With fewer ways (too few for a
p-value below 0.01) it shuffles *sentences*, so it asks only whether these articles' sentences
differ more than chance; it cannot speak for the outlets. The bootstrap CI of the difference
carries the document-level uncertainty when a group has several documents.

The threshold was 10 documents in both groups until a methodologist's null corpora (PerSenT
articles dealt to outlets at random, 30/9/9 and 6/6/6) showed why: shuffling the sentences of
9 articles gave Holm-adjusted p-values of 0.002 for outlets that did not differ, 18% of random
labelings below 0.05 and 12% with a "clear" difference, where shuffling their articles, dealt
in 48,620 ways, gave the nominal rate.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, N_PERM, SEED
from analysis.stats.bootstrap import doc_lengths_of, group_replicates

# From this many ways to deal two groups' documents between them (two-sided p down to 0.01) the
# permutation test shuffles documents, not sentences (shuffles_documents)
MIN_PERM_SPLITS = 200
# Below this many articles in a group, a difference describes these articles, not the outlet's
# coverage (said at each finding and in the summary's limitations)
SMALL_GROUP_DOCS = 10
# A group of this many articles is described, not compared: its bootstrap interval resamples
# the sentences of one article, which says nothing of how the group's articles vary, and a
# country of one Al Jazeera article was "compared" at p = 0.042 (the pairs stay in the tables,
# with a note; the findings leave them out)
ONE_ARTICLE = 1

PAIRWISE_SUFFIX_COLUMNS = [
    "method",
    "mean_a",
    "mean_b",
    "diff",
    "diff_ci_low",
    "diff_ci_high",
    "cliffs_delta",
    "p_perm",
    "p_holm",
    "perm_unit",
    "n_docs_a",
    "n_sentences_a",
    "n_docs_b",
    "n_sentences_b",
    "note",
]


def cliffs_delta(a: np.ndarray | pd.Series, b: np.ndarray | pd.Series) -> float:
    """Cliff's delta: P(a > b) − P(a < b) over all pairs, in [−1, 1] (ties count as neither).

    Computed with sorting and binary search, O((n + m) log m), so large groups are fine.
    """
    x = np.asarray(a, dtype=float)
    y = np.sort(np.asarray(b, dtype=float))
    if x.size == 0 or y.size == 0:
        raise ValueError("cliffs_delta needs at least one value in each group")
    if np.isnan(x).any() or np.isnan(y).any():
        raise ValueError("cliffs_delta: values must not be NaN")
    less = np.searchsorted(y, x, side="left")  # number of y strictly below each x
    greater = y.size - np.searchsorted(y, x, side="right")  # number of y strictly above
    return float((less.sum() - greater.sum()) / (x.size * y.size))


def permutation_test(
    a: np.ndarray | pd.Series,
    b: np.ndarray | pd.Series,
    *,
    n_perm: int = N_PERM,
    seed: int | Sequence[int] = 0,
) -> float:
    """Two-sided permutation p-value for the difference in means of ``a`` and ``b``.

    Labels are shuffled ``n_perm`` times with a generator seeded by ``seed`` (an int or a
    sequence of ints); the p-value is
    ``(1 + #{|perm diff| >= |observed diff|}) / (1 + n_perm)``, never zero.
    """
    if n_perm < 1:
        raise ValueError(f"n_perm must be at least 1, got {n_perm}")
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    if x.size == 0 or y.size == 0:
        raise ValueError("permutation_test needs at least one value in each group")
    pooled = np.concatenate([x, y])
    n_a = x.size
    observed = abs(x.mean() - y.mean())
    rng = np.random.default_rng(seed)
    total = pooled.sum()
    hits = 0
    chunk = max(1, min(1000, 4_000_000 // pooled.size))  # bounds memory for large groups
    done = 0
    # A tolerance keeps ties from being lost to floating-point noise in the sums.
    tol = 1e-12 * max(1.0, abs(observed))
    while done < n_perm:
        k = min(chunk, n_perm - done)
        keys = rng.random((k, pooled.size))
        idx = np.argsort(keys, axis=1)[:, :n_a]
        sum_a = pooled[idx].sum(axis=1)
        diffs = np.abs(sum_a / n_a - (total - sum_a) / (pooled.size - n_a))
        hits += int((diffs >= observed - tol).sum())
        done += k
    return float((hits + 1) / (n_perm + 1))


def cluster_permutation_test(
    doc_sums_a: np.ndarray | Sequence[float],
    doc_counts_a: np.ndarray | Sequence[int],
    doc_sums_b: np.ndarray | Sequence[float],
    doc_counts_b: np.ndarray | Sequence[int],
    *,
    n_perm: int = N_PERM,
    seed: int | Sequence[int] = 0,
) -> float:
    """Two-sided cluster permutation p-value: whole documents are shuffled between two groups.

    Each document enters with the sum of its sentence values and its number of sentences; the
    statistic is the difference in pooled sentence means (the same difference the table reports),
    recomputed after reassigning the documents at random to groups of the original sizes. The
    p-value is ``(1 + #{|perm diff| >= |observed diff|}) / (1 + n_perm)``. Cost is
    ``n_perm × n_docs``, independent of the number of sentences.
    """
    if n_perm < 1:
        raise ValueError(f"n_perm must be at least 1, got {n_perm}")
    sums = np.concatenate([np.asarray(doc_sums_a, float), np.asarray(doc_sums_b, float)])
    counts = np.concatenate([np.asarray(doc_counts_a, float), np.asarray(doc_counts_b, float)])
    n_a = len(doc_sums_a)
    if n_a == 0 or sums.size == n_a:
        raise ValueError("cluster_permutation_test needs at least one document in each group")
    if sums.size != counts.size or len(doc_counts_a) != n_a:
        raise ValueError("cluster_permutation_test: sums and counts must have the same length")
    if (counts <= 0).any():
        raise ValueError("cluster_permutation_test: every document needs at least one sentence")
    total_s, total_c = sums.sum(), counts.sum()
    obs_s, obs_c = sums[:n_a].sum(), counts[:n_a].sum()
    observed = abs(obs_s / obs_c - (total_s - obs_s) / (total_c - obs_c))
    rng = np.random.default_rng(seed)
    tol = 1e-12 * max(1.0, abs(observed))
    chunk = max(1, min(1000, 4_000_000 // sums.size))
    hits = done = 0
    while done < n_perm:
        k = min(chunk, n_perm - done)
        idx = np.argsort(rng.random((k, sums.size)), axis=1)[:, :n_a]
        s_a, c_a = sums[idx].sum(axis=1), counts[idx].sum(axis=1)
        diffs = np.abs(s_a / c_a - (total_s - s_a) / (total_c - c_a))
        hits += int((diffs >= observed - tol).sum())
        done += k
    return float((hits + 1) / (n_perm + 1))


def holm(p_values: np.ndarray | pd.Series | list[float]) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (same order as the input; NaN stays NaN)."""
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = ok.size
    if m == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    adjusted = np.minimum(1.0, (m - np.arange(m)) * p[order])
    out[order] = np.maximum.accumulate(adjusted)
    return out


def _pair_seed(seed: int, a: str, b: str) -> list[int]:
    # Depends only on the seed and the two names: adding or removing other groups does not
    # change a pair's p-value.
    return [int(seed), zlib.crc32(f"{a}\x00{b}".encode())]


def _group_arrays(part: pd.DataFrame, value_col: str, doc_col: str):
    part = part.sort_values([doc_col], kind="stable")
    values = part[value_col].to_numpy(dtype=float)
    lengths = doc_lengths_of(part[doc_col])
    return values, lengths


def _doc_sums(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of the values of each document (values sorted by document, ``lengths`` per document)."""
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return np.add.reduceat(values, starts)


def one_article_note(groups: Sequence[str]) -> str:
    """What a comparison row or finding says of its groups of one article (:data:`ONE_ARTICLE`):
    ``"Caixin has one article: described, not compared"``; ``""`` for none."""
    names = [str(g) for g in groups]
    if not names:
        return ""
    if len(names) == 1:
        return f"{names[0]} has one article: described, not compared"
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{listed} have one article each: described, not compared"


def one_article_groups(
    sentences: pd.DataFrame, group_col: str, doc_col: str = "doc_id"
) -> frozenset[str]:
    """The groups (by name, as text) of ``sentences`` that hold one article: the findings
    describe them and leave them out of every comparison (:data:`ONE_ARTICLE`)."""
    if sentences.empty:
        return frozenset()
    n_docs = sentences.groupby(sentences[group_col].astype(str))[doc_col].nunique()
    return frozenset(n_docs.index[n_docs <= ONE_ARTICLE])


def shuffles_documents(n_docs_a: int, n_docs_b: int) -> bool:
    """Whether the permutation test of two groups with these many documents shuffles documents:
    when there are at least :data:`MIN_PERM_SPLITS` ways to deal the documents between them
    (the binomial coefficient C(a + b, a)), enough for a two-sided p-value of 0.01."""
    return math.comb(int(n_docs_a) + int(n_docs_b), int(n_docs_a)) >= MIN_PERM_SPLITS


def pairwise_table(
    sentences: pd.DataFrame,
    value_col: str,
    group_col: str,
    *,
    method: str,
    doc_col: str = "doc_id",
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int = SEED,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Every pair of groups (in sorted order, A before B): means, difference A − B with a
    hierarchical bootstrap CI, Cliff's delta, permutation p and Holm-adjusted p, the unit the
    permutation test shuffled (``perm_unit``: "document" when :func:`shuffles_documents`, else
    "sentence"), sample sizes, and a ``note`` naming a group of one article
    (:func:`one_article_note`): such a pair is computed but is no comparison, and the findings
    leave it out.

    Columns: ``<group_col>_a, <group_col>_b`` then :data:`PAIRWISE_SUFFIX_COLUMNS`.
    """
    missing = [c for c in (value_col, group_col, doc_col) if c not in sentences.columns]
    if missing:
        raise KeyError(f"pairwise_table: missing columns {missing}")
    alpha = (1 - ci) / 2
    groups = {}
    for name, part in sentences.groupby(group_col, sort=True, observed=True):
        values, lengths = _group_arrays(part, value_col, doc_col)
        reps = group_replicates(values, np.ones_like(values), lengths, n_boot, seed, name)
        groups[str(name)] = (values, lengths, reps)
    rows = []
    for ga, gb in combinations(sorted(groups), 2):
        va, la, ra = groups[ga]
        vb, lb, rb = groups[gb]
        low, high = np.nanquantile(ra - rb, [alpha, 1 - alpha])
        pair_seed = _pair_seed(seed, ga, gb)
        if shuffles_documents(la.size, lb.size):
            unit = "document"
            p_perm = cluster_permutation_test(
                _doc_sums(va, la), la, _doc_sums(vb, lb), lb, n_perm=n_perm, seed=pair_seed
            )
        else:
            unit = "sentence"
            p_perm = permutation_test(va, vb, n_perm=n_perm, seed=pair_seed)
        rows.append(
            {
                f"{group_col}_a": ga,
                f"{group_col}_b": gb,
                "method": method,
                "mean_a": float(va.mean()),
                "mean_b": float(vb.mean()),
                "diff": float(va.mean() - vb.mean()),
                "diff_ci_low": float(low),
                "diff_ci_high": float(high),
                "cliffs_delta": cliffs_delta(va, vb),
                "p_perm": p_perm,
                "perm_unit": unit,
                "n_docs_a": int(la.size),
                "n_sentences_a": int(va.size),
                "n_docs_b": int(lb.size),
                "n_sentences_b": int(vb.size),
                "note": one_article_note(
                    [g for g, lengths in ((ga, la), (gb, lb)) if lengths.size <= ONE_ARTICLE]
                ),
            }
        )
    columns = [f"{group_col}_a", f"{group_col}_b", *PAIRWISE_SUFFIX_COLUMNS]
    table = pd.DataFrame(rows, columns=columns)
    table["p_holm"] = holm(table["p_perm"].to_numpy()) if len(table) else []
    return table[columns]


# The level below which a Holm-adjusted permutation p counts towards a clear difference
CLEAR_ALPHA = 0.05


def is_clear_difference(row: pd.Series | dict, alpha: float = CLEAR_ALPHA) -> bool:
    """A pairwise row counts as a difference only if its CI excludes zero AND p_holm < alpha."""
    low, high, p = float(row["diff_ci_low"]), float(row["diff_ci_high"]), float(row["p_holm"])
    if any(np.isnan(v) for v in (low, high, p)):
        return False
    return (low > 0 or high < 0) and p < alpha
