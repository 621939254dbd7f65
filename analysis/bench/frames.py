"""Frame coding on text none of us wrote: GVFC gun-violence headlines (Liu et al. 2019).

Reads ``--data`` (the folder holding ``GVFC_extension_multimodal.csv``, or
``GVFC_headlines_and_annotations.xlsx``, which needs openpyxl: ``pip install .[bench]``): the
1,300 relevant headlines coded with up to two of nine frames (Theme1, Theme2). Each frame is a
yes/no label (multi-label). The headlines are split in two halves with ``--seed``; everything is
fitted on the first half and scored on the second (held out):

* **codebook**: ``analysis/data/examples/gvfc_codebook.toml``, keyword indicators written from
  the frame names before looking at GVFC headlines, never revised on the held-out half;
* **trained**: :func:`analysis.validation.train_frame_model` on the training half (its C chosen
  by cross-validation inside that half);
* **majority**: every headline gets the training half's most frequent frame.

Reported: macro-F1 over the nine frames (mean of per-frame F1) on the held-out half, per-frame
F1, a learning curve of the trained coder (training subsets of 100 to 650 labels, drawn with the
seed, all scored on the same held-out half), and the time to train on the full half on one core.

Liu, S., Guo, L., Mays, K., Betke, M. & Wijaya, D. T. (2019). Detecting frames in news headlines
and its application to analyzing news framing trends surrounding U.S. gun violence. CoNLL 2019.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.commands.options import folder_problem
from analysis.config import DATA_DIR, SEED
from analysis.io import write_text

CODEBOOK = DATA_DIR / "examples" / "gvfc_codebook.toml"
FRAMES = {
    1: "gun_rights",
    2: "gun_control",
    3: "politics",
    4: "mental_health",
    5: "school_safety",
    6: "race_ethnicity",
    7: "public_opinion",
    8: "society_culture",
    9: "economic",
}
CURVE = (100, 200, 300, 400, 500, 650)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options of ``python -m analysis bench frames``."""
    parser.add_argument(
        "--data",
        required=True,
        type=Path,
        help="folder holding GVFC_extension_multimodal.csv or "
        "GVFC_headlines_and_annotations.xlsx (required)",
    )
    parser.add_argument(
        "--seed", type=int, default=SEED, help=f"split and training seed (default: {SEED})"
    )
    parser.add_argument(
        "--codebook",
        type=Path,
        default=CODEBOOK,
        help="codebook to score (default: analysis/data/examples/gvfc_codebook.toml)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def load_gvfc(folder: Path) -> pd.DataFrame:
    """The frame-coded headlines: ``headline`` and one 0/1 column per frame key."""
    csv = folder / "GVFC_extension_multimodal.csv"
    if csv.is_file():
        raw = pd.read_csv(csv).rename(columns={"headline": "text"})
    else:
        xlsx = folder / "GVFC_headlines_and_annotations.xlsx"
        if not xlsx.is_file():
            raise FileNotFoundError(f"{folder}: neither {csv.name} nor {xlsx.name} found")
        raw = pd.read_excel(xlsx).rename(columns={"news_title": "text"})
        raw = raw[raw["Q3 Theme1"] != 99]
    out = pd.DataFrame({"text": raw["text"].astype(str).str.strip()})
    for code, key in FRAMES.items():
        out[key] = ((raw["Q3 Theme1"] == code) | (raw["Q3 Theme2"] == code)).astype(int).values
    return out.reset_index(drop=True)


def macro_f1(gold: pd.DataFrame, pred: pd.DataFrame) -> tuple[float, dict[str, float]]:
    """Mean over frames of the binary F1 (0 where a frame is never predicted nor present)."""
    from sklearn.metrics import f1_score

    per = {
        k: float(f1_score(gold[k].to_numpy(), pred[k].to_numpy(dtype=int), zero_division=0))
        for k in gold.columns
    }
    return float(np.mean(list(per.values()))), per


def _scored(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    macro, per = macro_f1(gold, pred)
    return {"macro_f1": macro, "per_frame": per}


def run(data: Path, seed: int = SEED, codebook: Path = CODEBOOK) -> dict:
    """All figures of the benchmark as a dict."""
    from threadpoolctl import threadpool_limits

    from analysis.framing.frames import frame_matrix
    from analysis.validation.model import train_frame_model

    table = load_gvfc(data)
    keys = list(FRAMES.values())
    order = np.random.default_rng(seed).permutation(len(table))
    half = len(table) // 2
    train, test = table.iloc[order[:half]], table.iloc[order[half:]]
    gold = test[keys].reset_index(drop=True)
    results: dict = {"n_train": len(train), "n_test": len(test), "seed": seed, "methods": {}}

    book_pred = frame_matrix(test["text"], codebook)[keys]
    results["methods"]["codebook"] = _scored(gold, book_pred)
    top = train[keys].sum().idxmax()
    majority = pd.DataFrame({k: np.full(len(test), k == top) for k in keys})
    results["methods"]["majority"] = _scored(gold, majority)
    results["majority_frame"] = top

    with threadpool_limits(1):
        start = time.perf_counter()
        model = train_frame_model(
            train["text"].tolist(),
            train[keys].reset_index(drop=True).astype(float),
            seed=seed,
            drop_uninformative=False,  # every frame scored as trained
        )
        results["train_seconds_one_core"] = time.perf_counter() - start
    pred = model.predict(test["text"].tolist())
    results["methods"]["trained"] = _scored(gold, pred)
    results["trained_C"] = float(model.metrics["C"].iloc[0])

    curve = []
    rng = np.random.default_rng([seed, 1])
    for size in CURVE:
        if size > len(train):
            continue
        pick = train.iloc[np.sort(rng.permutation(len(train))[:size])]
        labels = pick[keys].reset_index(drop=True).astype(float)
        usable = [k for k in keys if labels[k].sum() >= 2]
        with threadpool_limits(1):
            m = train_frame_model(
                pick["text"].tolist(), labels[usable], seed=seed, drop_uninformative=False
            )
        p = m.predict(test["text"].tolist()).reindex(columns=keys, fill_value=False)
        curve.append({"n_train": size, "macro_f1": macro_f1(gold, p)[0]})
    results["learning_curve"] = curve
    return results


def report(results: dict) -> str:
    """The results as Markdown tables."""
    keys = list(FRAMES.values())
    lines = [
        f"GVFC headlines: trained on {results['n_train']}, held out {results['n_test']} "
        f"(seed {results['seed']})",
        "",
        "| method | macro-F1 | " + " | ".join(keys) + " |",
        "|---|---|" + "---|" * len(keys),
    ]
    for name, r in results["methods"].items():
        per = " | ".join(f"{r['per_frame'][k]:.2f}" for k in keys)
        lines.append(f"| {name} | {r['macro_f1']:.3f} | {per} |")
    lines += ["", "| training labels | held-out macro-F1 |", "|---|---|"]
    lines += [f"| {c['n_train']} | {c['macro_f1']:.3f} |" for c in results["learning_curve"]]
    lines += [
        "",
        f"majority frame: {results['majority_frame']}; trained C = {results['trained_C']}; "
        f"training on {results['n_train']} items took {results['train_seconds_one_core']:.1f} s "
        "on one core",
    ]
    return "\n".join(lines)


def input_problem(data: Path, codebook: Path) -> str | None:
    """Why the benchmark cannot read ``--data`` or ``--codebook`` (one line naming the option),
    or None."""
    problem = folder_problem("--data", data, "the GVFC files")
    if problem:
        return problem
    names = ("GVFC_extension_multimodal.csv", "GVFC_headlines_and_annotations.xlsx")
    if not any((data / name).is_file() for name in names):
        return f"--data {data}: neither {names[0]} nor {names[1]} in it"
    if not codebook.is_file():
        return f"--codebook {codebook}: no such file"
    return None


def main(args: argparse.Namespace) -> int:
    """Run the benchmark and print its tables; exit code 2 on a missing --data or --codebook."""
    problem = input_problem(args.data, args.codebook)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    results = run(args.data, args.seed, args.codebook)
    print(report(results))
    if args.json:
        write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", args.json)
    return 0
