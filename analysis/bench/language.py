"""``python -m analysis bench language``: the language guess against the languages pages declare,
and how often English news is guessed as another language.

The guess (:func:`analysis.corpus.language.guess_language`) fills ``language`` for documents that
come without one, and a language other than English raises the ``language`` flag and a warning.
Two sets measure it, neither used to choose its thresholds (those were set from the
function-word shares of English prose, 0.4–0.5, and of headlines and bylines, 0.1–0.25):

- ``--pages DIR``: the article-extraction benchmark (120 pages of many sites; ``html/<id>.html``
  or ``.html.gz`` and ``ground-truth.json`` with each page's human-marked ``articleBody``). The
  guess on each body is compared with the page's declared ``<html lang>``. A declaration is a
  publisher's, not a judge's: the disagreements are listed with the body's opening so a reader
  can tell which is right.
- ``--persent DIR``: PerSenT's CSV files (Bastan et al. 2020), English news articles: every
  guess other than ``en`` is a false alarm of the ``language`` flag.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus.language import guess_language

_LANG_RE = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_SHOWN_CHARS = 100


def declared_language(html: str) -> str:
    """The primary language subtag of a page's ``<html lang="...">`` in lower case (``"en"``
    for ``en-US``), or ``""`` when the page declares none."""
    match = _LANG_RE.search(html[:20_000])
    return match.group(1).lower() if match else ""


def _page_html(folder: Path, page_id: str) -> str:
    for name in (f"{page_id}.html.gz", f"{page_id}.html"):
        path = folder / "html" / name
        if path.is_file():
            raw = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
            return raw.decode("utf-8", errors="replace")
    return ""


def pages_agreement(folder: Path) -> dict[str, Any]:
    """Guesses on the human-marked bodies of the pages in ``folder``, against their declared
    language: counts of guesses, of pages that declare a language, of agreements, and each
    disagreement (id, url, declared, guessed, the body's opening)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    guesses: Counter[str] = Counter()
    declared_n = agree = 0
    disagreements = []
    for page_id, entry in sorted(truth.items()):
        body = str(entry.get("articleBody") or "")
        guess = guess_language(body)
        guesses[guess or "(too short)"] += 1
        declared = declared_language(_page_html(folder, page_id))
        if not declared:
            continue
        declared_n += 1
        if declared == guess:
            agree += 1
        else:
            disagreements.append(
                {
                    "id": page_id,
                    "url": str(entry.get("url") or ""),
                    "declared": declared,
                    "guessed": guess,
                    "opening": " ".join(body.split())[:_SHOWN_CHARS],
                }
            )
    return {
        "pages": sum(guesses.values()),
        "guesses": dict(sorted(guesses.items(), key=lambda kv: (-kv[1], kv[0]))),
        "declaring": declared_n,
        "agreeing": agree,
        "disagreements": disagreements,
    }


def english_false_alarms(folder: Path) -> dict[str, Any]:
    """Guesses on PerSenT's articles (all English): how many are guessed as English, as another
    language (false alarms, listed with their opening) and as too short to tell."""
    guesses: Counter[str] = Counter()
    alarms = []
    for path in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(path, usecols=["DOCUMENT_INDEX", "DOCUMENT"], dtype=str)
        for doc_id, text in zip(frame["DOCUMENT_INDEX"], frame["DOCUMENT"].fillna(""), strict=True):
            guess = guess_language(text)
            guesses[guess or "(too short)"] += 1
            if guess and guess != "en":
                opening = " ".join(text.split())[:_SHOWN_CHARS]
                alarms.append(
                    {"file": path.name, "id": doc_id, "guessed": guess, "opening": opening}
                )
    return {
        "articles": sum(guesses.values()),
        "guesses": dict(sorted(guesses.items(), key=lambda kv: (-kv[1], kv[0]))),
        "false_alarms": alarms,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``bench language``."""
    parser.add_argument(
        "--pages", type=Path, help="article-extraction benchmark folder (html/, ground-truth.json)"
    )
    parser.add_argument("--persent", type=Path, help="folder of the PerSenT CSV files")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")


def main(args: argparse.Namespace) -> int:
    """Print both measures (whichever folders are given); 2 when a folder is not the set."""
    if args.pages is None and args.persent is None:
        print("give --pages DIR (article-extraction benchmark) and/or --persent DIR (PerSenT)")
        return 2
    results: dict[str, Any] = {}
    if args.pages is not None:
        if not (args.pages / "ground-truth.json").is_file():
            print(f"{args.pages}: no ground-truth.json; pass the article-extraction folder")
            return 2
        pages = results["pages"] = pages_agreement(args.pages)
        print(f"pages: {pages['pages']}, guessed {_counts(pages['guesses'])}")
        print(
            f"  declaring a language (<html lang>): {pages['declaring']}; the guess agrees on "
            f"{pages['agreeing']}; where not (the declaration or the guess is wrong: read them):"
        )
        for row in pages["disagreements"]:
            print(f"  declared {row['declared']}, guessed {row['guessed']}: {row['url']}")
            print(f"    {row['opening']}")
    if args.persent is not None:
        if not list(args.persent.glob("*.csv")):
            print(f"{args.persent}: no CSV files; pass the PerSenT folder")
            return 2
        persent = results["persent"] = english_false_alarms(args.persent)
        n_alarms = len(persent["false_alarms"])
        print(
            f"PerSenT (English news): {persent['articles']} articles, guessed "
            f"{_counts(persent['guesses'])}; not English (false alarms): {n_alarms}"
        )
        for row in persent["false_alarms"]:
            print(f"  {row['file']} {row['id']}: {row['guessed']}: {row['opening']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")
    return 0


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.items())
