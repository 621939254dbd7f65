"""Sentences written for the framing tests: two outlets, three articles, 7 sentences.

Shared by the tests of :mod:`analysis.framing.tables` and :mod:`analysis.framing.findings`.
"""

from __future__ import annotations

import pandas as pd
from conftest import STORY_LEXICONS

from analysis.framing.tables import add_framing

# The bundled story's codebook (issue frames such as truce_deescalation).
STORY_CODEBOOK = STORY_LEXICONS / "frames.toml"

ROWS = [
    # doc, outlet, sentence
    ("a1", "Harbour Daily", "The two sides agreed to a truce on grain levies."),
    ("a1", "Harbour Daily", "Officials said the pause could collapse if prices fall."),
    ("a1", "Harbour Daily", "Farmers fear for their families as the dispute drags on."),
    ("a2", "Harbour Daily", "The truce may hold, according to Reuters."),
    ("b1", "Valley Post", "The ministry vowed to retaliate against the new tariffs."),
    ("b1", "Valley Post", "“We will never accept this pressure,” a spokesperson said."),
    ("b1", "Valley Post", "The weather was mild."),
]


def framed_sentences() -> pd.DataFrame:
    """The rows above as a sentences table measured with :func:`add_framing`."""
    df = pd.DataFrame(ROWS, columns=["doc_id", "outlet", "sentence"])
    df["sentence_id"] = df.groupby("doc_id").cumcount()
    df["n_words"] = df["sentence"].str.split().str.len()
    return add_framing(df, STORY_CODEBOOK)
