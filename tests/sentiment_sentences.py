"""Scored sentences written for the sentiment tests: two outlets, three articles, 12 sentences.

Shared by the tests of :mod:`analysis.sentiment.tables` and :mod:`analysis.sentiment.findings`.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.sentiment.actors import Actor, load_actor_lexicon
from analysis.sentiment.scoring import add_sentiment

# A made-up actor lexicon and news-term list for these sentences (not the seeds' lexicons).
ACTORS_TOML = """
[[actor]]
key = "china"
label = "Beijing"
side = "china"
patterns = ["Beijing"]
cased = []
note = "The capital named in these test sentences."

[[actor]]
key = "eu"
label = "European Union"
side = "eu"
patterns = ["European Union"]
cased = ["EU"]
note = "Matched in capitals only."
"""
NEWS_TERMS_CSV = "term,note\ncritical mineral,A policy category; 'critical' is not tone here.\n"


@cache
def lexicon_dir() -> Path:
    """A temporary folder holding ``actors.toml`` and ``news_terms.csv`` written from above,
    removed when the test session's interpreter exits (each run used to leave one behind)."""
    folder = Path(tempfile.mkdtemp(prefix="sentiment-lexicons-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "actors.toml").write_text(ACTORS_TOML, encoding="utf-8")
    (folder / "news_terms.csv").write_text(NEWS_TERMS_CSV, encoding="utf-8")
    return folder


def made_up_actors() -> tuple[Actor, ...]:
    """The made-up actor lexicon."""
    return load_actor_lexicon(lexicon_dir() / "actors.toml")


LEDGER_1 = [
    "Ruritania welcomed the wonderful agreement.",
    "Traders were delighted and relieved.",
    "The grain harbour reopened.",
    "Beijing praised the excellent deal.",
]
LEDGER_2 = [
    "Farmers celebrated a great harvest.",
    "The EU called the plan a success.",
    "Prices stayed flat.",
]
POST_1 = [
    "Freedonia condemned the terrible, unfair tariffs.",
    "Beijing warned of a painful, disastrous crisis.",
    "Critical minerals shipments stalled.",
    "Exporters fear losses.",
    "The port was quiet.",
]


def sentence_table() -> pd.DataFrame:
    rows = []
    for doc, outlet, origin, texts in [
        ("L1", "Daily Ledger", "Ruritania", LEDGER_1),
        ("L2", "Daily Ledger", "Ruritania", LEDGER_2),
        ("P1", "Freedonia Post", "Freedonia", POST_1),
    ]:
        for k, text in enumerate(texts):
            rows.append(
                {
                    "doc_id": doc,
                    "outlet": outlet,
                    "origin": origin,
                    "sentence_id": k,
                    "sentence": text,
                    "n_words": len(text.split()),
                }
            )
    return add_sentiment(pd.DataFrame(rows), news_terms=lexicon_dir() / "news_terms.csv")
