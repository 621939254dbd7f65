"""The per-document chunk step (:mod:`analysis.measure.chunk`): clean, split, measure."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.documents import SENTENCE_COLUMNS
from analysis.corpus.files import to_raw_docs
from analysis.corpus.transcripts import SPEAKER_COLUMNS
from analysis.measure.chunk import measure_sentences, process_chunk


def _raw() -> pd.DataFrame:
    texts = [
        "Menu\nPorts reopened on Monday. Traders said fees may rise.",
        "Critics warned the deal is fragile.",
    ]
    columns = {"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "raw_text": texts}
    return to_raw_docs(columns, 2)


def test_a_chunk_is_cleaned_split_and_measured() -> None:
    result = process_chunk(_raw())
    assert result.documents["n_sentences"].tolist() == [2, 1]
    assert result.audit["rule"].tolist() == ["site_chrome"]
    assert list(result.sentences.columns[: len(SENTENCE_COLUMNS)]) == SENTENCE_COLUMNS
    assert {"compound", "compound_news"} <= set(result.sentences.columns)


def test_without_measures_the_chunk_stops_after_splitting() -> None:
    measured = process_chunk(_raw())
    plain = process_chunk(_raw(), measures=False)
    split = [*SENTENCE_COLUMNS, *SPEAKER_COLUMNS]  # a transcript's speakers come with the split
    assert list(plain.sentences.columns) == split
    pd.testing.assert_frame_equal(plain.sentences, measured.sentences[split])
    pd.testing.assert_frame_equal(plain.documents, measured.documents)


def test_keep_text_false_drops_the_clean_text() -> None:
    assert "text" not in process_chunk(_raw(), keep_text=False).documents.columns


def test_after_cleaning_sees_the_clean_documents_before_they_are_split() -> None:
    seen: list[pd.DataFrame] = []
    result = process_chunk(_raw(), actors=False, after_cleaning=seen.append)
    assert len(seen) == 1
    clean = seen[0]
    assert "n_sentences" not in clean.columns  # not yet split
    assert clean["text"].tolist() == result.documents["text"].tolist()
    assert clean.index.equals(result.documents.index)


def test_the_sentiment_scores_are_offered_and_the_table_is_as_measured_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analysis.framing.tables import add_framing
    from analysis.measure import engine
    from analysis.sentiment.actors import actors_for, add_actors
    from analysis.sentiment.scoring import add_sentiment, sentiment_scores
    from analysis.settings import Lexicons

    sentences = process_chunk(_raw(), measures=False).sentences
    offered: list[tuple[object, tuple[object, ...]]] = []
    real_offer = engine.offer

    def recording_offer(fn: object, *args: object) -> engine.Offered:
        offered.append((fn, args))
        return real_offer(fn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "offer", recording_offer)
    measured = measure_sentences(sentences)
    assert [fn for fn, _ in offered] == [sentiment_scores]  # whole: nothing goes to a worker
    assert offered[0][1][0].equals(sentences["sentence"])  # type: ignore[union-attr]
    lex = Lexicons()
    expected = add_framing(
        add_actors(
            add_sentiment(sentences, news_terms=lex.news_terms), actors_for(sentences, lex.actors)
        ),
        codebook=lex.codebook,
        sources=lex.sources,
        hedges=lex.hedges,
    )
    assert list(measured.columns) == list(expected.columns)  # the same layout
    pd.testing.assert_frame_equal(measured, expected)
    # a table that has its scores already gets them replaced in place, nothing offered
    again = measure_sentences(measured)
    assert len(offered) == 1
    pd.testing.assert_frame_equal(again, expected)


def test_the_sentiment_scores_are_offered_in_pieces_when_they_go_to_a_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from analysis.measure import chunk, engine

    sentences = process_chunk(_raw(), measures=False).sentences
    sentences = pd.concat([sentences] * 4, ignore_index=True)  # 12 sentences
    whole = measure_sentences(sentences)
    pieces: list[pd.Series] = []
    real_offer = engine.offer

    def recording_offer(fn: object, *args: object) -> engine.Offered:
        pieces.append(args[0])  # type: ignore[arg-type]
        return real_offer(fn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "offer", recording_offer)
    monkeypatch.setattr(engine, "offering", lambda: True)
    monkeypatch.setattr(chunk, "SENTENCES_PER_PIECE", 5)
    pd.testing.assert_frame_equal(measure_sentences(sentences), whole)
    assert [len(piece) for piece in pieces] == [6, 6]  # 12 // 5 = 2 pieces, in order
    assert pd.concat(pieces).equals(sentences["sentence"])
    monkeypatch.setattr(chunk, "SENTENCES_PER_PIECE", 2)
    pieces.clear()
    pd.testing.assert_frame_equal(measure_sentences(sentences), whole)
    assert [len(piece) for piece in pieces] == [3, 3, 3, 3]  # at most SENTIMENT_PIECES
