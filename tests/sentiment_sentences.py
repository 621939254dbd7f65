"""Scored sentences written for the sentiment tests: two outlets, three articles, 12 sentences.

Shared by the tests of :mod:`analysis.sentiment.tables` and :mod:`analysis.sentiment.findings`.
"""

from __future__ import annotations

import pandas as pd

from analysis.sentiment.scoring import add_sentiment

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
    return add_sentiment(pd.DataFrame(rows))
