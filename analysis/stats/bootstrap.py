"""Uncertainty for small, nested samples: a seeded hierarchical bootstrap.

Sentences are nested in documents and documents in outlets. Treating sentences as independent
would make five articles look like hundreds of observations, so each replicate resamples
documents within a group (when the group has more than one) and then sentences within each
drawn document. With one document per group the interval describes that document only. Groups
of many documents (see ``CLUSTER_ONLY_MIN_DOCS``) resample documents only, the standard cluster
bootstrap, which keeps large corpora fast.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, SEED

BOOT_COLUMNS = ["estimate", "ci_low", "ci_high", "n_docs", "n_sentences"]


def group_rng(seed: int, group: object) -> np.random.Generator:
    """A generator that depends only on ``seed`` and the group's name.

    Filtering other groups out of a table therefore never changes a group's interval.
    """
    return np.random.default_rng([int(seed), zlib.crc32(str(group).encode("utf-8"))])


# Upper bound on random draws held in memory at once (replicates are drawn in batches).
_MAX_DRAWS_PER_BATCH = 4_000_000
# From this many documents in a group on, only documents are resampled (a cluster bootstrap).
CLUSTER_ONLY_MIN_DOCS = 50


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
    within each drawn document. From :data:`CLUSTER_ONLY_MIN_DOCS` documents on, only documents
    are resampled: with many documents the second stage adds little variance, and it would cost
    one random draw per sentence per replicate on corpora of millions of sentences. Replicates
    are drawn in batches, so memory stays bounded.
    """
    values = np.asarray(values, dtype=float)
    denoms = np.asarray(denoms, dtype=float)
    doc_lengths = np.asarray(doc_lengths, dtype=np.int64)
    if len(doc_lengths) >= CLUSTER_ONLY_MIN_DOCS:
        offsets = _offsets(doc_lengths)
        return _cluster_replicates(
            np.add.reduceat(values, offsets), np.add.reduceat(denoms, offsets), n_boot, rng
        )
    return _ratios(values, denoms, _resamples(doc_lengths, n_boot, rng), n_boot)


def group_replicates(
    values: np.ndarray,
    denoms: np.ndarray,
    doc_lengths: np.ndarray,
    n_boot: int,
    seed: int,
    group: object,
) -> np.ndarray:
    """:func:`bootstrap_replicates` with the group's own generator (:func:`group_rng`).

    The resampling (which documents and sentences each replicate draws) depends only on
    ``seed``, the group's name, ``doc_lengths`` and ``n_boot``, not on the values; a table that
    bootstraps several measures of the same groups (a share and a rate per frame) therefore
    draws it once per group and reuses it (:func:`_group_resamples`): the same random numbers,
    the same replicates, bit for bit.
    """
    doc_lengths = np.asarray(doc_lengths, dtype=np.int64)
    draws = int(n_boot) * int(doc_lengths.sum())
    if len(doc_lengths) >= CLUSTER_ONLY_MIN_DOCS or draws > _MAX_REUSED_DRAWS:
        return bootstrap_replicates(values, denoms, doc_lengths, n_boot, group_rng(seed, group))
    resamples = _group_resamples(int(seed), str(group), doc_lengths.tobytes(), int(n_boot))
    values = np.asarray(values, dtype=float)
    denoms = np.asarray(denoms, dtype=float)
    return _ratios(values, denoms, resamples, n_boot)


# Resamplings of at most this many draws are kept for reuse (two int64 arrays each, 16 bytes per
# draw: 16 MB at most per group, and at most _REUSED_GROUPS groups).
_MAX_REUSED_DRAWS = 1_000_000
_REUSED_GROUPS = 32


@functools.lru_cache(maxsize=_REUSED_GROUPS)
def _group_resamples(
    seed: int, group: str, doc_lengths: bytes, n_boot: int
) -> tuple[tuple[int, np.ndarray, np.ndarray], ...]:
    """The batches of :func:`_resamples` from the group's generator, drawn once (read-only)."""
    lengths = np.frombuffer(doc_lengths, dtype=np.int64)
    batches = tuple(_resamples(lengths, n_boot, group_rng(seed, group)))
    for _, replicate, idx in batches:
        replicate.setflags(write=False)
        idx.setflags(write=False)
    return batches


