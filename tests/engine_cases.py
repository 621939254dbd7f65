"""Made-up raw documents shared by the engine tests."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.files import to_raw_docs

PHRASES = [
    "Negotiators agreed to pause the grain tariffs.",
    "Critics said the deal is fragile.",
    "Mr. Lund of Acme Corp. welcomed the news.",
    "Exporters expect delays at the border.",
    "Prices rose 4% on Tuesday.",
]


def raw_docs(n: int) -> pd.DataFrame:
    """``n`` made-up documents of 1–5 sentences from three outlets."""
    texts = [" ".join(PHRASES[(i + k) % 5] for k in range(1 + i % 5)) for i in range(n)]
    return to_raw_docs(
        {
            "doc_id": [f"d{i:04d}" for i in range(n)],
            "outlet": [("Herald", "Courier", "Gazette")[i % 3] for i in range(n)],
            "origin": [("North", "South")[i % 2] for i in range(n)],
            "raw_text": texts,
        },
        n,
    )
