"""``python -m analysis bench extraction --data DIR``: article-body F1 of the HTML extraction.

DIR holds the Scrapinghub/Zyte article-extraction benchmark layout: ``html/<id>.html.gz`` (or
``.html``) and ``ground-truth.json`` mapping each id to ``{"articleBody": ...}``. The score is
the benchmark's own (its ``evaluate.py``): precision and recall of word 4-gram shingles per page,
normalised per page, averaged over pages, F1 of the two means. Pages are split by sorted id into
a tuning half (even positions) and a held-out half (odd positions): settings are compared on the
tuning half, and the held-out figure is the one to quote for the chosen settings.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from analysis.commands.options import add_data_folder, data_folder
from analysis.corpus.html import EXTRACT_SETTINGS

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# The settings compared: the used ones (favor_precision, no tables) and trafilatura's other modes.
CANDIDATES: dict[str, dict[str, object]] = {
    "favor_precision": dict(EXTRACT_SETTINGS),  # the used settings (tables out)
    "balanced": {**EXTRACT_SETTINGS, "favor_precision": False},
    "favor_recall": {**EXTRACT_SETTINGS, "favor_recall": True},
    "with tables": {**EXTRACT_SETTINGS, "include_tables": True},
}
USED = "used, tables holding prose"  # the package's extraction: the row to quote


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page ``(tp, fp, fn)`` over word 4-gram shingles, normalised to sum to 1.

    The benchmark's ``string_shingle_matching`` (Scrapinghub article-extraction-benchmark), so
    that long pages do not weigh more than short ones.
    """
    a, b = _shingles(true), _shingles(pred)
    tp = float(sum((a & b).values()))
    fp = float(sum((b - a).values()))
    fn = float(sum((a - b).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """F1, precision and recall of ``(true, predicted)`` bodies, as the benchmark averages them."""
    counts = [shingle_counts(t, p) for t, p in pairs]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "n_pages": float(len(pairs))}


def load_pages(folder: Path) -> dict[str, tuple[str, str]]:
    """``{id: (html, true body)}`` of a benchmark folder, sorted by id."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in sorted(truth):
        gz = folder / "html" / f"{key}.html.gz"
        path = gz if gz.is_file() else folder / "html" / f"{key}.html"
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages[key] = (data.decode("utf-8", errors="replace"), truth[key].get("articleBody", ""))
    return pages


def _used_text(html: str) -> str:
    """The text the package extracts from a page: the used settings, and the page's tables
    read when their cells hold paragraphs (:func:`analysis.corpus.html.extract_article`)."""
    from analysis.corpus.html import extract_article

    return extract_article(html).text


def run(folder: Path) -> dict[str, dict[str, dict[str, float]]]:
    """Scores of every candidate setting on the tuning and held-out halves of ``folder``, and of
    the package's extraction as it runs (``"used, tables holding prose"``)."""
    import trafilatura

    pages = list(load_pages(folder).values())
    halves = {"tuning": pages[0::2], "held_out": pages[1::2]}
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, settings in CANDIDATES.items():
        results[name] = {}
        for half, items in halves.items():
            pairs = [(t, trafilatura.extract(h, **settings) or "") for h, t in items]
            results[name][half] = score(pairs)
    results[USED] = {
        half: score([(t, _used_text(h)) for h, t in items]) for half, items in halves.items()
    }
    return results


HOLDING = "the article-extraction benchmark (html/, ground-truth.json)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``bench extraction``."""
    add_data_folder(parser, HOLDING)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def main(args: argparse.Namespace) -> int:
    """Print F1/precision/recall per setting and half; 2 when the folder is not a benchmark."""
    folder = data_folder(args, HOLDING)
    if isinstance(folder, Path) and not (folder / "ground-truth.json").is_file():
        folder = f"--data {folder}: no ground-truth.json in it; give the benchmark folder"
    if isinstance(folder, str):
        print(f"error: {folder}", file=sys.stderr)
        return 2
    results = run(folder)
    print(f"{'settings':<31} {'half':<9} {'F1':>6} {'prec':>6} {'recall':>6} {'pages':>6}")
    for name, halves in results.items():
        for half, m in halves.items():
            print(
                f"{name:<31} {half:<9} {m['f1']:6.3f} {m['precision']:6.3f} "
                f"{m['recall']:6.3f} {int(m['n_pages']):6d}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")
    return 0
