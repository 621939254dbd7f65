"""The per-document work, as one pure function over a chunk of raw documents.

clean → split → sentiment (plain VADER and the news variant) → actors → frames → sourcing and
hedging. The same function serves the five bundled articles, a notebook, a multi-core run and a
Dask cluster, so there is no second code base for scale: engines only decide how chunks are fed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.documents import clean_documents, split_documents


@dataclass(frozen=True)
class ChunkResult:
    """What one chunk of raw documents yields."""

    documents: pd.DataFrame  # one row per document (clean text included)
    sentences: pd.DataFrame  # one row per sentence with every per-sentence measure
    audit: pd.DataFrame  # every line cleaning removed, changed or moved


def measure_sentences(
    sentences: pd.DataFrame, *, codebook: Path | str | None = None
) -> pd.DataFrame:
    """Add every per-sentence measure to a sentences table (see DEVELOPERS.md)."""
    from analysis.framing.tables import add_framing
    from analysis.sentiment.actors import add_actors
    from analysis.sentiment.scoring import add_sentiment

    measured = add_sentiment(sentences)
    measured = add_actors(measured)
    return add_framing(measured, codebook=codebook)


def process_chunk(
    raw_docs: pd.DataFrame,
    *,
    codebook: Path | str | None = None,
    keep_text: bool = True,
    measures: bool = True,
) -> ChunkResult:
    """Clean, split and measure a chunk of raw documents (columns as from ``read_raw_documents``).

    Pure: the output depends only on the input rows and the codebook, so chunks can be processed
    in any order, on any worker, and concatenated. ``measures=False`` stops after splitting (the
    sentences table without per-sentence measures); ``keep_text=False`` drops the clean text.
    """
    documents, audit = clean_documents(raw_docs)
    documents, sentences = split_documents(documents)
    if measures:
        sentences = measure_sentences(sentences, codebook=codebook)
    if not keep_text:
        documents = documents.drop(columns=["text"])
    return ChunkResult(documents=documents, sentences=sentences, audit=audit)
