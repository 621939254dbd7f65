"""The per-document work, as one pure function over a chunk of raw documents.

clean → split → sentiment (plain VADER and the news variant) → actors → frames → sourcing and
hedging. The same function serves the five bundled articles, a notebook, a multi-core run and a
Dask cluster, so there is no second code base for scale: engines only decide how chunks are fed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
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

    The sentiment scores (about a quarter of the work after cleaning) need nothing the other
    measures add, so they are offered (:func:`analysis.measure.engine.offer`) and asked for
    last: in the last chunk of a run on several processes, in up to four pieces, which a
    worker that has finished its own chunks computes meanwhile, from the first, while this
    process computes the other measures and then the pieces no worker has started, from the
    last. Anywhere else they are computed here, last, whole. Either way the table is the
    same, columns in the same order (:func:`analysis.sentiment.scoring.with_sentiment_scores`).
    """
    from analysis.framing.tables import add_framing
    from analysis.measure.engine import offer
    from analysis.sentiment.actors import actors_for, add_actors
    from analysis.sentiment.scoring import (
        SENTIMENT_COLUMNS,
        add_sentiment,
        sentiment_scores,
        with_sentiment_scores,
    )

    lex = lexicons or Lexicons()
    book = codebook if codebook is not None else lex.codebook
    offered = []
    if "sentence" in sentences.columns and not sentences.columns.isin(SENTIMENT_COLUMNS).any():
        column = sentences["sentence"]
        offered = [offer(sentiment_scores, piece, lex.news_terms) for piece in _pieces(column)]
        measured = sentences
    else:  # (a missing column raises here; scores already there are replaced in place)
        measured = add_sentiment(sentences, news_terms=lex.news_terms)
    if actors:
        measured = add_actors(measured, actors_for(sentences, lex.actors))
    measured = add_framing(measured, codebook=book, sources=lex.sources, hedges=lex.hedges)
    if not offered:
        return measured
    # the last pieces first: a worker takes them from the first, so each is computed once,
    # by whoever reaches it first, and this process waits for one piece at most
    scores = [piece.result() for piece in offered[::-1]][::-1]
    return with_sentiment_scores(measured, np.concatenate(scores), at=len(sentences.columns))


# Sentences per piece of a chunk's sentiment scores offered to a worker (at most
# SENTIMENT_PIECES pieces): small enough that this process waits little for the worker's
# last piece, large enough that handing one over costs little beside it.
SENTENCES_PER_PIECE = 1000
SENTIMENT_PIECES = 4


def _pieces(column: pd.Series) -> list[pd.Series]:
    """``column`` whole, or in consecutive pieces when what is offered now goes to a worker
    (:func:`analysis.measure.engine.offering`): the scores of each sentence are its own
    (:func:`analysis.sentiment.scoring.sentiment_scores`), so the pieces' scores, joined,
    are the column's."""
    from analysis.measure.engine import offering

    n_pieces = min(SENTIMENT_PIECES, len(column) // SENTENCES_PER_PIECE) if offering() else 1
    if n_pieces <= 1:
        return [column]
    bounds = np.linspace(0, len(column), n_pieces + 1).astype(int)
    return [column.iloc[a:b] for a, b in itertools.pairwise(bounds)]


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
