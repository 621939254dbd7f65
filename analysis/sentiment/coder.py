"""Tone from a trained coder (``-p tone_coder``), next to VADER's lexicon tone.

VADER scores the words of a sentence. A coder trained with ``python -m analysis train`` on a
sheet with a ``tone`` column (−1 / 0 / +1, coded by people) has learned what *those coders* call
negative, neutral or positive, so on text like the sheet it can follow their judgement where a
word list cannot. It has one measured accuracy only: the cross-validated macro-F1 over the three
classes that training saved with the model (``model.json``, metrics row ``tone``), measured on
the sheet itself; its error on other text, these articles included, is unknown.

This module codes every sentence with such a model (:func:`add_coder_tone`), aggregates the
codes per group with the same seeded hierarchical bootstrap as the lexicon tone
(:func:`coder_tone_table`: shares negative / neutral / positive for the trained coder and for
the lexicon method, and the share of sentences on which the two agree) and lists the
per-sentence codes for auditing (:func:`coder_tone_sentences`, :func:`coder_disagreements`).
:mod:`analysis.sentiment.coder_plots` draws the table; the summary states it
(:mod:`analysis.report.tone_coder`).

:mod:`analysis.sentiment.scoring` (and with it NLTK) is imported only where a lexicon class is
needed, so that checking a ``tone_coder`` parameter before a run stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.config import N_BOOT, SEED
from analysis.stats.bootstrap import BOOT_COLUMNS, bootstrap_ci
from analysis.validation.model import FrameModel, ModelError, load_frame_model

PARAMETER = "tone_coder"
CODER_TONE_TABLE = "coder_tone.csv"
CODER_TONE_SENTENCES = "coder_tone_sentences.csv"
CODER_COLUMN = "coder_tone"
TRAINED = "trained"  # the ``coder`` value of the trained model's rows
SHARE_MEASURES = ("share_negative", "share_neutral", "share_positive")
AGREEMENT = "agreement"  # share of sentences the trained coder and the lexicon class alike
MEASURES = (*SHARE_MEASURES, AGREEMENT)
_SHARE_CLASS = {"share_negative": -1, "share_neutral": 0, "share_positive": 1}
TONE_CLASSES = (-1, 0, 1)
# Sentences coded per call of the model: bounds the memory of the sparse feature matrix.
BATCH = 20_000


@dataclass(frozen=True)
class ToneCoderInfo:
    """What the summary says about a tone coder: its folder's name, the SHA-256 of the sheet it
    was trained on, and its cross-validated macro-F1 (with the folds and the number of coded
    sentences behind it) as saved by ``python -m analysis train``."""

    name: str
    sheet_sha256: str
    cv_f1: float
    folds: int
    n_coded: int


def load_tone_coder(folder: Path | str) -> FrameModel:
    """The model in ``folder`` when it can code tone, else a :class:`ModelError` saying why.

    A folder that holds no model (or a broken one) gives :func:`load_frame_model`'s message; a
    model trained on a sheet without a ``tone`` column is refused, since it has no tone to give.
    """
    model = load_frame_model(folder)
    if not model.has_tone:
        metrics = model.metrics
        tone = metrics[metrics["frame"] == "tone"] if "frame" in metrics.columns else []
        if len(tone) and "baseline_f1" in metrics.columns:  # trained on tone, and left out
            row = tone.iloc[0]
            raise ModelError(
                f"model {folder} codes no tone: `train` left its tone coder out, as its "
                f"cross-validated macro-F1 {row['cv_f1']:.2f} was below VADER's "
                f"{row['baseline_f1']:.2f} on the same coded items; score tone with VADER "
                f"(leave out {PARAMETER}), or code more items for tone and train again"
            )
        raise ModelError(
            f"model {folder} was trained without tone codes: train it with "
            f"`python -m analysis train` on a sheet that has a `tone` column (-1, 0, 1) to use "
            f"it as {PARAMETER}"
        )
    return model


def tone_coder_info(folder: Path | str, model: FrameModel | None = None) -> ToneCoderInfo:
    """:class:`ToneCoderInfo` of the tone coder in ``folder`` (loaded unless ``model`` is given).

    ``cv_f1`` is NaN when the model's metrics have no ``tone`` row (a model saved by hand).
    """
    model = load_tone_coder(folder) if model is None else model
    metrics = model.metrics
    rows = metrics[metrics["frame"] == "tone"] if "frame" in metrics.columns else metrics.iloc[:0]
    row = rows.iloc[0] if len(rows) else pd.Series(dtype=object)
    return ToneCoderInfo(
        name=Path(folder).name,
        sheet_sha256=str(model.sheet_sha256 or ""),
        cv_f1=float(row.get("cv_f1", np.nan)),
        folds=int(row.get("folds", 0) or 0),
        n_coded=int(row.get("n", 0) or 0),
    )


def add_coder_tone(
    sentences: pd.DataFrame,
    model: FrameModel,
    *,
    column: str = CODER_COLUMN,
    text_col: str = "sentence",
    batch: int = BATCH,
) -> pd.DataFrame:
    """A copy of ``sentences`` with ``column``: the model's tone class (−1, 0, 1) of each
    sentence, coded in batches of ``batch`` sentences (the same codes as one call)."""
    if text_col not in sentences.columns:
        raise KeyError(f"sentences table lacks the text column {text_col!r}")
    if batch < 1:
        raise ValueError(f"batch must be at least 1, got {batch}")
    texts = sentences[text_col].tolist()
    codes = [
        np.asarray(model.predict_tone(texts[start : start + batch]), dtype=int)
        for start in range(0, len(texts), batch)
    ]
    out = sentences.copy()
    out[column] = np.concatenate(codes) if codes else np.zeros(0, dtype=int)
    return out


def _lexicon_classes(sentences: pd.DataFrame, method: str) -> np.ndarray:
    from analysis.sentiment.scoring import compound_column, tone_class

    column = compound_column(method)
    if column not in sentences.columns:
        raise KeyError(
            f"sentences table lacks {column!r}; score it first with "
            "analysis.sentiment.scoring.add_sentiment"
        )
    return tone_class(sentences[column].to_numpy(dtype=float))


def coder_tone_table(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    method: str = "vader",
    column: str = CODER_COLUMN,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Long table ``<group_col>, coder, measure, estimate, ci_low, ci_high, n_docs,
    n_sentences``, one row per group, coder and measure.

    ``coder`` is ``"trained"`` (the codes in ``column``, from :func:`add_coder_tone`) or the
    lexicon ``method`` (VADER's compound cut-offs, ≥ +0.05 positive, ≤ −0.05 negative). Measures:
    the shares of the group's sentences coded negative, neutral and positive by each; and, in the
    trained coder's rows, ``agreement``, the share of sentences whose two classes are the same.
    Every estimate has the hierarchical bootstrap's 95% interval
    (:func:`analysis.stats.bootstrap.bootstrap_ci`, the same seed and replicates as the lexicon
    tables), so the two coders' shares are comparable interval for interval.
    """
    required = ["doc_id", group_col, column]
    missing = [c for c in dict.fromkeys(required) if c not in sentences.columns]
    if missing:
        raise KeyError(f"sentences table lacks {missing}; add the codes with add_coder_tone")
    coded = sentences[column].to_numpy()
    if len(coded) and not np.isin(coded, TONE_CLASSES).all():
        raise ValueError(f"{column!r} must hold the tone classes -1, 0 and 1 only")
    lexicon = _lexicon_classes(sentences, method)
    base = pd.DataFrame(
        {"doc_id": sentences["doc_id"].to_numpy(), group_col: sentences[group_col].to_numpy()}
    )
    parts = []
    for coder, classes in ((TRAINED, coded.astype(int)), (method, lexicon)):
        frame = base.copy()
        for measure, value in _SHARE_CLASS.items():
            frame[measure] = (classes == value).astype(float)
        measures = list(SHARE_MEASURES)
        if coder == TRAINED:
            frame[AGREEMENT] = (classes == lexicon).astype(float)
            measures.append(AGREEMENT)
        for measure in measures:
            res = bootstrap_ci(frame, measure, group_col, n_boot=n_boot, seed=seed)
            res.insert(1, "coder", coder)
            res.insert(2, "measure", measure)
            parts.append(res)
    columns = [group_col, "coder", "measure", *BOOT_COLUMNS]
    out = pd.concat(parts, ignore_index=True)
    if out.empty:
        return pd.DataFrame(columns=columns)
    coder_rank = {TRAINED: 0, method: 1}
    measure_rank = {m: k for k, m in enumerate(MEASURES)}
    out["_c"] = out["coder"].map(coder_rank)
    out["_m"] = out["measure"].map(measure_rank)
    out = out.sort_values([group_col, "_c", "_m"], kind="stable").drop(columns=["_c", "_m"])
    return out[columns].reset_index(drop=True)


