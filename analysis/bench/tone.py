"""Tone on text none of us wrote: NewsMTSC sentences, PerSenT articles, financial news sentences.

Reads ``--data`` (a folder holding ``newsmtsc/`` and ``persent/``, and, when present,
``financial_phrasebank/``). Compared, always on test files never used for fitting:

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
* **Financial PhraseBank** (Malo et al. 2014, "Good debt or bad debt", JASIST): 4,846 sentences
  of English financial news labelled negative/neutral/positive by 5–8 annotators *from an
  investor's point of view* (the likely effect on a share price, not the writer's tone), with
  the share of annotators who agreed. ``Sentences_50Agree.txt`` (at least half agreed; all the
  sentences) is split once, seeded and stratified, into 80% to train the coder and 20% to test
  every method (the split FinBERT reported on: Araci 2019, accuracy 0.86, macro-F1 0.84, a split
  of its own); VADER and vader-news, which learn nothing, are also scored on every sentence of
  ``Sentences_AllAgree.txt`` (all annotators agreed), next to always answering "neutral".

Reported: accuracy and macro-F1 with n.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.bench.stages import StageLog, quiet
from analysis.commands.options import folder_problem
from analysis.config import SEED
from analysis.io import write_text

POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}
PERSENT = {"Negative": -1, "Neutral": 0, "Positive": 1}
NEWSMTSC_TEST = ("devtest_mt", "devtest_rw")
PERSENT_TEST = ("fixed_test", "random_test")
FPB = {"negative": -1, "neutral": 0, "positive": 1}
FPB_FILES = {
    "50Agree": ("Sentences_50Agree.txt", "latin-1"),
    "AllAgree": ("Sentences_AllAgree.txt", "utf-8"),
}
FPB_TEST_SHARE = 0.2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options of ``python -m analysis bench tone``."""
    parser.add_argument(
        "--data",
        required=True,
        type=Path,
        help="folder with newsmtsc/, persent/ (and optionally financial_phrasebank/)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help=f"seed of the coders' training and the Financial PhraseBank split (default: {SEED})",
    )
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


def read_phrasebank(path: Path, encoding: str) -> pd.DataFrame:
    """Financial PhraseBank sentences: ``text, label`` (−1/0/1), one ``sentence@label`` a line
    (split at the last ``@``; the release's files are Latin-1, a UTF-8 copy of the AllAgree
    file is read as UTF-8)."""
    rows = []
    for line in path.read_text(encoding=encoding).splitlines():
        text, _, label = line.rpartition("@")
        if text.strip() and label.strip() in FPB:
            rows.append((text.strip(), FPB[label.strip()]))
    return pd.DataFrame(rows, columns=["text", "label"])


