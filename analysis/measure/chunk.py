"""The per-document work, as one pure function over a chunk of raw documents.

clean → split → sentiment (plain VADER and the news variant) → actors → frames → sourcing and
hedging. The same function serves the five bundled articles, a notebook, a multi-core run and a
Dask cluster, so there is no second code base for scale: engines only decide how chunks are fed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.documents import clean_documents, split_documents
from analysis.settings import Lexicons


@dataclass(frozen=True)
class ChunkResult:
    """What one chunk of raw documents yields."""

    documents: pd.DataFrame  # one row per document (clean text included)
    sentences: pd.DataFrame  # one row per sentence with every per-sentence measure
    audit: pd.DataFrame  # every line cleaning removed, changed or moved


def measure_sentences(
    sentences: pd.DataFrame,
    *,
    codebook: Path | str | None = None,
    lexicons: Lexicons | None = None,
    actors: bool = True,
) -> pd.DataFrame:
    """Add every per-sentence measure to a sentences table (see DEVELOPERS.md).

    ``lexicons`` names the lexicon files (default: the package's); ``codebook`` overrides its
    codebook. Without an actor file the actors are discovered in ``sentences``
    (:func:`analysis.sentiment.actors.actors_for`); ``actors=False`` leaves the actor columns
    out (a chunk of a larger corpus: the loader adds them over the whole corpus).
    """
    from analysis.framing.tables import add_framing
    from analysis.sentiment.actors import actors_for, add_actors
    from analysis.sentiment.scoring import add_sentiment

    lex = lexicons or Lexicons()
    book = codebook if codebook is not None else lex.codebook
    measured = add_sentiment(sentences, news_terms=lex.news_terms)
    if actors:
        measured = add_actors(measured, actors_for(sentences, lex.actors))
    return add_framing(measured, codebook=book, sources=lex.sources, hedges=lex.hedges)


def process_chunk(
    raw_docs: pd.DataFrame,
    *,
    codebook: Path | str | None = None,
    keep_text: bool = True,
    measures: bool = True,
    lexicons: Lexicons | None = None,
    actors: bool = True,
    after_cleaning: Callable[[pd.DataFrame], object] | None = None,
) -> ChunkResult:
    """Clean, split and measure a chunk of raw documents (columns as from ``read_raw_documents``).

    Pure: the output depends only on the input rows and the codebook, so chunks can be processed
    in any order, on any worker, and concatenated (with discovered actors, pass ``actors=False``
    and add them over the whole corpus). ``measures=False`` stops after splitting (the sentences
    table without per-sentence measures); ``keep_text=False`` drops the clean text.

    ``after_cleaning``, if given, is called with the clean documents before they are split (the
    text and metadata columns are final then; splitting only adds the counts): how the quality
    checks of a run's last chunk are offered to an idle worker while this goes on
    (:func:`analysis.measure.document_quality.checked_chunk`).
    """
    documents, audit = clean_documents(raw_docs)
    if after_cleaning is not None:
        after_cleaning(documents)
    documents, sentences = split_documents(documents)
    if measures:
        sentences = measure_sentences(
            sentences, codebook=codebook, lexicons=lexicons, actors=actors
        )
    if not keep_text:
        documents = documents.drop(columns=["text"])
    return ChunkResult(documents=documents, sentences=sentences, audit=audit)
