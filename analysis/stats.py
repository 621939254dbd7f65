"""Uncertainty for small, nested samples: a seeded hierarchical bootstrap.

Sentences are nested in documents and documents in outlets. Treating sentences as independent
would make five articles look like hundreds of observations, so each replicate resamples
documents within a group (when the group has more than one) and then sentences within each
drawn document. With one document per group the interval describes that document only.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

BOOT_COLUMNS = ["estimate", "ci_low", "ci_high", "n_docs", "n_sentences"]


def group_rng(seed: int, group: object) -> np.random.Generator:
    """A generator that depends only on ``seed`` and the group's name.

    Filtering other groups out of a table therefore never changes a group's interval.
    """
    return np.random.default_rng([int(seed), zlib.crc32(str(group).encode("utf-8"))])


def bootstrap_replicates(
    values: np.ndarray,
    denoms: np.ndarray,
    doc_lengths: np.ndarray,
    n_boot: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """``n_boot`` replicates of ``sum(values) / sum(denoms)`` under the hierarchical resampling.

    ``values`` and ``denoms`` are ordered by document; ``doc_lengths`` gives each document's
    number of sentences. Documents are resampled when there is more than one, then sentences
    within each drawn document.
    """
    offsets = np.concatenate([[0], np.cumsum(doc_lengths)[:-1]])
    n_docs = len(doc_lengths)
    out = np.empty(n_boot)
    for b in range(n_boot):
        chosen = rng.integers(0, n_docs, size=n_docs) if n_docs > 1 else np.zeros(1, dtype=int)
        lens = doc_lengths[chosen]
        rep_lens = np.repeat(lens, lens)
        idx = np.repeat(offsets[chosen], lens) + (rng.random(rep_lens.size) * rep_lens).astype(int)
        den = denoms[idx].sum()
        out[b] = values[idx].sum() / den if den else np.nan
    return out


def bootstrap_ci(
    df: pd.DataFrame,
    value_col: str,
    group_col: str,
    *,
    doc_col: str = "doc_id",
    denom_col: str | None = None,
    scale: float = 1.0,
    n_boot: int = 2000,
    seed: int = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Estimate and percentile bootstrap CI of a per-sentence quantity for each group.

    The estimate is ``scale * sum(value) / sum(denom)`` over the group's sentences, i.e. the
    mean of ``value_col`` when ``denom_col`` is None, or a rate such as frame hits per 1,000
    words with ``denom_col="n_words", scale=1000``. Returns one row per group (sorted) with
    ``estimate, ci_low, ci_high, n_docs, n_sentences``.
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}")
    missing = [c for c in (value_col, group_col, doc_col, denom_col) if c and c not in df.columns]
    if missing:
        raise KeyError(f"bootstrap_ci: missing columns {missing}")
    rows = []
    alpha = (1 - ci) / 2
    for group, part in df.groupby(group_col, sort=True, observed=True):
        part = part.sort_values([doc_col], kind="stable")
        values = part[value_col].to_numpy(dtype=float)
        denoms = (
            part[denom_col].to_numpy(dtype=float) if denom_col else np.ones(len(part), dtype=float)
        )
        doc_lengths = part.groupby(doc_col, sort=True).size().to_numpy()
        total_den = denoms.sum()
        estimate = scale * values.sum() / total_den if total_den else np.nan
        rng = group_rng(seed, group)
        reps = scale * bootstrap_replicates(values, denoms, doc_lengths, n_boot, rng)
        low, high = np.nanquantile(reps, [alpha, 1 - alpha]) if np.isfinite(reps).any() else (
            np.nan,
            np.nan,
        )
        rows.append(
            {
                group_col: group,
                "estimate": estimate,
                "ci_low": float(low),
                "ci_high": float(high),
                "n_docs": len(doc_lengths),
                "n_sentences": len(part),
            }
        )
    return pd.DataFrame(rows, columns=[group_col, *BOOT_COLUMNS])
