"""Tone on text none of us wrote: NewsMTSC sentences and PerSenT articles.

Reads ``--data`` (a folder holding ``newsmtsc/`` and ``persent/``). Compared, always on test
files never used for fitting:

* **NewsMTSC** (Hamborg & Donnay 2021): sentences whose marked targets all carry the same
  polarity (2/4/6 = negative/neutral/positive) get that label. VADER and vader-news classify the
  sentence by compound at ±0.05; the trained coder
  (:func:`analysis.validation.train_frame_model` with tone) is trained on ``train.jsonl`` and
  scored on ``devtest_mt`` and ``devtest_rw``.
* **PerSenT** (Bastan et al. 2020): articles labelled Negative/Neutral/Positive (the author's
  view of the main entity). VADER's article tone is the mean sentence compound, with the two
  class thresholds fitted on ``dev.csv`` (grid search on accuracy); the trained coder is trained
  on ``dev.csv``; both are scored on ``fixed_test.csv`` and ``random_test.csv``, next to always
  answering "Positive" (the most frequent class in dev).

Reported: accuracy and macro-F1 with n.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import SEED
from analysis.io import write_text

POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
PERSENT = {"Negative": -1, "Neutral": 0, "Positive": 1}
NEWSMTSC_TEST = ("devtest_mt", "devtest_rw")
PERSENT_TEST = ("fixed_test", "random_test")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options of ``python -m analysis bench tone``."""
    parser.add_argument("--data", required=True, type=Path, help="folder with newsmtsc/, persent/")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def read_newsmtsc(path: Path) -> pd.DataFrame:
    """Sentences whose targets agree on one polarity: ``text, label`` (−1/0/1)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        labels = {POLARITY.get(float(t["polarity"])) for t in item["targets"]}
        if len(labels) == 1 and None not in labels:
            rows.append((item["sentence_normalized"], labels.pop()))
    return pd.DataFrame(rows, columns=["text", "label"])


def read_persent(path: Path) -> pd.DataFrame:
    """Articles: ``text, label`` (−1/0/1)."""
    raw = pd.read_csv(path)
    raw = raw[raw["TRUE_SENTIMENT"].isin(PERSENT)]
    return pd.DataFrame(
        {"text": raw["DOCUMENT"].astype(str), "label": raw["TRUE_SENTIMENT"].map(PERSENT)}
    ).reset_index(drop=True)


def scores(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Accuracy, macro-F1 over the three classes, n."""
    from sklearn.metrics import f1_score

    return {
        "accuracy": float(np.mean(gold == pred)),
        "macro_f1": float(f1_score(gold, pred, labels=[-1, 0, 1], average="macro")),
        "n": len(gold),
    }


def article_compound(texts: pd.Series, method: str) -> np.ndarray:
    """Mean sentence compound of each article."""
    from analysis.corpus.sentences import split_sentences
    from analysis.sentiment.scoring import score_sentences

    out = []
    for text in texts:
        sentences = split_sentences(text) or [text]
        out.append(float(score_sentences(sentences, method)["compound"].mean()))
    return np.asarray(out)


def fit_thresholds(compound: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The (low, high) cut-offs that maximise accuracy (ties: the first on the grid)."""
    grid = np.round(np.arange(-0.8, 0.81, 0.025), 3)
    best = (-1.0, -0.05, 0.05)
    for low in grid:
        for high in grid[grid >= low]:
            pred = np.where(compound >= high, 1, np.where(compound <= low, -1, 0))
            acc = float(np.mean(pred == gold))
            if acc > best[0]:
                best = (acc, float(low), float(high))
    return best[1], best[2]


def _classes(compound: np.ndarray, low: float = -0.05, high: float = 0.05) -> np.ndarray:
    return np.where(compound >= high, 1, np.where(compound <= low, -1, 0))


def run(data: Path, seed: int = SEED) -> dict:
    """All figures of the benchmark as a dict."""
    from analysis.sentiment.scoring import score_sentences
    from analysis.validation.model import train_frame_model

    results: dict = {"newsmtsc": {}, "persent": {}, "seed": seed}
    folder = data / "newsmtsc"
    train = read_newsmtsc(folder / "train.jsonl")
    empty = pd.DataFrame(index=range(len(train)))
    model = train_frame_model(train["text"], empty, tone=train["label"], seed=seed)
    results["newsmtsc"]["trained_on"] = f"train.jsonl ({len(train)} sentences)"
    for name in NEWSMTSC_TEST:
        test = read_newsmtsc(folder / f"{name}.jsonl")
        gold = test["label"].to_numpy()
        row = {}
        for method in ("vader", "vader-news"):
            row[method] = scores(gold, _classes(score_sentences(test["text"], method)["compound"]))
        row["trained"] = scores(gold, model.predict_tone(test["text"]))
        results["newsmtsc"][name] = row

    folder = data / "persent"
    dev = read_persent(folder / "dev.csv")
    dev_gold = dev["label"].to_numpy()
    empty = pd.DataFrame(index=range(len(dev)))
    model = train_frame_model(dev["text"], empty, tone=dev["label"], seed=seed)
    fitted = {}
    dev_compound = {}
    for method in ("vader", "vader-news"):
        dev_compound[method] = article_compound(dev["text"], method)
        fitted[method] = fit_thresholds(dev_compound[method], dev_gold)
    results["persent"]["thresholds_fitted_on_dev"] = fitted
    majority = int(pd.Series(dev_gold).value_counts().idxmax())
    for name in PERSENT_TEST:
        test = read_persent(folder / f"{name}.csv")
        gold = test["label"].to_numpy()
        row = {}
        for method in ("vader", "vader-news"):
            compound = article_compound(test["text"], method)
            row[method] = scores(gold, _classes(compound, *fitted[method]))
        row["trained"] = scores(gold, model.predict_tone(test["text"]))
        row["always_majority"] = scores(gold, np.full(len(gold), majority))
        results["persent"][name] = row
    return results


def report(results: dict) -> str:
    """The results as Markdown tables."""
    lines = ["| set | method | accuracy | macro-F1 | n |", "|---|---|---|---|---|"]
    for corpus in ("newsmtsc", "persent"):
        for name, row in results[corpus].items():
            if (
                not isinstance(row, dict)
                or "vader" not in row
                or not isinstance(row["vader"], dict)
            ):
                continue
            for method, s in row.items():
                lines.append(
                    f"| {corpus} {name} | {method} | {s['accuracy']:.3f} | {s['macro_f1']:.3f} "
                    f"| {s['n']} |"
                )
    lines += [
        "",
        f"NewsMTSC trained coder: {results['newsmtsc']['trained_on']}; PerSenT: "
        f"trained on dev.csv; VADER thresholds fitted on dev: "
        f"{results['persent']['thresholds_fitted_on_dev']}",
    ]
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """Run the benchmark and print its tables."""
    results = run(args.data, args.seed)
    print(report(results))
    if args.json:
        write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", args.json)
    return 0