def coder_tone_sentences(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    method: str = "vader",
    column: str = CODER_COLUMN,
) -> pd.DataFrame:
    """One row per sentence: ``doc_id, sentence_id, <group_col>, coder_tone, lexicon_tone,
    compound`` (the lexicon ``method``'s class and score), sorted by document and sentence.

    Join it with ``sentences.csv`` on ``doc_id, sentence_id`` to read the sentences; it is what
    every share of :func:`coder_tone_table` counts.
    """
    from analysis.sentiment.scoring import compound_column

    lexicon = _lexicon_classes(sentences, method)
    keys = ["doc_id", "sentence_id", group_col]
    out = sentences[list(dict.fromkeys(keys))].copy()
    out[CODER_COLUMN] = sentences[column].to_numpy(dtype=int)
    out["lexicon_tone"] = lexicon.astype(int)
    out["compound"] = sentences[compound_column(method)].to_numpy(dtype=float)
    return out.sort_values(["doc_id", "sentence_id"], kind="stable").reset_index(drop=True)


def coder_disagreements(
    sentences: pd.DataFrame,
    group_col: str = "outlet",
    *,
    method: str = "vader",
    column: str = CODER_COLUMN,
    n: int = 5,
    text_col: str = "sentence",
) -> pd.DataFrame:
    """Per group, the ``n`` sentences on which the trained coder and the lexicon disagree most:
    opposite signs first (−1 against +1), then by the lexicon's absolute compound score (ties
    by document and sentence). Read them to see what each coder misses."""
    from analysis.sentiment.scoring import compound_column

    lexicon = _lexicon_classes(sentences, method)
    codes = sentences[column].to_numpy(dtype=int)
    keys = ["doc_id", "sentence_id", group_col]
    table = sentences[list(dict.fromkeys(keys))].copy()
    table[CODER_COLUMN] = codes
    table["lexicon_tone"] = lexicon.astype(int)
    table["compound"] = sentences[compound_column(method)].to_numpy(dtype=float)
    if text_col in sentences.columns:
        table[text_col] = sentences[text_col].to_numpy()
    table = table[codes != lexicon]
    table = table.assign(
        _gap=(table[CODER_COLUMN] - table["lexicon_tone"]).abs(), _abs=table["compound"].abs()
    )
    table = table.sort_values(
        [group_col, "_gap", "_abs", "doc_id", "sentence_id"],
        ascending=[True, False, False, True, True],
        kind="stable",
    )
    return table.groupby(group_col, sort=False).head(n).drop(columns=["_gap", "_abs"])


def coder_provenance(provenance: Mapping[str, Any], info: ToneCoderInfo) -> dict[str, Any]:
    """``provenance`` (:func:`analysis.figures.figure_provenance`) with the tone coder named in
    its parameters: the model folder's name and its training sheet's SHA-256, never the
    machine's path, so the figure's bytes do not depend on where the model lies."""
    parameters = dict(provenance.get("parameters", {}))
    parameters[PARAMETER] = info.name
    parameters[f"{PARAMETER}_sheet_sha256"] = info.sheet_sha256
    return {**provenance, "parameters": parameters}