def phrasebank_split(frame: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(train, test)``: a seeded split of ``frame`` stratified by label, test
    :data:`FPB_TEST_SHARE` of it."""
    from sklearn.model_selection import train_test_split

    train, test = train_test_split(
        frame, test_size=FPB_TEST_SHARE, random_state=seed, stratify=frame["label"]
    )
    return train.reset_index(drop=True), test.reset_index(drop=True)


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


def run(data: Path, seed: int = SEED, say: Callable[[str], None] = quiet) -> dict:
    """All figures of the benchmark as a dict; ``say`` is told each stage as it starts (the
    command prints them on stderr: the whole takes minutes)."""
    from analysis.sentiment.scoring import score_sentences
    from analysis.validation.model import train_frame_model

    results: dict = {"newsmtsc": {}, "persent": {}, "seed": seed}
    folder = data / "newsmtsc"
    train = read_newsmtsc(folder / "train.jsonl")
    say(f"NewsMTSC: training the tone coder on train.jsonl ({len(train):,} sentences)")
    empty = pd.DataFrame(index=range(len(train)))
    model = train_frame_model(train["text"], empty, tone=train["label"], seed=seed)
    results["newsmtsc"]["trained_on"] = f"train.jsonl ({len(train)} sentences)"
    for name in NEWSMTSC_TEST:
        test = read_newsmtsc(folder / f"{name}.jsonl")
        say(f"NewsMTSC: scoring {name}.jsonl ({len(test):,} sentences)")
        gold = test["label"].to_numpy()
        row = {}
        for method in ("vader", "vader-news"):
            row[method] = scores(gold, _classes(score_sentences(test["text"], method)["compound"]))
        row["trained"] = scores(gold, model.predict_tone(test["text"]))
        results["newsmtsc"][name] = row

    folder = data / "persent"
    dev = read_persent(folder / "dev.csv")
    dev_gold = dev["label"].to_numpy()
    say(f"PerSenT: training the tone coder on dev.csv ({len(dev):,} articles)")
    empty = pd.DataFrame(index=range(len(dev)))
    model = train_frame_model(dev["text"], empty, tone=dev["label"], seed=seed)
    fitted = {}
    dev_compound = {}
    for method in ("vader", "vader-news"):
        say(f"PerSenT: fitting {method}'s thresholds on dev.csv")
        dev_compound[method] = article_compound(dev["text"], method)
        fitted[method] = fit_thresholds(dev_compound[method], dev_gold)
    results["persent"]["thresholds_fitted_on_dev"] = fitted
    majority = int(pd.Series(dev_gold).value_counts().idxmax())
    for name in PERSENT_TEST:
        test = read_persent(folder / f"{name}.csv")
        say(f"PerSenT: scoring {name}.csv ({len(test):,} articles)")
        gold = test["label"].to_numpy()
        row = {}
        for method in ("vader", "vader-news"):
            compound = article_compound(test["text"], method)
            row[method] = scores(gold, _classes(compound, *fitted[method]))
        row["trained"] = scores(gold, model.predict_tone(test["text"]))
        row["always_majority"] = scores(gold, np.full(len(gold), majority))
        results["persent"][name] = row

    folder = data / "financial_phrasebank"
    if folder.is_dir():
        results["financial_phrasebank"] = _phrasebank(folder, seed, say)
    return results


def _phrasebank(folder: Path, seed: int, say: Callable[[str], None] = quiet) -> dict:
    """The Financial PhraseBank rows of :func:`run` (see the module docstring)."""
    from analysis.validation.model import train_frame_model

    name, encoding = FPB_FILES["50Agree"]
    train, test = phrasebank_split(read_phrasebank(folder / name, encoding), seed)
    say(f"Financial PhraseBank: training on {len(train):,} sentences, scoring {len(test):,}")
    empty = pd.DataFrame(index=range(len(train)))
    model = train_frame_model(train["text"], empty, tone=train["label"], seed=seed)
    out: dict = {"trained_on": f"80% of {name} ({len(train)} sentences, seeded, stratified)"}
    row, _ = _lexicon_rows(test)
    row["trained"] = scores(test["label"].to_numpy(), model.predict_tone(test["text"]))
    row["always_neutral"] = scores(test["label"].to_numpy(), np.zeros(len(test), dtype=int))
    out["50Agree_test20"] = row
    name, encoding = FPB_FILES["AllAgree"]
    every = read_phrasebank(folder / name, encoding)
    say(f"Financial PhraseBank: scoring {name} ({len(every):,} sentences)")
    row, classes = _lexicon_rows(every)
    row["always_neutral"] = scores(every["label"].to_numpy(), np.zeros(len(every), dtype=int))
    out["AllAgree"] = row
    out["AllAgree_vader_confusion"] = confusion(every["label"].to_numpy(), classes["vader"])
    return out


def _lexicon_rows(frame: pd.DataFrame) -> tuple[dict, dict[str, np.ndarray]]:
    """VADER's and vader-news's scores on ``frame`` (``text, label``) and their classes."""
    from analysis.sentiment.scoring import score_sentences

    classes = {
        method: _classes(score_sentences(frame["text"], method)["compound"])
        for method in ("vader", "vader-news")
    }
    gold = frame["label"].to_numpy()
    return {method: scores(gold, pred) for method, pred in classes.items()}, classes


def confusion(gold: np.ndarray, pred: np.ndarray) -> dict[str, dict[str, int]]:
    """``{gold class: {predicted class: n}}`` over negative/neutral/positive."""
    names = {-1: "negative", 0: "neutral", 1: "positive"}
    return {
        names[g]: {names[q]: int(np.sum((gold == g) & (pred == q))) for q in names} for g in names
    }


def report(results: dict) -> str:
    """The results as Markdown tables."""
    lines = ["| set | method | accuracy | macro-F1 | n |", "|---|---|---|---|---|"]
    for corpus in ("newsmtsc", "persent", "financial_phrasebank"):
        for name, row in results.get(corpus, {}).items():
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
    if "financial_phrasebank" in results:
        lines.append(
            f"Financial PhraseBank trained coder: {results['financial_phrasebank']['trained_on']};"
            " its labels are an investor's view of the news, not the writer's tone"
        )
        table = results["financial_phrasebank"].get("AllAgree_vader_confusion")
        if table:
            lines.append("Financial PhraseBank AllAgree, VADER (rows: annotators; columns: VADER):")
            lines.append("| | " + " | ".join(next(iter(table.values()))) + " |")
            lines.append("|---|---|---|---|")
            for gold_name, row in table.items():
                lines.append(f"| {gold_name} | " + " | ".join(str(n) for n in row.values()) + " |")
    return "\n".join(lines)


REQUIRED_FILES = (
    "newsmtsc/train.jsonl",
    *(f"newsmtsc/{name}.jsonl" for name in NEWSMTSC_TEST),
    "persent/dev.csv",
    *(f"persent/{name}.csv" for name in PERSENT_TEST),
)


def data_problem(data: Path) -> str | None:
    """Why the benchmark cannot read ``--data`` (one line naming it and the files it lacks), or
    None. ``financial_phrasebank/`` is optional, but when present needs both its files."""
    problem = folder_problem("--data", data, "newsmtsc/ and persent/")
    if problem:
        return problem
    needed = list(REQUIRED_FILES)
    if (data / "financial_phrasebank").is_dir():
        needed += [f"financial_phrasebank/{name}" for name, _ in FPB_FILES.values()]
    missing = [name for name in needed if not (data / name).is_file()]
    if missing:
        return f"--data {data}: missing {', '.join(missing)}"
    return None


def main(args: argparse.Namespace) -> int:
    """Run the benchmark and print its tables; exit code 2 on a --data without its files."""
    problem = data_problem(args.data)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    results = run(args.data, args.seed, StageLog("tone"))
    print(report(results))
    if args.json:
        write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", args.json)
    return 0
