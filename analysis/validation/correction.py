"""Frame shares corrected for the coder's measured misclassification (Rogan & Gladen 1978).

A coder with sensitivity ``se`` (share of true frame sentences it flags) and specificity ``sp``
(share of other sentences it leaves unflagged) turns a true share ``π`` into an apparent share
``p = se·π + (1 − sp)(1 − π)``. Solving for π gives the Rogan–Gladen estimator
``π = (p + sp − 1) / (se + sp − 1)``, clipped to [0, 1]. ``se`` and ``sp`` come from the
validation's confusion counts (:func:`analysis.validation.agreement.agreement_table`), so they
are themselves estimates: the interval here bootstraps both the corpus (documents, then
sentences, as :func:`analysis.stats.bootstrap.bootstrap_ci` does) and the validation sample
(items), and applies the correction in every replicate.

Rogan, W. J. & Gladen, B. (1978). Estimating prevalence from the results of a screening test.
American Journal of Epidemiology 107(1), 71–76.
Grimmer, J. & Stewart, B. M. (2013). Text as data. Political Analysis 21(3), 267–297.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, SEED
from analysis.stats.bootstrap import bootstrap_replicates, group_rng

CORRECTED_COLUMNS = [
    "frame",
    "raw_share",
    "raw_ci_low",
    "raw_ci_high",
    "corrected_share",
    "corrected_ci_low",
    "corrected_ci_high",
    "sensitivity",
    "specificity",
    "n_validation",
    "n_docs",
    "n_sentences",
]


def rogan_gladen(
    apparent: float | np.ndarray,
    sensitivity: float | np.ndarray,
    specificity: float | np.ndarray,
    *,
    clip: bool = True,
) -> np.ndarray:
    """True prevalence from an apparent one: ``(p + sp − 1) / (se + sp − 1)``, clipped to
    [0, 1] (``clip=False``: as computed, to tell a clipped value from a true 0 or 1); NaN where
    ``se + sp ≤ 1`` (a coder no better than chance cannot be corrected).
    Rogan & Gladen (1978)."""
    p = np.asarray(apparent, dtype=float)
    se = np.asarray(sensitivity, dtype=float)
    sp = np.asarray(specificity, dtype=float)
    youden = se + sp - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(youden > 0, (p + sp - 1) / np.where(youden > 0, youden, 1), np.nan)
    return np.clip(value, 0.0, 1.0) if clip else value


def _se_sp(human: np.ndarray, machine: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sensitivity and specificity along the last axis (NaN without positives/negatives)."""
    pos = human.sum(-1)
    neg = (~human).sum(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.where(pos > 0, (human & machine).sum(-1) / np.where(pos > 0, pos, 1), np.nan)
        sp = np.where(neg > 0, (~human & ~machine).sum(-1) / np.where(neg > 0, neg, 1), np.nan)
    return se, sp


def corrected_shares(
    sentences: pd.DataFrame,
    validation: pd.DataFrame,
    frames: Sequence[str],
    *,
    group_col: str = "outlet",
    prefix: str = "frame_",
    doc_col: str = "doc_id",
    n_boot: int = N_BOOT,
    seed: int = SEED,
    ci: float = 0.95,
) -> pd.DataFrame:
    """Per group and frame: the coder's raw share of sentences with the frame and the share
    corrected for its misclassification, each with a percentile bootstrap interval.

    ``sentences`` holds the coder's codes in ``<prefix><key>`` columns (``frame_matrix`` or
    ``FrameModel.predict`` output joined to the sentences table). ``validation`` holds, for the
    human-coded sample, the human code in column ``<key>`` (1/0/NaN) and the same coder's code
    in ``pred_<key>``. The corrected interval resamples the corpus and the validation items in
    every replicate, so it includes the uncertainty of sensitivity and specificity. Columns:
    ``<group_col>`` then :data:`CORRECTED_COLUMNS`.
    """
    missing = [c for c in (group_col, doc_col) if c not in sentences.columns]
    missing += [f"{prefix}{k}" for k in frames if f"{prefix}{k}" not in sentences.columns]
    missing_v = [c for k in frames for c in (k, f"pred_{k}") if c not in validation.columns]
    if missing or missing_v:
        raise KeyError(
            f"corrected_shares: missing columns {missing} in sentences, {missing_v} in validation"
        )
    alpha = (1 - ci) / 2
    rows = []
    for key in frames:
        h = validation[key].to_numpy(dtype=float)
        keep = ~np.isnan(h)
        human = h[keep] == 1
        machine = validation[f"pred_{key}"].to_numpy(dtype=bool)[keep]
        se, sp = _se_sp(human, machine)
        rng_v = group_rng(seed, f"validation/{key}")
        if human.size:
            idx = rng_v.integers(0, human.size, size=(n_boot, human.size))
            se_b, sp_b = _se_sp(human[idx], machine[idx])
        else:
            se_b = sp_b = np.full(n_boot, np.nan)
        for group, part in sentences.groupby(group_col, sort=True, observed=True):
            part = part.sort_values(doc_col, kind="stable")
            values = part[f"{prefix}{key}"].to_numpy(dtype=float)
            lengths = part.groupby(doc_col, sort=True).size().to_numpy()
            reps = bootstrap_replicates(
                values, np.ones_like(values), lengths, n_boot, group_rng(seed, f"{group}/{key}")
            )
            raw = float(values.mean()) if values.size else np.nan
            corrected_reps = rogan_gladen(reps, se_b, sp_b)

            def _q(x: np.ndarray) -> tuple[float, float]:
                x = x[np.isfinite(x)]
                return tuple(np.quantile(x, [alpha, 1 - alpha])) if x.size else (np.nan, np.nan)

            raw_lo, raw_hi = _q(reps)
            cor_lo, cor_hi = _q(corrected_reps)
            rows.append(
                {
                    group_col: group,
                    "frame": key,
                    "raw_share": raw,
                    "raw_ci_low": float(raw_lo),
                    "raw_ci_high": float(raw_hi),
                    "corrected_share": float(rogan_gladen(raw, se, sp)),
                    "corrected_ci_low": float(cor_lo),
                    "corrected_ci_high": float(cor_hi),
                    "sensitivity": float(se),
                    "specificity": float(sp),
                    "n_validation": int(human.size),
                    "n_docs": len(lengths),
                    "n_sentences": len(values),
                }
            )
    return pd.DataFrame(rows, columns=[group_col, *CORRECTED_COLUMNS])


def validation_pairs(
    gold: pd.DataFrame, predicted: pd.DataFrame, frames: Sequence[str]
) -> pd.DataFrame:
    """The ``validation`` table :func:`corrected_shares` takes: human codes ``<key>`` from
    ``gold`` and the coder's ``pred_<key>`` from ``predicted`` (same row order)."""
    if len(gold) != len(predicted):
        raise ValueError(f"validation_pairs: {len(gold)} gold rows, {len(predicted)} predicted")
    out = pd.DataFrame(index=range(len(gold)))
    for key in frames:
        out[key] = gold[key].to_numpy(dtype=float)
        out[f"pred_{key}"] = predicted[key].to_numpy(dtype=bool)
    return out


def pairs_from_agreement(agreement: pd.DataFrame, methods: Mapping[str, str]) -> pd.DataFrame:
    """The ``validation`` table :func:`corrected_shares` takes, rebuilt from the confusion counts
    of an ``agreement.csv`` (columns ``method, frame, tp, fp, fn, tn``): per frame key of
    ``methods`` (key → coder, ``"codebook"`` or ``"model"``), ``tp`` items coded 1 by both,
    ``fn`` 1 by the human only, ``fp`` 1 by the coder only and ``tn`` 0 by both. Sensitivity and
    specificity, and their item bootstrap, depend on the items only through these counts, so
    the rebuilt table gives the same correction as the original items. Frames with fewer items
    are padded with missing human codes; a frame without a row is left out, and so is one whose
    row was measured in-sample (:func:`in_sample_frames`: a model scored on items it was
    trained on errs less there than on the corpus, and a tester's summary "corrected" shares
    with its sensitivity and specificity of 1.00, changing nothing)."""
    columns: dict[str, np.ndarray] = {}
    in_sample = set(in_sample_frames(agreement, methods))
    for key, method in methods.items():
        rows = agreement[(agreement["method"] == method) & (agreement["frame"] == key)]
        if rows.empty or key in in_sample:
            continue
        r = rows.iloc[0]
        tp, fn, fp, tn = (int(r[c]) for c in ("tp", "fn", "fp", "tn"))
        columns[key] = np.repeat([1.0, 1.0, 0.0, 0.0], [tp, fn, fp, tn])
        columns[f"pred_{key}"] = np.repeat([True, False, True, False], [tp, fn, fp, tn])
    size = max((len(v) for v in columns.values()), default=0)
    out = pd.DataFrame(index=range(size))
    for name, values in columns.items():
        pad = size - len(values)
        if name.startswith("pred_"):
            out[name] = np.concatenate([values, np.zeros(pad, dtype=bool)])
        else:
            out[name] = np.concatenate([values, np.full(pad, np.nan)])
    return out


def in_sample_frames(agreement: pd.DataFrame, methods: Mapping[str, str]) -> list[str]:
    """The frame keys of ``methods`` (key → coder) whose agreement row counts items the coder
    was trained on (``n_in_training`` above 0, :func:`analysis.validation.agreement_table`):
    their error rates are in-sample, so no correction is made with them."""
    if "n_in_training" not in agreement.columns:
        return []
    found = []
    for key, method in methods.items():
        rows = agreement[(agreement["method"] == method) & (agreement["frame"] == key)]
        n_in = pd.to_numeric(rows["n_in_training"], errors="coerce").fillna(0)
        if len(rows) and n_in.iloc[0] > 0:
            found.append(key)
    return found
