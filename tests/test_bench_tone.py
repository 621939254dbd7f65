"""The tone benchmark's readers and threshold fitting on made-up files (never /work/shared)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.bench.tone import (
    _phrasebank,
    confusion,
    fit_thresholds,
    phrasebank_split,
    read_newsmtsc,
    read_persent,
    read_phrasebank,
    report,
    scores,
)


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


def test_phrasebank_lines_split_at_the_last_at_sign_in_their_encoding(tmp_path: Path) -> None:
    path = tmp_path / "Sentences_50Agree.txt"
    lines = [
        "Sales at Seppälä rose 5 % .@positive",
        "Mail us at info@example.com for the report .@neutral",
        "Operating loss widened .@negative",
        "A line with no label",
        "@positive",
    ]
    path.write_bytes("\n".join(lines).encode("latin-1"))
    frame = read_phrasebank(path, "latin-1")
    assert frame.values.tolist() == [
        ["Sales at Seppälä rose 5 % .", 1],
        ["Mail us at info@example.com for the report .", 0],
        ["Operating loss widened .", -1],
    ]


def test_the_phrasebank_split_is_seeded_stratified_and_disjoint() -> None:
    frame = pd.DataFrame({"text": [f"s{i}" for i in range(100)], "label": [-1, 0, 0, 0, 1] * 20})
    train, test = phrasebank_split(frame, seed=7)
    assert len(test) == 20 and len(train) == 80
    assert not set(train["text"]) & set(test["text"])
    assert test["label"].value_counts().to_dict() == {0: 12, -1: 4, 1: 4}
    again, _ = phrasebank_split(frame, seed=7)
    assert again["text"].tolist() == train["text"].tolist()


def test_the_phrasebank_rows_score_every_method_on_held_out_sentences(tmp_path: Path) -> None:
    good = "Net sales increased strongly and profit improved greatly"
    bad = "Operating loss widened and the company cut jobs after weak demand"
    flat = "The company is headquartered in Helsinki and employs staff"
    rows = [f"{t} {i} .@{label}" for i in range(20) for t, label in
            ((good, "positive"), (bad, "negative"), (flat, "neutral"))]  # fmt: skip
    (tmp_path / "Sentences_50Agree.txt").write_bytes("\n".join(rows).encode("latin-1"))
    (tmp_path / "Sentences_AllAgree.txt").write_text("\n".join(rows[:9]), encoding="utf-8")
    out = _phrasebank(tmp_path, seed=3)
    test = out["50Agree_test20"]
    assert set(test) == {"vader", "vader-news", "trained", "always_neutral"}
    assert test["trained"]["n"] == 12 and test["trained"]["accuracy"] == 1.0  # learnable
    assert test["always_neutral"]["accuracy"] == 4 / 12
    assert out["AllAgree"]["vader"]["n"] == 9 and "trained" not in out["AllAgree"]
    assert "48 sentences" in out["trained_on"]
    table = report({"newsmtsc": {"trained_on": "x"}, "persent": {"thresholds_fitted_on_dev": {}},
                    "financial_phrasebank": out})  # fmt: skip
    assert "| financial_phrasebank 50Agree_test20 | trained | 1.000 |" in table
    assert "an investor's view of the news" in table
    matrix = out["AllAgree_vader_confusion"]
    assert sum(sum(row.values()) for row in matrix.values()) == 9
    assert "| negative | " in table and "(rows: annotators; columns: VADER)" in table


def test_confusion_counts_each_pair_of_classes() -> None:
    gold = np.array([-1, -1, 0, 1, 1, 1])
    pred = np.array([-1, 1, 1, 1, 1, 0])
    assert confusion(gold, pred) == {
        "negative": {"negative": 1, "neutral": 0, "positive": 1},
        "neutral": {"negative": 0, "neutral": 0, "positive": 1},
        "positive": {"negative": 0, "neutral": 1, "positive": 2},
    }
