"""Accuracy of VADER and the news variant against human-labelled sentiment in news text.

Two sets, read from ``--data`` (a folder holding ``vader_hutto2014/`` and ``newsmtsc/``):

* **NYT editorial snippets** (Hutto & Gilbert 2014; 5,190 snippets, mean of ~20 human ratings
  on −4..+4). Reported: Pearson r of compound with the mean rating, and 3-class macro-F1.
  Gold class: neutral when |mean| ≤ 0.5, otherwise the sign (a second row uses |mean| ≤ 0.25).
  Predicted class: VADER's convention, compound ≥ 0.05 positive, ≤ −0.05 negative. Published
  (paper Table 4): VADER r = 0.492, F1 = 0.55; individual humans r = 0.745. Also reported on the
  subset of snippets that contain a news-domain term (its n is printed), and for plain VADER on
  NLTK's own tokens (``vader, NLTK tokens``), with the number of snippets whose compound the
  package's reading of words changes (:mod:`analysis.sentiment.vader`).
* **NewsMTSC** (Hamborg & Donnay 2021; ``devtest_rw`` and ``devtest_mt``): sentiment towards a
  marked target mention (polarity 2/4/6 = negative/neutral/positive). Compared: the whole
  sentence's compound (the sentence-level baseline, which is what the actor-tone tables use),
  the compound of the clause holding the mention (split at , ; : brackets, quotes, dashes and
  before "but / while / although / though / whereas / however"), and of a ±k-token window
  around it. Macro-F1 over the three classes, with n targets; the whole sentence also on NLTK's
  own tokens.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.io import write_text
from analysis.sentiment.scoring import METHODS, has_domain_term, score_sentences, tone_class
from analysis.sentiment.vader import VaderAnalyzer

NYT_FILE = Path("vader_hutto2014") / "nytEditorialSnippets_GroundTruth.txt"
NEWSMTSC_FILES = {
    "newsmtsc_rw": Path("newsmtsc") / "devtest_rw.jsonl",
    "newsmtsc_mt": Path("newsmtsc") / "devtest_mt.jsonl",
}
PUBLISHED = "published (Hutto & Gilbert 2014, NYT): VADER r = 0.492, F1 = 0.55; humans r = 0.745"
GOLD_THRESHOLDS = (0.5, 0.25)
NLTK_TOKENS = "vader, NLTK tokens"
POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}

_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()\[\]\"“”—–]|\s-\s|\s(?=(?:but|while|although|though|whereas|however)\b)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\S+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options of ``python -m analysis bench sentiment``."""
    parser.add_argument(
        "--data",
        required=True,
        type=Path,
        help="folder holding vader_hutto2014/ and newsmtsc/ (e.g. a copy of the benchmarks)",
    )
    parser.add_argument(
        "--window", type=int, default=6, help="tokens either side of a target (default 6)"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


# -- metrics ---------------------------------------------------------------------------------


def macro_f1(gold: np.ndarray, pred: np.ndarray, labels: tuple[int, ...] = (-1, 0, 1)) -> float:
    """Unweighted mean of the per-class F1 scores (a class absent from both counts as 0)."""
    gold = np.asarray(gold)
    pred = np.asarray(pred)
    if gold.shape != pred.shape:
        raise ValueError("gold and predicted labels differ in length")
    scores = []
    for label in labels:
        tp = int(np.sum((pred == label) & (gold == label)))
        fp = int(np.sum((pred == label) & (gold != label)))
        fn = int(np.sum((pred != label) & (gold == label)))
        denom = 2 * tp + fp + fn
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def pearson_r(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation (NaN when either side is constant)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.size < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def gold_class(mean_rating: np.ndarray, threshold: float) -> np.ndarray:
    """−1 / 0 / +1 from a mean human rating: neutral when |mean| ≤ threshold."""
    values = np.asarray(mean_rating, dtype=float)
    return np.where(values > threshold, 1, np.where(values < -threshold, -1, 0))


# -- readers ---------------------------------------------------------------------------------


def read_vader_ground_truth(path: Path) -> pd.DataFrame:
    """A ``*_GroundTruth.txt`` file: columns ``id, mean, text`` (tab-separated, CRLF, no header)."""
    rows = []
    text = path.read_text(encoding="utf-8-sig")
    for k, line in enumerate(text.split("\n")):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise ValueError(f"{path}:{k + 1}: expected id<TAB>mean<TAB>sentence")
        rows.append({"id": parts[0], "mean": float(parts[1]), "text": parts[2]})
    return pd.DataFrame(rows, columns=["id", "mean", "text"])


def read_newsmtsc(path: Path) -> pd.DataFrame:
    """One row per target: ``sentence, start, end, mention, gold`` (gold −1/0/+1)."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if not line.strip():
                continue
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            for target in record["targets"]:
                polarity = float(target["polarity"])
                if polarity not in POLARITY:
                    raise ValueError(f"{path}:{k + 1}: unknown polarity {polarity}")
                rows.append(
                    {
                        "sentence": sentence,
                        "start": int(target["from"]),
                        "end": int(target["to"]),
                        "mention": target.get("mention", ""),
                        "gold": POLARITY[polarity],
                    }
                )
    return pd.DataFrame(rows, columns=["sentence", "start", "end", "mention", "gold"])


# -- target scoping --------------------------------------------------------------------------


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause(s) of ``sentence`` overlapping characters ``start:end``."""
    cuts = [0]
    for m in _CLAUSE_BOUNDARY.finditer(sentence):
        cuts.extend([m.start(), m.end()])
    cuts.append(len(sentence))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    chosen = [(a, b) for a, b in spans if a < max(end, start + 1) and b > start]
    if not chosen:
        return sentence[start:end]
    return sentence[chosen[0][0] : chosen[-1][1]].strip()


def window_around(sentence: str, start: int, end: int, k: int) -> str:
    """The target mention plus up to ``k`` whitespace tokens on each side."""
    tokens = list(_TOKEN.finditer(sentence))
    inside = [
        i for i, t in enumerate(tokens) if t.start() < max(end, start + 1) and t.end() > start
    ]
    if not inside:
        return sentence[start:end]
    first, last = max(0, inside[0] - k), min(len(tokens) - 1, inside[-1] + k)
    return sentence[tokens[first].start() : tokens[last].end()]


# -- evaluations -----------------------------------------------------------------------------


@dataclass
class Row:
    dataset: str
    subset: str
    method: str
    approach: str
    n: int
    pearson_r: float
    macro_f1: float
    note: str = ""


def nltk_token_compound(texts: pd.Series) -> np.ndarray:
    """Plain VADER's compound of each text on NLTK's own tokens (NLTK's numbers exactly)."""
    return VaderAnalyzer(tokens="nltk").score_many(texts.astype(str).tolist())[:, 3]


def evaluate_nyt(path: Path) -> list[Row]:
    """r and macro-F1 for both methods on all snippets and on those with a domain term; plain
    VADER also on NLTK's tokens, its note the number of snippets whose compound differs."""
    data = read_vader_ground_truth(path)
    domain = has_domain_term(data["text"]).to_numpy()
    rows = []
    compounds = {m: score_sentences(data["text"], m)["compound"].to_numpy() for m in METHODS}
    compounds[NLTK_TOKENS] = nltk_token_compound(data["text"])
    changed = int((compounds[NLTK_TOKENS] != compounds["vader"]).sum())
    for method, compound in compounds.items():
        pred = tone_class(compound)
        for subset, mask in (("all", np.ones(len(data), bool)), ("with domain term", domain)):
            for threshold in GOLD_THRESHOLDS:
                gold = gold_class(data["mean"].to_numpy()[mask], threshold)
                rows.append(
                    Row(
                        "nyt_editorials",
                        subset,
                        method,
                        "sentence",
                        int(mask.sum()),
                        pearson_r(compound[mask], data["mean"].to_numpy()[mask]),
                        macro_f1(gold, pred[mask]),
                        f"gold neutral |mean|<={threshold}"
                        + (
                            f"; vader differs on {changed}"
                            if method == NLTK_TOKENS and subset == "all"
                            else ""
                        ),
                    )
                )
    return rows


def evaluate_newsmtsc(path: Path, name: str, window: int) -> list[Row]:
    """Macro-F1 of sentence-, clause- and window-level tone against target polarity."""
    data = read_newsmtsc(path)
    gold = data["gold"].to_numpy()
    scopes = {
        "sentence": data["sentence"],
        "clause": pd.Series(
            [
                clause_around(s, a, b)
                for s, a, b in zip(data.sentence, data.start, data.end, strict=True)
            ]
        ),
        f"window ±{window}": pd.Series(
            [
                window_around(s, a, b, window)
                for s, a, b in zip(data.sentence, data.start, data.end, strict=True)
            ]
        ),
    }
    rows = []
    runs = [
        (m, a, score_sentences(t, m)["compound"].to_numpy())
        for m in METHODS
        for a, t in scopes.items()
    ]
    runs.append((NLTK_TOKENS, "sentence", nltk_token_compound(data["sentence"])))
    for method, approach, compound in runs:
        rows.append(
            Row(
                name,
                "all targets",
                method,
                approach,
                len(data),
                float("nan"),
                macro_f1(gold, tone_class(compound)),
                "predicted: compound >= .05 pos, <= -.05 neg",
            )
        )
    return rows


def run(data_dir: Path, window: int = 6) -> pd.DataFrame:
    """All evaluations whose files exist under ``data_dir``; raises if none do."""
    rows: list[Row] = []
    nyt = data_dir / NYT_FILE
    if nyt.is_file():
        rows += evaluate_nyt(nyt)
    for name, rel in NEWSMTSC_FILES.items():
        if (data_dir / rel).is_file():
            rows += evaluate_newsmtsc(data_dir / rel, name, window)
    if not rows:
        raise FileNotFoundError(
            f"no benchmark files under {data_dir}: expected {NYT_FILE} and/or "
            f"{', '.join(str(p) for p in NEWSMTSC_FILES.values())}"
        )
    return pd.DataFrame([r.__dict__ for r in rows])


def format_table(results: pd.DataFrame) -> str:
    """A plain-text table for the terminal."""
    shown = results.copy()
    shown["pearson_r"] = shown["pearson_r"].map(lambda v: "" if np.isnan(v) else f"{v:.3f}")
    shown["macro_f1"] = shown["macro_f1"].map(lambda v: f"{v:.3f}")
    return shown.to_string(index=False)


def main(args: argparse.Namespace) -> int:
    """Run the benchmark, print the table, optionally write JSON."""
    if args.window < 0:
        print("--window must be 0 or more")
        return 2
    try:
        results = run(Path(args.data), window=args.window)
    except FileNotFoundError as err:
        print(err)
        return 2
    print(format_table(results))
    print()
    print(PUBLISHED)
    if args.json is not None:
        payload = {
            "published": {"vader_nyt_r": 0.492, "vader_nyt_f1": 0.55, "humans_nyt_r": 0.745},
            "results": json.loads(results.to_json(orient="records")),
        }
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        write_text(json.dumps(payload, indent=2) + "\n", args.json)
        print(f"wrote {args.json}")
    return 0
