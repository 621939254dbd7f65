"""``DuplicateFinder.add_batch`` against a plain reading of its definition: each document is
named after its earliest earlier document that shares a band and whose estimated similarity
reaches the threshold (that document's own original if it has one)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import quality


def reference(ids: list[str], signatures: np.ndarray, signed: np.ndarray) -> list[str]:
    rows = quality.LSH_BANDS * quality.LSH_ROWS
    bands = signatures[:, :rows].reshape(len(ids), quality.LSH_BANDS, quality.LSH_ROWS)
    matches = [""] * len(ids)
    for p in range(len(ids)):
        if not signed[p]:
            continue
        for j in range(p):
            shares_a_band = signed[j] and (bands[j] == bands[p]).all(axis=1).any()
            similar = np.mean(signatures[j] == signatures[p]) >= quality.DUPLICATE_THRESHOLD
            if shares_a_band and similar:
                matches[p] = matches[j] or ids[j]
                break
    return matches


def planted(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Signatures in a few families: copies of a root with 0–60 of 128 values changed, so some
    pairs share a band without being close, and some are close."""
    rng = np.random.default_rng(seed)
    roots = rng.integers(0, 2**32, (max(1, n // 8), quality.NUM_PERM), dtype=np.uint64)
    rows = []
    for _ in range(n):
        row = roots[rng.integers(0, len(roots))].copy()
        changed = rng.choice(quality.NUM_PERM, int(rng.integers(0, 60)), replace=False)
        row[changed] = rng.integers(0, 2**32, len(changed))
        rows.append(row)
    return np.array(rows, dtype=np.uint32), rng.random(n) > 0.05


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(1, 120),
    batch=st.integers(1, 50),
    first=st.integers(1, 9),
)
def test_add_batch_names_the_earliest_close_candidate(
    seed: int, n: int, batch: int, first: int
) -> None:
    signatures, signed = planted(seed, n)
    ids = [f"d{i}" for i in range(n)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quality, "_FIRST_CANDIDATES", first)  # earliest few, then the rest
        finder = quality.DuplicateFinder()
        got: list[str] = []
        for start in range(0, n, batch):
            stop = start + batch
            got += finder.add_batch(ids[start:stop], signatures[start:stop], signed[start:stop])
    assert got == reference(ids, signatures, signed)


def test_the_planted_families_hold_copies_and_near_misses() -> None:
    # the property above is not vacuous: copies are named, and some band-sharing pairs are not
    signatures, signed = planted(3, 120)
    matches = reference([f"d{i}" for i in range(120)], signatures, signed)
    assert 10 < sum(bool(m) for m in matches) < 110
