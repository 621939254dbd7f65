"""The tone benchmark's readers and threshold fitting on made-up files (never /work/shared)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.bench.tone import fit_thresholds, read_newsmtsc, read_persent, scores


def test_newsmtsc_keeps_sentences_whose_targets_agree(tmp_path: Path) -> None:
    items = [
        {"sentence_normalized": "a", "targets": [{"polarity": 2.0}, {"polarity": 2.0}]},
        {"sentence_normalized": "b", "targets": [{"polarity": 2.0}, {"polarity": 6.0}]},
        {"sentence_normalized": "c", "targets": [{"polarity": 4.0}]},
    ]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    assert read_newsmtsc(path).values.tolist() == [["a", -1], ["c", 0]]


def test_persent_labels(tmp_path: Path) -> None:
    path = tmp_path / "dev.csv"
    pd.DataFrame(
        {"DOCUMENT": ["x", "y", "z"], "TRUE_SENTIMENT": ["Positive", "Negative", "Odd"]}
    ).to_csv(path, index=False)
    assert read_persent(path)["label"].tolist() == [1, -1]


def test_fitted_thresholds_separate_made_up_classes() -> None:
    compound = np.array([-0.6, -0.5, 0.0, 0.1, 0.6, 0.7])
    gold = np.array([-1, -1, 0, 0, 1, 1])
    low, high = fit_thresholds(compound, gold)
    assert -0.5 <= low < 0.0 and 0.1 < high <= 0.6
    assert scores(gold, gold) == {"accuracy": 1.0, "macro_f1": 1.0, "n": 6}
