"""``python -m analysis bench truncation``: the ``truncated`` quality flag on complete article
bodies and on the same bodies cut short.

The flag (:func:`analysis.corpus.quality.ends_mid_sentence`) guesses from a text's last line
whether it was cut short (a paywall, a feed's excerpt). Measured on the article-extraction
benchmark (``ground-truth.json``: 120 pages of many sites with each page's human-marked
``articleBody``): each complete body should not be flagged (its false alarms are listed with
their last characters), and each body cut at ``--cuts`` random word boundaries (seeded; within
its first 95%) should be. The rules were written from this set's false alarms (closing credit,
rule, link and embedded-post lines), so its false-alarm figure is not a held-out one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

from analysis.corpus.quality import ends_mid_sentence

SEED = 7
_SHOWN_CHARS = 70
_MIN_SPACES = 20  # a body of fewer words is not cut


def truncation_flags(bodies: dict[str, str], cuts: int = 10, seed: int = SEED) -> dict[str, Any]:
    """The flag on each complete body (``false_alarms``: id and the body's end) and on
    ``cuts`` seeded cuts of each body of at least 20 words (``cut_flagged`` of ``cut_total``)."""
    rng = random.Random(seed)
    alarms = []
    flagged = total = 0
    for page_id, body in sorted(bodies.items()):
        body = body.rstrip()
        if ends_mid_sentence(body):
            alarms.append({"id": page_id, "end": body[-_SHOWN_CHARS:]})
        spaces = [m.start() for m in re.finditer(" ", body)]
        if len(spaces) < _MIN_SPACES:
            continue
        for _ in range(cuts):
            total += 1
            flagged += ends_mid_sentence(body[: rng.choice(spaces[: int(len(spaces) * 0.95)])])
    return {
        "complete": len(bodies),
        "false_alarms": alarms,
        "cut_total": total,
        "cut_flagged": flagged,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``bench truncation``."""
    parser.add_argument(
        "--data", type=Path, required=True, help="article-extraction benchmark folder"
    )
    parser.add_argument("--cuts", type=int, default=10, help="random cuts of each body")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def main(args: argparse.Namespace) -> int:
    """Print both figures and the false alarms; 2 when the folder is not the benchmark."""
    truth_path = args.data / "ground-truth.json"
    if not truth_path.is_file():
        print(f"{args.data}: no ground-truth.json; pass the article-extraction folder")
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    bodies = {k: str(v.get("articleBody") or "") for k, v in truth.items()}
    result = truncation_flags(bodies, cuts=args.cuts)
    n_alarms = len(result["false_alarms"])
    share = result["cut_flagged"] / result["cut_total"] if result["cut_total"] else float("nan")
    print(f"complete bodies flagged truncated: {n_alarms} of {result['complete']}")
    cut = f"{result['cut_flagged']} of {result['cut_total']} ({share:.1%})"
    print(f"bodies cut at a random word, flagged: {cut}")
    for row in result["false_alarms"]:
        print(f"  {row['id'][:12]}: …{' '.join(row['end'].split())}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True), encoding="utf-8")
    return 0