def _offsets(doc_lengths: np.ndarray) -> np.ndarray:
    """Where each document's sentences start (``doc_lengths`` in order)."""
    return np.concatenate([[0], np.cumsum(doc_lengths)[:-1]]).astype(np.int64)


def _resamples(
    doc_lengths: np.ndarray, n_boot: int, rng: np.random.Generator
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """The hierarchical resampling, batch by batch: ``(size, replicate, idx)``, where sentence
    ``idx[k]`` (a position in the values) is drawn into replicate ``replicate[k]`` of the batch.

    Documents are drawn with replacement (when there is more than one), then as many sentences
    as each drawn document has, with replacement, within it.
    """
    offsets = _offsets(doc_lengths)
    n_docs = len(doc_lengths)
    n_units = int(doc_lengths.sum())
    batch = max(1, min(n_boot, _MAX_DRAWS_PER_BATCH // max(n_units, 1)))
    done = 0
    while done < n_boot:
        size = min(batch, n_boot - done)
        if n_docs > 1:
            chosen = rng.integers(0, n_docs, size=(size, n_docs))
        else:
            chosen = np.zeros((size, 1), dtype=np.int64)
        lens = doc_lengths[chosen].ravel()
        replicate = np.repeat(np.repeat(np.arange(size), chosen.shape[1]), lens)
        draw_lens = np.repeat(lens, lens)
        idx = np.repeat(offsets[chosen].ravel(), lens) + (
            rng.random(draw_lens.size) * draw_lens
        ).astype(np.int64)
        yield size, replicate, idx
        done += size


def _ratios(
    values: np.ndarray,
    denoms: np.ndarray,
    resamples: Iterable[tuple[int, np.ndarray, np.ndarray]],
    n_boot: int,
) -> np.ndarray:
    """Each replicate's ``sum(values) / sum(denoms)`` over its drawn sentences (NaN for 0/0)."""
    out = np.empty(n_boot)
    done = 0
    for size, replicate, idx in resamples:
        num = np.bincount(replicate, weights=values[idx], minlength=size)
        den = np.bincount(replicate, weights=denoms[idx], minlength=size)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[done : done + size] = np.where(den != 0, num / np.where(den != 0, den, 1), np.nan)
        done += size
    return out


def _cluster_replicates(
    doc_values: np.ndarray, doc_denoms: np.ndarray, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Replicates of ``sum(values) / sum(denoms)`` resampling whole documents only."""
    n_docs = len(doc_values)
    batch = max(1, min(n_boot, _MAX_DRAWS_PER_BATCH // n_docs))
    out = np.empty(n_boot)
    done = 0
    while done < n_boot:
        size = min(batch, n_boot - done)
        chosen = rng.integers(0, n_docs, size=(size, n_docs))
        num = doc_values[chosen].sum(axis=1)
        den = doc_denoms[chosen].sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[done : done + size] = np.where(den != 0, num / np.where(den != 0, den, 1), np.nan)
        done += size
    return out


def doc_lengths_of(docs: pd.Series) -> np.ndarray:
    """Sentences per document of a document column sorted by document (as
    ``groupby(docs, sort=True).size()``: in document order, missing ids left out).

    Sorted, each document's rows are one run, so the runs' lengths are the counts of the codes
    ``pandas.factorize`` gives in order of appearance: a quarter of the time of a groupby, which
    every group of every bootstrapped measure paid. A categorical column (whose categories
    may be ordered otherwise, or not occur) is grouped as before.
    """
    if isinstance(docs.dtype, pd.CategoricalDtype):
        return docs.groupby(docs, sort=True).size().to_numpy()
    codes, _ = pd.factorize(docs)
    return np.bincount(codes[codes >= 0])


def bootstrap_ci(
    df: pd.DataFrame,
    value_col: str,
    group_col: str,
    *,
    doc_col: str = "doc_id",
    denom_col: str | None = None,
    scale: float = 1.0,
    n_boot: int = N_BOOT,
    seed: int = SEED,
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
        doc_lengths = doc_lengths_of(part[doc_col])
        total_den = denoms.sum()
        estimate = scale * values.sum() / total_den if total_den else np.nan
        reps = scale * group_replicates(values, denoms, doc_lengths, n_boot, seed, group)
        low, high = (
            np.nanquantile(reps, [alpha, 1 - alpha])
            if np.isfinite(reps).any()
            else (
                np.nan,
                np.nan,
            )
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
